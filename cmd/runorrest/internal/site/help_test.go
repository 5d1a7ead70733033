package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// helpTree has two questions with help of their own, one without help, and
// a shared question with help that two steps ask.
const helpTree = `title: Sore legs test guide
start: soreness
verdicts:
  run:
    label: Run easy
    tone: go
  cross:
    label: Cross-train
    tone: caution
  rest:
    label: Rest
    tone: stop
shared:
  tired:
    text: Do you feel drained?
    help: Count poor sleep as drained too.
    options:
      - id: "yes"
        label: "Yes"
      - id: "no"
        label: "No"
questions:
  soreness:
    text: How sore are your legs?
    help: Pick a number after a few steps.
    scale:
      min: 1
      max: 10
    options:
      - label: Mild
        values: 1-2
        next: where
      - label: Painful
        values: 3-10
        next: tired-pain
  where:
    text: Where is it sore?
    help: Both legs alike is the ordinary kind.
    options:
      - label: All over
        next: tired-mild
      - label: One spot
        next: stiff
  stiff:
    text: Is it stiff rather than sharp?
    options:
      - label: Stiff
        next: cross-train
      - label: Sharp
        next: rest-day
  tired-mild:
    ask: tired
    next:
      "yes": cross-train
      "no": easy-run
  tired-pain:
    ask: tired
    next:
      "yes": rest-day
      "no": cross-train
outcomes:
  easy-run:
    title: Go for an easy run
    verdict: run
    page: outcomes/easy-run.md
  cross-train:
    title: Cross-train today
    verdict: cross
    page: outcomes/cross-train.md
  rest-day:
    title: Take a rest day
    verdict: rest
    page: outcomes/rest-day.md
scenarios: []
`

// TestQuestionHelp checks that each question's page shows its own help and
// no other: a question's own help, a shared question's help on every step
// that asks it, and no help box on a question without help.
func TestQuestionHelp(t *testing.T) {
	fsys := fixtureFS(t, "guide")
	fsys["content/tree.yaml"] = &fstest.MapFile{Data: []byte(helpTree)}
	_, s := build(t, fsys, Options{})
	helps := map[string]string{
		"soreness":   "Pick a number after a few steps.",
		"where":      "Both legs alike is the ordinary kind.",
		"stiff":      "",
		"tired-mild": "Count poor sleep as drained too.",
		"tired-pain": "Count poor sleep as drained too.",
	}
	for id, want := range helps {
		page := string(s.Files[id+".html"])
		if page == "" {
			t.Errorf("no %s.html", id)
			continue
		}
		box := strings.Count(page, `<div class="help">`)
		if want == "" {
			if box != 0 {
				t.Errorf("%s.html has %d help boxes; want none", id, box)
			}
			continue
		}
		if box != 1 {
			t.Errorf("%s.html has %d help boxes; want 1", id, box)
		}
		for _, other := range helps {
			if has := strings.Contains(page, other); other != "" && has != (other == want) {
				t.Errorf("%s.html shows help %q: %v; want %v", id, other, has, other == want)
			}
		}
	}
}
