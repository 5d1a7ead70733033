package site

import (
	"compress/gzip"
	"io"
	"sort"
	"sync"
)

// Stats sums a site's files: their bytes, and their bytes once gzipped
// (each file alone, default level, as a web server would send it).
type Stats struct {
	Pages, Files   int
	Bytes, Gzipped int64
}

// Stats measures the site; files are compressed in parallel.
func (s *Site) Stats() Stats {
	names := make([]string, 0, len(s.Files))
	for n := range s.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	sizes := make([]int64, len(names))
	parallel(len(names), func(i int) { sizes[i] = GzipSize(s.Files[names[i]]) })
	st := Stats{Pages: len(s.Pages), Files: len(names)}
	for i, n := range names {
		st.Bytes += int64(len(s.Files[n]))
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
