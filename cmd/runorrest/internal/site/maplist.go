package site

import (
	"runorrest/decision"
)

// mapItem is a node of the map page's list: the whole tree as nested
// lists, from the first question down, which a phone shows instead of the
// drawing. Every node is a link to its page; under a question, each answer
// and the node it leads to. A question met a second time (two answers lead
// there) is listed once, and named again where the others lead.
type mapItem struct {
	Href, Text string
	Verdict    string // an outcome's verdict label; "" for a question
	Tone       string // an outcome's tone
	Seen       bool   // listed above, with its answers
	Answers    []mapAnswer
}

type mapAnswer struct {
	Label string
	Next  *mapItem
}

// mapList lists the tree from its first question. The work is linear in
// the questions and answers: each question's answers are listed once.
func mapList(t *decision.Tree) *mapItem {
	seen := map[string]bool{}
	var item func(id string) *mapItem
	item = func(id string) *mapItem {
		if o := t.Outcome(id); o != nil {
			return &mapItem{Href: id + ".html", Text: o.Title, Verdict: t.VerdictLabel(o), Tone: t.Tone(o)}
		}
		q := t.Question(id)
		if q == nil {
			return &mapItem{Href: id + ".html", Text: id}
		}
		it := &mapItem{Href: id + ".html", Text: q.Text, Seen: seen[id]}
		if it.Seen {
			return it
		}
		seen[id] = true
		for _, o := range q.Options {
			it.Answers = append(it.Answers, mapAnswer{Label: q.OptionLabel(o), Next: item(o.Next)})
		}
		return it
	}
	return item(t.Start)
}
