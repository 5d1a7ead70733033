// Package devserver is runorrest's live preview: it builds the guide in
// memory, serves the result on a loopback address, rebuilds when a file
// under content/, templates/ or static/ changes, and updates the open pages
// through server-sent events: each event names the files the new version
// changed, so a page that did not change stays as it is, one whose words
// alone changed swaps them in place, and any other reloads.
//
// The reload script is added to HTML responses here, at serve time: the
// built files never hold it. It satisfies the pages' Content-Security-Policy
// ('self'): it is a file of this server, and it draws its overlay with DOM
// calls and a stylesheet of this server, never inline style.
//
// The site is built by package pipeline with the options of runorrest
// build, so the preview is what build ships, offline files included; but
// /sw.js is answered with a worker that removes itself instead of the
// guide's, so that no cache hides the next rebuild, and a guide's worker
// left on the origin by an earlier preview of a build is retired.
//
// A failed rebuild keeps serving the last good site. Its problems, the same
// "file:line:col: what is wrong (how to fix it)" lines as runorrest check,
// go to the terminal and to an overlay in every open page; the next good
// build clears them.
package devserver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// BuildFunc builds the site held by fsys (the guide's folder) in memory:
// file path -> content. warnings are shown but do not fail the build.
type BuildFunc func(fsys fs.FS) (files map[string][]byte, warnings []string, err error)

// Server holds the last good build and the state the open pages follow.
// Its zero value is not usable; call New.
type Server struct {
	fsys  fs.FS
	build BuildFunc
	log   io.Writer

	mu       sync.RWMutex
	files    map[string][]byte // the last good site; nil before the first
	sum      [32]byte          // hash of files
	version  int               // goes up each time files change
	problems string            // the problems of the last build; "" when it worked
	diff     []string          // the files that differ from version-1; nil if too many
	changed  chan struct{}     // closed and replaced when the state changes

	streams    atomic.Int64 // open event streams
	maxStreams int64        // the most open at once: MaxEventStreams
}

// MaxEventStreams is the most event streams (open preview tabs) served at
// once; past it a stream is refused with 503, and that tab stops
// reloading itself until one is closed.
const MaxEventStreams = 64

// New returns a Server that builds fsys with build and logs to log.
func New(fsys fs.FS, build BuildFunc, log io.Writer) *Server {
	return &Server{fsys: fsys, build: build, log: log, changed: make(chan struct{}), maxStreams: MaxEventStreams}
}

// State is what an open page needs to know: the version of the site it
// should show, the problems of the last build, and the files that changed
// from the version before (nil when there are more than maxChanged): a page
// showing that version need not reload if it is not one of them, and swaps
// its content in place if only pages changed.
type State struct {
	Version  int      `json:"version"`
	Problems string   `json:"problems"`
	Changed  []string `json:"changed"`
}

// maxChanged bounds the list of changed files an event carries: past it,
// every page reloads.
const maxChanged = 32

// State returns the current state and a channel closed when it changes.
func (s *Server) State() (State, <-chan struct{}) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return State{Version: s.version, Problems: s.problems, Changed: s.diff}, s.changed
}

// file returns a file of the last good site.
func (s *Server) file(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok := s.files[name]
	return data, ok
}

// Rebuild builds the site and makes it the one served if the build worked;
// otherwise it keeps the last good site and records the problems. It tells
// the terminal what happened and the open pages if anything changed.
func (s *Server) Rebuild() {
	start := time.Now()
	files, warnings, err := s.build(s.fsys)
	took := time.Since(start).Round(time.Millisecond)
	for _, w := range warnings {
		fmt.Fprintln(s.log, w)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := State{Version: s.version, Problems: s.problems}
	if err != nil {
		s.problems = err.Error()
		fmt.Fprintf(s.log, "%s\nbuild failed in %v; still serving the last good site\n", s.problems, took)
	} else {
		s.problems = ""
		sum := hashFiles(files)
		switch {
		case s.files == nil || sum != s.sum:
			s.diff = diffFiles(s.files, files)
			s.files, s.sum = files, sum
			s.version++
			fmt.Fprintf(s.log, "built %d files in %v\n", len(files), took)
		case old.Problems != "":
			fmt.Fprintf(s.log, "build fixed in %v; the site is as it was\n", took)
		default:
			fmt.Fprintf(s.log, "rebuilt in %v; nothing changed\n", took)
		}
	}
	if s.version != old.Version || s.problems != old.Problems {
		close(s.changed)
		s.changed = make(chan struct{})
	}
}

// diffFiles lists, sorted, the files that were added, removed or changed
// from old to files, or returns nil if there are more than maxChanged. The
// build's worker, which changes with every file it lists, is left out.
func diffFiles(old, files map[string][]byte) []string {
	if old == nil {
		return nil
	}
	var diff []string
	for n, data := range files {
		if n == workerFile {
			continue // never served: the server answers with its own worker
		}
		if o, ok := old[n]; !ok || !bytes.Equal(o, data) {
			diff = append(diff, n)
		}
	}
	for n := range old {
		if _, ok := files[n]; !ok {
			diff = append(diff, n)
		}
	}
	if len(diff) > maxChanged {
		return nil
	}
	slices.Sort(diff)
	return diff
}

// hashFiles is a hash of a whole site, to tell whether a build changed it.
func hashFiles(files map[string][]byte) [32]byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%d:%s%d:", len(n), n, len(files[n]))
		h.Write(files[n])
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// event writes st as one server-sent event named "state".
func (st State) event() []byte {
	data, _ := json.Marshal(st) // a struct of an int and a string cannot fail
	var b bytes.Buffer
	b.WriteString("event: state\ndata: ")
	b.Write(data) // JSON holds no raw line break
	b.WriteString("\n\n")
	return b.Bytes()
}
