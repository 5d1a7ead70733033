package decision

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// generalParse reads data with the general parser alone, as nodes.
func generalParse(data []byte) (*node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("no document")
	}
	l := &loader{file: TreeFile, data: data}
	n, ok := l.fromYAML(doc.Content[0])
	if !ok || len(l.probs) > 0 {
		return nil, l.probs
	}
	return n, nil
}

// sameNodes returns where two node trees first differ, or "": kinds,
// styles, positions, values and tags.
func sameNodes(path string, a, b *node) string {
	switch {
	case a.kind != b.kind:
		return fmt.Sprintf("%s: kind %d, general parser %d", path, a.kind, b.kind)
	case a.style != b.style:
		return fmt.Sprintf("%s: style %v, general parser %v", path, a.style, b.style)
	case a.line != b.line || a.col != b.col:
		return fmt.Sprintf("%s: at %d:%d, general parser %d:%d", path, a.line, a.col, b.line, b.col)
	case a.value != b.value:
		return fmt.Sprintf("%s: value %q, general parser %q", path, a.value, b.value)
	case a.kind == scalarNode && a.shortTag() != b.shortTag():
		return fmt.Sprintf("%s: tag %s, general parser %s", path, a.shortTag(), b.shortTag())
	case len(a.content) != len(b.content):
		return fmt.Sprintf("%s: %d children, general parser %d", path, len(a.content), len(b.content))
	}
	for i := range a.content {
		if d := sameNodes(fmt.Sprintf("%s/%d", path, i), a.content[i], b.content[i]); d != "" {
			return d
		}
	}
	return ""
}

// agree fails t if fastParse accepts data and reads it otherwise than the
// general parser. It reports whether fastParse accepted it.
func agree(t *testing.T, data []byte) bool {
	t.Helper()
	if !(&loader{data: data}).checkText() {
		return false // the loader never gets this far
	}
	fast, ok := fastParse(data)
	if !ok {
		return false
	}
	if mayHaveDocuments(data) {
		t.Fatalf("fastParse accepted a text with document markers:\n%s", data)
	}
	general, err := generalParse(data)
	if err != nil {
		t.Fatalf("fastParse accepted a text the general parser refuses (%v):\n%s", err, data)
	}
	if d := sameNodes("", fast, general); d != "" {
		t.Fatalf("fastParse differs from the general parser at %s, reading:\n%s", d, data)
	}
	return true
}

// fastCases are texts of each kind fastParse reads, and of each kind it
// leaves to the general parser.
var fastCases = []struct {
	text string
	fast bool
}{
	{"a: b\n", true},
	{"a: b", true},
	{"a:   b   # note\nc: d\n", true},
	{"# head\n\na:\n  b: c\n\n  # inside\n  d: e\nf: g\n", true},
	{"a:\n- x\n- y\nb: z\n", true},
	{"a:\n  - x\n  -   y\n", true},
	{"- a: b\n  c: d\n-   e: f\n    g: h\n", true},
	{"a:\n  - label: x\n    next:\n      - 1\n      - 2\n  - label: y\n", true},
	{"a: {b: c, d: e}\nf: [g, h, 3]\ni: {}\nj: []\n", true},
	{"a: {b: {c: d}, e: [f, {g: h}]}\n", true},
	{"a: 'it''s'\nb: \"quoted # not a comment\"\nc: 'x' # note\n", true},
	{"a: 1\nb: -2\nc: 1.5\nd: true\ne: null\nf: ~\ng: 0x1f\nh: 2001-01-01\ni: .inf\n", true},
	{"a: http://x.org/a:b\nb: x, y [z] {w}\nc: a#b\nd: 50%\n", true},
	{"soreness: Wie stark ist es? – «sehr» ☕\nzé: ça va\n", true},
	{"  a: b\n  c: d\n", true},
	{"a:\n    b: c\n    d:\n        - e\n", true},
	{"k  : v\n", true},
	{"-\n  a: b\n-\n  - c\n", true},
	{"a: # note\n  b: c\n", true},
	{"a:\n  # note\n  - b\n", true},
	{"a: |\n  x\n  \n  y\n", true},
	{"a: \"\"\nb: ''\nc: 'x'''\nd: ''''\n", true},
	{"a: -0\nb: -9\nc: [-1, -0]\n", true},
	{"'quoted key': v\n", false},
	{"a:\n", false},
	{"a: b\n  c\n", false},
	{"a: |\n  text\n", true},
	{"a: |-\n  x\n\n  y\n\n\nb: c\n", true},
	{"a: | # note\n  # not a comment\n    more\n \n  x\n# comment\nb: c\n", true},
	{"- |\n  x\n- b: |\n    y\n  c: d\n", true},
	{"a: |+\n  text\n", false},
	{"a: |2\n  text\n", false},
	{"a: |\n\n  text\n", false},
	{"a: |\n  text", false},
	{"a: |\nb: c\n", false},
	{"a: |\n  x\n   \n  y\n", false},
	{"a: >\n  text\n", false},
	{"a: &x b\nc: *x\n", false},
	{"a: !!str 3\n", false},
	{"a: \"esc\\n\"\n", false},
	{"a: \"\\x\"\n", false},
	{"a: \"x\\\"\n", false},
	{"a: 'x'#c\n", false},
	{"a: \"x\"#c\n", false},
	{"a: |#c\n  x\n", false},
	{"a: b:\n", false},
	{"a: [\n", false},
	{"a: {\n", false},
	{"a: {b: \n", false},
	{"a: [b, \n", false},
	{"a: [-]\n", false},
	{"a: \"open\n", false},
	{"a: {b: c,\n  d: e}\n", false},
	{"a: {b: c,}\n", false},
	{"a: {b: }\n", false},
	{"a: {b\n", false},
	{"a: {b:\n", false},
	{"a: {b:c}\n", false},
	{"a: {b#c: d, e# f: g}\n", true},
	{"a: {b #c: d}\n", false},
	{"a#b: c\nd# e: f\n", true},
	{"- a#b: c\n- d# e: f\n", true},
	{"a: b# c\nd: [e# f]\n", true},
	{"a: b: c\n", false},
	{"a: b\n\tc: d\n", false},
	{"a: b\r\nc: d\r\n", false},
	{"\ra: b\n", false},
	{"\r\na: b\n", false},
	{"---\na: b\n", false},
	{"a: b\n...\n", false},
	{"%YAML 1.2\n---\na: b\n", false},
	{"\ufeffa: b\n", false},
	{"a:\n    b: c\n  d: e\n", false},
	{"- - a\n", false},
	{"a: b\n- c\n", false},
	{"? a\n: b\n", false},
	{"a: -\n", false},
	{"a: @b\n", false},
	{"a: `b`\n", false},
	{"a: [b: c]\n", false},
	{"# only a comment\n", false},
	{"", false},
	{"just text\n", false},
}

func TestFastParseCases(t *testing.T) {
	for _, c := range fastCases {
		if got := agree(t, []byte(c.text)); got != c.fast {
			t.Errorf("fastParse(%q) accepted %v; want %v", c.text, got, c.fast)
		}
	}
}

// TestFastParseFiles checks fastParse against the general parser on every
// tree file of the tests and the guide's own, and that it reads the
// guide's tree and the benchmark tree itself: if it stopped, check would
// silently become several times slower.
func TestFastParseFiles(t *testing.T) {
	files := readFiles(t, "testdata/*/*.yaml")
	guide, err := os.ReadFile("../content/tree.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files["../content/tree.yaml"] = guide
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fast := agree(t, files[name])
		if !fast && (strings.Contains(name, "/good/") || strings.HasPrefix(name, "../")) {
			t.Errorf("fastParse does not read %s", name)
		}
	}
	if !agree(t, treeYAML(wideTree(20, 5))) {
		t.Error("fastParse does not read the benchmark tree")
	}
}

// FuzzFastParse checks that whatever fastParse accepts, the general parser
// reads the same way: values, tags and positions.
func FuzzFastParse(f *testing.F) {
	for _, name := range slices.Sorted(maps.Keys(readFiles(f, "testdata/*/*.yaml"))) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, c := range fastCases {
		f.Add([]byte(c.text))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, data)
	})
}

// TestFastParseLimits checks the bounds of fastParse at their edges: it
// reads nesting up to maxFastDepth and keys up to maxFastKey bytes, and
// leaves anything beyond to the general parser.
func TestFastParseLimits(t *testing.T) {
	// Each function returns a text nested depth levels deep, counting the
	// top-level mapping, every block and every flow collection.
	nest := map[string]func(depth int) string{
		"mappings": func(depth int) string {
			var b strings.Builder
			for i := range depth - 1 {
				b.WriteString(strings.Repeat("  ", i) + "a:\n")
			}
			b.WriteString(strings.Repeat("  ", depth-1) + "a: b\n")
			return b.String()
		},
		"lists of mappings": func(depth int) string { // even depths: a list and a mapping per level
			var b strings.Builder
			b.WriteString("a:\n")
			levels := (depth - 2) / 2
			for i := range levels {
				b.WriteString(strings.Repeat(" ", 2+4*i) + "- a:\n")
			}
			b.WriteString(strings.Repeat(" ", 2+4*levels) + "- b\n")
			return b.String()
		},
		"flow lists": func(depth int) string {
			return "a: " + strings.Repeat("[", depth-1) + "b" + strings.Repeat("]", depth-1) + "\n"
		},
	}
	for name, f := range nest {
		for _, depth := range []int{maxFastDepth - 1, maxFastDepth, maxFastDepth + 1, maxFastDepth + 2} {
			if name == "lists of mappings" && depth%2 == 1 {
				continue
			}
			if got, want := agree(t, []byte(f(depth))), depth <= maxFastDepth; got != want {
				t.Errorf("%s %d deep: fastParse accepted %v; want %v", name, depth, got, want)
			}
		}
	}
	// Width is not depth: a list of more mappings than maxFastDepth, as a
	// question's options are, is read.
	long := "a:\n" + strings.Repeat("  - a: b\n    c:\n      d: e\n", 2*maxFastDepth)
	if !agree(t, []byte(long)) {
		t.Errorf("a list of %d mappings: fastParse refused it; want it read", 2*maxFastDepth)
	}
	for _, n := range []int{maxFastKey - 1, maxFastKey, maxFastKey + 1} {
		key := strings.Repeat("k", n)
		for _, text := range []string{key + ": v\n", "a: {" + key + ": v}\n"} {
			if got, want := agree(t, []byte(text)), n <= maxFastKey; got != want {
				t.Errorf("key of %d bytes in %.12q...: fastParse accepted %v; want %v", n, text, got, want)
			}
		}
	}
}
