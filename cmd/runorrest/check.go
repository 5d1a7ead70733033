package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"runorrest/decision"
)

const checkUsage = `Usage: runorrest check [-src DIR] [-max-depth N]

Check validates content/tree.yaml: its YAML, every rule of the tree file
(go doc runorrest/decision), that every outcome's page exists, and that every
scenario passes. It prints every problem and warning to stderr, one a line as
file:line:col: what is wrong (how to fix it), and exits 1 if there are errors.
On success it prints a summary: questions, outcomes, the exact number of
paths, the shortest and longest path, paths per verdict, scenarios passed.

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
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	tree, err := lf.load()
	if err != nil && !errors.As(err, new(decision.Problems)) {
		return err
	}
	if n := printProblems(stderr, tree, err); n > 0 {
		return problemsError(n)
	}
	s := tree.Stats()
	fmt.Fprintf(stdout, "%s is valid.\n", tree.File)
	fmt.Fprintf(stdout, "questions: %d\n", s.Questions)
	fmt.Fprintf(stdout, "outcomes: %d\n", s.Outcomes)
	fmt.Fprintf(stdout, "paths: %s\n", s.Paths)
	fmt.Fprintf(stdout, "shortest path: %s\n", questions(s.Shortest))
	fmt.Fprintf(stdout, "longest path: %s\n", questions(s.Longest))
	for _, v := range s.PerVerdict {
		fmt.Fprintf(stdout, "paths to %s: %s\n", v.Verdict, v.Paths)
	}
	fmt.Fprintf(stdout, "scenarios passed: %d of %d\n", s.Scenarios, len(tree.Scenarios))
	return nil
}

func questions(n int) string {
	if n == 1 {
		return "1 question"
	}
	return fmt.Sprintf("%d questions", n)
}

// helpOK turns the -h "error" into success.
func helpOK(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}
