package decision

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"runorrest/decision/readability"
)

// lines is a stand-in for a Markdown flattener: one block per line of the
// text, positioned within it.
func lines(md string) []readability.Block {
	var out []readability.Block
	for i, l := range strings.Split(md, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, readability.Block{{Text: l, Line: i + 1, Col: 1}})
		}
	}
	return out
}

const hardTree = `title: Run or rest?
start: soreness
verdicts:
  run:
    label: Run easy
questions:
  soreness:
    text: "How sore are your legs?"
    help: |
      Pick a number.

      Musculoskeletal discomfort of considerable intensity necessitates an immediate reconsideration of your originally intended exercise.
    options:
      - label: Mild
        next: easy-run
      - label: 'Painful'
        next: easy-run
        why: Stop.
outcomes:
  easy-run:
    title: Go for an easy run
    verdict: run
    page: outcomes/easy-run.md
scenarios: []
`

// TestQuestionReadings checks that a question's texts are measured
// together and that the hardest sentence is placed where it is written.
func TestQuestionReadings(t *testing.T) {
	tree, err := Parse(TreeFile, []byte(hardTree), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, x := range tree.Texts {
		fields = append(fields, x.Field)
	}
	if got := strings.Join(fields, " "); got != "text help label label why" {
		t.Errorf("Texts fields = %q; want text help label label why", got)
	}
	rs := tree.QuestionReadings(lines)
	if len(rs) != 1 || rs[0].Name != "question soreness" || rs[0].File != TreeFile {
		t.Fatalf("QuestionReadings = %+v; want one for question soreness", rs)
	}
	r := rs[0]
	// How sore are your legs? / Pick a number. / Musculoskeletal ... / Mild / Painful / Stop.
	if r.Sentences != 6 {
		t.Errorf("sentences = %d; want 6", r.Sentences)
	}
	if h := r.Hardest; h.Line != 12 || h.Col != 7 || !strings.HasPrefix(h.Text, "Musculoskeletal") {
		t.Errorf("hardest = %d:%d %q; want 12:7 Musculoskeletal...", h.Line, h.Col, h.Text)
	}
	p := r.Check(DefaultReadingAge)
	if p == nil {
		t.Fatalf("Check(11) = nil; want a warning (grade %.1f)", r.Grade())
	}
	want := `content/tree.yaml:12:7: warning: question soreness reads at grade `
	if got := p.Error(); !strings.HasPrefix(got, want) || !strings.Contains(got, `above the target 6 (reading age 11); its hardest sentence starts here: "Musculoskeletal discomfort of considerable intensity..." (14 words, 10 long) (split long sentences and use shorter words)`) || !errors.Is(p, ErrReadingLevel) || !p.Warning {
		t.Errorf("Check(11) = %q", got)
	}
	if p := r.Check(21); p != nil {
		t.Errorf("Check(21) = %v; want nil: grade %.1f is below 16", p, r.Grade())
	}
	// Positions of the other texts: quoted values start after the quote.
	for _, x := range tree.Texts {
		want := map[string]Pos{"text": {8, 12}, "help": {10, 7}, "why": {18, 14}}[x.Field]
		if want != (Pos{}) && x.Pos != want {
			t.Errorf("%s at %v; want %v", x.Field, x.Pos, want)
		}
	}
}

func TestReadingTargetMet(t *testing.T) {
	r := Reading{File: "content/a.md", Name: "a.md", Result: readability.Measure([]readability.Block{{{Text: "Rest today. Walk if you like.", Line: 5, Col: 1}}})}
	if p := r.Check(DefaultReadingAge); p != nil {
		t.Errorf("Check of plain text = %v; want nil", p)
	}
	if f := r.Formula(); f != "Flesch-Kincaid grade" {
		t.Errorf("English reading by %q; want Flesch-Kincaid grade", f)
	}
	if f := (Reading{}).Formula(); f != "Flesch-Kincaid grade" {
		t.Errorf("reading of no language by %q; want English's, Flesch-Kincaid grade", f)
	}
	if GradeForAge(11) != 6 || GradeForAge(9) != 4 {
		t.Errorf("GradeForAge(11), (9) = %v, %v; want 6, 4", GradeForAge(11), GradeForAge(9))
	}
}

// TestReadingAtTarget checks the target's edge: a text is compared by the
// grade its report shows, rounded to one decimal, so one at exactly the
// target passes and a target one grade lower warns.
func TestReadingAtTarget(t *testing.T) {
	text := "Easy running helps sore legs recover, so take it gently." // 10 words, 15 syllables: grade 6.01
	r := Reading{File: "content/a.md", Name: "a.md", Result: readability.Measure([]readability.Block{{{Text: text, Line: 3, Col: 1}}})}
	if r.Grade() != 6 || r.Result.Grade() <= 6 {
		t.Fatalf("grade %v (by the formula %v); want 6.0, from a little above 6", r.Grade(), r.Result.Grade())
	}
	if p := r.Check(11); p != nil {
		t.Errorf("Check(11) at grade 6.0 = %v; want nil: the target 6 is met", p)
	}
	p := r.Check(10)
	if p == nil {
		t.Fatal("Check(10) at grade 6.0 = nil; want a warning above the target 5")
	}
	if got, want := p.Error(), `content/a.md:3:1: warning: a.md reads at grade 6.0, above the target 5 (reading age 10); its hardest sentence starts here: "Easy running helps sore legs recover, so take it gently." (10 words, 1 long) (split long sentences and use shorter words)`; got != want {
		t.Errorf("Check(10) = %s\nwant       %s", got, want)
	}
}

// TestShorten checks how a hardest sentence is cut for a message: whole up
// to the limit, else at the last space before it, or at the limit itself
// when that space would drop more than half.
func TestShorten(t *testing.T) {
	tests := []struct{ s, want string }{
		{"", ""},
		{"Rest.", "Rest."},
		{"Rest today, walk tomorrow", "Rest today, walk tomorrow"},       // 25 bytes: whole at the limit
		{"Rest today, walk tomorrows", "Rest today, walk..."},            // 26: cut at the last space
		{"Rest today and walk, then sleep", "Rest today and walk..."},    // a comma before it goes too
		{"Resting is good: walkingtomorrow", "Resting is good..."},       // and a colon
		{"Rest12345678 tomorrowandafter", "Rest12345678..."},             // the last space at 12, half of 25: cut there
		{"Rest1234567 tomorrowandafter", "Rest1234567 tomorrowandaf..."}, // at 11: cut at 25
		{"Resttodaywalktomorrowandmore", "Resttodaywalktomorrowandm..."}, // no space
	}
	for _, tt := range tests {
		if got := shorten(tt.s, 25); got != tt.want {
			t.Errorf("shorten(%q, 25) = %q; want %q", tt.s, got, tt.want)
		}
	}
}

// TestSharedReadings measures a shared question once, and a step that asks
// it only for its own why lines.
func TestSharedReadings(t *testing.T) {
	data := readFiles(t, "testdata/good/shared.yaml")["testdata/good/shared.yaml"]
	tree, err := Load(pagesFS(t, data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, r := range tree.QuestionReadings(lines) {
		if names[r.Name] {
			t.Errorf("%s measured twice", r.Name)
		}
		names[r.Name] = true
	}
	for _, s := range tree.Shared {
		if !names["shared question "+s.ID] {
			t.Errorf("shared question %s not measured (have %v)", s.ID, names)
		}
	}
	for _, q := range tree.Questions {
		if q.Ask != "" && names["question "+q.ID] != hasWhy(tree, q.ID) {
			t.Errorf("step %s measured = %v; want it measured only for why lines of its own", q.ID, names["question "+q.ID])
		}
	}
}

// TestSharedReadingsNotAsked measures shared questions that no step asks
// too (check warns about them, and a reader never sees them, but they are
// the tree's words), also when there are more of them than questions.
func TestSharedReadingsNotAsked(t *testing.T) {
	data := strings.Replace(hardTree, "questions:\n", `shared:
  where:
    text: Where is it sore?
    options:
      - {id: all-over, label: All over}
      - {id: one-spot, label: One spot}
  tired:
    text: Do you feel tired?
    options:
      - {id: "yes", label: "Yes"}
      - {id: "no", label: "No"}
questions:
`, 1)
	tree, err := Parse(TreeFile, []byte(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Shared) != 2 || len(tree.Questions) != 1 {
		t.Fatalf("%d shared questions, %d questions; want 2 and 1", len(tree.Shared), len(tree.Questions))
	}
	var names []string
	for _, r := range tree.QuestionReadings(lines) {
		names = append(names, fmt.Sprintf("%s: %d sentences", r.Name, r.Sentences))
	}
	if got, want := strings.Join(names, "; "), "question soreness: 6 sentences; shared question where: 3 sentences; shared question tired: 3 sentences"; got != want {
		t.Errorf("readings %s; want %s", got, want)
	}
}

func hasWhy(t *Tree, id string) bool {
	for _, x := range t.Texts {
		if x.Question == id && !x.Shared {
			return true
		}
	}
	return false
}

// TestQuestionReadingsInParallel checks that a tree large enough to be
// measured on several processors gives the readings one processor gives,
// in the same order.
func TestQuestionReadingsInParallel(t *testing.T) {
	tree, err := Parse(TreeFile, treeYAML(wideTree(100, 5)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	procs := runtime.GOMAXPROCS(1)
	one := tree.QuestionReadings(lines)
	runtime.GOMAXPROCS(4)
	four := tree.QuestionReadings(lines)
	runtime.GOMAXPROCS(procs)
	if len(one) != len(tree.Questions) {
		t.Fatalf("%d readings; want one per question, %d", len(one), len(tree.Questions))
	}
	if !reflect.DeepEqual(one, four) {
		t.Error("readings on four processors differ from those on one")
	}
}
