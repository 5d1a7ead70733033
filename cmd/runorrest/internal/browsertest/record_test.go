package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// fakeT collects what Check reports instead of failing the real test.
type fakeT struct {
	testing.TB
	errs []string
}

func (f *fakeT) Helper()           {}
func (f *fakeT) Error(args ...any) { f.errs = append(f.errs, fmt.Sprint(args...)) }

// TestRecord opens pages that do each kind of wrong and checks which of
// them Record reports, with and without Warnings.
func TestRecord(t *testing.T) {
	mux := http.NewServeMux()
	page := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", "script-src 'self'")
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, body)
		})
	}
	script := func(path, js string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, js)
		})
	}
	page("/clean.html", `<p>fine</p><script src="ok.js"></script>`)
	script("/ok.js", `document.title = "ok";`)
	page("/error.html", `<script src="error.js"></script>`)
	script("/error.js", `console.error("boom");`)
	page("/warn.html", `<script src="warn.js"></script>`)
	script("/warn.js", `console.warn("careful");`)
	page("/throw.html", `<script src="throw.js"></script>`)
	script("/throw.js", `throw new Error("thrown");`)
	page("/csp.html", `<script>document.title = "inline";</script>`)
	page("/missing.html", `<img src="no-such.png" alt="">`)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := Start(t)
	plain := Record(t, ctx)
	all := Record(t, ctx, Warnings())
	for _, tt := range []struct {
		page            string
		plain, warnings string // what each log reports, "" for nothing
	}{
		{"clean.html", "", ""},
		{"error.html", "error: boom", "error: boom"},
		{"warn.html", "", "warning: careful"},
		{"throw.html", "thrown", "thrown"},
		{"csp.html", "Content Security Policy", "Content Security Policy"},
		{"missing.html", "no-such.png: error", "no-such.png: error"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+tt.page)); err != nil {
			t.Fatal(err)
		}
		settle(all, tt.warnings != "")
		for _, l := range []struct {
			name string
			log  *Log
			want string
		}{{"Record", plain, tt.plain}, {"Record with Warnings", all, tt.warnings}} {
			f := &fakeT{TB: t}
			l.log.Check(f)
			got := strings.Join(f.errs, "\n")
			if (l.want == "") != (got == "") || !strings.Contains(got, l.want) {
				t.Errorf("%s on %s reported %q; want a problem with %q", l.name, tt.page, got, l.want)
			}
		}
	}

	// Check passes over the problems allowed.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/error.html")); err != nil {
		t.Fatal(err)
	}
	settle(plain, true)
	f := &fakeT{TB: t}
	plain.Check(f, "error: boom")
	if len(f.errs) != 0 {
		t.Errorf("Check with the problem allowed reported %q", f.errs)
	}
}

// settle waits for the messages of a page: until l has a problem when one
// is expected (for 10 s at the most), else a moment.
func settle(l *Log, expected bool) {
	for range 100 {
		time.Sleep(100 * time.Millisecond)
		l.mu.Lock()
		n := len(l.problems)
		l.mu.Unlock()
		if n > 0 {
			time.Sleep(200 * time.Millisecond) // the other messages of the page
			return
		}
		if !expected {
			return
		}
	}
}
