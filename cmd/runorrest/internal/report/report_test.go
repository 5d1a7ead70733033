package report

import (
	"strings"
	"testing"

	"runorrest/decision"
	"runorrest/decision/readability"
)

func TestWriteGitHub(t *testing.T) {
	ps := decision.Problems{
		{File: "content/a,b:c.md", Pos: decision.Pos{Line: 3, Col: 7}, Msg: "100% wrong\nreally", Hint: "fix it", Warning: true},
		{File: "content/tree.yaml", Pos: decision.Pos{Line: 1, Col: 1}, Msg: "bad"},
	}
	var b strings.Builder
	if err := WriteGitHub(&b, ps); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=content/a%2Cb%3Ac.md,line=3,col=7,title=runorrest check::100%25 wrong%0Areally (fix it)\n" +
		"::error file=content/tree.yaml,line=1,col=1,title=runorrest check::bad\n"
	if b.String() != want {
		t.Errorf("WriteGitHub =\n%s\nwant\n%s", b.String(), want)
	}
}

func TestSortAndWorst(t *testing.T) {
	ps := decision.Problems{
		{File: "content/tree.yaml", Pos: decision.Pos{Line: 2, Col: 1}, Msg: "b"},
		{File: "content/about.md", Pos: decision.Pos{Line: 9, Col: 1}, Msg: "a"},
		{File: "content/tree.yaml", Pos: decision.Pos{Line: 1, Col: 5}, Msg: "c", Warning: true},
	}
	decision.SortProblems(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Msg)
	}
	if strings.Join(got, "") != "acb" || Errors(ps) != 2 {
		t.Errorf("SortProblems = %v, Errors = %d; want [a c b], 2", got, Errors(ps))
	}
	measure := func(s string) readability.Result {
		return readability.Measure([]readability.Block{{{Text: s, Line: 1, Col: 1}}})
	}
	rs := []decision.Reading{
		{File: "b.md", Name: "b.md", Result: measure("Rest.")},
		{File: "a.md", Name: "a.md", Result: measure("Considerable inflammation necessitates recuperation.")},
		{File: "a2.md", Name: "a2.md", Result: measure("Rest.")},
	}
	var names []string
	for _, r := range Worst(rs) {
		names = append(names, r.Name)
	}
	if strings.Join(names, " ") != "a.md a2.md b.md" {
		t.Errorf("Worst = %v; want a.md a2.md b.md", names)
	}
}

// TestTableLanguages names each language's formula under the table, and
// says of a language with none that it is not measured, in the table and
// in JSON.
func TestTableLanguages(t *testing.T) {
	block := func(s string) []readability.Block { return []readability.Block{{{Text: s, Line: 1, Col: 1}}} }
	rs := []decision.Reading{
		{File: "content/tree.yaml", Name: "question a", Result: readability.Measure(block("Rest today."))},
		{File: "content/es/words.yaml", Name: "question a", Result: readability.Spanish.Measure(block("Descansa hoy."))},
	}
	var b strings.Builder
	if err := WriteTable(&b, rs, 11); err != nil {
		t.Fatal(err)
	}
	if err := WriteUnmeasured(&b, []string{"content/de/words.yaml"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"target: grade 6 (reading age 11), Flesch-Kincaid grade level; es: Fernández Huerta reading ease as a grade; ! marks a row above it\n",
		"content/de/words.yaml: no reading-level formula suits this language; its words and pages are not measured\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table:\n%s\nwant a line %q", b.String(), want)
		}
	}
	var j strings.Builder
	if err := WriteJSON(&j, Result{Reading: rs, Unmeasured: []string{"content/de/words.yaml"}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"formula": "Fernández Huerta reading ease"`, `"score": `, `"unmeasured": [
    "content/de/words.yaml"
  ]`} {
		if !strings.Contains(j.String(), want) {
			t.Errorf("JSON:\n%s\nwant %s", j.String(), want)
		}
	}
}
