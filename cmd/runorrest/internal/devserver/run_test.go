package devserver

import (
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// dirBuild "builds" a site whose index.html lists every file of the guide
// with its content, so a test sees each change on disk.
func dirBuild(fsys fs.FS) (map[string][]byte, []string, error) {
	var b strings.Builder
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		b.WriteString(p + "=" + string(data) + "\n")
		return err
	})
	return map[string][]byte{"index.html": []byte(b.String())}, nil, err
}

// syncWriter is a log the server and the test share.
type syncWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// startRun runs the server on a free loopback port until the test ends.
func startRun(t testing.TB, src string, build BuildFunc) (string, *syncWriter) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	log := &syncWriter{}
	go func() {
		done <- Run(ctx, Config{Src: src, Addr: "127.0.0.1:0", Log: log, Build: build, Ready: func(u string) { ready <- u }})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not stop within 10 s of its context ending")
		}
	})
	select {
	case u := <-ready:
		return u, log
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not start")
	}
	return "", nil
}

// waitFor polls url until its body contains want.
func waitFor(t *testing.T, url, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var got string
	for time.Now().Before(deadline) {
		res, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			got = string(b)
			if strings.Contains(got, want) {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never contained %q; last:\n%s", url, want, got)
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWatch edits files in each watched folder, in a new subfolder and in
// a watched folder made after the start, and checks each rebuilds the site;
// a change elsewhere does not.
func TestWatch(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content", "a.md"), "one")
	writeFile(t, filepath.Join(src, "templates", "base.html"), "base")
	url, log := startRun(t, src, dirBuild)

	writeFile(t, filepath.Join(src, "content", "a.md"), "two")
	waitFor(t, url, "content/a.md=two")

	writeFile(t, filepath.Join(src, "templates", "base.html"), "base2")
	waitFor(t, url, "templates/base.html=base2")

	// A new subfolder is watched as soon as it appears.
	if err := os.MkdirAll(filepath.Join(src, "content", "outcomes", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	writeFile(t, filepath.Join(src, "content", "outcomes", "deep", "b.md"), "first")
	waitFor(t, url, "content/outcomes/deep/b.md=first")
	writeFile(t, filepath.Join(src, "content", "outcomes", "deep", "b.md"), "second")
	waitFor(t, url, "content/outcomes/deep/b.md=second")

	// static/ did not exist at the start.
	writeFile(t, filepath.Join(src, "static", "site.css"), "body{}")
	waitFor(t, url, "static/site.css=body{}")
	time.Sleep(150 * time.Millisecond)
	writeFile(t, filepath.Join(src, "static", "site.css"), "main{}")
	waitFor(t, url, "static/site.css=main{}")

	before := strings.Count(log.String(), "built ")
	writeFile(t, filepath.Join(src, "notes.txt"), "not part of the guide")
	writeFile(t, filepath.Join(src, "content", ".a.md.swp"), "editor swap file")
	time.Sleep(300 * time.Millisecond)
	if after := strings.Count(log.String(), "built "); after != before {
		t.Errorf("a change outside the watched folders rebuilt the site:\n%s", log)
	}
}

func TestRunBadSource(t *testing.T) {
	err := Run(context.Background(), Config{Src: filepath.Join(t.TempDir(), "missing"), Addr: "127.0.0.1:0", Log: io.Discard})
	if err == nil || !strings.Contains(err.Error(), "source folder") {
		t.Errorf("Run with a missing folder = %v; want a source folder error", err)
	}
}

// TestDefaultAddrIsLoopback guards the promise that serve listens on
// loopback unless -addr says otherwise.
func TestDefaultAddrIsLoopback(t *testing.T) {
	host, _, err := net.SplitHostPort(DefaultAddr)
	if err != nil {
		t.Fatal(err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		t.Errorf("DefaultAddr = %q; want a loopback address", DefaultAddr)
	}
}

// A named pipe among the guide's files fails the build at once (nothing
// waits on it), and once it is replaced by a file the next build works.
func TestRunRecoversFromNamedPipe(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content", "a.md"), "one")
	pipe := filepath.Join(src, "content", "b.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	url, log := startRun(t, src, dirBuild)
	if !strings.Contains(log.String(), "named pipe") {
		t.Errorf("log does not name the pipe:\n%s", log)
	}
	os.Remove(pipe)
	writeFile(t, pipe, "fixed")
	waitFor(t, url, "content/b.md=fixed")
	writeFile(t, filepath.Join(src, "content", "a.md"), "two")
	waitFor(t, url, "content/a.md=two")
}
