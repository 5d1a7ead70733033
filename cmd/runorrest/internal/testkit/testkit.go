// Package testkit holds what the tests of runorrest share: the repository's
// root, source folders and fs.FS trees assembled from fixtures, the bad-input
// catalogue's case files, and golden files. Only tests import it.
package testkit

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"go.yaml.in/yaml/v3"

	"runorrest/decision"
)

// Root is the repository's root folder, which holds go.mod, content/,
// templates/ and static/, found from the test's working folder.
var Root = sync.OnceValue(func() string {
	dir, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			panic("testkit: no go.mod above " + dir)
		}
	}
})

// CopyDir copies every file under the folder src into the folder dst.
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// SourceDir makes a -src folder in a new temporary folder: a copy of the
// folder guide (which holds content/) with the repository's templates/ and
// static/.
func SourceDir(t testing.TB, guide string) string {
	t.Helper()
	src := t.TempDir()
	CopyDir(t, guide, src)
	CopyDir(t, filepath.Join(Root(), "templates"), filepath.Join(src, "templates"))
	CopyDir(t, filepath.Join(Root(), "static"), filepath.Join(src, "static"))
	return src
}

// SourceFS is SourceDir in memory: the files under guide with the
// repository's templates/ and static/.
func SourceFS(t testing.TB, guide string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	AddDir(t, m, os.DirFS(guide), ".")
	root := os.DirFS(Root())
	AddDir(t, m, root, "templates")
	AddDir(t, m, root, "static")
	return m
}

// AddDir copies every file under dir of src into m, at the same path.
func AddDir(t testing.TB, m fstest.MapFS, src fs.FS, dir string) {
	t.Helper()
	err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// ReadCase reads a case of a bad-input catalogue: "want: REGEXP" lines,
// one per expected problem, then files, each after a line "-- path --".
func ReadCase(t testing.TB, file string) (wants []string, files map[string][]byte) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	files = map[string][]byte{}
	var cur string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if m := caseFileRE.FindStringSubmatch(strings.TrimRight(line, "\n")); m != nil {
			cur = m[1]
			files[cur] = []byte{}
			continue
		}
		if cur != "" {
			files[cur] = append(files[cur], line...)
		} else if w, ok := strings.CutPrefix(line, "want: "); ok {
			wants = append(wants, strings.TrimRight(w, "\n"))
		}
	}
	if len(wants) == 0 || len(files) == 0 {
		t.Fatalf("%s: want lines and files are needed", file)
	}
	return wants, files
}

var caseFileRE = regexp.MustCompile(`^-- (\S+) --$`)

// Update is the -update flag of every test package that uses Golden.
var Update = flag.Bool("update", false, "rewrite the golden files")

// Golden compares got with the golden file, or with -update rewrites it.
func Golden(t testing.TB, file string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\ngot:\n%s\nwant:\n%s", file, got, want)
	}
}

// SmallTree is a tree of two questions and three outcomes whose words need
// escaping in every output that shows them: HTML, SVG, DOT and Mermaid.
func SmallTree() *decision.Tree {
	return &decision.Tree{
		File:  "content/tree.yaml",
		Title: `Run "or" rest? <yes> & no`,
		Start: "soreness",
		Verdicts: []*decision.Verdict{
			{ID: "run", Label: "Run easy", Tone: "go"},
			{ID: "cross", Label: "Cross-train", Tone: "caution"},
			{ID: "rest", Label: "Rest", Tone: "stop"},
		},
		Questions: []*decision.Question{
			{ID: "soreness", Text: "How sore (1-10) are your legs?", Scale: &decision.Scale{Min: 1, Max: 10},
				Options: []*decision.Option{
					{Label: "Mild", Next: "feel", Lo: 1, Hi: 2},
					{Label: "A soft 3", Next: "end", Lo: 3, Hi: 3},
					{Label: "Pain", Next: "rest-day", Lo: 4, Hi: 10},
				}},
			{ID: "feel", Text: "Does running <feel> \"today\"?\nA back\\slash \\N here",
				Options: []*decision.Option{
					{Label: "Yes | fine", Next: "easy-run"},
					{Label: "Gets worse & #1 <worse>", Next: "end"},
				}},
		},
		Outcomes: []*decision.Outcome{
			{ID: "easy-run", Title: "Go for an easy run", Verdict: "run"},
			{ID: "end", Title: "Cross-train [bike] {or} swim", Verdict: "cross"},
			{ID: "rest-day", Title: "Take a rest day", Verdict: "rest"},
		},
	}
}

// AddUI gives the language lang of the guide in m the site's own words: it
// appends to content/<lang>/words.yaml a ui: section with every message of
// m's templates/ui.yaml, in capitals outside the {placeholders}, so that a
// test can tell them from the original's ("START THE QUESTIONS").
func AddUI(t testing.TB, m fstest.MapFS, lang string) {
	t.Helper()
	orig, err := decision.ParseMessages(decision.UIFile, m[decision.UIFile].Data)
	if err != nil {
		t.Fatal(err)
	}
	ui := map[string]string{}
	for _, id := range orig.IDs {
		ui[id] = Shout(orig.Text[id])
	}
	data, err := yaml.Marshal(map[string]any{"ui": ui})
	if err != nil {
		t.Fatal(err)
	}
	file := "content/" + lang + "/words.yaml"
	m[file] = &fstest.MapFile{Data: append(append([]byte{}, m[file].Data...), data...)}
}

// Shout writes a message in capitals but for its {placeholders}.
func Shout(s string) string {
	var out strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '{':
			in = true
		case r == '}':
			in = false
		case !in:
			r = unicode.ToUpper(r)
		}
		out.WriteRune(r)
	}
	return out.String()
}

// LangsFS is the fixture guide of site's testdata/langs, an original in
// English and a translation in Spanish (es), with the repository's
// templates/ and static/, and the Spanish site words made by AddUI.
func LangsFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := SourceFS(t, filepath.Join(Root(), "cmd", "runorrest", "internal", "site", "testdata", "langs"))
	AddUI(t, m, "es")
	return m
}

// Generated is a guide of about n nodes for measuring how a build grows: a
// complete binary tree of n/2 questions whose leaves are n/2+1 outcomes,
// each with a short Markdown page that links to an article section, plus
// the articles of the site package's fixture guide and the repository's
// templates/ and static/.
func Generated(t testing.TB, n int) fstest.MapFS {
	t.Helper()
	fsys := SourceFS(t, filepath.Join(Root(), "cmd/runorrest/internal/site/testdata/guide"))
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	questions := n / 2
	var y strings.Builder
	y.WriteString("title: Generated guide\nstart: q0\nverdicts:\n  run:\n    label: Run easy\n    tone: go\n  rest:\n    label: Rest\n    tone: stop\nquestions:\n")
	child := func(i int) string {
		if i < questions {
			return fmt.Sprintf("q%d", i)
		}
		return fmt.Sprintf("o%d", i-questions)
	}
	for i := range questions {
		fmt.Fprintf(&y, "  q%d:\n    text: Question number %d?\n    help: Think about *question* %d.\n    options:\n", i, i, i)
		fmt.Fprintf(&y, "      - label: \"Yes\"\n        next: %s\n      - label: \"No\"\n        next: %s\n", child(2*i+1), child(2*i+2))
	}
	y.WriteString("outcomes:\n")
	for i := range questions + 1 {
		verdict := []string{"run", "rest"}[i%2]
		fmt.Fprintf(&y, "  o%d:\n    title: Outcome %d\n    verdict: %s\n    page: outcomes/o%d.md\n", i, i, verdict, i)
		fsys[fmt.Sprintf("content/outcomes/o%d.md", i)] = file(fmt.Sprintf(
			"---\ndescription: Outcome %d of the generated guide.\n---\n\nThis is outcome **%d**. Take it easy and listen to your legs.\n\n"+
				"## What to do\n\n- Walk for ten minutes.\n- Try [foam rolling](../recovery.md#foam-rolling).\n- Sleep well; \"rest\" counts too.\n\n"+
				"## When to stop\n\nStop if it hurts, and see the [scale](../rating.md#the-scale).\n", i, i))
	}
	y.WriteString("scenarios: []\n")
	for _, f := range []string{"easy-run", "cross-train", "rest-day"} {
		delete(fsys, "content/outcomes/"+f+".md")
	}
	fsys["content/tree.yaml"] = file(y.String())
	return fsys
}
