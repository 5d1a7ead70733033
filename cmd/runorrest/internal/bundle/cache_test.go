package bundle

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestAssetCache checks that a bundle is made again only when a file under
// static/ changes.
func TestAssetCache(t *testing.T) {
	made := 0
	c := &Cache{make: func(fsys fs.FS, entry string) (Asset, error) {
		made++
		return Bundle(fsys, entry)
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
	var last Asset
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
