package site

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/decision"
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
	for _, q := range tree.Questions {
		if !bytes.Contains(page, []byte(`<a class="map-node" href="`+q.ID+`.html">`)) {
			t.Errorf("map.html's list has no link to question %s", q.ID)
		}
	}
	for _, o := range tree.Outcomes {
		if !bytes.Contains(page, []byte(`<a class="map-node tone-`+tree.Verdict(o.Verdict).Tone+`" href="`+o.ID+`.html">`)) {
			t.Errorf("map.html's list has no link to outcome %s", o.ID)
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
	if bytes.Contains(page, []byte("<svg")) || bytes.Contains(page, []byte("map-list")) || !bytes.Contains(page, []byte("too many questions to draw")) {
		t.Errorf("map.html of a 400-node guide:\n%s", page)
	}
}

// TestMapList lists a tree where two answers lead to one question: its
// answers are listed under the first, and the second names it as seen.
func TestMapList(t *testing.T) {
	tree := &decision.Tree{
		Start:    "a",
		Verdicts: []*decision.Verdict{{ID: "run", Label: "Run easy", Tone: "go"}, {ID: "rest", Label: "Rest", Tone: "stop"}},
		Questions: []*decision.Question{
			{ID: "a", Text: "A?", Options: []*decision.Option{{Label: "To b", Next: "b"}, {Label: "To c", Next: "c"}}},
			{ID: "b", Text: "B?", Options: []*decision.Option{{Label: "To c", Next: "c"}, {Label: "Run", Next: "run"}}},
			{ID: "c", Text: "C?", Options: []*decision.Option{{Label: "Run", Next: "run"}, {Label: "Rest", Next: "rest"}}},
		},
		Outcomes: []*decision.Outcome{{ID: "run", Title: "Go", Verdict: "run"}, {ID: "rest", Title: "Stay", Verdict: "rest"}},
	}
	var got []string
	var walk func(it *mapItem, depth int)
	walk = func(it *mapItem, depth int) {
		s := fmt.Sprintf("%*s%s %s", 2*depth, "", it.Href, it.Text)
		if it.Verdict != "" {
			s += " (" + it.Verdict + ", " + it.Tone + ")"
		}
		if it.Seen {
			s += " seen"
		}
		got = append(got, s)
		for _, a := range it.Answers {
			got = append(got, fmt.Sprintf("%*s> %s", 2*depth+1, "", a.Label))
			walk(a.Next, depth+1)
		}
	}
	walk(mapList(tree), 0)
	want := []string{
		"a.html A?",
		" > To b",
		"  b.html B?",
		"   > To c",
		"    c.html C?",
		"     > Run",
		"      run.html Go (Run easy, go)",
		"     > Rest",
		"      rest.html Stay (Rest, stop)",
		"   > Run",
		"    run.html Go (Run easy, go)",
		" > To c",
		"  c.html C? seen",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mapList =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
