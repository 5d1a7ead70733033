package site

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/browsertest"
	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/decision"
)

// tab is a browser tab that records every problem the page reports: CSP
// violations, console errors and warnings, and uncaught exceptions.
type tab struct {
	ctx context.Context
	log *browsertest.Log
}

// newTab starts a headless Chromium with one tab. With script false, the
// page runs no JavaScript at all.
func newTab(t *testing.T, script bool) *tab {
	t.Helper()
	ctx := browsertest.Start(t, browsertest.Timeout(3*time.Minute))
	tb := &tab{ctx: ctx, log: browsertest.Record(t, ctx, browsertest.Warnings())}
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
	tb.log.Check(t)
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
	browsertest.Chromium(t)
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
// exception, sideways scrolling or tap target under 44 px. 404.html is a
// page for hosts, which answer it at any address; it resolves its links
// from the host's root, so it is opened from a server at the root.
func TestEveryPageWithScript(t *testing.T) {
	browsertest.Chromium(t)
	_, dir := publishDefault(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
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
			if e.Name() == "404.html" {
				tb.open(t, srv.URL+"/404.html")
			} else {
				tb.open(t, "file://"+filepath.ToSlash(filepath.Join(dir, e.Name())))
			}
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
	// A link reached with the keyboard shows a visible outline.
	tb.open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "index.html")))
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	outline, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](
		`(() => { const s = getComputedStyle(document.activeElement); return document.activeElement.tagName + " " + s.outlineStyle + " " + s.outlineWidth; })()`))
	if err != nil || outline != "A solid 3px" {
		t.Errorf("link focused by Tab: %q, %v; want A solid 3px", outline, err)
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
	tb.log.Check(t)
	if n < 5 {
		t.Errorf("opened %d pages; want the whole site", n)
	}
}

// TestOutcomesPrintOnOnePage prints every outcome of the default guide on
// A4 and Letter paper: each must fit one page.
func TestOutcomesPrintOnOnePage(t *testing.T) {
	browsertest.Chromium(t)
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
	browsertest.Chromium(t)
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
	tb.log.Check(t)
}
