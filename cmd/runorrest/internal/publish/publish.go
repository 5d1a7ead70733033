// Package publish writes a built site to its folder atomically: the new
// files go into a temporary folder beside the target, which then takes the
// target's place. A failed write leaves the previous output as it was.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
)

// Marker is the file that every build writes at the top of its output. A
// non-empty folder without it was not built by runorrest and is never
// replaced.
const Marker = ".runorrest"

// markerText is the content of the marker file.
const markerText = "Built by runorrest. This folder is replaced whole on every build: do not keep other files here.\n"

var (
	// ErrNotOurs: the output folder holds files but no marker.
	ErrNotOurs = errors.New("output folder was not built by runorrest")
	// ErrNotFolder: the output path exists and is not a plain folder.
	ErrNotFolder = errors.New("output path is not a folder")
	// ErrBadPath: a file name of the site is not a clean relative path.
	ErrBadPath = errors.New("bad file path")
)

// Write replaces the folder dir with exactly files (path -> content, paths
// slash-separated and relative, like "assets/site.1a2b3c4d.css") plus the
// marker. It creates dir when missing. It refuses a dir that is a symbolic
// link, not a folder, or a non-empty folder without the marker. Only dir
// itself and the temporary folders it creates beside it are ever touched.
func Write(dir string, files map[string][]byte) (err error) {
	dir = filepath.Clean(dir)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if parent == abs || base == "." || base == ".." {
		return fmt.Errorf("%s: %w (give a folder such as public)", dir, ErrNotFolder)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		if !fs.ValidPath(name) || name == "." || name == Marker || path.Clean(name) != name {
			return fmt.Errorf("%q: %w", name, ErrBadPath)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	exists, err := checkTarget(abs, dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, base+".tmp-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp) // ours: made above, never the target
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := writeFiles(tmp, names, files); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		return err
	}
	if !exists {
		return os.Rename(tmp, abs)
	}
	return swap(abs, tmp, parent, base)
}

// writeFiles writes the files into dir: folders first, each once, then the
// files on a few goroutines. It returns every error, joined.
func writeFiles(dir string, names []string, files map[string][]byte) error {
	made := map[string]bool{".": true}
	for _, name := range names {
		d := path.Dir(name)
		if made[d] {
			continue
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
		made[d] = true
	}
	errs := make([]error, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(4, len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(names); i = int(next.Add(1) - 1) {
				errs[i] = os.WriteFile(filepath.Join(dir, filepath.FromSlash(names[i])), files[names[i]], 0o644)
			}
		}()
	}
	wg.Wait()
	return errors.Join(slices.DeleteFunc(errs, func(e error) bool { return e == nil })...)
}

// checkTarget reports whether abs exists, and refuses one that must not be
// replaced.
func checkTarget(abs, shown string) (bool, error) {
	fi, err := os.Lstat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return false, fmt.Errorf("%s: %w: it is a symbolic link (give the real folder)", shown, ErrNotFolder)
	}
	if !fi.IsDir() {
		return false, fmt.Errorf("%s: %w (remove it or give another -o)", shown, ErrNotFolder)
	}
	if _, err := os.Lstat(filepath.Join(abs, Marker)); err == nil {
		return true, nil
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("%s: %w: it holds files but no %s marker (empty it or give another -o)", shown, ErrNotOurs, Marker)
	}
	return true, nil
}

// swap puts the new folder tmp in the place of the old folder abs: the old
// one is renamed away, the new one renamed in, then the old one deleted. If
// the second rename fails, the old folder is put back.
func swap(abs, tmp, parent, base string) error {
	old, err := os.MkdirTemp(parent, base+".tmp-old-")
	if err != nil {
		return err
	}
	// MkdirTemp picked a free name; Go's Rename will not replace a folder.
	if err := os.Remove(old); err != nil {
		return err
	}
	if err := os.Rename(abs, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, abs); err != nil {
		if rerr := os.Rename(old, abs); rerr != nil {
			return fmt.Errorf("%w; the previous output is in %s", err, old)
		}
		return err
	}
	return os.RemoveAll(old)
}
