package devserver

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// Prefix is the URL path of the server's own files; no page of a guide can
// have it, since page names are slugs.
const Prefix = "/_runorrest/"

//go:embed assets
var assets embed.FS

// tags are the HTML the server adds to pages: the reload script, and the
// page shown before the first good build.
var tags = template.Must(template.New("").ParseFS(assets, "assets/*.tmpl"))

// reloadHash names the version of reload.js in the pages' script tag.
var reloadHash = func() string {
	data, _ := assets.ReadFile("assets/reload.js")
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6])
}()

// workerFile is the service worker of a build, which the server answers
// with its own.
const workerFile = "sw.js"

// heartbeat keeps an idle event stream open through proxies and lets the
// server notice a closed tab.
const heartbeat = 30 * time.Second

// ServeHTTP serves the last good site, the reload script and the events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case Prefix + "events":
		s.serveEvents(w, r)
		return
	case Prefix + "reload.js", Prefix + "overlay.css":
		data, _ := assets.ReadFile("assets/" + path.Base(r.URL.Path))
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(r.URL.Path)))
		if r.URL.RawQuery == "h="+reloadHash {
			// The pages name the script with a hash of it: a reload takes
			// it from the cache.
			w.Header().Set("Cache-Control", "max-age=31536000, immutable")
		}
		w.Write(data)
		return
	}
	if r.URL.Path == "/"+workerFile {
		data, _ := assets.ReadFile("assets/sw.js")
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(data)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	st, _ := s.State()
	data, ok := s.file(name)
	if !ok && path.Ext(name) == "" {
		name += ".html"
		data, ok = s.file(name)
	}
	status := http.StatusOK
	if !ok {
		if st.Version == 0 {
			s.serveNoSite(w, st)
			return
		}
		status = http.StatusNotFound
		name = "404.html"
		data, ok = s.file(name)
		if !ok {
			http.NotFound(w, r)
			return
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasPrefix(name, "assets/") && status == http.StatusOK {
		// Assets are named by a hash of their content: a reload need not
		// fetch them again.
		w.Header().Set("Cache-Control", "max-age=31536000, immutable")
	}
	if path.Ext(name) == ".html" {
		page := name
		if status != http.StatusOK {
			page = "" // the page that is missing may come: reload on any change
		}
		data = inject(data, st.Version, page)
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// scriptData is what the reload script's tag names: the site's version,
// the script's hash and the file the page is.
type scriptData struct {
	Version int
	Hash    string
	Page    string
}

// inject adds the reload script to an HTML page, before its first script
// (or at the end of its head, or of the page). The scripts are deferred and
// run in order, so the reload script sees the page as it came, before the
// guide's own script changes it.
func inject(page []byte, version int, name string) []byte {
	var tag bytes.Buffer
	tags.ExecuteTemplate(&tag, "script.tmpl", scriptData{version, reloadHash, name}) // cannot fail
	i := bytes.Index(page, []byte("<script"))
	if end := bytes.Index(page, []byte("</head>")); i < 0 || end >= 0 && end < i {
		i = end
	}
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+tag.Len())
	out = append(out, page[:i]...)
	out = append(out, tag.Bytes()...)
	return append(out, page[i:]...)
}

// serveNoSite answers every page before the first good build: a page that
// shows the problems and reloads when the build works.
func (s *Server) serveNoSite(w http.ResponseWriter, st State) {
	var b bytes.Buffer
	if err := tags.ExecuteTemplate(&b, "nosite.tmpl", scriptData{st.Version, reloadHash, ""}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write(b.Bytes())
}

// serveEvents streams the state to a page: once at once, then each time it
// changes, until the page or the server goes away.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if s.streams.Add(1) > s.maxStreams {
		s.streams.Add(-1)
		http.Error(w, "too many open previews: close some tabs", http.StatusServiceUnavailable)
		return
	}
	defer s.streams.Add(-1)
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		st, changed := s.State()
		if _, err := w.Write(st.event()); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
	wait:
		for {
			select {
			case <-r.Context().Done():
				return
			case <-changed:
				break wait
			case <-tick.C:
				if _, err := w.Write([]byte(": still here\n\n")); err != nil {
					return
				}
				if err := rc.Flush(); err != nil {
					return
				}
			}
		}
	}
}
