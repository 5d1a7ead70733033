//go:build !linux

package publish

import (
	"errors"
	"os"
	"time"
)

// exchange is not available here: Write falls back to two renames.
func exchange(a, b string) error { return errors.New("atomic exchange not supported") }

// lock does nothing here; tryLock tells a left-over by its age instead.
func lock(dir string) func() { return func() {} }

// tryLock reports whether dir has not changed for an hour, so that no build
// is writing it.
func tryLock(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && time.Since(fi.ModTime()) > time.Hour
}

// openNoFollow opens the file p for reading, failing if p is a symbolic
// link (linkSame checks that the file linked is the file read).
func openNoFollow(p string) (*os.File, error) {
	if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeSymlink != 0 {
		return nil, os.ErrInvalid
	}
	return os.Open(p)
}
