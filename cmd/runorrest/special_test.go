package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"runorrest/cmd/runorrest/internal/testkit"
)

// A named pipe or a link out of -src where the guide expects a file is a
// positioned problem at once, for check and build alike; nothing waits.
func TestCommandsRefuseSpecialFiles(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, src string)
		want    string
	}{
		{"pipe as tree", func(t *testing.T, src string) {
			mkfifo(t, filepath.Join(src, "content/tree.yaml"))
		}, "content/tree.yaml:1:1: the tree file is a named pipe, not a regular file (replace it with a file)"},
		{"pipe as outcome page", func(t *testing.T, src string) {
			mkfifo(t, filepath.Join(src, "content/outcomes/easy-run.md"))
		}, `outcome "easy-run": page content/outcomes/easy-run.md is a named pipe, not a regular file`},
		{"link out of src as outcome page", func(t *testing.T, src string) {
			outside := filepath.Join(t.TempDir(), "page.md")
			os.WriteFile(outside, []byte("# Out\n"), 0o644)
			p := filepath.Join(src, "content/outcomes/easy-run.md")
			os.Remove(p)
			os.Symlink(outside, p)
		}, `outcome "easy-run": page content/outcomes/easy-run.md cannot be read: a link out of the source folder`},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"check", "build"} {
			t.Run(tt.name+" "+cmd, func(t *testing.T) {
				src := testkit.SourceDir(t, good)
				tt.prepare(t, src)
				args := []string{cmd, "-src", src}
				if cmd == "build" {
					args = append(args, "-o", filepath.Join(t.TempDir(), "public"))
				}
				var stderr string
				var code int
				done := make(chan struct{})
				go func() { defer close(done); _, stderr, code = runCLI(t, args...) }()
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					t.Fatalf("%s still runs after 10 s; want a problem at once", cmd)
				}
				if code != 1 || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "did you mean") {
					t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 1 and %q", cmd, code, stderr, tt.want)
				}
			})
		}
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	os.Remove(p)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
}

// A named pipe among the Markdown pages that only build reads.
func TestBuildRefusesPipePage(t *testing.T) {
	src := guide(t)
	mkfifo(t, filepath.Join(src, "content/extra.md"))
	var stderr string
	var code int
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, stderr, code = runCLI(t, "build", "-src", src, "-o", filepath.Join(t.TempDir(), "public"))
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("build still runs after 20 s; want a problem at once")
	}
	want := "content/extra.md:1:1: the page is a named pipe, not a regular file (replace it with a file)"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("build: exit %d, stderr:\n%s\nwant exit 1 and %q", code, stderr, want)
	}
}

// Nothing runorrest prints carries a control character or a bidi override,
// wherever it comes from: here a file name and an -src that hold some.
func TestNothingPrintsControlCharacters(t *testing.T) {
	src := filepath.Join(t.TempDir(), "guide\x1b]0;pwned\a")
	testkit.CopyDir(t, testkit.SourceDir(t, good), src)
	tree := filepath.Join(src, "content/tree.yaml")
	data, _ := os.ReadFile(tree)
	os.WriteFile(tree, []byte(strings.Replace(string(data), "outcomes/easy-run.md", "outcomes/easy\u202e-run.md", 1)), 0o644)
	os.Rename(filepath.Join(src, "content/outcomes/easy-run.md"), filepath.Join(src, "content/outcomes/easy\u202e-run\x1b[2J.md"))
	for _, args := range [][]string{
		{"check", "-src", src},
		{"paths", "-src", src},
		{"build", "-src", src, "-o", filepath.Join(t.TempDir(), "out\x1b[31m")},
		{"check", "-src", filepath.Join(src, "nowhere\x07")},
		{"frobnicate\x1b[2J"},
	} {
		var stdout, stderr strings.Builder
		code := runMain(args, &stdout, &stderr)
		all := stdout.String() + stderr.String()
		if code == 0 || all == "" {
			t.Errorf("%q: exit %d, output %q; want a failure with a message", args, code, all)
		}
		for _, r := range all {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Errorf("%q printed %U:\n%s", args, r, all)
				break
			}
		}
	}
}
