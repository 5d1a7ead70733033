package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"runorrest/cmd/runorrest/internal/pipeline"
	"runorrest/decision"
)

// root is the repository, whose content/ is the default guide.
const root = "../../../.."

// guide is the default guide, built once for the package.
var guide struct {
	once sync.Once
	tree *decision.Tree
	site *pipeline.Result
	dir  string // the built files
	err  error
	srv  *httptest.Server
}

// builtGuide builds the default guide into a temporary folder and serves it
// under a sub-path, as a GitHub Pages project site would be, built as the
// README says for one: with -base-url. It returns the tree and the base URL
// of the site, ending in "/".
func builtGuide(t *testing.T) (*decision.Tree, string) {
	t.Helper()
	g := &guide
	g.once.Do(func() {
		files := &later{}
		g.srv = httptest.NewServer(files)
		g.tree, g.site, g.dir, g.err = buildTo(nil, pipeline.Options{BaseURL: g.srv.URL + "/guide/"})
		if g.err == nil {
			files.set(http.StripPrefix("/guide", http.FileServer(http.Dir(g.dir))))
		}
	})
	if g.err != nil {
		t.Fatalf("building the default guide: %v", g.err)
	}
	return g.tree, g.srv.URL + "/guide/"
}

// fileURL is the base URL of the built default guide opened from disk.
func fileURL(t *testing.T) string {
	t.Helper()
	builtGuide(t)
	return "file://" + filepath.ToSlash(guide.dir) + "/"
}

// buildTo loads the default guide, lets edit change its tree, builds it
// with opts and writes the files to a new temporary folder.
func buildTo(edit func(*decision.Tree), opts pipeline.Options) (*decision.Tree, *pipeline.Result, string, error) {
	fsys := os.DirFS(root)
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		return nil, nil, "", err
	}
	if edit != nil {
		edit(tree)
	}
	s, err := pipeline.BuildTree(context.Background(), fsys, tree, opts)
	if err != nil {
		return nil, nil, "", err
	}
	dir, err := os.MkdirTemp("", "runorrest-e2e-")
	if err != nil {
		return nil, nil, "", err
	}
	for name, data := range s.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, nil, "", err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, nil, "", err
		}
	}
	return tree, s, dir, nil
}

// later is a handler set once its server's URL is known (it goes into
// -base-url); until then it answers 404.
type later struct{ h atomic.Pointer[http.Handler] }

func (l *later) set(h http.Handler) { l.h.Store(&h) }

func (l *later) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := l.h.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	http.NotFound(w, r)
}

func removeGuide() {
	if guide.srv != nil {
		guide.srv.Close()
	}
	if guide.dir != "" {
		os.RemoveAll(guide.dir)
	}
}
