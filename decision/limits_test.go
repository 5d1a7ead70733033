package decision

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// ringTree builds a tree of n questions q0..q(n-1) in a ring: each
// question's "On" leads to the next and the last one's back to q0, so the
// tree has one cycle through all n questions. Every question also offers a
// way out, so the cycle is the only problem.
func ringTree(n int) *Tree {
	t := &Tree{File: TreeFile, Title: "Ring", Start: "q0",
		Verdicts: []*Verdict{{ID: "run", Label: "Run", Tone: "go"}, {ID: "rest", Label: "Rest", Tone: "stop"}},
		Outcomes: []*Outcome{{ID: "run-out", Title: "Run", Verdict: "run", Page: "outcomes/easy-run.md"},
			{ID: "rest-out", Title: "Rest", Verdict: "rest", Page: "outcomes/rest-day.md"}}}
	for i := range n {
		out := "rest-out"
		if i == 0 {
			out = "run-out"
		}
		t.Questions = append(t.Questions, &Question{ID: "q" + strconv.Itoa(i), Text: "On?",
			Options: []*Option{{Label: "On", Next: "q" + strconv.Itoa((i+1)%n)}, {Label: "Out", Next: out}}})
	}
	return t
}

// ids returns "q<from>", ..., "q<to-1>".
func ids(from, to int) []string {
	var s []string
	for i := from; i < to; i++ {
		s = append(s, "q"+strconv.Itoa(i))
	}
	return s
}

// TestLongCycleIsShortened prints a cycle of up to 25 nodes in full, and a
// longer one as its first 12 and last 12 nodes around "... (N more)".
func TestLongCycleIsShortened(t *testing.T) {
	tests := []struct {
		questions int
		want      string
	}{
		{2, "q0 -> q1 -> q0"},
		{24, strings.Join(append(ids(0, 24), "q0"), " -> ")}, // 25 nodes: in full
		{25, strings.Join(ids(0, 12), " -> ") + " -> ... (2 more) -> " + strings.Join(append(ids(14, 25), "q0"), " -> ")},
		{40, strings.Join(ids(0, 12), " -> ") + " -> ... (17 more) -> " + strings.Join(append(ids(29, 40), "q0"), " -> ")},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.questions), func(t *testing.T) {
			_, err := Parse(TreeFile, treeYAML(ringTree(tt.questions)), Options{})
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 || !errors.Is(ps[0], ErrCycle) {
				t.Fatalf("Parse(ring of %d) = %v; want one cycle", tt.questions, err)
			}
			// The loop is closed by the next of the last question's "On",
			// five lines a question below line 5.
			line := 5 + 5*tt.questions
			if want := "cycle: " + tt.want; ps[0].Msg != want || ps[0].Pos != (Pos{line, 27}) {
				t.Errorf("Parse(ring of %d) = %d:%d: %s\nwant %d:27: %s", tt.questions, ps[0].Pos.Line, ps[0].Pos.Col, ps[0].Msg, line, want)
			}
		})
	}
}

// TestCycleReportsAreCapped reports at most 20 cycles, however many
// questions loop.
func TestCycleReportsAreCapped(t *testing.T) {
	for _, n := range []int{19, 20, 21, 40} {
		tree := ringTree(n)
		// Turn the ring into n loops of one question each.
		for _, q := range tree.Questions {
			q.Options[0].Next = q.ID
		}
		_, err := Parse(TreeFile, treeYAML(tree), Options{})
		var ps Problems
		errors.As(err, &ps)
		cycles := 0
		for _, p := range ps {
			if errors.Is(p, ErrCycle) {
				cycles++
			}
		}
		if want := min(n, maxCycleReports); cycles != want {
			t.Errorf("%d questions that loop to themselves gave %d cycle reports; want %d:\n%v", n, cycles, want, err)
		}
	}
}

// statlessFS serves one file whose Stat fails, as some file systems do for
// a file still being written, so its size is known only by reading it.
type statlessFS struct{ data []byte }

func (f statlessFS) Open(name string) (fs.File, error) {
	if name != TreeFile {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &statlessFile{Reader: bytes.NewReader(f.data)}, nil
}

type statlessFile struct{ *bytes.Reader }

func (*statlessFile) Stat() (fs.FileInfo, error) { return nil, errors.New("stat not supported") }
func (*statlessFile) Close() error               { return nil }

// TestSizeLimitBoundary accepts a tree file of exactly the size limit and
// refuses one byte more, whether the size is known before reading or not.
func TestSizeLimitBoundary(t *testing.T) {
	data := []byte(smallTree(t))
	n := int64(len(data))
	loads := []struct {
		name string
		load func(limit int64) error
	}{
		{"Parse", func(limit int64) error { _, err := Parse(TreeFile, data, Options{MaxBytes: limit}); return err }},
		{"Load", func(limit int64) error {
			_, err := Load(pagesFS(t, data), Options{MaxBytes: limit})
			return err
		}},
		{"Load without Stat", func(limit int64) error {
			_, err := Load(statlessFS{data}, Options{MaxBytes: limit})
			// The pages are not there: only the size matters here.
			if errors.Is(err, ErrPage) && !errors.Is(err, ErrTooLarge) {
				return nil
			}
			return err
		}},
	}
	for _, ld := range loads {
		if err := ld.load(n); err != nil {
			t.Errorf("%s(%d bytes, limit %d) = %v; want no error", ld.name, n, n, err)
		}
		err := ld.load(n - 1)
		want := TreeFile + ":1:1: the tree file has more than " + strconv.FormatInt(n-1, 10) + " bytes, the size limit (move long texts into Markdown pages, or raise the limit)"
		if !errors.Is(err, ErrTooLarge) || err.Error() != want {
			t.Errorf("%s(%d bytes, limit %d) = %v; want %s", ld.name, n, n-1, err, want)
		}
	}
}

// TestCharactersAtTheEdgesOfYAML takes each character at an edge of the set
// that YAML allows in a document, at the end of a comment (where even a line
// break such as U+0085 is harmless) in an otherwise good tree.
func TestCharactersAtTheEdgesOfYAML(t *testing.T) {
	tests := []struct {
		r  rune
		ok bool
	}{
		{'\t', true}, {'\r', true},
		{0x00, false}, {0x08, false}, {0x0b, false}, {0x1f, false}, {' ', true},
		{'~', true}, {0x7f, false},
		{0x80, false}, {0x84, false}, {0x85, true}, {0x86, false}, {0x9f, false}, {0xa0, true},
		{0xfffd, true}, {0xfffe, false}, {0xffff, false}, {0x10000, true},
	}
	for _, tt := range tests {
		data := []byte("# a comment with " + string(tt.r) + "\n" + smallTree(t))
		_, err := Parse(TreeFile, data, Options{})
		want := ""
		if !tt.ok {
			want = fmt.Sprintf("%s:1:18: character %U is not allowed in YAML (remove it)", TreeFile, tt.r)
		}
		if got := errString(err); got != want {
			t.Errorf("Parse(comment with %U) = %q; want %q", tt.r, got, want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestLongValuesAreCutInMessages quotes a wrong value of up to 40 bytes in
// full, and cuts a longer one after 40 bytes.
func TestLongValuesAreCutInMessages(t *testing.T) {
	forty := strings.Repeat("x", 40)
	for _, tt := range []struct{ value, shown string }{
		{forty, forty},
		{forty + "y", forty + "..."},
	} {
		_, err := Parse(TreeFile, edit(t, "values: 4-6", "values: "+tt.value), Options{})
		want := TreeFile + `:28:17: option 2 of question "soreness": values must be a number or a range, not "` + tt.shown + `" (write a number (3) or a range (4-10))`
		if got := errString(err); got != want {
			t.Errorf("Parse(values %q) = %q; want %q", tt.value, got, want)
		}
	}
}

// failFS fails to open or to read the tree file with err, or serves the
// tree file as a folder.
type failFS struct {
	openErr, readErr error
	dir              bool
}

func (f failFS) Open(name string) (fs.File, error) {
	if f.openErr != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: f.openErr}
	}
	return failFile(f), nil
}

type failFile failFS

func (f failFile) Stat() (fs.FileInfo, error) {
	if f.dir {
		return fstest.MapFS{"content/tree.yaml/x": {}}.Stat(TreeFile)
	}
	return nil, errors.New("no stat")
}
func (f failFile) Read([]byte) (int, error) { return 0, f.readErr }
func (failFile) Close() error               { return nil }

// TestTreeFileThatCannotBeRead reports a tree file that cannot be opened,
// is not a file, or fails while being read, at 1:1 with the reason.
func TestTreeFileThatCannotBeRead(t *testing.T) {
	tests := []struct {
		fsys fs.FS
		err  error
		want string
	}{
		{failFS{openErr: fs.ErrNotExist}, ErrMissing, "the tree file does not exist (create it, or fix the name)"},
		{failFS{openErr: fs.ErrPermission}, ErrNotRegular, "cannot open the tree file: permission denied (let runorrest read it: check its permissions)"},
		{failFS{dir: true}, ErrNotRegular, "the tree file is a folder, not a regular file (replace it with a file)"},
		{failFS{readErr: errors.New("disk on fire")}, ErrNotRegular, "cannot read the tree file: disk on fire"},
	}
	for _, tt := range tests {
		tree, err := Load(tt.fsys, Options{})
		if want := TreeFile + ":1:1: " + tt.want; tree != nil || errString(err) != want || !errors.Is(err, tt.err) {
			t.Errorf("Load(%+v) = %v, %v; want nil, %s", tt.fsys, tree, err, want)
		}
	}
}

// TestDepthLimitBoundary accepts a tree whose longest path has exactly the
// maximum number of questions, and refuses one more; the question named is
// the first one past the limit on the first longest path in file order.
func TestDepthLimitBoundary(t *testing.T) {
	// q1 leads to two branches of equal depth: q2a > q3a and q2b > q3b.
	tree := &Tree{File: TreeFile, Title: "Branches", Start: "q1",
		Verdicts: []*Verdict{{ID: "run", Label: "Run", Tone: "go"}, {ID: "rest", Label: "Rest", Tone: "stop"}},
		Outcomes: []*Outcome{{ID: "run-out", Title: "Run", Verdict: "run", Page: "outcomes/easy-run.md"},
			{ID: "rest-out", Title: "Rest", Verdict: "rest", Page: "outcomes/rest-day.md"}},
		Questions: []*Question{
			{ID: "q1", Text: "Which?", Options: []*Option{{Label: "A", Next: "q2a"}, {Label: "B", Next: "q2b"}, {Label: "C", Next: "run-out"}}},
			{ID: "q2a", Text: "Which?", Options: []*Option{{Label: "A", Next: "rest-out"}, {Label: "B", Next: "q3a"}}},
			{ID: "q2b", Text: "Which?", Options: []*Option{{Label: "A", Next: "q3b"}, {Label: "B", Next: "rest-out"}}},
			{ID: "q3a", Text: "Which?", Options: []*Option{{Label: "A", Next: "run-out"}, {Label: "B", Next: "rest-out"}}},
			{ID: "q3b", Text: "Which?", Options: []*Option{{Label: "A", Next: "run-out"}, {Label: "B", Next: "rest-out"}}},
		}}
	data := treeYAML(tree)
	for _, tt := range []struct {
		maxDepth int
		want     string
	}{
		{3, ""},
		{4, ""},
		{2, `content/tree.yaml:23:3: question "q3a" is question 3 on the longest path from start (3 questions), deeper than the maximum of 2 (shorten the path, or raise the limit with -max-depth)`},
		{1, `content/tree.yaml:13:3: question "q2a" is question 2 on the longest path from start (3 questions), deeper than the maximum of 1 (shorten the path, or raise the limit with -max-depth)`},
	} {
		tree, err := Parse(TreeFile, data, Options{MaxDepth: tt.maxDepth})
		if got := errString(err); got != tt.want {
			t.Errorf("Parse(MaxDepth %d) = %q; want %q", tt.maxDepth, got, tt.want)
		}
		if got := tree.Questions[0].MaxRemaining; got != 3 {
			t.Errorf("Parse(MaxDepth %d): MaxRemaining of q1 = %d; want 3", tt.maxDepth, got)
		}
	}
}

// TestSlugSuggestion checks the slug suggested for an id that is not one:
// letters a to z and digits 0 to 9 are kept, lower-cased, every run of
// other characters becomes one hyphen, never at either end.
func TestSlugSuggestion(t *testing.T) {
	for _, tt := range []struct{ id, want string }{
		{"Tired_Legs", "tired-legs"},
		{"a0z9", "a0z9"},
		{"az_09", "az-09"},
		{"_-zebra 9-", "zebra-9"},
		{"Über Ärger", "ber-rger"},
		{"`{/:@[", "my-id"},
		{"", "my-id"},
	} {
		if got := slugify(tt.id); got != tt.want {
			t.Errorf("slugify(%q) = %q; want %q", tt.id, got, tt.want)
		}
	}
}

// TestSuggestionsForLongIds suggests the right id for a typo in an id of
// 64 characters, the longest an id may be.
func TestSuggestionsForLongIds(t *testing.T) {
	b, err := os.ReadFile("testdata/good/at-limits.yaml")
	if err != nil {
		t.Fatal(err)
	}
	id := strings.Repeat("a", 30) + "-" + strings.Repeat("b", 33)
	typo := strings.Repeat("a", 30) + "-" + strings.Repeat("b", 32) + "c"
	data := strings.Replace(string(b), "start: "+id, "start: "+typo, 1)
	_, err = Parse(TreeFile, []byte(data), Options{})
	want := fmt.Sprintf("%s:4:8: start names no question: %q (did you mean %q?)", TreeFile, typo, id)
	if got := errString(err); got != want {
		t.Errorf("Parse(start with a typo) = %q; want %q", got, want)
	}
}

// TestTextLimitBoundary accepts a text and a help of exactly their limit
// and refuses one byte more; a refused character is found at the first
// character too.
func TestTextLimitBoundary(t *testing.T) {
	label := "label: Run easy"
	help := "help: Think of *1* as barely there and *10* as the worst you know."
	long := func(n int) string { return strings.Repeat("x", n) }
	for _, tt := range []struct {
		old, new, want string
	}{
		{label, "label: " + long(MaxTextBytes), ""},
		{label, "label: " + long(MaxTextBytes+1), TreeFile + `:6:12: verdict "run": label has 501 bytes, more than the limit of 500 (say it in fewer words; longer text belongs in help or a page)`},
		{help, "help: " + long(MaxHelpBytes), ""},
		{help, "help: " + long(MaxHelpBytes+1), TreeFile + `:16:11: question "soreness": help has 8193 bytes, more than the limit of 8192 (say it in fewer words)`},
		{label, `label: "\aRun easy"`, TreeFile + `:6:12: verdict "run": label holds a control character U+0007 at character 1 (remove it)`},
	} {
		_, err := Parse(TreeFile, edit(t, tt.old, tt.new), Options{})
		if got := errString(err); got != tt.want {
			t.Errorf("Parse(%.30s...) = %q; want %q", tt.new, got, tt.want)
		}
	}
}
