package decision

import (
	"math"
	"slices"
)

// Proving a rule on every path from start without listing the paths.
//
// A rule breaks on a path that meets one of its conditions and ends badly.
// Whether such a path exists, and the shortest one, is found by dynamic
// programming over the graph in reverse topological order, on pairs of a
// node and a small state: linear in nodes and options for each condition.
//
// The state of a path so far is (c, a). c counts the clauses of the
// condition it has answered with an option the clause names; a path that
// answers one with another option cannot meet the condition and is dropped,
// so a path meets it exactly when c reaches the number of clauses. A path
// answers each step at most once (the graph has no cycle), and check
// refuses a path that asks a shared question at two steps, so c counts each
// clause at most once. For
// an asks rule, a is 0 until the path answers a question of asks, 1 once it
// has, and 2 if it reached a question of before first (it then stays 2).

const unreached = math.MaxInt32

// automaton is the state machine of one condition of a rule.
type automaton struct {
	cr   *compiledRule
	c    compiledCond
	slot []int32 // per question: its index in c.nodes, or -1
	flag []uint8 // per question: 1 if in asks, 2 if in before
	a    int     // values of a: 3 for an asks rule, else 1
	s    int     // states: (len(c.qs)+1) * a
}

const (
	flagAsks   = 1
	flagBefore = 2
)

func (t *Tree) newAutomaton(cr *compiledRule) *automaton {
	g := t.graph()
	au := &automaton{cr: cr, slot: make([]int32, g.nq), a: 1}
	for i := range au.slot {
		au.slot[i] = -1
	}
	if cr.asksRule {
		au.a = 3
		au.flag = make([]uint8, g.nq)
		for _, v := range cr.asks {
			au.flag[v] |= flagAsks
		}
		for _, v := range cr.before {
			au.flag[v] |= flagBefore
		}
	}
	return au
}

// use switches the automaton to condition c.
func (au *automaton) use(c compiledCond) {
	for _, v := range au.c.nodes {
		au.slot[v] = -1
	}
	au.c = c
	for i, v := range c.nodes {
		au.slot[v] = int32(i)
	}
	au.s = (c.clauses + 1) * au.a
}

// step returns the state after answering question v with option o from
// state s, or -1 if the path can no longer meet the condition.
func (au *automaton) step(v, o, s int) int {
	c, a := s/au.a, s%au.a
	if k := au.slot[v]; k >= 0 {
		if !au.c.good[k][o] || c == au.c.clauses {
			return -1 // c == len: a state no path from start is in
		}
		c++
	}
	if a == 0 && au.flag != nil {
		switch {
		case au.flag[v]&flagAsks != 0:
			a = 1
		case au.flag[v]&flagBefore != 0:
			a = 2
		}
	}
	return c*au.a + a
}

// met reports whether a path in state s has met the condition.
func (au *automaton) met(s int) bool { return s/au.a == au.c.clauses }

// breaks reports whether a path in state s ending at outcome k breaks the
// rule.
func (au *automaton) breaks(k, s int) bool {
	return au.met(s) && au.cr.bad[k] && (!au.cr.asksRule || s%au.a != 1)
}

// speaksOf reports whether the rule speaks of a path in state s ending at
// outcome k, broken or not.
func (au *automaton) speaksOf(k, s int) bool {
	return au.met(s) && (!au.cr.asksRule || au.cr.bad[k])
}

// distances returns, for each node v and state s, the fewest answers from
// v in state s to an outcome where end holds (unreached if none), at
// dist[v*au.s+s].
func (t *Tree) distances(au *automaton, end func(k, s int) bool) []int32 {
	g := t.graph()
	dist := make([]int32, g.n*au.s)
	for i := len(g.order) - 1; i >= 0; i-- {
		v := int(g.order[i])
		row := dist[v*au.s : (v+1)*au.s]
		if v >= g.nq {
			for s := range row {
				row[s] = unreached
				if end(v-g.nq, s) {
					row[s] = 0
				}
			}
			continue
		}
		if au.slot[v] < 0 && (au.flag == nil || au.flag[v] == 0) {
			// Most questions leave the state as it is: take the best
			// option state by state, without calling step.
			for s := range row {
				row[s] = unreached
			}
			for _, w := range g.edges(v) {
				for s, d := range dist[int(w)*au.s : (int(w)+1)*au.s] {
					if d+1 < row[s] && d != unreached {
						row[s] = d + 1
					}
				}
			}
			continue
		}
		for s := range row {
			best := int32(unreached)
			for o, w := range g.edges(v) {
				if s2 := au.step(v, o, s); s2 >= 0 {
					if d := dist[int(w)*au.s+s2]; d != unreached && d+1 < best {
						best = d + 1
					}
				}
			}
			row[s] = best
		}
	}
	return dist
}

// breakingPath returns the shortest path from start that breaks the rule:
// fewest answers and, among those, the first in the order of [Tree.Paths].
func (t *Tree) breakingPath(cr *compiledRule) (Path, bool) {
	g := t.graph()
	au := t.newAutomaton(cr)
	bestDist := int32(unreached)
	var best []int // option indices of the best path so far
	var bestEnd int
	for _, c := range cr.conds {
		au.use(c)
		dist := t.distances(au, au.breaks)
		d := dist[g.start*au.s]
		if d == unreached || d > bestDist {
			continue
		}
		// Follow the first option that stays on a shortest breaking path.
		opts := make([]int, 0, d)
		v, s := g.start, 0
		for v < g.nq {
			want := dist[v*au.s+s] - 1
			for o, w := range g.edges(v) {
				if s2 := au.step(v, o, s); s2 >= 0 && dist[int(w)*au.s+s2] == want {
					opts = append(opts, o)
					v, s = int(w), s2
					break
				}
			}
		}
		if d < bestDist || slices.Compare(opts, best) < 0 {
			bestDist, best, bestEnd = d, opts, v
		}
	}
	if best == nil {
		return Path{}, false
	}
	p := Path{Steps: make([]Step, len(best)), Outcome: t.Outcomes[bestEnd-g.nq]}
	v := g.start
	for i, o := range best {
		q := t.Questions[v]
		p.Steps[i] = Step{Question: q, Option: q.Options[o]}
		v = int(g.edges(v)[o])
	}
	return p, true
}

// meetable reports whether some path from start meets condition c (and,
// for an asks rule, ends at a verdict of to).
func (t *Tree) meetable(cr *compiledRule, c compiledCond) bool {
	au := t.newAutomaton(cr)
	au.use(c)
	return t.distances(au, au.speaksOf)[t.graph().start*au.s] != unreached
}
