package offline_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/evanw/esbuild/pkg/api"

	"runorrest/cmd/runorrest/internal/offline"
)

const repoRoot = "../../../.."

var fixtureConfig = offline.Config{Name: "Run or rest?", Description: "A test guide."}

// build gives the output of a build of the guide; version is a word that
// the start page shows, so two builds differ.
func build(t *testing.T, version string) map[string][]byte {
	t.Helper()
	fixture := os.DirFS("testdata/site")
	files := map[string][]byte{}
	err := fs.WalkDir(fixture, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fixture, name)
		files[name] = []byte(strings.ReplaceAll(string(data), "VERSION", version))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:      []string{filepath.Join(repoRoot, "static/offline.ts")},
		Bundle:           true,
		Format:           api.FormatIIFE,
		Target:           api.ES2020,
		MinifyWhitespace: true,
		MinifySyntax:     true,
	})
	if len(res.Errors) > 0 {
		t.Fatalf("build static/offline.ts: %v", res.Errors)
	}
	files["assets/offline.js"] = res.OutputFiles[0].Contents
	if err := offline.Add(os.DirFS(repoRoot), files, fixtureConfig); err != nil {
		t.Fatal(err)
	}
	return files
}

func pages(files map[string][]byte) []string {
	var names []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

var titleRE = regexp.MustCompile(`<title>([^<]*)</title>`)

func title(t *testing.T, html []byte) string {
	t.Helper()
	m := titleRE.FindSubmatch(html)
	if m == nil {
		t.Fatalf("no <title> in %.200s", html)
	}
	return string(m[1])
}

// cacheNames lists the page's origin's caches.
func cacheNames(t *testing.T, ctx context.Context) []string {
	t.Helper()
	names := evaluate[[]string](t, ctx, `caches.keys()`)
	slices.Sort(names)
	return names
}

// TestOffline: after one visit, with the server gone, every page loads and
// every path of the guide can be walked, and an unknown page gets the 404
// page, with no console error.
func TestOffline(t *testing.T) {
	files := build(t, "v1")
	srv := newGuideServer(t, files)
	ctx := newBrowser(t)
	errs := watchConsole(ctx)

	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	srv.Close()

	for _, name := range pages(files) {
		navigate(t, ctx, srv.url(name))
		if got, want := evaluate[string](t, ctx, `document.title`), title(t, files[name]); got != want {
			t.Errorf("offline %s: title %q; want %q", name, got, want)
		}
	}
	// The flow may keep state in the query and the fragment.
	navigate(t, ctx, srv.url("tired.html?answers=1#step"))
	if got := node(t, ctx); got != "tired" {
		t.Errorf("offline tired.html?answers=1: page %q; want tired", got)
	}
	seen := walk(t, ctx, srv.url(""))
	for _, want := range []string{"sore", "tired", "easy", "rest"} {
		if !seen[want] {
			t.Errorf("offline walk never reached %q (saw %v)", want, seen)
		}
	}
	errs.check(t)

	// Chromium reports the 404 status of the page in the console; that one
	// message is expected.
	navigate(t, ctx, srv.url("no-such-page.html?x=1"))
	if got, want := evaluate[string](t, ctx, `document.title`), title(t, files["404.html"]); got != want {
		t.Errorf("offline unknown page: title %q; want the 404 page's %q", got, want)
	}
	errs.check(t, "no-such-page.html?x=1: error: Failed to load resource: the server responded with a status of 404")
}

// TestUpdate: a new build is found on the next visit; the page offers to
// reload and does not reload on its own; after the reload the new version
// shows and only its cache is left.
func TestUpdate(t *testing.T) {
	v1, v2 := build(t, "v1"), build(t, "v2")
	srv := newGuideServer(t, v1)
	ctx := newBrowser(t)
	errs := watchConsole(ctx)

	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	// Caches of another app, and of another copy of the guide on this
	// origin, must survive the update.
	others := []string{"someone else", offline.CacheName(fixtureConfig.Name, srv.Server.URL+"/other/", "0123456789abcdef")}
	for _, name := range others {
		evaluate[bool](t, ctx, `caches.open(`+jsString(name)+`).then(() => true)`)
	}
	srv.deploy(v2)
	navigate(t, ctx, srv.url(""))
	waitFor(t, ctx, `document.querySelector(".update-prompt button") !== null`)
	if got, want := evaluate[string](t, ctx, `document.querySelector(".update-prompt").textContent`), "A new version of the guide is ready: reload"; got != want {
		t.Errorf("prompt says %q; want %q", got, want)
	}
	if got := evaluate[string](t, ctx, `document.title`); !strings.Contains(got, "v1") {
		t.Errorf("before the click the page is %q; want v1 still", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".update-prompt button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.readyState === "complete" && document.title.includes("v2")`)
	want := append([]string{offline.CacheName(fixtureConfig.Name, srv.url(""), offline.Version(offline.Precache(v2)))}, others...)
	slices.Sort(want)
	if got := cacheNames(t, ctx); !slices.Equal(got, want) {
		t.Errorf("caches %q; want v2's and the others' %q", got, want)
	}
	errs.check(t)
}

// TestBrokenDeploy: a new build with a file missing on the server fails to
// install; the old version stays, offline too.
func TestBrokenDeploy(t *testing.T) {
	v1, v2 := build(t, "v1"), build(t, "v2")
	delete(v2, "tired.html") // listed in v2's sw.js, but the server has lost it
	srv := newGuideServer(t, v1)
	ctx := newBrowser(t)

	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	v1Caches := cacheNames(t, ctx)
	srv.deploy(v2)
	state := evaluate[string](t, ctx, `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		const done = new Promise((resolve) => reg.addEventListener("updatefound", () => {
			const w = reg.installing;
			w.addEventListener("statechange", () => {
				if (w.state === "redundant" || w.state === "installed") resolve(w.state);
			});
		}));
		await reg.update();
		return await done;
	})()`)
	if state != "redundant" {
		t.Fatalf("the broken build's worker ended %q; want redundant", state)
	}
	if got := cacheNames(t, ctx); !slices.Equal(got, v1Caches) {
		t.Errorf("caches after the failed update %q; want v1's %q", got, v1Caches)
	}
	srv.Close()
	errs := watchConsole(ctx)
	navigate(t, ctx, srv.url(""))
	if got := evaluate[string](t, ctx, `document.title`); !strings.Contains(got, "v1") {
		t.Errorf("offline after a broken deploy the page is %q; want v1", got)
	}
	if got := evaluate[bool](t, ctx, `document.querySelector(".update-prompt") !== null`); got {
		t.Error("a broken build offered an update")
	}
	walk(t, ctx, srv.url(""))
	errs.check(t)
}

// TestFileURL: the output opened from disk works as plain pages, with no
// worker and no console error.
func TestFileURL(t *testing.T) {
	files := build(t, "v1")
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
	ctx := newBrowser(t)
	errs := watchConsole(ctx)
	start := "file://" + filepath.ToSlash(dir) + "/index.html"
	seen := walk(t, ctx, start)
	if !seen["rest"] || !seen["easy"] {
		t.Errorf("walk from disk saw %v; want every outcome", seen)
	}
	navigate(t, ctx, start)
	time.Sleep(300 * time.Millisecond) // give a wrong registration time to show
	if evaluate[bool](t, ctx, `"serviceWorker" in navigator && navigator.serviceWorker.controller !== null`) {
		t.Error("a service worker controls a page opened from disk")
	}
	errs.check(t)
}

// TestInstallable asks Chromium whether the guide can be installed.
func TestInstallable(t *testing.T) {
	files := build(t, "v1")
	srv := newGuideServer(t, files)
	ctx := newBrowser(t)
	navigate(t, ctx, srv.url(""))
	waitControlled(t, ctx)
	if errs := installabilityErrors(t, ctx); len(errs) > 0 {
		t.Errorf("not installable: %v", errs)
	}

	// The check itself works headless: a manifest with no icons fails it.
	broken := maps.Clone(files)
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

// jsString quotes s for a JavaScript expression.
func jsString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}
