package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFlowResumePerGuide serves two copies of the guide on one origin, under
// /x/ and /y/: a walk left half done in one is offered on the home page of
// that one only, never of the other.
func TestFlowResumePerGuide(t *testing.T) {
	t.Parallel()
	tree, _ := builtGuide(t)
	mux := http.NewServeMux()
	mux.Handle("/x/", staticHost(guide.dir, "/x/"))
	mux.Handle("/y/", staticHost(guide.dir, "/y/"))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	x, y := srv.URL+"/x/", srv.URL+"/y/"

	p := longest(tree)
	b := newTab(t)
	b.start(x, tree)
	b.clickTo(optionLink(p.Steps[0].Question, p.Steps[0].Option), p.Steps[1].Question.ID)

	b.open(y + "index.html")
	if eval[bool](b, `!!document.querySelector(".flow-resume")`) {
		t.Error("the guide under /y/ offers to resume a walk left in the guide under /x/")
	}
	b.open(x + "index.html")
	b.waitFor("the offer to resume", `document.querySelector(".flow-resume")`)

	// A walk left in /y/ is /y/'s own, and leaves /x/'s in place.
	b.start(y, tree)
	b.clickTo(optionLink(p.Steps[0].Question, p.Steps[0].Option), p.Steps[1].Question.ID)
	b.clickTo(optionLink(p.Steps[1].Question, p.Steps[1].Option), p.Steps[2].Question.ID)
	b.open(y + "index.html")
	b.waitFor("the offer to resume", `document.querySelector(".flow-resume")`)
	if got := b.text(".flow-resume p"); !strings.Contains(got, "question 3 ") {
		t.Errorf("/y/ offers %q; want its own walk, at question 3", got)
	}
	b.open(x + "index.html")
	b.waitFor("the offer to resume", `document.querySelector(".flow-resume")`)
	if got := b.text(".flow-resume p"); !strings.Contains(got, "question 2 ") {
		t.Errorf("/x/ offers %q; want its own walk, at question 2", got)
	}
}
