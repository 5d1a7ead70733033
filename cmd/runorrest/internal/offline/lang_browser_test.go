package offline_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"runorrest/cmd/runorrest/internal/browsertest"
	"runorrest/cmd/runorrest/internal/pipeline"
)

// TestOfflineLanguages: a reader who opens the Spanish guide gets the
// Spanish pages and the shared files cached, not the original's; once they
// open an English page too, English is cached as well. With the server
// gone, every page of both languages loads and every step of every path
// can be taken in each, and an unknown page in es/ gets the Spanish 404.
func TestOfflineLanguages(t *testing.T) {
	src, err := source()
	if err != nil {
		t.Fatal(err)
	}
	r, err := pipeline.Build(context.Background(), src, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Translations) == 0 {
		t.Fatal("the real guide has no translation")
	}
	lang := r.Translations[0].Lang + "/"
	g := guide{r.Tree, r.Files}
	srv := newGuideServer(t, r.Files)
	ctx := browsertest.Start(t)
	errs := browsertest.Record(t, ctx)

	navigate(t, ctx, srv.url(lang+"index.html"))
	waitControlled(t, ctx)
	waitCached(t, ctx, srv.url(lang+"index.html"))
	waitCached(t, ctx, srv.url(lang+"404.html"))
	if cached(t, ctx, srv.url("index.html")) || cached(t, ctx, srv.url("about.html")) {
		t.Error("opening the Spanish guide cached the original's pages too; want only the languages opened")
	}

	navigate(t, ctx, srv.url(g.tree.Start+".html")) // the original, once, online
	waitCached(t, ctx, srv.url("index.html"))
	waitCached(t, ctx, srv.url("about.html"))
	srv.Close()

	for _, dir := range []string{lang, ""} {
		walked := walk(t, ctx, srv.url(dir+g.tree.Start+".html"))
		checkWalked(t, g, walked)
		for _, name := range pages(g.files) {
			if len(name) <= len(dir) || name[:len(dir)] != dir {
				continue
			}
			if _, ok := walked[srv.url(name)]; ok {
				continue
			}
			navigate(t, ctx, srv.url(name))
			if got, want := evaluate[string](t, ctx, `document.title`), g.title(t, name); got != want {
				t.Errorf("offline %s: title %q; want %q", name, got, want)
			}
		}
		if got, want := evaluate[string](t, ctx, `document.documentElement.lang`), map[string]string{lang: lang[:len(lang)-1], "": g.tree.Lang}[dir]; got != want {
			t.Errorf("offline %s pages: lang %q; want %q", dir, got, want)
		}
	}
	errs.Check(t)

	navigate(t, ctx, srv.url(lang+"no-such-page.html"))
	if got, want := evaluate[string](t, ctx, `document.title`), g.title(t, lang+"404.html"); got != want {
		t.Errorf("offline unknown Spanish page: title %q; want the Spanish 404 page's %q", got, want)
	}
	if got, want := evaluate[string](t, ctx, `document.querySelector("main a.button").href`), srv.url(lang+"index.html"); got != want {
		t.Errorf("offline unknown Spanish page: the home link goes to %s; want %s", got, want)
	}
}

// cached tells whether a cache of the page's origin holds url.
func cached(t *testing.T, ctx context.Context, url string) bool {
	t.Helper()
	return evaluate[bool](t, ctx, `(async u => {
		for (const k of await caches.keys()) if (await (await caches.open(k)).match(u)) return true;
		return false;
	})(`+jsString(url)+`)`)
}

// waitCached waits until a cache holds url.
func waitCached(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cached(t, ctx, url) {
		if time.Now().After(deadline) {
			t.Fatalf("%s never reached the cache", url)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestUpdateKeepsLanguages: a reader who opened the Spanish guide, then
// the English, and is now on an English page gets a new version with both
// languages cached: the new worker caches what the old one had, not only
// the language of the open page.
func TestUpdateKeepsLanguages(t *testing.T) {
	src, err := source()
	if err != nil {
		t.Fatal(err)
	}
	v1, err := pipeline.Build(context.Background(), src, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src2 := maps.Clone(src)
	src2["static/site.css"] = &fstest.MapFile{Data: append(slices.Clip(src["static/site.css"].Data), "\n.build-marker{color:red}\n"...)}
	v2, err := pipeline.Build(context.Background(), src2, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lang := v1.Translations[0].Lang + "/"
	srv := newGuideServer(t, v1.Files)
	ctx := browsertest.Start(t)

	navigate(t, ctx, srv.url(lang+"index.html"))
	waitControlled(t, ctx)
	waitCached(t, ctx, srv.url(lang+"index.html"))
	navigate(t, ctx, srv.url("about.html"))
	waitCached(t, ctx, srv.url("index.html"))

	srv.deploy(v2.Files)
	navigate(t, ctx, srv.url("index.html")) // the visit that finds v2
	name := guide{v2.Tree, v2.Files}.cacheName(srv)
	for _, page := range []string{lang + "index.html", "index.html"} {
		js := `caches.has(` + jsString(name) + `).then(ok => ok && caches.open(` + jsString(name) + `)).then(c => c ? c.match(` + jsString(srv.url(page)) + `) : undefined).then(r => !!r)`
		deadline := time.Now().Add(30 * time.Second)
		for !evaluate[bool](t, ctx, js) {
			if time.Now().After(deadline) {
				t.Fatalf("the new version's cache never held %s", page)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}
