package decision

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteWideTree writes the 100,000-node benchmark tree as a source
// folder, for measuring `runorrest check` on it, when WRITE_WIDE_TREE names
// a folder.
func TestWriteWideTree(t *testing.T) {
	dir := os.Getenv("WRITE_WIDE_TREE")
	if dir == "" {
		t.Skip("set WRITE_WIDE_TREE=DIR to write the benchmark tree to DIR")
	}
	files := pagesFS(t, treeYAML(wide100k()))
	for name, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
