package site

import (
	"reflect"
	"testing"
	"time"

	"runorrest/decision"
)

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := decision.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		in        string
		head      string
		body      string
		line      int
		has, fail bool
	}{
		{"no front matter\n", "", "no front matter\n", 0, false, false},
		{"---\ntitle: a\n---\nbody\n", "title: a\n", "body\n", 3, true, false},
		{"\xef\xbb\xbf---\r\ntitle: a\r\n---\r\nbody", "title: a\r\n", "body", 3, true, false},
		{"---\n---\n", "", "", 2, true, false},
		{"---\ntitle: a\n\ndescription: b\n---\nbody\n", "title: a\n\ndescription: b\n", "body\n", 5, true, false},
		{"---\n\n---\n\nbody\n", "\n", "\nbody\n", 3, true, false},
		{"---\ntitle: a\n---", "title: a\n", "", 3, true, false},
		{"---\ntitle: a\n", "", "", 0, true, true},
	}
	for _, tt := range tests {
		head, body, line, has, p := splitFrontMatter([]byte(tt.in))
		if string(head) != tt.head || string(body) != tt.body || line != tt.line || has != tt.has || (p != nil) != tt.fail {
			t.Errorf("splitFrontMatter(%q) = %q, %q, %d, %v, %v; want %q, %q, %d, %v, fail %v",
				tt.in, head, body, line, has, p, tt.head, tt.body, tt.line, tt.has, tt.fail)
		}
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		in    string
		want  frontMatter
		probs []fmProblem
	}{
		{"title: Recovery: the basics\ndescription: 'It''s fine'\norder: 3\n",
			frontMatter{Title: "Recovery: the basics", Description: "It's fine", Order: 3, HasOrder: true}, nil},
		{"# a comment\n\ntitle: \"A \\\"quoted\\\" title\"\ndescription: d\n",
			frontMatter{Title: `A "quoted" title`, Description: "d"}, nil},
		{"title: a\ndescription: b\norder: -1\n", frontMatter{Title: "a", Description: "b", Order: -1, HasOrder: true}, nil},
		{"title:\ndescription: b\n", frontMatter{Description: "b"},
			[]fmProblem{{2, 7, "title is empty", "write a value after the colon"}}},
		{"title: \"open\ndescription: b\n", frontMatter{Description: "b"},
			[]fmProblem{{2, 8, `value "open is not a well-formed quoted text`, "close the quotes"}}},
		{"title: '\ndescription: b\n", frontMatter{Description: "b"},
			[]fmProblem{{2, 8, `value ' has no closing quote`, "close the quotes"}}},
		{"title: ''\ndescription: b\n", frontMatter{Description: "b"},
			[]fmProblem{{2, 8, "title is empty", "write a value after the colon"}}},
		{"title: 'x'\ndescription: 'It''s'\n", frontMatter{Title: "x", Description: "It's"}, nil},
		{"title: a\n description: b\n", frontMatter{Title: "a"},
			[]fmProblem{{3, 1, `line " description: b" is not "key: value"`, "write title: ..., description: ..., order: ..., reviewed: ... or reviewer: ..."},
				{1, 1, "front matter has no description", "add a line description: ..."}}},
		{"title: a\ndescription: b\nreviewed: 2026-11-20\nreviewer: Sam Okafor, physio\n",
			frontMatter{Title: "a", Description: "b", Review: decision.Review{Date: day(t, "2026-11-20"), By: "Sam Okafor, physio", Pos: decision.Pos{Line: 4, Col: 11}}}, nil},
		{"title: a\ndescription: b\nreviewed: '2026-11-20'\nreviewer: S\n",
			frontMatter{Title: "a", Description: "b", Review: decision.Review{Date: day(t, "2026-11-20"), By: "S", Pos: decision.Pos{Line: 4, Col: 11}}}, nil},
		{"title: a\ndescription: b\nreviewed: 2026-02-30\nreviewer: S\n", frontMatter{Title: "a", Description: "b"},
			[]fmProblem{{4, 11, `reviewed: date "2026-02-30" is not a date written YYYY-MM-DD`, "write the day of the review, such as 2026-11-20"}}},
		{"title: a\ndescription: b\nreviewed: 2026-11-20\n", frontMatter{Title: "a", Description: "b"},
			[]fmProblem{{4, 1, "front matter has a reviewed date but no reviewer", "add a line reviewer: with who reviewed the page"}}},
		{"title: a\ndescription: b\nreviewer: S\n", frontMatter{Title: "a", Description: "b"},
			[]fmProblem{{4, 1, "front matter has a reviewer but no reviewed date", "add a line reviewed: with the day of the review, such as 2026-11-20"}}},
		{"title: a\ndescription: b\nreviewer:\n", frontMatter{Title: "a", Description: "b"},
			[]fmProblem{{4, 10, "reviewer is empty", "write a value after the colon"}}},
		{"title: a\ndescription: b\nreviewd: 2026-11-20\n", frontMatter{Title: "a", Description: "b"},
			[]fmProblem{{4, 1, `unknown key "reviewd"`, "use title, description, order, reviewed, reviewer or translated-from"}}},
	}
	for _, tt := range tests {
		got, probs := parseFrontMatter([]byte(tt.in), true)
		if got != tt.want || !reflect.DeepEqual(probs, tt.probs) {
			t.Errorf("parseFrontMatter(%q) =\n %+v, %+v\nwant\n %+v, %+v", tt.in, got, probs, tt.want, tt.probs)
		}
	}
}

// FuzzFrontMatter: any input gives a result or problems with sane
// positions, never a panic.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: a\ndescription: b\norder: 1\n---\nbody\n",
		"---\ntitle: \"x\\\"y\"\n---\n",
		"---\ntitle: 'a''b'\n---",
		"---\n: x\n---\n",
		"---\ntitle: a\n",
		"plain\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		head, body, line, _, p := splitFrontMatter(data)
		if p != nil {
			return
		}
		if len(head)+len(body) > len(data) || line < 0 {
			t.Fatalf("split %q: head %d + body %d bytes, line %d", data, len(head), len(body), line)
		}
		_, probs := parseFrontMatter(head, true)
		for _, p := range probs {
			if p.Line < 1 || p.Col < 1 || p.Msg == "" || p.Hint == "" {
				t.Fatalf("bad problem %+v for %q", p, data)
			}
		}
	})
}

// TestFrontMatterValue checks where a key's value is written (line and
// column in the file, after the opening "---" line, on its first character
// inside quotes), which is where warnings about a page's title or
// description point.
func TestFrontMatterValue(t *testing.T) {
	head := "title: Rest\n# a comment: not a key\ndescription:   \"Sore legs\"\norder:\nreviewer: 'It''s me'\ntranslated-from:x\nsource: 'open\nempty: ''\n"
	tests := []struct {
		key       string
		line, col int
		value     string
		ok        bool
	}{
		{"title", 2, 8, "Rest", true},
		{"description", 4, 17, "Sore legs", true},
		{"reviewer", 6, 12, "It's me", true},
		{"translated-from", 7, 17, "x", true},
		{"order", 0, 0, "", false},  // no value
		{"source", 0, 0, "", false}, // quotes not closed
		{"empty", 0, 0, "", false},  // quoted, but empty
		{"reviewed", 0, 0, "", false},
		{"titl", 0, 0, "", false},
	}
	for _, tt := range tests {
		line, col, value, ok := frontMatterValue([]byte(head), tt.key)
		if line != tt.line || col != tt.col || value != tt.value || ok != tt.ok {
			t.Errorf("frontMatterValue(%s) = %d, %d, %q, %v; want %d, %d, %q, %v",
				tt.key, line, col, value, ok, tt.line, tt.col, tt.value, tt.ok)
		}
	}
}
