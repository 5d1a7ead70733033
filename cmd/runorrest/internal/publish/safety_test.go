package publish

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

// Only a regular marker file with the marker's text makes a folder ours:
// anything else named like it, beside files, is refused untouched.
func TestWriteRefusesFalseMarkers(t *testing.T) {
	tests := []struct {
		name   string
		marker func(t *testing.T, path string)
	}{
		{"folder", func(t *testing.T, p string) { os.Mkdir(p, 0o755) }},
		{"dangling link", func(t *testing.T, p string) { os.Symlink("nowhere", p) }},
		{"link to a real marker", func(t *testing.T, p string) {
			real := filepath.Join(t.TempDir(), Marker)
			os.WriteFile(real, []byte(markerText), 0o644)
			os.Symlink(real, p)
		}},
		{"other text", func(t *testing.T, p string) { os.WriteFile(p, []byte("mine"), 0o644) }},
		{"empty file", func(t *testing.T, p string) { os.WriteFile(p, nil, 0o644) }},
		{"marker text and more", func(t *testing.T, p string) { os.WriteFile(p, []byte(markerText+"x"), 0o644) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "src")
			os.Mkdir(out, 0o755)
			os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("precious"), 0o644)
			tt.marker(t, filepath.Join(out, Marker))
			before := tree(t, parent)
			if err := Write(out, map[string][]byte{"index.html": nil}); !errors.Is(err, ErrNotOurs) {
				t.Fatalf("Write over a folder whose marker is a %s = %v; want ErrNotOurs", tt.name, err)
			}
			if got := tree(t, parent); !reflect.DeepEqual(got, before) {
				t.Errorf("after the refused write: %v; want %v", got, before)
			}
		})
	}
}

// A build killed mid-write leaves a temporary folder holding the marker;
// the next build removes it, and nothing else beside the output.
func TestWriteRemovesStaleTemporaryFolders(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	for _, name := range []string{"public.tmp-123", "public.tmp-old-456"} {
		os.MkdirAll(filepath.Join(parent, name, "assets"), 0o755)
		os.WriteFile(filepath.Join(parent, name, Marker), []byte(markerText), 0o644)
		os.WriteFile(filepath.Join(parent, name, "assets", "half.css"), []byte("bo"), 0o644)
	}
	// Not ours: no marker, a false marker, a link, another output's.
	os.Mkdir(filepath.Join(parent, "public.tmp-mine"), 0o755)
	os.WriteFile(filepath.Join(parent, "public.tmp-mine", "notes.txt"), []byte("keep"), 0o644)
	os.MkdirAll(filepath.Join(parent, "public.tmp-fake", Marker), 0o755)
	os.Symlink(filepath.Join(parent, "public.tmp-123"), filepath.Join(parent, "public.tmp-link"))
	os.Mkdir(filepath.Join(parent, "site.tmp-1"), 0o755)
	os.WriteFile(filepath.Join(parent, "site.tmp-1", Marker), []byte(markerText), 0o644)

	if err := Write(out, map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	want := []string{"public", "public.tmp-fake", "public.tmp-link", "public.tmp-mine", "site.tmp-1"}
	if got := names(t, parent); !reflect.DeepEqual(got, want) {
		t.Errorf("parent holds %v; want %v", got, want)
	}
}

// Clean-up problems after the new site is in place are a warning: the
// error is a *CleanupError and the new site is there.
func TestWriteCleanupIsAWarning(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("one")}); err != nil {
		t.Fatal(err)
	}
	defer func(f func(string) error) { removeAll = f }(removeAll)
	removeAll = func(string) error { return os.ErrPermission }
	err := Write(out, map[string][]byte{"index.html": []byte("two")})
	var cleanup *CleanupError
	if !errors.As(err, &cleanup) {
		t.Fatalf("Write whose clean-up fails = %v; want a *CleanupError", err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "two" {
		t.Errorf("index.html = %q after a failed clean-up; want the new site", got)
	}
}

// A folder put in the output's place meanwhile (another build) is named
// for what it is, not a bare rename error.
func TestBusy(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.MkdirAll(filepath.Join(a, "x"), 0o755)
	os.MkdirAll(filepath.Join(b, "y"), 0o755)
	err := os.Rename(a, b)
	if err == nil {
		t.Skip("this system renames over a non-empty folder")
	}
	if got := busy("public", err); !errors.Is(got, ErrBusy) {
		t.Errorf("busy(%v) = %v; want ErrBusy", err, got)
	}
}

// Builds racing into one new folder: each succeeds or says another build
// is writing it; the output is one whole site.
func TestWriteConcurrent(t *testing.T) {
	for range 5 {
		parent := t.TempDir()
		out := filepath.Join(parent, "public")
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = Write(out, map[string][]byte{"index.html": []byte("x"), "a/b.html": []byte("y")})
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil && !errors.Is(err, ErrBusy) {
				t.Errorf("concurrent Write = %v; want nil or ErrBusy", err)
			}
		}
		if got := tree(t, out); len(got) != 3 {
			t.Errorf("output after racing builds: %v; want one whole site", got)
		}
	}
}

func TestCheckApart(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "guide")
	os.MkdirAll(filepath.Join(src, "content"), 0o755)
	os.Symlink(src, filepath.Join(root, "alias"))
	inputs := []string{"content", "templates", "static", ".git"}
	tests := []struct {
		out  string
		want bool // refused
	}{
		{src, true},
		{src + "/", true},
		{filepath.Join(src, "."), true},
		{filepath.Join(root, "alias"), true},
		{root, true},
		{"/", true},
		{filepath.Join(src, "content"), true},
		{filepath.Join(src, "content", "public"), true},
		{filepath.Join(src, "templates"), true},
		{filepath.Join(src, "static", "x"), true},
		{filepath.Join(src, ".git"), true},
		{filepath.Join(root, "alias", "content", "new"), true},
		{filepath.Join(src, "public"), false},
		{filepath.Join(src, "contents"), false},
		{filepath.Join(root, "public"), false},
		{filepath.Join(root, "guide-public"), false},
	}
	for _, tt := range tests {
		err := CheckApart(tt.out, src, inputs...)
		if got := errors.Is(err, ErrOverlap); got != tt.want {
			t.Errorf("CheckApart(%q, %q) = %v; want refused %v", tt.out, src, err, tt.want)
		}
	}
}
