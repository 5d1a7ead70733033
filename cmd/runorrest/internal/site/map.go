package site

import (
	"errors"
	"html/template"

	"runorrest/cmd/runorrest/internal/mapsvg"
)

// ErrMap is the sentinel of a problem drawing the map page.
var ErrMap = errors.New("map error")

// drawMap draws the whole tree for map.html (package mapsvg).
func (b *builder) drawMap() {
	svg, err := mapsvg.SVG(b.tree, mapsvg.Options{Label: b.ui.text("map-svg-label", "title", b.tree.Title)})
	if errors.Is(err, mapsvg.ErrTooBig) {
		return // map.html says so instead of drawing
	}
	if err != nil {
		b.problem(b.tree.File, 1, 1, ErrMap, err.Error(), "check the tree with runorrest check")
		return
	}
	// mapsvg writes the SVG with html/template from the tree's words, so
	// it is safe HTML.
	b.mapSVG = template.HTML(svg)
	b.mapList = mapList(b.tree)
}
