package decision

import (
	"bytes"
	"fmt"
	"strconv"
)

// wideTree builds, in code, a tree of layers questions deep and width
// questions wide: start offers one option per lane of the first layer
// (through a question per group of MaxOptions lanes when there are more),
// and each question leads to two lanes of the next layer. It has
// width * 2^(layers-1) paths.
func wideTree(width, layers int) *Tree {
	t := &Tree{File: TreeFile, Title: "Wide", Start: "start",
		Verdicts: []*Verdict{{ID: "run", Label: "Run", Tone: "go"}, {ID: "rest", Label: "Rest", Tone: "stop"}},
		Outcomes: []*Outcome{{ID: "run-out", Title: "Run", Verdict: "run", Page: "outcomes/easy-run.md"},
			{ID: "rest-out", Title: "Rest", Verdict: "rest", Page: "outcomes/rest-day.md"}}}
	id := func(layer, lane int) string { return "q" + strconv.Itoa(layer) + "-" + strconv.Itoa(lane) }
	start := &Question{ID: "start", Text: "Which lane?"}
	t.Questions = append(t.Questions, start)
	if width <= MaxOptions {
		for j := range width {
			start.Options = append(start.Options, &Option{Label: "Lane " + strconv.Itoa(j), Next: id(1, j)})
		}
	} else {
		// A question has at most MaxOptions options: start picks a group
		// of lanes, and a question per group picks the lane.
		for g := 0; g*MaxOptions < width; g++ {
			group := &Question{ID: "group-" + strconv.Itoa(g), Text: "Which lane?"}
			start.Options = append(start.Options, &Option{Label: "Lanes " + strconv.Itoa(g*MaxOptions) + " and on", Next: group.ID})
			for j := g * MaxOptions; j < min(width, (g+1)*MaxOptions); j++ {
				group.Options = append(group.Options, &Option{Label: "Lane " + strconv.Itoa(j), Next: id(1, j)})
			}
			t.Questions = append(t.Questions, group)
		}
	}
	for i := 1; i <= layers-1; i++ {
		for j := range width {
			q := &Question{ID: id(i, j), Text: "Which way?"}
			if i == layers-1 {
				q.Options = []*Option{{Label: "Left", Next: "run-out"}, {Label: "Right", Next: "rest-out"}}
			} else {
				q.Options = []*Option{{Label: "Left", Next: id(i+1, j)}, {Label: "Right", Next: id(i+1, (j+1)%width)}}
			}
			t.Questions = append(t.Questions, q)
		}
	}
	return t
}

// chainTree builds, in code, a chain of n questions, each leading on to the
// next or out to an outcome.
func chainTree(n int) *Tree {
	t := &Tree{File: TreeFile, Title: "Chain", Start: "q0",
		Verdicts: []*Verdict{{ID: "run", Label: "Run", Tone: "go"}, {ID: "rest", Label: "Rest", Tone: "stop"}},
		Outcomes: []*Outcome{{ID: "run-out", Title: "Run", Verdict: "run", Page: "outcomes/easy-run.md"},
			{ID: "rest-out", Title: "Rest", Verdict: "rest", Page: "outcomes/rest-day.md"}}}
	t.Questions = make([]*Question, n)
	for i := range n {
		next := "q" + strconv.Itoa(i+1)
		if i == n-1 {
			next = "run-out"
		}
		t.Questions[i] = &Question{ID: "q" + strconv.Itoa(i), Text: "Go on?",
			Options: []*Option{{Label: "Yes", Next: next}, {Label: "No", Next: "rest-out"}}}
	}
	return t
}

// treeYAML writes a tree built in code as a tree file, in flow style to
// keep it small.
func treeYAML(t *Tree) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "title: %s\nstart: %s\nverdicts:\n", t.Title, t.Start)
	for _, v := range t.Verdicts {
		fmt.Fprintf(&b, "  %s: {label: %s, tone: %s}\n", v.ID, v.Label, v.Tone)
	}
	b.WriteString("questions:\n")
	for _, q := range t.Questions {
		fmt.Fprintf(&b, "  %s:\n    text: %s\n    options:\n", q.ID, q.Text)
		for _, o := range q.Options {
			fmt.Fprintf(&b, "      - {label: %s, next: %s}\n", o.Label, o.Next)
		}
	}
	b.WriteString("outcomes:\n")
	for _, o := range t.Outcomes {
		fmt.Fprintf(&b, "  %s: {title: %s, verdict: %s, page: %s}\n", o.ID, o.Title, o.Verdict, o.Page)
	}
	b.WriteString("scenarios: []\n")
	return b.Bytes()
}
