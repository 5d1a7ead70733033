package devserver

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/bundle"
)

// TestAssetCache checks that a bundle is made again only when a file under
// static/ changes.
func TestAssetCache(t *testing.T) {
	made := 0
	c := &assetCache{assets: map[string]cachedAsset{}, make: func(fsys fs.FS, entry string) (bundle.Asset, error) {
		made++
		return bundle.Bundle(fsys, entry)
	}}
	fsys := fstest.MapFS{
		"static/site.css":     {Data: []byte("body { color: red }\n")},
		"content/recovery.md": {Data: []byte("words\n")},
	}
	steps := []struct {
		name     string
		change   func()
		wantMade int
	}{
		{"first build", func() {}, 1},
		{"nothing changed", func() {}, 1},
		{"content changed", func() { fsys["content/recovery.md"] = &fstest.MapFile{Data: []byte("other words\n")} }, 1},
		{"stylesheet changed", func() { fsys["static/site.css"] = &fstest.MapFile{Data: []byte("body { color: blue }\n")} }, 2},
		{"file added to static", func() { fsys["static/extra.css"] = &fstest.MapFile{Data: []byte("p {}\n")} }, 3},
	}
	var last bundle.Asset
	for _, s := range steps {
		s.change()
		a, err := c.bundle(fsys, "static/site.css")
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if made != s.wantMade {
			t.Errorf("%s: bundled %d times; want %d", s.name, made, s.wantMade)
		}
		if s.name == "stylesheet changed" && a.Path == last.Path {
			t.Errorf("%s: the asset kept its name %s", s.name, a.Path)
		}
		last = a
	}
}

// TestBuildHasNoReloadScript checks that the reload script exists only in
// what serve sends: the built files never name it.
func TestBuildHasNoReloadScript(t *testing.T) {
	files, _, err := SiteBuild()(os.DirFS(repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if bytes.Contains(data, []byte(Prefix)) {
			t.Errorf("built file %s names %s", name, Prefix)
		}
	}
	s := New(os.DirFS(repoRoot), func(fs.FS) (map[string][]byte, []string, error) { return files, nil, nil }, io.Discard)
	s.Rebuild()
	if b := body(t, get(t, s, "/index.html")); !strings.Contains(b, Prefix+"reload.js") {
		t.Errorf("served index.html has no reload script:\n%s", b)
	}
}
