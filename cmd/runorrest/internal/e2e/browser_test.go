package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser is the one Chromium of the package; nil when none could start,
// and then noBrowser says why.
var (
	browser   context.Context
	noBrowser string
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	defer removeGuide()
	path := chromiumPath()
	if path == "" {
		noBrowser = "Chromium not found (install chromium, or set RUNORREST_CHROMIUM)"
		return m.Run()
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		noBrowser = "Chromium at " + path + " did not start: " + err.Error()
		return m.Run()
	}
	browser = bctx
	return m.Run()
}

func chromiumPath() string {
	if p := os.Getenv("RUNORREST_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// needs skips the test for a missing tool, or fails it under CI=true, where
// every tool must be there.
func needs(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why + " (CI=true: the browser tests must run)")
	}
	t.Skip(why)
}

// tab is a browser tab emulating a phone, in a browser context of its own
// (its own storage and cache), so tests can run side by side. Every console
// error, warning or uncaught exception on any page it shows fails the test.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu   sync.Mutex
	msgs []string
}

func newTab(t *testing.T) *tab {
	t.Helper()
	if browser == nil {
		needs(t, noBrowser)
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	// A guard against a hung page, not a measure of speed.
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	tb := &tab{t: t, ctx: ctx}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		cancelTimeout()
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	console := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range console {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
				tb.mu.Lock()
				tb.msgs = append(tb.msgs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
				tb.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		tb.checkConsole()
		cancelTimeout()
		cancel()
		<-done
	})
	return tb
}

// checkConsole fails the test for what the pages wrote to the console so far.
func (b *tab) checkConsole() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.msgs {
		b.t.Errorf("console: %s", m)
	}
	b.msgs = nil
}

// do runs actions and fails the test on an error.
func (b *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval returns the value of a JavaScript expression in the page.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// history runs history.back() or history.forward(). The page may go away
// before the call returns, so its error is no failure: the caller waits for
// the page it expects.
func (b *tab) history(call string) {
	b.t.Helper()
	_ = chromedp.Do(b.ctx, chromedp.Evaluate[chromedp.Void]("history."+call+"()"))
}

// waitFor polls a JavaScript condition until it holds. Errors while a page
// is replaced (no context yet) count as "not yet".
func (b *tab) waitFor(what, cond string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			loc, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string]("location.href"))
			b.t.Fatalf("waiting for %s: still not there at %s (last error: %v)", what, loc, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// at waits until the page of node has loaded and the flow has run on it.
func (b *tab) at(node string) {
	b.t.Helper()
	b.waitFor("page "+node, fmt.Sprintf(
		`document.readyState === "complete" && document.querySelector('main[data-node=%q] [role=status]')`, node))
}

// open loads a URL and waits for the load.
func (b *tab) open(url string) {
	b.t.Helper()
	b.do("opening "+url, chromedp.Navigate(url))
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always encodes
	}
	return string(b)
}
