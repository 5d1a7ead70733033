package decision

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Turning the YAML parser's errors into positioned, friendly messages.

var yamlErrRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxErrors maps the YAML parser's messages to friendlier ones.
var syntaxErrors = []struct{ prefix, msg, hint string }{
	{"did not find expected key", "this line does not line up with the keys above it", "indent every key of a mapping by the same number of spaces"},
	{"did not find expected '-' indicator", "this line does not line up with the list above it", "indent every item of a list by the same number of spaces"},
	{"mapping values are not allowed in this context", "unexpected ':' in a value", "put the text in quotes if it contains \": \""},
	{"could not find expected ':'", "a key without ':'", "write `key: value`, or put the text in quotes"},
	{"found character that cannot start any token", "this text cannot start with that character", "put the text in quotes"},
	{"did not find expected node content", "a value is missing", "write the value, or put the text in quotes"},
	{"did not find expected ',' or ']'", "a list in [ ] is not closed", "add the missing ]"},
	{"did not find expected ',' or '}'", "a mapping in { } is not closed", "add the missing }"},
	{"found unexpected end of stream", "the file ends inside a quoted text or bracket", "close the quote or bracket"},
	{"found unknown escape character", "unknown escape in a double-quoted text", "use single quotes, or write \\\\ for a backslash"},
	{"block sequence entries are not allowed in this context", "a list item where a value is expected", "put the list on its own lines under the key"},
}

func (l *loader) syntaxError(err error) {
	msg := err.Error()
	line := 1
	if m := yamlErrRE.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			line = n
		}
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if (strings.HasPrefix(msg, "did not find expected key") || strings.HasPrefix(msg, "did not find expected '-' indicator")) && len(l.data) <= maxSearchBytes {
		line = l.firstBadLine(line, msg)
	}
	for _, s := range syntaxErrors {
		if strings.HasPrefix(msg, s.prefix) {
			l.errorf(l.lineCol(line), ErrSyntax, s.hint, "malformed YAML: %s", s.msg)
			return
		}
	}
	l.errorf(l.lineCol(line), ErrSyntax, "check the YAML near this line", "malformed YAML: %s", msg)
}

// maxSearchBytes bounds the file size for which firstBadLine runs, as it
// parses the file about log2(lines) times.
const maxSearchBytes = 1 << 20

// firstBadLine finds the line a block-structure error is really on. The
// YAML parser reports where the enclosing mapping or list starts; the
// mistake is on the first line whose inclusion makes the text fail with
// the same message, found by binary search over prefixes of the file.
func (l *loader) firstBadLine(reported int, msg string) int {
	ends := []int{} // ends[i]: byte offset after line i+1
	for i, c := range l.data {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(l.data) {
		ends = append(ends, len(l.data))
	}
	fails := func(lines int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(l.data[:ends[lines-1]], &n)
		if err == nil {
			return false
		}
		m := yamlErrRE.FindStringSubmatch(err.Error())
		return m != nil && m[2] == msg
	}
	lo, hi := max(reported, 1), len(ends)
	if lo > hi || !fails(hi) {
		return reported
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
