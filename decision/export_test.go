package decision

import "slices"

// validateModel validates a tree built in code rather than parsed, taking
// positions from the model itself.
func validateModel(t *Tree, opts Options) *loader {
	l := &loader{file: t.File, opts: opts.withDefaults(), tree: t}
	t.Warnings, t.g = nil, nil
	l.src.questions = make([]questionSrc, 0, len(t.Questions))
	for _, q := range t.Questions {
		src := questionSrc{options: q.Pos, scale: q.Pos, scaleKey: q.Scale != nil, items: len(q.Options),
			opts: make([]optionSrc, len(q.Options))}
		for i, o := range q.Options {
			src.opts[i] = optionSrc{label: o.Pos, next: o.Pos, values: o.Pos, valuesKey: q.Scale != nil, hasValues: q.Scale != nil}
		}
		l.src.questions = append(l.src.questions, src)
	}
	for _, o := range t.Outcomes {
		l.src.outcomes = append(l.src.outcomes, outcomeSrc{verdict: o.Pos, page: o.Pos})
	}
	for _, v := range t.Verdicts {
		l.src.verdicts = append(l.src.verdicts, v.Pos)
	}
	for _, s := range t.Scenarios {
		src := scenarioSrc{expect: s.Pos}
		for _, a := range s.Answers {
			src.answers = append(src.answers, a.Pos)
		}
		l.src.scenarios = append(l.src.scenarios, src)
	}
	for _, r := range t.Rules {
		src := ruleSrc{keys: map[string]Pos{}, lists: map[string][]Pos{}}
		for k, ids := range map[string][]string{"only": r.Only, "never": r.Never, "asks": r.Asks, "to": r.To, "before": r.Before} {
			if ids != nil {
				src.keys[k] = r.Pos
				src.lists[k] = slices.Repeat([]Pos{r.Pos}, len(ids))
			}
		}
		if r.When != nil {
			src.keys["when"] = r.Pos
		}
		for _, c := range r.When {
			var cs condSrc
			for _, cl := range c.Clauses {
				cs.answers = append(cs.answers, slices.Repeat([]Pos{cl.Pos}, len(cl.Answers)))
			}
			src.conds = append(src.conds, cs)
		}
		l.src.rules = append(l.src.rules, src)
	}
	l.validate()
	return l
}
