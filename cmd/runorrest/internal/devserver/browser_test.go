package devserver

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runorrest/cmd/runorrest/internal/pipeline"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/browsertest"
)

// repoRoot holds the default guide.
const repoRoot = "../../../.."

// browser is a headless Chromium tab that records the problems pages
// report.
type browser struct {
	ctx context.Context
	log *browsertest.Log
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	ctx := browsertest.Start(t)
	return &browser{ctx: ctx, log: browsertest.Record(t, ctx)}
}

// check fails the test on any problem a page reported so far.
func (b *browser) check(t *testing.T) {
	t.Helper()
	b.log.Check(t)
}

// until evaluates expr in the page every 20 ms until it is true. A page
// that is reloading just makes one try fail.
func (b *browser) until(t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	text, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	t.Fatalf("waited 20 s for %s; the page says:\n%s", what, text)
}

// saveFile saves a file as many editors do: a hidden temporary file, then a
// rename over the old one. A file written in place can be rebuilt half
// written when the machine is busy, and a half-written page is a page
// that changed.
func saveFile(t *testing.T, p, data string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	writeFile(t, tmp, data)
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (b *browser) eval(t *testing.T, expr string) string {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// copyGuide copies the default guide's content/, templates/ and static/
// into a temporary folder.
func copyGuide(t testing.TB) string {
	t.Helper()
	src := t.TempDir()
	for _, d := range Watched {
		if err := os.CopyFS(filepath.Join(src, d), os.DirFS(filepath.Join(repoRoot, d))); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// TestBrowserReloadAndOverlay runs serve on a copy of the default guide
// with an article open in Chromium: a one-word edit of its Markdown shows
// the new word in place, keeping the scroll position and the focus; an edit
// of another page leaves it as it is; an edit of the styles reloads it;
// breaking the tree keeps the page and shows the problem in an overlay;
// fixing the tree takes the overlay away.
func TestBrowserReloadAndOverlay(t *testing.T) {
	b := newBrowser(t)
	src := copyGuide(t)
	url, log := startRun(t, src, SiteBuild(pipeline.Options{}))

	const article = "content/recovery.md"
	md, err := os.ReadFile(filepath.Join(src, article))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url+"recovery.html")); err != nil {
		t.Fatal(err)
	}
	b.until(t, "the reload script to connect", `document.querySelector('script[src^="/_runorrest/reload.js?h="]') !== null`)
	b.check(t)

	// 1. A one-word edit of the Markdown reloads the page.
	_, body, ok := strings.Cut(strings.TrimPrefix(string(md), "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("%s has no front matter", article)
	}
	m := regexp.MustCompile(` [a-z]{5,} `).FindString(body)
	edited := strings.Replace(string(md), m, " Zebracorn ", 1)
	if edited == string(md) {
		t.Fatalf("found no word to replace in %s", article)
	}
	// Focus a link low on the page; the focus scrolls the page to it.
	scrolled := b.eval(t, `document.querySelector('footer a[href="about.html"]').focus(); String(Math.round(window.scrollY))`)
	if scrolled == "0" {
		t.Fatal("the article is too short to scroll")
	}
	b.eval(t, `window.runorrestMark = "before"`)
	saveFile(t, filepath.Join(src, article), edited)
	b.until(t, "the page to show the edited word", `document.body.innerText.includes("Zebracorn")`)
	kept := func(what string) {
		t.Helper()
		if got := b.eval(t, `String(window.runorrestMark)`); got != "before" {
			t.Errorf("%s: the page reloaded (mark %q); want its words swapped in place", what, got)
		}
		// A word may wrap a line differently: the scroll position may move
		// by a line or two, never back to the top.
		if got := b.eval(t, `String(Math.round(window.scrollY))`); math.Abs(atof(t, got)-atof(t, scrolled)) > 100 {
			t.Errorf("%s: scrolled to %s; want about %s as before", what, got, scrolled)
		}
		if got := b.eval(t, `document.activeElement.getAttribute("href") || ""`); got != "about.html" {
			t.Errorf("%s: the focus moved to %q; want the link it was on", what, got)
		}
	}
	kept("a one-word edit")
	b.check(t)

	// An edit of another page leaves this one as it is, and the next edit
	// of this one is swapped in again.
	other := filepath.Join(src, "content", "about.md")
	about, err := os.ReadFile(other)
	if err != nil {
		t.Fatal(err)
	}
	saveFile(t, other, string(about)+"\nA new line about nothing.\n")
	time.Sleep(300 * time.Millisecond)
	saveFile(t, filepath.Join(src, article), strings.Replace(edited, "Zebracorn", "Quaggaroo", 1))
	b.until(t, "the page to show the second edit", `document.body.innerText.includes("Quaggaroo") && !document.body.innerText.includes("Zebracorn")`)
	kept("an edit of another page, then of this one")
	b.check(t)

	// An edit of the styles reloads the page.
	css := filepath.Join(src, "static", "site.css")
	styles, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	saveFile(t, css, string(styles)+"\n.runorrest-edited { color: red; }\n")
	b.until(t, "the page to reload", `window.runorrestMark === undefined && document.body.innerText.includes("Quaggaroo")`)
	b.until(t, "the reload script to connect", `document.querySelector('script[src^="/_runorrest/reload.js?h="]') !== null`)
	b.check(t)

	// 2. Breaking the tree shows the problem over the last good page.
	tree, err := os.ReadFile(filepath.Join(src, "content", "tree.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const good, bad = "next: where-mild", "next: where-nowhere"
	i := strings.Index(string(tree), good)
	if i < 0 {
		t.Fatalf("content/tree.yaml has no %q", good)
	}
	line := strings.Count(string(tree[:i]), "\n") + 1
	b.eval(t, `window.runorrestMark = "kept"`)
	saveFile(t, filepath.Join(src, "content", "tree.yaml"), strings.Replace(string(tree), good, bad, 1))
	b.until(t, "the overlay", `document.querySelector("#runorrest-problems pre") !== null`)
	overlay := b.eval(t, `document.querySelector("#runorrest-problems pre").textContent`)
	if want := fmt.Sprintf("content/tree.yaml:%d:", line); !strings.Contains(overlay, want) || !strings.Contains(overlay, "where-nowhere") {
		t.Errorf("overlay = %q; want a problem at %s naming where-nowhere", overlay, want)
	}
	if !strings.Contains(log.String(), overlay) {
		t.Errorf("the terminal does not show the overlay's problems %q:\n%s", overlay, log)
	}
	if got := b.eval(t, `String(window.runorrestMark)`); got != "kept" {
		t.Errorf("the page reloaded on a failed build")
	}
	if !strings.Contains(b.eval(t, `document.body.innerText`), "Quaggaroo") {
		t.Error("the last good page is gone")
	}
	b.check(t)

	// 3. Fixing the tree takes the overlay away.
	saveFile(t, filepath.Join(src, "content", "tree.yaml"), string(tree))
	b.until(t, "the overlay to go", `document.getElementById("runorrest-problems") === null`)
	b.check(t)
}
