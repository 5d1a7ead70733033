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
