package decision

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// stepChain is a tree of n shared questions s0, s1, ... and a chain of
// steps k0, k1, ..., step ki asking asks[i]: answer a leads on to the next
// step (the last to outcome go), answer b to outcome stop.
func stepChain(n int, asks []string) []byte {
	var b strings.Builder
	b.WriteString("title: A chain of steps\nstart: k0\nverdicts:\n  run: {label: Run, tone: go}\n  rest: {label: Rest, tone: stop}\nshared:\n")
	for i := range n {
		fmt.Fprintf(&b, "  s%d:\n    text: Question %d?\n    options:\n      - {id: a, label: A}\n      - {id: b, label: B}\n", i, i)
	}
	b.WriteString("questions:\n")
	for k, ask := range asks {
		next := fmt.Sprintf("k%d", k+1)
		if k == len(asks)-1 {
			next = "go"
		}
		fmt.Fprintf(&b, "  k%d:\n    ask: %s\n    next: {a: %s, b: stop}\n", k, ask, next)
	}
	b.WriteString("outcomes:\n  go: {title: Go, verdict: run, page: go.md}\n  stop: {title: Stop, verdict: rest, page: stop.md}\n")
	b.WriteString("scenarios:\n  - {name: first, answers: {k0: b}, expect: stop}\n")
	return []byte(b.String())
}

// TestAskedTwiceManyShared: a shared question asked twice on a path is
// found whatever its place among many shared questions, up to MaxShared
// (past 64 the check keeps more than one word of bits a node).
func TestAskedTwiceManyShared(t *testing.T) {
	for _, n := range []int{2, 64, 65, 130, MaxShared} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			// k0 asks the last shared question, k1 asks it again.
			last := fmt.Sprintf("s%d", n-1)
			_, err := Parse(TreeFile, stepChain(n, []string{last, last}), Options{})
			if !errors.Is(err, ErrAskedTwice) || !strings.Contains(err.Error(), `question "k1" asks "`+last+`", which a path to it has asked already at "k0"`) {
				t.Errorf("Parse = %v; want %s asked twice, at k1", err, last)
			}
		})
	}
}

// TestAskedOnceManyShared: a path may ask many shared questions, each
// once, wherever they sit among MaxShared (each step's bits are its own
// words of the check's table).
func TestAskedOnceManyShared(t *testing.T) {
	const steps = 30 // under DefaultMaxDepth
	for _, n := range []int{64, 65, 130, MaxShared} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			// Step k asks s(n-1-k*n/steps): from the last shared question
			// down, so most steps ask in another word of 64 than the step
			// before. Every shared question no step asks only warns.
			var asks []string
			for k := range steps {
				asks = append(asks, fmt.Sprintf("s%d", n-1-k*n/steps))
			}
			tree, err := Parse(TreeFile, stepChain(n, asks), Options{})
			if err != nil {
				t.Fatalf("Parse = %v; want no error", err)
			}
			for _, w := range tree.Warnings {
				if !errors.Is(w, ErrNeverAsked) {
					t.Errorf("warning %v; want only shared questions never asked", w)
				}
			}
		})
	}
}

// TestAskedTwiceReportsAreCapped: like cycles, at most maxCycleReports
// steps that ask a shared question again are reported, however many do.
func TestAskedTwiceReportsAreCapped(t *testing.T) {
	for _, twice := range []int{19, 20, 21, 25} {
		t.Run(fmt.Sprint(twice), func(t *testing.T) {
			// A chain of steps that all ask s0: each after the first asks
			// it again.
			_, err := Parse(TreeFile, stepChain(1, slices.Repeat([]string{"s0"}, twice+1)), Options{})
			var ps Problems
			errors.As(err, &ps)
			var got []string
			for _, p := range ps {
				if errors.Is(p, ErrAskedTwice) {
					got = append(got, p.Msg)
				}
			}
			var want []string
			for k := 1; k <= min(twice, maxCycleReports); k++ {
				want = append(want, fmt.Sprintf("question %q asks %q, which a path to it has asked already at %q", fmt.Sprintf("k%d", k), "s0", "k0"))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%d steps that ask again gave:\n%s\nwant:\n%s", twice, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
