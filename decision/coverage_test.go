package decision

import (
	"strings"
	"testing"
)

// TestCoverage counts the answers and outcomes the scenarios of the small
// example walk, and names the ones they miss.
func TestCoverage(t *testing.T) {
	tests := []struct {
		name              string
		data              []byte
		answers, outcomes int
		missed            string
	}{
		// soreness=1-3 > where=All over > tired=No, and soreness=7-10.
		{"small example", []byte(smallTree(t)), 4, 2,
			"soreness=4-6, where=One spot, tired=Yes; outcome cross-train"},
		{"no scenarios", []byte(cut(t, smallTree(t), "scenarios:", "", "scenarios: []\n")), 0, 0,
			"soreness=1-3, soreness=4-6, soreness=7-10, where=All over, where=One spot, tired=No, tired=Yes; outcome easy-run, outcome cross-train, outcome rest-day"},
		{"a scenario that stops early covers its answers", edit(t, "    expect: rest-day\n", "    expect: rest-day\n  - name: stops\n    answers:\n      soreness: 5\n    expect: cross-train\n"), 5, 2,
			"where=One spot, tired=Yes; outcome cross-train"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, _ := Parse(TreeFile, tt.data, Options{})
			c := tree.Coverage()
			var missed []string
			for _, s := range c.MissedAnswers {
				missed = append(missed, s.String())
			}
			for _, o := range c.MissedOutcomes {
				missed = append(missed, "outcome "+o.ID)
			}
			got := strings.Replace(strings.Join(missed, ", "), ", outcome", "; outcome", 1)
			if c.Answers != 7 || c.Outcomes != 3 || c.AnswersWalked != tt.answers || c.OutcomesWalked != tt.outcomes || got != tt.missed {
				t.Errorf("Coverage = %d of %d answers, %d of %d outcomes, missed %q; want %d of 7, %d of 3, %q",
					c.AnswersWalked, c.Answers, c.OutcomesWalked, c.Outcomes, got, tt.answers, tt.outcomes, tt.missed)
			}
		})
	}
	for _, tt := range []struct {
		part, whole int
		want        string
	}{{0, 0, "100%"}, {0, 5, "0%"}, {29, 30, "96%"}, {299, 300, "99%"}, {30, 30, "100%"}} {
		if got := Percent(tt.part, tt.whole); got != tt.want {
			t.Errorf("Percent(%d, %d) = %s; want %s", tt.part, tt.whole, got, tt.want)
		}
	}
}

// TestGuideScenariosWalkEveryAnswer checks that the guide's scenarios walk
// every answer and reach every outcome.
func TestGuideScenariosWalkEveryAnswer(t *testing.T) {
	tree, err := Parse(TreeFile, []byte(guideTree(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := tree.Coverage()
	for _, s := range c.MissedAnswers {
		t.Errorf("no scenario of the guide walks %s", s)
	}
	for _, o := range c.MissedOutcomes {
		t.Errorf("no scenario of the guide ends at %s", o.ID)
	}
}
