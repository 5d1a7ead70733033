package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/evanw/esbuild/pkg/api"
)

// Compiling the stylesheet, the script and the service worker with esbuild
// was a fifth of the processor time of building a small guide, and their
// sources seldom change between builds. So the last output of each entry
// is kept in the user's cache folder (os.UserCacheDir, e.g.
// ~/.cache/runorrest/bundles), one file per entry and set of options, with
// all it was made from: the program that made it (esbuild's version, or
// without build information the executable's path, size and time), a hash
// of the defines, every file esbuild loaded with the SHA-256 of its bytes,
// and every file it looked for that was missing. It is used only while all
// of these are the same, so the output is byte for byte what esbuild would
// make; a file whose own checksum does not match is ignored. Only outputs
// without problems are kept: messages always come from esbuild. Without a
// cache folder, esbuild runs every time.

// cacheDir is the folder of kept outputs, or "" if there is none.
var cacheDir = func() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "runorrest", "bundles")
}

// esbuildRuns counts the runs of esbuild, for the tests.
var esbuildRuns atomic.Int64

// program names what compiles: the esbuild module's version, or else the
// running executable's path, size and time; "" if neither is known (then
// nothing is kept).
var program = sync.OnceValue(func() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "github.com/evanw/esbuild" && m.Replace == nil {
				return "esbuild " + m.Version
			}
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("executable %s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
})

// cacheKey is the kept output of a build with opts: the file that names
// the entry and options, and the header the file must start with to be of
// the same program and defines. The file is "" when nothing can be kept.
func cacheKey(opts api.BuildOptions) (file, header string) {
	prog, dir := program(), cacheDir()
	if prog == "" || dir == "" {
		return "", ""
	}
	define := opts.Define
	opts.Define = nil
	h := sha256.New()
	fmt.Fprintf(h, "runorrest bundle\n%s\n%#v\n", runtime.Version(), opts)
	file = filepath.Join(dir, hex.EncodeToString(h.Sum(nil)[:16]))
	h.Reset()
	for _, k := range slices.Sorted(maps.Keys(define)) {
		fmt.Fprintf(h, "%q=%q\n", k, define[k])
	}
	return file, fmt.Sprintf("%sprogram %q\ndefines %x\n", cacheHeader, prog, h.Sum(nil))
}

// inputs is what one run of esbuild read: path -> the SHA-256 of the
// file's bytes in hex, or "-" for a file looked for and missing.
type inputs struct {
	mu    sync.Mutex
	files map[string]string
}

func (in *inputs) file(p string, data []byte) {
	sum := sha256.Sum256(data)
	in.mu.Lock()
	in.files[p] = hex.EncodeToString(sum[:])
	in.mu.Unlock()
}

func (in *inputs) missing(p string) {
	in.mu.Lock()
	in.files[p] = "-"
	in.mu.Unlock()
}

const cacheHeader = "runorrest bundle\n"

// cachedOutput gives the output kept in file if it starts with header and
// every input it lists is unchanged in fsys.
func cachedOutput(fsys fs.FS, file, header string) ([]byte, bool) {
	if file == "" {
		return nil, false
	}
	b, err := os.ReadFile(file)
	if err != nil || len(b) < sha256.Size+len(header) {
		return nil, false
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) || !bytes.HasPrefix(body, []byte(header)) {
		return nil, false
	}
	rest := body[len(header):]
	for {
		line, after, ok := bytes.Cut(rest, []byte("\n"))
		if !ok {
			return nil, false
		}
		rest = after
		if len(line) == 0 {
			return slices.Clip(rest), true // the output follows the empty line
		}
		hash, quoted, ok := strings.Cut(string(line), " ")
		p, err := strconv.Unquote(quoted)
		if !ok || err != nil || !unchanged(fsys, p, hash) {
			return nil, false
		}
	}
}

// unchanged reports whether the file p of fsys is as hash says: missing
// for "-", else holding bytes of that SHA-256.
func unchanged(fsys fs.FS, p, hash string) bool {
	if hash == "-" {
		_, err := fs.Stat(fsys, p)
		return err != nil
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return false
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) == hash
}

// keepOutput keeps out, made from read, in file, after header: whole or
// not at all (a temporary file, then a rename). A cache that cannot be
// written is no error.
func keepOutput(file, header string, read *inputs, out []byte) {
	if file == "" {
		return
	}
	var b bytes.Buffer
	b.WriteString(header)
	read.mu.Lock()
	for _, p := range slices.Sorted(maps.Keys(read.files)) {
		fmt.Fprintf(&b, "%s %s\n", read.files[p], strconv.Quote(p))
	}
	read.mu.Unlock()
	b.WriteString("\n")
	b.Write(out)
	sum := sha256.Sum256(b.Bytes())
	b.Write(sum[:])
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".bundle-*")
	if err != nil {
		return
	}
	_, err = f.Write(b.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), file)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
