package site

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

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
			wants, files := readCase(t, file)
			fsys := fixtureFS(t, "guide")
			for name, data := range files {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			tree, err := decision.Load(fsys, decision.Options{})
			if err != nil {
				t.Fatalf("decision.Load: %v", err)
			}
			s, err := Build(fsys, tree, Options{})
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

// readCase reads a catalogue file: "want: REGEXP" lines, then files, each
// after a line "-- path --".
func readCase(t *testing.T, file string) (wants []string, files map[string][]byte) {
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

func TestSentinels(t *testing.T) {
	fsys := fixtureFS(t, "guide")
	fsys["content/outcomes/easy-run.md"] = &fstest.MapFile{Data: []byte("[x](../nope.md)\n")}
	fsys["content/rating.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n---\n")}
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(fsys, tree, Options{})
	for _, want := range []error{ErrLink, ErrFrontMatter} {
		if !errors.Is(err, want) {
			t.Errorf("errors.Is(%v, %v) = false; want true", err, want)
		}
	}
}
