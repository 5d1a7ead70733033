package decision

// Coverage says which answers (edges) and outcomes of the tree the
// scenarios walk through, as a reviewer's measure of how much of the tree
// they test.
type Coverage struct {
	Answers, AnswersWalked   int
	Outcomes, OutcomesWalked int
	MissedAnswers            []Step     // answers no scenario walks, in file order
	MissedOutcomes           []*Outcome // outcomes no scenario ends at, in file order
}

// Coverage walks every scenario from start and counts the answers and
// outcomes on the way. A scenario that stops early still covers the
// answers it gave. Linear in the scenarios' answers and the tree's size.
func (t *Tree) Coverage() Coverage {
	g := t.graph()
	walked := make([]bool, len(g.to))
	ended := make([]bool, len(t.Outcomes))
	if g.start >= 0 {
		for _, s := range t.Scenarios {
			r := t.walk(s)
			for _, st := range r.path.Steps {
				v := g.index[st.Question.ID]
				for o, opt := range st.Question.Options {
					if opt == st.Option {
						walked[int(g.off[v])+o] = true
					}
				}
			}
			if r.path.Outcome != nil {
				ended[g.index[r.path.Outcome.ID]-g.nq] = true
			}
		}
	}
	c := Coverage{Answers: len(g.to), Outcomes: len(t.Outcomes)}
	for v, q := range t.Questions {
		for o, opt := range q.Options {
			if walked[int(g.off[v])+o] {
				c.AnswersWalked++
			} else {
				c.MissedAnswers = append(c.MissedAnswers, Step{Question: q, Option: opt})
			}
		}
	}
	for k, o := range t.Outcomes {
		if ended[k] {
			c.OutcomesWalked++
		} else {
			c.MissedOutcomes = append(c.MissedOutcomes, o)
		}
	}
	return c
}

// Percent writes part of whole as a whole percentage, rounded down so that
// 100% means all: "97%".
func Percent(part, whole int) string {
	if whole == 0 {
		return "100%"
	}
	return itoa(part*100/whole) + "%"
}
