package site

import (
	"html/template"

	"github.com/yuin/goldmark/ast"
)

// adviceID is the heading id of an outcome page's advice: "## What to do
// today". The page shows that section first, right under the verdict.
const adviceID = "what-to-do-today"

// outcomeParts is an outcome page's guidance cut at its "##" headings, so
// the page can lead with what to do today on a phone's first screen:
// the lead (the text before the first heading), the advice, then every
// other section in the order of the file. The last section says when to
// check again; with the lead and the advice it is what the printed page
// keeps.
type outcomeParts struct {
	Lead     template.HTML
	Advice   *outcomeSection // nil when the page has no sections at all
	Sections []outcomeSection
}

// outcomeSection is one "##" heading of an outcome page and what follows
// it up to the next one.
type outcomeSection struct {
	ID      string // the heading's id
	HTML    template.HTML
	Recheck bool // the last section: when to check again
}

// splitOutcome cuts a parsed outcome page into its parts. The advice is
// the section "What to do today" or, in a page without one, the first
// section.
func (d *mdDoc) splitOutcome() (*outcomeParts, error) {
	var lead []ast.Node
	type cut struct {
		id    string
		nodes []ast.Node
	}
	var cuts []cut
	for n := d.doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			id, _ := h.AttributeString("id")
			ids, _ := id.([]byte)
			cuts = append(cuts, cut{id: string(ids)})
		}
		if len(cuts) == 0 {
			lead = append(lead, n)
		} else {
			c := &cuts[len(cuts)-1]
			c.nodes = append(c.nodes, n)
		}
	}
	p := &outcomeParts{}
	var err error
	if p.Lead, err = d.render(lead...); err != nil {
		return nil, err
	}
	advice := 0
	for i, c := range cuts {
		if c.id == adviceID {
			advice = i
			break
		}
	}
	for i, c := range cuts {
		s := outcomeSection{ID: c.id, Recheck: i == len(cuts)-1 && i != advice}
		if s.HTML, err = d.render(c.nodes...); err != nil {
			return nil, err
		}
		if i == advice {
			p.Advice = &s
			continue
		}
		p.Sections = append(p.Sections, s)
	}
	return p, nil
}
