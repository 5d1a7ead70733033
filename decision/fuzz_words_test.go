package decision

import (
	"errors"
	"maps"
	"os"
	"slices"
	"testing"
)

// FuzzParseTranslation reads any bytes as the Spanish of
// testdata/words/tree.yaml: never a panic, only positioned problems; and
// whatever parses, StampWords stamps, leaving no stale string.
func FuzzParseTranslation(f *testing.F) {
	files := readFiles(f, "testdata/words/*.yaml")
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f.Add(files[name])
	}
	tree, err := os.ReadFile("testdata/words/tree.yaml")
	if err != nil {
		f.Fatal(err)
	}
	orig, err := Parse(TreeFile, tree, Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := Options{MaxBytes: 1 << 16}
		tr, err := ParseTranslation(orig, "es", WordsFile("es"), data, opts)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %T %v; want non-empty Problems", err, err)
			}
			if errors.Is(err, ErrInternal) {
				t.Fatalf("ParseTranslation panicked: %v", err)
			}
			for _, p := range ps {
				if p.Pos.Line < 1 || p.Pos.Col < 1 || p.Msg == "" || p.Err == nil || p.Warning {
					t.Fatalf("malformed problem %#v", p)
				}
			}
		}
		if tr == nil {
			return
		}
		out, _, err := StampWords(orig, "es", WordsFile("es"), data, opts)
		if err != nil {
			t.Fatalf("StampWords of a file that parses: %v", err)
		}
		after, _ := ParseTranslation(orig, "es", WordsFile("es"), out, opts)
		if after == nil {
			t.Fatalf("the stamped file does not parse:\n%s", out)
		}
		for _, w := range after.Warnings {
			if errors.Is(w, ErrStale) {
				t.Fatalf("stamped file still has %v:\n%s", w, out)
			}
		}
	})
}
