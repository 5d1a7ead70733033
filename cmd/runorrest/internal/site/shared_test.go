package site

import (
	"html/template"
	"strings"
	"testing"
)

// TestSharedQuestionsRenderOnEveryStep builds the default guide and checks
// that every step asking a shared question has a page of its own with the
// shared question's words and every one of its answers, each leading where
// the step routes it.
func TestSharedQuestionsRenderOnEveryStep(t *testing.T) {
	tree, s := build(t, defaultFS(t), Options{})
	if len(tree.Shared) == 0 {
		t.Fatal("the default guide has no shared questions")
	}
	asked := map[string]int{}
	for _, q := range tree.Questions {
		if q.Ask == "" {
			continue
		}
		asked[q.Ask]++
		shared := tree.SharedQuestion(q.Ask)
		page := string(s.Files[q.ID+".html"])
		if page == "" {
			t.Errorf("step %s has no page", q.ID)
			continue
		}
		if want := `<h1 id="q">` + template.HTMLEscapeString(shared.Text) + `</h1>`; !strings.Contains(page, want) {
			t.Errorf("%s.html has no %s", q.ID, want)
		}
		for i, o := range shared.Options {
			next := q.Options[i].Next
			if want := `data-next="` + next + `" href="` + next + `.html">` + template.HTMLEscapeString(o.Label) + `</a>`; shared.Scale == nil && !strings.Contains(page, want) {
				t.Errorf("%s.html has no answer %s", q.ID, want)
			}
		}
	}
	for _, sq := range tree.Shared {
		if asked[sq.ID] < 2 {
			t.Errorf("shared question %s is asked by %d steps; want at least 2", sq.ID, asked[sq.ID])
		}
	}
}
