// Package terminal keeps what runorrest prints safe for a terminal: no
// control character, escape sequence or bidirectional override from a file
// name, a tree or an error reaches it as it is.
package terminal

import (
	"fmt"
	"io"
	"sync"
	"unicode/utf8"
)

// Writer writes to W with every character a terminal would act on written
// as an escape: C0 controls but tab and newline, DEL, C1 controls, the
// bidirectional embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) and line and paragraph separators as \u00XX or \uXXXX,
// bytes that are not UTF-8 as \xXX. Everything else passes unchanged. A
// character split between two writes is joined first. Safe for concurrent
// use.
type Writer struct {
	W     io.Writer
	mu    sync.Mutex
	carry []byte
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{W: w} }

// Write writes p, escaped. It reports len(p) written unless W fails.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	data := p
	if len(w.carry) > 0 {
		data = append(w.carry, p...)
		w.carry = nil
	}
	// Keep an incomplete character at the end for the next write.
	if i := incompleteTail(data); i < len(data) {
		w.carry = append([]byte(nil), data[i:]...)
		data = data[:i]
	}
	if _, err := w.W.Write(Escape(data)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incompleteTail returns where a UTF-8 character cut short at the end of
// data starts, or len(data).
func incompleteTail(data []byte) int {
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if !utf8.RuneStart(data[i]) {
			continue
		}
		if !utf8.FullRune(data[i:]) {
			return i
		}
		break
	}
	return len(data)
}

// Escape returns data with what Writer escapes escaped; data itself if
// there is nothing to escape.
func Escape(data []byte) []byte {
	clean := true
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if unsafe(r, size) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return data
	}
	out := make([]byte, 0, len(data)+16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			out = fmt.Appendf(out, `\x%02x`, data[i])
		case unsafe(r, size):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	return out
}

// unsafe reports whether the character r, of size bytes, is escaped.
func unsafe(r rune, size int) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r == utf8.RuneError && size <= 1:
		return true
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029:
		return true
	}
	return false
}
