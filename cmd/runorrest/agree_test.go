package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/testkit"
)

// verdict is what one command said of a guide.
type verdict struct {
	code     int
	problems string // stderr: the problem and warning lines
}

// checkAndBuild runs "check" and "build" on the -src folder src.
func checkAndBuild(t *testing.T, src string) (check, build verdict) {
	t.Helper()
	var out, errs bytes.Buffer
	check = verdict{exitCode(run(t.Context(), []string{"check", "-src", src}, &out, &errs)), errs.String()}
	out.Reset()
	errs.Reset()
	dst := filepath.Join(t.TempDir(), "public")
	build = verdict{exitCode(run(t.Context(), []string{"build", "-src", src, "-o", dst}, &out, &errs)), errs.String()}
	if _, err := os.Stat(dst); build.code != 0 && err == nil {
		t.Errorf("a refused build wrote %s", dst)
	}
	return check, build
}

// guideWith makes a -src folder of the site fixture's guide with files
// replaced or added.
func guideWith(t *testing.T, files map[string][]byte) string {
	t.Helper()
	src := guide(t)
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// TestCheckRefusesWhatBuildRefuses: for every guide build refuses (the tree
// problems check used to miss, and one case per kind of site problem), check
// exits 1 too, with the same problems, text and position.
func TestCheckRefusesWhatBuildRefuses(t *testing.T) {
	cases, _ := filepath.Glob("testdata/refused/*.txt")
	site, _ := filepath.Glob("internal/site/testdata/bad/*.txt")
	cases = append(cases, site...)
	if len(cases) < 20 {
		t.Fatalf("found %d cases; want the refused and the site catalogues", len(cases))
	}
	// The language cases change a guide with a Spanish translation.
	langCases, _ := filepath.Glob("testdata/refused-lang/*.txt")
	if len(langCases) < 5 {
		t.Fatalf("found %d language cases; want at least 5", len(langCases))
	}
	cases = append(cases, langCases...)
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			wants, files := testkit.ReadCase(t, file)
			src := guideWith(t, files)
			if strings.Contains(file, "refused-lang") {
				src = langGuideWith(t, files)
			}
			check, build := checkAndBuild(t, src)
			if build.code != 1 || check.code != 1 {
				t.Fatalf("build exit %d, check exit %d; want 1 and 1\nbuild:\n%s\ncheck:\n%s", build.code, check.code, build.problems, check.problems)
			}
			if check.problems != build.problems {
				t.Errorf("check and build disagree\ncheck:\n%s\nbuild:\n%s", check.problems, build.problems)
			}
			lines := strings.Split(strings.TrimSpace(build.problems), "\n")
			for i, w := range wants {
				if i >= len(lines) || !regexp.MustCompile(w).MatchString(lines[i]) {
					t.Errorf("problems:\n%s\nwant line %d to match %q", build.problems, i+1, w)
				}
			}
		})
	}
}

// TestCheckAcceptsWhatBuildBuilds: guides near the edges that both accept.
func TestCheckAcceptsWhatBuildBuilds(t *testing.T) {
	tests := map[string]map[string][]byte{
		"a link to the map page":       {"content/about.md": []byte("---\ntitle: About\ndescription: About it.\n---\nSee [the map](map.html) and [home](index.html).\n")},
		"a title of digits":            {"content/tree.yaml": replaceTitle(t, "2026")},
		"a title in another script":    {"content/tree.yaml": replaceTitle(t, "Лечь или бежать?")},
		"an id that starts like map":   {"content/tree.yaml": renameID(t, "where", "maps")},
		"a Spanish translation":        {"content/es/words.yaml": nil},
		"a folder that is no language": {"content/es/words.yaml": nil, "content/extra/notes.md": []byte("Notes.\n")},
	}
	for name, files := range tests {
		t.Run(name, func(t *testing.T) {
			src := guideWith(t, files)
			if _, ok := files["content/es/words.yaml"]; ok {
				delete(files, "content/es/words.yaml")
				src = langGuideWith(t, files)
			}
			check, build := checkAndBuild(t, src)
			if check.code != 0 || build.code != 0 {
				t.Errorf("check exit %d, build exit %d; want 0 and 0\ncheck:\n%s\nbuild:\n%s", check.code, build.code, check.problems, build.problems)
			}
		})
	}
}

// TestCheckAndBuildAgree: over the tree catalogue of package decision and
// generated trees, check and build exit alike, with the same problems.
func TestCheckAndBuildAgree(t *testing.T) {
	trees := map[string][]byte{}
	names, _ := filepath.Glob("../../decision/testdata/bad/*.yaml")
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		trees[filepath.Base(name)] = data
	}
	r := rand.New(rand.NewPCG(10, 10))
	n := 40
	if testing.Short() {
		n = 8
	}
	for i := range n {
		trees[fmt.Sprintf("generated-%02d", i)] = randomTree(r)
	}
	accepted := 0
	// The words catalogue of package decision, as the Spanish of its tree.
	words, _ := filepath.Glob("../../decision/testdata/words/*.yaml")
	wordsTree, err := os.ReadFile("../../decision/testdata/words/tree.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range words {
		if filepath.Base(name) == "tree.yaml" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		trees["words-"+filepath.Base(name)] = data
	}
	for name, data := range trees {
		t.Run(name, func(t *testing.T) {
			files := map[string][]byte{"content/tree.yaml": data}
			if strings.HasPrefix(name, "words-") {
				files = map[string][]byte{"content/tree.yaml": wordsTree, "content/es/words.yaml": data}
			}
			src := guideWith(t, files)
			if strings.HasPrefix(name, "words-") {
				copySpanishPages(t, src)
				addSpanishUI(t, src)
			}
			check, build := checkAndBuild(t, src)
			if check != build {
				t.Errorf("check exit %d, build exit %d\ncheck:\n%s\nbuild:\n%s\ntree:\n%s", check.code, build.code, check.problems, build.problems, data)
			}
			if check.code == 0 {
				accepted++
			}
		})
	}
	if accepted == 0 || accepted == len(trees) {
		t.Errorf("%d of %d trees accepted; want some of each", accepted, len(trees))
	}
}

// randomTree writes a small tree file whose ids, title and links are drawn
// from pools that hold the names the site reserves, titles without words
// and links that dangle: some trees are good, most have a problem.
func randomTree(r *rand.Rand) []byte {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	ids := []string{"q0"}
	for i := range 1 + r.IntN(4) {
		ids = append(ids, pick(fmt.Sprintf("q%d", i+1), fmt.Sprintf("q%d", i+1), "index", "about", "map", "404", "maps"))
	}
	outcomes := map[string]string{"easy-run": "run", "cross-train": "cross", "rest-day": "rest"}
	var b strings.Builder
	fmt.Fprintf(&b, "title: %q\nstart: q0\n", pick("Run or rest?", "Run or rest?", "???", "2026", "Läufst du?", "<b>", " - "))
	b.WriteString("verdicts:\n  run: {label: Run easy, tone: go}\n  cross: {label: Cross-train, tone: caution}\n  rest: {label: Rest, tone: stop}\nquestions:\n")
	for i, id := range ids {
		fmt.Fprintf(&b, "  %s:\n    text: Question %d?\n    options:\n", id, i)
		for k := range 2 {
			next := pick("easy-run", "cross-train", "rest-day")
			if i+1 < len(ids) && r.IntN(3) > 0 {
				next = ids[i+1+r.IntN(len(ids)-i-1)]
			}
			fmt.Fprintf(&b, "      - {label: Answer %d, next: %s}\n", k, next)
		}
	}
	b.WriteString("outcomes:\n")
	for _, id := range []string{"easy-run", "cross-train", "rest-day"} {
		fmt.Fprintf(&b, "  %s: {title: Advice %s, verdict: %s, page: outcomes/%s.md}\n", id, id, outcomes[id], id)
	}
	b.WriteString("scenarios: []\n")
	return []byte(b.String())
}

// langGuideWith makes a -src folder of the site fixture's guide with a
// Spanish translation (testdata/lang), with files replaced or added.
func langGuideWith(t *testing.T, files map[string][]byte) string {
	t.Helper()
	src := guideWith(t, nil)
	testkit.CopyDir(t, "testdata/lang", src)
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	addSpanishUI(t, src)
	return src
}

// addSpanishUI gives the Spanish words of src the site's own words, the
// ui: of the repository's content/es/words.yaml, unless they have a ui:.
func addSpanishUI(t *testing.T, src string) {
	t.Helper()
	file := filepath.Join(src, "content", "es", "words.yaml")
	words, err := os.ReadFile(file)
	if err != nil || bytes.Contains(words, []byte("\nui:")) {
		return
	}
	repo, err := os.ReadFile(filepath.Join(testkit.Root(), "content", "es", "words.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(repo, []byte("\nui:\n"))
	if i < 0 {
		t.Fatal("content/es/words.yaml has no ui:")
	}
	if err := os.WriteFile(file, append(words, repo[i:]...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copySpanishPages copies every Markdown page of src's content/ into
// content/es/, as an untranslated Spanish guide.
func copySpanishPages(t *testing.T, src string) {
	t.Helper()
	content := filepath.Join(src, "content")
	err := filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.HasPrefix(p, filepath.Join(content, "es")) {
			return err
		}
		rel, _ := filepath.Rel(content, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(content, "es", rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// replaceTitle is the fixture's tree file with another title.
func replaceTitle(t *testing.T, title string) []byte {
	t.Helper()
	tree := fixtureTree(t)
	return []byte(strings.Replace(tree, "title: Sore legs test guide", fmt.Sprintf("title: %q", title), 1))
}

// renameID is the fixture's tree file with a question renamed.
func renameID(t *testing.T, from, to string) []byte {
	t.Helper()
	tree := fixtureTree(t)
	re := regexp.MustCompile(`(?m)(next: |^ +)` + regexp.QuoteMeta(from) + `(:|$)`)
	return []byte(re.ReplaceAllStringFunc(tree, func(m string) string {
		return strings.Replace(m, from, to, 1)
	}))
}

func fixtureTree(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("internal/site/testdata/guide/content/tree.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
