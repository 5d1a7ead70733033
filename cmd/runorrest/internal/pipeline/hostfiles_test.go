package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/hostfiles"
	"runorrest/cmd/runorrest/internal/offline"
	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// fixtureWith is the fixture guide with files added.
func fixtureWith(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	fsys := testkit.SourceFS(t, filepath.Join(testkit.Root(), "cmd/runorrest/internal/site/testdata/guide"))
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// The files of static/root reach the root of the site byte for byte, dot
// files and sub-folders included, the same on every build, and stay out of
// the worker's list (a host may not serve _headers at all).
func TestHostFiles(t *testing.T) {
	host := map[string]string{
		"CNAME":                    "guide.example.org\n",
		"_headers":                 "/*\n  X-Frame-Options: DENY\n",
		"_redirects":               "/old /index.html 301\n",
		".nojekyll":                "",
		".well-known/security.txt": "Contact: mailto:security@example.org\r\n\x00binary\xff",
	}
	src := map[string]string{}
	for name, data := range host {
		src["static/root/"+name] = data
	}
	var first map[string][]byte
	for range 2 {
		r, err := Build(context.Background(), fixtureWith(t, src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range host {
			if got, ok := r.Files[name]; !ok || string(got) != want {
				t.Errorf("%s = %q, %v; want %q", name, got, ok, want)
			}
			if bytes.Contains(r.Files[offline.WorkerFile], []byte(`"`+name+`"`)) {
				t.Errorf("the worker lists the host file %s", name)
			}
		}
		if first != nil && !maps.EqualFunc(first, r.Files, bytes.Equal) {
			t.Error("two builds with host files differ")
		}
		first = r.Files
	}
}

// Host files past the limits, or that are not regular files, are refused
// with their paths, all at once, by check and build alike (both run Build).
func TestHostFilesRefused(t *testing.T) {
	many := map[string]string{}
	for i := range decision.MaxHostFiles + 1 {
		many[fmt.Sprintf("static/root/f%03d", i)] = "x"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
		err   error
	}{
		{"too large", map[string]string{"static/root/big": strings.Repeat("x", decision.MaxHostFileBytes+1), "static/root/ok": strings.Repeat("x", decision.MaxHostFileBytes)},
			[]string{fmt.Sprintf("static/root/big:1:1: the host file has more than %d bytes, the size limit (shorten it)", decision.MaxHostFileBytes)}, decision.ErrTooLarge},
		{"too many", many, []string{fmt.Sprintf("static/root/f%03d:1:1: more than %d files in static/root, the limit (keep only the files the host needs)", decision.MaxHostFiles, decision.MaxHostFiles)}, decision.ErrTooLong},
		{"reserved and a page", map[string]string{"static/root/404.html": "x", "static/root/icons/a.png": "x"},
			[]string{"static/root/404.html:1:1: 404.html is a name the site writes itself", "static/root/icons:1:1: icons is a name the site writes itself"}, hostfiles.ErrReserved},
		{"the page of a question", map[string]string{"static/root/soreness.html": "x"},
			[]string{"static/root/soreness.html:1:1: soreness.html is a file the site writes itself (rename or remove it)"}, hostfiles.ErrReserved},
		{"under a page", map[string]string{"static/root/soreness.html/x": "x"},
			[]string{"static/root/soreness.html/x:1:1: soreness.html is a file the site writes itself (rename or remove it)"}, hostfiles.ErrReserved},
		{"not a folder", map[string]string{"static/root": "x"},
			[]string{"static/root:1:1: static/root is not a folder (make it a folder of the files to copy to the site's root)"}, decision.ErrNotRegular},
		{"a named pipe", map[string]string{"static/root/pipe": ""}, // made a pipe below
			[]string{"static/root/pipe:1:1: the host file is a named pipe, not a regular file (replace it with a file)"}, decision.ErrNotRegular},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixtureWith(t, tt.files)
			if f := fsys["static/root/pipe"]; f != nil {
				f.Mode = fs.ModeNamedPipe
			}
			_, err := Build(context.Background(), fsys, Options{})
			var ps decision.Problems
			if !errors.As(err, &ps) || len(ps) != len(tt.want) {
				t.Fatalf("Build = %v; want %d problems", err, len(tt.want))
			}
			for i, p := range ps {
				if !strings.HasPrefix(p.Error(), tt.want[i]) || !errors.Is(p, tt.err) {
					t.Errorf("problem %d = %q; want %q (%v)", i, p, tt.want[i], tt.err)
				}
			}
		})
	}
}
