package devserver

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// repoRoot holds the default guide.
const repoRoot = "../../../.."

// chromium finds the browser, or skips the test (fails it when CI=true).
func chromium(t testing.TB) string {
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

// browser is a headless Chromium tab that records the problems pages
// report: CSP violations, console errors, uncaught exceptions.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

// startChromium starts a headless Chromium with one tab.
func startChromium(t testing.TB) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	ctx := startChromium(t)
	b := &browser{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *cdplog.EventEntryAdded:
			// The guide has no favicon.ico; browsers ask for one anyway.
			if strings.HasSuffix(e.Entry.URL, "/favicon.ico") {
				return
			}
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Source == cdplog.EntrySourceSecurity {
				msg = fmt.Sprintf("%s %s: %s (%s)", e.Entry.Source, e.Entry.Level, e.Entry.Text, e.Entry.URL)
			}
		case *runtime.EventExceptionThrown:
			msg = "exception: " + e.ExceptionDetails.Text
		}
		if msg != "" {
			b.mu.Lock()
			b.problems = append(b.problems, msg)
			b.mu.Unlock()
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
	return b
}

// check fails the test on any problem a page reported so far.
func (b *browser) check(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Error(p)
	}
	b.problems = nil
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
// with an article open in Chromium: a one-word edit of its Markdown reloads
// the page with the new word; breaking the tree keeps the page and shows
// the problem in an overlay; fixing the tree takes the overlay away.
func TestBrowserReloadAndOverlay(t *testing.T) {
	b := newBrowser(t)
	src := copyGuide(t)
	url, log := startRun(t, src, SiteBuild())

	const article = "content/recovery.md"
	md, err := os.ReadFile(filepath.Join(src, article))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url+"recovery.html")); err != nil {
		t.Fatal(err)
	}
	b.until(t, "the reload script to connect", `document.querySelector('script[src="/_runorrest/reload.js"]') !== null`)
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
	b.eval(t, `window.runorrestMark = "before"`)
	writeFile(t, filepath.Join(src, article), edited)
	b.until(t, "the page to show the edited word", `document.body.innerText.includes("Zebracorn")`)
	if got := b.eval(t, `String(window.runorrestMark)`); got != "undefined" {
		t.Errorf("the page changed without reloading (mark %q)", got)
	}
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
	writeFile(t, filepath.Join(src, "content", "tree.yaml"), strings.Replace(string(tree), good, bad, 1))
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
	if !strings.Contains(b.eval(t, `document.body.innerText`), "Zebracorn") {
		t.Error("the last good page is gone")
	}
	b.check(t)

	// 3. Fixing the tree takes the overlay away.
	writeFile(t, filepath.Join(src, "content", "tree.yaml"), string(tree))
	b.until(t, "the overlay to go", `document.getElementById("runorrest-problems") === null`)
	b.check(t)
}
