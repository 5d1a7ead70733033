package site

import (
	"compress/gzip"
	"io"
	"sort"
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

// GzipSize is the length of data gzipped at the default level.
func GzipSize(data []byte) int64 {
	var c counter
	w := gzip.NewWriter(&c)
	w.Write(data)
	w.Close()
	return int64(c)
}

type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }

var _ io.Writer = (*counter)(nil)
