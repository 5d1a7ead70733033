package offline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/decision"
)

// hashBytes is how much of a file's SHA-256 sum the worker checks: 8 bytes,
// 16 hex digits, plenty to tell two versions of one file apart.
const hashBytes = 8

// Entry is one file the worker stores: its path relative to the output's
// root and the first hashBytes of the SHA-256 sum of its content, in hex.
type Entry struct {
	Path, Hash string
}

// Shared is the group of the files every language uses (Group).
const Shared = "*"

// Group is the part of the site a file belongs to, which the worker caches
// as a whole: an extra language's folder ("es/") for its files, "" for the
// original language's pages, manifest and flow data at the root, and
// Shared for everything else (stylesheet, script, icons). The worker
// caches the shared files and the original at install, and a language
// once the reader opens one of its pages.
func Group(path string, langs []LangConfig) string {
	for _, l := range langs {
		if strings.HasPrefix(path, l.Lang+"/") {
			return l.Lang + "/"
		}
	}
	if !strings.Contains(path, "/") && (strings.HasSuffix(path, ".html") || path == ManifestFile) || strings.HasPrefix(path, "assets/tree.") {
		return ""
	}
	return Shared
}

// Precache lists every file of the output but sw.js, sorted by path.
func Precache(files map[string][]byte) []Entry {
	entries := make([]Entry, 0, len(files))
	for _, name := range sortedKeys(files) {
		if name == WorkerFile {
			continue
		}
		sum := sha256.Sum256(files[name])
		entries = append(entries, Entry{name, hex.EncodeToString(sum[:hashBytes])})
	}
	return entries
}

// Version is the hash of a precache list: it changes when any file's path or
// content does. The worker names its cache after it.
func Version(entries []Entry) string {
	h := sha256.New()
	for _, e := range entries {
		fmt.Fprintf(h, "%s\x00%s\n", e.Path, e.Hash)
	}
	return hex.EncodeToString(h.Sum(nil)[:hashBytes])
}

// ErrWorker is the sentinel (decision.Problem.Err) of the problems of
// compiling the worker's source.
var ErrWorker = errors.New("offline: cannot build the service worker")

// buildWorker compiles WorkerSource with the precache list of files.
func buildWorker(src fs.FS, files map[string][]byte, cfg Config) ([]byte, error) {
	entries := Precache(files)
	list := make([][3]string, len(entries))
	for i, e := range entries {
		list[i] = [3]string{e.Path, e.Hash, Group(e.Path, cfg.Langs)}
	}
	groups := []string{""}
	for _, l := range cfg.Langs {
		groups = append(groups, l.Lang+"/")
	}
	code, err := bundle.Script(src, WorkerSource, map[string]any{
		"__RUNORREST_PRECACHE__":   list,
		"__RUNORREST_LANGS__":      groups,
		"__RUNORREST_HASH_BYTES__": hashBytes,
		"__RUNORREST_VERSION__":    Version(entries),
		"__RUNORREST_SITE__":       decision.Slug(cfg.Name),
	})
	var ps decision.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			p.Err = ErrWorker
		}
	}
	return code, err
}
