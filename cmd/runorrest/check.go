package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"runorrest/cmd/runorrest/internal/report"
	"runorrest/decision"
)

const checkUsage = `Usage: runorrest check [-src DIR] [-max-depth N] [-base-url URL] [-format F] [-strict] [-report] [-as-of DATE] [-diff REV]

Check runs the very build of "runorrest build" without writing anything:
content/tree.yaml (its YAML, every check of the tree file in go doc
runorrest/decision, every scenario, every safety rule of the file on every
path), the words' reading level and review date, the Markdown pages and
their links, the templates, the stylesheet and the scripts. Whatever build
would refuse, check reports, with the same lines.
It prints every problem and warning to stderr, one a line as
file:line:col: what is wrong (how to fix it), and exits 1 if there are errors.
On success it prints a summary: questions, outcomes, the exact number of
paths, the shortest and longest path, paths per verdict, scenarios passed,
rules proved, and the scenarios' coverage: how many answers and outcomes
they walk through, with the place of each one they miss.

It also checks the words: the reading level (Flesch-Kincaid grade) of every
page and question against the tree's reading-age (default 11, grade 6),
with a warning at the hardest sentence of each one above it; the review
dates of the tree and of every page: a warning from 30 days before the next
review is due, an error once it is overdue (-as-of previews another day);
and that no two pages share a title or a description. -strict turns every
warning into an error. -report prints the reading level of every page and
question, worst first.

-format json writes one JSON document to stdout instead: every problem with
file, line, column, severity and message, the summary figures and the
reading levels. -format github writes each problem as a GitHub Actions
workflow command (::error file=...,line=...,col=...::message), which shows it
as an annotation on the pull request, then the summary.

` + diffUsage + `
Flags:
`

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", checkUsage, stderr)
	var bf buildFlags
	bf.register(fs)
	diff := fs.String("diff", "", "also list the paths whose advice changed since git `revision` REV")
	format := fs.String("format", "text", "the output `format`: text, json or github")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	table := fs.Bool("report", false, "print the reading level of every page and question, worst first")
	asOf := fs.String("as-of", "", "check review dates as of this `day` (YYYY-MM-DD) instead of today")
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	if !slices.Contains(report.Formats, *format) {
		return usageError{fmt.Sprintf("unknown -format %q (use %s)", *format, strings.Join(report.Formats, ", "))}
	}
	day := decision.Day(time.Now())
	if *asOf != "" {
		d, err := decision.ParseDate(*asOf)
		if err != nil {
			return usageError{"-as-of: " + err.Error()}
		}
		day = d
	}
	opts, err := bf.options()
	if err != nil {
		return err
	}
	opts.Today = day
	r, err := bf.build(ctx, opts)
	if err != nil && !errors.As(err, new(decision.Problems)) {
		return err
	}
	var res report.Result
	errors.As(err, &res.Problems)
	res.Problems = append(res.Problems, r.Warnings...)
	res.Reading, res.Unmeasured = r.Reading, r.Unmeasured
	tree := r.Tree
	age := decision.DefaultReadingAge
	if tree != nil {
		age = tree.ReadingAge
		res.Summary = report.NewSummary(tree)
	}
	if *strict {
		for i, p := range res.Problems {
			if p.Warning {
				q := *p
				q.Warning = false
				res.Problems[i] = &q
			}
		}
	}
	decision.SortProblems(res.Problems)
	n := report.Errors(res.Problems)
	if n > 0 {
		res.Summary = nil
	}
	if err := writeCheck(stdout, stderr, *format, *table, age, res); err != nil {
		return err
	}
	if n > 0 {
		return problemsError(n)
	}
	if *diff != "" {
		if err := checkDiff(stdout, bf.src, *diff, tree); err != nil {
			return err
		}
		if len(r.Translations) > 0 {
			printStale(stdout, r.Warnings)
		}
	}
	return nil
}

// writeCheck writes the result in a format of -format.
func writeCheck(stdout, stderr io.Writer, format string, table bool, age int, res report.Result) error {
	if format == "json" {
		return report.WriteJSON(stdout, res)
	}
	var err error
	if format == "github" {
		err = report.WriteGitHub(stdout, res.Problems)
	} else {
		err = report.WriteProblems(stderr, res.Problems)
	}
	if err == nil && res.Summary != nil {
		err = report.WriteSummary(stdout, decision.TreeFile, res.Summary)
	}
	if err == nil && table && len(res.Reading) > 0 {
		err = report.WriteTable(stdout, res.Reading, age)
	}
	if err == nil && table {
		err = report.WriteUnmeasured(stdout, res.Unmeasured)
	}
	return err
}

// helpOK turns the -h "error" into success.
func helpOK(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}
