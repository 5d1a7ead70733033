package main

import (
	"bytes"
	"flag"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"runorrest/cmd/runorrest/internal/devserver"
	"runorrest/cmd/runorrest/internal/publish"
)

// reloadTag is the dev server's reload script, which it adds to every page
// it serves.
var reloadTag = regexp.MustCompile(`<script src="/_runorrest/reload\.js\?h=[0-9a-f]+" data-version="\d+" data-page="[^"]*" defer></script>\n`)

// TestServeBuildsWhatBuildBuilds: serve's first build, with the flags of
// build, equals build's output file for file; over HTTP every file is
// served as built, the reload script aside, and sw.js is the dev server's
// self-removing worker, so that no cache hides the next rebuild.
func TestServeBuildsWhatBuildBuilds(t *testing.T) {
	src := guide(t)
	flags := []string{"-src", src, "-max-depth", "12", "-base-url", "https://example.org/guide/"}
	out := filepath.Join(t.TempDir(), "public")
	if err := run(t.Context(), append([]string{"build", "-o", out}, flags...), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	built := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if rel != publish.Marker {
			built[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// serve's options come from the same flags, through the same code.
	var bf buildFlags
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	bf.register(fset)
	if err := fset.Parse(flags); err != nil {
		t.Fatal(err)
	}
	opts, err := bf.options()
	if err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	files, _, err := devserver.SiteBuild(opts)(root.FS())
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(built) {
		t.Errorf("serve built %d files; build wrote %d", len(files), len(built))
	}
	for name, want := range built {
		if !bytes.Equal(files[name], want) {
			t.Errorf("serve's %s differs from build's", name)
		}
	}

	s := devserver.New(root.FS(), devserver.SiteBuild(opts), io.Discard)
	s.Rebuild()
	srv := httptest.NewServer(s)
	defer srv.Close()
	for name, want := range built {
		resp, err := http.Get(srv.URL + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if name == "sw.js" {
			if !bytes.Contains(got, []byte("unregister()")) {
				t.Errorf("served sw.js is not the self-removing worker:\n%s", got)
			}
			continue
		}
		if got = reloadTag.ReplaceAll(got, nil); !bytes.Equal(got, want) {
			t.Errorf("served %s differs from the built file (reload script aside)", name)
		}
	}
}
