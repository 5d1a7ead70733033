package decision

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/decision/readability"
)

// wordsFS is the guide of testdata/words/tree.yaml with its pages in
// English and in Spanish, and words as content/es/words.yaml.
func wordsFS(t testing.TB, words []byte) fstest.MapFS {
	t.Helper()
	tree, err := os.ReadFile("testdata/words/tree.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := pagesFS(t, tree)
	for name, f := range maps.Clone(fsys) {
		if strings.HasSuffix(name, ".md") {
			fsys["content/es/"+strings.TrimPrefix(name, "content/")] = &fstest.MapFile{Data: append([]byte("Traducido.\n"), f.Data...)}
		}
	}
	fsys["content/about.md"] = &fstest.MapFile{Data: []byte("# About\n")}
	fsys["content/es/about.md"] = &fstest.MapFile{Data: []byte("# Acerca\n")}
	fsys[WordsFile("es")] = &fstest.MapFile{Data: words}
	return fsys
}

// wordsOriginal loads testdata/words/tree.yaml, the tree every words file
// of the catalogue translates.
func wordsOriginal(t testing.TB) *Tree {
	t.Helper()
	orig, err := Load(wordsFS(t, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return orig
}

// goodWordsGuide is the words catalogue's guide with testdata/words/good.yaml
// as its Spanish words, and its original tree.
func goodWordsGuide(t testing.TB) (fstest.MapFS, *Tree) {
	t.Helper()
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := wordsFS(t, words)
	orig, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return fsys, orig
}

// loadWords loads the guide of fsys and its Spanish words.
func loadWords(t testing.TB, fsys fstest.MapFS) (*Tree, error) {
	t.Helper()
	orig, err := Load(fsys, Options{})
	if err != nil {
		t.Fatalf("the tree does not load: %v", err)
	}
	return LoadTranslation(fsys, orig, "es", Options{})
}

// TestWordsCatalogue loads every words file of testdata/words as the
// Spanish of testdata/words/tree.yaml and compares the problems with its
// golden file. Run `go test ./decision -update` to rewrite them.
func TestWordsCatalogue(t *testing.T) {
	files := readFiles(t, "testdata/words/*.yaml")
	delete(files, filepath.Join("testdata", "words", "tree.yaml"))
	if len(files) < 10 {
		t.Errorf("catalogue has %d files; want at least 10", len(files))
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		base := strings.TrimSuffix(filepath.Base(name), ".yaml")
		t.Run(base, func(t *testing.T) {
			tree, err := loadWords(t, wordsFS(t, files[name]))
			got := report(tree, err)
			golden := strings.TrimSuffix(name, ".yaml") + ".golden"
			if base == "good" {
				if got != "" {
					t.Errorf("LoadTranslation(%s) problems:\n%s", name, got)
				}
				return
			}
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("%v (run go test -update to create it)", rerr)
			}
			if got != string(want) {
				t.Errorf("LoadTranslation(%s) problems:\n%s\nwant:\n%s", name, got, want)
			}
			if strings.HasPrefix(base, "warn-") {
				if err != nil || tree == nil || len(tree.Warnings) == 0 {
					t.Errorf("LoadTranslation(%s) = %v; want no error and a warning", name, err)
				}
			} else if err == nil {
				t.Errorf("LoadTranslation(%s) = nil error; want problems", name)
			}
		})
	}
}

// TestTranslationWords checks that a translation has the original's
// structure and the words file's words, steps included.
func TestTranslationWords(t *testing.T) {
	fsys, orig := goodWordsGuide(t)
	es, err := LoadTranslation(fsys, orig, "es", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ what, got, want string }{
		{"Lang", es.Lang, "es"},
		{"LangName", es.LangName, "Español"},
		{"Dir", es.Dir, "content/es"},
		{"File", es.File, "content/es/words.yaml"},
		{"Title", es.Title, "¿Correr o descansar?"},
		{"verdict label", es.Verdict("rest").Label, "Descansa"},
		{"outcome title", es.Outcome("rest-day").Title, "Tómate un día de descanso"},
		{"outcome page", es.PageFile(es.Outcome("rest-day").Page), "content/es/outcomes/rest-day.md"},
		{"step text", es.Question("where-mild").Text, "¿Dónde te duele?"},
		{"step help", es.Question("where-mild").Help, "Las agujetas *por todas partes* son las de siempre."},
		{"step label", es.Question("where-moderate").Options[1].Label, "En un punto"},
		{"step's own why", es.Question("where-moderate").Options[0].Why, "Unas agujetas moderadas por todas partes piden un día tranquilo."},
		{"step's shared why", es.Question("where-moderate").Options[1].Why, "Un dolor en un punto puede ser el comienzo de una lesión."},
		{"scale word", es.Question("energy-mild").Scale.High, "mucha"},
		{"next", es.Question("where-mild").Options[0].Next, "energy-mild"},
		{"original's Lang", orig.Lang, "en"},
		{"original's LangName", orig.LangName, "English"},
		{"original's Dir", orig.Dir, "content"},
		{"original unchanged", orig.Question("where-mild").Text, "Where is it sore?"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q; want %q", c.what, c.got, c.want)
		}
	}
	if es.Original != orig || orig.Original != nil {
		t.Errorf("Original = %p, %p; want %p, nil", es.Original, orig.Original, orig)
	}
	if &es.Scenarios[0] != &orig.Scenarios[0] || len(es.Rules) != len(orig.Rules) {
		t.Error("the translation does not share the original's scenarios and rules")
	}
	if got, want := es.Question("soreness").Pos, (Pos{29, 3}); got != want {
		t.Errorf("Pos of soreness = %v; want %v, its line in the words file", got, want)
	}
	if got, want := es.Question("where-mild").Pos, es.SharedQuestion("where").Pos; got != want {
		t.Errorf("Pos of a step without words = %v; want %v, its shared question's", got, want)
	}
	// An answer of a step without words of its own is at the shared
	// question's words for that answer.
	for _, c := range []struct {
		step string
		i    int
	}{{"where-mild", 0}, {"where-mild", 1}, {"where-moderate", 1}} {
		got, want := es.Question(c.step).Options[c.i].Pos, es.SharedQuestion("where").Options[c.i].Pos
		if got != want || want == (Pos{1, 1}) {
			t.Errorf("Pos of %s's option %d = %v; want %v, the shared question's option's", c.step, c.i+1, got, want)
		}
	}
	// The reading level measures the translation's own words.
	var fields []string
	for _, x := range es.Texts {
		fields = append(fields, x.Question+"."+x.Field)
		if strings.Contains(x.Value, "sore") {
			t.Errorf("Texts holds English: %q", x.Value)
		}
	}
	if !slices.Contains(fields, "where-moderate.why") || !slices.Contains(fields, "energy.high") {
		t.Errorf("Texts = %v; want the step's why and the scale's words", fields)
	}
}

// TestTranslationPages reports a page of the original the translation
// lacks, at the outcome's words or the words file's lang, and a page the
// original lacks.
func TestTranslationPages(t *testing.T) {
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"missing outcome page", func(f fstest.MapFS) { delete(f, "content/es/outcomes/easy-run.md") },
			"content/es/words.yaml:39:3: outcome \"easy-run\": the es page content/es/outcomes/easy-run.md does not exist (translate content/outcomes/easy-run.md into content/es/outcomes/easy-run.md)\n"},
		{"missing page", func(f fstest.MapFS) { delete(f, "content/es/about.md") },
			"content/es/words.yaml:3:7: the es page content/es/about.md does not exist (translate content/about.md into content/es/about.md)\n"},
		{"extra page", func(f fstest.MapFS) { f["content/es/extra.md"] = &fstest.MapFile{Data: []byte("# Más\n")} },
			"content/es/extra.md:1:1: the page has no original: content/extra.md does not exist (a translation has the original's pages and no others: add the page to the original first, or remove it)\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := wordsFS(t, words)
			c.change(fsys)
			tree, err := loadWords(t, fsys)
			if got := report(tree, err); got != c.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, c.want)
			}
			if !errors.Is(err, ErrPage) && !errors.Is(err, ErrExtraWords) {
				t.Errorf("err = %v; want ErrPage or ErrExtraWords", err)
			}
		})
	}
}

// TestLanguages finds the folders of content/ with a words file, and
// LoadTranslations loads them all and reports the problems of each.
func TestLanguages(t *testing.T) {
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := wordsFS(t, words)
	fsys["content/notes/a.md"] = &fstest.MapFile{Data: []byte("not a language\n")}
	fsys[WordsFile("Fr")] = &fstest.MapFile{Data: []byte("lang: Fr\nname: Français\n")}
	langs, err := Languages(fsys)
	if want := []string{"Fr", "es"}; err != nil || !slices.Equal(langs, want) {
		t.Fatalf("Languages = %v, %v; want %v", langs, err, want)
	}
	orig, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	trees, err := LoadTranslations(fsys, orig, Options{})
	if len(trees) != 1 || trees[0].Lang != "es" {
		t.Errorf("LoadTranslations = %d trees; want es alone", len(trees))
	}
	got := report(nil, err)
	if want := "content/Fr/words.yaml:1:7: the folder content/Fr/ is not named with a language: \"Fr\" is not a lower-case language tag such as en, es or pt-br (name the folder with a language tag, such as content/es/)\n"; got != want {
		t.Errorf("LoadTranslations problems:\n%s\nwant first:\n%s", got, want)
	}
	fsys = wordsFS(t, []byte(strings.Replace(string(words), "lang: es", "lang: en", 1)))
	fsys[WordsFile("en")], fsys[WordsFile("es")] = fsys[WordsFile("es")], nil
	delete(fsys, WordsFile("es"))
	_, err = LoadTranslation(fsys, orig, "en", Options{})
	if want := "content/en/words.yaml:3:7: en is the language of the original (content/tree.yaml)"; !strings.HasPrefix(report(nil, err), want) {
		t.Errorf("a translation into the original's language: %s; want %s", report(nil, err), want)
	}
}

// unreadable is a file system where one file exists but cannot be opened
// or looked at, as a link out of -src is under source.FS.
type unreadable struct {
	fstest.MapFS
	name string
}

var errLinkOut = errors.New("a link out of the source folder")

func (u unreadable) Open(name string) (fs.File, error) {
	if name == u.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errLinkOut}
	}
	return u.MapFS.Open(name)
}

func (u unreadable) Stat(name string) (fs.FileInfo, error) {
	if name == u.name {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: errLinkOut}
	}
	return u.MapFS.Stat(name)
}

// A words file that is there but cannot be read is a problem at its
// path, never a language silently left out of the build.
func TestLanguageUnreadable(t *testing.T) {
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := unreadable{wordsFS(t, words), WordsFile("es")}
	if langs, err := Languages(fsys); err != nil || !slices.Equal(langs, []string{"es"}) {
		t.Fatalf("Languages = %v, %v; want [es]", langs, err)
	}
	orig, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = LoadTranslations(fsys, orig, Options{})
	if want := "content/es/words.yaml:1:1: "; !strings.HasPrefix(report(nil, err), want) || !strings.Contains(report(nil, err), errLinkOut.Error()) {
		t.Errorf("LoadTranslations = %q; want a problem at %s saying %q", report(nil, err), want, errLinkOut)
	}
}

// TestUIStrings checks ui: against the original's strings when the
// caller gives them.
func TestUIStrings(t *testing.T) {
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	words = append(words, "ui:\n  start: Empezar\n  bakc: Atrás\n  from: {start: "+Hash("Begin")+", bakc: 00000000}\n  step: Paso {n} de {total}\n  date: \"{day} de {mes\"\n"...)
	fsys := wordsFS(t, words)
	orig, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	es, err := LoadTranslation(fsys, orig, "es", Options{UI: map[string]string{"start": "Start", "back": "Back", "step": "Step {n}", "date": "{month} {day}"}})
	want := `content/es/words.yaml:42:1: ui message "back" has no es words (add ` + "`back: ...`" + ` under ui (the original says "Back"))
content/es/words.yaml:44:3: ui message "bakc": the site has no message of this id (did you mean "back"?)
content/es/words.yaml:45:17: warning: the en start of ui message "start" changed since the es was written (update the es, then set from.start to ` + Hash("Start") + `, or run ` + "`runorrest translate -stamp es`" + ` once it is)
content/es/words.yaml:45:27: ui: from.bakc names no words of this entry (remove it: from names only the words beside it)
content/es/words.yaml:46:9: ui message "step" has the placeholders {n} {total}, the original {n} (use each placeholder of the original once: "Step {n}")
content/es/words.yaml:47:9: ui message "date" has a malformed placeholder "{mes" (write a placeholder as {name}, with lower-case letters only; a message holds no other brace)
`
	if got := report(es, err); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if s, ok := es.UIString("start"); !ok || s != "Empezar" {
		t.Errorf("UIString(start) = %q, %v; want Empezar", s, ok)
	}
	// Without the original's strings, ui: is read and not compared.
	es, err = LoadTranslation(fsys, orig, "es", Options{})
	if err != nil || len(es.UI) != 4 || es.UI[1].ID != "bakc" {
		t.Errorf("LoadTranslation without UI = %v, %v", err, es.UI)
	}
}

// TestHash is the hash translations record: 8 hex digits of SHA-256.
func TestHash(t *testing.T) {
	for in, want := range map[string]string{"": "e3b0c442", "abc": "ba7816bf"} {
		if got := Hash(in); got != want {
			t.Errorf("Hash(%q) = %s; want %s", in, got, want)
		}
	}
}

// TestWordsSchema validates the good words file against words.schema.json
// and checks it knows the loader's keys.
func TestWordsSchema(t *testing.T) {
	s := compileSchemaFile(t, "words.schema.json")
	data, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(yamlToJSON(t, data)); err != nil {
		t.Errorf("good.yaml does not match the schema: %v", err)
	}
	for _, name := range []string{"wrong-type", "from-bad", "lang-mismatch"} {
		data, err := os.ReadFile(path.Join("testdata/words", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if name == "lang-mismatch" {
			data = []byte(strings.Replace(string(data), "lang: pt", "lang: PT", 1))
		}
		if err := s.Validate(yamlToJSON(t, data)); err == nil {
			t.Errorf("schema accepts %s.yaml; want an error", name)
		}
	}
	checkSchemaKeys(t, "words.schema.json", wordsSchemaKeys)
}

// TestTranslationReading measures a translation by its language's
// formula, and not at all a language no formula suits.
func TestTranslationReading(t *testing.T) {
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := Load(wordsFS(t, words), Options{})
	if err != nil {
		t.Fatal(err)
	}
	flat := func(md string) []readability.Block { return []readability.Block{{{Text: md, Line: 1, Col: 1}}} }
	es, err := ParseTranslation(orig, "es", "content/es/words.yaml", words, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs := es.QuestionReadings(flat)
	if len(rs) == 0 || rs[0].Lang != readability.Spanish || rs[0].File != "content/es/words.yaml" {
		t.Fatalf("Spanish readings = %v; want Fernández Huerta readings of the words file", rs)
	}
	if f := rs[0].Formula(); f != "Fernández Huerta reading ease" {
		t.Errorf("Spanish readings by %q; want Fernández Huerta reading ease", f)
	}
	hard := Reading{File: "content/es/words.yaml", Name: "question x", Result: readability.Spanish.Measure(flat(
		"La recuperación muscular después de entrenamientos extraordinariamente intensos necesita considerablemente más tiempo."))}
	p := hard.Check(11)
	if p == nil || !strings.Contains(p.Msg, "(Fernández Huerta reading ease ") {
		t.Errorf("Check = %v; want a warning naming the reading ease", p)
	}
	de, err := ParseTranslation(orig, "de", "content/de/words.yaml", []byte(strings.Replace(string(words), "lang: es", "lang: de", 1)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if de.ReadingFormula() != nil || de.QuestionReadings(flat) != nil {
		t.Errorf("German: formula %v, readings %v; want none", de.ReadingFormula(), de.QuestionReadings(flat))
	}
}

// TestTranslationTexts: a translation keeps for the reading level the same
// texts as the original, question by question and field by field, and
// only help is Markdown in both.
func TestTranslationTexts(t *testing.T) {
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := Load(wordsFS(t, words), Options{})
	if err != nil {
		t.Fatal(err)
	}
	es, err := ParseTranslation(orig, "es", "content/es/words.yaml", words, Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(tree *Tree) []string {
		var out []string
		for _, x := range tree.Texts {
			if x.Markdown != (x.Field == "help") {
				t.Errorf("%s: %s of question %s has Markdown %v; want it only for help", tree.File, x.Field, x.Question, x.Markdown)
			}
			out = append(out, fmt.Sprintf("shared=%v %s %s markdown=%v", x.Shared, x.Question, x.Field, x.Markdown))
		}
		slices.Sort(out)
		return out
	}
	want, got := kinds(orig), kinds(es)
	if !slices.Contains(want, "shared=true where help markdown=true") {
		t.Fatalf("the original's texts %q have no help of shared question where", want)
	}
	if !slices.Equal(got, want) {
		t.Errorf("translation's texts:\n%s\nwant the original's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTranslationNeedsOptionIDs: a translation names options by id, so an
// option of the original without one is reported in the tree file, once
// for each language.
func TestTranslationNeedsOptionIDs(t *testing.T) {
	tree, err := os.ReadFile("testdata/good/shared.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := Parse(TreeFile, tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	words = []byte(strings.Replace(string(words), "      painful: {label: Mucho}\n", "", 1))
	_, err = ParseTranslation(orig, "es", WordsFile("es"), words, Options{})
	want := `content/tree.yaml:55:9: option 3 of question "soreness" has no id, and a translation names each option by its id (add ` + "`id:`" + ` to the option, a slug such as "painful")` + "\n"
	if got := report(nil, err); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestTooManyLanguages refuses a guide past MaxLanguages at once, naming
// the first language past the limit.
func TestTooManyLanguages(t *testing.T) {
	fsys, orig := goodWordsGuide(t)
	for i := range MaxLanguages {
		fsys[WordsFile(fmt.Sprintf("x%c%c", 'a'+i/26, 'a'+i%26))] = &fstest.MapFile{Data: []byte("lang: x\n")}
	}
	trees, err := LoadTranslations(fsys, orig, Options{})
	want := fmt.Sprintf("content/xbx/words.yaml:1:1: the guide has %d languages, more than the limit of %d (remove the folders of the languages no one keeps up)\n", MaxLanguages+2, MaxLanguages+1)
	if got := report(nil, err); got != want || trees != nil || !errors.Is(err, ErrTooLarge) {
		t.Errorf("LoadTranslations of %d languages = %d trees,\n%s\nwant:\n%s", MaxLanguages+1, len(trees), got, want)
	}
}

// TestTranslationReviewer: a translation names its own reviewer, in its own
// words, with the original's date; without one it keeps the original's.
func TestTranslationReviewer(t *testing.T) {
	good, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ words, want string }{
		{string(good), "The editors"},
		{strings.Replace(string(good), "name: Español\n", "name: Español\nreviewer: Los editores\n", 1), "Los editores"},
	} {
		fsys := wordsFS(t, []byte(c.words))
		tree := fsys["content/tree.yaml"]
		tree.Data = append([]byte("reviewed: 2026-11-29\nreviewer: The editors\n"), tree.Data...)
		orig, err := Load(fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		es, err := LoadTranslation(fsys, orig, "es", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if es.Review.By != c.want || !es.Review.Date.Equal(orig.Review.Date) || orig.Review.By != "The editors" {
			t.Errorf("Review = %+v (original %+v); want %q on the original's date", es.Review, orig.Review, c.want)
		}
	}
}
