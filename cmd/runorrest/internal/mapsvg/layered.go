package mapsvg

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// placed is the layout of one graph: a bounding box, node boxes and edge
// curves, in points (one CSS pixel each) with y growing upwards.
type placed struct {
	width, height float64
	nodes         map[string]box
	edges         []curve // in the order of the model's edges
	crossings     int     // pairs of edges that cross
}

type box struct{ x, y, w, h float64 } // centre and size

type curve struct {
	points   []point // cubic Bézier control points: p0 (c1 c2 p)*
	arrow    *point  // the arrow's tip
	label    point
	hasLabel bool
}

type point struct{ x, y float64 }

// layoutLayered lays the map out: a small Sugiyama-style layered
// layout, drawn left to right. Nodes go in columns by the longest path from
// the start (so every edge points right); each edge gets a label column
// between the node columns and a chain of virtual nodes across longer
// spans; barycentric sweeps order each column to cut crossings; isotonic
// regression places each column as close to its neighbours as the order
// and the spacing allow.
//
// Graphviz's dot (through github.com/goccy/go-graphviz) drew a tidier map,
// but it was dropped: its package init compiles a WebAssembly module (and
// writes a cache to the temp folder) at the start of every runorrest
// command, 64 ms before any work, it adds 8.8 MB to the binary, and it takes
// 1.3 s and 339 MB for a 500-node tree, where this takes 36 ms and 25 MB.

// Spacing of the layered layout, in points.
const (
	charWidth  = 0.6 * nodeFont // a generous average width of a character
	edgeChar   = 0.6 * edgeFont
	padX, padY = 10, 7
	colGap     = 14 // between a column of nodes and a column of labels
	rowGap     = 12 // between two boxes of one column
	arrowLen   = 8
)

type lnode struct {
	rank   int
	w, h   float64
	x, y   float64 // centre; y grows downwards here
	real   int     // index in m.nodes, or -1 for a virtual node
	label  int     // for a label's virtual node, the edge's index; else -1
	pred   []int
	succ   []int
	order  int
	weight float64
}

func layoutLayered(m *model) *placed { return layoutWith(m, true) }

// layoutWith lays the map out, with or without the swaps of orderLayers
// (the tests compare the two): rank the nodes, add a chain of virtual
// nodes per edge, order the layers, then place them and draw the edges.
func layoutWith(m *model, swaps bool) *placed {
	index := map[string]int{}
	var ns []*lnode
	for i, n := range m.nodes {
		index[n.id] = i
		ns = append(ns, &lnode{real: i, label: -1, w: textWidth(n.lines, charWidth) + 2*padX, h: float64(len(n.lines))*nodeFont*lineHeight + 2*padY, weight: 1})
	}
	rankNodes(m, ns, index)
	ns, chains := addChains(m, ns, index)
	layers, cross := orderLayers(ns, initialLayers(ns), swaps)
	width := placeColumns(ns, layers)
	placeRows(ns, layers)
	return drawPlaced(m, ns, index, chains, width, cross)
}

// rankNodes gives each node twice the longest path from a source as its
// rank, so that labels get the odd columns.
func rankNodes(m *model, ns []*lnode, index map[string]int) {
	preds := make([][]int, len(ns))
	for _, e := range m.edges {
		preds[index[e.to]] = append(preds[index[e.to]], index[e.from])
	}
	memo := map[int]int{}
	var visit func(i int, seen map[int]bool) int
	visit = func(i int, seen map[int]bool) int {
		if l, ok := memo[i]; ok {
			return l
		}
		if seen[i] { // a loop: validation rejects them, but do not hang
			return 0
		}
		seen[i] = true
		l := 0
		for _, p := range preds[i] {
			l = max(l, visit(p, seen)+1)
		}
		delete(seen, i)
		memo[i] = l
		return l
	}
	for i := range ns {
		ns[i].rank = 2 * visit(i, map[int]bool{})
	}
}

// addChains links each edge through one virtual node per rank it spans,
// the first holding the edge's label, and returns the nodes with each
// edge's chain.
func addChains(m *model, ns []*lnode, index map[string]int) ([]*lnode, [][]int) {
	chains := make([][]int, len(m.edges))
	link := func(a, b int) {
		ns[a].succ = append(ns[a].succ, b)
		ns[b].pred = append(ns[b].pred, a)
	}
	for ei, e := range m.edges {
		from, to := index[e.from], index[e.to]
		prev := from
		for r := ns[from].rank + 1; r < ns[to].rank; r++ {
			v := &lnode{rank: r, real: -1, label: -1, weight: 0.5}
			if r == ns[from].rank+1 {
				v.label = ei
				v.w = textWidth(e.lines, edgeChar) + 6
				v.h = float64(len(e.lines))*edgeFont*lineHeight + 4
			}
			ns = append(ns, v)
			link(prev, len(ns)-1)
			chains[ei] = append(chains[ei], len(ns)-1)
			prev = len(ns) - 1
		}
		link(prev, to)
	}
	return ns, chains
}

// initialLayers puts the nodes in layers by rank, in the order of a
// depth-first walk from the sources in file order.
func initialLayers(ns []*lnode) [][]int {
	maxRank := 0
	for _, n := range ns {
		maxRank = max(maxRank, n.rank)
	}
	layers := make([][]int, maxRank+1)
	placedIn := make([]bool, len(ns))
	var dfs func(i int)
	dfs = func(i int) {
		if placedIn[i] {
			return
		}
		placedIn[i] = true
		layers[ns[i].rank] = append(layers[ns[i].rank], i)
		for _, s := range ns[i].succ {
			dfs(s)
		}
	}
	for i := range ns {
		if len(ns[i].pred) == 0 {
			dfs(i)
		}
	}
	for i := range ns {
		dfs(i)
	}
	return layers
}

// placeColumns sets x: the layers side by side, each as wide as its
// widest node. It returns the width of the whole.
func placeColumns(ns []*lnode, layers [][]int) float64 {
	x := 0.0
	for _, l := range layers {
		w := 0.0
		for _, i := range l {
			w = max(w, ns[i].w)
		}
		for _, i := range l {
			ns[i].x = x + w/2
		}
		x += w + colGap
	}
	return x - colGap
}

// placeRows sets y: each layer stacked, then pulled towards its
// neighbours, sweeping one way and back.
func placeRows(ns []*lnode, layers [][]int) {
	for _, l := range layers {
		y := 0.0
		for _, i := range l {
			ns[i].y = y + ns[i].h/2
			y += ns[i].h + rowGap
		}
	}
	for iter := 0; iter < 12; iter++ {
		order := make([]int, len(layers))
		for r := range order {
			order[r] = r
		}
		if iter%2 == 1 {
			slices.Reverse(order)
		}
		for _, r := range order {
			place(ns, layers[r])
		}
	}
}

// drawPlaced turns the placed nodes into boxes and each edge's chain into
// a curve, with y growing upwards.
func drawPlaced(m *model, ns []*lnode, index map[string]int, chains [][]int, width float64, cross int) *placed {
	top, bottom := 0.0, 0.0
	for i, n := range ns {
		if i == 0 || n.y-n.h/2 < top {
			top = n.y - n.h/2
		}
		bottom = max(bottom, n.y+n.h/2)
	}
	height := bottom - top
	up := func(y float64) float64 { return height - (y - top) } // y grows upwards in placed

	p := &placed{width: width, height: height, nodes: map[string]box{}, edges: make([]curve, len(m.edges)), crossings: cross}
	for _, n := range ns {
		if n.real >= 0 {
			p.nodes[m.nodes[n.real].id] = box{x: n.x, y: up(n.y), w: n.w, h: n.h}
		}
	}
	for ei, e := range m.edges {
		from, to := ns[index[e.from]], ns[index[e.to]]
		pts := []point{{from.x + from.w/2, from.y}}
		var c curve
		for _, vi := range chains[ei] {
			v := ns[vi]
			y := v.y
			if v.label >= 0 {
				y = v.y + v.h/2 - 2 // the edge runs under its label
				c.label, c.hasLabel = point{v.x, up(v.y - 3)}, true
			}
			pts = append(pts, point{v.x - v.w/2, y}, point{v.x + v.w/2, y})
		}
		end := point{to.x - to.w/2 - arrowLen, to.y}
		pts = append(pts, end)
		c.points = bezier(pts, up)
		c.arrow = &point{to.x - to.w/2, up(to.y)}
		p.edges[ei] = c
	}
	return p
}

// orderLayers orders each layer to cut crossings, and returns the order
// and its crossings: barycentric sweeps down and up, each followed (with
// swaps) by swapping neighbours in a layer wherever that removes
// crossings, keeping the best order met.
func orderLayers(ns []*lnode, layers [][]int, swaps bool) ([][]int, int) {
	setOrder(ns, layers)
	best := cloneLayers(layers)
	bestX := crossings(ns, layers)
	for iter := 0; iter < 16 && bestX > 0; iter++ {
		if iter%2 == 0 {
			for r := 1; r < len(layers); r++ {
				sortBy(ns, layers[r], func(n *lnode) []int { return n.pred })
			}
		} else {
			for r := len(layers) - 2; r >= 0; r-- {
				sortBy(ns, layers[r], func(n *lnode) []int { return n.succ })
			}
		}
		setOrder(ns, layers)
		if swaps {
			transpose(ns, layers)
		}
		if x := crossings(ns, layers); x < bestX {
			best, bestX = cloneLayers(layers), x
		}
	}
	setOrder(ns, best)
	return best, bestX
}

func setOrder(ns []*lnode, layers [][]int) {
	for _, l := range layers {
		for k, i := range l {
			ns[i].order = k
		}
	}
}

// transpose swaps two neighbours of a layer when the edges of the pair
// cross less the other way round, until no swap helps (at most 20 rounds,
// each linear in the edges at the pairs).
func transpose(ns []*lnode, layers [][]int) {
	for range 20 {
		swapped := false
		for _, l := range layers {
			for k := 0; k+1 < len(l); k++ {
				u, v := l[k], l[k+1]
				if pairCrossings(ns, v, u) < pairCrossings(ns, u, v) {
					l[k], l[k+1] = v, u
					ns[u].order, ns[v].order = k+1, k
					swapped = true
				}
			}
		}
		if !swapped {
			return
		}
	}
}

// pairCrossings counts the crossings between the edges of u and those of
// v, with u placed just before v in their layer.
func pairCrossings(ns []*lnode, u, v int) int {
	return inversions(ns, ns[u].pred, ns[v].pred) + inversions(ns, ns[u].succ, ns[v].succ)
}

// inversions counts the pairs of an edge to a and an edge to b where b's
// end comes first.
func inversions(ns []*lnode, a, b []int) int {
	n := 0
	for _, i := range a {
		for _, j := range b {
			if ns[i].order > ns[j].order {
				n++
			}
		}
	}
	return n
}

// textWidth estimates the width of the longest line.
func textWidth(lines []string, perChar float64) float64 {
	w := 0
	for _, l := range lines {
		w = max(w, utf8.RuneCountInString(l))
	}
	return float64(w) * perChar
}

// bezier joins points with cubic curves that leave and arrive
// horizontally, and flips y with up.
func bezier(pts []point, up func(float64) float64) []point {
	out := []point{{pts[0].x, up(pts[0].y)}}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dx := (b.x - a.x) / 2
		out = append(out, point{a.x + dx, up(a.y)}, point{b.x - dx, up(b.y)}, point{b.x, up(b.y)})
	}
	return out
}

// sortBy orders a layer by the mean position of each node's neighbours on
// the side that was just ordered; a node without any keeps its place.
func sortBy(ns []*lnode, layer []int, nbrs func(*lnode) []int) {
	type keyed struct {
		i    int
		bary float64
	}
	ks := make([]keyed, len(layer))
	for k, i := range layer {
		ks[k] = keyed{i: i, bary: float64(ns[i].order)}
		if nb := nbrs(ns[i]); len(nb) > 0 {
			s := 0.0
			for _, j := range nb {
				s += float64(ns[j].order)
			}
			ks[k].bary = s / float64(len(nb))
		}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return cmp.Compare(a.bary, b.bary) })
	for k := range ks {
		layer[k] = ks[k].i
	}
}

// crossings counts the pairs of edges that cross between adjacent layers:
// with the edges of a layer sorted by their upper end, the inversions of
// their lower ends, counted with a Fenwick tree in O(E log E).
func crossings(ns []*lnode, layers [][]int) int {
	n := 0
	for r, l := range layers {
		if r+1 == len(layers) {
			break
		}
		type seg struct{ a, b int }
		var segs []seg
		for _, i := range l {
			for _, j := range ns[i].succ {
				segs = append(segs, seg{ns[i].order, ns[j].order})
			}
		}
		slices.SortFunc(segs, func(x, y seg) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
		tree := make([]int, len(layers[r+1])+1)
		for k, sg := range segs {
			// Edges seen so far whose lower end is right of this one's.
			le := 0
			for i := sg.b + 1; i > 0; i -= i & -i {
				le += tree[i]
			}
			n += k - le
			for i := sg.b + 1; i < len(tree); i += i & -i {
				tree[i]++
			}
		}
	}
	return n
}

func cloneLayers(ls [][]int) [][]int {
	out := make([][]int, len(ls))
	for i, l := range ls {
		out[i] = slices.Clone(l)
	}
	return out
}

// place moves the nodes of a layer as close as it can to the mean height
// of their neighbours, keeping their order and the gaps between them: an
// isotonic regression (pool adjacent violators) on y minus each node's
// least offset from the first.
func place(ns []*lnode, layer []int) {
	if len(layer) == 0 {
		return
	}
	off := make([]float64, len(layer))
	want := make([]float64, len(layer))
	wt := make([]float64, len(layer))
	for k, i := range layer {
		n := ns[i]
		if k > 0 {
			prev := ns[layer[k-1]]
			off[k] = off[k-1] + prev.h/2 + rowGap + n.h/2
		}
		s, c := 0.0, 0
		for _, j := range n.pred {
			s += ns[j].y
			c++
		}
		for _, j := range n.succ {
			s += ns[j].y
			c++
		}
		if c == 0 {
			want[k] = n.y
		} else {
			want[k] = s / float64(c)
		}
		want[k] -= off[k]
		wt[k] = n.weight
	}
	// Pool adjacent violators: blocks of equal value, nondecreasing.
	type block struct {
		v, w  float64
		start int
		n     int
	}
	var bs []block
	for k := range layer {
		bs = append(bs, block{v: want[k], w: wt[k], start: k, n: 1})
		for len(bs) > 1 && bs[len(bs)-2].v > bs[len(bs)-1].v {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			w := a.w + b.w
			bs = bs[:len(bs)-2]
			bs = append(bs, block{v: (a.v*a.w + b.v*b.w) / w, w: w, start: a.start, n: a.n + b.n})
		}
	}
	for _, b := range bs {
		for k := b.start; k < b.start+b.n; k++ {
			ns[layer[k]].y = b.v + off[k]
		}
	}
}
