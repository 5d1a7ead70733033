package mapsvg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

func TestSVGGolden(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"sample.svg.html", Options{}},
		{"sample.svg", Options{Standalone: true}},
	}
	for _, tt := range tests {
		got, err := SVG(testkit.SmallTree(), tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		testkit.Golden(t, filepath.Join("testdata", tt.name), got)
	}
}

// TestLayeredBigTree lays out a big tree and checks that every node is
// drawn, no two boxes overlap, and every edge points right.
func TestLayeredBigTree(t *testing.T) {
	tree := bigTree(100)
	m := newModel(tree)
	p := layoutLayered(m)
	if len(p.nodes) != len(m.nodes) {
		t.Fatalf("laid out %d nodes; want %d", len(p.nodes), len(m.nodes))
	}
	var boxes []box
	for _, n := range m.nodes {
		boxes = append(boxes, p.nodes[n.id])
	}
	for i, a := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			b := boxes[j]
			if abs(a.x-b.x) < (a.w+b.w)/2 && abs(a.y-b.y) < (a.h+b.h)/2 {
				t.Errorf("boxes of %s and %s overlap", m.nodes[i].id, m.nodes[j].id)
			}
		}
	}
	for i, e := range m.edges {
		if p.nodes[e.from].x >= p.nodes[e.to].x {
			t.Errorf("edge %d (%s -> %s) does not point right", i, e.from, e.to)
		}
	}
	svg, err := SVG(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	again, err := SVG(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(svg, again) {
		t.Error("two maps of one big tree differ")
	}
}

func TestTooBig(t *testing.T) {
	if _, err := SVG(bigTree(MaxNodes+1), Options{}); !errors.Is(err, ErrTooBig) {
		t.Errorf("SVG of %d nodes = %v; want ErrTooBig", MaxNodes+1, err)
	}
	if _, err := SVG(bigTree(MaxNodes), Options{}); err != nil {
		t.Errorf("SVG of %d nodes = %v; want a map", MaxNodes, err)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestSVGDeterministic(t *testing.T) {
	a, err := SVG(testkit.SmallTree(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := SVG(testkit.SmallTree(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two layouts of one tree differ")
	}
}

// TestSVGWellFormed parses the standalone SVG as XML and checks what the
// map promises: every node a link to its page, no style attribute, no
// script, every word of the tree escaped.
func TestSVGWellFormed(t *testing.T) {
	src, err := SVG(testkit.SmallTree(), Options{Standalone: true})
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, src)
}

func checkWellFormed(t *testing.T, src []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(src))
	var hrefs, texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "script" || tok.Name.Local == "style" {
				t.Errorf("the SVG has a <%s> element", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("<%s> has a %s attribute", tok.Name.Local, a.Name.Local)
				}
				if tok.Name.Local == "a" && a.Name.Local == "href" {
					hrefs = append(hrefs, a.Value)
				}
			}
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	// Questions once, outcomes once per answer leading there, in the
	// order of the tree file.
	want := []string{"soreness.html", "feel.html", "end.html", "rest-day.html", "easy-run.html", "end.html"}
	if !slices.Equal(hrefs, want) {
		t.Errorf("links = %q; want %q", hrefs, want)
	}
	all := strings.Join(texts, " ")
	for _, s := range []string{`<feel>`, `"today"?`, "Gets worse &", "Run easy", "Cross-train", "Rest", "Mild (1-2)", "Pain (4-10)"} {
		if !strings.Contains(all, s) {
			t.Errorf("the map's text lacks %q", s)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"short", 10, []string{"short"}},
		{"How sore are your legs right now?", 14, []string{"How sore are", "your legs", "right now?"}},
		{"a verylongwordindeed b", 5, []string{"a", "verylongwordindeed", "b"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
	}
	for _, tt := range tests {
		if got := wrap(tt.in, tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("wrap(%q, %d) = %q; want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{{0, "0"}, {-0.01, "0"}, {1.25, "1.3"}, {12, "12"}, {-3.14159, "-3.1"}}
	for _, tt := range tests {
		if got := num(tt.in); got != tt.want {
			t.Errorf("num(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

var styleAttr = regexp.MustCompile(`\sstyle=`)

func TestSVGNoInlineStyle(t *testing.T) {
	got, err := SVG(testkit.SmallTree(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if styleAttr.Match(got) {
		t.Error("the SVG has a style= attribute, which the CSP forbids")
	}
}

// A few nodes with many arrows between them are refused too: the arrows,
// not the nodes, are what makes such a map weigh megabytes.
func TestTooManyEdges(t *testing.T) {
	dense := func(nq int) *decision.Tree {
		tr := &decision.Tree{Title: "Dense", Start: "q0",
			Verdicts: []*decision.Verdict{{ID: "run", Label: "Run easy", Tone: "go"}},
			Outcomes: []*decision.Outcome{{ID: "end", Title: "End", Verdict: "run"}}}
		for i := range nq {
			q := &decision.Question{ID: "q" + strconv.Itoa(i), Text: "Question?"}
			for j := i + 1; j <= nq; j++ {
				next := "end"
				if j < nq {
					next = "q" + strconv.Itoa(j)
				}
				q.Options = append(q.Options, &decision.Option{Label: "To " + next, Next: next})
			}
			tr.Questions = append(tr.Questions, q)
		}
		return tr
	}
	// 45 questions: 45*46/2 = 1035 arrows; 44: 990.
	if _, err := SVG(dense(45), Options{}); !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), "1035 arrows") {
		t.Errorf("SVG of 1035 arrows = %v; want ErrTooBig naming the arrows", err)
	}
	if _, err := SVG(dense(44), Options{}); err != nil {
		t.Errorf("SVG of 990 arrows = %v; want a map", err)
	}
}
