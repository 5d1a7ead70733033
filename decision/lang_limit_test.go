package decision

import (
	"errors"
	"fmt"
	"os"
	"testing"
	"testing/fstest"
)

// TestLanguageLimit: a guide may have MaxLanguages extra languages and not
// one more; the first language past the limit is named at once, before
// any is read. A guide whose languages are all well is loaded without an
// error.
func TestLanguageLimit(t *testing.T) {
	fsys, orig := goodWordsGuide(t)
	if trees, err := LoadTranslations(fsys, orig, Options{}); err != nil || len(trees) != 1 {
		t.Fatalf("LoadTranslations of es alone = %d trees, %v; want 1 and no error", len(trees), err)
	}
	// es and x01, x02, ...: MaxLanguages in all, then one more.
	for i := 1; i < MaxLanguages; i++ {
		fsys[WordsFile(fmt.Sprintf("x%02d", i))] = &fstest.MapFile{Data: []byte("lang: x\n")}
	}
	if _, err := LoadTranslations(fsys, orig, Options{}); errors.Is(err, ErrTooLarge) {
		t.Errorf("%d extra languages: %v; want them read", MaxLanguages, err)
	}
	fsys[WordsFile(fmt.Sprintf("x%02d", MaxLanguages))] = &fstest.MapFile{Data: []byte("lang: x\n")}
	_, err := LoadTranslations(fsys, orig, Options{})
	want := fmt.Sprintf("content/x%02d/words.yaml:1:1: the guide has %d languages, more than the limit of %d (remove the folders of the languages no one keeps up)",
		MaxLanguages, MaxLanguages+2, MaxLanguages+1)
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d extra languages: %v; want %s", MaxLanguages+1, err, want)
	}
}

// TestCheckPageTranslation compares the translated-from hash of a
// translated page with its original: nothing when they match, a warning
// when the original has changed since, an error for a value that is not a
// hash; the original itself is never checked.
func TestCheckPageTranslation(t *testing.T) {
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	es, err := loadWords(t, wordsFS(t, words))
	if err != nil {
		t.Fatal(err)
	}
	original := []byte("# Rest day\n\nTake the day off.\n")
	file, pos := "content/es/outcomes/rest-day.md", Pos{2, 18}
	if p := es.CheckPageTranslation(file, Hash(string(original)), pos, original); p != nil {
		t.Errorf("up-to-date page: %v; want nil", p)
	}
	p := es.CheckPageTranslation(file, "0123abcd", pos, original)
	want := fmt.Sprintf("content/es/outcomes/rest-day.md:2:18: warning: the en page content/outcomes/rest-day.md changed since the es was written (update the es, then set translated-from to %s, or run `runorrest translate -stamp es`)", Hash(string(original)))
	if p == nil || p.Error() != want || !p.Warning || !errors.Is(p, ErrStale) {
		t.Errorf("stale page: %v; want %s", p, want)
	}
	p = es.CheckPageTranslation(file, "0123ABCD", pos, original)
	want = fmt.Sprintf("content/es/outcomes/rest-day.md:2:18: translated-from \"0123ABCD\" is not a hash of 8 hex digits (set it to %s, the hash of content/outcomes/rest-day.md, or run `runorrest translate -stamp es`)", Hash(string(original)))
	if p == nil || p.Error() != want || p.Warning || !errors.Is(p, ErrStale) {
		t.Errorf("a value that is not a hash: %v; want %s", p, want)
	}
	orig, err := Load(wordsFS(t, words), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := orig.CheckPageTranslation("content/outcomes/rest-day.md", "0123abcd", pos, original); p != nil {
		t.Errorf("the original's own page: %v; want nil", p)
	}
}
