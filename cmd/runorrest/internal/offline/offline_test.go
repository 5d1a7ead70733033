package offline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"maps"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// repoRoot is the source folder: it holds static/sw.ts.
var repoRoot = os.DirFS("../../../..")

func testConfig() Config {
	return Config{
		Name:        "Run or rest? What to do when your legs are sore",
		ShortName:   "Run or rest?",
		Description: "A short walk to clear advice.",
	}
}

func siteFiles() map[string][]byte {
	return map[string][]byte{
		"index.html":               []byte("<!doctype html><title>Start</title>"),
		"404.html":                 []byte("<!doctype html><title>Not found</title>"),
		"assets/site.0123abcd.css": []byte("body{margin:0}"),
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want []string // parts of the message
	}{
		{"no name", Config{}, []string{"the name is empty"}},
		{"no words", Config{Name: "?!"}, []string{"no letters or digits"}},
		{"bad colours", Config{Name: "x", ThemeColor: "green", BackgroundColor: "#fff"},
			[]string{`theme colour "green"`, `background colour "#fff"`}},
	}
	for _, tt := range tests {
		files := siteFiles()
		before := maps.Clone(files)
		err := Add(repoRoot, files, tt.cfg)
		if !errors.Is(err, ErrConfig) {
			t.Errorf("%s: Add = %v; want an ErrConfig", tt.name, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: Add = %q; want it to say %q", tt.name, err, w)
			}
		}
		if !maps.EqualFunc(files, before, bytes.Equal) {
			t.Errorf("%s: Add changed the files on error", tt.name)
		}
	}
}

func TestAddRefusesClash(t *testing.T) {
	files := siteFiles()
	files[ManifestFile] = []byte("{}")
	files[WorkerFile] = []byte("")
	err := Add(repoRoot, files, testConfig())
	if !errors.Is(err, ErrExists) {
		t.Fatalf("Add = %v; want ErrExists", err)
	}
	for _, name := range []string{ManifestFile, WorkerFile} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("Add = %q; want it to name %s", err, name)
		}
	}
}

func TestAddWorkerSourceErrors(t *testing.T) {
	tests := []struct {
		name string
		src  fs.FS
		want string
	}{
		{"missing", fstest.MapFS{}, "static/sw.ts"},
		{"syntax", fstest.MapFS{WorkerSource: {Data: []byte("const x = ;\n")}}, "static/sw.ts:1:11: "},
	}
	for _, tt := range tests {
		err := Add(tt.src, siteFiles(), testConfig())
		if !errors.Is(err, ErrWorker) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: Add = %v; want ErrWorker mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestAddIsDeterministic(t *testing.T) {
	a, b := siteFiles(), siteFiles()
	if err := Add(repoRoot, a, testConfig()); err != nil {
		t.Fatal(err)
	}
	if err := Add(repoRoot, b, testConfig()); err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Error("two builds of the same files differ")
	}
}

func TestWorkerListsEveryFile(t *testing.T) {
	files := siteFiles()
	if err := Add(repoRoot, files, testConfig()); err != nil {
		t.Fatal(err)
	}
	sw := string(files[WorkerFile])
	entries := Precache(files)
	if got, want := len(entries), len(files)-1; got != want {
		t.Errorf("Precache lists %d files; want %d (all but sw.js)", got, want)
	}
	for i, e := range entries {
		if i > 0 && entries[i-1].Path >= e.Path {
			t.Errorf("Precache not sorted: %q before %q", entries[i-1].Path, e.Path)
		}
		pair, _ := json.Marshal([3]string{e.Path, e.Hash, Group(e.Path, nil)})
		if !strings.Contains(sw, string(pair)) {
			t.Errorf("sw.js does not list %s", pair)
		}
	}
	if v := Version(entries); !strings.Contains(sw, v) {
		t.Errorf("sw.js does not name version %s", v)
	}
	if strings.Contains(sw, "__RUNORREST_") {
		t.Errorf("sw.js has a constant left undefined:\n%s", sw)
	}
}

func TestVersionChangesWithContent(t *testing.T) {
	a := siteFiles()
	b := siteFiles()
	b["index.html"] = append(b["index.html"], '!')
	c := siteFiles()
	c["about.html"] = nil
	va, vb, vc := Version(Precache(a)), Version(Precache(b)), Version(Precache(c))
	if va == vb || va == vc || vb == vc {
		t.Errorf("versions %s %s %s; want three different", va, vb, vc)
	}
}

func TestManifest(t *testing.T) {
	files := siteFiles()
	if err := Add(repoRoot, files, testConfig()); err != nil {
		t.Fatal(err)
	}
	var m struct {
		Name, ShortName, StartURL, Scope, Display, ThemeColor, BackgroundColor string
		Icons                                                                  []struct{ Src, Sizes, Type, Purpose string }
	}
	// encoding/json matches keys without case, not without underscores.
	data := bytes.ReplaceAll(files[ManifestFile], []byte("_"), nil)
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	cfg := testConfig()
	checks := []struct{ field, got, want string }{
		{"name", m.Name, cfg.Name},
		{"short_name", m.ShortName, cfg.ShortName},
		{"start_url", m.StartURL, "./"},
		{"scope", m.Scope, "./"},
		{"display", m.Display, "standalone"},
		{"theme_color", m.ThemeColor, DefaultThemeColor},
		{"background_color", m.BackgroundColor, DefaultBackgroundColor},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("manifest %s = %q; want %q", c.field, c.got, c.want)
		}
	}
	// Chromium wants a 192 and a 512 PNG icon for "any", and the maskable
	// one is separate. Check the real pixel sizes, not only the manifest.
	want := map[string]bool{"192x192 any": false, "512x512 any": false, "512x512 maskable": false}
	for _, ic := range m.Icons {
		key := ic.Sizes + " " + ic.Purpose
		if _, ok := want[key]; !ok || ic.Type != "image/png" {
			t.Errorf("unexpected icon %+v", ic)
			continue
		}
		want[key] = true
		cfg, format, err := image.DecodeConfig(bytes.NewReader(files[ic.Src]))
		if err != nil {
			t.Errorf("icon %s: %v", ic.Src, err)
			continue
		}
		if got := format + " " + strconv.Itoa(cfg.Width) + "x" + strconv.Itoa(cfg.Height); got != "png "+ic.Sizes {
			t.Errorf("icon %s is %s; want png %s", ic.Src, got, ic.Sizes)
		}
	}
	for key, seen := range want {
		if !seen {
			t.Errorf("manifest has no %s icon", key)
		}
	}
}

func TestIcons(t *testing.T) {
	files := siteFiles()
	if err := Add(repoRoot, files, testConfig()); err != nil {
		t.Fatal(err)
	}
	for _, ic := range icons {
		img, err := png.Decode(bytes.NewReader(files[ic.path]))
		if err != nil {
			t.Fatalf("%s: %v", ic.path, err)
		}
		if got := img.Bounds().Dx(); got != ic.size {
			t.Errorf("%s is %d wide; want %d", ic.path, got, ic.size)
		}
		n := ic.size
		// The corners: transparent unless full bleed; the middle of the
		// runner's body: white; above the mark: the theme colour.
		_, _, _, cornerA := img.At(0, 0).RGBA()
		if gotOpaque := cornerA == 0xffff; gotOpaque != ic.fullBleed {
			t.Errorf("%s: corner alpha %#x; want opaque %v", ic.path, cornerA, ic.fullBleed)
		}
		if r, g, b, _ := img.At(n*529/1024, n*455/1024).RGBA(); r != 0xffff || g != 0xffff || b != 0xffff {
			t.Errorf("%s: mark pixel is %x %x %x; want white", ic.path, r, g, b)
		}
		if r, g, b, _ := img.At(n/2, n/8).RGBA(); r>>8 != 0x1b || g>>8 != 0x5e || b>>8 != 0x4a {
			t.Errorf("%s: background pixel is %x %x %x; want the theme colour", ic.path, r>>8, g>>8, b>>8)
		}
		// The mark stays in the safe zone of a maskable icon, the circle of
		// radius 0.4 n around the centre, and covers a fair part of it.
		white := 0
		for y := range n {
			for x := range n {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				if c.A == 0 || c.R == 0x1b && c.G == 0x5e && c.B == 0x4a {
					continue
				}
				white++
				dx, dy := 2*x+1-n, 2*y+1-n // twice the offset of the pixel's centre
				if r := 0.8 * float64(n); float64(dx*dx+dy*dy) > r*r {
					t.Fatalf("%s: the mark reaches (%d,%d), outside the safe zone", ic.path, x, y)
				}
			}
		}
		if share := float64(white) / float64(n*n); share < 0.1 {
			t.Errorf("%s: the mark covers %.0f%% of the icon; want at least 10%%", ic.path, 100*share)
		}
	}
}

// The worker's code, without its list of files, stays small: it is fetched
// by every visit's update check. (3.5 KB since it caches a guide's languages
// one at a time.)
func TestWorkerSizeBudget(t *testing.T) {
	const budget = 3584
	files := siteFiles()
	if err := Add(repoRoot, files, testConfig()); err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, e := range Precache(files) {
		pair, _ := json.Marshal([3]string{e.Path, e.Hash, Group(e.Path, nil)})
		list = append(list, string(pair))
	}
	size := len(files[WorkerFile]) - len(strings.Join(list, ","))
	if size > budget {
		t.Errorf("sw.js is %d bytes without its list; budget %d", size, budget)
	}
	t.Logf("sw.js: %d bytes, %d of them code", len(files[WorkerFile]), size)
}

func BenchmarkAdd(b *testing.B) {
	for b.Loop() {
		if err := Add(repoRoot, siteFiles(), testConfig()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestIconPixels pins the icons' pixels (not their PNG bytes, which hang on
// the zlib of the Go release): the drawing is integer-only, so every
// machine must give these. Change the hashes (iconPixels) only with the
// drawing: they are part of the icon cache's keys.
func TestIconPixels(t *testing.T) {
	want := iconPixels
	theme, err := parseColour(DefaultThemeColor)
	if err != nil {
		t.Fatal(err)
	}
	for _, ic := range icons {
		sum := sha256.Sum256(ic.draw(theme).Pix)
		if got := hex.EncodeToString(sum[:8]); got != want[ic.path] {
			t.Errorf("%s pixels hash to %s; want %s", ic.path, got, want[ic.path])
		}
	}
}

func BenchmarkDrawIcons(b *testing.B) {
	theme, _ := parseColour(DefaultThemeColor)
	for b.Loop() {
		for _, ic := range icons {
			if _, err := encodePNG(ic.draw(theme)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestShortName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Run or rest? What to do when your legs are sore", "Run or rest?"},
		{"Sore legs: run or rest", "Sore legs"},
		{"Run or rest?", "Run or rest?"},
		{"Run or rest", "Run or rest"},
	}
	for _, tt := range tests {
		if got := shortName(tt.in); got != tt.want {
			t.Errorf("shortName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestIconShortcuts draws each icon again by sampling every pixel: the
// shortcuts of draw (the mark's bounds, pixels wholly inside a shape) must
// not change a pixel.
func TestIconShortcuts(t *testing.T) {
	theme, err := parseColour(DefaultThemeColor)
	if err != nil {
		t.Fatal(err)
	}
	const total = subsamples * subsamples
	for _, ic := range icons {
		img := ic.draw(theme)
		n := ic.size
		scale := int64(2 * n * subsamples)
		for py := range n {
			for px := range n {
				inBack, inMark := sample(px, py, scale, -1, -1)
				if ic.fullBleed {
					inBack = total
				}
				want := color.NRGBA{}
				if inBack > 0 {
					want = color.NRGBA{mix(theme.R, inMark, total), mix(theme.G, inMark, total), mix(theme.B, inMark, total), uint8((255*inBack + total/2) / total)}
				}
				if got := img.NRGBAAt(px, py); got != want {
					t.Fatalf("%s: pixel (%d,%d) is %v; sampled whole it is %v", ic.path, px, py, got, want)
				}
			}
		}
	}
}
