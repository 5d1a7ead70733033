// Package graph prints a guide's decision tree as a graph description:
// Graphviz DOT or Mermaid. Questions are boxes, outcomes are rounded and
// coloured by the tone of their verdict and labelled with it, and every
// edge carries the answer that takes it.
//
// Output is deterministic: nodes and edges follow the order of the tree file.
package graph

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"runorrest/decision"
)

// Format names an output format.
type Format string

// The formats Write knows.
const (
	DOT     Format = "dot"
	Mermaid Format = "mermaid"
)

// Formats lists the formats in the order the usage text shows them.
var Formats = []Format{DOT, Mermaid}

// ErrFormat is returned for a format Write does not know.
var ErrFormat = errors.New("unknown graph format")

// Write prints t in format f to w.
func Write(w io.Writer, t *decision.Tree, f Format) error {
	bw := bufio.NewWriter(w)
	switch f {
	case DOT:
		writeDOT(bw, t)
	case Mermaid:
		writeMermaid(bw, t)
	default:
		return fmt.Errorf("%w %q (use dot or mermaid)", ErrFormat, string(f))
	}
	return bw.Flush()
}
