package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// mapJS measures the map page as it opens: the start node's link and where
// it ends, every link to a node that the page shows, and how far the page
// and its links reach sideways.
const mapJS = `(() => {
	const shown = [...document.querySelectorAll("main .map-list a, main .map a")].filter(a => a.getClientRects().length > 0);
	const first = shown[0];
	return {
		start: first ? first.getAttribute("href").split("#")[0] : "",
		startBottom: first ? first.getBoundingClientRect().bottom : -1,
		screen: innerHeight,
		links: shown.map(a => a.getAttribute("href").split("#")[0]),
		wide: Math.max(document.documentElement.scrollWidth, ...shown.filter(a => !a.closest(".map")).map(a => a.getBoundingClientRect().right)),
		width: innerWidth,
		drawing: !!document.querySelector("main .map") && document.querySelector("main .map").getClientRects().length > 0,
	};
})()`

type mapScreen struct {
	Start       string
	StartBottom float64
	Screen      float64
	Links       []string
	Wide, Width float64
	Drawing     bool
}

// TestMapOnPhones opens the map at 390x844 and 320x640, with and without
// JavaScript: the start node shows whole on the first screen, nothing
// reaches past the screen's width (no sideways scrolling to follow a
// path), the page links every question and outcome, and each link opens
// the page of its node.
func TestMapOnPhones(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	var want []string
	for _, q := range tree.Questions {
		want = append(want, q.ID+".html")
	}
	for _, o := range tree.Outcomes {
		want = append(want, o.ID+".html")
	}
	slices.Sort(want)
	for _, ph := range phones {
		for _, script := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s script=%v", ph.name, script), func(t *testing.T) {
				t.Parallel()
				b := newPhone(t, ph.w, ph.h, script)
				b.open(base + "map.html")
				m := eval[mapScreen](b, mapJS)
				if m.Start != tree.Start+".html" {
					t.Errorf("the map's first link is %q; want the start, %s.html", m.Start, tree.Start)
				}
				if m.StartBottom < 0 || m.StartBottom > m.Screen {
					t.Errorf("the start node ends at %.0f px; the screen is %.0f px tall", m.StartBottom, m.Screen)
				}
				if m.Drawing {
					t.Error("a phone shows the drawing, which scrolls sideways; want the list alone")
				}
				if m.Wide > m.Width {
					t.Errorf("the map reaches %.0f px sideways on a screen %.0f px wide", m.Wide, m.Width)
				}
				got := slices.Compact(slices.Sorted(slices.Values(m.Links)))
				if !slices.Equal(got, want) {
					t.Errorf("the map links %q; want every node: %q", got, want)
				}
				if script || ph.w != 390 {
					return
				}
				for _, href := range got {
					b.open(base + href)
					id := strings.TrimSuffix(href, ".html")
					if node := eval[string](b, `(m => m ? m.dataset.node : "")(document.querySelector("main"))`); node != id {
						t.Errorf("the map's link %s opens the page of %q; want %q", href, node, id)
					}
				}
			})
		}
	}
}

// TestMapWide checks that a wide screen shows the drawing, whose every
// box links to a node of the guide.
func TestMapWide(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	b := newTab(t)
	b.do("a wide screen", chromedp.EmulateViewport(1280, 800))
	b.open(base + "map.html")
	links := eval[[]string](b, `[...document.querySelectorAll("main .map a")].filter(a => a.getClientRects().length > 0).map(a => a.getAttribute("href"))`)
	if len(links) < len(tree.Questions)+len(tree.Outcomes) {
		t.Fatalf("the drawing shows %d links on a wide screen; want at least one per node (%d)", len(links), len(tree.Questions)+len(tree.Outcomes))
	}
	for _, href := range links {
		id := strings.TrimSuffix(href, ".html")
		if tree.Question(id) == nil && tree.Outcome(id) == nil {
			t.Errorf("the drawing links %s, which is no node of the guide", href)
		}
	}
}
