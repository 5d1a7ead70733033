package graph

import (
	"bufio"
	"strings"

	"runorrest/decision"
)

// writeDOT prints t as a Graphviz digraph, read top to bottom.
func writeDOT(w *bufio.Writer, t *decision.Tree) {
	w.WriteString("digraph runorrest {\n")
	w.WriteString("\tlabel=" + dotQuote(t.Title) + ";\n")
	w.WriteString("\tlabelloc=t;\n\trankdir=TB;\n")
	w.WriteString("\tnode [fontname=\"sans-serif\", fontsize=12];\n")
	w.WriteString("\tedge [fontname=\"sans-serif\", fontsize=10];\n")
	for _, q := range t.Questions {
		w.WriteString("\t" + dotQuote(q.ID) + " [shape=box, label=" + dotQuote(q.Text) + ", URL=" + dotQuote(q.ID+".html") + "];\n")
	}
	for _, o := range t.Outcomes {
		c := tones[Tone(t, o)]
		w.WriteString("\t" + dotQuote(o.ID) + " [shape=box, style=\"rounded,filled\", fillcolor=" + dotQuote(c.Fill) +
			", color=" + dotQuote(c.Stroke) + ", label=" + dotQuote(VerdictLabel(t, o)+"\n"+o.Title) +
			", URL=" + dotQuote(o.ID+".html") + "];\n")
	}
	for _, q := range t.Questions {
		for _, o := range q.Options {
			w.WriteString("\t" + dotQuote(q.ID) + " -> " + dotQuote(o.Next) + " [label=" + dotQuote(EdgeLabel(q, o)) + "];\n")
		}
	}
	w.WriteString("}\n")
}

// dotQuote writes s as a DOT double-quoted string. A backslash is doubled
// so that Graphviz does not read it as an escape such as \N or \l, a quote
// is escaped, and a line break becomes \n (centred line).
func dotQuote(s string) string {
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
