package decision

import (
	"strings"
	"testing"
)

// TestSyntaxErrorPositions checks where a YAML syntax error is placed: on
// the line the parser names, at its first character that is not a blank,
// after blank lines too; on a line of blanks alone, just after them.
func TestSyntaxErrorPositions(t *testing.T) {
	colon := "malformed YAML: unexpected ':' in a value (put the text in quotes if it contains \": \")"
	missing := "malformed YAML: a value is missing (write the value, or put the text in quotes)"
	keys := "malformed YAML: this line does not line up with the keys above it (indent every key of a mapping by the same number of spaces)"
	tests := []struct{ text, want string }{
		{"title: x\n  start: y\n", "content/tree.yaml:2:3: " + colon},
		{"title: x\n  start: y", "content/tree.yaml:2:3: " + colon},
		{"\n\na: b\n  c: d\n", "content/tree.yaml:4:3: " + colon},
		{"\n\na: b\n    c: d\n", "content/tree.yaml:4:5: " + colon},
		{"title: [a,\n   \n", "content/tree.yaml:2:4: " + missing},
		{"title: [a,\n   ", "content/tree.yaml:2:4: " + missing},
		// A block-structure error is on the first line that makes the
		// file fail, even a line of one character and its line break.
		{"title: x\nlist:\n  - a\n  - b\n -\n", "content/tree.yaml:5:2: " + keys},
		{"title: x\nverdicts:\n  run:\n    label: y\n   :\n", "content/tree.yaml:5:4: " + keys},
		// The same on the last line of a file that does not end in a line
		// break, and in a file of one line without one.
		{"title: x\nlist:\n  - a\n  - b\n -", "content/tree.yaml:5:2: " + keys},
		{"title: x\nverdicts:\n  run:\n    label: y\n   :", "content/tree.yaml:5:4: " + keys},
		{`title: "Run or rest?" now`, "content/tree.yaml:1:1: " + keys},
		{"title: \"Run or rest?\" now\n", "content/tree.yaml:1:1: " + keys},
	}
	for _, tt := range tests {
		_, err := Parse(TreeFile, []byte(tt.text), Options{})
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) = %v; want %s", tt.text, err, tt.want)
		}
	}
}

// TestTrailingBlanks loads a tree whose last line holds only blanks, with
// and without a line break after it, as editors leave them.
func TestTrailingBlanks(t *testing.T) {
	data := readFiles(t, "testdata/good/small.yaml")["testdata/good/small.yaml"]
	for _, end := range []string{"   ", "   \n", "\n\n  "} {
		if _, err := Load(pagesFS(t, append(data[:len(data):len(data)], end...)), Options{}); err != nil {
			t.Errorf("small.yaml + %q: %v; want it loaded", end, err)
		}
	}
}

// TestSyntaxSearchLimit: a block-structure error is placed on the line
// that is wrong for a file of up to maxSearchBytes, and on the line the
// parser names for a larger one (the search parses the file many times).
func TestSyntaxSearchLimit(t *testing.T) {
	bad := readFiles(t, "testdata/bad/syntax-indent.yaml")["testdata/bad/syntax-indent.yaml"]
	pad := func(size int) []byte {
		// One comment line at the end brings the file to size bytes.
		b := append(bad[:len(bad):len(bad)], "# "...)
		b = append(b, strings.Repeat("x", size-len(b)-1)...)
		return append(b, '\n')
	}
	for _, c := range []struct {
		size int
		want string
	}{
		{maxSearchBytes, "content/tree.yaml:35:4: malformed YAML: this line does not line up with the keys above it"},
		{maxSearchBytes + 1, "content/tree.yaml:12:1: malformed YAML: this line does not line up with the keys above it"},
	} {
		data := pad(c.size)
		if len(data) != c.size {
			t.Fatalf("padded to %d bytes; want %d", len(data), c.size)
		}
		_, err := Parse(TreeFile, data, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Parse(%d bytes) = %v; want %s", c.size, err, c.want)
		}
	}
}
