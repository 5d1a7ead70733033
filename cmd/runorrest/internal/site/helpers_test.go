package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"runorrest/decision"
)

// repoRoot is the root of the repository, which holds templates/, static/
// and the real content/.
const repoRoot = "../../../.."

// fixtureFS is a -src tree: the content of testdata/NAME (its content/
// folder) with the repository's templates/ and static/.
func fixtureFS(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	addDir(t, m, os.DirFS(filepath.Join("testdata", name)), ".")
	root := os.DirFS(repoRoot)
	addDir(t, m, root, "templates")
	addDir(t, m, root, "static")
	return m
}

// addDir copies every file under dir of src into m.
func addDir(t testing.TB, m fstest.MapFS, src fs.FS, dir string) {
	t.Helper()
	err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// build loads and builds the guide in fsys, failing the test on any error.
func build(t testing.TB, fsys fs.FS, opts Options) (*decision.Tree, *Site) {
	t.Helper()
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatalf("decision.Load: %v", err)
	}
	s, err := Build(fsys, tree, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return tree, s
}

// defaultFS is the default guide: the repository's own content/, templates/
// and static/.
func defaultFS(t testing.TB) fs.FS {
	t.Helper()
	return os.DirFS(repoRoot)
}

// mapFile is a file of a fstest.MapFS.
func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
