package decision

import (
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"
)

func smallTree(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/good/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit returns the small example with old replaced by new.
func edit(t *testing.T, old, new string) []byte {
	t.Helper()
	s := smallTree(t)
	if !strings.Contains(s, old) {
		t.Fatalf("small.yaml has no %q", old)
	}
	return []byte(strings.Replace(s, old, new, 1))
}

// TestEveryWalkEndsAtAnOutcome has one case per rule that together
// establish that every walk from start ends at an outcome.
func TestEveryWalkEndsAtAnOutcome(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		err     error
		message string
	}{
		{"start names nothing", edit(t, "start: soreness", "start: nowhere"), ErrStart, `start names no question: "nowhere"`},
		{"start names an outcome", edit(t, "start: soreness", "start: easy-run"), ErrStart, `start names outcome "easy-run"`},
		{"no dangling next", edit(t, "next: tired\n      - label: One", "next: tried\n      - label: One"), ErrDangling, `next "tried" names no question or outcome (did you mean "tired"?)`},
		{"no cycle", edit(t, "        next: cross-train\n", "        next: soreness\n"), ErrCycle, "cycle: soreness -> where -> tired -> soreness"},
		{"leaves are outcomes: no empty question", edit(t, "    options:\n      - label: \"No\"\n        next: easy-run\n      - label: \"Yes\"\n        next: cross-train\n", "    options: []\n"), ErrOptions, `question "tired" has 0 options`},
		{"a question offers a choice", edit(t, "      - label: \"Yes\"\n        next: cross-train\n", ""), ErrOptions, `question "tired" has 1 option`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(TreeFile, tt.data, Options{})
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("Parse = %v; want %v with %q", err, tt.err, tt.message)
			}
		})
	}
}

func TestProblemsFormat(t *testing.T) {
	_, err := Parse(TreeFile, edit(t, "start: soreness", "start: sorenes"), Options{})
	want := `content/tree.yaml:3:8: start names no question: "sorenes" (did you mean "soreness"?)`
	if err == nil || err.Error() != want {
		t.Errorf("Parse = %v; want %s", err, want)
	}
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Pos != (Pos{3, 8}) {
		t.Errorf("Parse error = %#v; want one Problem at 3:8", err)
	}
}

func TestChainOfAMillionValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000,000-question tree")
	}
	const n = 1_000_000
	tree := chainTree(n)
	l := validateModel(tree, Options{MaxDepth: 2 * n})
	if _, err := l.result(); err != nil {
		t.Fatalf("validate(chain) = %v", err)
	}
	s := tree.Stats()
	if want := big.NewInt(n + 1); s.Paths.Cmp(want) != 0 || s.Shortest != 1 || s.Longest != n {
		t.Errorf("Stats(chain) = %v paths, %d..%d; want %v, 1..%d", s.Paths, s.Shortest, s.Longest, want, n)
	}
	if got := tree.Questions[0].MaxRemaining; got != n {
		t.Errorf("MaxRemaining of the first question = %d; want %d", got, n)
	}
	// The same chain with a default depth limit is too deep, and a loop at
	// its end is found without recursion.
	l = validateModel(tree, Options{})
	if _, err := l.result(); !errors.Is(err, ErrDepth) {
		t.Errorf("validate(chain, default depth) = %v; want ErrDepth", err)
	}
	tree.Questions[n-1].Options[0].Next = "q0"
	l = validateModel(tree, Options{MaxDepth: 2 * n})
	_, err := l.result()
	if !errors.Is(err, ErrCycle) || !strings.Contains(err.Error(), "cycle: q0 -> q1 -> ") || !strings.Contains(err.Error(), "(999977 more)") {
		t.Errorf("validate(looped chain) = %.300v; want a shortened cycle", err)
	}
}

// TestMaxRemainingAndDepth, whatever the order of the questions in the
// file: start first, or last (leading to the file's first question).
func TestMaxRemainingAndDepth(t *testing.T) {
	for _, c := range []struct{ name, src, at string }{
		{"start first", smallTree(t), "42:3"},
		{"start last", smallStartLast(t), "22:3"},
	} {
		tree, err := Parse(TreeFile, []byte(c.src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range map[string]int{"soreness": 3, "where": 2, "tired": 1} {
			if got := tree.Question(id).MaxRemaining; got != want {
				t.Errorf("%s: %s.MaxRemaining = %d; want %d", c.name, id, got, want)
			}
		}
		_, err = Parse(TreeFile, []byte(c.src), Options{MaxDepth: 2})
		want := TreeFile + ":" + c.at + `: question "tired" is question 3 on the longest path from start (3 questions), deeper than the maximum of 2`
		if !errors.Is(err, ErrDepth) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: Parse(MaxDepth 2) = %v; want %s", c.name, err, want)
		}
	}
}

func TestLookups(t *testing.T) {
	tree, err := Parse(TreeFile, []byte(smallTree(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if q := tree.Question("where"); q == nil || q.Text != "Where is it sore?" {
		t.Errorf("Question(where) = %v", q)
	}
	if o := tree.Outcome("rest-day"); o == nil || o.Verdict != "rest" {
		t.Errorf("Outcome(rest-day) = %v", o)
	}
	if v := tree.Verdict("cross-train"); v == nil || v.Tone != "caution" {
		t.Errorf("Verdict(cross-train) = %v; want default tone caution", v)
	}
	if tree.Question("rest-day") != nil || tree.Outcome("where") != nil || tree.Verdict("walk") != nil {
		t.Error("lookups of the wrong kind or unknown ids should return nil")
	}
	// Every node is found by its id as its own kind, and only as that.
	for _, q := range tree.Questions {
		if tree.Question(q.ID) != q || tree.Outcome(q.ID) != nil {
			t.Errorf("Question(%s), Outcome(%[1]s) = %v, %v; want the question, nil", q.ID, tree.Question(q.ID), tree.Outcome(q.ID))
		}
	}
	for _, o := range tree.Outcomes {
		if tree.Outcome(o.ID) != o || tree.Question(o.ID) != nil {
			t.Errorf("Outcome(%s), Question(%[1]s) = %v, %v; want the outcome, nil", o.ID, tree.Outcome(o.ID), tree.Question(o.ID))
		}
	}
}

func TestPageNeverLeavesContent(t *testing.T) {
	for _, page := range []string{"../go.mod", "/etc/passwd", "outcomes/../../x.md", `outcomes\x.md`, "./x.md"} {
		_, err := Load(pagesFS(t, edit(t, "page: outcomes/rest-day.md", "page: "+page)), Options{})
		if !errors.Is(err, ErrPage) {
			t.Errorf("Load(page %q) = %v; want ErrPage", page, err)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"tired", "tried", 1}, {"next", "nxt", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"soreness", "soreness", 0}, {"éclair", "eclair", 1}, {"ab", "ba", 1}, {"abc", "cab", 2}}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDocumentMarkers(t *testing.T) {
	if _, err := Parse(TreeFile, []byte("---\n"+smallTree(t)+"...\n"), Options{}); err != nil {
		t.Errorf("Parse(--- tree ...) = %v; want no error", err)
	}
	_, err := Parse(TreeFile, []byte(smallTree(t)+"---\n- another\n"), Options{})
	if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "a second YAML document") {
		t.Errorf("Parse(two documents) = %v; want a second-document error", err)
	}
}
