package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// hostilePage is a page of the fixture guide (content/rating.md, with the
// heading other pages link to) followed by body.
func hostilePage(body string) string {
	return "---\ntitle: Rating soreness\ndescription: How to put a number on it.\n---\n\n## The scale\n\n" + body
}

// repeat repeats unit until the text has n bytes.
func repeat(unit string, n int) string {
	return strings.Repeat(unit, n/len(unit)+1)[:n]
}

// lines repeats the line made by f(i) until the text has n bytes.
func lines(n int, f func(i int) string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(f(i))
	}
	return b.String()
}

// hostileInputs are pathological inputs, each with whether the build
// refuses it. The refused ones are refused before goldmark or the tree's
// later checks see them; the accepted ones build in time linear in their
// size (compare the 64 KB and 256 KB runs).
var hostileInputs = []struct {
	name    string
	page    string // the page's body; "" keeps the fixture's page
	tree    func(tree string) string
	refused bool
}{
	{name: "list-64KB", page: repeat("- ", 64<<10) + "x\n", refused: true},
	{name: "quote-100KB", page: repeat(">", 100<<10) + "\n", refused: true},
	{name: "bracket-100KB", page: repeat("[", 100<<10) + "\n", refused: true},
	{name: "link-open-100KB", page: repeat("[a](", 100<<10) + "\n", refused: true},
	{name: "ref-definitions-100KB", page: lines(100<<10, func(i int) string { return fmt.Sprintf("[r%d]: /u%d\n", i, i) }), refused: true},
	{name: "nested-lists-100KB", page: lines(100<<10, func(i int) string { return strings.Repeat("  ", i%200) + "- x\n" }), refused: true},
	{name: "options-20000", tree: func(tree string) string {
		var b strings.Builder
		for i := range 20000 {
			fmt.Fprintf(&b, "      - label: \"%d…\"\n        next: rest-day\n", i)
		}
		return strings.Replace(tree, "    options:\n", "    options:\n"+b.String(), 1)
	}, refused: true},
	{name: "title-2MB", tree: func(tree string) string {
		return strings.Replace(tree, "title: Sore legs test guide", "title: "+repeat("Sore legs? ", 2<<20), 1)
	}, refused: true},
	{name: "prose-64KB", page: lines(64<<10, prose)},
	{name: "prose-256KB", page: lines(256<<10-400, prose)},
	{name: "spaced-ref-definitions-64KB", page: lines(64<<10, refDef)},
	{name: "spaced-ref-definitions-256KB", page: lines(256<<10-400, refDef)},
	{name: "emphasis-64KB", page: repeat("*a", 64<<10) + "\n"},
	{name: "emphasis-256KB", page: repeat("*a", 256<<10-400) + "\n"},
}

// prose is a paragraph of plain words and two links.
func prose(i int) string {
	return fmt.Sprintf("Paragraph %d. Sore legs after a long run are normal; an [easy day](recovery.md) or "+
		"[the scale](#the-scale) helps you judge them, and *rest* counts as training too.\n\n", i)
}

// refDef is a reference definition and a paragraph that uses it.
func refDef(i int) string { return fmt.Sprintf("[r%d]: recovery.md\n\nSee [r%d].\n\n", i, i) }

// TestHostileInputs checks what BenchmarkHostile measures: each input is
// refused or built as the table says.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the hostile inputs in -short mode")
	}
	for _, in := range hostileInputs {
		t.Run(in.name, func(t *testing.T) {
			if refused := buildHostile(t, in.page, in.tree); refused != in.refused {
				t.Errorf("refused = %v; want %v", refused, in.refused)
			}
		})
	}
}

// buildHostile loads and builds the fixture guide with the page or tree
// changed, and reports whether the guide was refused.
func buildHostile(t testing.TB, page string, tree func(string) string) bool {
	fsys := testkit.SourceFS(t, filepath.Join(testkit.Root(), "cmd/runorrest/internal/site/testdata/guide"))
	if page != "" {
		fsys["content/rating.md"] = &fstest.MapFile{Data: []byte(hostilePage(page))}
	}
	if tree != nil {
		old := string(fsys["content/tree.yaml"].Data)
		changed := tree(old)
		if changed == old {
			t.Fatal("the input leaves the tree as it was")
		}
		fsys["content/tree.yaml"] = &fstest.MapFile{Data: []byte(changed)}
	}
	_, err := Build(context.Background(), fsys, Options{})
	return err != nil
}

// BenchmarkHostile measures the build (what check, build and serve run) of
// each pathological input:
// go test ./cmd/runorrest/internal/pipeline -run '^$' -bench Hostile
func BenchmarkHostile(b *testing.B) {
	for _, in := range hostileInputs {
		b.Run(in.name, func(b *testing.B) {
			refused := false
			for b.Loop() {
				refused = buildHostile(b, in.page, in.tree)
			}
			r := 0.0
			if refused {
				r = 1
			}
			b.ReportMetric(r, "refused")
		})
	}
}

// A site past the total size limit is refused, naming its largest files.
func TestSiteSizeLimit(t *testing.T) {
	big := make([]byte, decision.MaxSiteBytes/2+1)
	files := map[string][]byte{"a.html": big, "b.html": big, "c.css": []byte("x")}
	p := checkSize("content/tree.yaml", files, false)
	if p == nil || !errors.Is(p, decision.ErrTooLong) || !strings.Contains(p.Error(), "largest: a.html 33554433 bytes, b.html 33554433 bytes, c.css 1 bytes") {
		t.Errorf("checkSize past the limit = %v; want a problem naming the largest files", p)
	}
	delete(files, "b.html")
	if p := checkSize("content/tree.yaml", files, false); p != nil {
		t.Errorf("checkSize within the limit = %v; want nil", p)
	}
}
