package decision

import (
	"fmt"
	"strconv"
)

// Limits of the rules section, far above what a guide needs. They bound the
// proof's work: it is linear in nodes and options for each condition.
const (
	maxRules      = 100 // rules in a tree
	maxConditions = 32  // conditions in one rule's when
	maxClauses    = 16  // questions named in one condition
)

// ruleSrc keeps the positions of a rule's parts for messages.
type ruleSrc struct {
	keys   map[string]Pos // the position of each key given
	lists  map[string][]Pos
	conds  []condSrc
	broken bool // a part of the rule could not be read; do not prove it
}

type condSrc struct {
	answers [][]Pos // per clause, per answer
}

// ruleLists are the keys of a rule that hold lists of ids.
var ruleLists = []string{"only", "never", "asks", "to", "before"}

func (l *loader) decodeRules(p pair) {
	if p.val == nil {
		return
	}
	if p.val.kind != sequenceNode {
		l.errorf(posOf(p.val), ErrType, "write each rule as a list item starting with `- name:`", "rules must be a list, not %s", describe(p.val))
		return
	}
	if len(p.val.content) > maxRules {
		l.errorf(posOf(p.val.content[maxRules]), ErrRule, fmt.Sprintf("keep at most %d rules; merge rules that say the same", maxRules),
			"too many rules: %d", len(p.val.content))
		return
	}
	names := map[string]Pos{}
	for i, n := range p.val.content {
		ctx := where{part: "rule", n: i + 1}
		r := &Rule{Pos: posOf(n)}
		src := ruleSrc{keys: map[string]Pos{}, lists: map[string][]Pos{}}
		probs := len(l.probs)
		f := l.fields(n, posOf(n), ctx, ruleKeys)
		if !f.ok {
			continue
		}
		if v, ok := f.get("name"); ok {
			if name, ok := l.text(ctx, v); ok {
				if first, dup := names[name]; dup {
					l.errorf(posOf(v.val), ErrDuplicateKey, fmt.Sprintf("the first is at line %d; give each rule its own name", first.Line), "%s: duplicate rule name %q", ctx, name)
				}
				names[name] = posOf(v.val)
				r.Name = name
				ctx = where{kind: "rule", id: name}
			} else {
				src.broken = true
			}
		}
		for _, k := range ruleLists {
			v, ok := f.get(k)
			if !ok {
				continue
			}
			src.keys[k] = posOf(v.key)
			ids, poss, ok := l.idList(ctx, v)
			src.broken = src.broken || !ok
			src.lists[k] = poss
			switch k {
			case "only":
				r.Only = ids
			case "never":
				r.Never = ids
			case "asks":
				r.Asks = ids
			case "to":
				r.To = ids
			case "before":
				r.Before = ids
			}
		}
		if v, ok := f.get("when"); ok {
			src.keys["when"] = posOf(v.key)
			if !l.decodeWhen(ctx, v, r, &src) {
				src.broken = true
			}
		}
		// A rule with any problem, an unknown key included, is not proved:
		// what it says is not what the editor meant.
		src.broken = src.broken || len(l.probs) > probs
		l.tree.Rules = append(l.tree.Rules, r)
		l.src.rules = append(l.src.rules, src)
	}
}

// idList reads a list of ids, or a single id, with each one's position.
func (l *loader) idList(ctx where, p pair) ([]string, []Pos, bool) {
	items := []*node{p.val}
	if p.val.kind == sequenceNode {
		items = p.val.content
		if len(items) == 0 {
			l.errorf(posOf(p.val), ErrEmptyText, "list at least one id, or remove the key", "%s: %s is empty", ctx, p.name)
			return nil, nil, false
		}
	}
	ids := make([]string, 0, len(items))
	poss := make([]Pos, 0, len(items))
	ok := true
	for _, n := range items {
		s, good := l.text(ctx, pair{name: p.name, key: p.key, val: n})
		if !good {
			ok = false
			continue
		}
		ids = append(ids, s)
		poss = append(poss, posOf(n))
	}
	return ids, poss, ok
}

// decodeWhen reads a rule's conditions: a list of mappings from question
// id to one answer or a list of answers.
func (l *loader) decodeWhen(ctx where, p pair, r *Rule, src *ruleSrc) bool {
	switch {
	case p.val.kind != sequenceNode:
		l.errorf(posOf(p.val), ErrType, "write a list of conditions, each on a line starting with `- question-id: answer`",
			"%s: when must be a list of conditions, not %s", ctx, describe(p.val))
		return false
	case len(p.val.content) == 0:
		l.errorf(posOf(p.val), ErrEmptyText, "list conditions, or remove when to speak of every path", "%s: when is empty", ctx)
		return false
	}
	if len(p.val.content) > maxConditions {
		l.errorf(posOf(p.val.content[maxConditions]), ErrRule, fmt.Sprintf("keep at most %d conditions in a rule; split the rule", maxConditions),
			"%s: too many conditions: %d", ctx, len(p.val.content))
		return false
	}
	ok := true
	for i, n := range p.val.content {
		cctx := where{part: "condition", n: i + 1, kind: "rule", id: ctx.id}
		if ctx.id == "" {
			cctx.kind = "rule " + strconv.Itoa(ctx.n)
		}
		c := Condition{Pos: posOf(n)}
		var csrc condSrc
		if n.kind != mappingNode || len(n.content) == 0 {
			l.errorf(posOf(n), ErrType, "write `question-id: answer`, one line per question", "%s must be a non-empty mapping from question id to answer, not %s", cctx, describe(n))
			ok = false
			continue
		}
		if len(n.content)/2 > maxClauses {
			l.errorf(posOf(n.content[2*maxClauses]), ErrRule, fmt.Sprintf("name at most %d questions in a condition", maxClauses),
				"%s names too many questions: %d", cctx, len(n.content)/2)
			ok = false
			continue
		}
		for _, e := range l.pairs(n, cctx) {
			items := []*node{e.val}
			if e.val.kind == sequenceNode {
				items = e.val.content
			}
			cl := Clause{Question: e.name, Pos: posOf(e.key)}
			var poss []Pos
			for _, a := range items {
				if a.kind != scalarNode || a.shortTag() == "!!null" || a.value == "" {
					l.errorf(posOf(a), ErrType, "write an option's label, or for a scale a number or a range such as 4-10",
						"%s: the answer to %s must be text or a number, not %s", cctx, e.name, describe(a))
					ok = false
					continue
				}
				cl.Answers = append(cl.Answers, a.value)
				poss = append(poss, posOf(a))
			}
			if len(items) == 0 {
				l.errorf(posOf(e.val), ErrType, "list at least one answer", "%s: the answers to %s are an empty list", cctx, e.name)
				ok = false
			}
			c.Clauses = append(c.Clauses, cl)
			csrc.answers = append(csrc.answers, poss)
		}
		r.When = append(r.When, c)
		src.conds = append(src.conds, csrc)
	}
	return ok
}
