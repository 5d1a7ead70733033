package offline_test

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/browsertest"
	"runorrest/cmd/runorrest/internal/offline"
)

// These tests build the real guide and open it in Chromium, served under
// /guide/ as a static host would, with a long HTTP cache lifetime. Each
// test starts a browser of its own (browsertest.Start), with a fresh
// profile: no worker or cache is left from another test.

// TestOffline: after one visit, with the server gone, every page loads and
// every path of the guide can be walked, and an unknown page gets the 404
// page, with no console error.
func TestOffline(t *testing.T) {
	g := build(t, "")
	srv := newGuideServer(t, g.files)
	ctx := browsertest.Start(t)
	errs := browsertest.Record(t, ctx)

	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	srv.Close()

	start := g.tree.Start + ".html"
	walked := walk(t, ctx, srv.url(start))
	checkWalked(t, g, walked)
	for _, name := range pages(g.files) {
		if _, ok := walked[srv.url(name)]; ok {
			continue // seen on the walk
		}
		navigate(t, ctx, srv.url(name))
		if got, want := evaluate[string](t, ctx, `document.title`), g.title(t, name); got != want {
			t.Errorf("offline %s: title %q; want %q", name, got, want)
		}
	}
	navigate(t, ctx, srv.url("")) // the manifest's start_url
	if got, want := evaluate[string](t, ctx, `document.title`), g.title(t, "index.html"); got != want {
		t.Errorf("offline start page: title %q; want %q", got, want)
	}
	// A reader taps through the flow offline: the first answer each time,
	// the flow's links carrying the answers in the fragment.
	navigate(t, ctx, srv.url(start))
	for steps := 0; evaluate[string](t, ctx, `document.querySelector("main").dataset.kind`) == "question"; steps++ {
		if steps > len(g.tree.Questions) {
			t.Fatal("tapping the first answer never reached an outcome")
		}
		next := evaluate[string](t, ctx, `document.querySelector("main a[data-next]").dataset.next`)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("main a[data-next]"))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, `document.readyState === "complete" && document.querySelector("main")?.dataset.node === `+jsString(next))
	}
	if !strings.Contains(evaluate[string](t, ctx, `location.hash`), "a=") {
		t.Error("the flow's answers are not in the fragment of the outcome's address")
	}

	// A host with "pretty URLs" shows soreness.html as soreness.
	navigate(t, ctx, srv.url(g.tree.Start))
	if got := node(t, ctx); got != g.tree.Start {
		t.Errorf("offline %s (no .html): page %q; want %q", g.tree.Start, got, g.tree.Start)
	}

	// The flow keeps its state in the fragment; a query is ignored too.
	navigate(t, ctx, srv.url(start+"?from=home#a="))
	if got := node(t, ctx); got != g.tree.Start {
		t.Errorf("offline %s?from=home: page %q; want %q", start, got, g.tree.Start)
	}
	errs.Check(t)

	// Chromium reports the 404 status of the page in the console; that one
	// message is expected.
	navigate(t, ctx, srv.url("no-such-page.html"))
	if got, want := evaluate[string](t, ctx, `document.title`), g.title(t, "404.html"); got != want {
		t.Errorf("offline unknown page: title %q; want the 404 page's %q", got, want)
	}
	errs.Check(t, "no-such-page.html: error: Failed to load resource: the server responded with a status of 404")

	// In a sub-folder too, the 404 page is styled and its links lead
	// into the guide: the worker gives it its scope as its base.
	navigate(t, ctx, srv.url("a/b/no-such-page"))
	if !evaluate[bool](t, ctx, `getComputedStyle(document.documentElement).getPropertyValue("--fg").trim() !== ""`) {
		t.Error("offline a/b/no-such-page: the 404 page is not styled")
	}
	if got, want := evaluate[string](t, ctx, `document.querySelector("main a.button").href`), srv.url("index.html"); got != want {
		t.Errorf("offline a/b/no-such-page: the home link goes to %s; want %s", got, want)
	}
	errs.Check(t, "no-such-page: error: Failed to load resource: the server responded with a status of 404")
}

// TestUpdate: a new build is found on the next visit; the page offers to
// reload and does not reload on its own; after the reload the new version
// shows and only its cache is left of the guide's.
func TestUpdate(t *testing.T) {
	v1, v2 := build(t, ""), build(t, " v2")
	if cssPath(t, v1.files) == cssPath(t, v2.files) {
		t.Fatal("v1 and v2 have the same stylesheet; the test needs two")
	}
	srv := newGuideServer(t, v1.files)
	ctx := browsertest.Start(t)
	errs := browsertest.Record(t, ctx)

	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	// Caches of another app, and of another copy of the guide on this
	// origin, must survive the update.
	others := []string{"someone else", offline.CacheName(v1.tree.Title, srv.Server.URL+"/other/", "0123456789abcdef")}
	for _, name := range others {
		evaluate[bool](t, ctx, `caches.open(`+jsString(name)+`).then(() => true)`)
	}
	// A second tab, in the middle of a walk.
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	navigate(t, tab, srv.url(v1.tree.Start+".html"))
	evaluate[bool](t, tab, `window.midWalk = true`)

	srv.deploy(v2.files)
	// Until the reader reloads, pages are v1's, with v1's stylesheet, which
	// the server no longer has.
	for _, name := range []string{"about.html", ""} {
		navigate(t, ctx, srv.url(name))
		checkStylesheet(t, ctx, v1)
	}
	waitFor(t, ctx, `document.querySelector(".update-prompt button") !== null`)
	if got, want := evaluate[string](t, ctx, `document.querySelector(".update-prompt").textContent`), "A new version of the guide is ready: reload"; got != want {
		t.Errorf("prompt says %q; want %q", got, want)
	}
	if got, want := evaluate[string](t, ctx, `document.title`), v1.title(t, "index.html"); got != want {
		t.Errorf("before the click the page is %q; want v1's %q", got, want)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".update-prompt button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.readyState === "complete" && document.title === `+jsString(v2.title(t, "index.html")))
	if evaluate[bool](t, ctx, `document.querySelector(".update-prompt") !== null`) {
		t.Error("the prompt is still there after the reload")
	}
	checkStylesheet(t, ctx, v2)
	want := append([]string{v2.cacheName(srv)}, others...)
	slices.Sort(want)
	if got := cacheNames(t, ctx); !slices.Equal(got, want) {
		t.Errorf("caches %q; want v2's and the others' %q", got, want)
	}
	errs.Check(t)

	// The other tab was not reloaded under its reader; it still offers the
	// reload, which now takes it to v2 at once.
	if !evaluate[bool](t, tab, `window.midWalk === true && document.querySelector(".update-prompt button") !== null`) {
		t.Error("the second tab was reloaded, or lost its prompt, when the first one switched")
	}
	if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS(".update-prompt button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.readyState === "complete" && document.title.endsWith(`+jsString(v2.tree.Title)+`)`)
}

// TestBrokenDeploy: a new build with a file missing on the server fails to
// install; the old version stays, offline too, and no prompt shows.
func TestBrokenDeploy(t *testing.T) {
	v1, v2 := build(t, ""), build(t, " v2")
	broken := maps.Clone(v2.files)
	css := cssPath(t, broken)
	delete(broken, css) // listed in v2's sw.js, but the server has lost it
	srv := newGuideServer(t, v1.files)
	ctx := browsertest.Start(t)

	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	srv.deploy(broken)
	// The reader comes back to the open page (headless Chromium never hides
	// a page, so the event is sent by hand): offline.ts looks for an update.
	state := evaluate[string](t, ctx, `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		const done = new Promise((resolve) => reg.addEventListener("updatefound", () => {
			const w = reg.installing;
			w.addEventListener("statechange", () => {
				if (w.state === "redundant" || w.state === "installed") resolve(w.state);
			});
		}));
		document.dispatchEvent(new Event("visibilitychange"));
		return await done;
	})()`)
	if state != "redundant" {
		t.Fatalf("the broken build's worker ended %q; want redundant (%s is missing)", state, css)
	}
	if got, want := cacheNames(t, ctx), []string{v1.cacheName(srv)}; !slices.Equal(got, want) {
		t.Errorf("caches after the failed update %q; want v1's %q", got, want)
	}
	srv.Close()
	errs := browsertest.Record(t, ctx)
	navigate(t, ctx, srv.url(""))
	if got, want := evaluate[string](t, ctx, `document.title`), v1.title(t, "index.html"); got != want {
		t.Errorf("offline after a broken deploy the page is %q; want v1's %q", got, want)
	}
	if evaluate[bool](t, ctx, `document.querySelector(".update-prompt") !== null`) {
		t.Error("a broken build offered an update")
	}
	if got := evaluate[int](t, ctx, `document.styleSheets[0].cssRules.length`); got == 0 {
		t.Error("the page has no style rules offline")
	}
	checkWalked(t, v1, walk(t, ctx, srv.url(v1.tree.Start+".html")))
	errs.Check(t)
}

// TestFileURL: the output opened from disk works as plain pages, with no
// worker and no console error; so does a build without the worker.
func TestFileURL(t *testing.T) {
	g := build(t, "")
	dir := t.TempDir()
	for name, data := range g.files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := browsertest.Start(t)
	errs := browsertest.Record(t, ctx)
	root := "file://" + filepath.ToSlash(dir) + "/"
	navigate(t, ctx, root+"index.html")
	if got, want := evaluate[string](t, ctx, `document.title`), g.title(t, "index.html"); got != want {
		t.Errorf("from disk the home page is %q; want %q", got, want)
	}
	checkWalked(t, g, walk(t, ctx, root+g.tree.Start+".html"))
	if evaluate[bool](t, ctx, `"serviceWorker" in navigator && navigator.serviceWorker.controller !== null`) {
		t.Error("a service worker controls a page opened from disk")
	}
	errs.Check(t)

	// Pages without the worker's meta register nothing and say nothing,
	// over http too.
	srv := newGuideServer(t, buildSiteOnly(t))
	navigate(t, ctx, srv.url(""))
	navigate(t, ctx, srv.url(g.tree.Start+".html"))
	if n := evaluate[int](t, ctx, `navigator.serviceWorker.getRegistrations().then(r => r.length)`); n != 0 {
		t.Errorf("a page built without the worker registered %d workers", n)
	}
	errs.Check(t)
}

// TestInstallable asks Chromium whether the guide can be installed.
func TestInstallable(t *testing.T) {
	g := build(t, "")
	srv := newGuideServer(t, g.files)
	ctx := browsertest.Start(t)
	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	if errs := installabilityErrors(t, ctx); len(errs) > 0 {
		t.Errorf("not installable: %v", errs)
	}

	// The check itself works headless: a manifest with no icons fails it.
	broken := maps.Clone(g.files)
	broken[offline.ManifestFile] = []byte(`{"name": "x", "start_url": "./", "display": "standalone"}`)
	srv2 := newGuideServer(t, broken)
	navigate(t, ctx, srv2.url(""))
	waitFor(t, ctx, `document.querySelector('link[rel="manifest"]') !== null`)
	if errs := installabilityErrors(t, ctx); len(errs) == 0 {
		t.Error("a manifest with no icons passed Page.getInstallabilityErrors; the check proves nothing")
	}
}

func installabilityErrors(t *testing.T, ctx context.Context) []string {
	t.Helper()
	res, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatalf("Page.getInstallabilityErrors: %v", err)
	}
	var errs []string
	for _, e := range res.InstallabilityErrors {
		msg := e.ErrorID
		for _, a := range e.ErrorArguments {
			msg += " " + a.Name + "=" + a.Value
		}
		errs = append(errs, msg)
	}
	return errs
}

// checkStylesheet checks that the page uses the stylesheet of build g and
// that it loaded.
func checkStylesheet(t *testing.T, ctx context.Context, g guide) {
	t.Helper()
	href := evaluate[string](t, ctx, `document.querySelector('link[rel="stylesheet"]').getAttribute("href")`)
	if want := cssPath(t, g.files); href != want {
		t.Errorf("%s: stylesheet %s; want %s", evaluate[string](t, ctx, `location.href`), href, want)
	}
	if evaluate[int](t, ctx, `document.styleSheets[0]?.cssRules.length ?? 0`) == 0 {
		t.Errorf("%s: the stylesheet did not load", evaluate[string](t, ctx, `location.href`))
	}
}

// cacheNames lists the caches of the page's origin.
func cacheNames(t *testing.T, ctx context.Context) []string {
	t.Helper()
	names := evaluate[[]string](t, ctx, `caches.keys()`)
	slices.Sort(names)
	return names
}

// cssPath is the stylesheet's path in a build.
func cssPath(t *testing.T, files map[string][]byte) string {
	t.Helper()
	for name := range files {
		if strings.HasPrefix(name, "assets/") && strings.HasSuffix(name, ".css") {
			return name
		}
	}
	t.Fatal("the build has no stylesheet")
	return ""
}

// jsString quotes s for a JavaScript expression.
func jsString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}
