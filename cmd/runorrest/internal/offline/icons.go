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

// icon is one PNG the build draws: the guide's mark, a "play" triangle (run)
// beside a "pause" sign (rest), in white on the theme colour.
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

var (
	triangle = [3]point{{272, 352}, {272, 672}, {512, 512}}
	bars     = [2][2]point{{{576, 352}, {640, 672}}, {{688, 352}, {752, 672}}}
)

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
			if px < lo.X || px >= hi.X || py < lo.Y || py >= hi.Y {
				inMark = 0
			} else if slices.ContainsFunc(markShapes, func(s shape) bool { return fills(s, px, py, scale) }) {
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
			if countMark && inMarkShape(p, scale) {
				inMark++
			}
		}
	}
	return inBack, inMark
}

// shape reports whether a point (in grid units times scale) is inside it.
// Every shape is convex.
type shape func(p point, scale int64) bool

var markShapes = []shape{inTriangle, inBar(0), inBar(1)}

// fills reports whether the pixel lies wholly inside the convex shape:
// then its four corners do.
func fills(s shape, px, py int, scale int64) bool {
	x0, x1 := int64(2*px*subsamples)*grid, int64(2*(px+1)*subsamples)*grid
	y0, y1 := int64(2*py*subsamples)*grid, int64(2*(py+1)*subsamples)*grid
	return s(point{x0, y0}, scale) && s(point{x1, y0}, scale) && s(point{x0, y1}, scale) && s(point{x1, y1}, scale)
}

// markBounds gives the pixels that the mark may touch on an n x n icon.
func markBounds(n int) (lo, hi image.Point) {
	return image.Pt(272*n/grid, 352*n/grid), image.Pt((752*n+grid-1)/grid+1, (672*n+grid-1)/grid+1)
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

func inMarkShape(p point, scale int64) bool {
	return slices.ContainsFunc(markShapes, func(s shape) bool { return s(p, scale) })
}

func inBar(i int) shape {
	b := bars[i]
	return func(p point, scale int64) bool {
		return p.x >= b[0].x*scale && p.x < b[1].x*scale && p.y >= b[0].y*scale && p.y < b[1].y*scale
	}
}

func inTriangle(p point, scale int64) bool {
	var neg, pos bool
	for i := range triangle {
		a, b := triangle[i], triangle[(i+1)%3]
		e := (b.x-a.x)*scale*(p.y-a.y*scale) - (b.y-a.y)*scale*(p.x-a.x*scale)
		neg = neg || e < 0
		pos = pos || e > 0
	}
	return !(neg && pos)
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
			data, err := encodePNG(ic.draw(theme))
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
