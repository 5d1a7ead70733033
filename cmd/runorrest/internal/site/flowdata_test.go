package site

import (
	"bytes"
	"encoding/json"
	"html/template"
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

func TestFlowTreeShape(t *testing.T) {
	js, err := FlowTree(flowFixture())
	if err != nil {
		t.Fatal(err)
	}
	var got flowTree
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatalf("FlowTree output is not JSON: %v\n%s", err, js)
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
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FlowTree decoded = %+v; want %+v", got, want)
	}
}

// TestFlowTreeInScript puts the JSON in a page the way the base template
// does and reads it back: nothing may end the element early, and the text
// must survive unchanged.
func TestFlowTreeInScript(t *testing.T) {
	js, err := FlowTree(flowFixture())
	if err != nil {
		t.Fatal(err)
	}
	page := template.Must(template.New("p").Parse(`<body><script type="application/json" id="flow-tree">{{.}}</script></body>`))
	var b bytes.Buffer
	if err := page.Execute(&b, js); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<!--", "<script>", "\u2028", "\u2029"} {
		if strings.Contains(out, bad) {
			t.Errorf("page holds %q:\n%s", bad, out)
		}
	}
	if got := strings.Count(out, "</script>"); got != 1 {
		t.Errorf("page has %d </script>; want 1 (the element's own end):\n%s", got, out)
	}
	const open = `<script type="application/json" id="flow-tree">`
	body := out[strings.Index(out, open)+len(open) : strings.LastIndex(out, "</script>")]
	var got flowTree
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("JSON in the page does not decode: %v\n%s", err, body)
	}
	if got, want := got.Questions["soreness"].Text, flowFixture().Questions[0].Text; got != want {
		t.Errorf("question text = %q; want %q", got, want)
	}
	if got, want := got.Questions["soreness"].Options[0].Why, flowFixture().Questions[0].Options[0].Why; got != want {
		t.Errorf("why = %q; want %q", got, want)
	}
}

func TestFlowTreeDeterministic(t *testing.T) {
	a, err := FlowTree(flowFixture())
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		if b, _ := FlowTree(flowFixture()); b != a {
			t.Fatalf("FlowTree differs between runs:\n%s\n%s", a, b)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"All over", "all-over"},
		{"  One side only! ", "one-side-only"},
		{"All over, on both legs", "all-over-on"},
		{"I don't know yet, or it doesn't", "i-don-t"},
		{"1-2 days", "1-2-days"},
		{"Übel", "bel"},
		{"?!", ""},
	} {
		if got := slug(tc.in, 3); got != tc.want {
			t.Errorf("slug(%q, 3) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
