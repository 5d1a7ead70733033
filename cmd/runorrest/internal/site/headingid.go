package site

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/unicode/norm"
)

// headingIDs makes a heading's automatic id the way goldmark does, but
// from its text with the accents taken off: goldmark keeps only ASCII
// letters and digits, so "Frío" would become "fro" and "Por qué" "por-qu".
// With the accents off they are "frio" and "por-que". An id written with
// {#id} is kept as it is.
type headingIDs struct{ parser.IDs }

func newHeadingIDs() headingIDs { return headingIDs{parser.NewContext().IDs()} }

func (ids headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return ids.IDs.Generate([]byte(unaccent(string(value))), kind)
}

// unaccent takes the combining marks off the letters of s: "Frío y Ñu"
// becomes "Frio y Nu". Letters that are not a base letter with marks (ß,
// æ, ø) stay as they are.
func unaccent(s string) string {
	if isASCII(s) {
		return s
	}
	d := norm.NFD.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
