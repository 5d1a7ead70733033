package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test if it has not returned in 10 s: the
// class of bug here is a read that waits for ever.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s still waits after 10 s; want an answer at once", what)
	}
}

func TestOpenRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "content"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "pipe.md"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	os.Symlink("pipe.md", filepath.Join(dir, "content", "link.md"))
	os.WriteFile(filepath.Join(dir, "content", "page.md"), []byte("# Hi\n"), 0o644)
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range []string{"content/pipe.md", "content/link.md"} {
		within(t, "reading "+name, func() {
			_, err := fs.ReadFile(f, name)
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadFile(%s) = %v; want ErrNotRegular", name, err)
			}
		})
	}
	if data, err := fs.ReadFile(f, "content/page.md"); err != nil || string(data) != "# Hi\n" {
		t.Errorf("ReadFile(page.md) = %q, %v", data, err)
	}
	if entries, err := fs.ReadDir(f, "content"); err != nil || len(entries) != 3 {
		t.Errorf("ReadDir(content) = %v, %v; want 3 entries", entries, err)
	}
}

func TestOpenRefusesLinksOut(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("no"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "page.md"))
	os.Symlink("../"+filepath.Base(outside), filepath.Join(dir, "up"))
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range []string{"page.md", "up/secret.md"} {
		if _, err := fs.ReadFile(f, name); !errors.Is(err, ErrOutside) {
			t.Errorf("ReadFile(%s) = %v; want ErrOutside", name, err)
		}
		if _, err := fs.Stat(f, name); !errors.Is(err, ErrOutside) {
			t.Errorf("Stat(%s) = %v; want ErrOutside", name, err)
		}
	}
	if _, err := fs.ReadFile(f, "../x"); err == nil {
		t.Error("ReadFile(../x) = nil; want an error")
	}
}

// leadsOut tells a link out of the folder from any other failure by
// following the links itself, whatever os.Root's message says.
func TestLeadsOut(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("no"), 0o644)
	os.Mkdir(filepath.Join(dir, "in"), 0o755)
	os.WriteFile(filepath.Join(dir, "real.md"), []byte("yes"), 0o644)
	links := map[string]string{
		"page.md":     filepath.Join(outside, "secret.md"), // absolute, out
		"up":          "../" + filepath.Base(outside),      // relative, out
		"gone.md":     "/nonexistent/secret.md",            // out, to nothing
		"chain.md":    "page.md",                           // in, then out
		"in/back.md":  "../real.md",                        // up, but still in
		"in/round.md": "../../" + filepath.Base(dir) + "/real.md",
		"abs-in.md":   filepath.Join(dir, "real.md"), // absolute: never followed
		"loop.md":     "loop.md",
		"dangling.md": "missing.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tt := range []struct {
		name string
		out  bool
	}{
		{"page.md", true}, {"up/secret.md", true}, {"up", true}, {"gone.md", true}, {"chain.md", true},
		{"in/round.md", true}, // through the folder's parent: out, as os.Root sees it
		{"abs-in.md", true},
		{"real.md", false}, {"in/back.md", false}, {"loop.md", false},
		{"dangling.md", false}, {"missing.md", false}, {"in/missing.md", false},
	} {
		if got := f.leadsOut(tt.name); got != tt.out {
			t.Errorf("leadsOut(%s) = %v; want %v", tt.name, got, tt.out)
		}
		_, err := fs.ReadFile(f, tt.name)
		if got := errors.Is(err, ErrOutside); got != tt.out {
			t.Errorf("ReadFile(%s) = %v; ErrOutside %v, want %v", tt.name, err, got, tt.out)
		}
	}
	if data, err := fs.ReadFile(f, "in/back.md"); err != nil || string(data) != "yes" {
		t.Errorf("ReadFile(in/back.md) = %q, %v; want yes", data, err)
	}
}
