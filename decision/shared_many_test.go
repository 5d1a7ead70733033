package decision

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestAskedTwiceManyShared: a shared question asked twice on a path is
// found whatever its place among many shared questions, up to MaxShared
// (past 64 the check keeps more than one word of bits a node).
func TestAskedTwiceManyShared(t *testing.T) {
	for _, n := range []int{2, 64, 65, 130, MaxShared} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			last := fmt.Sprintf("s%d", n-1)
			var b strings.Builder
			b.WriteString("title: Many shared\nstart: k0\nverdicts:\n  run: {label: Run, tone: go}\nshared:\n")
			for i := range n {
				fmt.Fprintf(&b, "  s%d:\n    text: Question %d?\n    options:\n      - {id: a, label: A}\n      - {id: b, label: B}\n", i, i)
			}
			// k0 asks the last shared question, k1 asks it again.
			b.WriteString("questions:\n")
			b.WriteString("  k0:\n    ask: " + last + "\n    next: {a: k1, b: k1}\n")
			b.WriteString("  k1:\n    ask: " + last + "\n    next: {a: go, b: go}\n")
			b.WriteString("outcomes:\n  go: {title: Go, verdict: run, page: go.md}\n")
			b.WriteString("scenarios:\n  - {name: a, answers: {" + last + ": a}, expect: go}\n")
			_, err := Parse(TreeFile, []byte(b.String()), Options{})
			if !errors.Is(err, ErrAskedTwice) || !strings.Contains(err.Error(), `question "k1" asks "`+last+`", which a path to it has asked already at "k0"`) {
				t.Errorf("Parse = %v; want %s asked twice, at k1", err, last)
			}
		})
	}
}
