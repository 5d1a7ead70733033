package decision

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Stamping: writing the hashes of today's originals into a translation,
// once an editor has brought it up to date. See the package doc,
// # Languages.

// StampWords returns the words file data (named name, of language lang)
// with from: set, beside every translated string, to [Hash] of its
// original in orig today, and the number of hashes it wrote or changed.
// It edits the text in place: comments, order and layout stay as they are;
// a from: that is missing is added after the last entry of its mapping.
// A words file that cannot be parsed is refused with its problems; other
// problems (a missing word) do not stop it.
func StampWords(orig *Tree, lang, name string, data []byte, opts Options) ([]byte, int, error) {
	l, w := parseTranslation(orig, lang, name, data, opts.withDefaults())
	if l.tree == nil {
		_, err := l.result()
		return nil, 0, err
	}
	var edits []textEdit
	n := 0
	for _, s := range w.sets {
		e, k := s.edits(l)
		edits, n = append(edits, e...), n+k
	}
	return applyEdits(data, edits), n, nil
}

// textEdit replaces data[off:end] with text.
type textEdit struct {
	off, end int
	text     string
}

func applyEdits(data []byte, edits []textEdit) []byte {
	slices.SortStableFunc(edits, func(a, b textEdit) int { return b.off - a.off })
	out := slices.Clone(data)
	for _, e := range edits {
		out = slices.Concat(out[:e.off], []byte(e.text), out[e.end:])
	}
	return out
}

// empty reports whether the set and its nested sets want no hash.
func (s *fromSet) empty() bool {
	return len(s.wants) == 0 && !slices.ContainsFunc(s.subs, func(t *fromSet) bool { return !t.empty() })
}

// flow writes the set as a flow mapping: {text: 1a2b3c4d, why: {...}}.
func (s *fromSet) flow() string {
	var parts []string
	for _, w := range s.wants {
		parts = append(parts, w.key+": "+w.hash)
	}
	for _, t := range s.subs {
		if !t.empty() {
			parts = append(parts, t.key+": "+t.flow())
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// edits returns the edits that make the set hold its wants, and how many
// hashes they write.
func (s *fromSet) edits(l *loader) ([]textEdit, int) {
	if s.empty() {
		return nil, 0
	}
	if s.node == nil && s.val != nil {
		// A from: that is not a mapping: written over.
		if e, ok := l.replaceScalar(s.val, s.flow()); ok {
			return []textEdit{e}, s.count()
		}
		return nil, 0
	}
	if s.node == nil {
		if s.parent == nil || s.parent.kind != mappingNode || s.key != "from" {
			return nil, 0 // a nested set without a mapping is written by its parent
		}
		e, ok := l.insertKey(s.parent, "from: "+s.flow())
		if len(s.wants) > 6 && s.parent.style&yaml.FlowStyle == 0 && len(s.parent.content) > 0 {
			// Many hashes, such as ui's: one a line.
			pad := strings.Repeat(" ", int(s.parent.content[0].col)-1)
			var b strings.Builder
			b.WriteString("from:\n")
			for _, w := range s.wants {
				b.WriteString(pad + "  " + w.key + ": " + w.hash + "\n")
			}
			e, ok = l.insertKey(s.parent, strings.TrimSuffix(b.String(), "\n"))
		}
		if !ok {
			return nil, 0
		}
		return []textEdit{e}, s.count()
	}
	var out []textEdit
	var insert []string
	n := 0
	for _, w := range s.wants {
		i := slices.IndexFunc(s.pairs, func(p pair) bool { return p.name == w.key })
		if i < 0 {
			insert = append(insert, w.key+": "+w.hash)
			n++
			continue
		}
		v := s.pairs[i].val
		if v.kind == scalarNode && v.value == w.hash {
			continue
		}
		if e, ok := l.replaceScalar(v, w.hash); ok {
			out = append(out, e)
			n++
		}
	}
	for _, t := range s.subs {
		if t.empty() {
			continue
		}
		if t.node == nil {
			insert = append(insert, t.key+": "+t.flow())
			n += t.count()
			continue
		}
		e, k := t.edits(l)
		out, n = append(out, e...), n+k
	}
	if len(insert) > 0 {
		if e, ok := l.insertKey(s.node, strings.Join(insert, ", ")); ok {
			out = append(out, e)
		}
	}
	return out, n
}

// count is the number of hashes the set wants, nested ones included.
func (s *fromSet) count() int {
	n := len(s.wants)
	for _, t := range s.subs {
		n += t.count()
	}
	return n
}

// offset turns a node's line and column (in characters) into a byte
// offset of the data.
func (l *loader) offset(n *node) int {
	line, off := 1, 0
	for line < int(n.line) {
		i := bytes.IndexByte(l.data[off:], '\n')
		if i < 0 {
			return len(l.data)
		}
		off += i + 1
		line++
	}
	for c := 1; c < int(n.col) && off < len(l.data); c++ {
		_, size := utf8.DecodeRune(l.data[off:])
		off += size
	}
	return off
}

// insertKey inserts "key: value" text as the last entry of mapping m (the
// first, if its end cannot be told).
func (l *loader) insertKey(m *node, text string) (textEdit, bool) {
	if len(m.content) == 0 {
		off := l.offset(m)
		if m.style&yaml.FlowStyle == 0 || off >= len(l.data) || l.data[off] != '{' {
			return textEdit{}, false
		}
		return textEdit{off + 1, off + 1, text}, true
	}
	k := m.content[0]
	last := m.content[len(m.content)-1]
	if m.style&yaml.FlowStyle != 0 {
		if e, ok := l.replaceScalar(last, last.value); ok && last.line == k.line {
			return textEdit{e.end, e.end, ", " + text}, true
		}
		off := l.offset(k)
		return textEdit{off, off, text + ", "}, true
	}
	off := l.blockEnd(m)
	text = strings.Repeat(" ", int(k.col)-1) + text + "\n"
	if off == len(l.data) && off > 0 && l.data[off-1] != '\n' {
		text = "\n" + text // the file's last line has no line end
	}
	return textEdit{off, off, text}, true
}

// blockEnd returns the offset of the line after the last line of block
// mapping m: its last entry and what is indented deeper than its keys.
func (l *loader) blockEnd(m *node) int {
	indent := int(m.content[0].col) - 1
	last := m.content[len(m.content)-1]
	off := l.offset(last)
	// The end of the last entry's first line.
	end := len(l.data)
	if i := bytes.IndexByte(l.data[off:], '\n'); i >= 0 {
		end = off + i + 1
	}
	for next := end; next < len(l.data); {
		lineEnd := len(l.data)
		if i := bytes.IndexByte(l.data[next:], '\n'); i >= 0 {
			lineEnd = next + i + 1
		}
		line := l.data[next:lineEnd]
		text := bytes.TrimLeft(line, " ")
		if len(bytes.TrimSpace(line)) > 0 {
			if len(line)-len(text) <= indent {
				break
			}
			end = lineEnd
		}
		next = lineEnd
	}
	return end
}

// replaceScalar replaces a one-line scalar, quotes included, with text.
func (l *loader) replaceScalar(v *node, text string) (textEdit, bool) {
	if v.kind != scalarNode {
		return textEdit{}, false
	}
	off := l.offset(v)
	end := off + len(v.value)
	switch {
	case off < len(l.data) && (l.data[off] == '"' || l.data[off] == '\''):
		q := l.data[off]
		i := closingQuote(l.data[off+1:], q)
		if i < 0 {
			return textEdit{}, false
		}
		end = off + 1 + i + 1
	case end > len(l.data) || string(l.data[off:end]) != v.value:
		return textEdit{}, false
	}
	return textEdit{off, end, afterColon(l.data, off, end, text)}, true
}

// PageTranslatedFrom returns the translated-from hash a page's front
// matter records, and its position; ok is false if it records none. The
// front matter is the lines between a first line "---" and the next.
func PageTranslatedFrom(data []byte) (hash string, pos Pos, ok bool) {
	for line, text := range frontMatterLines(data) {
		if v, found := strings.CutPrefix(text, "translated-from:"); found {
			col := len("translated-from:") + 1 + len(v) - len(strings.TrimLeft(v, " "))
			return strings.Trim(strings.TrimSpace(v), `"'`), Pos{line, col}, true
		}
	}
	return "", Pos{}, false
}

// frontMatterLines yields the lines of a page's front matter with their
// line numbers; none if the page has no front matter.
func frontMatterLines(data []byte) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		lines := strings.Split(string(data), "\n")
		if len(lines) < 2 || strings.TrimRight(lines[0], " \t\r") != "---" {
			return
		}
		for i, s := range lines[1:] {
			s = strings.TrimRight(s, "\r")
			if strings.TrimRight(s, " \t") == "---" || !yield(i+2, s) {
				return
			}
		}
	}
}

// StampPage returns a page's data with translated-from: hash in its front
// matter: the value replaced if there is one, else a line added at the end
// of the front matter, or a front matter added if the page has none.
func StampPage(data []byte, hash string) []byte {
	_, pos, ok := PageTranslatedFrom(data)
	lines := strings.SplitAfter(string(data), "\n")
	if ok {
		line := lines[pos.Line-1]
		end := len(strings.TrimRight(line, " \t\r\n"))
		lines[pos.Line-1] = line[:pos.Col-1] + hash + line[end:]
		return []byte(strings.Join(lines, ""))
	}
	if end := frontMatterEnd(lines); end > 0 {
		nl := "\n"
		if strings.HasSuffix(lines[0], "\r\n") {
			nl = "\r\n"
		}
		lines = slices.Insert(lines, end, "translated-from: "+hash+nl)
		return []byte(strings.Join(lines, ""))
	}
	return append([]byte("---\ntranslated-from: "+hash+"\n---\n\n"), data...)
}

// frontMatterEnd returns the index of the line that closes the front
// matter of a page's lines, 0 if it has none.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 || strings.TrimRight(strings.TrimPrefix(lines[0], "\xef\xbb\xbf"), " \t\r\n") != "---" {
		return 0
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\r\n") == "---" {
			return i
		}
	}
	return 0
}

// closingQuote returns the index in b, the text after an opening quote q,
// of the quote that closes it, or -1: in single quotes a quote doubled is
// one quote, in double quotes a backslash escapes the next character.
func closingQuote(b []byte, q byte) int {
	skip := false
	for i, c := range b {
		switch {
		case skip:
			skip = false
		case c == '\\' && q == '"':
			skip = true
		case c != q:
		case q == '\'' && bytes.HasPrefix(b[i+1:], []byte{q}):
			skip = true
		default:
			return i
		}
	}
	return -1
}

// afterColon is the text that goes in place of data[off:end], with a space
// before it when it would follow a key's colon directly, as after a value
// left empty ("key:"): YAML would read "key:text" as one plain scalar.
func afterColon(data []byte, off, end int, text string) string {
	if off == end && off > 0 && data[off-1] == ':' {
		return " " + text
	}
	return text
}
