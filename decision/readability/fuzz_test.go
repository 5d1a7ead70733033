package readability

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMeasure checks that any text measures without panicking, that the
// sentences hold every word once, and that each starts inside its block.
func FuzzMeasure(f *testing.F) {
	for _, s := range []string{"Rest. Then run.", "e.g. J. Smith... what?!", "“Quoted.” (Aside.) 1.5-2", "don't-'-", "\xff. \u2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		var b Block
		for i, l := range lines {
			b = append(b, Span{Text: l + " ", Line: i + 1, Col: 1})
		}
		r := Measure([]Block{b})
		if got := len(Words(s)); r.Words != got && utf8.ValidString(s) {
			t.Errorf("Measure(%q) counts %d words; Words finds %d", s, r.Words, got)
		}
		if r.Words > 0 && (r.Hardest.Line < 1 || r.Hardest.Line > len(lines) || r.Hardest.Col < 1) {
			t.Errorf("Measure(%q).Hardest at %d:%d; outside the text", s, r.Hardest.Line, r.Hardest.Col)
		}
		if g := r.Grade(); g < 0 || g != g {
			t.Errorf("Measure(%q).Grade() = %v", s, g)
		}
	})
}
