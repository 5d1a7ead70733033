package devserver

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sync"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
)

// SiteBuild returns the BuildFunc of runorrest serve: what runorrest build
// does, in memory. Problems come back as decision.Problems, one
// "file:line:col: what is wrong (how to fix it)" line each.
//
// Between builds it keeps what an edit of the words cannot change: the
// compiled stylesheet and script, until a file under static/ changes.
func SiteBuild() BuildFunc {
	c := &assetCache{make: bundle.Bundle, assets: map[string]cachedAsset{}}
	return func(fsys fs.FS) (map[string][]byte, []string, error) {
		tree, err := decision.Load(fsys, decision.Options{})
		var warnings []string
		if tree != nil {
			for _, w := range tree.Warnings {
				warnings = append(warnings, w.Error())
			}
		}
		if err != nil {
			return nil, warnings, err
		}
		s, err := site.Build(fsys, tree, site.Options{Bundle: c.bundle})
		if err != nil {
			return nil, warnings, err
		}
		return s.Files, warnings, nil
	}
}

// assetCache remembers bundles by the content of static/, where the
// stylesheet, the script and everything they import live.
type assetCache struct {
	make   func(fs.FS, string) (bundle.Asset, error) // bundle.Bundle
	mu     sync.Mutex
	assets map[string]cachedAsset // entry -> last bundle
}

type cachedAsset struct {
	static [32]byte // hash of static/ when it was bundled
	asset  bundle.Asset
	err    error
}

func (c *assetCache) bundle(fsys fs.FS, entry string) (bundle.Asset, error) {
	sum, err := hashDir(fsys, "static")
	if err != nil {
		return c.make(fsys, entry)
	}
	c.mu.Lock()
	got, ok := c.assets[entry]
	c.mu.Unlock()
	if ok && got.static == sum {
		return got.asset, got.err
	}
	a, err := c.make(fsys, entry)
	c.mu.Lock()
	c.assets[entry] = cachedAsset{static: sum, asset: a, err: err}
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
