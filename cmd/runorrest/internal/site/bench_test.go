package site

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/decision"
)

// generated builds a guide of about n nodes: a complete binary tree of n/2
// questions whose leaves are n/2+1 outcomes, each with a short Markdown page
// that links to an article section, plus the fixture's articles.
func generated(t testing.TB, n int) fstest.MapFS {
	t.Helper()
	fsys := fixtureFS(t, "guide")
	questions := n / 2
	var y strings.Builder
	y.WriteString("title: Generated guide\nstart: q0\nverdicts:\n  run:\n    label: Run easy\n    tone: go\n  rest:\n    label: Rest\n    tone: stop\nquestions:\n")
	child := func(i int) string {
		if i < questions {
			return fmt.Sprintf("q%d", i)
		}
		return fmt.Sprintf("o%d", i-questions)
	}
	for i := range questions {
		fmt.Fprintf(&y, "  q%d:\n    text: Question number %d?\n    help: Think about *question* %d.\n    options:\n", i, i, i)
		fmt.Fprintf(&y, "      - label: \"Yes\"\n        next: %s\n      - label: \"No\"\n        next: %s\n", child(2*i+1), child(2*i+2))
	}
	y.WriteString("outcomes:\n")
	for i := range questions + 1 {
		verdict := []string{"run", "rest"}[i%2]
		fmt.Fprintf(&y, "  o%d:\n    title: Outcome %d\n    verdict: %s\n    page: outcomes/o%d.md\n", i, i, verdict, i)
		fsys[fmt.Sprintf("content/outcomes/o%d.md", i)] = mapFile(fmt.Sprintf(
			"---\ndescription: Outcome %d of the generated guide.\n---\n\nThis is outcome **%d**. Take it easy and listen to your legs.\n\n"+
				"## What to do\n\n- Walk for ten minutes.\n- Try [foam rolling](../recovery.md#foam-rolling).\n- Sleep well; \"rest\" counts too.\n\n"+
				"## When to stop\n\nStop if it hurts, and see the [scale](../rating.md#the-scale).\n", i, i))
	}
	y.WriteString("scenarios: []\n")
	for _, f := range []string{"easy-run", "cross-train", "rest-day"} {
		delete(fsys, "content/outcomes/"+f+".md")
	}
	fsys["content/tree.yaml"] = mapFile(y.String())
	return fsys
}

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
