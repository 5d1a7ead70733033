package site

import (
	"fmt"
	"strings"
	"testing"

	"runorrest/decision/readability"
)

// TestTextBlocks checks what the reading check reads of Markdown, and where.
func TestTextBlocks(t *testing.T) {
	src := "## Active recovery\n\nMove *gently*, with\nlittle [impact](recovery.md#x).\n\n- walking\n- \"aqua\" jogging\n\n```\ncode is not read\n```\n\n| a | b |\n|---|---|\n| cell one | cell two |\n\nSee <https://example.org> and `foam`.\n"
	var got []string
	for _, b := range TextBlocks([]byte(src), 5) {
		got = append(got, show(b))
	}
	want := []string{
		"5:4 Active|5:10  recovery",
		"7:1 Move |7:7 gently|7:14 ,|7:15  with|7:20  |8:1 little |8:9 impact|8:31 .",
		"10:3 walking",
		"11:3 “|11:4 aqua|11:8 ”|11:9  jogging",
		"17:3 a", "17:7 b",
		"19:3 cell|19:7  one", "19:14 cell|19:18  two",
		"21:1 See |21:26  and |21:32 foam|21:37 .",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("TextBlocks =\n%s\nwant\n%s", g, w)
	}
}

func show(b readability.Block) string {
	var parts []string
	for _, s := range b {
		parts = append(parts, fmt.Sprintf("%d:%d %s", s.Line, s.Col, s.Text))
	}
	return strings.Join(parts, "|")
}

// Columns count characters, counted on from the text before on the same
// line (so a line of thousands of texts is read in linear time; see
// BenchmarkHostile/emphasis in package pipeline).
func TestTextBlocksColumns(t *testing.T) {
	src := "é *a* ü *b*\nö *c*\n\n" + strings.Repeat("*x*", 3) + "\n"
	var got []string
	for _, b := range TextBlocks([]byte(src), 1) {
		got = append(got, show(b))
	}
	want := []string{
		"1:1 é |1:4 a|1:6  ü |1:10 b|1:12 |1:12  |2:1 ö |2:4 c",
		"4:2 x|4:5 x|4:8 x",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("TextBlocks =\n%s\nwant\n%s", g, w)
	}
}
