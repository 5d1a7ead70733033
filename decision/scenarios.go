package decision

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// walkResult is where a scenario's walk from start went.
type walkResult struct {
	path    Path
	stopped int       // question where the walk stopped for want of an answer, or -1
	badAns  int       // answer that matches no option of its question, or -1
	badQ    *Question // the question badAns was given to
	used    []bool    // per answer: was it used on the path
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
		if !ok && q.Ask != "" {
			ai, ok = byQuestion[q.Ask] // the answer to the shared question it asks
		}
		if !ok {
			r.stopped = v
			return r
		}
		oi := q.optionFor(s.Answers[ai])
		if oi < 0 {
			r.badAns, r.badQ = ai, q
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
		if q.Scale == nil && !a.IsValue && o.Name() == a.Label {
			return i
		}
	}
	return -1
}

// Name is how scenarios and routes name the option: its id, or its label
// if it has no id.
func (o *Option) Name() string {
	if o.ID != "" {
		return o.ID
	}
	return o.Label
}

// nameHint is the hint for an answer that names no option of q: the id of
// the option whose label it is, or the closest name.
func (q *Question) nameHint(answer string) string {
	names := make([]string, len(q.Options))
	for i, o := range q.Options {
		if o.ID != "" && o.Label == answer {
			return fmt.Sprintf("that is the label of option %q: name it by its id", o.ID)
		}
		names[i] = o.Name()
	}
	return didYouMean(answer, names, "use one of: "+strings.Join(names, ", "))
}

// taken describes a path, finished or not, for a message.
func (p Path) taken() string {
	switch {
	case p.Outcome != nil:
		return "path taken: " + p.String()
	case len(p.Steps) == 0:
		return "it stopped before the first answer"
	}
	return "path taken: " + p.Answers()
}

// checkScenarios resolves the scenarios' answers and walks each.
func (l *loader) checkScenarios() {
	t := l.tree
	if len(t.Scenarios) == 0 {
		return
	}
	ids := scenarioIDs{shared: make(map[string]int, len(t.Shared))}
	for _, q := range t.Questions {
		ids.questions = append(ids.questions, q.ID)
	}
	for i, q := range t.Shared {
		ids.questions = append(ids.questions, q.ID)
		ids.shared[q.ID] = i
	}
	for _, o := range t.Outcomes {
		ids.outcomes = append(ids.outcomes, o.ID)
	}
	for si, s := range t.Scenarios {
		src := l.src.scenarios[si]
		name := strconv.Quote(s.Name)
		ok := l.scenarioAnswers(s, src, name, ids)
		if s.Expect != "" {
			if v, known := t.g.index[s.Expect]; !known || v < t.g.nq {
				l.errorf(src.expect, ErrScenario, didYouMean(s.Expect, ids.outcomes, "name an outcome"),
					"scenario %s expects unknown outcome %q", name, s.Expect)
				ok = false
			}
		}
		if ok && s.Expect != "" {
			l.scenarioWalk(s, src, name)
		}
	}
}

// scenarioIDs are the names a scenario may use, for its messages.
type scenarioIDs struct {
	questions, outcomes []string
	shared              map[string]int // shared question id -> index
}

// scenarioAnswers checks that each answer names a question, and turns the
// answers of scale questions into numbers. It reports whether the
// scenario can be walked.
func (l *loader) scenarioAnswers(s *Scenario, src scenarioSrc, name string, ids scenarioIDs) bool {
	t, g := l.tree, l.tree.g
	ok := true
	for ai := range s.Answers {
		a := &s.Answers[ai]
		var q *Question
		var qsrc questionSrc
		if v, known := g.index[a.Question]; known && v < g.nq {
			q, qsrc = t.Questions[v], l.src.questions[v]
		} else if si, known := ids.shared[a.Question]; known {
			q, qsrc = t.Shared[si], l.src.shared[si]
		} else {
			l.errorf(a.Pos, ErrScenario, didYouMean(a.Question, ids.questions, "answer questions by their id, or shared questions by theirs"),
				"scenario %s answers unknown question %q", name, a.Question)
			ok = false
			continue
		}
		if q.Scale == nil && qsrc.scaleKey || qsrc.items <= 0 {
			ok = false // the scale or the options are bad and reported already
			continue
		}
		if q.Scale == nil {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(a.Label))
		if err != nil {
			if oi := slices.IndexFunc(q.Options, func(o *Option) bool { return o.ID != "" && o.ID == a.Label }); oi >= 0 {
				n = q.Options[oi].Lo // an option named by its id: any of its values
			} else {
				hint, orID := "answer a scale question with a whole number", ""
				if slices.ContainsFunc(q.Options, func(o *Option) bool { return o.ID != "" }) {
					hint, orID = "answer a scale question with a whole number, or an option's id", " or an option's id"
					if h := q.nameHint(a.Label); !strings.HasPrefix(h, "use one of") {
						hint = h
					}
				}
				l.errorf(src.answers[ai], ErrScenario, hint,
					"scenario %s: the answer to %q must be a number on the scale %d-%d%s, not %q", name, q.ID, q.Scale.Min, q.Scale.Max, orID, a.Label)
				ok = false
				continue
			}
		}
		a.Value, a.IsValue, a.Label = n, true, ""
	}
	return ok
}

// scenarioWalk walks a scenario and reports where it leaves its answers:
// an answer off the scale or not an option, a question it does not
// answer, another outcome than it expects, an answer not on its path.
func (l *loader) scenarioWalk(s *Scenario, src scenarioSrc, name string) {
	t, g := l.tree, l.tree.g
	r := t.walk(s)
	switch {
	case r.badAns >= 0:
		a := s.Answers[r.badAns]
		q := r.badQ
		if a.IsValue {
			l.errorf(src.answers[r.badAns], ErrScenario, fmt.Sprintf("answer with a number from %d to %d", q.Scale.Min, q.Scale.Max),
				"scenario %s: %d is not on the scale %d-%d of question %q", name, a.Value, q.Scale.Min, q.Scale.Max, q.ID)
			return
		}
		if len(q.Options) == 0 || q.Ask != "" && !l.src.questions[g.index[q.ID]].idsOK {
			return // the options are bad and reported already
		}
		what := fmt.Sprintf("question %q", q.ID)
		if q.Ask != "" {
			what = fmt.Sprintf("question %q (shared question %q)", q.ID, q.Ask)
		}
		l.errorf(src.answers[r.badAns], ErrScenario, q.nameHint(a.Label),
			"scenario %s: %s has no option %q", name, what, a.Label)
		return
	case r.stopped >= 0 && len(t.Questions[r.stopped].Options) == 0:
		return // the question is bad and reported already
	case r.stopped >= 0:
		l.errorf(s.Pos, ErrScenario, "add an answer to "+t.Questions[r.stopped].ID+"; "+r.path.taken(),
			"scenario %s stops at question %q, which it does not answer", name, t.Questions[r.stopped].ID)
		return
	case r.path.Outcome == nil:
		return // a dangling next or a cycle, reported already
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
