package publish

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// Measure counts the pages, files and bytes, and gzips each file alone at
// the fastest level: the sizes are those of real gzip streams that
// decompress to the files.
func TestMeasure(t *testing.T) {
	files := map[string][]byte{
		"index.html":         []byte(strings.Repeat("<p>Rest or run?</p>\n", 200)),
		"assets/site.css":    []byte(strings.Repeat("p{margin:0}\n", 100)),
		"deep/er/about.html": []byte("<p>About</p>"),
		"empty.txt":          {},
	}
	var want Stats
	for name, data := range files {
		var z bytes.Buffer
		w, err := gzip.NewWriterLevel(&z, gzip.BestSpeed)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
		w.Close()
		r, err := gzip.NewReader(bytes.NewReader(z.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if back, err := io.ReadAll(r); err != nil || !bytes.Equal(back, data) {
			t.Fatalf("%s does not round-trip through gzip: %v", name, err)
		}
		want.Files++
		want.Bytes += int64(len(data))
		want.Gzipped += int64(z.Len())
		if strings.HasSuffix(name, ".html") {
			want.Pages++
		}
	}
	for range 3 { // compressors are reused: the figures stay the same
		if got := Measure(files); got != want {
			t.Fatalf("Measure = %+v; want %+v", got, want)
		}
	}
	if want.Gzipped >= want.Bytes {
		t.Errorf("gzipped %d bytes of %d: repetitive text should shrink", want.Gzipped, want.Bytes)
	}
}
