package decision

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// UIFile is the catalogue of the site's own words in the original
// language: what the templates and the flow script say around the guide's
// words ("Start the questions", "Back", "Question {n} of at most {max}").
const UIFile = "templates/ui.yaml"

// MaxUIBytes is the largest catalogue file accepted.
const MaxUIBytes = 64 << 10

// ErrPlaceholder is the error of a message whose {placeholders} are
// malformed.
var ErrPlaceholder = errors.New("bad placeholder")

// Messages is a catalogue of the site's words: message ids and their text
// in one language.
type Messages struct {
	File string
	IDs  []string // in file order
	Text map[string]string
	Pos  map[string]Pos // where each message's text is written
}

// uiIDRE is the form of a message id.
var uiIDRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// scanPlaceholders returns the {names} of a message, in order, and the
// first malformed placeholder or stray brace ("" if there is none). A name
// is lower-case letters; a message cannot hold a brace otherwise.
func scanPlaceholders(text string) (names []string, bad string) {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '}':
			return names, "}"
		case '{':
			j := strings.IndexAny(text[i+1:], "{}")
			if j < 0 {
				return names, text[i:]
			}
			if text[i+1+j] == '{' {
				return names, text[i : i+1+j]
			}
			ph := text[i : i+j+2]
			if !placeholderRE.MatchString(ph) {
				return names, ph
			}
			names = append(names, ph[1:len(ph)-1])
			i += j + 1
		}
	}
	return names, ""
}

// placeholderRE is a well-formed placeholder.
var placeholderRE = regexp.MustCompile(`^\{[a-z]+\}$`)

// Placeholders lists the {names} of a message, in order, without braces.
func Placeholders(text string) []string {
	names, _ := scanPlaceholders(text)
	return names
}

// LoadMessages reads and checks a catalogue, such as [UIFile]: a mapping
// of message ids to one-line texts. On bad input it returns Problems, one
// per problem, sorted.
func LoadMessages(fsys fs.FS, file string) (*Messages, error) {
	data, p := ReadFile(fsys, file, MaxUIBytes, "the catalogue of the site's words")
	if p != nil {
		return nil, Problems{p}
	}
	return ParseMessages(file, data)
}

// ParseMessages is LoadMessages on the catalogue's bytes.
func ParseMessages(file string, data []byte) (*Messages, error) {
	m := &Messages{File: file, Text: map[string]string{}, Pos: map[string]Pos{}}
	var ps Problems
	bad := func(pos Pos, err error, hint, format string, args ...any) {
		ps = append(ps, &Problem{File: file, Pos: pos, Err: err, Hint: hint, Msg: fmt.Sprintf(format, args...)})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		if mm := yamlErrRE.FindStringSubmatch(err.Error()); mm != nil {
			fmt.Sscan(mm[1], &line)
		}
		bad(Pos{line, 1}, ErrSyntax, "check the YAML near this line", "malformed YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil, ps
	}
	if len(doc.Content) == 0 {
		bad(Pos{1, 1}, ErrEmpty, "write one line per message, as `start: Start the questions`", "the catalogue is empty")
		return nil, ps
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		bad(Pos{root.Line, root.Column}, ErrType, "write one line per message, as `start: Start the questions`", "the catalogue must be a mapping of message ids to texts")
		return nil, ps
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		kpos, vpos := Pos{k.Line, k.Column}, Pos{v.Line, v.Column}
		if k.Kind != yaml.ScalarNode || !uiIDRE.MatchString(k.Value) {
			bad(kpos, ErrBadID, "use lower-case letters, digits and single dashes, as `start-again`", "%q is not a message id", k.Value)
			continue
		}
		if _, dup := m.Pos[k.Value]; dup {
			bad(kpos, ErrDuplicateKey, fmt.Sprintf("remove one of the two (the first is at line %d)", m.Pos[k.Value].Line), "message %q is given twice", k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Anchor != "" || v.Kind == yaml.AliasNode {
			bad(vpos, ErrType, "write the message's text after the colon", "message %q must be a text", k.Value)
			continue
		}
		m.IDs = append(m.IDs, k.Value)
		m.Pos[k.Value] = vpos
		m.Text[k.Value] = v.Value
		if ps2 := checkMessage(file, k.Value, v.Value, vpos); len(ps2) > 0 {
			ps = append(ps, ps2...)
		}
	}
	if len(ps) > 0 {
		SortProblems(ps)
		return nil, ps
	}
	return m, nil
}

// checkMessage checks one message's text: one line, not empty, within
// MaxTextBytes, and its placeholders well formed.
func checkMessage(file, id, text string, pos Pos) Problems {
	var ps Problems
	bad := func(err error, hint, format string, args ...any) {
		ps = append(ps, &Problem{File: file, Pos: pos, Err: err, Hint: hint, Msg: fmt.Sprintf(format, args...)})
	}
	switch {
	case strings.TrimSpace(text) == "":
		bad(ErrEmptyText, "write the message's words", "message %q is empty", id)
	case len(text) > MaxTextBytes:
		bad(ErrTooLong, "shorten it", "message %q has more than %d bytes", id, MaxTextBytes)
	}
	if i, r := checkString(text, false); i >= 0 {
		bad(ErrControl, "remove it", "message %q holds a %s", id, runeName(r))
	}
	if _, ph := scanPlaceholders(text); ph != "" {
		bad(ErrPlaceholder, "write a placeholder as {name}, with lower-case letters only; a message holds no other brace", "message %q has a malformed placeholder %q", id, ph)
	}
	return ps
}
