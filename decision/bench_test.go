package decision

import (
	"testing"
)

// Benchmarks on generated trees. Run:
//
//	go test -run '^$' -bench . -benchmem ./decision

// wide100k has 100,003 nodes and 1000 * 2^100 (about 1.3 * 10^33) paths.
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
