package decision

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// TreeFile is the path of the tree file inside the source folder.
const TreeFile = "content/tree.yaml"

// Defaults for [Options].
const (
	DefaultMaxDepth = 32
	DefaultMaxBytes = 16 << 20
)

// Options tune loading. The zero value uses the defaults.
type Options struct {
	MaxDepth int   // most questions on one path; 0 means DefaultMaxDepth
	MaxBytes int64 // largest tree file (or words file) accepted; 0 means DefaultMaxBytes
	// UI is the original's ui strings (the site's own words) by message
	// id. A translation must give words for exactly these ids; with UI
	// nil, its ui: strings are read but not compared with any.
	UI map[string]string
}

func (o Options) withDefaults() Options {
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	return o
}

// Load reads TreeFile from fsys, which is rooted at the source folder (the
// one holding content/), and validates it, including that every outcome's
// page exists under content/ and that every scenario passes.
//
// If there are problems, Load returns an error of type [Problems] (errors
// only) and, whenever the file could be parsed, a non-nil *Tree as well.
// Warnings are in the tree's Warnings field.
func Load(fsys fs.FS, opts Options) (*Tree, error) {
	opts = opts.withDefaults()
	data, p := ReadFile(fsys, TreeFile, opts.MaxBytes, "the tree file")
	if p != nil {
		return nil, Problems{p}
	}
	l := parse(TreeFile, data, opts)
	if l.tree != nil {
		l.checkPages(fsys)
	}
	return l.result()
}

// Parse is Load for a tree file already in memory, named name in messages.
// It checks everything Load checks except that outcome pages exist.
func Parse(name string, data []byte, opts Options) (*Tree, error) {
	return parse(name, data, opts.withDefaults()).result()
}

// mayHaveDocuments reports whether the text has a line starting with a
// document marker (--- or ...), without which it cannot hold more than one
// document.
func mayHaveDocuments(data []byte) bool {
	for _, m := range [][]byte{[]byte("---"), []byte("...")} {
		if bytes.HasPrefix(data, m) || bytes.Contains(data, append([]byte("\n"), m...)) {
			return true
		}
	}
	return false
}

// decodeDocuments parses the first document into doc and refuses a second.
func (l *loader) decodeDocuments(doc *yaml.Node) bool {
	dec := yaml.NewDecoder(bytes.NewReader(l.data))
	if err := dec.Decode(doc); err != nil {
		if err != io.EOF {
			l.syntaxError(err)
			return false
		}
		return true // empty: reported by the caller
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
		return true
	case err != nil:
		l.syntaxError(err)
	default:
		hint := "remove the `---` line: the tree is one document"
		if l.what != "" {
			hint = "remove the `---` line: " + l.what + " is one document"
		}
		l.errorf(Pos{max(next.Line, 1), max(next.Column, 1)}, ErrSyntax, hint, "a second YAML document")
	}
	return false
}

// loader holds the state of one parse: the tree being built, the problems
// found, and the positions the model types do not keep.
type loader struct {
	file  string
	opts  Options
	data  []byte
	tree  *Tree
	probs Problems
	src   sources

	lineStarts []int // the offset of each line, built by line on first use

	what    string // "the words file" for a translation; "" for the tree file
	langPos Pos    // for a translation: the lang value
}

// whatFile names the file in messages: "the tree file" or "the words file".
func (l *loader) whatFile() string {
	if l.what == "" {
		return "the tree file"
	}
	return l.what
}

func (l *loader) errorf(pos Pos, err error, hint, format string, args ...any) {
	l.probs = append(l.probs, &Problem{File: l.file, Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint, Err: err})
}

func (l *loader) warnf(pos Pos, err error, hint, format string, args ...any) {
	l.tree.Warnings = append(l.tree.Warnings, &Problem{File: l.file, Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint, Warning: true, Err: err})
}

// result sorts the problems and returns the tree and the error.
func (l *loader) result() (*Tree, error) {
	if l.tree != nil {
		SortProblems(l.tree.Warnings)
	}
	if len(l.probs) == 0 {
		return l.tree, nil
	}
	SortProblems(l.probs)
	return l.tree, l.probs
}

// parse runs every check it can and keeps the results in a loader.
func parse(name string, data []byte, opts Options) (l *loader) {
	l = &loader{file: name, opts: opts, data: data}
	defer func() {
		// Last line of defence: the YAML parser should never panic, but if
		// it does the caller gets a problem, not a crash. The fuzz test
		// fails on ErrInternal.
		l.recovered(recover())
	}()
	doc, ok := l.readDoc()
	if !ok {
		return l
	}
	l.tree = &Tree{File: name}
	l.decodeTree(doc)
	l.resolveSteps()
	l.validate()
	return l
}

// recovered turns a panic's value, if v is one, into a problem.
func (l *loader) recovered(v any) {
	if v != nil {
		l.tree = nil
		l.errorf(Pos{1, 1}, ErrInternal, "please report this as a bug", "%s could not be read: %v", l.whatFile(), v)
	}
}

// readDoc checks the file's size and text and parses its YAML: the root,
// or false with the problems in l.probs.
func (l *loader) readDoc() (*node, bool) {
	if int64(len(l.data)) > l.opts.MaxBytes {
		l.probs = append(l.probs, tooLarge(l.file, l.whatFile(), l.opts.MaxBytes))
		return nil, false
	}
	if !l.checkText() {
		return nil, false
	}
	return l.parseYAML()
}

// checkText checks the raw bytes: UTF-8, not empty, no control characters,
// no tabs in indentation.
func (l *loader) checkText() bool {
	data := l.data
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		l.errorf(l.posAt(i), ErrEncoding, "save the file as UTF-8", "invalid UTF-8 (byte 0x%02x)", data[i])
		return false
	}
	if len(bytes.TrimSpace(data)) == 0 {
		l.errorf(Pos{1, 1}, ErrEmpty, "start from the example in `go doc runorrest/decision`", "%s is empty", l.whatFile())
		return false
	}
	for i := 0; i < len(data); {
		r, size := rune(data[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(data[i:])
		}
		if !allowedRune(r) {
			l.errorf(l.posAt(i), ErrEncoding, "remove it", "character %U is not allowed in YAML", r)
			return false
		}
		i += size
	}
	tabs := 0
	for lineStart := 0; lineStart < len(data); {
		end := bytes.IndexByte(data[lineStart:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += lineStart
		}
		for i := lineStart; i < end && (data[i] == ' ' || data[i] == '\t'); i++ {
			if data[i] == '\t' {
				tabs++
				if tabs <= maxTabReports {
					l.errorf(l.posAt(i), ErrSyntax, "use spaces, not tabs, to indent YAML", "tab in indentation")
				}
				break
			}
		}
		lineStart = end + 1
	}
	if tabs > maxTabReports {
		l.errorf(l.posAt(len(data)), ErrSyntax, "use spaces, not tabs, to indent YAML", "%d more lines are indented with tabs", tabs-maxTabReports)
	}
	return tabs == 0
}

const maxTabReports = 10

// allowedRune reports whether YAML allows r in a document.
func allowedRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || r == 0x7f:
		return false
	case r >= 0x80 && r <= 0x9f:
		return r == 0x85
	case r == 0xfffe || r == 0xffff:
		return false
	}
	return true
}

// posAt turns a byte offset into a line and a column (counted in characters).
func (l *loader) posAt(off int) Pos {
	off = min(off, len(l.data))
	line := bytes.Count(l.data[:off], []byte("\n")) + 1
	start := bytes.LastIndexByte(l.data[:off], '\n') + 1
	return Pos{line, utf8.RuneCount(l.data[start:off]) + 1}
}

// lineCol returns the position of the first non-blank character of a line;
// on a line of blanks alone, the position just after them.
func (l *loader) lineCol(line int) Pos {
	data := l.data
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return Pos{line, 1}
		}
		data = data[i+1:]
	}
	col := 1
	for _, c := range data {
		if c != ' ' {
			break
		}
		col++
	}
	return Pos{line, col}
}

// parseYAML parses the single YAML document, refusing anchors and aliases.
// Tree files as people write them take the fast path; anything else, and
// every file with a mistake in its YAML, the general parser.
func (l *loader) parseYAML() (*node, bool) {
	if root, ok := fastParse(l.data); ok {
		return root, true
	}
	var doc yaml.Node
	if !mayHaveDocuments(l.data) {
		// The common case: parse from memory, which is faster than a Decoder.
		if err := yaml.Unmarshal(l.data, &doc); err != nil {
			l.syntaxError(err)
			return nil, false
		}
	} else if !l.decodeDocuments(&doc) {
		return nil, false
	}
	if len(doc.Content) == 0 {
		l.errorf(Pos{1, 1}, ErrEmpty, "start from the example in `go doc runorrest/decision`", "%s is empty", l.whatFile())
		return nil, false
	}
	return l.fromYAML(doc.Content[0])
}
