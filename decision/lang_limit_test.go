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
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := wordsFS(t, words)
	orig, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
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
	_, err = LoadTranslations(fsys, orig, Options{})
	want := fmt.Sprintf("content/x%02d/words.yaml:1:1: the guide has %d languages, more than the limit of %d (remove the folders of the languages no one keeps up)",
		MaxLanguages, MaxLanguages+2, MaxLanguages+1)
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d extra languages: %v; want %s", MaxLanguages+1, err, want)
	}
}
