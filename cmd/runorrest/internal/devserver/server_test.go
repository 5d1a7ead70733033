package devserver

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// fakeBuild returns the site of a map of files, or an error when the map
// holds "broken".
type fakeBuild struct{ files map[string][]byte }

func (f *fakeBuild) build(fs.FS) (map[string][]byte, []string, error) {
	if msg, ok := f.files["broken"]; ok {
		return nil, nil, errors.New(string(msg))
	}
	out := map[string][]byte{}
	for k, v := range f.files {
		out[k] = v
	}
	return out, nil, nil
}

const page = "<!doctype html><html><head><title>t</title></head><body><p>%s</p></body></html>"

func newTestServer(t *testing.T, files map[string]string) (*Server, *fakeBuild, *strings.Builder) {
	t.Helper()
	fb := &fakeBuild{files: map[string][]byte{}}
	for k, v := range files {
		fb.files[k] = []byte(v)
	}
	var log strings.Builder
	return New(fstest.MapFS{}, fb.build, &log), fb, &log
}

func get(t *testing.T, h http.Handler, target string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServeFiles(t *testing.T) {
	s, _, _ := newTestServer(t, map[string]string{
		"index.html":           strings.Replace(page, "%s", "home", 1),
		"soreness.html":        strings.Replace(page, "%s", "sore", 1),
		"404.html":             strings.Replace(page, "%s", "lost", 1),
		"assets/site.1234.css": "body{}",
	})
	s.Rebuild()
	tests := []struct {
		target, contains, ctype string
		status                  int
		script                  bool
		page                    string // the page the script names: "" on a 404, which reloads on any change
	}{
		{"/", "home", "text/html; charset=utf-8", 200, true, "index.html"},
		{"/index.html", "home", "text/html; charset=utf-8", 200, true, "index.html"},
		{"/soreness.html", "sore", "text/html; charset=utf-8", 200, true, "soreness.html"},
		{"/soreness", "sore", "text/html; charset=utf-8", 200, true, "soreness.html"},
		{"/nowhere.html", "lost", "text/html; charset=utf-8", 404, true, ""},
		{"/../../etc/passwd", "lost", "text/html; charset=utf-8", 404, true, ""},
		{"/assets/site.1234.css", "body{}", "text/css; charset=utf-8", 200, false, ""},
		{"/_runorrest/reload.js", "EventSource", "text/javascript; charset=utf-8", 200, false, ""},
		{"/_runorrest/overlay.css", "#runorrest-problems", "text/css; charset=utf-8", 200, false, ""},
		{"/sw.js", "registration.unregister()", "text/javascript; charset=utf-8", 200, false, ""},
	}
	for _, tt := range tests {
		r := get(t, s, tt.target)
		b := body(t, r)
		if r.StatusCode != tt.status {
			t.Errorf("GET %s: status %d; want %d", tt.target, r.StatusCode, tt.status)
		}
		if !strings.Contains(b, tt.contains) {
			t.Errorf("GET %s = %q; want it to contain %q", tt.target, b, tt.contains)
		}
		if got := r.Header.Get("Content-Type"); got != tt.ctype {
			t.Errorf("GET %s: Content-Type %q; want %q", tt.target, got, tt.ctype)
		}
		if got := strings.Contains(b, `<script src="/_runorrest/reload.js?h=`+reloadHash+`" data-version="1" data-page="`+tt.page+`" defer></script>`+"\n</head>"); got != tt.script {
			t.Errorf("GET %s: reload script injected = %v; want %v", tt.target, got, tt.script)
		}
		wantCache := "no-store"
		if strings.HasPrefix(tt.target, "/assets/") {
			wantCache = "max-age=31536000, immutable"
		}
		if got := r.Header.Get("Cache-Control"); got != wantCache {
			t.Errorf("GET %s: Cache-Control %q; want %q", tt.target, got, wantCache)
		}
	}
	// The script as the pages name it, with its hash, is cached for good.
	if got := get(t, s, "/_runorrest/reload.js?h="+reloadHash).Header.Get("Cache-Control"); got != "max-age=31536000, immutable" {
		t.Errorf("GET reload.js?h=HASH: Cache-Control %q; want immutable", got)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d; want 405", rec.Code)
	}
}

// TestRebuildKeepsLastGood breaks the build and checks that the last good
// site is still served with the problems in the state, then fixes it.
func TestRebuildKeepsLastGood(t *testing.T) {
	s, fb, log := newTestServer(t, map[string]string{"index.html": strings.Replace(page, "%s", "v1", 1)})
	s.Rebuild()
	st, changed := s.State()
	if !reflect.DeepEqual(st, State{Version: 1}) {
		t.Fatalf("state after the first build = %+v; want version 1, no problems", st)
	}

	fb.files["broken"] = []byte("content/tree.yaml:3:5: unknown key \"nxt\" (did you mean \"next\"?)")
	s.Rebuild()
	select {
	case <-changed:
	default:
		t.Error("a failed build did not signal a change of state")
	}
	st, changed = s.State()
	if st.Version != 1 || !strings.Contains(st.Problems, "content/tree.yaml:3:5:") {
		t.Errorf("state after a failed build = %+v; want version 1 with the problem", st)
	}
	if b := body(t, get(t, s, "/")); !strings.Contains(b, "v1") {
		t.Errorf("after a failed build / = %q; want the last good page", b)
	}
	if !strings.Contains(log.String(), "content/tree.yaml:3:5: unknown key") {
		t.Errorf("the terminal did not show the problem:\n%s", log)
	}

	delete(fb.files, "broken")
	s.Rebuild()
	<-changed
	st, changed = s.State()
	if !reflect.DeepEqual(st, State{Version: 1}) {
		t.Errorf("state after fixing to the same site = %+v; want version 1, no problems", st)
	}

	fb.files["index.html"] = []byte(strings.Replace(page, "%s", "v2", 1))
	s.Rebuild()
	<-changed
	if st, _ := s.State(); !reflect.DeepEqual(st, State{Version: 2, Changed: []string{"index.html"}}) {
		t.Errorf("state after a change = %+v; want version 2, index.html changed", st)
	}
	if b := body(t, get(t, s, "/")); !strings.Contains(b, "v2") || !strings.Contains(b, `data-version="2"`) {
		t.Errorf("after a change / = %q; want v2 with data-version 2", b)
	}
}

func TestServeBeforeFirstGoodBuild(t *testing.T) {
	s, _, _ := newTestServer(t, map[string]string{"broken": "content/tree.yaml:1:1: empty file (write a tree)"})
	s.Rebuild()
	r := get(t, s, "/anything.html")
	b := body(t, r)
	if r.StatusCode != http.StatusServiceUnavailable || !strings.Contains(b, `data-version="0"`) {
		t.Errorf("before a good build: %d %q; want 503 with the reload script", r.StatusCode, b)
	}
}

// TestEvents reads the event stream: the state at once, then a new state
// after a rebuild.
func TestEvents(t *testing.T) {
	s, fb, _ := newTestServer(t, map[string]string{"index.html": "a"})
	s.Rebuild()
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/_runorrest/events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if got := res.Header.Get("Content-Type"); got != "text/event-stream" {
		t.Errorf("Content-Type = %q; want text/event-stream", got)
	}
	lines := bufio.NewScanner(res.Body)
	next := func() string {
		t.Helper()
		for lines.Scan() {
			if l := lines.Text(); strings.HasPrefix(l, "data: ") {
				return l
			}
		}
		t.Fatalf("the stream ended: %v", lines.Err())
		return ""
	}
	if got, want := next(), `data: {"version":1,"problems":"","changed":null}`; got != want {
		t.Errorf("first event %q; want %q", got, want)
	}
	fb.files["broken"] = []byte("x.md:1:2: bad \"thing\"\nsecond line")
	s.Rebuild()
	if got, want := next(), `data: {"version":1,"problems":"x.md:1:2: bad \"thing\"\nsecond line","changed":null}`; got != want {
		t.Errorf("event after a failed build %q; want %q", got, want)
	}
	delete(fb.files, "broken")
	fb.files["a.html"] = []byte("new")
	s.Rebuild()
	if got, want := next(), `data: {"version":2,"problems":"","changed":["a.html"]}`; got != want {
		t.Errorf("event after a new page %q; want %q", got, want)
	}
}

func TestDiffFiles(t *testing.T) {
	many := map[string][]byte{}
	for i := range maxChanged + 1 {
		many[fmt.Sprintf("p%d.html", i)] = nil
	}
	old := map[string][]byte{"a.html": []byte("a"), "b.html": []byte("b"), "c.css": []byte("c")}
	tests := []struct {
		name     string
		old, new map[string][]byte
		want     []string
	}{
		{"first build", nil, old, nil},
		{"one page", old, map[string][]byte{"a.html": []byte("A"), "b.html": []byte("b"), "c.css": []byte("c")}, []string{"a.html"}},
		{"added and removed", old, map[string][]byte{"a.html": []byte("a"), "c.css": []byte("c"), "d.html": nil}, []string{"b.html", "d.html"}},
		{"too many", old, many, nil},
		{"the worker", old, map[string][]byte{"a.html": []byte("a"), "b.html": []byte("b"), "c.css": []byte("c"), "sw.js": []byte("new")}, nil},
	}
	for _, tt := range tests {
		if got := diffFiles(tt.old, tt.new); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: diffFiles = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestInject(t *testing.T) {
	tag := "<script src=\"/_runorrest/reload.js?h=" + reloadHash + "\" data-version=\"7\" data-page=\"a.html\" defer></script>\n"
	tests := []struct{ in, want string }{
		{"<html><head><title>x</title></head><body></body></html>",
			"<html><head><title>x</title>" + tag + "</head><body></body></html>"},
		{"<html><head><title>x</title><script defer src=\"f.js\"></script></head><body></body></html>",
			"<html><head><title>x</title>" + tag + "<script defer src=\"f.js\"></script></head><body></body></html>"},
		{"<html><head><title>x</title></head><body><script defer src=\"f.js\"></script></body></html>",
			"<html><head><title>x</title>" + tag + "</head><body><script defer src=\"f.js\"></script></body></html>"},
		{"<p>no head</p>", "<p>no head</p>" + tag},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.in), 7, "a.html")); got != tt.want {
			t.Errorf("inject(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
