package e2e

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/pipeline"
)

// staticHost serves the files of dir under prefix as static hosts do: a
// folder's index.html, and for any unknown address under prefix, at any
// depth, the site's 404.html with status 404 (GitHub Pages, Netlify,
// Cloudflare Pages, an S3 error document).
func staticHost(dir, prefix string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		status := http.StatusOK
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path.Clean("/"+name))))
		if err != nil {
			name, status = "404.html", http.StatusNotFound
			if data, err = os.ReadFile(filepath.Join(dir, name)); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
		}
		typ := mime.TypeByExtension(path.Ext(name))
		if path.Ext(name) == ".webmanifest" {
			typ = "application/manifest+json"
		}
		w.Header().Set("Content-Type", typ)
		w.WriteHeader(status)
		w.Write(data)
	})
}

// TestNotFoundAtAnyDepth opens missing addresses at the root of a guide and
// in sub-folders (/a/b/missing) on a host that answers 404.html for any
// unknown address: the 404 page is styled, and every file it loads and
// every link it shows is there. Without -base-url the guide is at the root
// of its host; with one, under the sub-path it names.
func TestNotFoundAtAnyDepth(t *testing.T) {
	for _, c := range []struct {
		name, prefix string
		baseURL      bool
	}{
		{"root without -base-url", "/", false},
		{"sub-path with -base-url", "/guide/", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			host := &later{}
			srv := httptest.NewServer(host)
			defer srv.Close()
			opts := pipeline.Options{}
			if c.baseURL {
				opts.BaseURL = srv.URL + c.prefix
			}
			dir := buildWith(t, opts)
			host.set(staticHost(dir, c.prefix))
			title := pageTitle(t, filepath.Join(dir, "404.html"))

			for _, missing := range []string{"missing", "a/missing.html", "a/b/missing", "a/b/c/d/"} {
				b := newTab(t)
				b.open(srv.URL + c.prefix + missing)
				b.waitFor("the 404 page", `document.readyState === "complete"`)
				if got := eval[string](b, `document.title`); got != title {
					t.Fatalf("%s: title %q; want the 404 page's %q", missing, got, title)
				}
				if !eval[bool](b, `getComputedStyle(document.documentElement).getPropertyValue("--fg").trim() !== ""`) {
					t.Errorf("%s: the 404 page is not styled", missing)
				}
				// Every file the page loads and every page it links to.
				broken, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`Promise.all(
					[...document.querySelectorAll("a[href], link[href], script[src]")]
						.map(e => e.href || e.src)
						.map(u => fetch(u).then(r => r.status === 200 ? "" : u + " " + r.status, err => u + " " + err)))
					.then(all => all.filter(Boolean))`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatal(err)
				}
				if len(broken) > 0 {
					t.Errorf("%s: broken links and files on the 404 page: %q", missing, broken)
				}
				home := eval[string](b, `document.querySelector("main a.button").href`)
				if want := srv.URL + c.prefix + "index.html"; home != want {
					t.Errorf("%s: the home link goes to %s; want %s", missing, home, want)
				}
				// Chromium reports the page's own 404 status in the console.
				b.log.Check(t, missing+": error: Failed to load resource: the server responded with a status of 404")
			}
		})
	}
}

// buildWith builds the default guide with opts into a temporary folder.
func buildWith(t *testing.T, opts pipeline.Options) string {
	t.Helper()
	s, err := pipeline.Build(context.Background(), os.DirFS(root), opts)
	if err != nil {
		t.Fatal(err)
	}
	return writeFiles(t, s.Files)
}

// writeFiles writes built files to a new temporary folder.
func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pageTitle reads the <title> of a built page.
func pageTitle(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, s, _ := strings.Cut(string(data), "<title>")
	s, _, _ = strings.Cut(s, "</title>")
	return strings.ReplaceAll(s, "&#39;", "'")
}
