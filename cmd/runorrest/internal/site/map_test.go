package site

import (
	"bytes"
	"os"
	"regexp"
	"testing"

	"runorrest/cmd/runorrest/internal/publish"
)

// TestMapPage checks map.html of the default guide: linked from the home
// page, a link to every question and outcome page, a legend with every
// verdict's label in its tone, no inline style, and
// within the 14 KB (gzip) budget of a first round trip.
func TestMapPage(t *testing.T) {
	tree, s := build(t, os.DirFS(repoRoot), Options{})
	page, ok := s.Files["map.html"]
	if !ok {
		t.Fatal("the site has no map.html")
	}
	if !bytes.Contains(s.Files["index.html"], []byte(`href="map.html"`)) {
		t.Error("index.html does not link to map.html")
	}
	for _, q := range tree.Questions {
		if !bytes.Contains(page, []byte(`<a href="`+q.ID+`.html" class="q">`)) {
			t.Errorf("map.html has no link to question %s", q.ID)
		}
	}
	for _, o := range tree.Outcomes {
		if !bytes.Contains(page, []byte(`<a href="`+o.ID+`.html" class="o `)) {
			t.Errorf("map.html has no link to outcome %s", o.ID)
		}
	}
	for _, v := range tree.Verdicts {
		if !bytes.Contains(page, []byte(`<li class="tone-`+v.Tone+`">`+v.Label+`</li>`)) {
			t.Errorf("map.html's legend does not show verdict %s as %q in tone %s", v.ID, v.Label, v.Tone)
		}
	}
	if regexp.MustCompile(`\sstyle=`).Match(page) {
		t.Error("map.html has a style= attribute, which the CSP forbids")
	}
	if got, budget := publish.GzipSize(page), int64(14<<10); got > budget {
		t.Errorf("map.html is %d bytes gzipped; the budget is %d", got, budget)
	}
}

// TestMapPageTooBig checks that a guide too big for one map gets a map
// page that says so instead of megabytes of SVG.
func TestMapPageTooBig(t *testing.T) {
	_, s := build(t, generated(t, 400), Options{})
	page := s.Files["map.html"]
	if bytes.Contains(page, []byte("<svg")) || !bytes.Contains(page, []byte("too many questions to draw")) {
		t.Errorf("map.html of a 400-node guide:\n%s", page)
	}
}
