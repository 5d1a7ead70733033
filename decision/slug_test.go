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
