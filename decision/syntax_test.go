package decision

import "testing"

// TestSyntaxErrorPositions checks where a YAML syntax error is placed: on
// the line the parser names, at its first character that is not a blank,
// after blank lines too; on a line of blanks alone, just after them.
func TestSyntaxErrorPositions(t *testing.T) {
	colon := "malformed YAML: unexpected ':' in a value (put the text in quotes if it contains \": \")"
	missing := "malformed YAML: a value is missing (write the value, or put the text in quotes)"
	tests := []struct{ text, want string }{
		{"title: x\n  start: y\n", "content/tree.yaml:2:3: " + colon},
		{"title: x\n  start: y", "content/tree.yaml:2:3: " + colon},
		{"\n\na: b\n  c: d\n", "content/tree.yaml:4:3: " + colon},
		{"\n\na: b\n    c: d\n", "content/tree.yaml:4:5: " + colon},
		{"title: [a,\n   \n", "content/tree.yaml:2:4: " + missing},
		{"title: [a,\n   ", "content/tree.yaml:2:4: " + missing},
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
