package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"runorrest/cmd/runorrest/internal/graph"
	"runorrest/decision"
)

const graphUsage = `usage: runorrest graph [-src DIR] [-format dot|mermaid]

Graph prints the guide's decision tree on standard output, as a Graphviz
DOT graph (render it with "dot -Tsvg") or a Mermaid flowchart (paste it
into Markdown that renders Mermaid). Questions are boxes, outcomes are
rounded and coloured by their verdict, answers label the edges, and every
node links to its page. The tree must pass "runorrest check".

Flags:
`

// runGraph is the graph subcommand.
func runGraph(args []string) error {
	fset := flag.NewFlagSet("graph", flag.ContinueOnError)
	src := fset.String("src", ".", "the guide's folder, holding content/, templates/ and static/")
	format := fset.String("format", "dot", "the output format: dot or mermaid")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), graphUsage)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageErr(err)
	}
	if fset.NArg() != 0 {
		fset.Usage()
		return usageErr(fmt.Errorf("graph takes no arguments, got %q", fset.Args()))
	}
	f := graph.Format(*format)
	if f != graph.DOT && f != graph.Mermaid {
		return usageErr(fmt.Errorf("-format %q is not dot or mermaid", *format))
	}
	return printGraph(os.DirFS(*src), f, os.Stdout)
}

// printGraph loads the tree held by fsys and prints it in format f.
func printGraph(fsys fs.FS, f graph.Format, w io.Writer) error {
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		return reportProblems(err)
	}
	return graph.Write(w, tree, f)
}
