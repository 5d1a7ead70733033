package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/browsertest"
)

// browser is the one Chromium of the package.
var browser *browsertest.Browser

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	defer removeGuide()
	defer removeLangGuide()
	browser = browsertest.Launch(browsertest.Timeout(3 * time.Minute))
	defer browser.Close()
	return m.Run()
}

// tab is a browser tab emulating a phone, in a browser context of its own
// (its own storage and cache), so tests can run side by side. Every console
// error, warning or uncaught exception on any page it shows fails the test.
type tab struct {
	t   *testing.T
	ctx context.Context
	log *browsertest.Log
}

func newTab(t *testing.T) *tab {
	t.Helper()
	ctx := browser.Tab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb := &tab{t: t, ctx: ctx, log: browsertest.Record(t, ctx, browsertest.Warnings())}
	t.Cleanup(func() { tb.log.Check(t) })
	return tb
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
