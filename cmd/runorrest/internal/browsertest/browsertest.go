// Package browsertest starts headless Chromium for tests, with the flags
// this project's tests use, and records the problems pages report.
//
// A test that cannot find Chromium is skipped with a line saying so, except
// when the environment has CI=true: then it fails. RUNORREST_CHROMIUM, when
// set, is the path of the browser to use.
//
// Start gives a test a browser of its own; Launch starts one that many
// tests share, each in tabs of its own (see Browser.Tab). Every browser
// starts with a fresh, empty profile (user data directory), removed when
// the browser ends, so service workers, caches and storage never leak from
// one browser to the next.
package browsertest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// errNoChromium is why a browser could not start when none is installed.
var errNoChromium = errors.New("Chromium not found (apt-get install chromium, or set RUNORREST_CHROMIUM)")

// find returns the path of the browser.
func find() (string, error) {
	if p := os.Getenv("RUNORREST_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errNoChromium
}

// Missing skips the test because something it needs (why) is not there,
// or fails it when CI=true, where every tool must be there.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why + " (CI=true: the browser tests must run)")
	}
	t.Skip("skipping: " + why)
}

// Chromium finds the browser, or skips the test (fails it when CI=true).
func Chromium(t testing.TB) string {
	t.Helper()
	p, err := find()
	if err != nil {
		Missing(t, err.Error())
	}
	return p
}

// config is what the options set.
type config struct {
	timeout time.Duration
}

// Option changes how Start and Launch run the browser.
type Option func(*config)

// Timeout bounds how long a tab may live (2 minutes when not set): a guard
// against a hung page, not a measure of speed.
func Timeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

func newConfig(opts []Option) config {
	c := config{timeout: 2 * time.Minute}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// allocator starts the browser at path with the project's flags.
func allocator(path string) (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	return chromedp.NewExecAllocator(context.Background(), opts...)
}

// Start starts a headless Chromium with one tab, closed when the test
// ends, and returns the tab's context.
func Start(t testing.TB, opts ...Option) context.Context {
	t.Helper()
	c := newConfig(opts)
	actx, cancel := allocator(Chromium(t))
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, c.timeout)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// Browser is one Chromium that many tests share, for example from
// TestMain. Each test opens its own tabs with Tab.
type Browser struct {
	ctx     context.Context // the first tab; nil when the browser did not start
	err     error           // why it did not start
	cfg     config
	cancels []context.CancelFunc
}

// Launch starts a shared headless Chromium. It never fails: when the
// browser cannot start, Tab skips (or, under CI=true, fails) each test
// with the reason. Call Close when the tests are done.
func Launch(opts ...Option) *Browser {
	b := &Browser{cfg: newConfig(opts)}
	path, err := find()
	if err != nil {
		b.err = err
		return b
	}
	actx, cancelAlloc := allocator(path)
	ctx, cancel := chromedp.NewContext(actx)
	b.cancels = []context.CancelFunc{cancel, cancelAlloc}
	if err := chromedp.Do(ctx); err != nil {
		b.err = errors.New("Chromium at " + path + " did not start: " + err.Error())
		b.Close()
		return b
	}
	b.ctx = ctx
	return b
}

// Close stops the browser.
func (b *Browser) Close() {
	for _, cancel := range b.cancels {
		cancel()
	}
	b.cancels = nil
}

// Tab opens a tab in a browser context of its own (its own storage and
// cache, so tests can run side by side), closed when the test ends, and
// returns the tab's context.
func (b *Browser) Tab(t testing.TB) context.Context {
	t.Helper()
	if b.ctx == nil {
		Missing(t, b.err.Error())
	}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, b.cfg.timeout)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}
