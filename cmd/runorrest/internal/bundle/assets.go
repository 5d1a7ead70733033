package bundle

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"runorrest/decision"
)

// The entry files of the pages' assets, relative to the source folder.
const (
	Stylesheet    = "static/site.css"
	FlowScript    = "static/flow.ts"
	OfflineScript = "static/offline.ts" // bundled alone when there is no flow script
)

// Assets are the compiled stylesheet and script every page loads.
type Assets struct {
	CSS    string            // path of the stylesheet: "assets/site.3f9a1c2e.css"
	Script string            // path of the script; "" when the guide has none
	Files  map[string][]byte // both, by path
}

// Pages compiles the pages' stylesheet and their script: static/flow.ts,
// or without it static/offline.ts, or none. Both are compiled, so that
// every problem of both comes back at once. c, if not nil, keeps the
// results while static/ is unchanged.
func Pages(fsys fs.FS, c *Cache) (Assets, error) {
	entries := []string{Stylesheet}
	for _, e := range []string{FlowScript, OfflineScript} {
		if _, err := fs.Stat(fsys, e); err == nil {
			entries = append(entries, e)
			break
		}
	}
	out := Assets{Files: map[string][]byte{}}
	var ps decision.Problems
	for i, e := range entries {
		a, err := c.bundle(fsys, e)
		if err != nil {
			var more decision.Problems
			if !errors.As(err, &more) {
				return Assets{}, err
			}
			ps = append(ps, more...)
			continue
		}
		out.Files[a.Path] = a.Data
		if i == 0 {
			out.CSS = a.Path
		} else {
			out.Script = a.Path
		}
	}
	if len(ps) > 0 {
		decision.SortProblems(ps)
		return Assets{}, ps
	}
	return out, nil
}

// Cache remembers bundles by the content of static/, where the stylesheet,
// the script and everything they import live: runorrest serve keeps one, so
// that an edit of the words does not compile them again. The zero value is
// ready to use; a nil *Cache bundles every time.
type Cache struct {
	mu     sync.Mutex
	assets map[string]cached // entry -> last bundle
	make   func(fs.FS, string) (Asset, error)
}

type cached struct {
	static [32]byte // hash of static/ when it was bundled
	asset  Asset
	err    error
}

// bundle is Bundle, through the cache.
func (c *Cache) bundle(fsys fs.FS, entry string) (Asset, error) {
	if c == nil {
		return Bundle(fsys, entry)
	}
	make := c.make
	if make == nil {
		make = Bundle
	}
	sum, err := hashDir(fsys, "static")
	if err != nil {
		return make(fsys, entry)
	}
	c.mu.Lock()
	got, ok := c.assets[entry]
	c.mu.Unlock()
	if ok && got.static == sum {
		return got.asset, got.err
	}
	a, err := make(fsys, entry)
	c.mu.Lock()
	if c.assets == nil {
		c.assets = map[string]cached{}
	}
	c.assets[entry] = cached{static: sum, asset: a, err: err}
	c.mu.Unlock()
	return a, err
}

// hashDir hashes the names and contents of every file under dir.
func hashDir(fsys fs.FS, dir string) ([32]byte, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%d:%s%d:", len(p), p, len(data))
		h.Write(data)
		return nil
	})
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, err
}
