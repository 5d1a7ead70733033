package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/cmd/runorrest/internal/offline"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

func TestBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://example.org/guide/", "https://example.org/guide/", true},
		{"https://example.org/guide", "https://example.org/guide/", true},
		{"http://localhost:8000", "http://localhost:8000/", true},
		{"example.org/guide/", "", false},
		{"ftp://example.org/", "", false},
		{"https:///guide/", "", false},
		{"https://example.org/?a=1", "", false},
		{"https://example.org/#top", "", false},
		{"https://user:pw@example.org/", "", false},
		{"https://exa mple.org/", "", false},
		{"https://example.org/my guide/", "", false},
		{"https://example.org/my%20guide/", "https://example.org/my%20guide/", true},
		{"https://example.org/a\tb/", "", false},
		{"https://example.org/caf\u00e9/", "", false},
		{"https://user@example.org/", "", false},
		{"https://example.org/?", "", false},
		{"https://example.org/#", "", false},
		{"http://[::1]:8080/g/", "http://[::1]:8080/g/", true},
		{"https://example.org:443/g/", "https://example.org:443/g/", true},
		{"https://example.org:99999/", "", false},
		{"https://example.org:0/", "", false},
		{"https://example.org/guide/index.html", "", false},
		{"https://example.org/guide/about.htm", "", false},
		{"https://example.org/a/../guide/", "", false},
		{"https://example.org/./guide/", "", false},
		{"https://example.org/%2e%2E/guide/", "", false}, // browsers read it as ..
		{"https://example.org/.well/", "https://example.org/.well/", true},
		{"https://example.org/v1.2/", "https://example.org/v1.2/", true},
	}
	for _, tt := range tests {
		got, err := BaseURL(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("BaseURL(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrBaseURL) {
			t.Errorf("BaseURL(%q) error %v is not ErrBaseURL", tt.in, err)
		}
	}
}

// TestBuildDefaultGuide runs every stage on the real guide: each stage's
// files are in the result, and the worker lists every other file.
func TestBuildDefaultGuide(t *testing.T) {
	fsys := os.DirFS(testkit.Root())
	r, err := Build(context.Background(), fsys, Options{BaseURL: "https://example.org/guide"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "map.html", "404.html", "robots.txt", "sitemap.xml",
		offline.WorkerFile, offline.ManifestFile, offline.Icon192} {
		if r.Files[name] == nil {
			t.Errorf("no %s in the build", name)
		}
	}
	assets, err := bundle.Pages(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name := range assets.Files {
		if r.Files[name] == nil {
			t.Errorf("no compiled asset %s in the build", name)
		}
	}
	if got, want := len(offline.Precache(r.Files)), len(r.Files)-1; got != want {
		t.Errorf("the worker lists %d files; want %d (all but itself)", got, want)
	}
	if len(r.Pages) != (len(r.Tree.Questions)+len(r.Tree.Outcomes)+len(articles(t))+4)*(1+len(r.Translations)) {
		t.Errorf("%d pages; want one per question, outcome and article, home, about, map and 404, in each of %d languages", len(r.Pages), 1+len(r.Translations))
	}
}

// articles lists the real guide's articles.
func articles(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(testkit.Root(), "content", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		if b := filepath.Base(n); b != "index.md" && b != "about.md" {
			out = append(out, b)
		}
	}
	return out
}

// TestBuildReportsEveryStage: problems of the words, the stylesheet and the
// script come back together, in the one order of decision.SortProblems.
func TestBuildReportsEveryStage(t *testing.T) {
	fsys := testkit.SourceFS(t, filepath.Join(testkit.Root(), "cmd/runorrest/internal/site/testdata/guide"))
	fsys["static/site.css"] = &fstest.MapFile{Data: []byte("body {\n  color: red;;; }}\n")}
	fsys["static/flow.ts"] = &fstest.MapFile{Data: []byte("let x = ;\n")}
	fsys["content/outcomes/easy-run.md"] = &fstest.MapFile{Data: []byte("[a](../nope.md)\n")}
	fsys["templates/article.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}{{.Nope\n{{end}}")}
	r, err := Build(context.Background(), fsys, Options{})
	var ps decision.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Build = %v; want problems", err)
	}
	if r == nil || r.Tree == nil || r.Files != nil {
		t.Errorf("Build returned %+v; want the tree and no files", r)
	}
	want := []error{site.ErrLink, bundle.ErrBundle, bundle.ErrBundle, site.ErrTemplate}
	files := []string{"content/outcomes/easy-run.md", "static/flow.ts", "static/site.css", "templates/article.html"}
	if len(ps) != len(want) {
		t.Fatalf("%d problems; want %d:\n%v", len(ps), len(want), err)
	}
	for i, p := range ps {
		if !errors.Is(p, want[i]) || p.File != files[i] {
			t.Errorf("problem %d = %v; want one of %s (%v)", i, p, files[i], want[i])
		}
	}
}

// TestBuildStopsWithContext: a build whose context has ended returns its
// error and no files.
func TestBuildStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := Build(ctx, os.DirFS(testkit.Root()), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Build = %v; want context.Canceled", err)
	}
	if r != nil && r.Files != nil {
		t.Error("a cancelled build returned files")
	}
}

func TestBuildRefusesBadOptions(t *testing.T) {
	if _, err := Build(context.Background(), fstest.MapFS{}, Options{BaseURL: "example.org"}); !errors.Is(err, ErrBaseURL) {
		t.Errorf("Build with a bad base URL = %v; want ErrBaseURL", err)
	}
}
