package offline_test

import (
	"context"
	"encoding/json"
	"html"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/cmd/runorrest/internal/offline"
	"runorrest/cmd/runorrest/internal/pipeline"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
)

// repoRoot is the source folder of the real guide.
const repoRoot = "../../../.."

// guide is one build of the real guide.
type guide struct {
	tree  *decision.Tree
	files map[string][]byte
}

// source copies the guide's source folders into memory, read once.
var source = sync.OnceValues(func() (fstest.MapFS, error) {
	m := fstest.MapFS{}
	root := os.DirFS(repoRoot)
	for _, dir := range []string{"content", "templates", "static"} {
		err := fs.WalkDir(root, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, name)
			m[name] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return m, nil
})

// build builds the real guide, as "runorrest build" does. A non-empty
// suffix is added to the guide's title and a rule to its stylesheet, so
// that two builds differ on every page and in their assets.
func build(t *testing.T, suffix string) guide {
	t.Helper()
	orig, err := source()
	if err != nil {
		t.Fatal(err)
	}
	src := maps.Clone(orig)
	if suffix != "" {
		css := src["static/site.css"].Data
		src["static/site.css"] = &fstest.MapFile{Data: append(slices.Clip(css), "\n.build-marker{color:red}\n"...)}
	}
	tree, err := decision.Load(src, decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tree.Title += suffix
	r, err := pipeline.BuildTree(context.Background(), src, tree, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return guide{tree, r.Files}
}

// buildSiteOnly builds the real guide's pages and assets without the
// offline stage: pages that name no worker.
func buildSiteOnly(t *testing.T) map[string][]byte {
	t.Helper()
	src, err := source()
	if err != nil {
		t.Fatal(err)
	}
	tree, err := decision.Load(src, decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	content, err := site.Read(src, tree)
	if err != nil {
		t.Fatal(err)
	}
	assets, err := bundle.Pages(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.Render(site.Options{CSS: assets.CSS, Script: assets.Script})
	if err != nil {
		t.Fatal(err)
	}
	maps.Copy(s.Files, assets.Files)
	return s.Files
}

// nodes are the ids of every question and outcome.
func (g guide) nodes() []string {
	var ids []string
	for _, q := range g.tree.Questions {
		ids = append(ids, q.ID)
	}
	for _, o := range g.tree.Outcomes {
		ids = append(ids, o.ID)
	}
	return ids
}

var titleRE = regexp.MustCompile(`<title>([^<]*)</title>`)

// title is the <title> of a built page.
func (g guide) title(t *testing.T, name string) string {
	t.Helper()
	m := titleRE.FindSubmatch(g.files[name])
	if m == nil {
		t.Fatalf("%s has no <title>", name)
	}
	return html.UnescapeString(string(m[1]))
}

// cacheName is the cache this build's worker fills under srv.
func (g guide) cacheName(srv *guideServer) string {
	return offline.CacheName(g.tree.Title, srv.url(""), offline.Version(offline.Precache(g.files)))
}

func pages(files map[string][]byte) []string {
	var names []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// TestEveryPageHasTheHooks checks the real build: every page links the
// icons and the theme colour and loads a script that registers sw.js, and
// the manifest describes the guide.
func TestEveryPageHasTheHooks(t *testing.T) {
	g := build(t, "")
	scriptRE := regexp.MustCompile(`<script defer src="([^"]+)"></script>`)
	for _, name := range pages(g.files) {
		page := string(g.files[name])
		for _, want := range []string{
			`<meta name="theme-color" content="` + offline.DefaultThemeColor + `">`,
			`<meta name="` + offline.WorkerMeta + `" content="` + offline.WorkerFile + `">`,
			`<link rel="apple-touch-icon" href="` + offline.AppleTouchIcon + `"`,
			`<link rel="icon" href="` + offline.Icon192 + `"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		scripts := scriptRE.FindAllStringSubmatch(page, -1)
		if scripts == nil {
			t.Errorf("%s loads no script", name)
			continue
		}
		if !slices.ContainsFunc(scripts, func(m []string) bool {
			return strings.Contains(string(g.files[m[1]]), `meta[name="offline-worker"]`)
		}) {
			t.Errorf("%s: none of its scripts registers sw.js (does static/flow.ts import \"./offline\"?)", name)
		}
	}
	var m struct{ Name, Description string }
	if err := json.Unmarshal(g.files[offline.ManifestFile], &m); err != nil {
		t.Fatal(err)
	}
	if m.Name != g.tree.Title || m.Description == "" {
		t.Errorf("manifest name %q, description %q; want %q and a description", m.Name, m.Description, g.tree.Title)
	}
}

// TestCSPAllowsOffline: the pages' policy lets the worker and the manifest
// load from the site itself.
func TestCSPAllowsOffline(t *testing.T) {
	directives := map[string][]string{}
	for _, d := range strings.Split(site.CSP, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			directives[f[0]] = f[1:]
		}
	}
	for _, name := range []string{"worker-src", "manifest-src"} {
		sources, ok := directives[name]
		if !ok {
			sources = directives["default-src"]
		}
		if !slices.Contains(sources, "'self'") {
			t.Errorf("site.CSP %q does not allow %s 'self'", site.CSP, name)
		}
	}
}

// BenchmarkBuild is "runorrest build" of the real guide in memory, the
// offline files included.
func BenchmarkBuild(b *testing.B) {
	src, err := source()
	if err != nil {
		b.Fatal(err)
	}
	tree, err := decision.Load(src, decision.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := pipeline.BuildTree(context.Background(), src, tree, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
