package decision

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse reads the part of YAML that tree files are written in straight
// into nodes: block mappings and lists, one-line flow mappings and lists
// ({label: Yes, next: rest}), one-line plain and quoted scalars without
// escapes, and comments. It is several times faster than the general
// parser and needs a fraction of its memory, which is what lets `check`
// read a 100,000-node tree in well under a second.
//
// For anything else (anchors, aliases, tags, block scalars, scalars over
// several lines, empty values, escapes, tabs, any syntax error) it returns
// false and the general parser reads the file, so every message and every
// position of a file with a mistake is the general parser's. What it
// accepts it reads exactly as the general parser does, values, tags and
// positions alike: FuzzFastParse checks that. The text has passed
// checkText: it is valid UTF-8 without control characters.
func fastParse(data []byte) (*node, bool) {
	if !fastText(data) {
		return nil, false
	}
	// Scalars are substrings of one copy of the text, not a string each.
	p := &fastParser{data: data, str: string(data)}
	p.advance()
	if p.eof {
		return nil, false
	}
	root, ok := p.block()
	if !ok || !p.eof {
		return nil, false
	}
	return root, true
}

// fastText reports whether the text has none of what fastParse leaves to
// the general parser wherever it is: tabs, carriage returns, a byte order
// mark, Unicode line breaks, document markers and directives.
func fastText(data []byte) bool {
	if bytes.IndexByte(data, '\t') >= 0 || bytes.IndexByte(data, '\r') >= 0 ||
		bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || mayHaveDocuments(data) ||
		bytes.HasPrefix(data, []byte("%")) || bytes.Contains(data, []byte("\n%")) {
		return false
	}
	for _, lb := range []string{"\u0085", "\u2028", "\u2029", "\ufeff"} {
		if bytes.Contains(data, []byte(lb)) {
			return false
		}
	}
	return true
}

// maxFastDepth bounds the nesting fastParse follows; deeper files go to
// the general parser, which has its own bound.
const maxFastDepth = 100

// maxFastKey is the longest key fastParse reads; the general parser
// refuses keys of 1024 characters and more.
const maxFastKey = 1000

type fastParser struct {
	data  []byte
	str   string // data, as a string
	start int    // offset of the current line
	off   int    // offset of the line after the current one
	n     int    // number of the last line read
	line  int32  // number of the current line
	text  []byte // the current line, without its newline
	ind   int    // its indentation
	eof   bool
	depth int
	slab  []node
	kids  []*node // children of the collections being read
	ptrs  []*node // room for the collections' content slices
}

// advance moves to the next line that is neither blank nor a comment.
func (p *fastParser) advance() {
	for p.off < len(p.data) {
		start, rest := p.off, p.data[p.off:]
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			end = len(rest)
			p.off = len(p.data)
		} else {
			p.off += end + 1
		}
		p.n++
		text := rest[:end]
		ind := 0
		for ind < len(text) && text[ind] == ' ' {
			ind++
		}
		if ind == len(text) || text[ind] == '#' {
			continue
		}
		p.line, p.start, p.text, p.ind = int32(p.n), start, text, ind
		return
	}
	p.eof, p.text, p.ind = true, nil, -1
}

// sub is the text between bytes i and j of the current line.
func (p *fastParser) sub(i, j int) string { return p.str[p.start+i : p.start+j] }

func (p *fastParser) newNode(kind nodeKind, off int) *node {
	if len(p.slab) == 0 {
		p.slab = make([]node, 512)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.kind, n.line, n.col = kind, p.line, int32(column(p.text, off))
	return n
}

// collect ends a collection: its children are the kids from mark on.
func (p *fastParser) collect(n *node, mark int) {
	k := len(p.kids) - mark
	if k > 0 {
		if len(p.ptrs) < k {
			p.ptrs = make([]*node, max(k, 4096))
		}
		n.content = p.ptrs[:k:k]
		p.ptrs = p.ptrs[k:]
		copy(n.content, p.kids[mark:])
	}
	clear(p.kids[mark:])
	p.kids = p.kids[:mark]
}

// column is the 1-based column of byte off of a line, in characters.
func column(text []byte, off int) int {
	return utf8.RuneCount(text[:off]) + 1
}

func seqEntry(s []byte) bool { return len(s) > 0 && s[0] == '-' && (len(s) == 1 || s[1] == ' ') }

// block reads the mapping or list that starts on the current line.
func (p *fastParser) block() (*node, bool) {
	if p.depth++; p.depth > maxFastDepth {
		return nil, false
	}
	defer func() { p.depth-- }()
	if seqEntry(p.text[p.ind:]) {
		return p.sequence(p.ind)
	}
	return p.mapping(p.ind, p.ind)
}

// mapping reads a block mapping whose keys are indented by ind; the first
// key starts at byte start of the current line (after "- " in a list).
func (p *fastParser) mapping(ind, start int) (*node, bool) {
	m := p.newNode(mappingNode, start)
	mark := len(p.kids)
	for first := true; !p.eof && (first || p.ind == ind); first = false {
		if !first {
			start = ind
			if seqEntry(p.text[ind:]) {
				return nil, false
			}
		}
		k, off, ok := p.key(start)
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, k)
		v, ok := p.value(off, ind, true)
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, v)
	}
	if !p.eof && p.ind > ind {
		return nil, false
	}
	p.collect(m, mark)
	return m, true
}

// sequence reads a block list whose dashes are indented by ind.
func (p *fastParser) sequence(ind int) (*node, bool) {
	sq := p.newNode(sequenceNode, ind)
	mark := len(p.kids)
	for !p.eof && p.ind == ind && seqEntry(p.text[ind:]) {
		s := p.text
		j := ind + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		var item *node
		ok := false
		switch {
		case j < len(s) && seqEntry(s[j:]):
			return nil, false
		case j < len(s) && isKey(s, j):
			p.depth++
			item, ok = p.mapping(j, j)
			p.depth--
		default:
			item, ok = p.value(ind+1, ind, false)
		}
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, item)
	}
	if !p.eof && p.ind > ind {
		return nil, false
	}
	p.collect(sq, mark)
	return sq, true
}

// indicator reports whether c cannot start a plain scalar.
func indicator(c byte) bool {
	switch c {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return true
	}
	return false
}

// isKey reports whether the text at j is a plain key followed by ':'.
func isKey(s []byte, j int) bool {
	if indicator(s[j]) {
		return false
	}
	for i := j; i < len(s); i++ {
		switch {
		case s[i] == '#' && s[i-1] == ' ':
			return false
		case s[i] == ':' && (i+1 == len(s) || s[i+1] == ' '):
			return true
		}
	}
	return false
}

// key reads a plain key at byte j of the current line and its ':'. It
// returns the offset after the colon.
func (p *fastParser) key(j int) (*node, int, bool) {
	s := p.text
	if indicator(s[j]) {
		return nil, 0, false
	}
	for i := j; i < len(s); i++ {
		switch {
		case s[i] == '#' && s[i-1] == ' ':
			return nil, 0, false
		case s[i] == ':' && (i+1 == len(s) || s[i+1] == ' '):
			v := bytes.TrimRight(s[j:i], " ")
			if len(v) > maxFastKey {
				return nil, 0, false
			}
			k := p.newNode(scalarNode, j)
			k.value = p.sub(j, j+len(v))
			return k, i + 1, true
		}
	}
	return nil, 0, false
}

// value reads the value after a key's colon or a list's dash at byte off
// of the current line: a scalar or flow collection on the same line, or a
// block on the lines below, indented more than ind (a list may also be
// indented as much as the keys of its mapping).
func (p *fastParser) value(off, ind int, inMapping bool) (*node, bool) {
	s := p.text
	j := off
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j == len(s) || s[j] == '#' && j > off {
		p.advance()
		switch {
		case !p.eof && p.ind > ind:
			return p.block()
		case inMapping && !p.eof && p.ind == ind && seqEntry(p.text[ind:]):
			return p.sequence(ind)
		}
		return nil, false // an empty value
	}
	if s[j] == '|' {
		return p.literal(j, ind)
	}
	v, end, ok := p.scalar(j, false)
	if !ok || !lineEnds(s, end) {
		return nil, false
	}
	p.advance()
	if !p.eof && p.ind > ind {
		return nil, false // the scalar goes on, or a block follows it
	}
	return v, true
}

// literal reads a literal block scalar whose header, | or |-, is at byte
// j of the current line, and whose lines are indented more than ind.
func (p *fastParser) literal(j, ind int) (*node, bool) {
	s := p.text
	keep := 1 // line breaks kept at the end: 1 for |, 0 for |-
	end := j + 1
	if end < len(s) && s[end] == '-' {
		keep, end = 0, end+1
	}
	if !lineEnds(s, end) {
		return nil, false
	}
	n := p.newNode(scalarNode, j)
	n.tag, n.style = "!!str", yaml.LiteralStyle
	var b []byte
	m := -1 // the indentation of the scalar's lines
	blanks := 0
	off, line := p.off, p.n
	for off < len(p.data) {
		rest := p.data[off:]
		e := bytes.IndexByte(rest, '\n')
		if e < 0 {
			return nil, false // the last line has no line break
		}
		text := rest[:e]
		k := 0
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k == len(text) {
			if m < 0 || k > m {
				return nil, false // leading blank lines, or blanks past the indentation
			}
			blanks++
		} else {
			if m < 0 {
				if k <= ind {
					return nil, false // an empty scalar
				}
				m = k
			}
			if k < m {
				break
			}
			if b != nil {
				b = append(b, '\n')
			}
			for ; blanks > 0; blanks-- {
				b = append(b, '\n')
			}
			b = append(b, text[m:]...)
		}
		off += e + 1
		line++
	}
	if m < 0 {
		return nil, false
	}
	for ; keep > 0; keep-- {
		b = append(b, '\n')
	}
	n.value = string(b)
	p.off, p.n = off, line
	p.advance()
	return n, true
}

// lineEnds reports whether only blanks and a comment follow byte end.
func lineEnds(s []byte, end int) bool {
	i := end
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i == len(s) || s[i] == '#' && i > end
}

// scalar reads a scalar or a flow collection at byte j of the current
// line and returns the offset after it. In a flow collection, a plain
// scalar ends at a comma or bracket.
func (p *fastParser) scalar(j int, flow bool) (*node, int, bool) {
	s := p.text
	switch c := s[j]; c {
	case '"':
		end := bytes.IndexByte(s[j+1:], '"')
		if end < 0 || bytes.IndexByte(s[j+1:j+1+end], '\\') >= 0 {
			return nil, 0, false
		}
		n := p.newNode(scalarNode, j)
		n.value, n.tag, n.style = p.sub(j+1, j+1+end), "!!str", yaml.DoubleQuotedStyle
		return n, j + end + 2, true
	case '\'':
		var b []byte
		i := j + 1
		escaped := false
		for {
			q := bytes.IndexByte(s[i:], '\'')
			if q < 0 {
				return nil, 0, false
			}
			b = append(b, s[i:i+q]...)
			i += q + 1
			if i < len(s) && s[i] == '\'' {
				b = append(b, '\'')
				i++
				escaped = true
				continue
			}
			break
		}
		n := p.newNode(scalarNode, j)
		n.value, n.tag, n.style = p.sub(j+1, i-1), "!!str", yaml.SingleQuotedStyle
		if escaped {
			n.value = string(b)
		}
		return n, i, true
	case '{', '[':
		return p.flow(j)
	}
	if indicator(s[j]) && !(s[j] == '-' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
		return nil, 0, false
	}
	i := j
scan:
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '#' && s[i-1] == ' ':
			if flow {
				return nil, 0, false
			}
			break scan
		case c == ':':
			if flow || i+1 == len(s) || s[i+1] == ' ' {
				return nil, 0, false
			}
		case flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'):
			break scan
		}
	}
	v := bytes.TrimRight(s[j:i], " ")
	n := p.newNode(scalarNode, j)
	n.value = p.sub(j, j+len(v))
	return n, j + len(v), true
}

// flow reads a flow mapping or list that opens at byte j and closes on the
// same line.
func (p *fastParser) flow(j int) (*node, int, bool) {
	if p.depth++; p.depth > maxFastDepth {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	s := p.text
	mapping := s[j] == '{'
	closer := byte(']')
	n := p.newNode(sequenceNode, j)
	n.style = yaml.FlowStyle
	if mapping {
		closer, n.kind = '}', mappingNode
	}
	mark := len(p.kids)
	i := skipBlanks(s, j+1)
	if i < len(s) && s[i] == closer {
		p.collect(n, mark)
		return n, i + 1, true
	}
	for {
		if i >= len(s) {
			return nil, 0, false
		}
		if mapping {
			k, end, ok := p.flowKey(i)
			if !ok {
				return nil, 0, false
			}
			p.kids = append(p.kids, k)
			i = skipBlanks(s, end)
			if i >= len(s) || s[i] == ',' || s[i] == '}' || s[i] == ']' {
				return nil, 0, false // an empty value
			}
		}
		v, end, ok := p.scalar(i, true)
		if !ok {
			return nil, 0, false
		}
		p.kids = append(p.kids, v)
		i = skipBlanks(s, end)
		switch {
		case i < len(s) && s[i] == closer:
			p.collect(n, mark)
			return n, i + 1, true
		case i < len(s) && s[i] == ',':
			i = skipBlanks(s, i+1)
			if i >= len(s) || s[i] == closer {
				return nil, 0, false // a trailing comma
			}
		default:
			return nil, 0, false
		}
	}
}

// flowKey reads a plain key in a flow mapping and its ": ".
func (p *fastParser) flowKey(j int) (*node, int, bool) {
	s := p.text
	if indicator(s[j]) {
		return nil, 0, false
	}
	for i := j; i < len(s); i++ {
		switch c := s[i]; {
		case c == ':':
			if i+1 == len(s) || s[i+1] != ' ' {
				return nil, 0, false
			}
			v := bytes.TrimRight(s[j:i], " ")
			if len(v) > maxFastKey {
				return nil, 0, false
			}
			k := p.newNode(scalarNode, j)
			k.value = p.sub(j, j+len(v))
			return k, i + 1, true
		case c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#' && s[i-1] == ' ':
			return nil, 0, false
		}
	}
	return nil, 0, false
}

func skipBlanks(s []byte, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}
