package decision

import (
	"math/big"
	"strconv"
	"testing"
)

// doublingTree builds a chain of n questions d1..dn. Each of d1..dn-1 has
// two options to the next question (so the count doubles at each) and, if
// plusOne, a third option to run-out (adding one path). dn has the options
// ends, each leading to the outcome it names. before, if not nil, are the
// options of a start question written after the chain ("d1" leads into
// it).
func doublingTree(n int, plusOne bool, ends []string, before []*Option) *Tree {
	t := &Tree{File: TreeFile, Title: "Doubling", Start: "d1",
		Verdicts: []*Verdict{{ID: "run", Label: "Run", Tone: "go"}, {ID: "rest", Label: "Rest", Tone: "stop"}},
		Outcomes: []*Outcome{{ID: "run-out", Title: "Run", Verdict: "run", Page: "outcomes/easy-run.md"},
			{ID: "rest-out", Title: "Rest", Verdict: "rest", Page: "outcomes/rest-day.md"}}}
	d := func(i int) string { return "d" + strconv.Itoa(i) }
	for i := 1; i < n; i++ {
		q := &Question{ID: d(i), Text: "Which?", Options: []*Option{{Label: "A", Next: d(i + 1)}, {Label: "B", Next: d(i + 1)}}}
		if plusOne {
			q.Options = append(q.Options, &Option{Label: "C", Next: "run-out"})
		}
		t.Questions = append(t.Questions, q)
	}
	last := &Question{ID: d(n), Text: "Last?"}
	for i, next := range ends {
		last.Options = append(last.Options, &Option{Label: "E" + strconv.Itoa(i), Next: next})
	}
	t.Questions = append(t.Questions, last)
	if before != nil {
		// Last in the file: start need not be the first question.
		t.Start = "start"
		t.Questions = append(t.Questions, &Question{ID: "start", Text: "Begin?", Options: before})
	}
	return t
}

// pow2 returns 2^n + add.
func pow2(n uint, add int64) *big.Int {
	x := new(big.Int).Lsh(big.NewInt(1), n)
	return x.Add(x, big.NewInt(add))
}

// TestPathCountsAroundTwoToThe64 counts paths exactly just below, at and
// just above 2^64, where counting switches from 64-bit integers to big
// numbers, whichever option brings the sum past the limit; and the shortest
// and longest path in questions.
func TestPathCountsAroundTwoToThe64(t *testing.T) {
	tests := []struct {
		name            string
		tree            *Tree
		total, run, rst *big.Int
		short, long     int
	}{
		{
			// d63 has 3 paths, and each level above doubles and adds one:
			// 2^64-1 paths, of which 2^62 end at rest-out.
			name:  "2^64-1: the largest count in 64 bits",
			tree:  doublingTree(63, true, []string{"run-out", "rest-out", "run-out"}, nil),
			total: pow2(64, -1), run: new(big.Int).Sub(pow2(64, -1), pow2(62, 0)), rst: pow2(62, 0),
			short: 1, long: 63,
		},
		{
			name:  "2^64: the count overflows at start only",
			tree:  doublingTree(64, false, []string{"run-out", "rest-out"}, nil),
			total: pow2(64, 0), run: pow2(63, 0), rst: pow2(63, 0),
			short: 64, long: 64,
		},
		{
			name: "2^64: a small option first, then 2^64-1",
			tree: doublingTree(63, true, []string{"run-out", "rest-out", "run-out"},
				[]*Option{{Label: "Stop", Next: "rest-out"}, {Label: "Go", Next: "d1"}}),
			total: pow2(64, 0), run: new(big.Int).Sub(pow2(64, -1), pow2(62, 0)), rst: pow2(62, 1),
			short: 1, long: 64,
		},
		{
			name: "2^64: 2^64-1 first, then a small option",
			tree: doublingTree(63, true, []string{"run-out", "rest-out", "run-out"},
				[]*Option{{Label: "Go", Next: "d1"}, {Label: "Stop", Next: "rest-out"}}),
			total: pow2(64, 0), run: new(big.Int).Sub(pow2(64, -1), pow2(62, 0)), rst: pow2(62, 1),
			short: 1, long: 64,
		},
		{
			name: "2^64+1",
			tree: doublingTree(64, false, []string{"run-out", "rest-out"},
				[]*Option{{Label: "Stop", Next: "rest-out"}, {Label: "Go", Next: "d1"}}),
			total: pow2(64, 1), run: pow2(63, 0), rst: pow2(63, 1),
			short: 1, long: 65,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := validateModel(tt.tree, Options{MaxDepth: 100}).result(); err != nil {
				t.Fatal(err)
			}
			s := tt.tree.Stats()
			if s.Paths.Cmp(tt.total) != 0 {
				t.Errorf("Stats().Paths = %v; want %v", s.Paths, tt.total)
			}
			if len(s.PerVerdict) != 2 || s.PerVerdict[0].Paths.Cmp(tt.run) != 0 || s.PerVerdict[1].Paths.Cmp(tt.rst) != 0 {
				t.Errorf("Stats().PerVerdict = %v; want run=%v rest=%v", s.PerVerdict, tt.run, tt.rst)
			}
			if s.Shortest != tt.short || s.Longest != tt.long {
				t.Errorf("Stats() paths of %d to %d questions; want %d to %d", s.Shortest, s.Longest, tt.short, tt.long)
			}
		})
	}
}
