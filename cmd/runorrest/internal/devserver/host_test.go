package devserver

import (
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
)

func TestAllowedHost(t *testing.T) {
	tests := []struct {
		host, listen string
		want         bool
	}{
		{"127.0.0.1:8080", "127.0.0.1", true},
		{"localhost:8080", "127.0.0.1", true},
		{"LOCALHOST.:8080", "127.0.0.1", true},
		{"guide.localhost:8080", "127.0.0.1", true},
		{"[::1]:8080", "::1", true},
		{"192.168.1.20:8080", "0.0.0.0", true},
		{"[::]:8080", "::", true},
		{"devbox:8080", "devbox", true},
		{"evil.example:8080", "127.0.0.1", false},
		{"evil.example", "127.0.0.1", false},
		{"localhost.evil.example:8080", "127.0.0.1", false},
		{"127.0.0.1.nip.io:8080", "127.0.0.1", false},
		{"", "127.0.0.1", false},
	}
	for _, tt := range tests {
		if got := allowedHost(tt.host, tt.listen); got != tt.want {
			t.Errorf("allowedHost(%q, %q) = %v; want %v", tt.host, tt.listen, got, tt.want)
		}
	}
}

// A page of another name (DNS rebinding) can read neither the preview nor
// its stream of problems.
func TestServeRefusesOtherHosts(t *testing.T) {
	s := New(fstest.MapFS{}, func(fs.FS) (map[string][]byte, []string, error) {
		return map[string][]byte{"index.html": []byte("<p>guide</p>")}, nil, nil
	}, io.Discard)
	s.Rebuild()
	h := checkHost(s, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080})
	for _, p := range []string{"/", Prefix + "events"} {
		req := httptest.NewRequest("GET", "http://rebind.example:8080"+p, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden || strings.Contains(rec.Body.String(), "guide") {
			t.Errorf("GET %s with Host rebind.example = %d %q; want 403", p, rec.Code, rec.Body.String())
		}
	}
	req := httptest.NewRequest("GET", "http://localhost:8080/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("GET / with Host localhost = %d; want 200", rec.Code)
	}
}

// Past MaxEventStreams, a new event stream is refused; closing one makes
// room again.
func TestEventStreamCap(t *testing.T) {
	s := New(fstest.MapFS{}, func(fs.FS) (map[string][]byte, []string, error) { return nil, nil, nil }, io.Discard)
	s.maxStreams = 2
	srv := httptest.NewServer(s)
	defer srv.Close()
	open := func() (*http.Response, context.CancelFunc) {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+Prefix+"events", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return res, cancel
	}
	_, c1 := open()
	_, c2 := open()
	defer c2()
	res, c3 := open()
	c3()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("third stream = %d; want 503", res.StatusCode)
	}
	c1()
	deadline := time.Now().Add(10 * time.Second)
	for s.streams.Load() > 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	res, c4 := open()
	defer c4()
	if res.StatusCode != http.StatusOK {
		t.Errorf("stream after one closed = %d; want 200", res.StatusCode)
	}
}

// A port in use is said at once, naming -addr, before any build.
func TestRunPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var builds atomic.Int32
	err = Run(context.Background(), Config{Src: t.TempDir(), Addr: ln.Addr().String(), Log: io.Discard,
		Build: func(fs.FS) (map[string][]byte, []string, error) { builds.Add(1); return nil, nil, nil }})
	if err == nil || !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), "-addr") {
		t.Errorf("Run on a port in use = %v; want an error naming -addr", err)
	}
	if n := builds.Load(); n != 0 {
		t.Errorf("Run on a port in use built %d times first; want 0", n)
	}
}

// Listening beyond loopback is warned about loudly.
func TestRunWarnsNonLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncWriter{}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{Src: t.TempDir(), Addr: "0.0.0.0:0", Log: log, Build: dirBuild, Ready: func(string) { cancel() }})
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not stop")
	}
	if !strings.Contains(log.String(), "WARNING") || !strings.Contains(log.String(), "-addr 127.0.0.1:PORT") {
		t.Errorf("log:\n%s\nwant a warning that names -addr 127.0.0.1:PORT", log)
	}
}
