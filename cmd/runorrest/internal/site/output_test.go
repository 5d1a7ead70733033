package site

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/publish"
)

var (
	refRE = regexp.MustCompile(`\s(href|src)="([^"]*)"`)
	idRE  = regexp.MustCompile(`\sid="([^"]*)"`)
)

// reporter is the part of *testing.T that checkLinks uses.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// checkLinks checks that every href and src of every page names a file of
// the site and, with #, an id in that file. Absolute URLs are allowed only
// under base (canonical links), and must name a file too.
func checkLinks(t reporter, files map[string][]byte, base string) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			ids[name] = map[string]bool{}
			for _, m := range idRE.FindAllSubmatch(data, -1) {
				ids[name][html.UnescapeString(string(m[1]))] = true
			}
		}
	}
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		// 404.html, answered at any depth, resolves its links from the
		// host's root when the site has no base URL: the site's folder.
		rootBase := []byte(`<base href="` + NotFoundBase + `">`)
		if name == "404.html" && base == "" && !bytes.Contains(data, rootBase) {
			t.Errorf("%s: no %s", name, rootBase)
		}
		data = bytes.Replace(data, rootBase, nil, 1)
		for _, m := range refRE.FindAllSubmatch(data, -1) {
			ref := html.UnescapeString(string(m[2]))
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q: %v", name, ref, err)
				continue
			}
			if u.Scheme == "data" {
				continue
			}
			if base != "" && strings.HasPrefix(ref, base) {
				bu, _ := url.Parse(base)
				u.Path = strings.TrimPrefix(u.Path, bu.Path)
				u.Scheme, u.Host = "", ""
				if u.Path == "" {
					u.Path = "index.html"
				}
			}
			if u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") || strings.HasSuffix(u.Path, "/") {
				t.Errorf("%s: %s %q is not a relative file link", name, m[1], ref)
				continue
			}
			target := name
			if u.Path != "" {
				target = path.Join(path.Dir(name), u.Path)
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: %s %q names no file of the site", name, m[1], ref)
				continue
			}
			if u.Fragment != "" && !ids[target][u.Fragment] {
				t.Errorf("%s: %s %q names no id of %s", name, m[1], ref, target)
			}
			n++
		}
	}
	if n == 0 {
		t.Errorf("no links checked")
	}
}

func TestLinksResolve(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts Options
	}{{"fixture", Options{}}, {"fixture with base URL", Options{BaseURL: "https://example.org/guide/"}}} {
		t.Run(tt.name, func(t *testing.T) {
			_, s := build(t, fixtureFS(t, "guide"), tt.opts)
			checkLinks(t, s.Files, tt.opts.BaseURL)
		})
	}
	t.Run("default guide", func(t *testing.T) {
		_, s := build(t, defaultFS(t), Options{})
		checkLinks(t, s.Files, "")
	})
}

// The link checker itself must catch what it is there for.
func TestCheckLinksCatches(t *testing.T) {
	for _, page := range []string{
		`<a href="nope.html">x</a>`,
		`<a href="index.html#nope">x</a>`,
		`<a href="/index.html">x</a>`,
		`<a href="soreness/">x</a>`,
		`<link href="https://cdn.example/x.css">`,
	} {
		ft := &fakeT{}
		checkLinks(ft, map[string][]byte{"index.html": []byte(`<a id="top" href="index.html#top">ok</a>` + page)}, "")
		if !ft.failed {
			t.Errorf("checkLinks passed %s", page)
		}
	}
}

// fakeT records whether a check failed.
type fakeT struct{ failed bool }

func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Helper()               {}

// TestBudgets: every page fits the first round trip (14 KB gzipped) and the
// CSS stays under 5 KB gzipped, over the default guide.
func TestBudgets(t *testing.T) {
	_, s := build(t, defaultFS(t), Options{BaseURL: "https://example.org/a/long/sub/path/"})
	const pageBudget, cssBudget = 14 * 1024, 5 * 1024
	var css int64
	var names []string
	for name := range s.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	largest, largestName := int64(0), ""
	for _, name := range names {
		size := publish.GzipSize(s.Files[name])
		switch path.Ext(name) {
		case ".html":
			if size > pageBudget {
				t.Errorf("%s is %d bytes gzipped; budget %d", name, size, pageBudget)
			}
			if size > largest {
				largest, largestName = size, name
			}
		case ".css":
			css += size
		}
	}
	if css > cssBudget {
		t.Errorf("CSS is %d bytes gzipped; budget %d", css, cssBudget)
	}
	t.Logf("largest page %s: %d bytes gzipped (budget %d); CSS %d bytes gzipped (budget %d)", largestName, largest, pageBudget, css, cssBudget)
}

// Pages are read, parsed and rendered on every processor: the files do
// not depend on how many there are or in which order the pages finish.
func TestParallelBuildDeterministic(t *testing.T) {
	fsys := generated(t, 300)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	_, serial := build(t, fsys, Options{BaseURL: "https://example.org/"})
	for _, procs := range []int{2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		_, par := build(t, fsys, Options{BaseURL: "https://example.org/"})
		if len(par.Files) != len(serial.Files) || len(par.Pages) != len(serial.Pages) || len(par.Warnings) != len(serial.Warnings) {
			t.Fatalf("GOMAXPROCS=%d: %d files, %d pages, %d warnings; on one processor %d, %d, %d",
				procs, len(par.Files), len(par.Pages), len(par.Warnings), len(serial.Files), len(serial.Pages), len(serial.Warnings))
		}
		for name, data := range serial.Files {
			if !bytes.Equal(data, par.Files[name]) {
				t.Errorf("GOMAXPROCS=%d: %s differs from the build on one processor", procs, name)
			}
		}
		if !reflect.DeepEqual(par.Pages, serial.Pages) {
			t.Errorf("GOMAXPROCS=%d: the pages are listed differently from the build on one processor", procs)
		}
	}
}

func TestDeterministic(t *testing.T) {
	fsys := defaultFS(t)
	_, a := build(t, fsys, Options{BaseURL: "https://example.org/"})
	_, b := build(t, fsys, Options{BaseURL: "https://example.org/"})
	if len(a.Files) != len(b.Files) {
		t.Fatalf("builds have %d and %d files", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
