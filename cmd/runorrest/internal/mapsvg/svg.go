package mapsvg

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"runorrest/decision"
)

// Sizes used for drawing, in CSS pixels.
const (
	nodeFont   = 14
	edgeFont   = 12.5
	lineHeight = 1.25
	pad        = 4 // around the picture
)

//go:embed map.svg.tmpl
var svgSource string

var svgTemplate = template.Must(template.New("map").Parse(svgSource))

// Options choose how the SVG is written.
type Options struct {
	// Standalone writes an SVG file of its own (with the XML namespace),
	// rather than an <svg> element to put into a page.
	Standalone bool
	// Label names the drawing for screen readers; "" means "Map of " and
	// the tree's title.
	Label string
}

// MaxNodes and MaxEdges are the most questions and outcomes, and arrows,
// the map draws: past them a map cannot be read on a phone (and weighs
// megabytes), so SVG returns ErrTooBig. An outcome is drawn once per arrow
// to it, so the map has at most MaxNodes + MaxEdges boxes.
const (
	MaxNodes = decision.MaxMapNodes
	MaxEdges = decision.MaxMapEdges
)

// ErrTooBig is returned for a tree of more than MaxNodes nodes or
// MaxEdges arrows.
var ErrTooBig = errors.New("the tree is too big to draw on one map")

// SVG draws t. The result is an <svg> element (or file, with Standalone)
// whose links are relative file links (soreness.html). The same tree
// always gives the same bytes.
func SVG(t *decision.Tree, opts Options) ([]byte, error) {
	if n := len(t.Questions) + len(t.Outcomes); n > MaxNodes {
		return nil, fmt.Errorf("%w: %d questions and outcomes, more than %d", ErrTooBig, n, MaxNodes)
	}
	m := newModel(t)
	if len(m.edges) > MaxEdges {
		return nil, fmt.Errorf("%w: %d arrows, more than %d", ErrTooBig, len(m.edges), MaxEdges)
	}
	return render(m, opts)
}

// render lays m out and draws it.
func render(m *model, opts Options) ([]byte, error) {
	var buf bytes.Buffer
	if err := svgTemplate.Execute(&buf, drawing(m, layoutLayered(m), opts)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// The template's data.
type svgData struct {
	Standalone    bool
	Label         string
	Width, Height string
	ViewBox       string
	Nodes         []svgNode
	Edges         []svgEdge
}

type svgNode struct {
	Href       string
	Class      string
	Fill       string
	Stroke     string
	X, Y, W, H string
	Rx         string
	TextX      string
	Lines      []svgLine
}

type svgLine struct {
	Y    string
	Text string
	Bold bool
}

type svgEdge struct {
	Path   string
	Arrow  string
	Labels []svgLine
	LabelX string
}

// Colours are the colours of an outcome's box: a light fill and a dark
// border.
type Colours struct{ Fill, Stroke string }

// Tones are the colours of each verdict tone, on the map and in the graphs
// of package graph.
var Tones = map[string]Colours{
	"go":      {"#d7f0d2", "#2e7d32"},
	"careful": {"#eef5c4", "#5f6b00"},
	"caution": {"#fdebc8", "#a15c00"},
	"stop":    {"#f9d3d0", "#b3261e"},
}

func drawing(m *model, p *placed, opts Options) svgData {
	w, h := p.width+2*pad, p.height+2*pad
	// The layout's y grows upwards; SVG's grows downwards.
	fx := func(x float64) float64 { return x + pad }
	fy := func(y float64) float64 { return p.height - y + pad }
	d := svgData{
		Standalone: opts.Standalone,
		Label:      cmp.Or(opts.Label, "Map of "+m.title),
		Width:      num(w), Height: num(h),
		ViewBox: "0 0 " + num(w) + " " + num(h),
	}
	for i, e := range m.edges {
		c := p.edges[i]
		var path strings.Builder
		for j, pt := range c.points {
			switch {
			case j == 0:
				path.WriteString("M")
			case j%3 == 1:
				path.WriteString("C")
			default:
				path.WriteString(" ")
			}
			path.WriteString(num(fx(pt.x)) + " " + num(fy(pt.y)))
		}
		se := svgEdge{Path: path.String()}
		if c.arrow != nil {
			last := c.points[len(c.points)-1]
			se.Arrow = arrow(fx(last.x), fy(last.y), fx(c.arrow.x), fy(c.arrow.y))
		}
		if c.hasLabel {
			se.LabelX = num(fx(c.label.x))
			se.Labels = textLines(e.lines, fy(c.label.y), edgeFont, false)
		}
		d.Edges = append(d.Edges, se)
	}
	for _, n := range m.nodes {
		b := p.nodes[n.id]
		sn := svgNode{
			Href:  n.page + ".html",
			Class: "q",
			Fill:  "#ffffff", Stroke: "#3c4043",
			X: num(fx(b.x - b.w/2)), Y: num(fy(b.y + b.h/2)),
			W: num(b.w), H: num(b.h), Rx: "3",
			TextX: num(fx(b.x)),
			Lines: textLines(n.lines, fy(b.y), nodeFont, n.outcome),
		}
		if n.outcome {
			c := Tones[n.tone]
			sn.Class, sn.Fill, sn.Stroke, sn.Rx = "o "+n.tone, c.Fill, c.Stroke, "12"
		}
		d.Nodes = append(d.Nodes, sn)
	}
	return d
}

// textLines centres lines vertically on cy; with firstBold the first line
// (an outcome's verdict) is bold.
func textLines(lines []string, cy, size float64, firstBold bool) []svgLine {
	step := size * lineHeight
	top := cy - step*float64(len(lines)-1)/2 + size*0.35 // 0.35em: baseline below the middle
	out := make([]svgLine, len(lines))
	for i, l := range lines {
		out[i] = svgLine{Y: num(top + step*float64(i)), Text: l, Bold: firstBold && i == 0}
	}
	return out
}

// arrow draws an arrowhead from the end of a curve (x0, y0) to its tip.
func arrow(x0, y0, x1, y1 float64) string {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return ""
	}
	// Half the base is 0.35 of the length, as in Graphviz's normal arrow.
	px, py := -dy/l*l*0.35, dx/l*l*0.35
	return num(x1) + "," + num(y1) + " " + num(x0+px) + "," + num(y0+py) + " " + num(x0-px) + "," + num(y0-py)
}

// num writes a coordinate with one decimal at most, the same on every
// machine.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}
