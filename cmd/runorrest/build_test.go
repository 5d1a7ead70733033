package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/cmd/runorrest/internal/testkit"
)

// guide makes a -src folder: the site fixture's content with the
// repository's templates and static files.
func guide(t *testing.T) string {
	t.Helper()
	return testkit.SourceDir(t, "internal/site/testdata/guide")
}

func TestBuildCommand(t *testing.T) {
	src := guide(t)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if err := runBuild(t.Context(), []string{"-src", src, "-o", out, "-base-url", "https://example.org/g/"}, &stdout, &stderr); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	// 12 pages (map.html included), robots.txt, sitemap.xml, the stylesheet,
	// the script, its tree, and the offline files: sw.js, the manifest and 4
	// icons.
	if !regexp.MustCompile(`^built 12 pages, 23 files, \d+ bytes \(\d+ gzip\) in \d+ ms into .*public\n$`).MatchString(stdout.String()) {
		t.Errorf("summary = %q", stdout.String())
	}
	for _, f := range []string{"index.html", "sitemap.xml", "robots.txt", publish.Marker} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
}

// A guide with problems builds nothing: the previous output stays as it
// was, and every problem is printed.
func TestBuildCommandBadInput(t *testing.T) {
	src := guide(t)
	out := filepath.Join(t.TempDir(), "public")
	if err := runBuild(t.Context(), []string{"-src", src, "-o", out}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	os.WriteFile(filepath.Join(src, "content/outcomes/easy-run.md"), []byte("[a](../nope.md) [b](../recovery.md#nope)\n"), 0o644)
	var stderr bytes.Buffer
	err := runBuild(t.Context(), []string{"-src", src, "-o", out}, &bytes.Buffer{}, &stderr)
	if err == nil || err.Error() != "the guide has 2 problems; nothing was built" {
		t.Errorf("build = %v; want 2 problems", err)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "content/outcomes/easy-run.md:1:1: link") {
		t.Errorf("stderr = %q; want two file:line:col lines", stderr.String())
	}
	after, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the output")
	}

	// A tree problem stops the build the same way, with check's message.
	os.WriteFile(filepath.Join(src, "content/tree.yaml"), []byte("title: x\n"), 0o644)
	stderr.Reset()
	if err := runBuild(t.Context(), []string{"-src", src, "-o", out}, &bytes.Buffer{}, &stderr); err == nil || !strings.HasPrefix(stderr.String(), "content/tree.yaml:") {
		t.Errorf("build of a bad tree = %v, stderr %q", err, stderr.String())
	}
}

func TestBuildCommandRefusesForeignFolder(t *testing.T) {
	src := guide(t)
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	err := runBuild(t.Context(), []string{"-src", src, "-o", out}, &bytes.Buffer{}, &bytes.Buffer{})
	if !errors.Is(err, publish.ErrNotOurs) {
		t.Errorf("build into a foreign folder = %v; want ErrNotOurs", err)
	}
}

func TestBuildCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"extra"}, {"-base-url", "example.org"}, {"-base-url", "ftp://x/"}, {"-nope"}, {"-o", ""}, {"-src", ""}} {
		err := runBuild(t.Context(), args, &bytes.Buffer{}, &bytes.Buffer{})
		var u usageError
		if !errors.As(err, &u) {
			t.Errorf("build %q = %v; want a usage error", args, err)
		}
	}
	if err := runBuild(t.Context(), []string{"-h"}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Errorf("build -h = %v; want nil", err)
	}
}

// Two builds of the same guide write byte-identical folders.
func TestBuildCommandDeterministic(t *testing.T) {
	src := guide(t)
	var trees [2]map[string]string
	for i := range trees {
		out := filepath.Join(t.TempDir(), "public")
		if err := runBuild(t.Context(), []string{"-src", src, "-o", out, "-base-url", "https://example.org/"}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		trees[i] = map[string]string{}
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				trees[i][rel] = string(data)
			}
			return err
		})
	}
	if len(trees[0]) < 10 || !reflect.DeepEqual(trees[0], trees[1]) {
		t.Errorf("two builds differ (%d and %d files)", len(trees[0]), len(trees[1]))
	}
}

// The source folder is never the output: whatever marker it holds, a
// build into -src (or a folder holding it, or its content/) is a usage
// error and every file stays.
func TestBuildCommandRefusesSourceAsOutput(t *testing.T) {
	src := guide(t)
	os.Mkdir(filepath.Join(src, publish.Marker), 0o755)
	os.MkdirAll(filepath.Join(src, ".git"), 0o755)
	os.WriteFile(filepath.Join(src, ".git", "HEAD"), []byte("ref"), 0o644)
	for _, out := range []string{src, filepath.Dir(src), filepath.Join(src, "content"), filepath.Join(src, "static", "out")} {
		before := snapshot(t, src)
		err := runBuild(t.Context(), []string{"-src", src, "-o", out}, &bytes.Buffer{}, &bytes.Buffer{})
		if !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), "-o ") {
			t.Errorf("build -o %s = %v; want a usage error naming -o", out, err)
		}
		if after := snapshot(t, src); !reflect.DeepEqual(after, before) {
			t.Errorf("build -o %s changed the source folder", out)
		}
	}
}

// snapshot reads every file under dir as path -> content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			got[p] = string(data)
		}
		return err
	})
	return got
}

// TestBuildCommandKeepsHostFiles: the files of static/root are at the root
// of every build's output, so a rebuild no longer deletes a CNAME or a
// .nojekyll put there for the host.
func TestBuildCommandKeepsHostFiles(t *testing.T) {
	host := map[string][]byte{"CNAME": []byte("guide.example.org\n"), ".nojekyll": {}, "_headers": []byte("/*\n  X-Frame-Options: DENY\n")}
	files := map[string][]byte{}
	for name, data := range host {
		files["static/root/"+name] = data
	}
	src := guideWith(t, files)
	out := filepath.Join(t.TempDir(), "public")
	for build := range 2 {
		var stdout, stderr bytes.Buffer
		if err := runBuild(t.Context(), []string{"-src", src, "-o", out}, &stdout, &stderr); err != nil {
			t.Fatalf("build %d: %v\n%s", build+1, err, stderr.String())
		}
		for name, want := range host {
			if got, err := os.ReadFile(filepath.Join(out, name)); err != nil || !bytes.Equal(got, want) {
				t.Errorf("build %d: %s = %q, %v; want %q", build+1, name, got, err, want)
			}
		}
	}
}
