package site

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"runorrest/decision"
)

// flowFixture is a small tree whose texts hold what could break out of a
// script element or a JavaScript string.
func flowFixture() *decision.Tree {
	return &decision.Tree{
		Title:    "Run or rest?",
		Start:    "soreness",
		Verdicts: []*decision.Verdict{{ID: "run", Label: "Run easy"}, {ID: "rest", Label: "Rest </script><!-- \u2028"}},
		Questions: []*decision.Question{
			{
				ID: "soreness", Text: "How sore? </script><script>alert(1)</script>", MaxRemaining: 2,
				Scale: &decision.Scale{Min: 1, Max: 10},
				Options: []*decision.Option{
					{Label: "Mild", Next: "where", Lo: 1, Hi: 2, Why: "Mild <!-- soreness\u2028eases\u2029."},
					{Label: "Painful", Next: "rest-day", Lo: 3, Hi: 10},
				},
			},
			{
				ID: "where", Text: "Where?", MaxRemaining: 1,
				Options: []*decision.Option{
					{Label: "All over", Next: "easy-run"},
					{Label: "all over!", Next: "rest-day"},
					{Label: "¿?", Next: "rest-day"},
				},
			},
		},
		Outcomes: []*decision.Outcome{
			{ID: "easy-run", Title: "Go for an easy run", Verdict: "run"},
			{ID: "rest-day", Title: "Take a rest day & \"wait\"", Verdict: "rest"},
		},
	}
}

// flowUI is a catalogue for the tree script: the script's messages go in,
// the others stay out, and no text can break the script.
var flowUI = map[string]string{"flow-back": "Back </script><!-- \u2028", "update-reload": "reload", "home": "Home"}

// treeData returns the JSON of a tree script, failing the test when the
// script is not the one statement it should be.
func treeData(t *testing.T, js []byte) []byte {
	t.Helper()
	const pre, post = "self.runorrestTree=", ";\n"
	s := string(js)
	if !strings.HasPrefix(s, pre) || !strings.HasSuffix(s, post) {
		t.Fatalf("tree script = %.60q...; want %s...%s", s, pre, post)
	}
	return []byte(s[len(pre) : len(s)-len(post)])
}

func TestFlowTreeShape(t *testing.T) {
	js, err := FlowTreeScript(flowFixture(), flowUI)
	if err != nil {
		t.Fatal(err)
	}
	var got flowTree
	if err := json.Unmarshal(treeData(t, js), &got); err != nil {
		t.Fatalf("FlowTreeScript data is not JSON: %v\n%s", err, js)
	}
	one, two, three, ten := 1, 2, 3, 10
	want := flowTree{
		Start: "soreness",
		Questions: map[string]flowQuestion{
			"soreness": {Text: "How sore? </script><script>alert(1)</script>", MaxRemaining: 2, Scale: &[2]int{1, 10}, Options: []flowOption{
				{Label: "Mild", Next: "where", Why: "Mild <!-- soreness\u2028eases\u2029.", Lo: &one, Hi: &two},
				{Label: "Painful", Next: "rest-day", Lo: &three, Hi: &ten},
			}},
			"where": {Text: "Where?", MaxRemaining: 1, Options: []flowOption{
				{Key: "all-over", Label: "All over", Next: "easy-run"},
				{Key: "all-over-2", Label: "all over!", Next: "rest-day"},
				{Key: "option", Label: "¿?", Next: "rest-day"},
			}},
		},
		Outcomes: map[string]flowOutcome{
			"easy-run": {Title: "Go for an easy run", Verdict: "Run easy"},
			"rest-day": {Title: "Take a rest day & \"wait\"", Verdict: "Rest </script><!-- \u2028"},
		},
		UI: map[string]string{"flow-back": "Back </script><!-- \u2028", "update-reload": "reload"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FlowTreeScript decoded = %+v; want %+v", got, want)
	}
}

// TestFlowTreeScriptSafe checks that no text of the tree can break the
// script: nothing that ends a script element or opens an HTML comment, and
// no raw line separator, which ends a string for ES2017 parsers.
func TestFlowTreeScriptSafe(t *testing.T) {
	js, err := FlowTreeScript(flowFixture(), flowUI)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"</script", "<!--", "-->", "<script", "\u2028", "\u2029"} {
		if strings.Contains(string(js), bad) {
			t.Errorf("tree script holds %q:\n%s", bad, js)
		}
	}
	var got flowTree
	if err := json.Unmarshal(treeData(t, js), &got); err != nil {
		t.Fatal(err)
	}
	if got, want := got.Questions["soreness"].Text, flowFixture().Questions[0].Text; got != want {
		t.Errorf("question text = %q; want %q", got, want)
	}
	if got, want := got.Questions["soreness"].Options[0].Why, flowFixture().Questions[0].Options[0].Why; got != want {
		t.Errorf("why = %q; want %q", got, want)
	}
}

func TestFlowTreeDeterministic(t *testing.T) {
	a, err := FlowTreeScript(flowFixture(), flowUI)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		if b, _ := FlowTreeScript(flowFixture(), flowUI); !bytes.Equal(a, b) {
			t.Fatalf("FlowTreeScript differs between runs:\n%s\n%s", a, b)
		}
	}
}

// TestFlowKeysSameInEveryLanguage checks that an option's key is its id in
// the original and in a translation, and that the original also gives the
// key older builds made from the label.
func TestFlowKeysSameInEveryLanguage(t *testing.T) {
	orig := &decision.Tree{Start: "where", Questions: []*decision.Question{{ID: "where", Text: "Where?", Options: []*decision.Option{
		{ID: "both-legs", Label: "All over, on both legs", Next: "end"}, {Label: "One spot", Next: "end"},
	}}}, Outcomes: []*decision.Outcome{{ID: "end", Title: "End"}}}
	es := &decision.Tree{Start: "where", Original: orig, Questions: []*decision.Question{{ID: "where", Text: "¿Dónde?", Options: []*decision.Option{
		{ID: "both-legs", Label: "Por todas partes", Next: "end"}, {Label: "En un punto", Next: "end"},
	}}}, Outcomes: []*decision.Outcome{{ID: "end", Title: "Fin"}}}
	for _, c := range []struct {
		tree *decision.Tree
		want []flowOption
	}{
		{orig, []flowOption{{Key: "both-legs", Old: "all-over-on", Label: "All over, on both legs", Next: "end"}, {Key: "one-spot", Label: "One spot", Next: "end"}}},
		{es, []flowOption{{Key: "both-legs", Label: "Por todas partes", Next: "end"}, {Key: "one-spot", Label: "En un punto", Next: "end"}}},
	} {
		js, err := FlowTreeScript(c.tree, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got flowTree
		if err := json.Unmarshal(treeData(t, js), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Questions["where"].Options, c.want) {
			t.Errorf("options = %+v; want %+v", got.Questions["where"].Options, c.want)
		}
	}
}
