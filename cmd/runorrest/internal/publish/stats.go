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
// each file alone at gzip's fastest level (gzip -1), as a web server that
// compresses on the fly sends them. The fastest level is within a tenth of
// the default level's size and takes a third of its time, which on a large
// guide was a fifth of the build.
type Stats struct {
	Pages, Files   int // Pages counts the .html files
	Bytes, Gzipped int64
}

// Measure sums the files Write would write; they are compressed in
// parallel.
func Measure(files map[string][]byte) Stats {
	names := slices.Sorted(maps.Keys(files))
	sizes := make([]int64, len(names))
	parallel(len(names), runtime.GOMAXPROCS(0), func(i int) { sizes[i] = gzipSize(&fastGzips, files[names[i]]) })
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

// gzips and fastGzips reuse compressors of the default and the fastest
// level: each holds up to a megabyte of state.
var (
	gzips     = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}
	fastGzips = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
		return w
	}}
)

// GzipSize is the length of data gzipped at the default level, the size
// the tests' budgets hold pages and assets to.
func GzipSize(data []byte) int64 { return gzipSize(&gzips, data) }

// gzipSize is the length of data gzipped by a compressor of pool.
func gzipSize(pool *sync.Pool, data []byte) int64 {
	var c counter
	w := pool.Get().(*gzip.Writer)
	defer pool.Put(w)
	w.Reset(&c)
	w.Write(data)
	w.Close()
	return int64(c)
}

type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }
