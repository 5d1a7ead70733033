package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"serve", "extra"}, 2},
		{[]string{"serve", "-port", "80"}, 2},
		{[]string{"serve", "-h"}, 0},
		{[]string{"serve", "-src", "testdata/no-such-folder", "-addr", "127.0.0.1:0"}, 1},
		// An -addr that is no HOST:PORT is a usage error, said before anything runs.
		{[]string{"serve", "-addr", "127.0.0.1"}, 2},
		{[]string{"serve", "-addr", "127.0.0.1:99999"}, 2},
		{[]string{"serve", "-addr", "127.0.0.1:-1"}, 2},
		{[]string{"serve", "-addr", "127.0.0.1:0x50"}, 2},
		{[]string{"serve", "-addr", "unix:/tmp/x"}, 2},
		{[]string{"serve", "-addr", ""}, 2},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(t.Context(), tt.args, &stdout, &stderr)
		if got := exitCode(err); got != tt.code {
			t.Errorf("%q: exit %d (%v); want %d", tt.args, got, err, tt.code)
		}
	}
}

// TestServeInterrupt runs "runorrest serve" as a process (this test binary
// re-run as the command), loads a page, sends it SIGINT as Ctrl-C does, and
// checks that it stops cleanly with exit status 0.
func TestServeInterrupt(t *testing.T) {
	if os.Getenv("RUNORREST_AS_MAIN") == "1" {
		os.Args = append([]string{"runorrest"}, strings.Fields(os.Getenv("RUNORREST_ARGS"))...)
		main()
		os.Exit(0)
	}
	src, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeInterrupt$")
	cmd.Env = append(os.Environ(), "RUNORREST_AS_MAIN=1", "RUNORREST_ARGS=serve -src "+src+" -addr 127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	var url string
	var log strings.Builder
	for url == "" && lines.Scan() {
		l := lines.Text()
		log.WriteString(l + "\n")
		if _, after, ok := strings.Cut(l, " at http://"); ok {
			url = "http://" + strings.Fields(after)[0]
		}
	}
	if url == "" {
		t.Fatalf("serve did not say where it listens:\n%s", log.String())
	}
	res, err := http.Get(url + "index.html")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Contains(body, []byte("/_runorrest/reload.js")) {
		t.Fatalf("GET index.html: %d\n%s", res.StatusCode, body)
	}
	// An open event stream must not hold up the shutdown.
	events, err := http.Get(url + "_runorrest/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for lines.Scan() {
			log.WriteString(lines.Text() + "\n")
		}
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve ended with %v after SIGINT:\n%s", err, log.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("serve did not stop within 10 s of SIGINT:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "stopped") {
		t.Errorf("serve did not say it stopped:\n%s", log.String())
	}
}
