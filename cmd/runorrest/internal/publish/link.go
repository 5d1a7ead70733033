package publish

import (
	"bytes"
	"io"
	"os"
	"sync"
)

// chunks are the buffers linkSame reads the old files through.
var chunks = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// linkSame hard-links the file old to dst if old is a regular file (not a
// link) holding exactly data, and reports whether dst is now that file. A
// file that another process put in old's place meanwhile is noticed (dst
// is then not the file compared) and removed again.
func linkSame(old, dst string, data []byte) bool {
	f, err := openNoFollow(old)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) || !sameBytes(f, data) {
		return false
	}
	if os.Link(old, dst) != nil {
		return false
	}
	if li, err := os.Lstat(dst); err == nil && os.SameFile(fi, li) {
		return true
	}
	os.Remove(dst) // ours: just made in the new folder
	return false
}

// sameBytes reports whether r holds exactly data.
func sameBytes(r io.Reader, data []byte) bool {
	buf := chunks.Get().(*[32 << 10]byte)
	defer chunks.Put(buf)
	for {
		n, err := io.ReadFull(r, buf[:min(len(buf), len(data)+1)])
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
		if err != nil {
			return len(data) == 0 && (err == io.EOF || err == io.ErrUnexpectedEOF)
		}
	}
}
