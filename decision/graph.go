package decision

import (
	"strings"
	"sync"
)

// graph is the tree as integer-indexed nodes: questions first (0..nq-1, in
// file order), then outcomes (nq..n-1). Edges are stored compactly: the
// options of question q lead to to[off[q]:off[q+1]], -1 for a next that
// names no node.
type graph struct {
	nq, n int
	index map[string]int // first node with each id
	off   []int32
	to    []int32
	start int // -1 if start names no question

	// order is a topological order of all nodes (every edge goes from an
	// earlier to a later node), or nil if the graph has a cycle.
	order []int32

	countsOnce sync.Once
	counts     *pathCounts
}

// graph returns the tree's index. Trees from Load and Parse have it from
// validation, so lookups on them are safe for concurrent use; a tree built
// by hand gets it on first use, and must not be changed after that.
func (t *Tree) graph() *graph {
	if t.g == nil {
		t.g = buildGraph(t)
	}
	return t.g
}

// buildGraph indexes the nodes and edges of t, and sorts them topologically.
func buildGraph(t *Tree) *graph {
	nq, no := len(t.Questions), len(t.Outcomes)
	g := &graph{nq: nq, n: nq + no, index: make(map[string]int, nq+no), start: -1}
	for i, q := range t.Questions {
		if _, dup := g.index[q.ID]; !dup {
			g.index[q.ID] = i
		}
	}
	for i, o := range t.Outcomes {
		if _, dup := g.index[o.ID]; !dup {
			g.index[o.ID] = nq + i
		}
	}
	edges := 0
	for _, q := range t.Questions {
		edges += len(q.Options)
	}
	g.off = make([]int32, nq+1)
	g.to = make([]int32, 0, edges)
	for i, q := range t.Questions {
		for _, o := range q.Options {
			next, ok := g.index[o.Next]
			if !ok {
				next = -1
			}
			g.to = append(g.to, int32(next))
		}
		g.off[i+1] = int32(len(g.to))
	}
	if s, ok := g.index[t.Start]; ok && s < nq {
		g.start = s
	}
	g.order = g.topoOrder()
	return g
}

// edges returns the targets of node v's options (none for an outcome).
func (g *graph) edges(v int) []int32 {
	if v >= g.nq {
		return nil
	}
	return g.to[g.off[v]:g.off[v+1]]
}

// topoOrder returns a topological order by Kahn's algorithm, or nil if
// there is a cycle.
func (g *graph) topoOrder() []int32 {
	indeg := make([]int32, g.n)
	for _, w := range g.to {
		if w >= 0 {
			indeg[w]++
		}
	}
	order := make([]int32, 0, g.n)
	for v := range g.n {
		if indeg[v] == 0 {
			order = append(order, int32(v))
		}
	}
	for i := 0; i < len(order); i++ {
		for _, w := range g.edges(int(order[i])) {
			if w < 0 {
				continue
			}
			if indeg[w]--; indeg[w] == 0 {
				order = append(order, w)
			}
		}
	}
	if len(order) < g.n {
		return nil
	}
	return order
}

// cycle is one cycle found by findCycles: the nodes in walk order, and the
// question and option whose next closes it.
type cycle struct {
	nodes     []int32
	q, option int
}

// findCycles runs an iterative depth-first search from every node (start
// first) and returns up to limit cycles, one per back edge.
func (g *graph) findCycles(limit int) []cycle {
	const (
		white = iota
		grey
		black
	)
	color := make([]uint8, g.n)
	type frame struct {
		v, i int32
	}
	var stack []frame
	var found []cycle
	roots := make([]int, 0, g.nq+1)
	if g.start >= 0 {
		roots = append(roots, g.start)
	}
	for v := range g.nq {
		roots = append(roots, v)
	}
	for _, r := range roots {
		if color[r] != white {
			continue
		}
		color[r] = grey
		stack = append(stack[:0], frame{int32(r), 0})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			es := g.edges(int(top.v))
			if int(top.i) >= len(es) {
				color[top.v] = black
				stack = stack[:len(stack)-1]
				continue
			}
			w := es[top.i]
			top.i++
			switch {
			case w < 0:
			case color[w] == white:
				color[w] = grey
				stack = append(stack, frame{w, 0})
			case color[w] == grey && len(found) < limit:
				c := cycle{q: int(top.v), option: int(top.i - 1)}
				j := len(stack) - 1
				for stack[j].v != w {
					j--
				}
				for _, f := range stack[j:] {
					c.nodes = append(c.nodes, f.v)
				}
				c.nodes = append(c.nodes, w)
				found = append(found, c)
			}
		}
	}
	return found
}

// reachable marks the nodes reachable from start.
func (g *graph) reachable() []bool {
	seen := make([]bool, g.n)
	if g.start < 0 {
		return seen
	}
	queue := []int32{int32(g.start)}
	seen[g.start] = true
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, w := range g.edges(int(v)) {
			if w >= 0 && !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

// nodeID returns the id of node v.
func (t *Tree) nodeID(v int) string {
	if v < len(t.Questions) {
		return t.Questions[v].ID
	}
	return t.Outcomes[v-len(t.Questions)].ID
}

// chain prints nodes as "a -> b -> c", shortening very long chains.
func (t *Tree) chain(nodes []int32) string {
	const keep = 12
	ids := make([]string, 0, min(len(nodes), 2*keep+1))
	for i, v := range nodes {
		if len(nodes) > 2*keep+1 && i == keep {
			ids = append(ids, "... ("+itoa(len(nodes)-2*keep)+" more)")
		}
		if len(nodes) > 2*keep+1 && i >= keep && i < len(nodes)-keep {
			continue
		}
		ids = append(ids, t.nodeID(int(v)))
	}
	return strings.Join(ids, " -> ")
}
