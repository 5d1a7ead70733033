package site

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// TestBadInput builds the fixture guide with each mistake of the catalogue
// in testdata/bad and checks the problems reported, one per line.
func TestBadInput(t *testing.T) {
	cases, err := filepath.Glob("testdata/bad/*.txt")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in testdata/bad: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			wants, files := testkit.ReadCase(t, file)
			fsys := fixtureFS(t, "guide")
			for name, data := range files {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			tree, err := decision.Load(fsys, decision.Options{})
			if err != nil {
				t.Fatalf("decision.Load: %v", err)
			}
			s, err := buildSite(fsys, tree, Options{})
			if err == nil {
				t.Fatalf("Build = %d files, nil error; want %q", len(s.Files), wants)
			}
			var ps decision.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Build error %T %v; want decision.Problems", err, err)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(wants) {
				t.Errorf("got %d problems; want %d:\n%s", len(lines), len(wants), err)
			}
			for i, w := range wants {
				if i < len(lines) && !regexp.MustCompile(w).MatchString(lines[i]) {
					t.Errorf("problem %d = %q; want match %q", i+1, lines[i], w)
				}
			}
			for _, p := range ps {
				if p.Err == nil {
					t.Errorf("problem %q has no sentinel error", p)
				}
			}
		})
	}
}

func TestSentinels(t *testing.T) {
	fsys := fixtureFS(t, "guide")
	fsys["content/outcomes/easy-run.md"] = &fstest.MapFile{Data: []byte("[x](../nope.md)\n")}
	fsys["content/rating.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n---\n")}
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = buildSite(fsys, tree, Options{})
	for _, want := range []error{ErrLink, ErrFrontMatter} {
		if !errors.Is(err, want) {
			t.Errorf("errors.Is(%v, %v) = false; want true", err, want)
		}
	}
}
