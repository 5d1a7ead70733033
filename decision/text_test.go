package decision

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestCheckMarkdown(t *testing.T) {
	para := func(n int) string { return strings.Repeat("[a] ", n) + "\n" }
	tests := []struct {
		name string
		src  string
		want string // "" for none, else "line:col: message prefix"
		err  error
	}{
		{"plain", "# Title\n\nSome *text* with a [link](x.md).\n", "", nil},
		{"tab and CRLF", "a\tb\r\nc\r\n", "", nil},
		{"list at the limit", strings.Repeat("- ", 32) + "x\n", "", nil},
		{"list past the limit", strings.Repeat("- ", 33) + "x\n", "1:65: lists and quotes nested more than 32 deep", ErrTooLong},
		{"quotes past the limit", "ok\n" + strings.Repeat(">", 100000) + "\n", "2:33: lists and quotes nested more than 32 deep", ErrTooLong},
		{"quotes and lists", strings.Repeat("> - ", 17) + "x\n", "1:65: lists and quotes", ErrTooLong},
		{"ordered lists", strings.Repeat("1. ", 33) + "x\n", "1:97: lists and quotes", ErrTooLong},
		{"nested by indentation", func() string {
			var b strings.Builder
			for i := range 40 {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			return b.String()
		}(), "33:65: lists and quotes", ErrTooLong},
		// Indentation before the first marker counts one level for every
		// two columns (a tab four): the problem is at the marker that
		// passes the limit.
		{"indentation and markers", strings.Repeat(" ", 20) + strings.Repeat("- ", 23) + "x\n", "1:65: lists and quotes", ErrTooLong},
		{"tabs and markers", strings.Repeat("\t", 5) + strings.Repeat("- ", 23) + "x\n", "1:50: lists and quotes", ErrTooLong},
		{"indentation and markers at the limit", strings.Repeat(" ", 20) + strings.Repeat("- ", 22) + "x\n", "", nil},
		{"nine digits make a list marker", strings.Repeat("> ", 32) + "123456789. x\n", "1:65: lists and quotes", ErrTooLong},
		{"ten digits do not", strings.Repeat("> ", 32) + "1234567890. x\n", "", nil},
		{"ordered lists of 9 and 0", strings.Repeat("90. ", 33) + "x\n", "1:129: lists and quotes", ErrTooLong},
		{"ordered lists with )", strings.Repeat("1) ", 33) + "x\n", "1:97: lists and quotes", ErrTooLong},
		{"a number and a letter are no marker", strings.Repeat("> ", 32) + "1a x\n", "", nil},
		{"ordered lists from 0", strings.Repeat("0. ", 33) + "x\n", "1:97: lists and quotes", ErrTooLong},
		{"a tab after a bullet", strings.Repeat("-\t", 33) + "x\n", "1:65: lists and quotes", ErrTooLong},
		{"a dash and a letter are no marker", strings.Repeat("> ", 32) + "-x\n", "", nil},
		{"a tab after the number", strings.Repeat("1.\t", 33) + "x\n", "1:97: lists and quotes", ErrTooLong},
		{"an empty ordered item", "1.\n", "", nil},
		{"a number starts a line", "2024 was a year\n", "", nil},
		{"a line of spaces", "a\n   \nb\n", "", nil},
		{"deep indentation before a number", strings.Repeat(" ", 40) + "- 2024 was a year\n", "", nil},
		{"deep indentation before an empty item", strings.Repeat(" ", 40) + "-\n", "", nil},
		{"indented code is not nesting", strings.Repeat(" ", 100) + "code\n", "", nil},
		{"emphasis is no list", strings.Repeat("*a", 1000) + "\n", "", nil},
		{"thematic break", "---\n- - -\n", "", nil},
		{"brackets at the limit", para(256), "", nil},
		{"brackets past the limit", para(257), "1:1025: more than 256 brackets", ErrTooLong},
		{"brackets across lines", strings.Repeat("[a](\n", 300), "257:1: more than 256 brackets", ErrTooLong},
		{"brackets in paragraphs", strings.Repeat(para(200)+"\n", 10), "", nil},
		{"NUL", "a\nb\x00c\n", "2:2: control character U+0000 is not allowed", ErrControl},
		{"escape", "say \x1b[31mred\n", "1:5: control character U+001B", ErrControl},
		{"DEL", "a\x7f\n", "1:2: control character U+007F", ErrControl},
		{"C1", "é\u0085\n", "1:2: control character U+0085", ErrControl},
		{"bidi override", "abc\u202edef\n", "1:4: bidirectional formatting character U+202E", ErrControl},
		{"bidi isolate", "\u2067x\n", "1:1: bidirectional formatting character U+2067", ErrControl},
		{"invalid UTF-8", "ok\nab\xffc\n", "2:3: invalid UTF-8 (byte 0xff)", ErrEncoding},
		{"lone carriage return", "a\rb\n", "", nil},
		// A fenced code block is code: its > - and [ are not counted.
		{"quotes in a fence", "```\n" + strings.Repeat(">", 1000) + "\n```\n", "", nil},
		{"lists in a tilde fence", "~~~ text\n" + strings.Repeat("- ", 100) + "x\n~~~\n", "", nil},
		{"brackets in a fence", "```json\n" + strings.Repeat("[[\n", 300) + "```\n", "", nil},
		{"a fence interrupts a paragraph", "para\n```\n" + strings.Repeat("> ", 40) + "\n```\n", "", nil},
		{"a fence closed by CRLF", "```\r\n" + strings.Repeat("> ", 40) + "\r\n```\r\n" + strings.Repeat("> ", 40) + "\r\n", "4:65: lists and quotes", ErrTooLong},
		{"after a fence", "````\n```\nx\n````\n" + strings.Repeat("- ", 33) + "x\n", "5:65: lists and quotes", ErrTooLong},
		{"a shorter fence does not close", "````\n```\n" + strings.Repeat("- ", 33) + "x\n````\n", "", nil},
		{"an unclosed fence runs to the end", "```\n" + strings.Repeat("- ", 33) + "x\n", "", nil},
		{"a backtick in the info string is no fence", "``` a`b\n" + strings.Repeat("- ", 33) + "x\n", "2:65: lists and quotes", ErrTooLong},
		{"an indented fence is counted", "- a\n\n  ```\n" + strings.Repeat("- ", 33) + "x\n", "4:65: lists and quotes", ErrTooLong},
		{"an HTML block takes its fence", "<div>\n```\n\n" + strings.Repeat("> ", 40) + "\n", "4:65: lists and quotes", ErrTooLong},
		{"an HTML block after a blank line takes its fence", "text\n\n<div>\n```\n\n" + strings.Repeat("> ", 40) + "\n", "6:65: lists and quotes", ErrTooLong},
		{"a fence in front matter is front matter", "---\n```\n---\n" + strings.Repeat("> ", 40) + "\n", "4:65: lists and quotes", ErrTooLong},
		{"a fence after front matter", "---\ntitle: x\n---\n```\n" + strings.Repeat("> ", 40) + "\n```\n", "", nil},
		{"a fence indented four spaces does not close", "```\n    ```\n" + strings.Repeat("> ", 40) + "\n", "", nil},
		{"a fence indented three spaces closes", "```\n   ```\n" + strings.Repeat("> ", 40) + "\n", "3:65: lists and quotes", ErrTooLong},
		{"blank lines in a fence", "```\n \n  \n```\n" + strings.Repeat("> ", 40) + "\n", "5:65: lists and quotes", ErrTooLong},
		{"invalid UTF-8 at 0x80", "a\x80b\n", "1:2: invalid UTF-8 (byte 0x80)", ErrEncoding},
		{"control characters in a fence", "```\na\x1bb\n```\n", "2:2: control character U+001B", ErrControl},
		{"replacement character", "a\ufffdb\n", "", nil},
	}
	for _, tt := range tests {
		p := CheckMarkdown([]byte(tt.src))
		got := ""
		if p != nil {
			got = fmt.Sprintf("%d:%d: %s", p.Pos.Line, p.Pos.Col, p.Msg)
		}
		if tt.want == "" && p != nil || tt.want != "" && (p == nil || !strings.HasPrefix(got, tt.want) || !errors.Is(p, tt.err)) {
			t.Errorf("%s: CheckMarkdown = %q; want %q (%v)", tt.name, got, tt.want, tt.err)
		}
	}
}

func TestCheckString(t *testing.T) {
	tests := []struct {
		s         string
		multiline bool
		at        int
	}{
		{"Run easy", false, -1},
		{"Run\teasy", false, 3},
		{"Run\teasy", true, -1},
		{"two\nlines", false, 3},
		{"two\nlines", true, -1},
		{"naïve café", false, -1},
		{"x\u202ey", false, 1},
		{"x\u200fy", false, -1}, // a right-to-left mark is allowed: it overrides nothing
		{"\xff", false, 0},
		{"a\ufffd", false, -1},
		{"ok\u2069", true, 2},
	}
	for _, tt := range tests {
		if at, _ := checkString(tt.s, tt.multiline); at != tt.at {
			t.Errorf("checkString(%q, %v) = %d; want %d", tt.s, tt.multiline, at, tt.at)
		}
	}
}

// TestSafeLinkScheme allows relative links and http, https, mailto and tel
// links, and no other scheme.
func TestSafeLinkScheme(t *testing.T) {
	for scheme, want := range map[string]bool{
		"": true, "http": true, "https": true, "mailto": true, "tel": true,
		"javascript": false, "data": false, "vbscript": false, "file": false, "ftp": false, "httpx": false,
	} {
		if got := SafeLinkScheme(scheme); got != want {
			t.Errorf("SafeLinkScheme(%q) = %v; want %v", scheme, got, want)
		}
	}
}

// TestBadRune: the ends of each range of refused characters, and their
// allowed neighbours, with the name a message gives them.
func TestBadRune(t *testing.T) {
	tests := []struct {
		r         rune
		multiline bool
		bad       bool
		name      string
	}{
		{0x00, true, true, "control character U+0000"},
		{0x1f, true, true, "control character U+001F"},
		{0x20, true, false, ""},
		{0x7e, true, false, ""},
		{0x7f, true, true, "control character U+007F"},
		{0x80, true, true, "control character U+0080"},
		{0x9f, true, true, "control character U+009F"},
		{0xa0, true, false, ""},
		{0x2029, true, false, ""},
		{0x202a, true, true, "bidirectional formatting character U+202A"},
		{0x202e, true, true, "bidirectional formatting character U+202E"},
		{0x202f, true, false, ""},
		{0x2065, true, false, ""},
		{0x2066, true, true, "bidirectional formatting character U+2066"},
		{0x2069, true, true, "bidirectional formatting character U+2069"},
		{0x206a, true, false, ""},
		{'\t', true, false, ""},
		{'\t', false, true, "tab"},
		{'\n', true, false, ""},
		{'\n', false, true, "line break"},
		{'\r', true, false, ""},
		{'\r', false, true, "control character U+000D"},
	}
	for _, tt := range tests {
		if got := badRune(tt.r, tt.multiline); got != tt.bad {
			t.Errorf("badRune(%U, %v) = %v; want %v", tt.r, tt.multiline, got, tt.bad)
		}
		if tt.bad {
			if got := runeName(tt.r); got != tt.name {
				t.Errorf("runeName(%U) = %q; want %q", tt.r, got, tt.name)
			}
		}
	}
}
