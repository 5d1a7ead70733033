package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"runorrest/decision"
)

const pathsUsage = `Usage: runorrest paths [-src DIR] [-format text|csv|json] [-verdict V] [-limit N]

Paths lists every path from the first question to an outcome, one a line, in
a fixed order, for a reviewer checking the advice:

  soreness=1-3 > where=All over > tired=No => easy-run (run)

It streams: the first paths come at once however many there are. The tree
must check clean (see runorrest check); if not, its problems are printed.
Formats: text as above; csv with the columns path,outcome,verdict,questions;
json with one object a line: {"steps":[{"question":..,"answer":..}],
"outcome":..,"verdict":..} (a scale step also has "values", an option with an
id "id", a step of a shared question "ask").

Flags:
`

var pathFormats = []string{"text", "csv", "json"}

func runPaths(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("paths", pathsUsage, stderr)
	var lf loadFlags
	lf.register(fs)
	format := fs.String("format", "text", "the output `format`: text, csv or json")
	verdict := fs.String("verdict", "", "list only paths to outcomes of this `verdict`")
	limit := fs.Int("limit", 0, "list at most `N` paths (0: all)")
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	if !slices.Contains(pathFormats, *format) {
		return usageError{fmt.Sprintf("paths: unknown -format %q (use text, csv or json)", *format)}
	}
	if *limit < 0 {
		return usageError{fmt.Sprintf("paths: -limit must not be negative, not %d", *limit)}
	}
	tree, err := lf.load()
	if err != nil {
		if !errors.As(err, new(decision.Problems)) {
			return err
		}
		return problemsError(printProblems(stderr, warningsOf(tree), err))
	}
	if *verdict != "" && tree.Verdict(*verdict) == nil {
		var ids []string
		for _, v := range tree.Verdicts {
			ids = append(ids, v.ID)
		}
		return usageError{fmt.Sprintf("paths: the tree has no verdict %q (it has %s)", *verdict, strings.Join(ids, ", "))}
	}
	w := bufio.NewWriter(stdout)
	write, flush := pathWriter(*format, w)
	n := 0
	for p := range tree.Paths(*verdict) {
		if err := write(p); err != nil {
			return err
		}
		if n++; n == *limit {
			break
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return w.Flush()
}

// pathWriter returns functions that write one path in the format, and
// flush what the format buffers.
func pathWriter(format string, w io.Writer) (write func(decision.Path) error, flush func() error) {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"path", "outcome", "verdict", "questions"})
		return func(p decision.Path) error {
				return cw.Write([]string{p.Answers(), p.Outcome.ID, p.Outcome.Verdict, strconv.Itoa(len(p.Steps))})
			}, func() error {
				cw.Flush()
				return cw.Error()
			}
	case "json":
		enc := json.NewEncoder(w)
		return func(p decision.Path) error { return enc.Encode(jsonPath(p)) }, noFlush
	}
	return func(p decision.Path) error {
		_, err := fmt.Fprintln(w, p)
		return err
	}, noFlush
}

func noFlush() error { return nil }

type jsonStep struct {
	Question string `json:"question"`
	Ask      string `json:"ask,omitempty"`
	ID       string `json:"id,omitempty"`
	Answer   string `json:"answer"`
	Values   string `json:"values,omitempty"`
}

type jsonPathLine struct {
	Steps   []jsonStep `json:"steps"`
	Outcome string     `json:"outcome"`
	Verdict string     `json:"verdict"`
}

func jsonPath(p decision.Path) jsonPathLine {
	out := jsonPathLine{Outcome: p.Outcome.ID, Verdict: p.Outcome.Verdict, Steps: make([]jsonStep, len(p.Steps))}
	for i, s := range p.Steps {
		out.Steps[i] = jsonStep{Question: s.Question.ID, Ask: s.Question.Ask, ID: s.Option.ID, Answer: s.Option.Label}
		if s.Question.Scale != nil {
			out.Steps[i].Values = s.Option.Values()
		}
	}
	return out
}
