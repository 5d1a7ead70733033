package decision

import (
	"fmt"
	"strconv"
	"strings"
)

// walkResult is where a scenario's walk from start went.
type walkResult struct {
	path    Path
	stopped int    // question where the walk stopped for want of an answer, or -1
	badAns  int    // answer that matches no option of its question, or -1
	used    []bool // per answer: was it used on the path
}

// walk follows a scenario's answers from start. It stops at an outcome, at a
// question without an answer, at an answer that fits no option, at a next
// that names nothing, or after visiting as many questions as there are.
func (t *Tree) walk(s *Scenario) walkResult {
	g := t.graph()
	r := walkResult{stopped: -1, badAns: -1, used: make([]bool, len(s.Answers))}
	byQuestion := make(map[string]int, len(s.Answers))
	for i, a := range s.Answers {
		byQuestion[a.Question] = i
	}
	v := g.start
	for steps := 0; v >= 0 && v < g.nq && steps <= g.nq; steps++ {
		q := t.Questions[v]
		ai, ok := byQuestion[q.ID]
		if !ok {
			r.stopped = v
			return r
		}
		oi := q.optionFor(s.Answers[ai])
		if oi < 0 {
			r.badAns = ai
			return r
		}
		r.used[ai] = true
		r.path.Steps = append(r.path.Steps, Step{Question: q, Option: q.Options[oi]})
		v = int(g.to[int(g.off[v])+oi])
	}
	if v >= g.nq {
		r.path.Outcome = t.Outcomes[v-g.nq]
	}
	return r
}

// optionFor returns the index of the option an answer picks, or -1.
func (q *Question) optionFor(a Answer) int {
	for i, o := range q.Options {
		if q.Scale != nil && a.IsValue && o.Lo <= a.Value && a.Value <= o.Hi {
			return i
		}
		if q.Scale == nil && !a.IsValue && o.Label == a.Label {
			return i
		}
	}
	return -1
}

// steps prints the steps of a path so far: "a=x > b=y".
func (p Path) steps() string {
	parts := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		parts[i] = s.String()
	}
	return strings.Join(parts, " > ")
}

// taken describes a path, finished or not, for a message.
func (p Path) taken() string {
	switch {
	case p.Outcome != nil:
		return "path taken: " + p.String()
	case len(p.Steps) == 0:
		return "it stopped before the first answer"
	}
	return "path taken: " + p.steps()
}

// checkScenarios resolves the scenarios' answers and walks each.
func (l *loader) checkScenarios() {
	t, g := l.tree, l.tree.g
	if len(t.Scenarios) == 0 {
		return
	}
	var questionIDs, outcomeIDs []string
	for _, q := range t.Questions {
		questionIDs = append(questionIDs, q.ID)
	}
	for _, o := range t.Outcomes {
		outcomeIDs = append(outcomeIDs, o.ID)
	}
	for si, s := range t.Scenarios {
		src := l.src.scenarios[si]
		name := strconv.Quote(s.Name)
		ok := true
		for ai := range s.Answers {
			a := &s.Answers[ai]
			v, known := g.index[a.Question]
			if !known || v >= g.nq {
				l.errorf(a.Pos, ErrScenario, didYouMean(a.Question, questionIDs, "answer questions by their id"),
					"scenario %s answers unknown question %q", name, a.Question)
				ok = false
				continue
			}
			q := t.Questions[v]
			if q.Scale == nil && l.src.questions[v].scaleKey {
				ok = false // the scale is bad and reported already
				continue
			}
			if q.Scale == nil {
				continue
			}
			n, err := strconv.Atoi(strings.TrimSpace(a.Label))
			if err != nil {
				l.errorf(src.answers[ai], ErrScenario, "answer a scale question with a whole number",
					"scenario %s: the answer to %q must be a number on the scale %d-%d, not %q", name, q.ID, q.Scale.Min, q.Scale.Max, a.Label)
				ok = false
				continue
			}
			a.Value, a.IsValue, a.Label = n, true, ""
		}
		if s.Expect != "" {
			if v, known := g.index[s.Expect]; !known || v < g.nq {
				l.errorf(src.expect, ErrScenario, didYouMean(s.Expect, outcomeIDs, "name an outcome"),
					"scenario %s expects unknown outcome %q", name, s.Expect)
				ok = false
			}
		}
		if !ok || s.Expect == "" {
			continue
		}
		r := t.walk(s)
		switch {
		case r.badAns >= 0:
			a := s.Answers[r.badAns]
			q := t.Question(a.Question)
			if a.IsValue {
				l.errorf(src.answers[r.badAns], ErrScenario, fmt.Sprintf("answer with a number from %d to %d", q.Scale.Min, q.Scale.Max),
					"scenario %s: %d is not on the scale %d-%d of question %q", name, a.Value, q.Scale.Min, q.Scale.Max, q.ID)
			} else {
				labels := make([]string, len(q.Options))
				for i, o := range q.Options {
					labels[i] = o.Label
				}
				if len(labels) == 0 {
					continue // the options are bad and reported already
				}
				l.errorf(src.answers[r.badAns], ErrScenario, didYouMean(a.Label, labels, "use one of: "+strings.Join(labels, ", ")),
					"scenario %s: question %q has no option %q", name, q.ID, a.Label)
			}
			continue
		case r.stopped >= 0:
			l.errorf(s.Pos, ErrScenario, "add an answer to "+t.Questions[r.stopped].ID+"; "+r.path.taken(),
				"scenario %s stops at question %q, which it does not answer", name, t.Questions[r.stopped].ID)
			continue
		case r.path.Outcome == nil:
			continue // a dangling next or a cycle, reported already
		case r.path.Outcome.ID != s.Expect:
			l.errorf(src.expect, ErrScenario, r.path.taken(),
				"scenario %s ends at %q, not at %q", name, r.path.Outcome.ID, s.Expect)
		}
		for ai, used := range r.used {
			if !used {
				l.errorf(s.Answers[ai].Pos, ErrScenario, "remove the answer, or change an earlier one; "+r.path.taken(),
					"scenario %s answers %q, which is not on its path", name, s.Answers[ai].Question)
			}
		}
	}
}
