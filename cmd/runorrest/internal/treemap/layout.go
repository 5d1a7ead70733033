package treemap

// placed is the layout of one graph: a bounding box, node boxes and edge
// curves, in points (one CSS pixel each) with y growing upwards.
type placed struct {
	width, height float64
	nodes         map[string]box
	edges         []curve // in the order of the model's edges
}

type box struct{ x, y, w, h float64 } // centre and size

type curve struct {
	points   []point // cubic Bézier control points: p0 (c1 c2 p)*
	arrow    *point  // the arrow's tip
	label    point
	hasLabel bool
}

type point struct{ x, y float64 }
