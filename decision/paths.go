package decision

import (
	"iter"
	"math"
	"math/big"
	"strings"
)

// Path is one walk from start to an outcome.
type Path struct {
	Steps   []Step
	Outcome *Outcome
}

// Step is one answer on a path.
type Step struct {
	Question *Question
	Option   *Option
}

// String writes the step as "where=All over", or for a scale question with
// the option's values: "soreness=1-2", "soreness=3".
func (s Step) String() string {
	if s.Question.Scale != nil {
		return s.Question.ID + "=" + s.Option.Values()
	}
	return s.Question.ID + "=" + s.Option.Label
}

// String writes the path on one line:
// "soreness=1-2 > where=All over > tired=No => easy-run (run)".
func (p Path) String() string {
	var b strings.Builder
	b.WriteString(p.Answers())
	if p.Outcome != nil {
		b.WriteString(" => ")
		b.WriteString(p.Outcome.ID)
		b.WriteString(" (")
		b.WriteString(p.Outcome.Verdict)
		b.WriteString(")")
	}
	return b.String()
}

// Stats sums up a tree: sizes, exact path counts, path lengths.
type Stats struct {
	Questions, Outcomes int
	Paths               *big.Int // paths from start to an outcome
	Shortest, Longest   int      // questions on the shortest and longest path
	PerVerdict          []VerdictCount
	Scenarios           int // scenarios that pass
}

// VerdictCount is the number of paths that end at outcomes of one verdict.
type VerdictCount struct {
	Verdict string
	Paths   *big.Int
}

// Question returns the question with the given id, or nil.
func (t *Tree) Question(id string) *Question {
	if v, ok := t.graph().index[id]; ok && v < len(t.Questions) {
		return t.Questions[v]
	}
	return nil
}

// SharedQuestion returns the shared question with the given id, or nil.
func (t *Tree) SharedQuestion(id string) *Question {
	for _, q := range t.Shared {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Outcome returns the outcome with the given id, or nil.
func (t *Tree) Outcome(id string) *Outcome {
	g := t.graph()
	if v, ok := g.index[id]; ok && v >= g.nq {
		return t.Outcomes[v-g.nq]
	}
	return nil
}

// Verdict returns the verdict with the given id, or nil.
func (t *Tree) Verdict(id string) *Verdict {
	for _, v := range t.Verdicts {
		if v.ID == id {
			return v
		}
	}
	return nil
}

// pathCounts holds, for start, the number of paths in total and per
// verdict (in the order of Tree.Verdicts), and the path lengths.
type pathCounts struct {
	total             *big.Int
	perVerdict        []*big.Int
	shortest, longest int
}

// Stats counts paths by dynamic programming over a topological order:
// linear in nodes and edges. On a tree with a cycle or no valid start it
// reports sizes only.
func (t *Tree) Stats() Stats {
	s := Stats{Questions: len(t.Questions), Outcomes: len(t.Outcomes), Paths: new(big.Int)}
	for _, v := range t.Verdicts {
		s.PerVerdict = append(s.PerVerdict, VerdictCount{Verdict: v.ID, Paths: new(big.Int)})
	}
	g := t.graph()
	if g.order == nil || g.start < 0 {
		return s
	}
	g.countsOnce.Do(func() { g.counts = t.countPaths() })
	c := g.counts
	s.Paths.Set(c.total)
	for i := range s.PerVerdict {
		s.PerVerdict[i].Paths.Set(c.perVerdict[i])
	}
	s.Shortest, s.Longest = c.shortest, c.longest
	for _, sc := range t.Scenarios {
		if r := t.walk(sc); r.path.Outcome != nil && r.path.Outcome.ID == sc.Expect {
			s.Scenarios++
		}
	}
	return s
}

// countPaths counts the paths from start, in total (column 0) and per
// verdict (column 1+k), and measures the shortest and longest path.
func (t *Tree) countPaths() *pathCounts {
	g := t.graph()
	cols := 1 + len(t.Verdicts)
	verdictCol := t.verdictColumns()
	c := &pathCounts{}
	if row, ok := countSmall(g, cols, verdictCol); ok {
		c.total = new(big.Int).SetUint64(row[0])
		for k := 1; k < cols; k++ {
			c.perVerdict = append(c.perVerdict, new(big.Int).SetUint64(row[k]))
		}
	} else {
		row := countBig(g, cols, verdictCol)
		c.total = new(big.Int).Set(&row[0])
		for k := 1; k < cols; k++ {
			c.perVerdict = append(c.perVerdict, new(big.Int).Set(&row[k]))
		}
	}
	c.shortest, c.longest = pathLengths(g)
	return c
}

// verdictColumns gives, for each outcome, 1 + the index of its verdict,
// or 0 when the tree has no such verdict.
func (t *Tree) verdictColumns() []int {
	cols := make([]int, len(t.Outcomes))
	for i, o := range t.Outcomes {
		for k, v := range t.Verdicts {
			if v.ID == o.Verdict {
				cols[i] = 1 + k
				break
			}
		}
	}
	return cols
}

// countSmall runs the counting DP over a topological order in uint64 and
// returns the row of start; ok is false when a count overflows.
func countSmall(g *graph, cols int, verdictCol []int) (row []uint64, ok bool) {
	small := make([]uint64, g.n*cols)
	for i := len(g.order) - 1; i >= 0; i-- {
		v := int(g.order[i])
		row := small[v*cols : (v+1)*cols]
		if v >= g.nq {
			row[0] = 1
			if k := verdictCol[v-g.nq]; k > 0 {
				row[k] = 1
			}
			continue
		}
		for _, w := range g.edges(v) {
			if w < 0 {
				continue
			}
			for k, x := range small[int(w)*cols : (int(w)+1)*cols] {
				if row[k] > math.MaxUint64-x {
					return nil, false
				}
				row[k] += x
			}
		}
	}
	return small[g.start*cols : (g.start+1)*cols], true
}

// countBig runs the counting DP in math/big and returns the row of start.
func countBig(g *graph, cols int, verdictCol []int) []big.Int {
	counts := make([]big.Int, g.n*cols)
	for i := len(g.order) - 1; i >= 0; i-- {
		v := int(g.order[i])
		row := counts[v*cols : (v+1)*cols]
		if v >= g.nq {
			row[0].SetInt64(1)
			if k := verdictCol[v-g.nq]; k > 0 {
				row[k].SetInt64(1)
			}
			continue
		}
		for _, w := range g.edges(v) {
			if w < 0 {
				continue
			}
			for k := range cols {
				row[k].Add(&row[k], &counts[int(w)*cols+k])
			}
		}
	}
	return counts[g.start*cols : (g.start+1)*cols]
}

// pathLengths gives the shortest and longest path from start, in
// questions.
func pathLengths(g *graph) (shortest, longest int) {
	short := make([]int32, g.n)
	long := make([]int32, g.n)
	for i := len(g.order) - 1; i >= 0; i-- {
		v := int(g.order[i])
		if v >= g.nq {
			continue
		}
		lo, hi := int32(math.MaxInt32), int32(0)
		for _, w := range g.edges(v) {
			if w >= 0 {
				lo, hi = min(lo, short[w]), max(hi, long[w])
			}
		}
		if lo == math.MaxInt32 {
			lo = 0
		}
		short[v], long[v] = lo+1, hi+1
	}
	return int(short[g.start]), int(long[g.start])
}

// Paths streams every path from start to an outcome of the given verdict
// ("" for all), in a fixed order: depth first, options in file order. It
// holds only the current path and skips every option that cannot reach the
// verdict, so the first paths come at once however many there are. On a
// tree with a cycle or no valid start it yields nothing.
func (t *Tree) Paths(verdict string) iter.Seq[Path] {
	return func(yield func(Path) bool) {
		g := t.graph()
		if g.order == nil || g.start < 0 {
			return
		}
		// reach[v]: some path from v ends at an outcome of the verdict.
		reach := make([]bool, g.n)
		for i := len(g.order) - 1; i >= 0; i-- {
			v := int(g.order[i])
			if v >= g.nq {
				reach[v] = verdict == "" || t.Outcomes[v-g.nq].Verdict == verdict
				continue
			}
			for _, w := range g.edges(v) {
				if w >= 0 && reach[w] {
					reach[v] = true
					break
				}
			}
		}
		if !reach[g.start] {
			return
		}
		type frame struct{ q, next int }
		stack := []frame{{g.start, 0}}
		var steps []Step
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			es := g.edges(top.q)
			for top.next < len(es) && (es[top.next] < 0 || !reach[es[top.next]]) {
				top.next++
			}
			if top.next == len(es) {
				stack = stack[:len(stack)-1]
				if len(steps) > 0 {
					steps = steps[:len(steps)-1]
				}
				continue
			}
			q := t.Questions[top.q]
			oi := top.next
			top.next++
			w := int(es[oi])
			step := Step{Question: q, Option: q.Options[oi]}
			if w >= g.nq {
				p := Path{Steps: make([]Step, len(steps)+1), Outcome: t.Outcomes[w-g.nq]}
				copy(p.Steps, steps)
				p.Steps[len(steps)] = step
				if !yield(p) {
					return
				}
				continue
			}
			steps = append(steps, step)
			stack = append(stack, frame{w, 0})
		}
	}
}
