package decision

import (
	"fmt"
	"strings"
	"testing"
)

// textPosTree has a help text as the last value of the file, on line 20,
// column 11, so that a case can also end the file without a newline.
const textPosTree = `title: Run or rest?
start: soreness
verdicts:
  run:
    label: Run easy
outcomes:
  easy-run:
    title: Go for an easy run
    verdict: run
    page: outcomes/easy-run.md
scenarios: []
questions:
  soreness:
    text: How sore are your legs?
    options:
      - label: Mild
        next: easy-run
      - label: Painful
        next: easy-run
    help: `

// TestTextPositions checks where a text of the tree is placed, for every
// way YAML writes a value: Pos is its first character (the first line of a
// block, at the block's indentation), and PosAt maps line 1 and line 2 of
// the value to the file, which is where a reading-level warning points.
func TestTextPositions(t *testing.T) {
	tests := []struct {
		name, value string
		pos, line2  Pos // line2 is zero for a value of one line
	}{
		{"plain", "Rest well.\n", Pos{20, 11}, Pos{}},
		{"double quoted", "\"Rest well.\"\n", Pos{20, 12}, Pos{}},
		{"single quoted", "'Rest well.'\n", Pos{20, 12}, Pos{}},
		{"literal", "|\n      Rest well.\n      Sleep.\n", Pos{21, 7}, Pos{22, 7}},
		{"literal, deeper indent", "|\n          Rest well.\n          Sleep.\n", Pos{21, 11}, Pos{22, 11}},
		{"literal, strip, one line", "|-\n      Rest well.\n", Pos{21, 7}, Pos{}},
		{"literal, one line, end of file without newline", "|-\n      Rest well.", Pos{21, 7}, Pos{}},
		{"literal, two lines, end of file without newline", "|-\n      Rest well.\n      Sleep.", Pos{21, 7}, Pos{22, 7}},
		{"literal, leading blank line", "|\n\n        Rest well.\n", Pos{21, 9}, Pos{22, 9}},
		{"literal, leading blank lines, CRLF", "|\r\n\r\n\r\n        Rest well.\r\n", Pos{21, 9}, Pos{22, 9}},
		{"literal, keep", "|+\n      Rest well.\n\n", Pos{21, 7}, Pos{22, 7}},
		{"folded", ">\n      Rest well\n      and sleep.\n", Pos{21, 7}, Pos{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := textPosTree + tt.value
			if strings.Contains(tt.value, "\r") {
				data = strings.ReplaceAll(textPosTree, "\n", "\r\n") + tt.value
			}
			tree, err := Parse(TreeFile, []byte(data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var help *Text
			for i, x := range tree.Texts {
				if x.Field == "help" {
					help = &tree.Texts[i]
				}
			}
			if help == nil {
				t.Fatalf("no help among %d texts", len(tree.Texts))
			}
			if help.Pos != tt.pos || help.PosAt(1, 1) != tt.pos {
				t.Errorf("help %q at %v, PosAt(1, 1) %v; want %v", help.Value, help.Pos, help.PosAt(1, 1), tt.pos)
			}
			if got, want := help.PosAt(1, 3), (Pos{tt.pos.Line, tt.pos.Col + 2}); got != want {
				t.Errorf("help %q: PosAt(1, 3) = %v; want %v", help.Value, got, want)
			}
			if tt.line2 != (Pos{}) {
				if got := help.PosAt(2, 1); got != tt.line2 {
					t.Errorf("help %q: PosAt(2, 1) = %v; want %v", help.Value, got, tt.line2)
				}
				if got, want := help.PosAt(2, 3), (Pos{tt.line2.Line, tt.line2.Col + 2}); got != want {
					t.Errorf("help %q: PosAt(2, 3) = %v; want %v", help.Value, got, want)
				}
			}
		})
	}
}

// TestReadingAgeRange accepts reading-age at both ends of 7 to 21 and
// refuses the numbers just outside them.
func TestReadingAgeRange(t *testing.T) {
	for _, tt := range []struct {
		age int
		ok  bool
	}{{6, false}, {7, true}, {11, true}, {21, true}, {22, false}} {
		data := fmt.Sprintf("reading-age: %d\n", tt.age) + textPosTree + "Rest well.\n"
		tree, err := Parse(TreeFile, []byte(data), Options{})
		switch {
		case tt.ok && (err != nil || tree.ReadingAge != tt.age):
			t.Errorf("reading-age %d: %v; want it accepted", tt.age, err)
		case !tt.ok && err == nil:
			t.Errorf("reading-age %d accepted; want an error", tt.age)
		case !tt.ok:
			want := fmt.Sprintf("content/tree.yaml:1:14: reading-age %d is outside 7 to 21 (use an age from 7 to 21; 11 suits most health guidance)", tt.age)
			if err.Error() != want {
				t.Errorf("reading-age %d: %v; want %s", tt.age, err, want)
			}
		}
	}
}
