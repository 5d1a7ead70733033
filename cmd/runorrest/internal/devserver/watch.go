package devserver

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watched are the folders of a guide whose changes rebuild the site.
var Watched = []string{"content", "templates", "static"}

// Debounce is how long the watcher waits after a change for more before it
// rebuilds: a save often comes as several events (write, rename, chmod),
// all within a millisecond or two. Changes that come during a rebuild are
// taken together by the next one.
const Debounce = 10 * time.Millisecond

// maxDelay bounds the wait while changes keep coming (a checkout, a tool
// writing many files): the site is rebuilt at least this often.
const maxDelay = 100 * time.Millisecond

// watcher follows the watched folders of a guide, subfolders included.
type watcher struct {
	root string
	fw   *fsnotify.Watcher
	log  func(format string, args ...any)
}

// newWatcher watches root itself (to see a watched folder appear) and
// every watched folder under it that exists.
func newWatcher(root string, logf func(string, ...any)) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", root, err)
	}
	w := &watcher{root: root, fw: fw, log: logf}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watching %s: %w", root, err)
	}
	for _, d := range Watched {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

// addTree watches dir and every folder under it; a folder that vanishes
// meanwhile is skipped.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && ignored(p) {
			return filepath.SkipDir
		}
		if err := w.fw.Add(p); err != nil {
			w.log("cannot watch %s: %v", p, err)
		}
		return nil
	})
}

// relevant reports whether an event can change the site: it is under a
// watched folder (or is one), and not an editor's temporary file.
func (w *watcher) relevant(name string) bool {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || ignored(name) {
		return false
	}
	top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, d := range Watched {
		if top == d {
			return true
		}
	}
	return false
}

// ignored reports whether a file is an editor's backup, swap or hidden file.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") ||
		strings.HasPrefix(base, "#") || base == "4913" // vim's write test
}

// run calls rebuild once the watched files have been quiet for Debounce
// after a change, or maxDelay after the first change, until ctx is done.
func (w *watcher) run(ctx context.Context, rebuild func()) error {
	defer w.fw.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time // the first change not yet rebuilt, or zero
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.fw.Events:
			if !ok {
				return nil
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name)
				}
			}
			if first.IsZero() {
				first = time.Now()
			}
			if wait := min(Debounce, maxDelay-time.Since(first)); wait > 0 {
				timer.Reset(wait)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return nil
			}
			w.log("watching: %v", err)
		case <-timer.C:
			first = time.Time{}
			rebuild()
		}
	}
}
