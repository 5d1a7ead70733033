package readability

import (
	"math"
	"slices"
	"testing"
)

func block(text string) Block { return Block{{Text: text, Line: 1, Col: 1}} }

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Run easy.", []string{"Run", "easy"}},
		{"Don't cross-train - rest.", []string{"Don't", "cross-train", "rest"}},
		{"A 1-2 out of 10, 'soft' 3.", []string{"A", "1-2", "out", "of", "10", "soft", "3"}},
		{"  ", nil},
		{"legs' ache", []string{"legs", "ache"}},
		{"Über café", []string{"Über", "café"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Rest. Then run.", []string{"Rest.", "Then run."}},
		{"Is it sore? Yes! Rest.", []string{"Is it sore?", "Yes!", "Rest."}},
		{"Cross-train, e.g. swim or cycle. Then rest.", []string{"Cross-train, e.g. swim or cycle.", "Then rest."}},
		{"Ask Dr. Lee. Or J. Smith.", []string{"Ask Dr. Lee.", "Or J. Smith."}},
		{"Run 1.5 km. Stop.", []string{"Run 1.5 km.", "Stop."}},
		{"He said \"stop.\" Then he did.", []string{"He said \"stop.\"", "Then he did."}},
		{"A heading with no stop", []string{"A heading with no stop"}},
		{"Wait... what?", []string{"Wait...", "what?"}},
		{"- . ! Run.", []string{"Run."}}, // "- ." and "!" have no words
		{"...", nil},
		{"Do this (carefully.) Then that.", []string{"Do this (carefully.)", "Then that."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(block(tt.in)) {
			got = append(got, s.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestPositions checks that a sentence is placed at its first character,
// across spans on several lines and after multi-byte characters.
func TestPositions(t *testing.T) {
	b := Block{
		{Text: "Legs ache – often.", Line: 3, Col: 1},
		{Text: " ", Line: 3, Col: 19},
		{Text: "Rest them. Then", Line: 4, Col: 3},
		{Text: " ", Line: 4, Col: 18},
		{Text: "run.", Line: 5, Col: 3},
	}
	type pos struct{ line, col int }
	var got []pos
	for _, s := range Sentences(b) {
		got = append(got, pos{s.Line, s.Col})
	}
	want := []pos{{3, 1}, {4, 3}, {4, 14}}
	if !slices.Equal(got, want) {
		t.Errorf("positions = %v; want %v", got, want)
	}
}

// TestGrade checks the formula on counts worked out by hand.
func TestGrade(t *testing.T) {
	tests := []struct {
		c    Counts
		want float64
	}{
		// 0.39*10 + 11.8*1.5 - 15.59 = 6.01
		{Counts{Sentences: 2, Words: 20, Syllables: 30}, 6.01},
		// 0.39*20 + 11.8*2 - 15.59 = 15.81
		{Counts{Sentences: 1, Words: 20, Syllables: 40}, 15.81},
		{Counts{Sentences: 3, Words: 3, Syllables: 3}, 0}, // -3.4, floored
		{Counts{}, 0},
	}
	for _, tt := range tests {
		if got := tt.c.Grade(); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%+v.Grade() = %v; want %v", tt.c, got, tt.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	blocks := []Block{
		block("Rest today."),
		{{Text: "Running on legs that hurt considerably increases the probability of a serious injury developing.", Line: 7, Col: 4}},
		block("Walk instead. It helps."),
	}
	r := Measure(blocks)
	want := Counts{Sentences: 4, Words: 2 + 14 + 2 + 2}
	if r.Sentences != want.Sentences || r.Words != want.Words {
		t.Errorf("Measure counts = %+v; want %d sentences, %d words", r.Counts, want.Sentences, want.Words)
	}
	if r.Hardest.Line != 7 || r.Hardest.Col != 4 || r.Hardest.Words != 14 {
		t.Errorf("hardest = %+v; want the 14-word sentence at 7:4", r.Hardest)
	}
	if r.LongWords != 6 { // considerably, increases, probability, serious, injury, developing
		t.Errorf("long words = %d; want 6", r.LongWords)
	}
	// 40 syllables: 0.39*20/4 + 11.8*40/20 - 15.59 = 9.96
	if r.Syllables != 40 || math.Abs(r.Grade()-9.96) > 1e-9 {
		t.Errorf("syllables, grade = %d, %.4f; want 40, 9.96", r.Syllables, r.Grade())
	}
	if r := Measure(nil); r.Words != 0 || r.Grade() != 0 || r.Hardest.Words != 0 {
		t.Errorf("Measure(nil) = %+v; want zero", r)
	}
}
