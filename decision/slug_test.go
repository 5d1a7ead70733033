package decision

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Run or rest?", "run-or-rest"},
		{"  Run -- or   REST!! ", "run-or-rest"},
		{"Läufst du? 2 Tage", "läufst-du-2-tage"},
		{"?!", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestASCIISlug(t *testing.T) {
	tests := []struct {
		in    string
		words int
		want  string
	}{
		{"All over, on both legs", 3, "all-over-on"},
		{"All over, on both legs", 0, "all-over-on-both-legs"},
		{"Läufst du?", 0, "l-ufst-du"},
		{"  --  ", 2, ""},
		{"Yes", 1, "yes"},
		{"  One side only! ", 3, "one-side-only"},
		{"I don't know yet, or it doesn't", 3, "i-don-t"},
		{"1-2 days", 3, "1-2-days"},
		{"Übel", 3, "bel"},
		{"?!", 3, ""},
		{"Zero to 90, lazy", 0, "zero-to-90-lazy"}, // the ends of a-z and 0-9
	}
	for _, tt := range tests {
		if got := ASCIISlug(tt.in, tt.words); got != tt.want {
			t.Errorf("ASCIISlug(%q, %d) = %q; want %q", tt.in, tt.words, got, tt.want)
		}
	}
}

func TestReserved(t *testing.T) {
	for _, id := range []string{"index", "about", "map", "404"} {
		if _, ok := Reserved(id); !ok {
			t.Errorf("Reserved(%q) = false; want true", id)
		}
	}
	for _, id := range []string{"soreness", "abouts", "maps", ""} {
		if owner, ok := Reserved(id); ok {
			t.Errorf("Reserved(%q) = %q, true; want false", id, owner)
		}
	}
}

func TestFacts(t *testing.T) {
	tree := &Tree{Verdicts: []*Verdict{{ID: "run", Label: "Run easy", Tone: "go"}, {ID: "odd", Label: "", Tone: "purple"}}}
	scale := &Question{Scale: &Scale{Min: 1, Max: 10}}
	plain := &Question{}
	tests := []struct{ got, want string }{
		{(&Option{Lo: 3, Hi: 3}).Values(), "3"},
		{(&Option{Lo: 1, Hi: 2}).Values(), "1-2"},
		{scale.OptionLabel(&Option{Label: "Mild", Lo: 1, Hi: 2}), "Mild (1-2)"},
		{plain.OptionLabel(&Option{Label: "All over"}), "All over"},
		{tree.Tone(&Outcome{Verdict: "run"}), "go"},
		{tree.Tone(&Outcome{Verdict: "odd"}), "caution"},
		{tree.Tone(&Outcome{Verdict: "none"}), "caution"},
		{tree.VerdictLabel(&Outcome{Verdict: "run"}), "Run easy"},
		{tree.VerdictLabel(&Outcome{Verdict: "odd"}), "odd"},
		{Count(1, "question", "questions"), "1 question"},
		{Count(0, "question", "questions"), "0 questions"},
		{Count(12, "path stays", "paths stay"), "12 paths stay"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("fact %d = %q; want %q", i, tt.got, tt.want)
		}
	}
	p := Path{Steps: []Step{{scale, &Option{Lo: 1, Hi: 2}}, {plain, &Option{Label: "No"}}}}
	scale.ID, plain.ID = "soreness", "tired"
	if got, want := p.Answers(), "soreness=1-2 > tired=No"; got != want {
		t.Errorf("Answers = %q; want %q", got, want)
	}
}
