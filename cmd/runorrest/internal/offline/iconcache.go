package offline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image/color"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
)

// iconPixels pins the pixels of the default theme's icons: TestIconPixels
// fails unless they are the hashes of what draw gives. They are part of
// the icon cache's keys, so a change to the drawing, which must change
// them, never meets an icon drawn before it.
var iconPixels = map[string]string{
	Icon192:        "a80b524e86f3a7ea",
	Icon512:        "be84b6da468d48b0",
	MaskableIcon:   "2d037ff80997c40d",
	AppleTouchIcon: "59f3f76b3824a0a4",
}

// Drawing and compressing the four icons is most of the work of building
// a small guide, and they change only with the theme colour. So each is
// kept in the user's cache folder (os.UserCacheDir, e.g.
// ~/.cache/runorrest/icons), under a name that hashes all it depends on:
// the drawing, the icon, the colour and the Go release (whose zlib makes
// the PNG's bytes). The file is the PNG followed by its SHA-256, and one
// whose hash does not match is drawn again. Without a cache folder the
// icons are drawn every time.

// iconCacheDir is the folder of cached icons, or "" if there is none.
func iconCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "runorrest", "icons")
}

// iconKey names the cached file of ic in theme.
func iconKey(ic icon, theme color.NRGBA) string {
	h := sha256.New()
	fmt.Fprintf(h, "runorrest icon\n%s\n%s %d %v %d\n%02x%02x%02x\n", runtime.Version(),
		ic.path, ic.size, ic.fullBleed, subsamples, theme.R, theme.G, theme.B)
	for _, p := range slices.Sorted(maps.Keys(iconPixels)) {
		fmt.Fprintf(h, "%s %s\n", p, iconPixels[p])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// cachedIcon gives the PNG of ic in theme from the cache folder, or draws
// it and keeps it there.
func cachedIcon(ic icon, theme color.NRGBA) ([]byte, error) {
	dir := iconCacheDir()
	var file string
	if dir != "" {
		file = filepath.Join(dir, iconKey(ic, theme)+".png")
		if data, ok := readCachedIcon(file); ok {
			return data, nil
		}
	}
	data, err := encodePNG(ic.draw(theme))
	if err != nil {
		return nil, err
	}
	if dir != "" {
		writeCachedIcon(file, data) // a cache that cannot be written is no error
	}
	return data, nil
}

func readCachedIcon(file string) ([]byte, bool) {
	b, err := os.ReadFile(file)
	if err != nil || len(b) <= sha256.Size {
		return nil, false
	}
	data, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if got := sha256.Sum256(data); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return data, true
}

// writeCachedIcon writes the file whole or not at all: a temporary file,
// then a rename.
func writeCachedIcon(file string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(file), ".icon-*")
	if err != nil {
		return
	}
	sum := sha256.Sum256(data)
	_, err = f.Write(append(slices.Clip(data), sum[:]...))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), file)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
