package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExchange(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, d := range []string{a, b} {
		os.Mkdir(d, 0o755)
		os.WriteFile(filepath.Join(d, "name"), []byte(filepath.Base(d)), 0o644)
	}
	if err := exchange(a, b); err != nil {
		t.Fatalf("exchange = %v; want the folders swapped in one step", err)
	}
	for dir, want := range map[string]string{a: "b", b: "a"} {
		if got, _ := os.ReadFile(filepath.Join(dir, "name")); string(got) != want {
			t.Errorf("%s holds %q after the exchange; want %q", dir, got, want)
		}
	}
}

// A temporary folder that a running build holds locked is not a left-over.
func TestWriteKeepsLockedTemporaryFolder(t *testing.T) {
	parent := t.TempDir()
	busy := filepath.Join(parent, "public.tmp-9")
	os.Mkdir(busy, 0o755)
	os.WriteFile(filepath.Join(busy, Marker), []byte(markerText), 0o644)
	unlock := lock(busy)
	defer unlock()
	if err := Write(filepath.Join(parent, "public"), map[string][]byte{"index.html": nil}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(busy); err != nil {
		t.Errorf("a locked temporary folder was removed: %v", err)
	}
}
