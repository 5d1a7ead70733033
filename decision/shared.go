package decision

import (
	"fmt"
	"slices"
	"strings"
)

// Shared questions: words written once under shared, asked by steps of
// questions that give only their own route for each answer.

// stepSrc keeps the positions of a step that asks a shared question.
type stepSrc struct {
	ask     Pos     // the ask value
	next    Pos     // the next key (or the step's key if next is missing)
	routes  []entry // next's entries, in file order
	whys    []entry // why's entries, in file order
	hasNext bool    // next was read as a mapping
}

// entry is one "answer-id: value" line of a step's next or why.
type entry struct {
	answer   string
	value    string
	key, val Pos
}

// Hints for keys that belong to another kind of mapping.
var (
	wordsHint     = "a step that asks a shared question takes its words from it: change them under shared, or remove ask: to give this step words of its own"
	questionHints map[string]string // a question with ask: is read as a step
	sharedHints   = map[string]string{
		"ask":  "a shared question has words, not a route; ask it from a step under questions",
		"next": "a shared question has no next: give each step that asks it a next",
	}
	optionHints       map[string]string
	sharedOptionHints = map[string]string{
		"next": "the options of a shared question have no next: give the route in the next of each step that asks it",
	}
	stepHints = map[string]string{
		"text": wordsHint, "help": wordsHint, "scale": wordsHint,
		"options": "a step that asks a shared question routes each answer in next: `answer-id: question-or-outcome-id`",
	}
)

// sharedKind names a shared question in messages.
const sharedKind = "shared question"

// isStep reports whether a question's mapping asks a shared question.
func isStep(n *node) bool {
	if n.kind != mappingNode {
		return false
	}
	for i := 0; i+1 < len(n.content); i += 2 {
		if k := n.content[i]; k.kind == scalarNode && k.value == "ask" {
			return true
		}
	}
	return false
}

// decodeShared reads the shared questions.
func (l *loader) decodeShared(p pair) {
	entries := l.idMap(p, "shared question", "shared")
	if len(entries) > MaxShared {
		l.errorf(posOf(entries[MaxShared].key), ErrTooLarge, fmt.Sprintf("a tree has at most %d shared questions", MaxShared),
			"shared has %d questions, more than %d", len(entries), MaxShared)
		entries = entries[:MaxShared]
	}
	l.tree.Shared = make([]*Question, 0, len(entries))
	l.src.shared = make([]questionSrc, 0, len(entries))
	for _, e := range entries {
		l.checkID(sharedKind, e.name, posOf(e.key), false)
		q, src := l.decodeWords(where{kind: sharedKind, id: e.name}, e, true)
		l.tree.Shared = append(l.tree.Shared, q)
		l.src.shared = append(l.src.shared, src)
	}
}

// decodeStep reads a step: ask, next and why. Its words are filled in by
// resolveSteps once every shared question is read.
func (l *loader) decodeStep(ctx where, e pair) (*Question, questionSrc) {
	q := &Question{ID: e.name, Pos: posOf(e.key)}
	st := &stepSrc{ask: posOf(e.key), next: posOf(e.key)}
	src := questionSrc{options: posOf(e.key), scale: posOf(e.key), items: -1, step: st}
	f := l.fieldsWith(e.val, posOf(e.key), ctx, stepKeys, stepHints)
	if v, ok := f.get("ask"); ok {
		st.ask = posOf(v.val)
		q.Ask, _ = l.text(ctx, v)
	}
	if v, ok := f.get("next"); ok {
		st.next = posOf(v.key)
		st.routes, st.hasNext = l.answerMap(ctx, v, "next", "the id of a question or outcome", "`answer-id: question-or-outcome-id`")
	}
	if v, ok := f.get("why"); ok {
		st.whys, _ = l.answerMap(ctx, v, "why", "text", "`answer-id: what this answer means here`")
		for _, w := range st.whys {
			l.tree.Texts = append(l.tree.Texts, Text{Question: e.name, Field: "why", Value: w.value, Pos: w.val})
		}
	}
	return q, src
}

// answerMap reads a mapping from answer id to text: a step's next or why.
func (l *loader) answerMap(ctx where, p pair, name, to, form string) ([]entry, bool) {
	if p.val.kind != mappingNode {
		l.errorf(posOf(p.val), ErrType, "write one "+form+" line per answer", "%s: %s must be a mapping from answer id to %s, not %s", ctx, name, to, describe(p.val))
		return nil, false
	}
	var out []entry
	for _, a := range l.pairs(p.val, ctx) {
		s, ok := l.text(ctx, pair{name: name + " of " + a.name, key: a.key, val: a.val})
		if !ok {
			continue
		}
		out = append(out, entry{answer: a.name, value: s, key: posOf(a.key), val: posOf(a.val)})
	}
	return out, true
}

// resolveSteps gives every step the words of the shared question it asks
// and its own route for each answer, and reports routes that miss an
// answer or name one the question does not have, and shared questions that
// no step asks.
func (l *loader) resolveSteps() {
	t := l.tree
	index := make(map[string]int, len(t.Shared))
	ids := make([]string, 0, len(t.Shared))
	for i, s := range t.Shared {
		index[s.ID] = i
		ids = append(ids, s.ID)
	}
	nodes := make(map[string]Pos, len(t.Questions)+len(t.Outcomes))
	for _, q := range t.Questions {
		nodes[q.ID] = q.Pos
	}
	for _, o := range t.Outcomes {
		if _, dup := nodes[o.ID]; !dup {
			nodes[o.ID] = o.Pos
		}
	}
	for _, s := range t.Shared {
		if p, clash := nodes[s.ID]; clash {
			l.errorf(s.Pos, ErrDuplicateID, "scenarios name both the same way; rename one of them",
				"shared question id %q is also the id of a question or outcome (line %d)", s.ID, p.Line)
		}
	}
	asked := make([]bool, len(t.Shared))
	for qi, q := range t.Questions {
		src := &l.src.questions[qi]
		if src.step == nil || q.Ask == "" {
			continue
		}
		si, ok := index[q.Ask]
		if !ok {
			hint := "define it under shared:"
			if len(ids) > 0 {
				hint = didYouMean(q.Ask, ids, "name one of: "+strings.Join(ids, ", "))
			}
			l.errorf(src.step.ask, ErrAsk, hint, "question %q asks %q, which is no shared question", q.ID, q.Ask)
			continue
		}
		asked[si] = true
		l.resolveStep(q, src, t.Shared[si], l.src.shared[si])
	}
	for si, s := range t.Shared {
		if !asked[si] {
			l.warnf(s.Pos, ErrNeverAsked, "ask it from a step, `ask: "+s.ID+"`, or remove it", "shared question %q is asked by no step", s.ID)
		}
	}
}

// resolveStep fills in step q from the shared question s.
func (l *loader) resolveStep(q *Question, src *questionSrc, s *Question, ssrc questionSrc) {
	st := src.step
	q.Text, q.Help, q.Scale = s.Text, s.Help, s.Scale
	src.scaleKey, src.scale, src.options, src.items = ssrc.scaleKey, ssrc.scale, ssrc.options, ssrc.items
	answers := make([]string, len(s.Options))
	for i, o := range s.Options {
		answers[i] = o.ID
	}
	route := make(map[string]int, len(st.routes))
	for i, r := range st.routes {
		route[r.answer] = i
	}
	if ssrc.idsOK && st.hasNext {
		l.checkAnswerNames(q, s, st, route)
	}
	why := make(map[string]string, len(st.whys))
	whyPos := make(map[string]Pos, len(st.whys))
	for _, w := range st.whys {
		why[w.answer], whyPos[w.answer] = w.value, w.val
		if ssrc.idsOK && !slices.Contains(answers, w.answer) {
			l.errorf(w.key, ErrRoute, didYouMean(w.answer, answers, "its answers are: "+strings.Join(answers, ", ")),
				"question %q: why names %q, which is no answer of shared question %q", q.ID, w.answer, s.ID)
		}
	}
	src.idsOK = ssrc.idsOK
	q.Options = make([]*Option, len(s.Options))
	src.opts = make([]optionSrc, len(s.Options))
	for i, so := range s.Options {
		o := &Option{ID: so.ID, Label: so.Label, Why: so.Why, Lo: so.Lo, Hi: so.Hi, Pos: so.Pos, labelPos: so.labelPos, whyPos: so.whyPos}
		osrc := ssrc.opts[i]
		osrc.next = st.next
		if ri, ok := route[so.ID]; ok && ssrc.idsOK {
			o.Next, osrc.next = st.routes[ri].value, st.routes[ri].val
		}
		if w, ok := why[so.ID]; ok && so.ID != "" {
			o.Why, o.whyPos, o.ownWhy = w, whyPos[so.ID], true
		}
		q.Options[i], src.opts[i] = o, osrc
	}
}

// checkAnswerNames reports route entries that name no answer of s, with
// the closest answer the route misses as a "did you mean", and then every
// answer the route misses that no such typo explains.
func (l *loader) checkAnswerNames(q, s *Question, st *stepSrc, route map[string]int) {
	var missing, all []string
	for _, o := range s.Options {
		all = append(all, o.ID)
		if _, ok := route[o.ID]; !ok {
			missing = append(missing, o.ID)
		}
	}
	explained := map[string]bool{}
	for _, r := range st.routes {
		if slices.Contains(all, r.answer) {
			continue
		}
		hint := "its answers are: " + strings.Join(all, ", ")
		if m := suggest(r.answer, missing); m != "" {
			explained[m] = true
			hint = fmt.Sprintf("did you mean %q?", m)
		} else if m := suggest(r.answer, all); m != "" {
			hint = fmt.Sprintf("did you mean %q? it has a route already; remove this line", m)
		}
		l.errorf(r.key, ErrRoute, hint, "question %q: next names %q, which is no answer of shared question %q", q.ID, r.answer, s.ID)
	}
	for _, m := range missing {
		if explained[m] {
			continue
		}
		label := ""
		for _, o := range s.Options {
			if o.ID == m {
				label = o.Label
			}
		}
		l.errorf(st.next, ErrRoute, "add `"+m+": question-or-outcome-id` under next",
			"question %q: next has no route for answer %q (%q) of shared question %q", q.ID, m, label, s.ID)
	}
}

// MaxShared is the most shared questions a tree may have: far more distinct
// questions than a guide asks, and it keeps checkAskedOnce linear in the
// nodes and options, with a small factor (MaxShared/64 words per node).
const MaxShared = 256

// checkAskedOnce reports a step that asks a shared question which a path
// from start to it has asked already: a reader is never asked the same
// question twice, and a scenario or rule that names a shared question
// names one answer on each path. It needs a topological order.
func (l *loader) checkAskedOnce() {
	t, g := l.tree, l.tree.g
	if len(t.Shared) < 1 || len(t.Shared) > MaxShared {
		return
	}
	bit := make([]int, g.nq) // the shared question each step asks, or -1
	index := make(map[string]int, len(t.Shared))
	for i, s := range t.Shared {
		index[s.ID] = i
	}
	steps := 0
	for v, q := range t.Questions {
		bit[v] = -1
		if i, ok := index[q.Ask]; ok && l.src.questions[v].step != nil {
			bit[v] = i
			steps++
		}
	}
	if steps < 2 {
		return
	}
	words := (len(t.Shared) + 63) / 64
	asked := make([]uint64, g.nq*words) // asked[v]: shared questions asked on some path to v, v excluded
	reports := 0
	for _, v32 := range g.order {
		v := int(v32)
		if v >= g.nq {
			continue
		}
		row := asked[v*words : (v+1)*words]
		if b := bit[v]; b >= 0 {
			if row[b/64]&(1<<(b%64)) != 0 && reports < maxCycleReports {
				reports++
				q := t.Questions[v]
				l.errorf(l.src.questions[v].step.ask, ErrAskedTwice, "ask it once on every path: lead the earlier step's answers past it, or ask another question here",
					"question %q asks %q, which a path to it has asked already at %q", q.ID, q.Ask, l.earlierStep(bit, v))
			}
			row[b/64] |= 1 << (b % 64)
		}
		for _, w := range g.edges(v) {
			if w >= 0 && int(w) < g.nq {
				for i, x := range row {
					asked[int(w)*words+i] |= x
				}
			}
		}
	}
}

// earlierStep returns the id of a step that asks the same shared question
// as step v and from which v can be reached.
func (l *loader) earlierStep(bit []int, v int) string {
	t, g := l.tree, l.tree.g
	for u := range g.nq {
		if u == v || bit[u] != bit[v] {
			continue
		}
		seen := make([]bool, g.n)
		stack := []int32{int32(u)}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, w := range g.edges(int(x)) {
				if w >= 0 && !seen[w] {
					if int(w) == v {
						return t.Questions[u].ID
					}
					seen[w] = true
					stack = append(stack, w)
				}
			}
		}
	}
	return "?"
}
