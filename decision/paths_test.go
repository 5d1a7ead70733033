package decision

import (
	"math/big"
	"slices"
	"strings"
	"testing"
)

func parseSmall(t *testing.T) *Tree {
	t.Helper()
	tree, err := Parse(TreeFile, []byte(smallTree(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestPathsOfSmallTree(t *testing.T) {
	tree := parseSmall(t)
	tests := []struct {
		verdict string
		want    []string
	}{
		{"", []string{
			"soreness=1-3 > where=All over > tired=No => easy-run (run)",
			"soreness=1-3 > where=All over > tired=Yes => cross-train (cross-train)",
			"soreness=1-3 > where=One spot => rest-day (rest)",
			"soreness=4-6 > tired=No => easy-run (run)",
			"soreness=4-6 > tired=Yes => cross-train (cross-train)",
			"soreness=7-10 => rest-day (rest)",
		}},
		{"rest", []string{
			"soreness=1-3 > where=One spot => rest-day (rest)",
			"soreness=7-10 => rest-day (rest)",
		}},
		{"walk", nil},
	}
	for _, tt := range tests {
		var got []string
		for p := range tree.Paths(tt.verdict) {
			got = append(got, p.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Paths(%q) =\n%q\nwant\n%q", tt.verdict, got, tt.want)
		}
	}
}

func TestStatsOfSmallTree(t *testing.T) {
	s := parseSmall(t).Stats()
	if s.Questions != 3 || s.Outcomes != 3 || s.Paths.Int64() != 6 || s.Shortest != 1 || s.Longest != 3 || s.Scenarios != 2 {
		t.Errorf("Stats = %+v; want 3 questions, 3 outcomes, 6 paths of 1 to 3, 2 scenarios", s)
	}
	var got []string
	for _, v := range s.PerVerdict {
		got = append(got, v.Verdict+"="+v.Paths.String())
	}
	if want := []string{"run=2", "cross-train=2", "rest=2"}; !slices.Equal(got, want) {
		t.Errorf("PerVerdict = %v; want %v", got, want)
	}
}

func TestScaleStepWithOneValue(t *testing.T) {
	tree := parseSmall(t)
	q := tree.Question("soreness")
	step := Step{Question: q, Option: &Option{Label: "Three", Lo: 3, Hi: 3}}
	if got, want := step.String(), "soreness=3"; got != want {
		t.Errorf("Step.String() = %q; want %q", got, want)
	}
}

// TestPathsStreamHugeTree takes the first paths of a tree with more than
// 10^30 paths, which only works if Paths streams. With -short (as for
// mutation testing) the tree is 4 questions wide instead of 1000: 404
// questions instead of 101,000, still with more than 10^30 paths.
func TestPathsStreamHugeTree(t *testing.T) {
	width := int64(1000)
	if testing.Short() {
		width = 4
	}
	tree := wideTree(int(width), 101)
	if _, err := validateModel(tree, Options{MaxDepth: 200}).result(); err != nil {
		t.Fatal(err)
	}
	s := tree.Stats()
	want := new(big.Int).Lsh(big.NewInt(width), 100) // width * 2^100
	if s.Paths.Cmp(want) != 0 {
		t.Fatalf("Stats.Paths = %v; want %v", s.Paths, want)
	}
	if ten30 := new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil); s.Paths.Cmp(ten30) <= 0 {
		t.Fatalf("Stats.Paths = %v; want more than 10^30", s.Paths)
	}
	half := new(big.Int).Rsh(want, 1)
	if s.PerVerdict[0].Paths.Cmp(half) != 0 || s.PerVerdict[1].Paths.Cmp(half) != 0 {
		t.Errorf("PerVerdict = %v, %v; want %v each", s.PerVerdict[0].Paths, s.PerVerdict[1].Paths, half)
	}
	steps := 101
	if width > MaxOptions {
		steps++ // the question that picks a group of lanes
	}
	for _, verdict := range []string{"", "rest"} {
		n := 0
		var last Path
		for p := range tree.Paths(verdict) {
			if len(p.Steps) != steps || (verdict != "" && p.Outcome.Verdict != verdict) {
				t.Fatalf("Paths(%q) gave %v", verdict, p)
			}
			if last.Outcome != nil && p.String() == last.String() {
				t.Fatalf("Paths(%q) repeats %v", verdict, p)
			}
			last = p
			if n++; n == 1000 {
				break
			}
		}
		if n != 1000 {
			t.Errorf("Paths(%q) gave %d paths; want 1000", verdict, n)
		}
	}
}

// TestPathsMatchCount checks on a tree with shared subtrees that streaming
// gives exactly as many paths as the count.
func TestPathsMatchCount(t *testing.T) {
	tree := wideTree(3, 6)
	if _, err := validateModel(tree, Options{}).result(); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"", "run", "rest"} {
		n := int64(0)
		seen := map[string]bool{}
		for p := range tree.Paths(v) {
			seen[p.String()] = true
			n++
		}
		want := int64(3 << 5)
		if v != "" {
			want /= 2
		}
		if n != want || int64(len(seen)) != want {
			t.Errorf("Paths(%q) gave %d paths (%d distinct); want %d", v, n, len(seen), want)
		}
	}
}

// smallStartLast is the small example with its start question, soreness,
// moved after where and tired, so that soreness leads to the first
// question of the file.
func smallStartLast(t *testing.T) string {
	t.Helper()
	s := smallTree(t)
	i, j := strings.Index(s, "  soreness:\n"), strings.Index(s, "  where:\n")
	k := strings.Index(s, "outcomes:\n")
	if i < 0 || j < i || k < j {
		t.Fatal("small.yaml changed: soreness, where, then outcomes expected")
	}
	return s[:i] + s[j:k] + s[i:j] + s[k:]
}

// TestCountsWhateverTheOrder: the order of the questions in the file
// changes no count and no path, also when start is not the first question.
func TestCountsWhateverTheOrder(t *testing.T) {
	tree, err := Parse(TreeFile, []byte(smallStartLast(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tree.Questions[0].ID == tree.Start {
		t.Fatal("start is still the first question")
	}
	want, got := parseSmall(t).Stats(), tree.Stats()
	if got.Paths.Cmp(want.Paths) != 0 || got.Shortest != want.Shortest || got.Longest != want.Longest {
		t.Errorf("Stats = %v paths of %d to %d; want %v of %d to %d", got.Paths, got.Shortest, got.Longest, want.Paths, want.Shortest, want.Longest)
	}
	for n, v := range got.PerVerdict {
		if v.Paths.Cmp(want.PerVerdict[n].Paths) != 0 {
			t.Errorf("%s: %v paths; want %v", v.Verdict, v.Paths, want.PerVerdict[n].Paths)
		}
	}
	var paths, wantPaths []string
	for p := range tree.Paths("") {
		paths = append(paths, p.String())
	}
	for p := range parseSmall(t).Paths("") {
		wantPaths = append(wantPaths, p.String())
	}
	if !slices.Equal(paths, wantPaths) {
		t.Errorf("Paths = %q; want %q", paths, wantPaths)
	}
}
