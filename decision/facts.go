package decision

import (
	"slices"
	"strconv"
	"strings"
)

// The facts about a tree that the commands, the site, the map and the
// graphs all show: each is written here once.

// Values writes the values of an option of a scale question: "3" or
// "1-2".
func (o *Option) Values() string { return span(o.Lo, o.Hi) }

// OptionLabel is the words of an option of q: its label, and for a scale
// question the values it covers, "Mild (1-2)".
func (q *Question) OptionLabel(o *Option) string {
	if q.Scale == nil {
		return o.Label
	}
	return o.Label + " (" + o.Values() + ")"
}

// Tone is the tone of an outcome's verdict: go, caution or stop;
// caution when the tree has no such verdict or its tone is not one of them.
func (t *Tree) Tone(o *Outcome) string {
	if v := t.Verdict(o.Verdict); v != nil && slices.Contains(tones, v.Tone) {
		return v.Tone
	}
	return defaultTone
}

// VerdictLabel is the label of an outcome's verdict, or its id when the
// tree has no such verdict.
func (t *Tree) VerdictLabel(o *Outcome) string {
	if v := t.Verdict(o.Verdict); v != nil && v.Label != "" {
		return v.Label
	}
	return o.Verdict
}

// Answers writes the steps of a path without its outcome:
// "soreness=1-2 > where=All over > tired=No".
func (p Path) Answers() string {
	parts := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		parts[i] = s.String()
	}
	return strings.Join(parts, " > ")
}

// Count writes a number with its noun: Count(1, "question", "questions")
// is "1 question", Count(3, ...) "3 questions".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
