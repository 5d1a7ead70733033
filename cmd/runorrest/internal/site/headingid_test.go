package site

import (
	"slices"
	"testing"
)

// TestHeadingIDs: a heading's automatic id keeps its letters without their
// accents, as English ids are kept, and an id written with {#id} wins.
func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"## Why\n## What to do today\n", []string{"why", "what-to-do-today"}},
		{"## Frío\n## Por qué\n## Qué hacer hoy\n", []string{"frio", "por-que", "que-hacer-hoy"}},
		{"## Año\n## Ánimo, ÑU\n", []string{"ano", "animo-nu"}},
		{"## Frío\n## Frio\n", []string{"frio", "frio-1"}},
		{"## Frío {#cold}\n## Masaje\n", []string{"cold", "masaje"}},
		{"## Straße\n", []string{"strae"}}, // ß has no base letter: dropped, as goldmark does
		{"## Ελληνικά\n## Ελληνικά\n", []string{"heading", "heading-1"}},
	}
	for _, tt := range tests {
		d := &mdDoc{file: "content/x.md", src: []byte(tt.src)}
		d.parse()
		var got []string
		for _, h := range d.headings {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: ids %q, want %q", tt.src, got, tt.want)
		}
	}
}
