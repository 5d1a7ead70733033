package decision

import (
	"bytes"
	"errors"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/bad")

// report returns every problem and warning of a load, one line each, in
// the order the check command prints them.
func report(tree *Tree, err error) string {
	var all Problems
	if err != nil {
		var ps Problems
		if !errors.As(err, &ps) {
			return "not Problems: " + err.Error() + "\n"
		}
		all = append(all, ps...)
	}
	if tree != nil {
		all = append(all, tree.Warnings...)
	}
	SortProblems(all)
	if len(all) == 0 {
		return ""
	}
	return all.Error() + "\n"
}

// TestCatalogue loads every file of testdata/bad and compares the problems
// with its golden file. Run `go test ./decision -update` to rewrite them.
func TestCatalogue(t *testing.T) {
	files := readFiles(t, "testdata/bad/*.yaml")
	if len(files) < 30 {
		t.Errorf("catalogue has %d files; want at least 30", len(files))
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".yaml"), func(t *testing.T) {
			tree, err := Load(pagesFS(t, files[name]), Options{})
			got := report(tree, err)
			golden := strings.TrimSuffix(name, ".yaml") + ".golden"
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
				t.Errorf("Load(%s) problems:\n%s\nwant:\n%s", name, got, want)
			}
			if strings.HasPrefix(filepath.Base(name), "warn-") {
				if err != nil || tree == nil || len(tree.Warnings) == 0 {
					t.Errorf("Load(%s) = %v with %d warnings; want no error and a warning", name, err, len(tree.Warnings))
				}
			} else if err == nil {
				t.Errorf("Load(%s) = nil error; want problems", name)
			}
		})
	}
}

// TestGoodExamples loads every good example without problems or warnings.
func TestGoodExamples(t *testing.T) {
	files := readFiles(t, "testdata/good/*.yaml")
	if len(files) == 0 {
		t.Fatal("no good examples")
	}
	for name, data := range files {
		tree, err := Load(pagesFS(t, data), Options{})
		if got := report(tree, err); got != "" {
			t.Errorf("Load(%s) problems:\n%s", name, got)
		}
	}
}

// TestTooLarge refuses a huge generated file before parsing it.
func TestTooLarge(t *testing.T) {
	data := bytes.Repeat([]byte("# padding padding padding padding\n"), int(DefaultMaxBytes)/34+1)
	tree, err := Load(pagesFS(t, data), Options{})
	want := "content/tree.yaml:1:1: the tree file has more than 16777216 bytes, the size limit (move long texts into Markdown pages, or raise the limit)\n"
	if got := report(tree, err); got != want || tree != nil || !errors.Is(err, ErrTooLarge) {
		t.Errorf("Load(huge) = %v, %q; want nil, %q", tree, got, want)
	}
	_, err = Parse(TreeFile, data, Options{})
	if got := report(nil, err); got != want {
		t.Errorf("Parse(huge) = %q; want %q", got, want)
	}
	_, err = Parse(TreeFile, []byte("title: x\n"), Options{MaxBytes: 4})
	if want := "content/tree.yaml:1:1: the tree file has more than 4 bytes, the size limit (move long texts into Markdown pages, or raise the limit)\n"; report(nil, err) != want {
		t.Errorf("Parse(MaxBytes 4) = %q; want %q", report(nil, err), want)
	}
}
