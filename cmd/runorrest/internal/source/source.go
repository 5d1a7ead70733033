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
type FS struct{ root *os.Root }

// Open opens the folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("source folder: %w", err)
	}
	return &FS{root}, nil
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
		return nil, explain(name, err)
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
		return nil, explain(name, err)
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

// explain turns the error of a link that leads out of the folder, which
// os.Root reports as "path escapes from parent", into ErrOutside.
func explain(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes from parent") {
		return &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w: runorrest reads only inside -src (copy the file in instead of linking to it)", ErrOutside)}
	}
	return err
}
