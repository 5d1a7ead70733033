package decision

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
)

// ReadFile reads the file name of the guide from fsys, the one way the
// tree and the pages are read. Before opening it, it checks that name is a
// regular file (following links, which fsys keeps inside the source
// folder) of at most maxBytes; a named pipe, a device or a folder is
// refused at once, never waited on. what names the file in messages, like
// "the tree file" or "the page". A problem comes back at 1:1 of name.
func ReadFile(fsys fs.FS, name string, maxBytes int64, what string) ([]byte, *Problem) {
	fail := func(err error, msg, hint string) *Problem {
		return &Problem{File: name, Pos: Pos{1, 1}, Msg: msg, Hint: hint, Err: err}
	}
	// A file system that cannot tell a file's kind is read as it is
	// (source.FS, which the commands read through, always can).
	st, err := fs.Stat(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fail(ErrMissing, what+" does not exist", "create it, or fix the name")
	case err != nil:
	case !st.Mode().IsRegular():
		return nil, fail(ErrNotRegular, fmt.Sprintf("%s is %s, not a regular file", what, kind(st.Mode())), "replace it with a file")
	case st.Size() > maxBytes:
		return nil, tooLarge(name, what, maxBytes)
	}
	f, err := fsys.Open(name)
	if errors.Is(err, syscall.ELOOP) {
		return nil, fail(ErrNotRegular, what+" is a link that leads back to itself", "replace the link with the file")
	}
	if errors.Is(err, fs.ErrPermission) {
		return nil, fail(ErrNotRegular, "cannot open "+what+": "+pathless(err, name), "let runorrest read it: check its permissions")
	}
	if err != nil {
		// The file system's error says why (source.FS: a link out of -src).
		return nil, fail(ErrNotRegular, "cannot open "+what+": "+pathless(err, name), "")
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		// Replaced between the two looks.
		return nil, fail(ErrNotRegular, fmt.Sprintf("%s is %s, not a regular file", what, kind(st.Mode())), "replace it with a file")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, fail(ErrNotRegular, "cannot read "+what+": "+pathless(err, name), "")
	}
	if int64(len(data)) > maxBytes {
		return nil, tooLarge(name, what, maxBytes)
	}
	return data, nil
}

// tooLarge is the problem of a file over its size limit, with a fix for
// its kind (what).
func tooLarge(file, what string, maxBytes int64) *Problem {
	hint := "shorten it"
	switch what {
	case "the page":
		hint = "split it into smaller pages"
	case "the tree file":
		hint = "move long texts into Markdown pages, or raise the limit"
	case "the words file":
		hint = "move long texts into Markdown pages"
	}
	return &Problem{File: file, Pos: Pos{1, 1},
		Msg:  fmt.Sprintf("%s has more than %d bytes, the size limit", what, maxBytes),
		Hint: hint,
		Err:  ErrTooLarge}
}

// kind names the kind of a file that is not regular.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// pathless is the text of err without the "op name: " that repeats the
// file name the problem is already reported at.
func pathless(err error, name string) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return strings.TrimPrefix(err.Error(), name+": ")
}
