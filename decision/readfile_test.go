package decision

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"content/ok.md":    {Data: []byte("# Hi\n")},
		"content/big.md":   {Data: []byte(strings.Repeat("x", 101))},
		"content/pipe.md":  {Mode: fs.ModeNamedPipe},
		"content/sock.md":  {Mode: fs.ModeSocket},
		"content/dev.md":   {Mode: fs.ModeDevice},
		"content/odd.md":   {Mode: fs.ModeIrregular},
		"content/dir.md/x": {Data: []byte("x")},
	}
	tests := []struct {
		name    string
		want    error
		message string
	}{
		{"content/ok.md", nil, ""},
		{"content/big.md", ErrTooLarge, "content/big.md:1:1: the page has more than 100 bytes, the size limit"},
		{"content/pipe.md", ErrNotRegular, "content/pipe.md:1:1: the page is a named pipe, not a regular file (replace it with a file)"},
		{"content/sock.md", ErrNotRegular, "is a socket"},
		{"content/dev.md", ErrNotRegular, "is a device"},
		{"content/odd.md", ErrNotRegular, "content/odd.md:1:1: the page is a special file, not a regular file"},
		{"content/dir.md", ErrNotRegular, "is a folder"},
		{"content/no.md", ErrMissing, "content/no.md:1:1: the page does not exist"},
	}
	for _, tt := range tests {
		data, p := ReadFile(fsys, tt.name, 100, "the page")
		if tt.want == nil {
			if p != nil || string(data) != "# Hi\n" {
				t.Errorf("ReadFile(%s) = %q, %v; want the file", tt.name, data, p)
			}
			continue
		}
		if p == nil || !errors.Is(p, tt.want) || !strings.Contains(p.Error(), tt.message) {
			t.Errorf("ReadFile(%s) = %v; want %v with %q", tt.name, p, tt.want, tt.message)
		}
	}
}

// A link that leads back to itself is refused with a fix, not with the
// system's words alone.
func TestReadFileLinkLoop(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("loop.md", filepath.Join(dir, "loop.md")); err != nil {
		t.Skipf("cannot make a link here: %v", err)
	}
	_, p := ReadFile(os.DirFS(dir), "loop.md", 100, "the page")
	if want := "loop.md:1:1: the page is a link that leads back to itself (replace the link with the file)"; p == nil || p.Error() != want || !errors.Is(p, ErrNotRegular) {
		t.Errorf("ReadFile(loop.md) = %v; want %q", p, want)
	}
}
