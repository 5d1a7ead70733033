package site

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/browsertest"
)

// TestJSONLDUnderCSP opens pages of the default guide over HTTP with
// JavaScript on: the JSON-LD block is data, so the CSP (script-src 'self',
// no inline script) must report no violation for it, and the page's own
// script can read and parse it, naming the review date the page shows.
func TestJSONLDUnderCSP(t *testing.T) {
	browsertest.Chromium(t)
	_, dir := publishDefault(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tb := newTab(t, true)
	const read = `(() => {
		const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent);
		const shown = document.querySelector("aside.reviewed time");
		return [ld["@type"], ld.lastReviewed || "", shown ? shown.dateTime : ""];
	})()`
	for _, page := range []string{"index.html", "soreness.html", "easy-run.html", "recovery.html", "about.html", "map.html"} {
		tb.open(t, srv.URL+"/"+page)
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](read))
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		if len(got) != 3 || got[0] != "MedicalWebPage" || got[1] == "" || got[1] != got[2] {
			t.Errorf("%s: JSON-LD type, lastReviewed, shown date = %q; want MedicalWebPage and the date the page shows", page, got)
		}
	}
	time.Sleep(200 * time.Millisecond) // late reports of the last page
	tb.log.Check(t)
}
