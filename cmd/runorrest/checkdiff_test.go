package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// gitRepo makes a git repository in a temporary folder holding the tree
// pair of decision/testdata/diff: old.yaml committed as content/tree.yaml,
// new.yaml in the working copy, with the outcome pages both name.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed; skipping the -diff tests that need a repository")
	}
	dir := testkit.SourceDir(t, t.TempDir())
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("..", "..", "decision", "testdata", "diff", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, page := range []string{"easy-run", "cross-train", "rest-day"} {
		write("content/outcomes/"+page+".md", []byte("## "+page+"\n"))
	}
	write("content/tree.yaml", read("old.yaml"))
	runGit(t, dir, "init", "-q")
	runGit(t, dir, "add", ".")
	runGit(t, dir, "commit", "-q", "-m", "old tree")
	write("content/tree.yaml", read("new.yaml"))
	return dir
}

func runGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func loadDir(t *testing.T, dir string) *decision.Tree {
	t.Helper()
	tree, err := decision.Load(os.DirFS(dir), decision.Options{})
	if err != nil {
		t.Fatalf("decision.Load(%s): %v", dir, err)
	}
	return tree
}

func TestCheckDiffGit(t *testing.T) {
	dir := gitRepo(t)
	var buf bytes.Buffer
	if err := checkDiff(&buf, dir, "HEAD", loadDir(t, dir)); err != nil {
		t.Fatal(err)
	}
	want := `compared with the tree at HEAD:
advice changed (2):
  soreness=1-2 > where=All over > tired=Yes: cross-train (cross-train) -> rest-day (rest)
  soreness=3 > tired=No: rest-day (rest) -> easy-run (run)
paths added (1):
  soreness=1-2 > where=On one side: (no path) -> cross-train (cross-train)
paths removed (1):
  soreness=1-2 > where=All over > tired=Not sure: cross-train (cross-train) -> (no path)
this edit changes the advice for 4 paths (2 changed, 1 added, 1 removed)
`
	if got := buf.String(); got != want {
		t.Errorf("checkDiff output:\n%s\nwant:\n%s", got, want)
	}
}

func TestCheckDiffNoChange(t *testing.T) {
	dir := gitRepo(t)
	runGit(t, dir, "commit", "-q", "-a", "-m", "new tree")
	var buf bytes.Buffer
	if err := checkDiff(&buf, dir, "HEAD", loadDir(t, dir)); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "compared with the tree at HEAD:\nthis edit changes no advice (7 paths stay the same)\n"; got != want {
		t.Errorf("checkDiff output = %q; want %q", got, want)
	}
}

func TestCheckDiffErrors(t *testing.T) {
	dir := gitRepo(t)
	cur := loadDir(t, dir)
	// A folder of the repository that has no tree at HEAD.
	sub := filepath.Join(dir, "content")
	tests := []struct {
		name, dir, rev, want string
		usage                bool
	}{
		{"not a repository", t.TempDir(), "HEAD", "is not inside a git repository", false},
		{"unknown revision", dir, "no-such-branch", `"no-such-branch" is not a revision`, false},
		{"file absent at revision", sub, "HEAD", "content/tree.yaml does not exist at HEAD", false},
		{"option as revision", dir, "--output=x", "is not a git revision", true},
		{"empty revision", dir, "", "is not a git revision", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkDiff(&bytes.Buffer{}, tt.dir, tt.rev, cur)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("checkDiff(%s, %q) = %v; want an error containing %q", tt.dir, tt.rev, err, tt.want)
			}
			var u usageError
			if got := errors.As(err, &u); got != tt.usage {
				t.Errorf("usage error = %v; want %v", got, tt.usage)
			}
			if !tt.usage && !errors.Is(err, errNoGit) {
				t.Errorf("error %v is not errNoGit", err)
			}
		})
	}
}

func TestCheckDiffBrokenOldTree(t *testing.T) {
	dir := gitRepo(t)
	cur := loadDir(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "content", "tree.yaml"), []byte("title: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "commit", "-q", "-a", "-m", "broken tree")
	var buf bytes.Buffer
	err := checkDiff(&buf, dir, "HEAD", cur)
	if err == nil || !strings.Contains(err.Error(), "the tree at HEAD has problems") {
		t.Fatalf("checkDiff = %v; want the tree at HEAD has problems", err)
	}
	if !strings.HasPrefix(buf.String(), "HEAD:content/tree.yaml:") {
		t.Errorf("problems = %q; want lines starting HEAD:content/tree.yaml:", buf.String())
	}
}

// TestCheckDiffCommand runs "runorrest check -diff HEAD" in a repository.
func TestCheckDiffCommand(t *testing.T) {
	dir := gitRepo(t)
	var stdout, stderr bytes.Buffer
	if err := run(t.Context(), []string{"check", "-src", dir, "-diff", "HEAD"}, &stdout, &stderr); err != nil {
		t.Fatalf("check -diff HEAD: %v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"content/tree.yaml is valid.", "compared with the tree at HEAD:", "this edit changes the advice for 4 paths"} {
		if !strings.Contains(out, want) {
			t.Errorf("check -diff HEAD output lacks %q:\n%s", want, out)
		}
	}
	err := run(t.Context(), []string{"check", "-src", dir, "-diff", "nope"}, &stdout, &stderr)
	if got := exitCode(err); got != 1 || !errors.Is(err, errNoGit) {
		t.Errorf("check -diff nope: exit %d, %v; want exit 1 with errNoGit", got, err)
	}
}

// TestCheckDiffTooLarge: a tree at the revision over the size limit, or
// that is not a file there, is refused from git's object header, before
// its content is read.
func TestCheckDiffTooLarge(t *testing.T) {
	dir := gitRepo(t)
	cur := loadDir(t, dir)
	big := append([]byte("title: Big\n# "), bytes.Repeat([]byte("x"), decision.DefaultMaxBytes)...)
	if err := os.WriteFile(filepath.Join(dir, "content", "tree.yaml"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "commit", "-q", "-a", "-m", "a big tree")
	var buf bytes.Buffer
	err := checkDiff(&buf, dir, "HEAD", cur)
	want := fmt.Sprintf("content/tree.yaml at HEAD has %d bytes, more than the %d bytes a tree file may have", len(big), decision.DefaultMaxBytes)
	if err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, decision.ErrTooLarge) || !errors.Is(err, errNoGit) {
		t.Fatalf("checkDiff with a big tree at HEAD = %v; want ErrTooLarge, %q", err, want)
	}
	if buf.Len() != 0 {
		t.Errorf("checkDiff printed %q; want nothing", buf.String())
	}

	// The limit is the limit: a file of exactly maxBytes is read.
	data, err := gitShow(dir, "HEAD", decision.TreeFile, int64(len(big)))
	if err != nil || len(data) != len(big) {
		t.Errorf("gitShow at the limit = %d bytes, %v; want %d bytes", len(data), err, len(big))
	}
	if _, err := gitShow(dir, "HEAD", decision.TreeFile, int64(len(big))-1); !errors.Is(err, decision.ErrTooLarge) {
		t.Errorf("gitShow one byte over the limit = %v; want ErrTooLarge", err)
	}

	// A folder where the tree file should be.
	runGit(t, dir, "rm", "-q", "content/tree.yaml")
	if err := os.MkdirAll(filepath.Join(dir, "content", "tree.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "tree.yaml", "x"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "add", "content/tree.yaml/x")
	runGit(t, dir, "commit", "-q", "-m", "a folder")
	if err := checkDiff(&buf, dir, "HEAD", cur); err == nil || !strings.Contains(err.Error(), "content/tree.yaml is a folder at HEAD, not a file") {
		t.Errorf("checkDiff with a folder at HEAD = %v; want a folder, not a file", err)
	}
}
