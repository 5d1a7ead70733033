package graph

import (
	"bufio"
	"strings"

	"runorrest/cmd/runorrest/internal/mapsvg"
	"runorrest/decision"
)

// writeDOT prints t as a Graphviz digraph, read top to bottom.
func writeDOT(w *bufio.Writer, t *decision.Tree) {
	w.WriteString("digraph runorrest {\n")
	w.WriteString("\tlabel=" + DOTQuote(t.Title) + ";\n")
	w.WriteString("\tlabelloc=t;\n\trankdir=TB;\n")
	w.WriteString("\tnode [fontname=\"sans-serif\", fontsize=12];\n")
	w.WriteString("\tedge [fontname=\"sans-serif\", fontsize=10];\n")
	for _, q := range t.Questions {
		w.WriteString("\t" + DOTQuote(q.ID) + " [shape=box, label=" + DOTQuote(q.Text) + ", URL=" + DOTQuote(q.ID+".html") + "];\n")
	}
	for _, o := range t.Outcomes {
		c := mapsvg.Tones[t.Tone(o)]
		w.WriteString("\t" + DOTQuote(o.ID) + " [shape=box, style=\"rounded,filled\", fillcolor=" + DOTQuote(c.Fill) +
			", color=" + DOTQuote(c.Stroke) + ", label=" + DOTQuote(t.VerdictLabel(o)+"\n"+o.Title) +
			", URL=" + DOTQuote(o.ID+".html") + "];\n")
	}
	for _, q := range t.Questions {
		for _, o := range q.Options {
			w.WriteString("\t" + DOTQuote(q.ID) + " -> " + DOTQuote(o.Next) + " [label=" + DOTQuote(q.OptionLabel(o)) + "];\n")
		}
	}
	w.WriteString("}\n")
}

// DOTQuote writes s as a DOT double-quoted string. A backslash is doubled
// so that Graphviz does not read it as an escape such as \N or \l, a quote
// is escaped, and a line break becomes \n (centred line).
func DOTQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
