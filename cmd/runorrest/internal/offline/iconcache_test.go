package offline

import (
	"bytes"
	"crypto/sha256"
	"image/color"
	"os"
	"path/filepath"
	"testing"
)

// TestIconCache checks that the icons come out of the cache folder byte
// for byte as drawn, that the cache is really read, and that a damaged or
// unwritable cache only means drawing again.
func TestIconCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	theme, err := parseColour(DefaultThemeColor)
	if err != nil {
		t.Fatal(err)
	}
	for _, ic := range icons {
		fresh, err := encodePNG(ic.draw(theme))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(cache, "runorrest", "icons", iconKey(ic, theme)+".png")
		for _, step := range []string{"drawn", "from the cache"} {
			got, err := cachedIcon(ic, theme)
			if err != nil || !bytes.Equal(got, fresh) {
				t.Fatalf("%s %s: %d bytes, %v; want the %d bytes drawn", ic.path, step, len(got), err, len(fresh))
			}
			if _, ok := readCachedIcon(file); !ok {
				t.Fatalf("%s %s: no valid file in the cache", ic.path, step)
			}
		}

		// A file with a valid hash is used as it is: the cache is read.
		other := []byte("not the icon")
		sum := sha256.Sum256(other)
		if err := os.WriteFile(file, append(other, sum[:]...), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, _ := cachedIcon(ic, theme); !bytes.Equal(got, other) {
			t.Fatalf("%s: the cached file was not read", ic.path)
		}

		// A damaged file is drawn again and replaced.
		if err := os.WriteFile(file, append([]byte("damaged"), sum[:]...), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, _ := cachedIcon(ic, theme); !bytes.Equal(got, fresh) {
			t.Fatalf("%s: a damaged cache file was used", ic.path)
		}
		if got, ok := readCachedIcon(file); !ok || !bytes.Equal(got, fresh) {
			t.Fatalf("%s: the damaged cache file was not replaced", ic.path)
		}
	}

	// A cache folder that cannot be made: the icons are drawn all the same.
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", blocker)
	ic := icons[0]
	fresh, _ := encodePNG(ic.draw(theme))
	if got, err := cachedIcon(ic, theme); err != nil || !bytes.Equal(got, fresh) {
		t.Fatalf("without a cache folder: %d bytes, %v; want the %d bytes drawn", len(got), err, len(fresh))
	}
}

// TestIconKeys checks that every icon and every colour has a key of its
// own.
func TestIconKeys(t *testing.T) {
	seen := map[string]string{}
	for _, theme := range []color.NRGBA{{0x1b, 0x5e, 0x4a, 255}, {0x1b, 0x5e, 0x4b, 255}, {0, 0, 0, 255}} {
		for _, ic := range icons {
			k := iconKey(ic, theme)
			what := ic.path + " " + string([]byte{theme.R, theme.G, theme.B})
			if prev, dup := seen[k]; dup {
				t.Errorf("%q and %q share the key %s", prev, what, k)
			}
			seen[k] = what
		}
	}
}
