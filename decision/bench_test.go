package decision

import (
	"os"
	"path/filepath"
	"testing"
)

// Benchmarks on generated trees. Run:
//
//	go test -run '^$' -bench . -benchmem ./decision

// wide100k has 100,013 nodes and 1000 * 2^100 (about 1.3 * 10^33) paths.
func wide100k() *Tree { return wideTree(1000, 101) }

var wideOpts = Options{MaxDepth: 200, MaxBytes: 1 << 30}

// BenchmarkCheckWide100k parses, validates and counts the paths of the
// 100,000-node tree, from YAML in memory: what `runorrest check` does.
func BenchmarkCheckWide100k(b *testing.B) {
	data := treeYAML(wide100k())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		tree, err := Parse(TreeFile, data, wideOpts)
		if err != nil {
			b.Fatal(err)
		}
		if s := tree.Stats(); s.Paths.BitLen() < 100 {
			b.Fatalf("only %v paths", s.Paths)
		}
	}
}

// BenchmarkValidateWide100k validates and counts the paths of the
// 100,000-node tree built in code: validation alone, without YAML.
func BenchmarkValidateWide100k(b *testing.B) {
	tree := wide100k()
	for b.Loop() {
		if _, err := validateModel(tree, wideOpts).result(); err != nil {
			b.Fatal(err)
		}
		if s := tree.Stats(); s.Paths.BitLen() < 100 {
			b.Fatalf("only %v paths", s.Paths)
		}
	}
}

// BenchmarkValidateChain1M validates and counts a chain of 1,000,000
// questions built in code.
func BenchmarkValidateChain1M(b *testing.B) {
	tree := chainTree(1_000_000)
	for b.Loop() {
		if _, err := validateModel(tree, Options{MaxDepth: 2_000_000}).result(); err != nil {
			b.Fatal(err)
		}
		if s := tree.Stats(); s.Longest != 1_000_000 {
			b.Fatalf("longest path %d", s.Longest)
		}
	}
}

// BenchmarkPathsFirst1000 streams the first 1000 paths of the tree with
// more than 10^30 paths.
func BenchmarkPathsFirst1000(b *testing.B) {
	tree := wide100k()
	if _, err := validateModel(tree, wideOpts).result(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		n := 0
		for range tree.Paths("") {
			if n++; n == 1000 {
				break
			}
		}
	}
}

// wideRules are ten rules about the 100,000-node tree: seven hold and three
// break, with conditions of one to three questions, and every kind.
func wideRules() []*Rule {
	c := func(pairs ...string) Condition {
		var cond Condition
		for i := 0; i < len(pairs); i += 2 {
			cond.Clauses = append(cond.Clauses, Clause{Question: pairs[i], Answers: []string{pairs[i+1]}})
		}
		return cond
	}
	return []*Rule{
		{Name: "lane 0 ends somewhere", When: []Condition{c("start", "Lane 0", "q1-0", "Left")}, Only: []string{"run", "rest"}},
		{Name: "right at the end rests", When: []Condition{c("q100-5", "Right")}, Only: []string{"rest"}},
		{Name: "left at the end runs", When: []Condition{c("q100-5", "Left")}, Never: []string{"rest"}},
		{Name: "every run asks the lane", To: []string{"run"}, Asks: []string{"start"}},
		{Name: "the lane comes first", Asks: []string{"start"}, Before: []string{"q50-3", "q99-999"}},
		{Name: "three questions", When: []Condition{c("q10-1", "Left", "q20-2", "Right", "q30-3", "Left"), c("q40-4", "Right")}, Only: []string{"run", "rest"}},
		{Name: "lane 7 to the end", When: []Condition{c("start", "Lane 7", "q100-8", "Right")}, Never: []string{"run"}},
		{Name: "broken: lane 9 never runs", When: []Condition{c("start", "Lane 9")}, Never: []string{"run"}},
		{Name: "broken: q50-7 rests", When: []Condition{c("q50-7", "Left", "q60-16", "Left")}, Only: []string{"rest"}},
		{Name: "broken: runs ask q77-7", To: []string{"run"}, Asks: []string{"q77-7"}, Before: []string{"q99-0"}},
	}
}

// BenchmarkRulesWide100k proves ten rules on the 100,000-node tree with
// about 1.3 * 10^33 paths, without listing a path: the rules' share of
// `runorrest check`.
func BenchmarkRulesWide100k(b *testing.B) {
	tree := wide100k()
	tree.Rules = wideRules()
	l := validateModel(tree, wideOpts)
	if got := len(l.probs); got != 3 || tree.Stats().Paths.BitLen() < 100 {
		b.Fatalf("validate = %d problems, %v paths; want the 3 broken rules of more than 2^100 paths:\n%v", got, tree.Stats().Paths, l.probs)
	}
	for b.Loop() {
		l.probs = nil
		l.checkRules()
		if len(l.probs) != 3 {
			b.Fatal(l.probs)
		}
	}
}

// TestWriteWide100k writes, when RUNORREST_WRITE_COMPARISON names a folder,
// the 100,013-node tree of the benchmarks as a guide's content folder,
// DIR/wide-100k/content: tree.yaml and the two outcome pages it names. With
// the repository's templates/ and static/ copied beside it, `runorrest
// check -max-depth 200 -src DIR/wide-100k` times the check of that tree as
// a process (see the README's Benchmarks).
func TestWriteWide100k(t *testing.T) {
	dir := os.Getenv("RUNORREST_WRITE_COMPARISON")
	if dir == "" {
		t.Skip("set RUNORREST_WRITE_COMPARISON=DIR to write DIR/wide-100k/content")
	}
	content := filepath.Join(dir, "wide-100k", "content")
	files := map[string][]byte{
		"tree.yaml":            treeYAML(wide100k()),
		"outcomes/easy-run.md": []byte("---\ndescription: Run easy today.\n---\n\nRun easy today.\n"),
		"outcomes/rest-day.md": []byte("---\ndescription: Rest today.\n---\n\nRest today.\n"),
	}
	for name, data := range files {
		p := filepath.Join(content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
