package main

import (
	"context"
	"fmt"
	"io"

	"runorrest/cmd/runorrest/internal/graph"
	"runorrest/decision"
)

const graphUsage = `Usage: runorrest graph [-src DIR] [-format dot|mermaid]

Graph prints the guide's decision tree on standard output, as a Graphviz
DOT graph (render it with "dot -Tsvg") or a Mermaid flowchart (paste it
into Markdown that renders Mermaid). Questions are boxes, outcomes are
rounded and coloured by their verdict, answers label the edges, and every
node links to its page. The tree must pass "runorrest check".

Flags:
`

// runGraph is the graph subcommand.
func runGraph(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("graph", graphUsage, stderr)
	var lf loadFlags
	lf.register(fs)
	format := fs.String("format", "dot", "the output `format`: dot or mermaid")
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	f := graph.Format(*format)
	if f != graph.DOT && f != graph.Mermaid {
		return usageError{fmt.Sprintf("-format %q is not dot or mermaid", *format)}
	}
	tree, err := lf.load()
	if err != nil {
		return printGraphProblems(stderr, tree, err)
	}
	return graph.Write(stdout, tree, f)
}

// printGraphProblems prints why the tree cannot be drawn.
func printGraphProblems(stderr io.Writer, tree *decision.Tree, err error) error {
	if n := printProblems(stderr, warningsOf(tree), err); n > 0 {
		return problemsError(n)
	}
	return err
}
