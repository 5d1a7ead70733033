package decision

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzCheckMarkdown checks CheckMarkdown on any bytes: it never panics,
// a problem is at a line and column inside the text, and text it accepts
// is UTF-8 without a character it refuses. The seed corpus is in
// testdata/fuzz/FuzzCheckMarkdown. Run with
// go test -run '^$' -fuzz FuzzCheckMarkdown ./decision
func FuzzCheckMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nText with a [link](x.md).\n",
		"- - - - x\n> > > q\n1. 2. 3. x\n",
		"[a](\n[b](\n",
		"a\tb\r\n\x00\x1b\u202e\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p := CheckMarkdown(src)
		if p == nil {
			if !utf8.Valid(src) {
				t.Fatalf("accepted invalid UTF-8 %q", src)
			}
			for _, r := range string(src) {
				if badRune(r, true) {
					t.Fatalf("accepted %U in %q", r, src)
				}
			}
			return
		}
		lines := bytes.Split(src, []byte("\n"))
		if p.Pos.Line < 1 || p.Pos.Line > len(lines) {
			t.Fatalf("problem %v at line %d of %d", p, p.Pos.Line, len(lines))
		}
		if line := lines[p.Pos.Line-1]; p.Pos.Col < 1 || p.Pos.Col > utf8.RuneCount(line)+1 {
			t.Fatalf("problem %v at column %d of a line of %d characters", p, p.Pos.Col, utf8.RuneCount(line))
		}
		if p.Msg == "" || p.Hint == "" || p.Err == nil {
			t.Fatalf("problem %#v lacks a message, hint or sentinel", p)
		}
	})
}
