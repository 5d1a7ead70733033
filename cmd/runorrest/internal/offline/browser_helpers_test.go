package offline_test

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// guideServer serves a build's files under /guide/, as a static host would,
// with a long HTTP cache lifetime: the worker must get past it. The files can
// be swapped for those of another build while it runs.
type guideServer struct {
	*httptest.Server
	files atomic.Pointer[map[string][]byte]
}

const guidePrefix = "/guide/"

func newGuideServer(t *testing.T, files map[string][]byte) *guideServer {
	t.Helper()
	s := &guideServer{}
	s.files.Store(&files)
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *guideServer) deploy(files map[string][]byte) { s.files.Store(&files) }

// URL of a path of the guide.
func (s *guideServer) url(p string) string { return s.Server.URL + guidePrefix + p }

func (s *guideServer) serve(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, guidePrefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	files := *s.files.Load()
	data, found := files[name]
	status := http.StatusOK
	if !found {
		name, status = "404.html", http.StatusNotFound
		data = files[name]
	}
	typ := mime.TypeByExtension(path.Ext(name))
	if path.Ext(name) == ".webmanifest" {
		typ = "application/manifest+json"
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Cache-Control", "max-age=3600")
	w.WriteHeader(status)
	w.Write(data)
}

// waitControlled waits until a service worker controls the page.
func waitControlled(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, `navigator.serviceWorker.controller !== null`)
}

// waitFor waits until the expression is true, through navigations.
func waitFor(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			t.Fatalf("waiting for %s: %v", js, err)
		}
		time.Sleep(50 * time.Millisecond) // the page went away: poll the next one
	}
}

func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate to %s: %v", url, err)
	}
}

func evaluate[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// node is the page's data-node, "" when it has none.
func node(t *testing.T, ctx context.Context) string {
	t.Helper()
	return evaluate[string](t, ctx, `document.querySelector("main")?.dataset.node ?? ""`)
}

// walk follows every data-next link from start, each page once, so every
// step of every path of the guide is taken: each link must lead to the page
// it names. It returns the pages it saw: URL -> data-node.
func walk(t *testing.T, ctx context.Context, start string) map[string]string {
	t.Helper()
	type link struct{ Next, Href string }
	got := map[string]string{} // href -> the page's data-node
	want := map[string]string{start: ""}
	queue := []string{start}
	for len(queue) > 0 {
		href := queue[0]
		queue = queue[1:]
		navigate(t, ctx, href)
		id := node(t, ctx)
		got[href] = id
		if id == "" || (want[href] != "" && id != want[href]) {
			t.Errorf("%s: page is %q; the link said %q", href, id, want[href])
			continue
		}
		links := evaluate[[]link](t, ctx, `[...document.querySelectorAll("a[data-next]")].map(a => ({Next: a.dataset.next, Href: a.href.split("#")[0]}))`)
		for _, l := range links {
			if w, ok := want[l.Href]; ok {
				if w != l.Next && w != "" {
					t.Errorf("%s: two links to %s name %q and %q", href, l.Href, w, l.Next)
				}
				continue
			}
			want[l.Href] = l.Next
			queue = append(queue, l.Href)
		}
	}
	return got
}

// checkWalked fails the test for every node of g the walk did not reach.
func checkWalked(t *testing.T, g guide, walked map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, id := range walked {
		seen[id] = true
	}
	for _, id := range g.nodes() {
		if !seen[id] {
			t.Errorf("the walk never reached %q", id)
		}
	}
}
