package bundle

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// useCache points the disk cache at a new folder for the test.
func useCache(t *testing.T) string {
	dir := t.TempDir()
	old := cacheDir
	cacheDir = func() string { return dir }
	t.Cleanup(func() { cacheDir = old })
	if program() == "" {
		t.Fatal("the program that compiles has no name: the disk cache is off")
	}
	return dir
}

// A kept output is used while nothing esbuild read changed, and is byte
// for byte what esbuild makes; a change to a file read, a file appearing
// where one was looked for, or a damaged cache file makes esbuild run again.
func TestDiskCache(t *testing.T) {
	dir := useCache(t)
	fsys := fstest.MapFS{
		"static/flow.ts":      {Data: []byte("import { twice } from \"./util\";\nconsole.log(twice(2));\n")},
		"static/util.js":      {Data: []byte("export function twice(n) { return 2 * n; }\n")},
		"static/site.css":     {Data: []byte("body { color: red }\n")},
		"content/recovery.md": {Data: []byte("words\n")},
	}
	fresh := func() []byte { // what esbuild makes, with no cache at all
		t.Helper()
		old := cacheDir
		cacheDir = func() string { return "" }
		defer func() { cacheDir = old }()
		data, err := compile(fsys, "static/flow.ts", map[string]string{"X": "1"})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	steps := []struct {
		name    string
		change  func()
		wantRun bool
	}{
		{"first build", func() {}, true},
		{"nothing changed", func() {}, false},
		{"a file esbuild did not read changed", func() {
			fsys["content/recovery.md"] = &fstest.MapFile{Data: []byte("other words\n")}
			fsys["static/site.css"] = &fstest.MapFile{Data: []byte("body { color: blue }\n")}
		}, false},
		{"an imported file changed", func() {
			fsys["static/util.js"] = &fstest.MapFile{Data: []byte("export function twice(n) { return n + n; }\n")}
		}, true},
		{"a file looked for appeared", func() {
			fsys["static/util.ts"] = &fstest.MapFile{Data: []byte("export function twice(n: number) { return n * 2; }\n")}
		}, true},
		{"the entry changed", func() {
			fsys["static/flow.ts"] = &fstest.MapFile{Data: []byte("import { twice } from \"./util\";\nconsole.log(twice(3));\n")}
		}, true},
		{"the cache file was damaged", func() {
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				p := filepath.Join(dir, e.Name())
				data, _ := os.ReadFile(p)
				data[len(data)/2] ^= 1
				os.WriteFile(p, data, 0o644)
			}
		}, true},
		{"nothing changed since", func() {}, false},
	}
	for _, s := range steps {
		s.change()
		before := esbuildRuns.Load()
		got, err := compile(fsys, "static/flow.ts", map[string]string{"X": "1"})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if ran := esbuildRuns.Load() > before; ran != s.wantRun {
			t.Errorf("%s: esbuild ran = %v; want %v", s.name, ran, s.wantRun)
		}
		if want := fresh(); !bytes.Equal(got, want) {
			t.Errorf("%s: output\n%s\nwant what esbuild makes\n%s", s.name, got, want)
		}
	}
	// Other defines are another output; each entry keeps one file.
	for i, x := range []string{"2", "1"} {
		before := esbuildRuns.Load()
		if _, err := compile(fsys, "static/flow.ts", map[string]string{"X": x}); err != nil {
			t.Fatal(err)
		}
		if esbuildRuns.Load() == before {
			t.Errorf("defines X=%s after X=%s: the kept output was used; want esbuild to run", x, []string{"1", "2"}[i])
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the cache holds %d files for one entry; want 1", len(entries))
	}
}

// A source with problems is never kept: each build gets esbuild's
// messages.
func TestDiskCacheKeepsNoProblems(t *testing.T) {
	dir := useCache(t)
	fsys := fstest.MapFS{"static/site.css": {Data: []byte("body {\n  color: red;;; }}\n")}}
	for i := range 2 {
		before := esbuildRuns.Load()
		if _, err := compile(fsys, "static/site.css", nil); err == nil {
			t.Fatalf("build %d of a broken stylesheet = nil; want problems", i+1)
		}
		if esbuildRuns.Load() == before {
			t.Errorf("build %d: esbuild did not run", i+1)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the cache holds %d files after failed builds; want none", len(entries))
	}
}
