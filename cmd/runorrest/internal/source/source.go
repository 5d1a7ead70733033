// Package source opens a guide's folder for reading, the one way build,
// check and serve read it. Nothing outside the folder is reached, neither
// by a path nor by a symbolic link (it reads through an os.Root), and only
// regular files and folders are opened: a named pipe, socket or device is
// refused before anything waits on it.
package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

var (
	// ErrNotRegular: the path is neither a regular file nor a folder.
	ErrNotRegular = errors.New("not a regular file")
	// ErrOutside: the path is a symbolic link that leads out of the folder.
	ErrOutside = errors.New("a link out of the source folder")
)

// FS is a guide's folder: an fs.FS that opens only regular files and
// folders inside it.
type FS struct {
	root *os.Root
	dir  string // the folder's path, to explain an error (see leadsOut)
}

// Open opens the folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("source folder: %w", err)
	}
	return &FS{root: root, dir: dir}, nil
}

// Close closes the folder.
func (f *FS) Close() error { return f.root.Close() }

// Open opens name for reading. It opens without waiting (a named pipe
// with no writer would block a plain open for ever), then refuses
// anything that is not a regular file or a folder.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, f.explain(name, err)
	}
	st, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: notRegular(st.Mode())}
	}
	return file, nil
}

// Stat describes name, following links inside the folder.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	st, err := f.root.Stat(name)
	if err != nil {
		return nil, f.explain(name, err)
	}
	return st, nil
}

// notRegular names the kind of a file that is not regular.
func notRegular(m fs.FileMode) error {
	kind := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%w: it is %s (replace it with a file)", ErrNotRegular, kind)
}

// explain turns the error of a path that goes through a symbolic link
// out of the folder into ErrOutside. It does not read os.Root's message:
// it follows the path's links itself (see leadsOut).
func (f *FS) explain(name string, err error) error {
	if f.leadsOut(name) {
		return &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w: runorrest reads only inside -src, through relative links (copy the file in instead of linking to it)", ErrOutside)}
	}
	return err
}

// maxLinks is how many symbolic links leadsOut follows on one path, as
// many as Linux does.
const maxLinks = 40

// leadsOut reports whether the path name inside the folder goes through a
// symbolic link that leads out of it, wherever the link points, even to
// nothing, or through an absolute link, which os.Root never follows. It
// follows the path one name at a time on the real folder
// (f.dir), as the kernel does, and stops at the first name that is
// missing.
func (f *FS) leadsOut(name string) bool {
	base, err := filepath.EvalSymlinks(f.dir)
	if err != nil {
		return false
	}
	base, err = filepath.Abs(base)
	if err != nil {
		return false
	}
	cur, rest, links := base, strings.Split(name, "/"), 0
	for len(rest) > 0 {
		part := rest[0]
		rest = rest[1:]
		switch part {
		case "", ".":
			continue
		case "..":
			cur = filepath.Dir(cur)
		default:
			cur = filepath.Join(cur, part)
		}
		if !inside(base, cur) {
			return true
		}
		st, err := os.Lstat(cur)
		if err != nil {
			return false
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if links++; links > maxLinks {
			return false
		}
		target, err := os.Readlink(cur)
		if err != nil {
			return false
		}
		if filepath.IsAbs(target) {
			return true // os.Root follows no absolute link, even one to inside
		}
		cur = filepath.Dir(cur)
		rest = append(strings.Split(filepath.ToSlash(target), "/"), rest...)
	}
	return false
}

// inside reports whether the path p is the folder base or under it.
func inside(base, p string) bool {
	rel, err := filepath.Rel(base, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}
