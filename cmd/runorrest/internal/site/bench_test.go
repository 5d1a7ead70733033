package site

import (
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// generated is the generated guide of about n nodes (testkit.Generated).
func generated(t testing.TB, n int) fstest.MapFS { return testkit.Generated(t, n) }

func TestGeneratedGuide(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the generated guide in -short mode")
	}
	tree, s := build(t, generated(t, 500), Options{})
	if got, want := len(s.Pages), 250+251+2+4; got != want { // 4: home, about, map, 404
		t.Errorf("generated guide has %d pages; want %d", got, want)
	}
	checkLinks(t, s.Files, "")
	_ = tree
}

// benchBuild measures decision.Load plus Build of fsys, and reports pages
// per build.
func benchBuild(b *testing.B, fsys fs.FS, write bool) {
	out := filepath.Join(b.TempDir(), "public")
	var pages int
	b.ReportAllocs()
	for b.Loop() {
		tree, err := decision.Load(fsys, decision.Options{})
		if err != nil {
			b.Fatal(err)
		}
		s, err := buildSite(fsys, tree, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if write {
			if err := publish.Write(out, s.Files); err != nil {
				b.Fatal(err)
			}
		}
		pages = len(s.Pages)
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkBuildDefault: the real guide, read from the repository.
func BenchmarkBuildDefault(b *testing.B) { benchBuild(b, defaultFS(b), false) }

// BenchmarkBuildDefaultWrite: the real guide, written to disk too.
func BenchmarkBuildDefaultWrite(b *testing.B) { benchBuild(b, defaultFS(b), true) }

// BenchmarkBuild5000: a generated guide of 5,000 nodes, in memory.
func BenchmarkBuild5000(b *testing.B) { benchBuild(b, generated(b, 5000), false) }

// BenchmarkBuild5000Write: the same, written to disk too.
func BenchmarkBuild5000Write(b *testing.B) { benchBuild(b, generated(b, 5000), true) }

// BenchmarkStats: the sizes the build's summary line reports, over the
// generated guide.
func BenchmarkStats5000(b *testing.B) {
	_, s := build(b, generated(b, 5000), Options{})
	b.ResetTimer()
	for b.Loop() {
		publish.Measure(s.Files)
	}
}
