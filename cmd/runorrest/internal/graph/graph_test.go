package graph

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/testkit"
)

func TestWriteGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, testkit.SmallTree(), f); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, filepath.Join("testdata", "tricky."+string(f)), buf.Bytes())
		})
	}
}

func TestWriteDeterministic(t *testing.T) {
	for _, f := range Formats {
		var a, b bytes.Buffer
		if err := Write(&a, testkit.SmallTree(), f); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, testkit.SmallTree(), f); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("Write(%s) differs between two runs", f)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, testkit.SmallTree(), "svg")
	if !errors.Is(err, ErrFormat) {
		t.Errorf("Write(svg) = %v; want ErrFormat", err)
	}
}

func TestDotQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "hi"`, `"say \"hi\""`},
		{`a\nb`, `"a\\nb"`},
		{"two\nlines", `"two\nlines"`},
		{"crlf\r\n", `"crlf\n"`},
		{`\N`, `"\\N"`},
		{`ünï`, `"ünï"`},
	}
	for _, tt := range tests {
		if got := DOTQuote(tt.in); got != tt.want {
			t.Errorf("DOTQuote(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}

func TestMermaidText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain words`, `plain words`},
		{`say "hi"`, `say #34;hi#34;`},
		{`#quot;`, `#35;quot;`},
		{`a|b`, `a#124;b`},
		{`<b>&`, `#60;b#62;#38;`},
		{"two\nlines", `two lines`},
		{`(x)[y]{z}`, `#40;x#41;#91;y#93;#123;z#125;`},
	}
	for _, tt := range tests {
		if got := mermaidText(tt.in); got != tt.want {
			t.Errorf("mermaidText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestMermaidID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"end", "n_end"},
		{"easy-run", "n_easy_run"},
		{"o", "n_o"},
	}
	for _, tt := range tests {
		if got := mermaidID(tt.in); got != tt.want {
			t.Errorf("mermaidID(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestDOTParses reads the DOT output back by the DOT grammar (readDOT) and
// checks that every node and edge is there with its label intact.
func TestDOTParses(t *testing.T) {
	var buf bytes.Buffer
	tree := testkit.SmallTree()
	if err := Write(&buf, tree, DOT); err != nil {
		t.Fatal(err)
	}
	g, err := readDOT(buf.String())
	if err != nil {
		t.Fatalf("the DOT output does not parse: %v\n%s", err, buf.String())
	}
	for _, q := range tree.Questions {
		attrs, ok := g.nodes[q.ID]
		if !ok {
			t.Fatalf("node %s missing", q.ID)
		}
		// Graphviz keeps backslash escapes (\n, \\) for the renderer.
		want := strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(q.Text)
		if got := attrs["label"]; got != want {
			t.Errorf("label of %s = %q; want %q", q.ID, got, want)
		}
	}
	if len(g.edges) != 5 || len(g.nodes) != 5 {
		t.Errorf("%d nodes and %d edges; want 5 and 5", len(g.nodes), len(g.edges))
	}
}

// TestReadDOTRefuses: the reader of the test above is strict, so that a
// mistake in the output cannot pass it.
func TestReadDOTRefuses(t *testing.T) {
	for _, src := range []string{
		`digraph g { "a" -> ; }`,
		`digraph g { "a" [label="x"] }`,
		`digraph g { "a" [label="unclosed] ; }`,
		"digraph g { \"a\" [label=\"two\nlines\"]; }",
		`digraph g { "a" -> "b"; } extra`,
		`graph g { }`,
		`digraph g { "a" [label=]; }`,
	} {
		if _, err := readDOT(src); err == nil {
			t.Errorf("readDOT(%q) = nil error; want one", src)
		}
	}
	if _, err := readDOT(`digraph g { label="x"; "a" [shape=box, label="say \"hi\""]; "a" -> "b" [label="1-2"]; }`); err != nil {
		t.Errorf("readDOT of good DOT = %v", err)
	}
}
