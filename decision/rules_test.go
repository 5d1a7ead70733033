package decision

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// randomTree builds a small random DAG: each question leads to later
// questions or to outcomes; some are scales. The questions are then written
// in a random order, so that start is often not the first of the file and
// an option often leads to an earlier question.
func randomTree(r *rand.Rand) *Tree {
	t := &Tree{File: TreeFile, Title: "Random", Start: "q0",
		Verdicts: []*Verdict{{ID: "run", Label: "Run"}, {ID: "cross", Label: "Cross"}, {ID: "rest", Label: "Rest"}}}
	nq := 2 + r.IntN(6)
	no := 2 + r.IntN(3)
	for k := range no {
		t.Outcomes = append(t.Outcomes, &Outcome{ID: "o" + strconv.Itoa(k), Title: "O", Verdict: t.Verdicts[r.IntN(3)].ID, Page: "outcomes/easy-run.md"})
	}
	for i := range nq {
		q := &Question{ID: "q" + strconv.Itoa(i), Text: "Q?"}
		n := 2 + r.IntN(3)
		if r.IntN(3) == 0 {
			q.Scale = &Scale{Min: 1, Max: 10}
			cuts := []int{0}
			for len(cuts) < n {
				if c := 1 + r.IntN(9); !slices.Contains(cuts, c) {
					cuts = append(cuts, c)
				}
			}
			slices.Sort(cuts)
			cuts = append(cuts, 10)
			for j := range n {
				q.Options = append(q.Options, &Option{Label: "v" + strconv.Itoa(j), Lo: cuts[j] + 1, Hi: cuts[j+1]})
			}
		} else {
			for j := range n {
				q.Options = append(q.Options, &Option{Label: "a" + strconv.Itoa(j)})
			}
		}
		for _, o := range q.Options {
			if i+1 < nq && r.IntN(3) > 0 {
				o.Next = "q" + strconv.Itoa(i+1+r.IntN(nq-i-1))
			} else {
				o.Next = "o" + strconv.Itoa(r.IntN(no))
			}
		}
		t.Questions = append(t.Questions, q)
	}
	r.Shuffle(len(t.Questions), func(i, j int) {
		t.Questions[i], t.Questions[j] = t.Questions[j], t.Questions[i]
	})
	return t
}

// randomRule makes a rule of a random kind about the questions and
// verdicts of t.
func randomRule(r *rand.Rand, t *Tree, n int) *Rule {
	rule := &Rule{Name: "rule " + strconv.Itoa(n), Pos: Pos{n + 1, 1}}
	verdicts := func() []string {
		var ids []string
		for _, v := range t.Verdicts {
			if r.IntN(2) == 0 {
				ids = append(ids, v.ID)
			}
		}
		if ids == nil {
			ids = []string{t.Verdicts[r.IntN(3)].ID}
		}
		return ids
	}
	questions := func() []string {
		var ids []string
		for _, q := range t.Questions {
			if r.IntN(3) == 0 {
				ids = append(ids, q.ID)
			}
		}
		return ids
	}
	for k := range r.IntN(3) {
		c := Condition{Pos: Pos{n + 1, k + 2}}
		for _, qi := range r.Perm(len(t.Questions))[:1+r.IntN(2)] {
			q := t.Questions[qi]
			cl := Clause{Question: q.ID}
			for range 1 + r.IntN(2) {
				if q.Scale != nil {
					lo := 1 + r.IntN(10)
					cl.Answers = append(cl.Answers, span(lo, lo+r.IntN(11-lo)))
				} else {
					cl.Answers = append(cl.Answers, q.Options[r.IntN(len(q.Options))].Label)
				}
			}
			c.Clauses = append(c.Clauses, cl)
		}
		rule.When = append(rule.When, c)
	}
	switch r.IntN(3) {
	case 0:
		rule.Only = verdicts()
	case 1:
		rule.Never = verdicts()
	default:
		asks := questions()
		if asks == nil {
			asks = []string{t.Questions[r.IntN(len(t.Questions))].ID}
		}
		rule.Asks = asks
		for _, id := range questions() {
			if !slices.Contains(asks, id) {
				rule.Before = append(rule.Before, id)
			}
		}
		if r.IntN(2) == 0 {
			rule.To = verdicts()
		}
	}
	return rule
}

// meets reports, by reading the path, whether it meets condition c.
func meets(p Path, c Condition) bool {
	for _, cl := range c.Clauses {
		i := slices.IndexFunc(p.Steps, func(s Step) bool { return s.Question.ID == cl.Question })
		if i < 0 {
			return false
		}
		s := p.Steps[i]
		if !slices.ContainsFunc(cl.Answers, func(a string) bool {
			if s.Question.Scale == nil {
				return a == s.Option.Label
			}
			lo, hi, _ := parseSpan(a)
			return lo <= s.Option.Hi && s.Option.Lo <= hi
		}) {
			return false
		}
	}
	return true
}

// speaksOf and breaks say, by reading the whole path, what a rule says
// of it: the plain reading of the spec, without the proof's states.
func speaksOf(rule *Rule, p Path) bool {
	if rule.When != nil && !slices.ContainsFunc(rule.When, func(c Condition) bool { return meets(p, c) }) {
		return false
	}
	return rule.Asks == nil || rule.To == nil || slices.Contains(rule.To, p.Outcome.Verdict)
}

func breaks(rule *Rule, p Path) bool {
	if !speaksOf(rule, p) {
		return false
	}
	switch {
	case rule.Only != nil:
		return !slices.Contains(rule.Only, p.Outcome.Verdict)
	case rule.Never != nil:
		return slices.Contains(rule.Never, p.Outcome.Verdict)
	}
	for _, s := range p.Steps {
		if slices.Contains(rule.Asks, s.Question.ID) {
			return false
		}
		if slices.Contains(rule.Before, s.Question.ID) {
			return true
		}
	}
	return true
}

// TestRulesAgainstEveryPath proves random rules on random trees and
// compares the verdict, the path shown and the warnings with a reading
// of every path, one by one.
func TestRulesAgainstEveryPath(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2026))
	broken, held, warned := 0, 0, 0
	for i := range 3000 {
		tree := randomTree(r)
		for n := range 1 + r.IntN(3) {
			tree.Rules = append(tree.Rules, randomRule(r, tree, n))
		}
		want := map[int]string{}      // rule line: message
		var shortest = map[int]Path{} // rule: the first shortest breaking path
		vacuous := map[Pos]bool{}
		for _, rule := range tree.Rules {
			for p := range tree.Paths("") {
				if b, ok := shortest[rule.Pos.Line]; breaks(rule, p) && (!ok || len(p.Steps) < len(b.Steps)) {
					shortest[rule.Pos.Line] = p
				}
			}
		}
		for _, rule := range tree.Rules {
			if p, ok := shortest[rule.Pos.Line]; ok {
				want[rule.Pos.Line] = fmt.Sprintf("rule %q is broken by %s", rule.Name, p)
				continue
			}
			conds := rule.When
			if conds == nil {
				conds = []Condition{{Pos: rule.Pos}}
			}
			for _, c := range conds {
				meetable := false
				for p := range tree.Paths("") {
					if meets(p, c) && speaksOf(&Rule{Asks: rule.Asks, To: rule.To}, p) {
						meetable = true
						break
					}
				}
				if !meetable {
					vacuous[c.Pos] = true
				}
			}
		}
		_, err := validateModel(tree, Options{}).result()
		got := map[int]string{}
		var ps Problems
		errors.As(err, &ps)
		for _, p := range ps {
			if errors.Is(p, ErrRule) {
				t.Fatalf("tree %d: %v", i, p)
			}
			if errors.Is(p, ErrRuleBroken) {
				msg, _, _ := strings.Cut(p.Msg, ", wh")
				got[p.Pos.Line] = msg
			}
		}
		gotVacuous := map[Pos]bool{}
		for _, w := range tree.Warnings {
			if errors.Is(w, ErrRuleVacuous) {
				gotVacuous[w.Pos] = true
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(gotVacuous) != fmt.Sprint(vacuous) {
			t.Fatalf("tree %d:\n%s\nrules %s\ngot  %v %v\nwant %v %v", i, treeYAML(tree), ruleText(tree.Rules), got, gotVacuous, want, vacuous)
		}
		broken += len(want)
		held += len(tree.Rules) - len(want)
		warned += len(vacuous)
	}
	// The random trees must exercise both outcomes and the warning.
	if broken < 1000 || held < 1000 || warned < 100 {
		t.Errorf("broken %d, held %d, warned %d; want each common", broken, held, warned)
	}
}

func ruleText(rules []*Rule) string {
	var b strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&b, "\n%+v", *r)
	}
	return b.String()
}

// TestRuleLimits refuses a rules section past each documented limit, at
// the first item past it, and accepts one at the limit.
func TestRuleLimits(t *testing.T) {
	rule := func(name, when string) string {
		return "  - name: " + name + "\n" + when + "    never: [cross-train]\n"
	}
	conds := func(n int) string {
		return "    when:\n" + strings.Repeat("      - tired: \"No\"\n", n)
	}
	clauses := func(n int) string {
		// The small tree has three questions, so the condition names
		// unknown ones: the limit is checked before the names.
		var b strings.Builder
		b.WriteString("    when:\n      - ")
		for i := range n {
			if i > 0 {
				b.WriteString("        ")
			}
			fmt.Fprintf(&b, "q%d: x\n", i)
		}
		return b.String()
	}
	many := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(rule("rule "+strconv.Itoa(i), "    when:\n      - soreness: 7-10\n"))
		}
		return b.String()
	}
	tests := []struct {
		name, rules string
		want        string // "" for no problem
		at          string // the problem is on the line of the last match of this
	}{
		{"100 rules", many(100), "", ""},
		{"101 rules", many(101), "too many rules: 101", "- name: rule 100\n"},
		{"32 conditions", rule("r", conds(32)), "", ""},
		{"33 conditions", rule("r", conds(33)), "too many conditions: 33", "- tired:"},
		{"17 questions", rule("r", clauses(17)), "names too many questions: 17", "q16: x"},
		{"16 questions", rule("r", clauses(16)), `unknown question "q0"`, "q0: x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := smallTree(t) + "rules:\n" + tt.rules
			_, err := Parse(TreeFile, []byte(src), Options{})
			var ps Problems
			if tt.at != "" && errors.As(err, &ps) {
				want := strings.Count(src[:strings.LastIndex(src, tt.at)], "\n") + 1
				if ps[0].Pos.Line != want {
					t.Errorf("Parse = %v; want the problem on line %d, at the first item past the limit", err, want)
				}
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Parse = %v; want no problem", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Parse = %v; want %q", err, tt.want)
			case tt.want != "" && strings.Contains(tt.want, "too many") && !errors.Is(err, ErrRule):
				t.Errorf("Parse = %v; want ErrRule", err)
			}
		})
	}
}
