package treemap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"

	"runorrest/cmd/runorrest/internal/graph"
)

// Sizes used for the layout. Graphviz measures text with its own metrics
// for Helvetica; the map draws a little smaller with the system font, so
// that labels fit their boxes whatever font the reader's device has.
const (
	layoutNodeFont = 15.5
	layoutEdgeFont = 13.5
)

// ErrLayout is returned when Graphviz cannot lay the tree out.
var ErrLayout = errors.New("map layout failed")

// placed is the layout of one graph: a bounding box, node boxes and edge
// curves, in Graphviz points with y growing upwards.
type placed struct {
	width, height float64
	nodes         map[string]box
	edges         []curve // in the order the edges were written
}

type box struct{ x, y, w, h float64 } // centre and size

type curve struct {
	points     []point // cubic B-spline control points: p0 (c1 c2 p)*
	arrow      *point  // the arrow's tip, when Graphviz left room for one
	label      point
	hasLabel   bool
	from, to   string
	labelLines []string
}

type point struct{ x, y float64 }

// engine is one Graphviz instance (a WebAssembly module), made on first
// use and kept: making it costs milliseconds, and it must not be used by
// two goroutines at once. cache keeps the last layout, so a rebuild whose
// tree did not change does not lay it out again.
var engine struct {
	sync.Mutex
	gv        *graphviz.Graphviz
	lastDOT   string
	lastPlace *placed
}

// layout runs Graphviz's dot layout over src, a DOT graph whose edges
// carry id attributes e0, e1... in order.
func layout(src string, edges int) (*placed, error) {
	engine.Lock()
	defer engine.Unlock()
	if engine.lastPlace != nil && engine.lastDOT == src {
		return engine.lastPlace, nil
	}
	ctx := context.Background()
	if engine.gv == nil {
		gv, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrLayout, err)
		}
		engine.gv = gv
	}
	g, err := graphviz.ParseBytes([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLayout, err)
	}
	defer g.Close()
	var out bytes.Buffer
	if err := engine.gv.Render(ctx, g, "dot", &out); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLayout, err)
	}
	p, err := readLayout(g, edges)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLayout, err)
	}
	engine.lastDOT, engine.lastPlace = src, p
	return p, nil
}

// readLayout reads the attributes Graphviz set on g while laying it out.
func readLayout(g *graphviz.Graph, edges int) (*placed, error) {
	bb := floats(g.GetStr("bb"))
	if len(bb) != 4 {
		return nil, fmt.Errorf("no bounding box in %q", g.GetStr("bb"))
	}
	p := &placed{width: bb[2] - bb[0], height: bb[3] - bb[1], nodes: map[string]box{}, edges: make([]curve, edges)}
	seen := 0
	for n, err := g.FirstNode(); n != nil; n, err = g.NextNode(n) {
		if err != nil {
			return nil, err
		}
		name, err := n.Name()
		if err != nil {
			return nil, err
		}
		pos := floats(n.GetStr("pos"))
		w, errW := strconv.ParseFloat(n.GetStr("width"), 64)
		h, errH := strconv.ParseFloat(n.GetStr("height"), 64)
		if len(pos) != 2 || errW != nil || errH != nil {
			return nil, fmt.Errorf("node %s has no position", name)
		}
		p.nodes[name] = box{x: pos[0], y: pos[1], w: w * 72, h: h * 72}
		for e, err := g.FirstOut(n); e != nil; e, err = g.NextOut(e) {
			if err != nil {
				return nil, err
			}
			i, err := strconv.Atoi(strings.TrimPrefix(e.GetStr("id"), "e"))
			if err != nil || i < 0 || i >= edges {
				return nil, fmt.Errorf("edge with unknown id %q", e.GetStr("id"))
			}
			c, err := parseCurve(e.GetStr("pos"))
			if err != nil {
				return nil, err
			}
			if lp := floats(e.GetStr("lp")); len(lp) == 2 {
				c.label, c.hasLabel = point{lp[0], lp[1]}, true
			}
			p.edges[i] = c
			seen++
		}
	}
	if seen != edges {
		return nil, fmt.Errorf("laid out %d edges, want %d", seen, edges)
	}
	return p, nil
}

// parseCurve reads an edge's pos: "e,x,y x,y x,y ..." (the arrow's end,
// then the spline's control points).
func parseCurve(s string) (curve, error) {
	var c curve
	for _, f := range strings.Fields(s) {
		switch {
		case strings.HasPrefix(f, "e,"):
			v := floats(f[2:])
			if len(v) != 2 {
				return c, fmt.Errorf("bad edge end %q", f)
			}
			c.arrow = &point{v[0], v[1]}
		case strings.HasPrefix(f, "s,"):
			// a start arrow; the map draws none
		default:
			v := floats(f)
			if len(v) != 2 {
				return c, fmt.Errorf("bad edge point %q", f)
			}
			c.points = append(c.points, point{v[0], v[1]})
		}
	}
	if len(c.points) < 4 || (len(c.points)-1)%3 != 0 {
		return c, fmt.Errorf("edge spline %q has %d points", s, len(c.points))
	}
	return c, nil
}

// floats reads comma-separated numbers; nil when one is not a number.
func floats(s string) []float64 {
	if s == "" {
		return nil
	}
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// dotSource writes the layout graph of m: boxes sized for their wrapped
// labels, edges with ids in order.
func dotSource(m *model) string {
	var b strings.Builder
	b.WriteString("digraph map {\n")
	b.WriteString("\tgraph [rankdir=LR, nodesep=0.2, ranksep=0.5];\n")
	fmt.Fprintf(&b, "\tnode [shape=box, fontname=\"Helvetica\", fontsize=%g, margin=\"0.14,0.07\"];\n", layoutNodeFont)
	fmt.Fprintf(&b, "\tedge [fontname=\"Helvetica\", fontsize=%g, arrowsize=0.8];\n", layoutEdgeFont)
	for _, n := range m.nodes {
		b.WriteString("\t" + graph.DOTQuote(n.id) + " [label=" + graph.DOTQuote(strings.Join(n.lines, "\n")) + "];\n")
	}
	for i, e := range m.edges {
		b.WriteString("\t" + graph.DOTQuote(e.from) + " -> " + graph.DOTQuote(e.to) +
			" [id=\"e" + strconv.Itoa(i) + "\", label=" + graph.DOTQuote(strings.Join(e.lines, "\n")) + "];\n")
	}
	b.WriteString("}\n")
	return b.String()
}
