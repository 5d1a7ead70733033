package offline

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strconv"
	"sync"
)

// icon is one PNG the build draws: the guide's mark, a runner in mid-stride,
// in white on the theme colour.
type icon struct {
	path      string
	size      int
	purpose   string // the manifest's purpose; "" keeps it out of the manifest
	fullBleed bool   // square corners and room to crop, for maskable and Apple icons
}

var icons = []icon{
	{Icon192, 192, "any", false},
	{Icon512, 512, "any", false},
	{MaskableIcon, 512, "maskable", true},
	{AppleTouchIcon, 180, "", true},
}

func (ic icon) sizes() string {
	n := strconv.Itoa(ic.size)
	return n + "x" + n
}

// The mark is drawn on a grid of grid x grid units. It stays inside the
// circle of radius 0.4 x grid around the centre, the safe zone of a maskable
// icon, so a phone may crop the full-bleed icons to any shape.
const (
	grid       = 1024
	cornerUnit = 192 // the radius of the rounded corners of the "any" icons
	subsamples = 4   // per pixel and axis, for smooth edges
)

type point struct{ x, y int64 }

// The runner, facing right and leaning into the stride: a round head, and a
// body, arms and legs drawn as thick strokes with round ends. Every part is
// convex, in grid units.
var (
	head   = circle{point{604, 236}, 66}
	stroke = int64(42) // the half-width of body, arms and legs
	limbs  = []segment{
		{point{566, 350}, point{492, 560}}, // body
		{point{556, 380}, point{648, 470}}, // front arm
		{point{648, 470}, point{742, 420}}, // front forearm
		{point{540, 390}, point{448, 452}}, // back arm
		{point{448, 452}, point{392, 376}}, // back forearm
		{point{492, 560}, point{626, 648}}, // front thigh
		{point{626, 648}, point{590, 800}}, // front shin
		{point{492, 560}, point{418, 690}}, // back thigh
		{point{418, 690}, point{288, 708}}, // back shin
	}
)

type circle struct {
	c point
	r int64
}

type segment struct{ a, b point }

// draw renders the icon. It uses integer arithmetic only, so every machine
// gives the same pixels.
func (ic icon) draw(theme color.NRGBA) *image.NRGBA {
	n := ic.size
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	// A sample at index i (0 <= i < n*subsamples) sits at grid coordinate
	// (2i+1)*grid / scale; grid coordinates are multiplied by scale to compare.
	scale := int64(2 * n * subsamples)
	const total = subsamples * subsamples
	// Only pixels on the edge of a shape need samples: a pixel away from
	// the corners and the mark, or inside a shape, is one colour.
	cornerPx := (cornerUnit*n + grid - 1) / grid
	lo, hi := markBounds(n)
	for py := range n {
		for px := range n {
			inBack, inMark := int64(-1), int64(-1) // not known yet
			nearCorner := (px < cornerPx || px >= n-cornerPx) && (py < cornerPx || py >= n-cornerPx)
			if ic.fullBleed || !nearCorner || fills(inRoundedSquare, px, py, scale) {
				inBack = total
			}
			switch {
			case px < lo.X || px >= hi.X || py < lo.Y || py >= hi.Y || markMisses(px, py, n, scale):
				inMark = 0
			case markFills(px, py, scale):
				inMark = total
			}
			if inBack < 0 || inMark < 0 {
				inBack, inMark = sample(px, py, scale, inBack, inMark)
			}
			if inBack == 0 {
				continue // transparent
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: mix(theme.R, inMark, total),
				G: mix(theme.G, inMark, total),
				B: mix(theme.B, inMark, total),
				A: uint8((255*inBack + total/2) / total),
			})
		}
	}
	return img
}

// sample counts the samples of a pixel inside the background and the
// mark, for the counts not known yet (< 0).
func sample(px, py int, scale, inBack, inMark int64) (int64, int64) {
	countBack, countMark := inBack < 0, inMark < 0
	if countBack {
		inBack = 0
	}
	if countMark {
		inMark = 0
	}
	for sy := range subsamples {
		for sx := range subsamples {
			p := point{
				int64(2*(px*subsamples+sx)+1) * grid,
				int64(2*(py*subsamples+sy)+1) * grid,
			}
			if countBack && inRoundedSquare(p, scale) {
				inBack++
			}
			if countMark && onMark(toFine(p, scale), 0) {
				inMark++
			}
		}
	}
	return inBack, inMark
}

// shape reports whether a point (in grid units times scale) is inside it.
// Every shape is convex.
type shape func(p point, scale int64) bool

// A part of the mark: a convex shape, given as a test of whether a point
// (in 1/fine grid units) lies within extra of it.
type part func(q point, extra int64) bool

var markParts = func() []part {
	ps := []part{inHead}
	for i := range limbs {
		ps = append(ps, inLimb(i))
	}
	return ps
}()

func onMark(q point, extra int64) bool {
	return slices.ContainsFunc(markParts, func(in part) bool { return in(q, extra) })
}

// markFills reports whether the pixel lies wholly inside one part of the
// mark: then its four corners do.
func markFills(px, py int, scale int64) bool {
	x0, x1 := int64(2*px*subsamples)*grid, int64(2*(px+1)*subsamples)*grid
	y0, y1 := int64(2*py*subsamples)*grid, int64(2*(py+1)*subsamples)*grid
	c := [4]point{toFine(point{x0, y0}, scale), toFine(point{x1, y0}, scale), toFine(point{x0, y1}, scale), toFine(point{x1, y1}, scale)}
	return slices.ContainsFunc(markParts, func(in part) bool {
		return in(c[0], 0) && in(c[1], 0) && in(c[2], 0) && in(c[3], 0)
	})
}

// markMisses reports whether no sample of the pixel can be in the mark: its
// centre is farther than a pixel's width from every part, and every sample
// is nearer the centre than that.
func markMisses(px, py, n int, scale int64) bool {
	centre := toFine(point{int64(2*px+1) * subsamples * grid, int64(2*py+1) * subsamples * grid}, scale)
	return !onMark(centre, int64(grid*fine/n+1))
}

// fills reports whether the pixel lies wholly inside the convex shape:
// then its four corners do.
func fills(s shape, px, py int, scale int64) bool {
	x0, x1 := int64(2*px*subsamples)*grid, int64(2*(px+1)*subsamples)*grid
	y0, y1 := int64(2*py*subsamples)*grid, int64(2*(py+1)*subsamples)*grid
	return s(point{x0, y0}, scale) && s(point{x1, y0}, scale) && s(point{x0, y1}, scale) && s(point{x1, y1}, scale)
}

// markBounds gives the pixels that the mark may touch on an n x n icon.
func markBounds(n int) (lo, hi image.Point) {
	minX, minY := head.c.x-head.r, head.c.y-head.r
	maxX, maxY := head.c.x+head.r, head.c.y+head.r
	for _, l := range limbs {
		minX, maxX = min(minX, l.a.x-stroke, l.b.x-stroke), max(maxX, l.a.x+stroke, l.b.x+stroke)
		minY, maxY = min(minY, l.a.y-stroke, l.b.y-stroke), max(maxY, l.a.y+stroke, l.b.y+stroke)
	}
	g := int64(grid)
	return image.Pt(int(minX*int64(n)/g), int(minY*int64(n)/g)),
		image.Pt(int((maxX*int64(n)+g-1)/g)+1, int((maxY*int64(n)+g-1)/g)+1)
}

// mix blends a channel of the theme colour with white, by coverage/total.
func mix(c uint8, coverage, total int64) uint8 {
	return uint8((int64(c)*(total-coverage) + 255*coverage + total/2) / total)
}

func inRoundedSquare(p point, scale int64) bool {
	r := cornerUnit * scale
	edge := grid * scale
	cx, cy := p.x, p.y
	switch {
	case p.x < r:
		cx = r
	case p.x > edge-r:
		cx = edge - r
	default:
		return true
	}
	switch {
	case p.y < r:
		cy = r
	case p.y > edge-r:
		cy = edge - r
	default:
		return true
	}
	dx, dy := p.x-cx, p.y-cy
	return dx*dx+dy*dy <= r*r
}

// fine is the precision of the mark's tests: a point is taken to 1/fine of
// a grid unit, which keeps every product inside an int64.
const fine = 16

// toFine turns a sample point (grid units times scale) into 1/fine grid units.
func toFine(p point, scale int64) point {
	return point{p.x * fine / scale, p.y * fine / scale}
}

func inHead(q point, extra int64) bool {
	dx, dy := q.x-head.c.x*fine, q.y-head.c.y*fine
	r := head.r*fine + extra
	return dx*dx+dy*dy <= r*r
}

// inLimb is the shape of a stroke: the points within its half-width of
// the segment.
func inLimb(i int) part {
	l := limbs[i]
	a, b := point{l.a.x * fine, l.a.y * fine}, point{l.b.x * fine, l.b.y * fine}
	d := point{b.x - a.x, b.y - a.y}
	len2 := d.x*d.x + d.y*d.y
	return func(q point, extra int64) bool {
		r := stroke*fine + extra
		r2 := r * r
		w := point{q.x - a.x, q.y - a.y}
		switch t := w.x*d.x + w.y*d.y; {
		case t <= 0:
			return w.x*w.x+w.y*w.y <= r2
		case t >= len2:
			e := point{q.x - b.x, q.y - b.y}
			return e.x*e.x+e.y*e.y <= r2
		}
		cross := w.x*d.y - w.y*d.x
		return cross*cross <= r2*len2
	}
}

// parseColour reads "#rrggbb" (already checked by Config.withDefaults).
func parseColour(s string) (color.NRGBA, error) {
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if len(s) != 7 || err != nil {
		return color.NRGBA{}, fmt.Errorf("%w: %q is not a colour like #1b5e4a", ErrConfig, s)
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// assets gives the manifest and the icons of a checked Config.
func assets(cfg Config) (map[string][]byte, error) {
	theme, err := parseColour(cfg.ThemeColor)
	if err != nil {
		return nil, err
	}
	out, err := drawIcons(theme)
	if err != nil {
		return nil, err
	}
	if out[ManifestFile], err = encodeManifest(cfg); err != nil {
		return nil, err
	}
	for _, l := range cfg.Langs {
		if out[l.Lang+"/"+ManifestFile], err = encodeLangManifest(cfg, l); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// drawn keeps the icons of each theme colour a process has drawn: a dev
// server rebuilds often, and the icons change only with the colour.
var drawn struct {
	sync.Mutex
	icons map[color.NRGBA]map[string][]byte
}

// drawIcons gives a fresh map of the icons' PNG files.
func drawIcons(theme color.NRGBA) (map[string][]byte, error) {
	drawn.Lock()
	defer drawn.Unlock()
	pngs, ok := drawn.icons[theme]
	if !ok {
		pngs = make(map[string][]byte, len(icons))
		for _, ic := range icons {
			data, err := cachedIcon(ic, theme)
			if err != nil {
				return nil, fmt.Errorf("offline: %s: %w", ic.path, err)
			}
			pngs[ic.path] = data
		}
		if drawn.icons == nil {
			drawn.icons = map[color.NRGBA]map[string][]byte{}
		}
		drawn.icons[theme] = pngs
	}
	out := make(map[string][]byte, len(pngs)+1)
	for name, data := range pngs {
		out[name] = bytes.Clone(data)
	}
	return out, nil
}
