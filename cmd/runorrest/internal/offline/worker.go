package offline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// hashBytes is how much of a file's SHA-256 sum the worker checks: 8 bytes,
// 16 hex digits, plenty to tell two versions of one file apart.
const hashBytes = 8

// Entry is one file the worker stores: its path relative to the output's
// root and the first hashBytes of the SHA-256 sum of its content, in hex.
type Entry struct {
	Path, Hash string
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

// CacheName is the name of the cache the worker of this version fills, when
// the guide is served under scope (the absolute URL of its folder, with a
// trailing slash). The worker deletes the caches whose name starts like
// this one up to the scope and its space: only older versions of the guide
// served from that same folder.
func CacheName(title, scope, version string) string {
	return "runorrest " + scope + " " + Slug(title) + " " + version
}

// ErrWorker is wrapped by the errors of compiling the worker's source.
var ErrWorker = errors.New("offline: cannot build the service worker")

// buildWorker compiles WorkerSource with the precache list of files.
func buildWorker(src fs.FS, files map[string][]byte, cfg Config) ([]byte, error) {
	source, err := fs.ReadFile(src, WorkerSource)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrWorker, err)
	}
	entries := Precache(files)
	list := make([][2]string, len(entries))
	for i, e := range entries {
		list[i] = [2]string{e.Path, e.Hash}
	}
	define := map[string]any{
		"__RUNORREST_PRECACHE__":   list,
		"__RUNORREST_HASH_BYTES__": hashBytes,
		"__RUNORREST_VERSION__":    Version(entries),
		"__RUNORREST_SITE__":       Slug(cfg.Name),
	}
	defines := make(map[string]string, len(define))
	for name, value := range define {
		data, err := json.Marshal(value)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrWorker, name, err)
		}
		defines[name] = string(data)
	}
	result := api.Transform(string(source), api.TransformOptions{
		Sourcefile:        WorkerSource,
		Loader:            api.LoaderTS,
		Format:            api.FormatIIFE,
		Target:            api.ES2017, // as the page's scripts (package bundle)
		Define:            defines,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
	})
	if len(result.Errors) > 0 {
		return nil, fmt.Errorf("%w:\n%s", ErrWorker, formatMessages(result.Errors))
	}
	return result.Code, nil
}

// formatMessages gives esbuild's messages as "file:line:col: text" lines.
func formatMessages(msgs []api.Message) string {
	lines := make([]string, 0, len(msgs))
	for _, m := range msgs {
		if m.Location == nil {
			lines = append(lines, m.Text)
			continue
		}
		l := m.Location
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", l.File, l.Line, l.Column+1, m.Text))
	}
	return strings.Join(lines, "\n")
}
