// Package publish writes a built site to its folder atomically: the new
// files go into a temporary folder beside the target, which then takes the
// target's place, in one atomic exchange on Linux (renameat2), elsewhere by
// renaming the old folder away and the new one in. The old folder is then
// deleted. A failed write leaves the previous output as it was.
//
// A file whose bytes are the same as in the previous output is not written
// again but hard-linked into the new folder (where the file system can):
// a rebuild after a small edit creates and deletes few files, which is
// most of the cost of writing a large site.
//
// A folder counts as built by runorrest only if it holds the marker as a
// regular file with the marker's exact text. Temporary folders that a
// killed build left beside the target (named like the target plus ".tmp-",
// holding the marker, and locked by no running build) are removed by the
// next build.
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
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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
	// ErrBusy: another build is writing the same output folder.
	ErrBusy = errors.New("another build is writing the output folder")
)

// CleanupError is returned by Write when the new site is in place but
// something left over could not be removed: a warning, not a failure.
type CleanupError struct{ Err error }

func (e *CleanupError) Error() string {
	return "the new site is in place, but clean-up failed: " + e.Err.Error()
}

func (e *CleanupError) Unwrap() error { return e.Err }

// Write replaces the folder dir with exactly files (path -> content, paths
// slash-separated and relative, like "assets/site.1a2b3c4d.css") plus the
// marker. It creates dir when missing. It refuses a dir that is a symbolic
// link, not a folder, or a non-empty folder without the marker. Only dir
// itself and temporary folders of runorrest beside it are ever touched.
//
// Once the new site is in place, problems removing the old one or stale
// temporary folders come back as a *CleanupError.
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
	stale := removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, base+".tmp-")
	if err != nil {
		return err
	}
	// The lock tells other builds that tmp is in use; the marker, written
	// first, that it is ours should this build be killed.
	unlock := lock(tmp)
	defer unlock()
	defer func() {
		if err != nil {
			os.RemoveAll(tmp) // ours: made above, never the target
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		return err
	}
	prev := ""
	if exists && isOurs(abs) {
		prev = abs
	}
	if err := writeFiles(tmp, prev, names, files); err != nil {
		return err
	}
	if !exists {
		if err := os.Rename(tmp, abs); err != nil {
			return busy(dir, err)
		}
		return cleanup(stale)
	}
	// Where the system can swap two folders in one step, the output folder
	// is never missing, not even for an instant; tmp then holds the old one.
	if exchange(tmp, abs) == nil {
		return cleanup(append(stale, removeAll(tmp)))
	}
	return swap(abs, tmp, parent, base, stale)
}

// removeAll removes the left-overs; a test makes it fail.
var removeAll = os.RemoveAll

// busy explains a rename that failed because another build put a folder in
// the target's place meanwhile.
func busy(dir string, err error) error {
	if errors.Is(err, fs.ErrExist) || errors.Is(err, syscall.ENOTEMPTY) || errors.Is(err, syscall.EEXIST) {
		return fmt.Errorf("%s: %w at the same time (let one build finish, then build again)", dir, ErrBusy)
	}
	return err
}

// cleanup turns the errors of removing left-overs into a *CleanupError.
func cleanup(errs []error) error {
	if err := errors.Join(errs...); err != nil {
		return &CleanupError{err}
	}
	return nil
}

// removeStale removes the temporary folders that earlier builds into
// parent/base left behind: folders (not links) named base+".tmp-*" that
// hold our marker and that no running build holds locked.
func removeStale(parent, base string) []error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return []error{err}
	}
	var errs []error
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), base+".tmp-") {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if !isOurs(p) {
			continue
		}
		if !tryLock(p) {
			continue // a build is writing it now
		}
		if err := removeAll(p); err != nil {
			errs = append(errs, fmt.Errorf("removing a folder left by an earlier build: %w", err))
		}
	}
	return errs
}

// isOurs reports whether dir holds the marker: a regular file with the
// marker's exact text.
func isOurs(dir string) bool {
	p := filepath.Join(dir, Marker)
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(markerText)) {
		return false
	}
	data, err := os.ReadFile(p)
	return err == nil && string(data) == markerText
}

// writeFiles writes the files into dir: folders first, each once, then the
// files on a few goroutines, each linked from the folder prev instead when
// prev holds it with the same bytes (prev "": none). It returns every
// error, joined.
func writeFiles(dir, prev string, names []string, files map[string][]byte) error {
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
	parallel(len(names), 4, func(i int) {
		name := filepath.FromSlash(names[i])
		dst := filepath.Join(dir, name)
		if prev != "" && linkSame(filepath.Join(prev, name), dst, files[names[i]]) {
			return
		}
		errs[i] = os.WriteFile(dst, files[names[i]], 0o644)
	})
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
	if isOurs(abs) {
		return true, nil
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("%s: %w: it holds files but no %s marker file of runorrest (empty it or give another -o)", shown, ErrNotOurs, Marker)
	}
	return true, nil
}

// swap puts the new folder tmp in the place of the old folder abs: the old
// one is renamed away, the new one renamed in, then the old one deleted. If
// the second rename fails, the old folder is put back.
func swap(abs, tmp, parent, base string, stale []error) error {
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
		err = busy(abs, err)
		if rerr := os.Rename(old, abs); rerr != nil {
			return fmt.Errorf("%w; the previous output is in %s", err, old)
		}
		return err
	}
	return cleanup(append(stale, removeAll(old)))
}

// ErrOverlap: the output folder overlaps the source folder.
var ErrOverlap = errors.New("output folder overlaps the source folder")

// CheckApart refuses an output folder out that would replace the source
// folder src or what runorrest reads from it: out may not be src, hold
// src, or be or lie inside one of the folders inputs (relative to src,
// like "content"). Links are followed on both sides before comparing.
func CheckApart(out, src string, inputs ...string) error {
	o, err := resolve(out)
	if err != nil {
		return err
	}
	s, err := resolve(src)
	if err != nil {
		return err
	}
	switch {
	case o == s:
		return fmt.Errorf("-o %s: %w: it is the source folder (give a folder of its own, such as %s)", out, ErrOverlap, filepath.Join(src, "public"))
	case within(s, o):
		return fmt.Errorf("-o %s: %w: it holds the source folder %s (give a folder beside or inside it, such as %s)", out, ErrOverlap, src, filepath.Join(src, "public"))
	}
	for _, in := range inputs {
		if in := filepath.Join(s, in); o == in || within(o, in) {
			return fmt.Errorf("-o %s: %w: it is or lies inside %s, which the build reads (give a folder such as %s)", out, ErrOverlap, filepath.Join(src, filepath.Base(in)), filepath.Join(src, "public"))
		}
	}
	return nil
}

// within reports whether the clean absolute path p lies inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve makes p absolute and follows the links in its longest existing
// part.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// parallel runs f(0..n-1) on at most workers goroutines.
func parallel(n, workers int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
