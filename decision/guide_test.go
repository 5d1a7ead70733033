package decision

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// guideTree reads the guide's own tree file, which these tests mean to.
func guideTree(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../" + TreeFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cut removes the text from the line starting with from up to the line
// starting with to (or the end, if to is ""), and puts with in its place.
func cut(t *testing.T, s, from, to, with string) string {
	t.Helper()
	i := strings.Index(s, "\n"+from)
	if i < 0 {
		t.Fatalf("the tree file has no line %q", from)
	}
	j := len(s)
	if to != "" {
		if j = strings.Index(s[i+1:], "\n"+to); j < 0 {
			t.Fatalf("the tree file has no line %q after %q", to, from)
		}
		j += i + 1
	}
	return s[:i+1] + with + s[j:]
}

// TestGuideRulesAloneCatchUnsafeEdits breaks the guide's tree the way a
// careless edit could, with every scenario removed, and checks that the
// tree's rules alone refuse each edit, at the rule that keeps the promise,
// and that without the rules the broken tree would pass.
func TestGuideRulesAloneCatchUnsafeEdits(t *testing.T) {
	guide := cut(t, guideTree(t), "scenarios:", "# The guide's promises", "scenarios: []\n\n")
	if _, err := Parse(TreeFile, []byte(guide), Options{}); err != nil {
		t.Fatalf("the guide without scenarios: %v", err)
	}
	tests := []struct {
		name     string
		old, new string // in the tree file: a step's id, then the first route after it to rewire ("answer: next")
		to       string // where the rewired option leads
		rule     string
		path     string // the shortest breaking path, or "" not to check it
	}{
		{"pain all over, not tired, sent on an easy run",
			"tired-pain:", "just-legs: pain-rest", "easy-run", "pain above a soft 3 never leads to a run",
			"soreness=4-10 > where-pain=All over, on both legs > tired-pain=No, it is just my legs => easy-run (run)"},
		{"pain of 4-10 sent on a test run",
			"tired-pain:", "just-legs: pain-rest", "test-run", "pain above a soft 3 never leads to a run", ""},
		{"mild soreness in one spot sent running",
			"where-mild:", "one-spot: injury-watch", "easy-run", "soreness in one spot or on one side never leads to a run",
			"soreness=1-2 > where-mild=In one spot, even the same spot on both legs, or on one side => easy-run (run)"},
		{"a soft 3 on one side sent on a test run",
			"where-soft:", "one-spot: injury-watch", "test-run", "soreness in one spot or on one side never leads to a run", ""},
		{"a drained runner sent to cross-train",
			"tired-mild:", "drained: full-rest", "cross-train", "a tired, drained runner rests",
			"soreness=1-2 > where-mild=All over, on both legs > tired-mild=Yes, I feel drained => cross-train (cross-train)"},
		{"a new runner sent on an easy run",
			"loosen-new:", "loosens: test-run", "easy-run", "a new runner is never sent on an ordinary easy run", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := strings.Index(guide, "\n  "+tt.old)
			if q < 0 {
				t.Fatalf("no question %q", tt.old)
			}
			o := strings.Index(guide[q:], tt.new)
			if o < 0 {
				t.Fatalf("question %q has no %q", tt.old, tt.new)
			}
			o += q
			answer, _, _ := strings.Cut(tt.new, ": ")
			broken := guide[:o] + answer + ": " + tt.to + guide[o+len(tt.new):]
			_, err := Parse(TreeFile, []byte(broken), Options{})
			var ps Problems
			found := false
			errors.As(err, &ps)
			for _, p := range ps {
				if !errors.Is(p, ErrRuleBroken) {
					t.Errorf("Parse(rewired): %v; want only broken rules", p)
				}
				found = found || strings.Contains(p.Msg, `rule "`+tt.rule+`" is broken by `+tt.path)
			}
			if !found {
				t.Fatalf("Parse(rewired) = %v; want rule %q broken by %s", err, tt.rule, tt.path)
			}
			if _, err := Parse(TreeFile, []byte(cut(t, broken, "rules:", "", "")), Options{}); err != nil {
				t.Errorf("without its rules the rewired tree has problems, so the rules are not alone in catching it: %v", err)
			}
		})
	}
}

// TestGuideRulesAskTheWarningSignsFirst lets a mild soreness skip the
// tiredness question: the rule that every run asks the warning signs first
// catches it.
func TestGuideRulesAskTheWarningSignsFirst(t *testing.T) {
	guide := cut(t, guideTree(t), "scenarios:", "# The guide's promises", "scenarios: []\n\n")
	old := "      both-legs: tired-mild\n"
	if !strings.Contains(guide, old) {
		t.Fatalf("the tree file has no %q", old)
	}
	broken := strings.Replace(guide, old, "      both-legs: cause-mild\n", 1)
	_, err := Parse(TreeFile, []byte(broken), Options{})
	want := `rule "every run asks the warning signs first" is broken by soreness=1-2 > where-mild=All over, on both legs > cause-mild=A hard session, hills or a race > loosen-mild=It loosens them and I feel better => easy-run (run), which reaches cause-mild before it asks tired`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Parse(skip tiredness) = %v; want %s", err, want)
	}
}

// TestGuideTestRunIsNotAnEasyRun checks that the test run has a verdict of
// its own, with words and a tone that differ from the easy run's.
func TestGuideTestRunIsNotAnEasyRun(t *testing.T) {
	tree, err := Parse(TreeFile, []byte(guideTree(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	easy, try := tree.Verdict(tree.Outcome("easy-run").Verdict), tree.Verdict(tree.Outcome("test-run").Verdict)
	if easy == try || easy.Label == try.Label || easy.Tone == try.Tone || try.Tone == "stop" {
		t.Errorf("test-run's verdict %+v; want its own label and tone, unlike easy-run's %+v, and not stop", *try, *easy)
	}
}
