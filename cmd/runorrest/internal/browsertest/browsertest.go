// Package browsertest starts headless Chromium for tests, with the flags
// this project's tests use, and records the problems pages report.
//
// A test that cannot find Chromium is skipped with a line saying so, except
// when the environment has CI=true: then it fails.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium finds the browser, or skips the test (fails it when CI=true).
func Chromium(t testing.TB) string {
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

// Start starts a headless Chromium with one tab, closed when the test
// ends, and returns the tab's context.
func Start(t testing.TB) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Chromium(t)),
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

// Log collects what pages report as wrong: CSP violations and other
// security messages, console errors, uncaught exceptions.
type Log struct {
	mu       sync.Mutex
	problems []string
}

// Record starts collecting the problems of the tab ctx. Requests for
// /favicon.ico are ignored: browsers ask for one whether a site has it
// or not.
func Record(t testing.TB, ctx context.Context) *Log {
	t.Helper()
	l := &Log{}
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *cdplog.EventEntryAdded:
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
			l.mu.Lock()
			l.problems = append(l.problems, msg)
			l.mu.Unlock()
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
	return l
}

// Check fails the test on every problem collected since the last Check.
func (l *Log) Check(t testing.TB) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.problems {
		t.Error(p)
	}
	l.problems = nil
}
