package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"runorrest/cmd/runorrest/internal/report"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
	"runorrest/decision/readability"
)

const checkUsage = `Usage: runorrest check [-src DIR] [-max-depth N] [-format F] [-strict] [-report] [-as-of DATE] [-diff REV]

Check validates content/tree.yaml: its YAML, every check of the tree file
(go doc runorrest/decision), that every outcome's page exists, that every
scenario passes, and that every safety rule of the file holds on every path.
It prints every problem and warning to stderr, one a line as
file:line:col: what is wrong (how to fix it), and exits 1 if there are errors.
On success it prints a summary: questions, outcomes, the exact number of
paths, the shortest and longest path, paths per verdict, scenarios passed,
rules proved.

It also checks the words: the reading level (Flesch-Kincaid grade) of every
question against the tree's reading-age (default 11, grade 6), with a
warning at the hardest sentence of each question above it, and the tree's
review date: a warning from 30 days before the next review is due, an error
once it is overdue. -strict turns every warning into an error. -report
prints the reading level of every question, worst first.

-format json writes one JSON document to stdout instead: every problem with
file, line, column, severity and message, the summary figures and the
reading levels. -format github writes each problem as a GitHub Actions
workflow command (::error file=...,line=...,col=...::message), which shows it
as an annotation on the pull request, then the summary.

` + diffUsage + `
Flags:
`

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), checkUsage)
		fs.PrintDefaults()
	}
	var lf loadFlags
	lf.register(fs)
	diff := fs.String("diff", "", "also list the paths whose advice changed since git `revision` REV")
	format := fs.String("format", "text", "the output `format`: text, json or github")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	table := fs.Bool("report", false, "print the reading level of every question, worst first")
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
	tree, err := lf.load()
	if err != nil && !errors.As(err, new(decision.Problems)) {
		return err
	}
	var res report.Result
	errors.As(err, &res.Problems)
	age := decision.DefaultReadingAge
	if tree != nil {
		res.Problems = append(res.Problems, tree.Warnings...)
		if err == nil {
			age = tree.ReadingAge
			res.Summary = report.NewSummary(tree)
			res.Reading = tree.QuestionReadings(helpBlocks)
			res.Problems = append(res.Problems, health(tree, res.Reading, day)...)
		}
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
	report.Sort(res.Problems)
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
		return checkDiff(stdout, lf.src, *diff, tree)
	}
	return nil
}

// helpBlocks is the text of a question's Markdown help, for the reading
// level.
func helpBlocks(md string) []readability.Block { return site.TextBlocks([]byte(md), 1) }

// health returns the reading-level warnings of the readings and the
// tree's review problem, if any.
func health(tree *decision.Tree, rs []decision.Reading, day time.Time) decision.Problems {
	var ps decision.Problems
	for _, r := range rs {
		if p := r.Check(tree.ReadingAge); p != nil {
			ps = append(ps, p)
		}
	}
	if p := decision.CheckReview(tree.File, tree.Review, tree.ReviewInterval, day); p != nil {
		ps = append(ps, p)
	}
	return ps
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
	return err
}

// helpOK turns the -h "error" into success.
func helpOK(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}
