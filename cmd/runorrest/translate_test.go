package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"runorrest/decision"
)

// TestTranslateCommand starts a language with translate -w, which check
// then refuses at each string left to translate; once translated, a
// change to an original makes check warn, and translate -stamp ends the
// warning, changing only hashes.
func TestTranslateCommand(t *testing.T) {
	src := langGuideWith(t, nil)
	var out, errs bytes.Buffer
	if err := run(t.Context(), []string{"translate", "-src", src, "-w", "fr"}, &out, &errs); err != nil {
		t.Fatalf("translate -w fr: %v\n%s", err, errs.String())
	}
	if !strings.Contains(out.String(), "wrote content/fr/words.yaml; now translate these pages into content/fr/") ||
		!strings.Contains(out.String(), "  content/outcomes/rest-day.md\n") {
		t.Errorf("translate -w output:\n%s", out.String())
	}
	out.Reset()
	errs.Reset()
	code := exitCode(run(t.Context(), []string{"check", "-src", src}, &out, &errs))
	if code != 1 || !strings.Contains(errs.String(), `content/fr/words.yaml:7:7: the top level: name is empty`) ||
		!strings.Contains(errs.String(), "the fr page content/fr/about.md does not exist") {
		t.Errorf("check of a new skeleton: exit %d\n%s", code, errs.String())
	}
	if err := run(t.Context(), []string{"translate", "-src", src, "-w", "fr"}, &out, &errs); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("translate -w over an existing file = %v; want a refusal", err)
	}
	if code := exitCode(run(t.Context(), []string{"translate", "-src", src, "FR"}, &out, &errs)); code != 2 {
		t.Errorf("translate FR: exit %d; want 2", code)
	}
	if code := exitCode(run(t.Context(), []string{"translate", "-src", src, "-stamp", "-w", "es"}, &out, &errs)); code != 2 {
		t.Errorf("translate -stamp -w: exit %d; want 2", code)
	}
	os.RemoveAll(filepath.Join(src, "content", "fr"))

	// The original changes: check warns at the Spanish, stamp ends it.
	if err := run(t.Context(), []string{"translate", "-src", src, "es", "-stamp"}, &out, &errs); err != nil {
		t.Fatalf("translate es -stamp: %v\n%s", err, errs.String())
	}
	tree := filepath.Join(src, "content", "tree.yaml")
	data, err := os.ReadFile(tree)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("text: Where is it sore?"), []byte("text: Where do you feel it?"), 1)
	if err := os.WriteFile(tree, data, 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(src, "content", "about.md")
	if err := os.WriteFile(page, []byte("---\ntitle: About the test guide\ndescription: A small guide for the tests.\n---\n\nChanged.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errs.Reset()
	code = exitCode(run(t.Context(), []string{"check", "-src", src, "-strict"}, &out, &errs))
	for _, want := range []string{
		`content/es/words.yaml:23:18: the en text of question "where" changed since the es was written (content/tree.yaml:34:11)`,
		"content/es/about.md:4:18: the en page content/about.md changed since the es was written",
	} {
		if code != 1 || !strings.Contains(errs.String(), want) {
			t.Errorf("check -strict after a change: exit %d\n%s\nwant %q", code, errs.String(), want)
		}
	}
	words := filepath.Join(src, "content", "es", "words.yaml")
	before, _ := os.ReadFile(words)
	out.Reset()
	if err := run(t.Context(), []string{"translate", "-src", src, "-stamp", "es"}, &out, &errs); err != nil {
		t.Fatal(err)
	}
	if want := "content/es/words.yaml: 1 hash written\ncontent/es/about.md: translated-from written\n"; out.String() != want {
		t.Errorf("translate -stamp output:\n%s\nwant:\n%s", out.String(), want)
	}
	after, _ := os.ReadFile(words)
	if len(after) != len(before) || bytes.Count(after, []byte("\n")) != bytes.Count(before, []byte("\n")) {
		t.Errorf("stamping a stale hash changed more than the hash:\n%s", after)
	}
	out.Reset()
	errs.Reset()
	if code := exitCode(run(t.Context(), []string{"check", "-src", src, "-strict"}, &out, &errs)); code != 0 {
		t.Errorf("check -strict after stamping: exit %d\n%s", code, errs.String())
	}
}

// TestCheckDiffListsStale: check -diff lists the translations whose
// original changed, after the tree's changes.
func TestCheckDiffListsStale(t *testing.T) {
	var b bytes.Buffer
	printStale(&b, nil)
	if b.String() != "translations: none out of date\n" {
		t.Errorf("printStale(none) = %q", b.String())
	}
	b.Reset()
	printStale(&b, decision.Problems{
		{File: "content/es/words.yaml", Pos: decision.Pos{Line: 3, Col: 9}, Warning: true, Err: decision.ErrStale, Msg: "the en text of question \"a\" changed since the es was written (content/tree.yaml:4:11)", Hint: "update it"},
		{File: "content/tree.yaml", Pos: decision.Pos{Line: 1, Col: 1}, Warning: true, Err: decision.ErrReadingLevel, Msg: "hard"},
	})
	want := "translations out of date (1):\n  content/es/words.yaml:3:9: the en text of question \"a\" changed since the es was written (content/tree.yaml:4:11)\n"
	if b.String() != want {
		t.Errorf("printStale = %q; want %q", b.String(), want)
	}
}
