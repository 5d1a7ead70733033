// Package mapsvg draws a guide's whole decision tree as an SVG picture for
// the site's map page: questions as boxes, outcomes as rounded boxes
// coloured and labelled by verdict, answers on the edges, and every node a
// link to its page.
//
// A small layered layout (layered.go) places the nodes in columns, left to
// right, and routes the edges with their labels. The package draws the SVG
// itself, so that it carries no inline style, only
// presentation attributes and classes, and is byte-for-byte deterministic.
package mapsvg

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"runorrest/decision"
)

// Line widths for wrapping labels, in characters.
const (
	nodeWrap = 24
	edgeWrap = 18
)

// model is what the map shows, before layout.
type model struct {
	title string
	nodes []node
	edges []edge
}

type node struct {
	id      string   // unique in the model: a question's id, "OUTCOME/N" for the N-th box of an outcome
	page    string   // the id of the node's page
	lines   []string // the label, wrapped; for an outcome the verdict comes first
	outcome bool
	tone    string // go, careful, caution or stop, for an outcome
}

type edge struct {
	from, to string
	lines    []string
}

// newModel is what the map of t shows. An outcome is drawn once for each
// answer that leads to it, next to that answer: the questions keep the
// shape of the tree, and no path to an outcome needs to cross another.
func newModel(t *decision.Tree) *model {
	m := &model{title: t.Title}
	for _, q := range t.Questions {
		m.nodes = append(m.nodes, node{id: q.ID, page: q.ID, lines: wrap(q.Text, nodeWrap)})
	}
	outcomes := map[string]*decision.Outcome{}
	copies := map[string]int{}
	for _, o := range t.Outcomes {
		outcomes[o.ID] = o
	}
	box := func(o *decision.Outcome) string {
		copies[o.ID]++
		id := o.ID + "/" + strconv.Itoa(copies[o.ID])
		lines := append([]string{t.VerdictLabel(o)}, wrap(o.Title, nodeWrap)...)
		m.nodes = append(m.nodes, node{id: id, page: o.ID, lines: lines, outcome: true, tone: t.Tone(o)})
		return id
	}
	for _, q := range t.Questions {
		for _, o := range q.Options {
			to := o.Next
			if out := outcomes[to]; out != nil {
				to = box(out)
			}
			m.edges = append(m.edges, edge{from: q.ID, to: to, lines: wrap(q.OptionLabel(o), edgeWrap)})
		}
	}
	for _, o := range t.Outcomes {
		if copies[o.ID] == 0 { // no answer leads there: still on the map
			box(o)
		}
	}
	return m
}

// wrap breaks s into lines of at most width characters at spaces; a word
// longer than width gets a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
