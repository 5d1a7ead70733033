package terminal

import (
	"bytes"
	"testing"
)

func TestWriter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, naïve café\n\tindented\n", "plain text, naïve café\n\tindented\n"},
		{"content/x\x1b[31m.md:1:1: red\n", `content/x\u001b[31m.md:1:1: red` + "\n"},
		{"bell\a nul\x00 cr\r del\x7f", `bell\u0007 nul\u0000 cr\u000d del\u007f`},
		{"c1 \u0085 \u009b", `c1 \u0085 \u009b`},
		{"bidi \u202eabc\u202c \u2066x\u2069", `bidi \u202eabc\u202c \u2066x\u2069`},
		{"sep \u2028 \u2029", `sep \u2028 \u2029`},
		{"bad \xff\xfe utf8", `bad \xff\xfe utf8`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		w := NewWriter(&b)
		if n, err := w.Write([]byte(tt.in)); n != len(tt.in) || err != nil {
			t.Errorf("Write(%q) = %d, %v", tt.in, n, err)
		}
		if got := b.String(); got != tt.want {
			t.Errorf("Write(%q) wrote %q; want %q", tt.in, got, tt.want)
		}
	}
}

// A character split across writes is joined, not escaped as two bad bytes.
func TestWriterSplitCharacter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	in := []byte("é\u202e")
	for i := range in {
		w.Write(in[i : i+1])
	}
	if got, want := b.String(), `é\u202e`; got != want {
		t.Errorf("byte by byte: wrote %q; want %q", got, want)
	}
}
