package mapsvg

import (
	"math/rand/v2"
	"os"
	"testing"

	"runorrest/decision"
)

// TestCrossings compares the Fenwick count with counting every pair.
func TestCrossings(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 50 {
		top, bottom := 1+r.IntN(8), 1+r.IntN(8)
		var ns []*lnode
		layers := [][]int{nil, nil}
		for k := range top {
			ns = append(ns, &lnode{order: k})
			layers[0] = append(layers[0], len(ns)-1)
		}
		for k := range bottom {
			ns = append(ns, &lnode{order: k})
			layers[1] = append(layers[1], len(ns)-1)
		}
		type seg struct{ a, b int }
		var segs []seg
		for range r.IntN(12) {
			a, b := r.IntN(top), r.IntN(bottom)
			ns[layers[0][a]].succ = append(ns[layers[0][a]].succ, layers[1][b])
			segs = append(segs, seg{a, b})
		}
		want := 0
		for i := range segs {
			for j := i + 1; j < len(segs); j++ {
				if (segs[i].a-segs[j].a)*(segs[i].b-segs[j].b) < 0 {
					want++
				}
			}
		}
		if got := crossings(ns, layers); got != want {
			t.Errorf("trial %d: crossings = %d; want %d (edges %v)", trial, got, want, segs)
		}
	}
}

// sharedOutcomes is the map's model as it was before outcomes got a box
// per answer: each outcome once, every answer leading there pointing at it.
func sharedOutcomes(t *decision.Tree) *model {
	m := newModel(t)
	shared := &model{title: m.title}
	first := map[string]string{} // page -> the id of its first box
	for _, n := range m.nodes {
		if _, ok := first[n.page]; ok {
			continue
		}
		first[n.page] = n.id
		shared.nodes = append(shared.nodes, n)
	}
	for _, e := range m.edges {
		to := e.to
		for _, n := range m.nodes {
			if n.id == e.to {
				to = first[n.page]
			}
		}
		shared.edges = append(shared.edges, edge{from: e.from, to: to, lines: e.lines})
	}
	return shared
}

// TestFewerCrossings counts the crossings of the default guide's map as it
// was (each outcome once, barycentric sweeps alone) and as it is, and of
// random trees with sweeps alone and with swaps: never more, and fewer on
// the default guide.
func TestFewerCrossings(t *testing.T) {
	tree, err := decision.Load(os.DirFS(repoRoot), decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before, after := layoutWith(sharedOutcomes(tree), false).crossings, layoutLayered(newModel(tree)).crossings
	t.Logf("default guide: %d crossings before, %d now", before, after)
	if after >= before && before > 0 {
		t.Errorf("default guide: %d crossings; want fewer than %d", after, before)
	}
	for _, n := range []int{20, 60, 150} {
		m := newModel(bigTree(n))
		before, after := layoutWith(m, false).crossings, layoutWith(m, true).crossings
		t.Logf("random tree of %d nodes: %d crossings with sweeps alone, %d with swaps", n, before, after)
		if after > before {
			t.Errorf("random tree of %d nodes: %d crossings with swaps; want at most %d", n, after, before)
		}
	}
}
