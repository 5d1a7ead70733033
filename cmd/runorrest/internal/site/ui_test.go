package site

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"runorrest/decision"
)

// testUI is the repository's catalogue of the site's words.
func testUI(t testing.TB) words {
	t.Helper()
	m, err := decision.LoadMessages(os.DirFS(repoRoot), decision.UIFile)
	if err != nil {
		t.Fatal(err)
	}
	return words{m}
}

func TestWordsText(t *testing.T) {
	w := words{&decision.Messages{File: "ui.yaml", Text: map[string]string{
		"plain": "Back", "one": "At most {n} to go", "two": "{b} then {a}{a}", "date": "{day} de {month} de {year}",
		"month-3": "marzo", "or": "{list} o {last}",
	}}}
	for _, c := range []struct {
		got, want string
	}{
		{w.text("plain"), "Back"},
		{w.text("one", "n", "3"), "At most 3 to go"},
		{w.text("two", "a", "x", "b", "y"), "y then xx"},
		{w.text("one"), "At most  to go"},
		{w.text("nope"), "nope"},
		{w.day(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)), "9 de marzo de 2026"},
		{w.orList(nil), ""},
		{w.orList([]string{"a"}), "a"},
		{w.orList([]string{"a", "b"}), "a o b"},
		{w.orList([]string{"a", "b", "c"}), "a, b o c"},
	} {
		if c.got != c.want {
			t.Errorf("got %q; want %q", c.got, c.want)
		}
	}
}

func TestSplitMessage(t *testing.T) {
	got := splitMessage("Last {last} by {by}.")
	want := []msgPart{{Text: "Last "}, {Slot: "last"}, {Text: " by "}, {Slot: "by"}, {Text: "."}}
	if !slices.Equal(got, want) {
		t.Errorf("splitMessage = %q; want %q", got, want)
	}
}

// msgCallRE finds the message ids a script uses: msg("flow-back"),
// parts("update-ready", "reload").
var msgCallRE = regexp.MustCompile(`\b(?:msg|parts)\(\s*"([a-z0-9-]+)"`)

// TestScriptMessages checks that the ids the flow script asks for are the
// ones the site hands it: codeMessages lists each, scriptMessage picks
// each, and the catalogue has each.
func TestScriptMessages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(repoRoot, "static", "*.ts"))
	more, _ := filepath.Glob(filepath.Join(repoRoot, "static", "flow", "*.ts"))
	used := map[string]bool{}
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgCallRE.FindAllStringSubmatch(string(data), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 10 {
		t.Fatalf("found %d msg(...) calls in static/; want the script's messages", len(used))
	}
	ui := testUI(t)
	for id := range used {
		if !slices.Contains(codeMessages, id) {
			t.Errorf("the script uses %q, which codeMessages does not list", id)
		}
		if !scriptMessage(id) {
			t.Errorf("the script uses %q, which scriptMessage leaves out of the tree data", id)
		}
		if _, ok := ui.Text[id]; !ok {
			t.Errorf("the script uses %q, which %s does not have", id, decision.UIFile)
		}
	}
	for _, id := range ui.IDs {
		if scriptMessage(id) && !used[id] {
			t.Errorf("%s: %q is for the script, which does not use it", decision.UIFile, id)
		}
	}
}

// TestCatalogueUsed checks that every message of the repository's
// catalogue is used, by a template, the Go code or the script: an unused
// one is words a translator writes for nothing.
func TestCatalogueUsed(t *testing.T) {
	fsys := fixtureFS(t, "guide")
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Read(fsys, tree)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, k := range kinds {
		for id := range templateMessages(c.b.tmpl[k]) {
			used[id] = true
		}
	}
	for _, id := range codeMessages {
		used[id] = true
	}
	for _, id := range testUI(t).IDs {
		if !used[id] {
			t.Errorf("%s: message %q is not used", decision.UIFile, id)
		}
	}
}

// TestMissingMessages takes messages out of the repository's catalogue: one
// a template uses, one the Go code uses and one the script uses. Each is
// reported, the template's at its use.
func TestMissingMessages(t *testing.T) {
	fsys := fixtureFS(t, "guide")
	data := string(fsys[decision.UIFile].Data)
	for _, id := range []string{"read-more", "notice", "flow-back"} {
		re := regexp.MustCompile(`(?m)^` + id + `: .*\n`)
		if !re.MatchString(data) {
			t.Fatalf("%s has no line %q", decision.UIFile, id)
		}
		data = re.ReplaceAllString(data, "")
	}
	fsys[decision.UIFile].Data = []byte(data)
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(fsys, tree)
	want := `templates/home.html:\d+:\d+: the template uses message "read-more", which templates/ui.yaml does not have \(add it to templates/ui.yaml, or fix the id\)
templates/ui.yaml:1:1: message "notice" is missing: the site needs it \(add it; see the repository's templates/ui.yaml\)
templates/ui.yaml:1:1: message "flow-back" is missing: the site needs it \(add it; see the repository's templates/ui.yaml\)`
	if err == nil || !regexp.MustCompile(`^`+want+`$`).MatchString(err.Error()) {
		t.Errorf("Read = %v; want\n%s", err, want)
	}
}
