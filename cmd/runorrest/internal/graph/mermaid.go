package graph

import (
	"bufio"
	"encoding/json"
	"strconv"
	"strings"

	"runorrest/cmd/runorrest/internal/mapsvg"
	"runorrest/decision"
)

// writeMermaid prints t as a Mermaid flowchart, read top to bottom, with a
// click link from every node to its page.
func writeMermaid(w *bufio.Writer, t *decision.Tree) {
	// The title goes in the YAML front matter; a JSON string is a valid
	// YAML double-quoted scalar.
	title, _ := json.Marshal(t.Title)
	w.WriteString("---\ntitle: " + string(title) + "\n---\n")
	w.WriteString("flowchart TD\n")
	for _, q := range t.Questions {
		w.WriteString("\t" + mermaidID(q.ID) + "[\"" + mermaidText(q.Text) + "\"]\n")
	}
	for _, o := range t.Outcomes {
		w.WriteString("\t" + mermaidID(o.ID) + "([\"" + mermaidText(t.VerdictLabel(o)) + ": " + mermaidText(o.Title) + "\"])\n")
	}
	for _, q := range t.Questions {
		for _, o := range q.Options {
			w.WriteString("\t" + mermaidID(q.ID) + " -->|\"" + mermaidText(q.OptionLabel(o)) + "\"| " + mermaidID(o.Next) + "\n")
		}
	}
	for _, name := range []string{"go", "careful", "caution", "stop"} {
		c := mapsvg.Tones[name]
		w.WriteString("\tclassDef " + name + " fill:" + c.Fill + ",stroke:" + c.Stroke + ",color:#000\n")
	}
	for _, o := range t.Outcomes {
		w.WriteString("\tclass " + mermaidID(o.ID) + " " + t.Tone(o) + "\n")
	}
	for _, q := range t.Questions {
		w.WriteString("\tclick " + mermaidID(q.ID) + " href \"" + q.ID + ".html\"\n")
	}
	for _, o := range t.Outcomes {
		w.WriteString("\tclick " + mermaidID(o.ID) + " href \"" + o.ID + ".html\"\n")
	}
}

// mermaidID turns a slug into a Mermaid node id. The prefix keeps ids clear
// of Mermaid's keywords (end, graph, click...) and of edge syntax (a node
// named o or x); slugs have no underscore, so the mapping is one to one.
func mermaidID(slug string) string {
	return "n_" + strings.ReplaceAll(slug, "-", "_")
}

// mermaidText escapes s for a quoted Mermaid label with entity codes:
// quotes, the characters Mermaid reads as markup or edge syntax, and # (the
// start of an entity code itself). A line break becomes a space.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"', '#', '<', '>', '&', '|', '[', ']', '{', '}', '(', ')', '`', '\\':
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
