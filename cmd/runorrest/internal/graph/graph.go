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
	"strconv"

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

// Tone colours: a light fill and a dark border, the same in both formats
// and in the site's map.
type toneColours struct{ Fill, Stroke string }

var tones = map[string]toneColours{
	"go":      {"#d7f0d2", "#2e7d32"},
	"careful": {"#eef5c4", "#5f6b00"},
	"caution": {"#fdebc8", "#a15c00"},
	"stop":    {"#f9d3d0", "#b3261e"},
}

// Tone returns the tone of an outcome's verdict, "caution" when the verdict
// or its tone is missing.
func Tone(t *decision.Tree, o *decision.Outcome) string {
	if v := verdict(t, o.Verdict); v != nil {
		if _, ok := tones[v.Tone]; ok {
			return v.Tone
		}
	}
	return "caution"
}

// VerdictLabel returns the label of an outcome's verdict, or its id when the
// verdict is unknown.
func VerdictLabel(t *decision.Tree, o *decision.Outcome) string {
	if v := verdict(t, o.Verdict); v != nil && v.Label != "" {
		return v.Label
	}
	return o.Verdict
}

// EdgeLabel is the words on the edge of an option: its label, and for a
// scale question the values it covers ("Mild (1-2)").
func EdgeLabel(q *decision.Question, o *decision.Option) string {
	if q.Scale == nil {
		return o.Label
	}
	return o.Label + " (" + Values(o) + ")"
}

// Values writes the values of a scale option: "3" or "1-2".
func Values(o *decision.Option) string {
	if o.Lo == o.Hi {
		return strconv.Itoa(o.Lo)
	}
	return strconv.Itoa(o.Lo) + "-" + strconv.Itoa(o.Hi)
}

func verdict(t *decision.Tree, id string) *decision.Verdict {
	for _, v := range t.Verdicts {
		if v.ID == id {
			return v
		}
	}
	return nil
}
