package site

import (
	"testing"
)

// TestRenderStopsAtMaxBytes: a site over Options.MaxBytes is refused
// anyway, so the rendering stops soon after the limit instead of making
// every page (a guide of a million pages would take minutes and gigabytes).
func TestRenderStopsAtMaxBytes(t *testing.T) {
	_, whole := build(t, defaultFS(t), Options{})
	pages := 0
	for _, p := range whole.Pages {
		if p.Lang == whole.Pages[0].Lang {
			pages++
		}
	}
	for _, c := range []struct {
		max  int
		over bool
	}{
		{0, false},       // no limit
		{1 << 30, false}, // far above the site
		{1, true},        // the first pages pass it
		{20 << 10, true},
	} {
		_, s := build(t, defaultFS(t), Options{MaxBytes: c.max})
		if s.Over != c.over {
			t.Errorf("MaxBytes %d: Over = %v; want %v", c.max, s.Over, c.over)
		}
		html := 0
		size := 0
		for name, data := range s.Files {
			if len(name) > 5 && name[len(name)-5:] == ".html" {
				html++
				size += len(data)
			}
		}
		if !c.over {
			if html < pages {
				t.Errorf("MaxBytes %d: %d pages; want all %d", c.max, html, pages)
			}
			continue
		}
		// Each processor finishes at most the page it is on.
		if html >= pages || html == 0 {
			t.Errorf("MaxBytes %d: %d of %d pages rendered; want the rendering stopped past the limit", c.max, html, pages)
		}
		if size <= c.max {
			t.Errorf("MaxBytes %d: rendered %d bytes; want Over only past the limit", c.max, size)
		}
	}
}
