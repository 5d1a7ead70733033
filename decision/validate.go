package decision

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

const maxCycleReports = 20

func itoa(n int) string { return strconv.Itoa(n) }

// validate checks the decoded tree as a graph: ids, start, next, cycles,
// reachability, options, scales, verdicts, pages, depth and scenarios.
func (l *loader) validate() {
	t := l.tree
	g := buildGraph(t)
	t.g = g
	l.checkIDs()
	l.checkVerdicts()
	l.checkStart()
	l.checkQuestions()
	cycles := g.findCycles(maxCycleReports)
	for _, c := range cycles {
		l.errorf(l.src.questions[c.q].opts[c.option].next, ErrCycle,
			"change a next on the loop so that every walk ends at an outcome",
			"cycle: %s", t.chain(c.nodes))
	}
	if g.start >= 0 && l.edgesComplete() {
		seen := g.reachable()
		for v, ok := range seen {
			if ok {
				continue
			}
			if v < g.nq {
				q := t.Questions[v]
				l.errorf(q.Pos, ErrUnreachable, "lead to it from an option's next, or remove it", "question %q is never reached from start", q.ID)
			} else if o := t.Outcomes[v-g.nq]; g.index[o.ID] == v {
				l.errorf(o.Pos, ErrUnreachable, "lead to it from an option's next, or remove it", "outcome %q is never reached from start", o.ID)
			}
		}
	}
	if g.order != nil {
		l.checkDepth()
		l.checkAskedOnce()
	}
	if g.start >= 0 {
		l.checkScenarios()
	}
	l.checkRules()
}

// checkIDs reports question and outcome ids used twice.
func (l *loader) checkIDs() {
	t, g := l.tree, l.tree.g
	for i, o := range t.Outcomes {
		if v := g.index[o.ID]; v != g.nq+i && v < g.nq {
			l.errorf(o.Pos, ErrDuplicateID, "questions and outcomes share one set of ids; rename one",
				"outcome id %q is also the id of a question (line %d)", o.ID, t.Questions[v].Pos.Line)
		}
	}
}

// checkVerdicts checks the outcomes' verdicts, unused verdicts and pages.
func (l *loader) checkVerdicts() {
	t := l.tree
	ids := make([]string, len(t.Verdicts))
	used := make(map[string]bool, len(t.Verdicts))
	for i, v := range t.Verdicts {
		ids[i] = v.ID
	}
	for i, o := range t.Outcomes {
		src := l.src.outcomes[i]
		if o.Verdict != "" && len(t.Verdicts) > 0 {
			if slices.Contains(ids, o.Verdict) {
				used[o.Verdict] = true
			} else {
				l.errorf(src.verdict, ErrVerdict, didYouMean(o.Verdict, ids, "use one of: "+strings.Join(ids, ", ")),
					"outcome %q: unknown verdict %q", o.ID, o.Verdict)
			}
		}
		if o.Page != "" {
			if msg := badPagePath(o.Page); msg != "" {
				l.errorf(src.page, ErrPage, "write a path inside content/ such as outcomes/"+o.ID+".md", "outcome %q: page %q %s", o.ID, o.Page, msg)
			}
		}
	}
	for i, v := range t.Verdicts {
		if !used[v.ID] {
			l.errorf(v.Pos, ErrUnusedVerdict, "use it in an outcome, or remove it", "verdict %q is used by no outcome", t.Verdicts[i].ID)
		}
	}
}

// badPagePath says what is wrong with a page path, or "" if it is fine.
func badPagePath(p string) string {
	switch {
	case !fs.ValidPath(p) || strings.Contains(p, `\`) || p == ".":
		return "is not a clean relative path (no leading /, no .. or backslashes)"
	case path.Ext(p) != ".md":
		return "does not end in .md"
	}
	return ""
}

// checkPages checks that every outcome page exists under content/.
func (l *loader) checkPages(fsys fs.FS) {
	for i, o := range l.tree.Outcomes {
		if o.Page == "" || badPagePath(o.Page) != "" {
			continue
		}
		name := "content/" + o.Page
		st, err := fs.Stat(fsys, name)
		switch {
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			l.errorf(l.src.outcomes[i].page, ErrPage, "name a Markdown file inside the source folder", "outcome %q: page %s cannot be read: %s", o.ID, name, pathless(err, name))
		case err != nil:
			hint := "create it, or fix the path"
			if entries, err := fs.ReadDir(fsys, path.Dir(name)); err == nil {
				var names []string
				for _, e := range entries {
					if !e.IsDir() && path.Ext(e.Name()) == ".md" {
						names = append(names, path.Join(path.Dir(o.Page), e.Name()))
					}
				}
				hint = didYouMean(o.Page, names, hint)
			}
			l.errorf(l.src.outcomes[i].page, ErrPage, hint, "outcome %q: page %s does not exist", o.ID, name)
		case !st.Mode().IsRegular():
			l.errorf(l.src.outcomes[i].page, ErrPage, "name a Markdown file", "outcome %q: page %s is %s, not a regular file", o.ID, name, kind(st.Mode()))
		}
	}
}

// checkStart checks that start names a question.
func (l *loader) checkStart() {
	t, g := l.tree, l.tree.g
	if t.Start == "" {
		return
	}
	v, ok := g.index[t.Start]
	switch {
	case !ok:
		ids := make([]string, len(t.Questions))
		for i, q := range t.Questions {
			ids[i] = q.ID
		}
		l.errorf(l.src.start, ErrStart, didYouMean(t.Start, ids, "name the first question"), "start names no question: %q", t.Start)
	case v >= g.nq:
		l.errorf(l.src.start, ErrStart, "name the first question", "start names outcome %q; it must name a question", t.Start)
	}
}

// checkQuestions checks the words of each question and shared question
// (how many options, labels, ids, scale values) and the route of every
// step (each next names a node).
func (l *loader) checkQuestions() {
	t, g := l.tree, l.tree.g
	var ids []string // all node ids, built on first need
	for qi, q := range t.Questions {
		src := l.src.questions[qi]
		if src.step == nil {
			l.checkWords("question", q, src)
		}
		targets := make(map[int32]int, len(q.Options))
		resolved := 0
		for oi, o := range q.Options {
			osrc := src.opts[oi]
			if o.Next == "" {
				continue
			}
			w := g.to[int(g.off[qi])+oi]
			if w < 0 {
				if ids == nil {
					ids = make([]string, 0, g.n)
					for v := range g.n {
						ids = append(ids, t.nodeID(v))
					}
				}
				what := ""
				if src.step != nil {
					what = fmt.Sprintf(" for answer %q", o.ID)
				}
				l.errorf(osrc.next, ErrDangling, didYouMean(o.Next, ids, "name a question or an outcome"),
					"question %q: next %q%s names no question or outcome", q.ID, o.Next, what)
				continue
			}
			resolved++
			if first, dup := targets[w]; dup && src.step == nil {
				l.warnf(osrc.next, ErrSameNext, "this question cannot change the outcome there; point one elsewhere or merge them",
					"question %q: options %q and %q both lead to %q", q.ID, q.Options[first].Label, o.Label, o.Next)
			} else if !dup {
				targets[w] = oi
			}
		}
		// A step may send several answers of a shared question one way; it
		// is pointless only if it sends them all the same way.
		if src.step != nil && len(targets) == 1 && resolved == len(q.Options) && resolved >= 2 {
			l.warnf(src.step.next, ErrSameNext, "this step cannot change the outcome; lead to "+q.Options[0].Next+" directly, or route an answer elsewhere",
				"question %q: every answer of %q leads to %q", q.ID, q.Ask, q.Options[0].Next)
		}
	}
	for si, s := range t.Shared {
		l.checkWords("shared question", s, l.src.shared[si])
	}
}

// checkWords checks a question's options: how many, distinct labels and
// ids, and scale values. kind names the question in messages.
func (l *loader) checkWords(kind string, q *Question, src questionSrc) {
	if src.items >= 0 && src.items < 2 {
		l.errorf(src.options, ErrOptions, "give it at least two options, or replace it with its next",
			"%s %q has %s; a question needs at least two", kind, q.ID, Count(src.items, "option", "options"))
	}
	labels := make(map[string]int, len(q.Options))
	optIDs := make(map[string]int, len(q.Options))
	for oi, o := range q.Options {
		osrc := src.opts[oi]
		if o.Label != "" {
			if first, dup := labels[o.Label]; dup {
				l.errorf(osrc.label, ErrDuplicateLabel, "give each option its own label",
					"%s %q: options %d and %d have the same label %q", kind, q.ID, first+1, oi+1, o.Label)
			} else {
				labels[o.Label] = oi
			}
		}
		if o.ID != "" {
			if first, dup := optIDs[o.ID]; dup {
				l.errorf(osrc.id, ErrDuplicateID, "give each option its own id",
					"%s %q: options %d and %d have the same id %q", kind, q.ID, first+1, oi+1, o.ID)
			} else {
				optIDs[o.ID] = oi
			}
		}
	}
	l.checkScale(kind, q, src)
}

// checkScale checks that the options of a scale question cover each value
// exactly once, and that other questions' options have no values.
func (l *loader) checkScale(kind string, q *Question, src questionSrc) {
	if src.items <= 0 {
		return // options is not a list, or an empty one: reported already
	}
	if q.Scale == nil {
		if src.scaleKey {
			return // the scale itself was bad and is already reported
		}
		for oi, o := range q.Options {
			if src.opts[oi].valuesKey {
				l.errorf(src.opts[oi].values, ErrScale, "add a scale to the question, or remove values",
					"%s %q: option %q has values, but the question has no scale", kind, q.ID, o.Label)
			}
		}
		return
	}
	s := q.Scale
	owner := make([]int, s.Max-s.Min+1) // option index + 1, 0 if none
	for oi, o := range q.Options {
		osrc := src.opts[oi]
		if !osrc.hasValues {
			if !osrc.valuesKey {
				l.errorf(o.Pos, ErrScale, fmt.Sprintf("add values: a number or a range within %d-%d", s.Min, s.Max),
					"%s %q: option %q has no values", kind, q.ID, o.Label)
			}
			continue
		}
		if o.Lo < s.Min || o.Hi > s.Max {
			l.errorf(osrc.values, ErrScale, fmt.Sprintf("keep values within %d-%d", s.Min, s.Max),
				"%s %q: option %q has values %s outside the scale %d-%d", kind, q.ID, o.Label, span(o.Lo, o.Hi), s.Min, s.Max)
		}
		overlap, overlaps := 0, false // the first value already covered
		for v := max(o.Lo, s.Min); v <= min(o.Hi, s.Max); v++ {
			switch {
			case owner[v-s.Min] == 0:
				owner[v-s.Min] = oi + 1
			case !overlaps:
				overlap, overlaps = v, true
			}
		}
		if overlaps {
			other := q.Options[owner[overlap-s.Min]-1]
			l.errorf(osrc.values, ErrScale, "cover each value with exactly one option",
				"%s %q: option %q (values %s) overlaps option %q (values %s) at %d", kind, q.ID, o.Label, span(o.Lo, o.Hi), other.Label, span(other.Lo, other.Hi), overlap)
		}
	}
	for _, osrc := range src.opts {
		if !osrc.hasValues {
			return // gaps would only echo the bad option
		}
	}
	for v := s.Min; v <= s.Max; v++ {
		if owner[v-s.Min] != 0 {
			continue
		}
		end := v
		for end < s.Max && owner[end+1-s.Min] == 0 {
			end++
		}
		l.errorf(src.scale, ErrScale, "extend an option's values, or add an option, so that every value is covered",
			"%s %q: no option covers %s of the scale %d-%d", kind, q.ID, span(v, end), s.Min, s.Max)
		v = end
	}
}

// span writes values as "3" or "1-2".
func span(lo, hi int) string {
	if lo == hi {
		return itoa(lo)
	}
	return itoa(lo) + "-" + itoa(hi)
}

// checkDepth sets MaxRemaining on every question and reports a path from
// start deeper than the maximum.
func (l *loader) checkDepth() {
	t, g := l.tree, l.tree.g
	for i := len(g.order) - 1; i >= 0; i-- {
		v := int(g.order[i])
		if v >= g.nq {
			continue
		}
		m := 0
		for _, w := range g.edges(v) {
			if w >= 0 && int(w) < g.nq {
				m = max(m, t.Questions[w].MaxRemaining)
			}
		}
		t.Questions[v].MaxRemaining = m + 1
	}
	if g.start < 0 || t.Questions[g.start].MaxRemaining <= l.opts.MaxDepth {
		return
	}
	// Follow the longest path to its question number MaxDepth+1.
	v := g.start
	for range l.opts.MaxDepth {
		best := -1
		for _, w := range g.edges(v) {
			if w >= 0 && int(w) < g.nq && (best < 0 || t.Questions[w].MaxRemaining > t.Questions[best].MaxRemaining) {
				best = int(w)
			}
		}
		v = best
	}
	q := t.Questions[v]
	l.errorf(q.Pos, ErrDepth, "shorten the path, or raise the limit with -max-depth",
		"question %q is question %d on the longest path from start (%d questions), deeper than the maximum of %d",
		q.ID, l.opts.MaxDepth+1, t.Questions[g.start].MaxRemaining, l.opts.MaxDepth)
}

// edgesComplete reports whether every question's options were read with a
// next each; if not, reachability would only echo those problems.
func (l *loader) edgesComplete() bool {
	for qi, q := range l.tree.Questions {
		if l.src.questions[qi].items != len(q.Options) {
			return false
		}
		for _, o := range q.Options {
			if o.Next == "" {
				return false
			}
		}
	}
	return true
}
