package site

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/decision"
)

// chromium finds the browser, or skips the test (fails it when CI=true).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium not found, and CI=true: install it (apt-get install chromium)")
	}
	t.Skip("skipping: Chromium not found (apt-get install chromium to run this test)")
	return ""
}

// tab is a browser tab that records every problem the page reports: CSP
// violations, console errors and uncaught exceptions.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

// newTab starts a headless Chromium with one tab. With script false, the
// page runs no JavaScript at all.
func newTab(t *testing.T, script bool) *tab {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Source == cdplog.EntrySourceSecurity {
				msg = fmt.Sprintf("%s %s: %s (%s)", e.Entry.Source, e.Entry.Level, e.Entry.Text, e.Entry.URL)
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				msg = fmt.Sprintf("console.%s", e.Type)
			}
		case *runtime.EventExceptionThrown:
			msg = "exception: " + e.ExceptionDetails.Text
		}
		if msg != "" {
			tb.mu.Lock()
			tb.problems = append(tb.problems, msg)
			tb.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if !script {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
	}
	return tb
}

// open loads url and fails the test on any problem the page reports.
func (tb *tab) open(t *testing.T, url string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	tb.check(t, url)
}

// check fails the test if the page reported problems since the last check.
func (tb *tab) check(t *testing.T, url string) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		t.Errorf("%s: %s", url, p)
	}
	tb.problems = nil
}

// attr reads an attribute of the first element sel matches.
func (tb *tab) attr(t *testing.T, sel, name string) string {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.AttributeValue(chromedp.CSS(sel), name, chromedp.AtLeast(0)))
	if err != nil {
		t.Fatalf("%s[%s]: %v", sel, name, err)
	}
	return v.Value
}

// follow finds the link sel on the current page and opens where it points.
func (tb *tab) follow(t *testing.T, sel string) string {
	t.Helper()
	href, err := chromedp.Run(tb.ctx, chromedp.JavascriptAttribute[string](chromedp.CSS(sel), "href", chromedp.AtLeast(0)))
	if err != nil || href == "" {
		loc, _ := chromedp.Run(tb.ctx, chromedp.Location())
		t.Fatalf("%s: no link %s (%v)", loc, sel, err)
	}
	tb.open(t, href)
	return href
}

// publishDefault builds the default guide into a temporary folder.
func publishDefault(t *testing.T) (*decision.Tree, string) {
	t.Helper()
	tree, s := build(t, defaultFS(t), Options{})
	dir := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(dir, s.Files); err != nil {
		t.Fatal(err)
	}
	return tree, dir
}

// TestWalkEveryPathNoScript follows, with JavaScript off, the links of every
// path of the default guide from the home page to its outcome, served under
// a sub-path over HTTP and opened from disk, and checks that the outcome
// reached is the one the path names. Any CSP violation or console error
// fails the test.
func TestWalkEveryPathNoScript(t *testing.T) {
	chromium(t)
	tree, dir := publishDefault(t)
	const sub = "/some/sub-path/"
	mux := http.NewServeMux()
	mux.Handle(sub, http.StripPrefix(sub, http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, base := range []struct{ name, url string }{
		{"http sub-path", srv.URL + sub},
		{"file", "file://" + filepath.ToSlash(dir) + "/"},
	} {
		t.Run(base.name, func(t *testing.T) {
			tb := newTab(t, false)
			n := 0
			for p := range tree.Paths("") {
				n++
				walk(t, tb, base.url, p)
				if t.Failed() {
					return
				}
			}
			if n == 0 {
				t.Fatal("the guide has no paths")
			}
			t.Logf("walked %d paths", n)
		})
	}
}

// walk follows one path from the home page.
func walk(t *testing.T, tb *tab, base string, p decision.Path) {
	t.Helper()
	tb.open(t, base+"index.html")
	tb.follow(t, "a[data-start]")
	for _, st := range p.Steps {
		if got := tb.attr(t, "main", "data-node"); got != st.Question.ID {
			t.Fatalf("path %s: at %q; want question %q", p, got, st.Question.ID)
		}
		sel := fmt.Sprintf("a[data-next=%q]", st.Option.Next)
		if st.Question.Scale != nil {
			sel = fmt.Sprintf("a[data-value=\"%d\"]", st.Option.Lo)
		}
		tb.follow(t, sel)
	}
	got := tb.attr(t, "main", "data-node")
	kind := tb.attr(t, "main", "data-kind")
	verdict := tb.attr(t, "main", "data-verdict")
	if got != p.Outcome.ID || kind != "outcome" || verdict != p.Outcome.Verdict {
		t.Fatalf("path %s: reached %s %q (verdict %q); want outcome %q (verdict %q)", p, kind, got, verdict, p.Outcome.ID, p.Outcome.Verdict)
	}
}

// layoutJS lists what is wrong with the layout of the page at the width
// of the viewport: sideways scrolling, and links in the page's controls
// (answers, buttons, footer) smaller than 44 px tall.
const layoutJS = `(() => {
	const bad = [];
	if (document.documentElement.scrollWidth > innerWidth) bad.push("scrolls sideways: " + document.documentElement.scrollWidth + "px");
	for (const a of document.querySelectorAll(".choices a, .button, footer a, header a, .again a, .links a, .articles a")) {
		const r = a.getBoundingClientRect();
		if (r.height < 44) bad.push("tap target " + JSON.stringify(a.textContent) + " is " + r.height + "px tall");
	}
	if (getComputedStyle(document.body).fontFamily.indexOf("system-ui") < 0) bad.push("not the system font");
	return bad;
})()`

// TestEveryPageWithScript opens every page with JavaScript on, from disk,
// at 320 px wide, and fails on any CSP violation, console error or
// exception, sideways scrolling or tap target under 44 px.
func TestEveryPageWithScript(t *testing.T) {
	chromium(t)
	_, dir := publishDefault(t)
	tb := newTab(t, true)
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(320, 640)); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".html") {
			tb.open(t, "file://"+filepath.ToSlash(filepath.Join(dir, e.Name())))
			bad, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](layoutJS))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bad {
				t.Errorf("%s at 320 px: %s", e.Name(), b)
			}
			n++
		}
	}
	// Dark mode follows the system's preference.
	for _, tt := range []struct{ scheme, bg string }{{"light", "rgb(253, 253, 251)"}, {"dark", "rgb(21, 25, 28)"}} {
		_, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tt.scheme}},
		})
		if err != nil {
			t.Fatal(err)
		}
		tb.open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "index.html")))
		bg, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
		if err != nil || bg != tt.bg {
			t.Errorf("background with prefers-color-scheme %s = %q, %v; want %q", tt.scheme, bg, err, tt.bg)
		}
	}
	time.Sleep(200 * time.Millisecond) // late reports of the last page
	tb.check(t, "last page")
	if n < 5 {
		t.Errorf("opened %d pages; want the whole site", n)
	}
}

// TestOutcomesPrintOnOnePage prints every outcome of the default guide on
// A4 and Letter paper: each must fit one page.
func TestOutcomesPrintOnOnePage(t *testing.T) {
	chromium(t)
	tree, dir := publishDefault(t)
	tb := newTab(t, false)
	pageRE := regexp.MustCompile(`/Type\s*/Page[^s]`)
	for _, o := range tree.Outcomes {
		tb.open(t, "file://"+filepath.ToSlash(filepath.Join(dir, o.ID+".html")))
		for _, paper := range []chromedp.PaperSize{chromedp.PaperA4, chromedp.PaperLetter} {
			pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper)))
			if err != nil {
				t.Fatal(err)
			}
			if n := len(pageRE.FindAll(pdf, -1)); n != 1 {
				t.Errorf("%s.html prints on %d pages of %v paper; want 1", o.ID, n, paper)
			}
		}
	}
}

// TestScriptRunsFromDisk: the CSP's script-src 'self' admits the bundled
// script when the site is opened from disk (Chromium treats file: pages as
// their own origin here; measured, not assumed), and blocks nothing else.
func TestScriptRunsFromDisk(t *testing.T) {
	chromium(t)
	fsys := fixtureFS(t, "guide")
	fsys["static/flow.ts"] = mapFile("document.documentElement.dataset.flow = \"ran\";\n")
	_, s := build(t, fsys, Options{})
	dir := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(dir, s.Files); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, true)
	for _, page := range []string{"index.html", "soreness.html", "easy-run.html"} {
		tb.open(t, "file://"+filepath.ToSlash(filepath.Join(dir, page)))
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.documentElement.dataset.flow || "did not run"`))
		if err != nil || got != "ran" {
			t.Errorf("%s from disk: script %q, %v; want it to run", page, got, err)
		}
		size, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("main")).maxWidth`))
		if err != nil || size != "640px" {
			t.Errorf("%s from disk: stylesheet not applied (main max-width %q, %v)", page, size, err)
		}
	}
	time.Sleep(100 * time.Millisecond)
	tb.check(t, "last page")
}
