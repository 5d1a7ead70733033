package publish

import (
	"compress/gzip"
	"io"
	"maps"
	"path"
	"runtime"
	"slices"
	"sync"
)

// Stats sums a site's files: their bytes, and their bytes once gzipped
// (each file alone, default level, as a web server would send it).
type Stats struct {
	Pages, Files   int // Pages counts the .html files
	Bytes, Gzipped int64
}

// Measure sums the files Write would write; they are compressed in
// parallel.
func Measure(files map[string][]byte) Stats {
	names := slices.Sorted(maps.Keys(files))
	sizes := make([]int64, len(names))
	parallel(len(names), runtime.GOMAXPROCS(0), func(i int) { sizes[i] = GzipSize(files[names[i]]) })
	st := Stats{Files: len(names)}
	for i, n := range names {
		if path.Ext(n) == ".html" {
			st.Pages++
		}
		st.Bytes += int64(len(files[n]))
		st.Gzipped += sizes[i]
	}
	return st
}

// gzips reuses compressors: each holds most of a megabyte of state.
var gzips = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// GzipSize is the length of data gzipped at the default level.
func GzipSize(data []byte) int64 {
	var c counter
	w := gzips.Get().(*gzip.Writer)
	defer gzips.Put(w)
	w.Reset(&c)
	w.Write(data)
	w.Close()
	return int64(c)
}

type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }
