package mapsvg

import (
	"math/rand/v2"
	"testing"
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
