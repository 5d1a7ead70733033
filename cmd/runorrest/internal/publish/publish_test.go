package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// tree reads every file under dir as path -> content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			got[p] = "symlink"
			return nil
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	sort.Strings(n)
	return n
}

func TestWriteNewAndReplace(t *testing.T) {
	parent := t.TempDir()
	os.WriteFile(filepath.Join(parent, "keep.txt"), []byte("mine"), 0o644)
	out := filepath.Join(parent, "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("one"), "assets/a.css": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	want := map[string]string{"index.html": "two", Marker: markerText}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("output = %v; want %v", got, want)
	}
	if got, want := names(t, parent), []string{"keep.txt", "public"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parent holds %v; want %v (no temporary folders left)", got, want)
	}
}

func TestWriteEmptyFolder(t *testing.T) {
	out := t.TempDir()
	if err := Write(out, map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatalf("Write into an empty folder = %v; want nil", err)
	}
}

func TestWriteRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, out string)
		files   map[string][]byte
		want    error
	}{
		{"foreign folder", func(t *testing.T, out string) {
			os.Mkdir(out, 0o755)
			os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("precious"), 0o644)
		}, map[string][]byte{"index.html": nil}, ErrNotOurs},
		{"a file", func(t *testing.T, out string) {
			os.WriteFile(out, []byte("precious"), 0o644)
		}, map[string][]byte{"index.html": nil}, ErrNotFolder},
		{"a symlink", func(t *testing.T, out string) {
			target := filepath.Join(filepath.Dir(out), "real")
			os.Mkdir(target, 0o755)
			os.WriteFile(filepath.Join(target, Marker), []byte("x"), 0o644)
			os.Symlink(target, out)
		}, map[string][]byte{"index.html": nil}, ErrNotFolder},
		{"path leaves folder", func(t *testing.T, out string) {}, map[string][]byte{"../evil.html": nil}, ErrBadPath},
		{"absolute path", func(t *testing.T, out string) {}, map[string][]byte{"/etc/x": nil}, ErrBadPath},
		{"marker in files", func(t *testing.T, out string) {}, map[string][]byte{Marker: nil}, ErrBadPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			tt.prepare(t, out)
			before := tree(t, parent)
			err := Write(out, tt.files)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Write = %v; want %v", err, tt.want)
			}
			if got := tree(t, parent); !reflect.DeepEqual(got, before) {
				t.Errorf("after a refused write the folder holds %v; want %v", got, before)
			}
		})
	}
}

// A write that fails half way (here: a file and a folder of the same name)
// leaves the previous output exactly as it was and no temporary folder.
func TestWriteFailureKeepsPrevious(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("good"), "a.html": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, parent)
	// a.html is unchanged: linked from the previous output before the
	// failure, which must not touch it either.
	err := Write(out, map[string][]byte{"index.html": []byte("new"), "a.html": []byte("a"), "x": []byte("file"), "x/y.html": []byte("under a file")})
	if err == nil {
		t.Fatal("Write with a file and folder of one name = nil; want an error")
	}
	if got := tree(t, parent); !reflect.DeepEqual(got, before) {
		t.Errorf("after a failed write: %v; want %v", got, before)
	}
	if got, want := names(t, parent), []string{"public"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parent holds %v; want %v", got, want)
	}
}

func TestWriteRefusesRoot(t *testing.T) {
	if err := Write("/", map[string][]byte{"index.html": nil}); !errors.Is(err, ErrNotFolder) {
		t.Errorf("Write(/) = %v; want ErrNotFolder", err)
	}
}

// The fallback for systems without an atomic exchange: rename the old
// folder away, the new one in, then delete the old one.
func TestSwap(t *testing.T) {
	parent := t.TempDir()
	out, tmp := filepath.Join(parent, "public"), filepath.Join(parent, "public.tmp-1")
	os.Mkdir(out, 0o755)
	os.WriteFile(filepath.Join(out, "old.html"), []byte("old"), 0o644)
	os.Mkdir(tmp, 0o755)
	os.WriteFile(filepath.Join(tmp, "new.html"), []byte("new"), 0o644)
	if err := swap(out, tmp, parent, "public", nil); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, parent), map[string]string{"public/new.html": "new"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after swap: %v; want %v", got, want)
	}
}
