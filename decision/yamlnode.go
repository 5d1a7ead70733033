package decision

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Helpers that read YAML nodes and report what is wrong with them.

// describe names the kind of a YAML value for messages.
func describe(n *node) string {
	switch n.kind {
	case mappingNode:
		return "a mapping"
	case sequenceNode:
		return "a list"
	case scalarNode:
		switch n.shortTag() {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true/false"
		}
		return "text"
	}
	return "something else"
}

// where names the place in the tree a message is about, e.g. option 2 of
// question "soreness". It is formatted only when a message is written.
type where struct {
	part string // "option", "scale", "scenario" or ""
	n    int    // the part's number, 1-based, or 0
	kind string // "question", "verdict", ..., or a plain phrase
	id   string
}

var topLevel = where{kind: "the top level"}

func (w where) String() string {
	var b strings.Builder
	if w.part != "" {
		b.WriteString(w.part)
		if w.n > 0 {
			b.WriteString(" " + strconv.Itoa(w.n))
		}
		if w.kind == "" {
			return b.String()
		}
		b.WriteString(" of ")
	}
	b.WriteString(w.kind)
	if w.id != "" {
		b.WriteString(" " + strconv.Quote(w.id))
	}
	return b.String()
}

// pair is one key and its value in a YAML mapping.
type pair struct {
	name     string
	key, val *node
}

// pairs returns the entries of a mapping, reporting duplicate and
// non-text keys.
func (l *loader) pairs(n *node, ctx where) []pair {
	var seen map[string]Pos // only for large mappings; small ones are scanned
	if len(n.content) > 16 {
		seen = make(map[string]Pos, len(n.content)/2)
	}
	out := make([]pair, 0, len(n.content)/2)
	for i := 0; i+1 < len(n.content); i += 2 {
		k, v := n.content[i], n.content[i+1]
		if k.kind != scalarNode {
			l.errorf(posOf(k), ErrType, "write a plain word before the ':'", "%s: a key must be text, not %s", ctx, describe(k))
			continue
		}
		first, dup := seen[k.value]
		if seen == nil {
			for _, p := range out {
				if p.name == k.value {
					first, dup = posOf(p.key), true
				}
			}
		}
		if dup {
			l.errorf(posOf(k), ErrDuplicateKey, fmt.Sprintf("the first is at line %d; keep one", first.Line), "%s: duplicate key %q", ctx, k.value)
			continue
		}
		if seen != nil {
			seen[k.value] = posOf(k)
		}
		out = append(out, pair{k.value, k, v})
	}
	return out
}

// maxKeys is the most keys of one kind of mapping (the tree's top level).
const maxKeys = 16

// fieldSet is the result of fields: the value of each key that is there.
type fieldSet struct {
	node *node
	ok   bool // the node was a mapping
	keys []key
	vals [maxKeys]pair
	has  [maxKeys]bool
}

func (f *fieldSet) get(name string) (pair, bool) {
	for i, k := range f.keys {
		if k.name == name {
			return f.vals[i], f.has[i]
		}
	}
	return pair{}, false
}

func (f *fieldSet) val(name string) pair {
	p, _ := f.get(name)
	return p
}

// fields checks a mapping with a fixed set of keys: unknown keys, missing
// required keys, duplicates. pos is where to report a missing key.
func (l *loader) fields(n *node, pos Pos, ctx where, keys []key) fieldSet {
	return l.fieldsWith(n, pos, ctx, keys, nil)
}

// fieldsWith is fields with a hint of its own for keys that belong
// elsewhere, such as next on the option of a shared question.
func (l *loader) fieldsWith(n *node, pos Pos, ctx where, keys []key, misplaced map[string]string) fieldSet {
	f := fieldSet{keys: keys, node: n}
	if n.kind != mappingNode {
		names := make([]string, 0, len(keys))
		for _, k := range keys {
			if k.required {
				names = append(names, k.name)
			}
		}
		if len(names) == 0 {
			for _, k := range keys {
				names = append(names, k.name)
			}
		}
		l.errorf(posOf(n), ErrType, "give it the keys "+strings.Join(names, ", "), "%s must be a mapping, not %s", ctx, describe(n))
		return f
	}
	f.ok = true
	for c := 0; c+1 < len(n.content); c += 2 {
		k, v := n.content[c], n.content[c+1]
		if k.kind != scalarNode {
			l.errorf(posOf(k), ErrType, "write a plain word before the ':'", "%s: a key must be text, not %s", ctx, describe(k))
			continue
		}
		p := pair{k.value, k, v}
		i := slices.IndexFunc(keys, func(k key) bool { return k.name == p.name })
		if i >= 0 && f.has[i] {
			l.errorf(posOf(k), ErrDuplicateKey, fmt.Sprintf("the first is at line %d; keep one", f.vals[i].key.line), "%s: duplicate key %q", ctx, k.value)
			continue
		}
		if hint, ok := misplaced[p.name]; ok && i < 0 {
			l.errorf(posOf(p.key), ErrUnknownKey, hint, "%s: unknown key %q", ctx, p.name)
			continue
		}
		if i < 0 {
			names := make([]string, len(keys))
			for i, k := range keys {
				names[i] = k.name
			}
			l.errorf(posOf(p.key), ErrUnknownKey, didYouMean(p.name, names, "known keys: "+strings.Join(names, ", ")), "%s: unknown key %q", ctx, p.name)
			continue
		}
		f.vals[i], f.has[i] = p, true
	}
	for i, k := range keys {
		if k.required && !f.has[i] {
			l.errorf(pos, ErrMissing, "add `"+k.name+":`", "%s has no %s", ctx, k.name)
		}
	}
	return f
}

// text returns a non-empty text value, reporting wrong types and empty text.
func (l *loader) text(ctx where, p pair) (string, bool) {
	if p.val == nil {
		return "", false
	}
	v := p.val
	if v.kind != scalarNode {
		l.errorf(posOf(v), ErrType, "write it as text", "%s: %s must be text, not %s", ctx, p.name, describe(v))
		return "", false
	}
	if v.shortTag() == "!!null" || strings.TrimSpace(v.value) == "" {
		l.errorf(posOf(v), ErrEmptyText, "write the text, or remove the key if it is optional", "%s: %s is empty", ctx, p.name)
		return "", false
	}
	return v.value, l.checkValue(ctx, p.name, v)
}

// checkValue checks a text value of the tree: its length, its characters,
// and for help (Markdown) what [CheckMarkdown] checks.
func (l *loader) checkValue(ctx where, name string, v *node) bool {
	s, help := v.value, name == "help"
	limit, multiline := MaxTextBytes, false
	if help {
		limit, multiline = MaxHelpBytes, true
	}
	if len(s) > limit {
		hint := "say it in fewer words"
		if !help {
			hint += "; longer text belongs in help or a page"
		}
		l.errorf(posOf(v), ErrTooLong, hint, "%s: %s has %d bytes, more than the limit of %d", ctx, name, len(s), limit)
		return false
	}
	if i, r := checkString(s, multiline); i >= 0 {
		what, hint := runeName(r), "remove it"
		switch {
		case r == utf8.RuneError:
			what, hint = "byte that is not valid UTF-8", "write the text, not an escape for a byte"
		case r == '\n' || r == '\t':
			hint = "write it on one line"
		}
		l.errorf(posOf(v), ErrControl, hint, "%s: %s holds a %s at character %d", ctx, name, what, utf8.RuneCountInString(s[:i])+1)
		return false
	}
	if help {
		if p := CheckMarkdown([]byte(s)); p != nil {
			l.errorf(posOf(v), p.Err, p.Hint, "%s: help, line %d, column %d: %s", ctx, p.Pos.Line, p.Pos.Col, p.Msg)
			return false
		}
	}
	return true
}

// integer returns a whole-number value.
func (l *loader) integer(ctx where, p pair) (int, bool) {
	v := p.val
	if v == nil {
		return 0, false
	}
	if v.kind == scalarNode && v.shortTag() == "!!int" {
		if n, err := strconv.ParseInt(v.value, 10, 32); err == nil {
			return int(n), true
		}
	}
	l.errorf(posOf(v), ErrType, "write a whole number such as 1 or 10", "%s: %s must be a whole number, not %s", ctx, p.name, quoteValue(v))
	return 0, false
}

// quoteValue shows a value in a message: a scalar quoted, else its kind.
func quoteValue(v *node) string {
	if v.kind == scalarNode && v.shortTag() != "!!null" {
		s := v.value
		if len(s) > 40 {
			s = s[:40] + "..."
		}
		return strconv.Quote(s)
	}
	return describe(v)
}
