package decision

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Checking the rules of the tree file: their references, then the proof.

// compiledRule is a rule with its references resolved to node indices.
type compiledRule struct {
	conds []compiledCond // at least one; a rule without when has one empty condition
	// bad[k] is true when a path that meets a condition and ends at
	// outcome k breaks the rule (for an asks rule: if it also did not ask).
	bad      []bool
	asksRule bool
	asks     []int32 // questions
	before   []int32
}

// compiledCond is one condition: the steps that ask its questions and, per
// step, which of its options meet the condition. A path meets it when it
// answers one step of every clause well and no step of a clause badly.
type compiledCond struct {
	clauses int
	nodes   []int32
	clause  []int    // clause[i]: the clause that nodes[i] answers
	good    [][]bool // good[i][o]: option o of nodes[i] meets the clause
}

// checkRules checks every rule's references and, once the graph is sound,
// proves each rule that could be read on every path from start.
func (l *loader) checkRules() {
	t, g := l.tree, l.tree.g
	// A path that asks a shared question at two steps is refused, so a
	// clause naming a shared question counts once on every path.
	ready := g.order != nil && g.start >= 0 && l.edgesComplete() && !slices.Contains(g.to, -1) &&
		!slices.ContainsFunc(l.probs, func(p *Problem) bool { return p.Err == ErrAskedTwice })
	for ri, r := range t.Rules {
		src := l.src.rules[ri]
		cr, ok := l.compileRule(r, src)
		if !ok || src.broken || !ready {
			continue
		}
		if p, found := t.breakingPath(cr); found {
			l.errorf(r.Pos, ErrRuleBroken, ruleHint(r),
				"rule %q is broken by %s%s", r.Name, p, breaksBecause(r, p))
			continue
		}
		for ci, c := range cr.conds {
			if !t.meetable(cr, c) {
				pos, what := r.Pos, "no path from start meets it"
				if len(r.When) > 0 {
					pos = r.When[ci].Pos
					what = fmt.Sprintf("no path from start meets its condition %d", ci+1)
				}
				if len(r.To) > 0 {
					what += " and ends at " + strings.Join(r.To, " or ")
				}
				l.warnf(pos, ErrRuleVacuous, "the rule proves nothing there; check the answers it names, or remove the condition",
					"rule %q speaks of no path: %s", r.Name, what)
			}
		}
	}
}

// breaksBecause says why a breaking path breaks its rule.
func breaksBecause(r *Rule, p Path) string {
	switch {
	case r.Only != nil:
		return fmt.Sprintf(", whose verdict %s is not in only (%s)", p.Outcome.Verdict, strings.Join(r.Only, ", "))
	case r.Never != nil:
		return fmt.Sprintf(", whose verdict %s is in never (%s)", p.Outcome.Verdict, strings.Join(r.Never, ", "))
	}
	for _, s := range p.Steps {
		// A rule names a step by its id, or by the shared question it asks.
		if slices.Contains(r.Before, s.Question.ID) || s.Question.Ask != "" && slices.Contains(r.Before, s.Question.Ask) {
			return fmt.Sprintf(", which reaches %s before it asks %s", s.Question.ID, strings.Join(r.Asks, " or "))
		}
	}
	return ", which never asks " + strings.Join(r.Asks, " or ")
}

// ruleHint says how to mend a broken rule.
func ruleHint(r *Rule) string {
	if r.Asks != nil {
		return "ask the question earlier on this path, or change the rule"
	}
	return "lead this path to an outcome the rule allows, or change the rule"
}

// compileRule resolves a rule's ids and answers, reporting each one that
// is unknown, and checks that the rule has one kind.
func (l *loader) compileRule(r *Rule, src ruleSrc) (*compiledRule, bool) {
	c := &ruleCompiler{l: l, r: r, src: src, ok: true, name: strconv.Quote(r.Name)}
	if r.Name == "" {
		c.name = "at line " + itoa(r.Pos.Line)
	}
	c.checkKinds()
	c.checkVerdicts("only", r.Only)
	c.checkVerdicts("never", r.Never)
	c.checkVerdicts("to", r.To)
	cr := &compiledRule{asksRule: r.Asks != nil}
	cr.asks = c.steps("asks", r.Asks)
	cr.before = c.steps("before", r.Before)
	for i, id := range r.Before {
		_, _, steps := c.question(id, src.lists["before"][i])
		if slices.ContainsFunc(steps, func(v int32) bool { return slices.Contains(cr.asks, v) }) {
			c.fail(src.lists["before"][i], "a question cannot come before itself; remove it from one list", "question %q is in both asks and before", id)
		}
	}
	cr.conds = c.conds()
	cr.bad = badOutcomes(l.tree, r)
	return cr, c.ok
}

// ruleCompiler holds what compileRule needs while it resolves one rule.
type ruleCompiler struct {
	l           *loader
	r           *Rule
	src         ruleSrc
	name        string   // how messages name the rule
	ok          bool     // no error reported
	questionIDs []string // for did-you-mean hints, made when first needed
}

// fail reports a problem of the rule.
func (c *ruleCompiler) fail(pos Pos, hint, format string, args ...any) {
	c.l.errorf(pos, ErrRule, hint, "rule "+c.name+": "+format, args...)
	c.ok = false
}

// checkKinds checks that the rule says exactly one of only, never and
// asks, and that to and before come only with asks.
func (c *ruleCompiler) checkKinds() {
	var kinds []string
	for _, k := range []string{"only", "never", "asks"} {
		if _, has := c.src.keys[k]; has {
			kinds = append(kinds, k)
		}
	}
	switch {
	case len(kinds) == 0 && !c.src.broken:
		c.fail(c.r.Pos, "add only: [verdicts], never: [verdicts] or asks: [questions]", "says nothing: it has none of only, never and asks")
	case len(kinds) > 1:
		c.fail(c.src.keys[kinds[1]], "keep one; write two rules to say both", "has both %s and %s", kinds[0], kinds[1])
	}
	if _, asks := c.src.keys["asks"]; !asks {
		for _, k := range []string{"to", "before"} {
			if pos, has := c.src.keys[k]; has {
				c.fail(pos, "use "+k+" with asks, or remove it", "%s belongs to an asks rule", k)
			}
		}
	}
}

// checkVerdicts reports each id of the list key that names no verdict.
func (c *ruleCompiler) checkVerdicts(key string, ids []string) {
	t := c.l.tree
	verdictIDs := make([]string, len(t.Verdicts))
	for i, v := range t.Verdicts {
		verdictIDs[i] = v.ID
	}
	for i, id := range ids {
		if !slices.Contains(verdictIDs, id) {
			c.fail(c.src.lists[key][i], didYouMean(id, verdictIDs, "use one of: "+strings.Join(verdictIDs, ", ")), "%s names unknown verdict %q", key, id)
		}
	}
}

// steps resolves the question ids of the list key to the steps they name.
func (c *ruleCompiler) steps(key string, ids []string) []int32 {
	var out []int32
	for i, id := range ids {
		_, _, steps := c.question(id, c.src.lists[key][i])
		out = append(out, steps...)
	}
	return out
}

// question resolves a question id: a step's id names that step, a shared
// question's id every step that asks it. It returns the question whose
// words the answers are checked against, with whether those words were
// read well enough, and the steps.
func (c *ruleCompiler) question(id string, pos Pos) (*Question, bool, []int32) {
	l, t := c.l, c.l.tree
	g := t.g
	if v, known := g.index[id]; known && v < g.nq {
		q, wordsOK := t.Questions[v], !l.src.questions[v].scaleKey || t.Questions[v].Scale != nil
		if q.Ask != "" {
			wordsOK = l.src.questions[v].idsOK
		}
		return q, wordsOK, []int32{int32(v)}
	}
	for si, sq := range t.Shared {
		if sq.ID != id {
			continue
		}
		var steps []int32
		for v, q := range t.Questions {
			if q.Ask == id {
				steps = append(steps, int32(v))
			}
		}
		return sq, l.src.shared[si].idsOK && (!l.src.shared[si].scaleKey || sq.Scale != nil), steps
	}
	if v, known := g.index[id]; known {
		c.fail(pos, "rules name questions; an outcome is named by its verdict in only, never or to", "%q is an outcome, not a question", t.nodeID(v))
		return nil, false, nil
	}
	if c.questionIDs == nil {
		for _, q := range t.Questions {
			c.questionIDs = append(c.questionIDs, q.ID)
		}
		for _, q := range t.Shared {
			c.questionIDs = append(c.questionIDs, q.ID)
		}
	}
	c.fail(pos, didYouMean(id, c.questionIDs, "name questions by their id"), "unknown question %q", id)
	return nil, false, nil
}

// conds compiles the rule's when conditions: for each, the steps its
// clauses name and the answers each clause accepts. A rule with no
// condition speaks of every path.
func (c *ruleCompiler) conds() []compiledCond {
	var out []compiledCond
	for ci, cond := range c.r.When {
		cc := compiledCond{clauses: len(cond.Clauses)}
		for qi, cl := range cond.Clauses {
			q, wordsOK, steps := c.question(cl.Question, cl.Pos)
			if q == nil || !wordsOK {
				c.ok = false // unknown, or its words are reported already
				continue
			}
			good, known := ruleAnswers(q, cl, c.src.conds[ci].answers[qi], c.fail)
			if !known {
				continue
			}
			for _, v := range steps {
				cc.nodes = append(cc.nodes, v)
				cc.clause = append(cc.clause, qi)
				cc.good = append(cc.good, good)
			}
		}
		out = append(out, cc)
	}
	if len(out) == 0 {
		out = []compiledCond{{}}
	}
	return out
}

// badOutcomes marks the outcomes a path the rule speaks of may not end at.
func badOutcomes(t *Tree, r *Rule) []bool {
	bad := make([]bool, len(t.Outcomes))
	for k, o := range t.Outcomes {
		switch {
		case r.Only != nil:
			bad[k] = !slices.Contains(r.Only, o.Verdict)
		case r.Never != nil:
			bad[k] = slices.Contains(r.Never, o.Verdict)
		default:
			bad[k] = len(r.To) == 0 || slices.Contains(r.To, o.Verdict)
		}
	}
	return bad
}

// ruleAnswers marks the options of q that a clause's answers name: by
// label, or for a scale question every option sharing a value with a
// number or range.
func ruleAnswers(q *Question, cl Clause, poss []Pos, fail func(Pos, string, string, ...any)) ([]bool, bool) {
	good := make([]bool, len(q.Options))
	ok := true
	for i, a := range cl.Answers {
		if q.Scale == nil {
			oi := slices.IndexFunc(q.Options, func(o *Option) bool { return o.Name() == a })
			if oi < 0 {
				fail(poss[i], q.nameHint(a), "question %q has no option %q", q.ID, a)
				ok = false
				continue
			}
			good[oi] = true
			continue
		}
		lo, hi, backwards := parseSpan(a)
		s := q.Scale
		if oi := slices.IndexFunc(q.Options, func(o *Option) bool { return o.Name() == a }); oi >= 0 && lo > hi {
			good[oi] = true // an option named by its id or label
			continue
		}
		switch {
		case backwards:
			fail(poss[i], fmt.Sprintf("write the smaller number first: %d-%d", hi, lo), "the range %q of scale question %q runs backwards", a, q.ID)
			ok = false
			continue
		case lo > hi:
			fail(poss[i], fmt.Sprintf("write a number or a range within %d-%d, or name an option", s.Min, s.Max), "the answer to scale question %q must be a number, a range or an option, not %q", q.ID, a)
			ok = false
			continue
		case lo < s.Min || hi > s.Max:
			fail(poss[i], fmt.Sprintf("keep it within %d-%d", s.Min, s.Max), "%s is outside the scale %d-%d of question %q", span(lo, hi), s.Min, s.Max, q.ID)
			ok = false
			continue
		}
		for oi, o := range q.Options {
			if o.Lo <= hi && lo <= o.Hi {
				good[oi] = true
			}
		}
	}
	return good, ok
}

// parseSpan reads "3" or "4-10". It returns lo > hi if s is neither, and
// backwards (with lo and hi as written) for a range such as "10-4".
func parseSpan(s string) (lo, hi int, backwards bool) {
	m := valuesRE.FindStringSubmatch(s)
	if m == nil {
		return 1, 0, false
	}
	a, err1 := strconv.ParseInt(m[1], 10, 32)
	b := a
	var err2 error
	if m[2] != "" {
		b, err2 = strconv.ParseInt(m[2], 10, 32)
	}
	if err1 != nil || err2 != nil {
		return 1, 0, false
	}
	return int(a), int(b), a > b
}
