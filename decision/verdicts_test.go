package decision

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// verdictLines lists every answer sequence of t and where it ends, one a
// line, sorted: "soreness=3 > where=one-spot => injury-watch (rest)". A
// scale question is answered with each of its values in turn. name says
// how a question is written, names how an option is (an option may stand
// for several answers, or none).
func verdictLines(t *Tree, name func(*Question) string, names func(*Question, *Option) []string) []string {
	var lines, steps []string
	var walk func(id string)
	walk = func(id string) {
		if o := t.Outcome(id); o != nil {
			lines = append(lines, strings.Join(steps, " > ")+" => "+o.ID+" ("+o.Verdict+")")
			return
		}
		q := t.Question(id)
		try := func(answer, next string) {
			steps = append(steps, name(q)+"="+answer)
			walk(next)
			steps = steps[:len(steps)-1]
		}
		if q.Scale != nil {
			for v := q.Scale.Min; v <= q.Scale.Max; v++ {
				for _, o := range q.Options {
					if o.Lo <= v && v <= o.Hi {
						try(strconv.Itoa(v), o.Next)
					}
				}
			}
			return
		}
		for _, o := range q.Options {
			for _, n := range names(q, o) {
				try(n, o.Next)
			}
		}
	}
	walk(t.Start)
	slices.Sort(lines)
	return lines
}

// TestGuideVerdicts pins the advice of the default guide for every answer
// sequence, naming each question by the shared question it asks and each
// answer by its id, so that a change of words never shows here and a
// change of advice always does. Run `go test ./decision -run
// TestGuideVerdicts -update` after a change of advice you mean to make, and
// read the diff of testdata/guide-verdicts.golden.
func TestGuideVerdicts(t *testing.T) {
	tree, err := Load(os.DirFS(".."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	name := func(q *Question) string {
		if q.Ask != "" {
			return q.Ask
		}
		return q.ID
	}
	names := func(_ *Question, o *Option) []string { return []string{o.Name()} }
	got := strings.Join(verdictLines(tree, name, names), "\n") + "\n"
	const golden = "testdata/guide-verdicts.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the guide's advice changed; got:\n%s\nwant:\n%s", got, want)
	}
}
