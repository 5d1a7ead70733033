package decision

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

var (
	// ErrControl: a text holds a control character or a bidirectional
	// formatting character.
	ErrControl = errors.New("control character")
	// ErrTooLong: a text, a list or a nesting is past its limit.
	ErrTooLong = errors.New("past a limit")
)

// badRune reports whether r may not appear in the guide's text: C0 and
// C1 control characters and DEL (tab and newline only where multiline
// allows them, carriage return too as part of a line end), and the
// bidirectional embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069), which can make text read differently from what it is.
func badRune(r rune, multiline bool) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return !multiline
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// runeName says what kind of character r is, for messages.
func runeName(r rune) string {
	switch {
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return fmt.Sprintf("bidirectional formatting character %U", r)
	case r == '\n':
		return "line break"
	case r == '\t':
		return "tab"
	}
	return fmt.Sprintf("control character %U", r)
}

// checkString returns the byte offset of the first character s may not
// hold, and that character; -1 if there is none. Invalid UTF-8 is
// reported as utf8.RuneError.
func checkString(s string, multiline bool) (int, rune) {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i, r
			}
		}
		if badRune(r, multiline) {
			return i, r
		}
	}
	return -1, 0
}

// CheckMarkdown checks Markdown text before it is parsed, in one pass
// linear in its length, and returns the first problem it finds, at its
// line and column in src (counted from 1), or nil. File is left empty
// for the caller to fill in. It refuses:
//
//   - invalid UTF-8, NUL and other control characters (tab, newline and
//     carriage return are allowed) and bidirectional formatting characters;
//   - a line nested deeper than [MaxNesting] lists and quotes;
//   - more than [MaxBrackets] brackets ([) in one block of lines without a
//     blank line.
//
// The lines of a fenced code block that starts in the first column (```
// or ~~~) are code, whatever they hold: their nesting and brackets are not
// counted. A fence inside a list or a quote is counted as text (it ends
// where its container does, which a line scan cannot tell), and so is every
// fence of a page with a line that starts with < (an HTML block, which
// goldmark reads to its own end, fences included) or in its front matter.
//
// goldmark's time grows with the square of the input on deep nesting and
// on many unclosed links in one paragraph; within these limits it is
// linear.
func CheckMarkdown(src []byte) *Problem {
	line, brackets := 1, 0
	var fence []byte // the opening fence of the code block the line is in
	fences := !startsHTML(src)
	front := isFrontMatterLine(bytes.TrimPrefix(src, []byte("ï»¿")))
	for start := 0; start < len(src); line++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		text := src[start:end]
		start = end + 1
		if fence != nil {
			if p := checkChars(text, line); p != nil {
				return p
			}
			if closesFence(text, fence) {
				fence = nil
			}
			continue
		}
		if front && line > 1 && isFrontMatterLine(text) {
			front = false
		}
		if fences && !front {
			fence = opensFence(text)
		}
		if fence != nil {
			brackets = 0
			if p := checkChars(text, line); p != nil {
				return p
			}
			continue
		}
		if p := checkLine(text, line); p != nil {
			return p
		}
		if len(bytes.TrimSpace(text)) == 0 {
			brackets = 0
		}
		for i := 0; i < len(text); i++ {
			if text[i] == '[' {
				if brackets++; brackets > MaxBrackets {
					return &Problem{Pos: Pos{line, col(text, i)}, Err: ErrTooLong,
						Msg:  fmt.Sprintf("more than %d brackets ([) in one paragraph, the limit", MaxBrackets),
						Hint: "split the paragraph with blank lines"}
				}
			}
		}
	}
	return nil
}

// opensFence returns the fence (``` or ~~~, three or more) that a line
// starting in the first column opens a code block with, or nil. A
// backtick fence's info string holds no backtick.
func opensFence(text []byte) []byte {
	if len(text) < 3 || (text[0] != '`' && text[0] != '~') {
		return nil
	}
	n := 0
	for n < len(text) && text[n] == text[0] {
		n++
	}
	if n < 3 || (text[0] == '`' && bytes.IndexByte(text[n:], '`') >= 0) {
		return nil
	}
	return text[:n]
}

// closesFence reports whether a line closes the code block that fence
// opened: up to three spaces, at least as many of the fence's character,
// then nothing but spaces and tabs.
func closesFence(text, fence []byte) bool {
	i := 0
	for i < len(text) && i < 3 && text[i] == ' ' {
		i++
	}
	n := 0
	for i+n < len(text) && text[i+n] == fence[0] {
		n++
	}
	return n >= len(fence) && len(bytes.Trim(text[i+n:], " \t\r")) == 0
}

// isFrontMatterLine reports whether the first line of text is "---", the
// first or last line of front matter.
func isFrontMatterLine(text []byte) bool {
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return string(bytes.TrimRight(text, " \t\r")) == "---"
}

// startsHTML reports whether a line of src starts with <, after spaces
// and tabs.
func startsHTML(src []byte) bool {
	for start := 0; start < len(src); {
		text := src[start:]
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			text = text[:i]
		}
		if t := bytes.TrimLeft(text, " \t"); len(t) > 0 && t[0] == '<' {
			return true
		}
		start += len(text) + 1
	}
	return false
}

// checkLine checks one line's characters and nesting.
func checkLine(text []byte, line int) *Problem {
	if p := checkChars(text, line); p != nil {
		return p
	}
	if depth, at := nesting(text); depth > MaxNesting {
		return &Problem{Pos: Pos{line, col(text, at)}, Err: ErrTooLong,
			Msg:  fmt.Sprintf("lists and quotes nested more than %d deep, the limit", MaxNesting),
			Hint: "nest less deeply"}
	}
	return nil
}

// checkChars checks one line's characters.
func checkChars(text []byte, line int) *Problem {
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:])
		}
		if r == utf8.RuneError && size <= 1 {
			return &Problem{Pos: Pos{line, col(text, i)}, Err: ErrEncoding,
				Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", text[i]), Hint: "save the file as UTF-8"}
		}
		if badRune(r, true) {
			return &Problem{Pos: Pos{line, col(text, i)}, Err: ErrControl,
				Msg: runeName(r) + " is not allowed", Hint: "remove it"}
		}
		i += size
	}
	return nil
}

// nesting estimates how deep a line is nested in lists and quotes: the
// list markers (- * + 1. 1)) and quote markers (>) it starts with, plus
// one level for every two columns of indentation before the first marker. It
// returns the depth and the offset where it passed MaxNesting.
func nesting(text []byte) (depth, at int) {
	markers, cols := 0, 0
	for i := 0; i < len(text); {
		start := i
		switch c := text[i]; {
		case c == ' ' || c == '\t':
			if markers == 0 && c == ' ' {
				cols++
			} else if markers == 0 {
				cols += 4
			}
			i++
			continue
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t'):
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && j-i < 9 && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j == len(text) || (text[j] != '.' && text[j] != ')') || (j+1 < len(text) && text[j+1] != ' ' && text[j+1] != '\t') {
				return markers + cols/2*min(markers, 1), i
			}
			i = j + 1
		default:
			return markers + cols/2*min(markers, 1), i
		}
		markers++
		if d := markers + cols/2; d > MaxNesting {
			return d, start
		}
	}
	return markers + cols/2*min(markers, 1), len(text)
}

// col is the column of byte i of a line, counted in characters from 1.
func col(text []byte, i int) int {
	return utf8.RuneCount(text[:i]) + 1
}

// LinkSchemes are the URL schemes a link in Markdown may have; a link
// without a scheme is relative (recovery.md, #cold) and allowed too.
var LinkSchemes = []string{"http", "https", "mailto", "tel"}

// SafeLinkScheme reports whether a link with the URL scheme scheme
// (lower-case, "" for a relative link) is allowed. javascript:, data:,
// vbscript:, file: and every other scheme are refused.
func SafeLinkScheme(scheme string) bool {
	if scheme == "" {
		return true
	}
	for _, s := range LinkSchemes {
		if s == scheme {
			return true
		}
	}
	return false
}
