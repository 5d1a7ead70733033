package decision

import (
	"errors"
	"io/fs"
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
