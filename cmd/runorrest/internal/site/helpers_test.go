package site

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// repoRoot is the root of the repository, which holds templates/, static/
// and the real content/.
const repoRoot = "../../../.."

// fixtureFS is a -src tree: the content of testdata/NAME (its content/
// folder) with the repository's templates/ and static/.
func fixtureFS(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	return testkit.SourceFS(t, filepath.Join("testdata", name))
}

// build loads and builds the guide in fsys, failing the test on any error.
func build(t testing.TB, fsys fs.FS, opts Options) (*decision.Tree, *testSite) {
	t.Helper()
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatalf("decision.Load: %v", err)
	}
	s, err := buildSite(fsys, tree, opts)
	if err != nil {
		t.Fatalf("buildSite: %v", err)
	}
	return tree, s
}

// testSite is a site with its compiled stylesheet and script.
type testSite struct {
	*Site
	CSS, Script string
}

// buildSite runs the stages of package pipeline that make the pages, as it
// does (without the offline stage): Read, bundle.Pages, then Render with
// the assets' paths. Problems of Read and bundle.Pages come back merged.
func buildSite(fsys fs.FS, tree *decision.Tree, opts Options) (*testSite, error) {
	content, cerr := Read(fsys, tree)
	assets, aerr := bundle.Pages(fsys, nil)
	var ps decision.Problems
	for _, err := range []error{cerr, aerr} {
		var more decision.Problems
		if errors.As(err, &more) {
			ps = append(ps, more...)
		} else if err != nil {
			return nil, err
		}
	}
	if len(ps) > 0 {
		decision.SortProblems(ps)
		return nil, ps
	}
	opts.CSS, opts.Script = assets.CSS, assets.Script
	s, err := content.Render(opts)
	if err != nil {
		return nil, err
	}
	maps.Copy(s.Files, assets.Files)
	return &testSite{s, assets.CSS, assets.Script}, nil
}

// defaultFS is the default guide: the repository's own content/, templates/
// and static/.
func defaultFS(t testing.TB) fs.FS {
	t.Helper()
	return os.DirFS(repoRoot)
}

// mapFile is a file of a fstest.MapFS.
func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
