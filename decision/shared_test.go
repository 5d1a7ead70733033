package decision

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func sharedTree(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/good/shared.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStepsTakeSharedWords checks that a step asking a shared question has
// the shared words, its own route and its own why where it gives one, and
// keeps its own id, position and page.
func TestStepsTakeSharedWords(t *testing.T) {
	tree, err := Parse(TreeFile, []byte(sharedTree(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	type opt struct{ id, label, next, why string }
	tests := []struct {
		step, ask, text string
		line            int
		opts            []opt
	}{
		{"where-mild", "where", "Where is it sore?", 58, []opt{
			{"all-over", "All over", "energy-mild", "Soreness all over is the usual kind after a hard run."},
			{"one-spot", "One spot", "rest-day", "Soreness in one spot can be an injury starting."}}},
		{"where-moderate", "where", "Where is it sore?", 63, []opt{
			{"all-over", "All over", "energy-moderate", "Moderate soreness all over still calls for a gentle day."},
			{"one-spot", "One spot", "rest-day", "Soreness in one spot can be an injury starting."}}},
		{"energy-moderate", "energy", "How much energy do you have?", 75, []opt{
			{"low", "Low", "rest-day", ""}, {"fine", "Fine", "cross-train", ""}}},
	}
	for _, tt := range tests {
		q := tree.Question(tt.step)
		if q == nil {
			t.Fatalf("no step %q", tt.step)
		}
		if q.Ask != tt.ask || q.Text != tt.text || q.Pos.Line != tt.line {
			t.Errorf("step %s: ask %q, text %q, line %d; want %q, %q, %d", tt.step, q.Ask, q.Text, q.Pos.Line, tt.ask, tt.text, tt.line)
		}
		var got []opt
		for _, o := range q.Options {
			got = append(got, opt{o.ID, o.Label, o.Next, o.Why})
		}
		if !slices.Equal(got, tt.opts) {
			t.Errorf("step %s options = %v; want %v", tt.step, got, tt.opts)
		}
	}
	if s := tree.SharedQuestion("energy"); s == nil || s.Scale == nil || s.Scale.Max != 5 || s.Options[0].Next != "" {
		t.Errorf("SharedQuestion(energy) = %+v; want the scale 1-5 without routes", s)
	}
	if tree.Question("where") != nil || tree.SharedQuestion("where-mild") != nil {
		t.Error("steps and shared questions are looked up in one another's namespace")
	}
	if got := tree.Question("energy-mild").Scale; got != tree.SharedQuestion("energy").Scale {
		t.Errorf("step energy-mild has scale %v; want the shared one", got)
	}
	st := tree.Stats()
	if st.Questions != 5 || st.Paths.Int64() != 7 || st.Scenarios != 4 {
		t.Errorf("Stats = %d questions, %v paths, %d scenarios; want 5, 7, 4", st.Questions, st.Paths, st.Scenarios)
	}
}

// TestOneEditRewordsEveryStep: changing a shared question's words, or an
// answer's label, is one edit, and every step that asks it follows; the
// routes and the scenarios, which name answers by id, need no change.
func TestOneEditRewordsEveryStep(t *testing.T) {
	s := sharedTree(t)
	s = strings.Replace(s, "text: Where is it sore?", "text: Where do your legs hurt?", 1)
	s = strings.Replace(s, "label: One spot", "label: In one spot or on one side", 1)
	tree, err := Parse(TreeFile, []byte(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"where-mild", "where-moderate"} {
		q := tree.Question(id)
		if q.Text != "Where do your legs hurt?" || q.Options[1].Label != "In one spot or on one side" {
			t.Errorf("step %s = %q / %q; want the new words", id, q.Text, q.Options[1].Label)
		}
	}
}

// TestRouteChecks covers the class of mistakes in a step's route: every
// answer of the question routed exactly once, by its id.
func TestRouteChecks(t *testing.T) {
	base := sharedTree(t)
	tests := []struct {
		name, old, new string
		err            error
		want           []string // every problem, in order
	}{
		{"answer missing", "      all-over: energy-mild\n", "", ErrRoute, []string{
			`:60:5: question "where-mild": next has no route for answer "all-over" ("All over") of shared question "where"`}},
		{"every answer missing", "    next:\n      low: cross-train\n      fine: easy-run\n", "    next: {}\n", ErrRoute, []string{
			`:72:5: question "energy-mild": next has no route for answer "low" ("Low")`,
			`:72:5: question "energy-mild": next has no route for answer "fine" ("Fine")`}},
		{"next is a list", "    next:\n      low: cross-train\n      fine: easy-run\n", "    next: [cross-train, easy-run]\n", ErrType, []string{
			`:72:11: question "energy-mild": next must be a mapping from answer id to the id of a question or outcome, not a list`}},
		{"label instead of id", "      one-spot: rest-day\n  where-moderate", "      One spot: rest-day\n  where-moderate", ErrRoute, []string{
			`:62:7: question "where-mild": next names "One spot", which is no answer of shared question "where" (did you mean "one-spot"?)`}},
		{"unknown and missing", "      one-spot: rest-day\n  where-moderate", "      elsewhere: rest-day\n  where-moderate", ErrRoute, []string{
			`:60:5: question "where-mild": next has no route for answer "one-spot"`,
			`:62:7: question "where-mild": next names "elsewhere", which is no answer of shared question "where" (its answers are: all-over, one-spot)`}},
		{"answer routed twice", "      low: cross-train\n", "      low: cross-train\n      low: easy-run\n", ErrDuplicateKey, []string{
			`:74:7: question "energy-mild": duplicate key "low"`}},
		{"unknown shared question", "ask: energy\n    next:\n      low: cross-train", "ask: tired\n    next:\n      low: cross-train", ErrAsk, []string{
			`:71:10: question "energy-mild" asks "tired", which is no shared question (name one of: where, energy)`}},
		{"no ask value", "ask: energy\n    next:\n      low: cross-train", "ask:\n    next:\n      low: cross-train", ErrEmptyText, []string{
			`:71:9: question "energy-mild": ask is empty`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.old) {
				t.Fatalf("shared.yaml has no %q", tt.old)
			}
			_, err := Parse(TreeFile, []byte(strings.Replace(base, tt.old, tt.new, 1)), Options{})
			if !errors.Is(err, tt.err) {
				t.Fatalf("Parse = %v; want %v", err, tt.err)
			}
			if tt.want == nil {
				return
			}
			var ps Problems
			errors.As(err, &ps)
			if len(ps) != len(tt.want) {
				t.Fatalf("Parse = %d problems:\n%v\nwant %d", len(ps), err, len(tt.want))
			}
			for i, p := range ps {
				if !strings.Contains(p.Error(), tt.want[i]) {
					t.Errorf("problem %d = %s; want it to contain %s", i+1, p, tt.want[i])
				}
			}
		})
	}
}

// TestScenarioAnswersByID: a scenario names an answer of a shared question
// by the shared question's id or the step's, and by the answer's id; a
// scale by a number or an option's id.
func TestScenarioAnswersByID(t *testing.T) {
	base := sharedTree(t)
	tests := []struct {
		name, answers, expect, problem string
	}{
		{"shared ids", "soreness: 2\n      where: all-over\n      energy: 1", "cross-train", ""},
		{"step ids", "soreness: 2\n      where-mild: all-over\n      energy-mild: 1", "cross-train", ""},
		{"scale option by id", "soreness: moderate\n      where: one-spot", "rest-day", ""},
		{"scale's first option by id", "soreness: mild\n      where: one-spot", "rest-day", ""},
		{"scale option by id, wrong outcome", "soreness: mild\n      where: all-over\n      energy: 1", "rest-day", `scenario "t" ends at "cross-train", not at "rest-day" (path taken: soreness=1-3 > where-mild=All over`},
		{"scale answer by label", "soreness: Mild\n      where: one-spot", "rest-day", `that is the label of option "mild": name it by its id`},
		{"answer by label", "soreness: 2\n      where: One spot", "rest-day", `that is the label of option "one-spot": name it by its id`},
		{"step id wins over shared id", "soreness: 2\n      where-mild: one-spot\n      where: all-over", "rest-day", `scenario "t" answers "where", which is not on its path`},
		{"unknown shared question", "soreness: 2\n      wher: one-spot", "rest-day", `answers unknown question "wher" (did you mean "where"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base[:strings.Index(base, "scenarios:")] + "scenarios:\n  - name: t\n    answers:\n      " + tt.answers + "\n    expect: " + tt.expect + "\n"
			_, err := Parse(TreeFile, []byte(s), Options{})
			switch {
			case tt.problem == "" && err != nil:
				t.Errorf("Parse = %v; want no problem", err)
			case tt.problem != "" && (err == nil || !strings.Contains(err.Error(), tt.problem)):
				t.Errorf("Parse = %v; want %q", err, tt.problem)
			}
		})
	}
}

// TestSharedLimit refuses more than MaxShared shared questions at the first
// one too many, and accepts MaxShared.
func TestSharedLimit(t *testing.T) {
	for _, n := range []int{MaxShared, MaxShared + 1} {
		var b strings.Builder
		b.WriteString("title: T\nstart: q\nverdicts:\n  run:\n    label: Run\nshared:\n")
		for i := range n {
			fmt.Fprintf(&b, "  s%d:\n    text: S?\n    options:\n      - {id: a, label: A}\n      - {id: b, label: B}\n", i)
		}
		b.WriteString("questions:\n  q:\n    ask: s0\n    next: {a: o, b: o2}\noutcomes:\n  o: {title: O, verdict: run, page: o.md}\n  o2: {title: O, verdict: run, page: o.md}\nscenarios: []\n")
		_, err := Parse(TreeFile, []byte(b.String()), Options{})
		tooMany := errors.Is(err, ErrTooLarge)
		if tooMany != (n > MaxShared) {
			t.Errorf("%d shared questions: Parse = %v; want ErrTooLarge %v", n, err, n > MaxShared)
		}
		if want := fmt.Sprintf(":%d:3: shared has %d questions, more than %d", 7+5*MaxShared, n, MaxShared); tooMany && !strings.Contains(err.Error(), want) {
			t.Errorf("Parse = %v; want %q", err, want)
		}
	}
}

// TestRuleBeforeSharedQuestion: a rule that names a shared question in
// before says which step of it a breaking path reaches first.
func TestRuleBeforeSharedQuestion(t *testing.T) {
	s := sharedTree(t) + "rules:\n  - name: energy first\n    to: [run]\n    asks: [energy]\n    before: [where]\n"
	_, err := Parse(TreeFile, []byte(s), Options{})
	want := `rule "energy first" is broken by soreness=1-3 > where-mild=All over > energy-mild=3-5 => easy-run (run), which reaches where-mild before it asks energy`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Parse = %v; want %s", err, want)
	}
}
