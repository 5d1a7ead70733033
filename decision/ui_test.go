package decision

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseMessages(t *testing.T) {
	m, err := ParseMessages("ui.yaml", []byte("# words\nstart: Start the questions\nto-go: \"At most {n} to go\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.IDs, []string{"start", "to-go"}; !slices.Equal(got, want) {
		t.Errorf("IDs = %q; want %q", got, want)
	}
	if got, want := m.Text["to-go"], "At most {n} to go"; got != want {
		t.Errorf("Text[to-go] = %q; want %q", got, want)
	}
	if got, want := m.Pos["to-go"], (Pos{3, 8}); got != want {
		t.Errorf("Pos[to-go] = %v; want %v", got, want)
	}
}

// TestBadMessages is the catalogue's bad input: each mistake reported at
// its position, all at once.
func TestBadMessages(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
		err       error
	}{
		{"syntax", "start: [a\n", []string{"ui.yaml:1:1: malformed YAML"}, ErrSyntax},
		{"syntax on a later line", "a: x\nb: y\nc: d: e\n", []string{"ui.yaml:3:1: malformed YAML: line 3: mapping values are not allowed"}, ErrSyntax},
		{"empty file", "# nothing\n", []string{"ui.yaml:1:1: the catalogue is empty"}, ErrEmpty},
		{"a list", "- a\n- b\n", []string{"ui.yaml:1:1: the catalogue must be a mapping"}, ErrType},
		{"bad id", "Start: x\n", []string{`ui.yaml:1:1: "Start" is not a message id`}, ErrBadID},
		{"duplicate", "a: x\nb: y\na: z\n", []string{`ui.yaml:3:1: message "a" is given twice (remove one of the two (the first is at line 1))`}, ErrDuplicateKey},
		{"not a text", "a:\n  b: c\n", []string{`ui.yaml:2:3: message "a" must be a text`}, ErrType},
		{"null", "a:\n", []string{`ui.yaml:1:3: message "a" must be a text`}, ErrType},
		{"empty text", "a: \"  \"\n", []string{`ui.yaml:1:4: message "a" is empty`}, ErrEmptyText},
		{"too long", "a: " + strings.Repeat("x", MaxTextBytes+1) + "\n", []string{`ui.yaml:1:4: message "a" has more than 500 bytes`}, ErrTooLong},
		{"line break", "a: \"one\\ntwo\"\n", []string{`ui.yaml:1:4: message "a" holds a line break`}, ErrControl},
		{"control first", "a: \"\\a ring\"\n", []string{`ui.yaml:1:4: message "a" holds a control character U+0007`}, ErrControl},
		{"bidi", "a: \"x\\u202Ey\"\n", []string{`ui.yaml:1:4: message "a" holds a bidirectional formatting character U+202E`}, ErrControl},
		{"capital placeholder", "a: \"{N} left\"\n", []string{`ui.yaml:1:4: message "a" has a malformed placeholder "{N}"`}, ErrPlaceholder},
		{"unclosed", "a: \"{n left\"\n", []string{`ui.yaml:1:4: message "a" has a malformed placeholder "{n left"`}, ErrPlaceholder},
		{"stray close", "a: \"n} left\"\n", []string{`ui.yaml:1:4: message "a" has a malformed placeholder "}"`}, ErrPlaceholder},
		{"empty braces", "a: \"{} left\"\n", []string{`ui.yaml:1:4: message "a" has a malformed placeholder "{}" `}, ErrPlaceholder},
		{"doubled brace", "a: \"{{n}} left\"\n", []string{`ui.yaml:1:4: message "a" has a malformed placeholder "{" `}, ErrPlaceholder},
		{"nested", "a: \"{a{b}}\"\n", []string{`ui.yaml:1:4: message "a" has a malformed placeholder "{a"`}, ErrPlaceholder},
		{"two at once", "a: \"\"\nB: x\n", []string{`ui.yaml:1:4: message "a" is empty`, `ui.yaml:2:1: "B" is not a message id`}, ErrEmptyText},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseMessages("ui.yaml", []byte(c.src))
			if err == nil {
				t.Fatalf("ParseMessages(%q) = nil error; want %q", c.src, c.want)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(c.want) {
				t.Fatalf("ParseMessages(%q) = %v; want %d problems", c.src, err, len(c.want))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("problem %d = %q; want it to start %q", i+1, lines[i], w)
				}
			}
			if !errors.Is(err, c.err) {
				t.Errorf("errors.Is(%v, %v) = false", err, c.err)
			}
		})
	}
}

// TestMessageAtLimit: a message of exactly MaxTextBytes bytes is taken;
// the limit counts bytes, so one more two-byte letter is refused.
func TestMessageAtLimit(t *testing.T) {
	at := strings.Repeat("é", MaxTextBytes/2) + strings.Repeat("x", MaxTextBytes%2)
	m, err := ParseMessages("ui.yaml", []byte("a: "+at+"\n"))
	if err != nil {
		t.Fatalf("a message of %d bytes: %v; want it taken", len(at), err)
	}
	if m.Text["a"] != at {
		t.Errorf("Text[a] has %d bytes; want the %d given", len(m.Text["a"]), len(at))
	}
	over := at + "é"
	if _, err := ParseMessages("ui.yaml", []byte("a: "+over+"\n")); !errors.Is(err, ErrTooLong) {
		t.Errorf("a message of %d bytes (%d letters): %v; want ErrTooLong", len(over), len([]rune(over)), err)
	}
}

func TestLoadMessagesMissing(t *testing.T) {
	_, err := LoadMessages(fstest.MapFS{}, UIFile)
	if err == nil || !errors.Is(err, ErrMissing) || !strings.HasPrefix(err.Error(), UIFile+":1:1:") {
		t.Errorf("LoadMessages of no file = %v; want %s:1:1: ... does not exist", err, UIFile)
	}
}

func TestPlaceholders(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Back", nil},
		{"{n} of {max}: {question}", []string{"n", "max", "question"}},
		{"{n} then {n}", []string{"n", "n"}},
	} {
		if got := Placeholders(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Placeholders(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}
