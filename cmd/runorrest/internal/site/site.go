// Package site renders a runorrest guide into memory: every page of the
// static site, its bundled assets, robots.txt and (with a base URL)
// sitemap.xml, as a map from file path to content. Writing the map to disk
// is the job of package publish.
//
// The output is flat and uses relative file links only (soreness.html,
// assets/site.1a2b3c4d.css), so it works at a domain root, under any
// sub-path and opened from disk. Every page works without JavaScript: a
// question is a page whose answers are links to the next page.
//
// Source files, all read from the fs.FS rooted at the -src folder:
//
//   - content/tree.yaml: the decision tree (package decision).
//   - content/outcomes/*.md (the pages the tree's outcomes name): the
//     guidance of each outcome. Front matter is optional there. The page
//     is cut at its "##" headings (outcome.go) so that a phone's first
//     screen holds the verdict and what to do today: it shows the text
//     before the first heading (the lead), then the section "What to do
//     today" (the advice, marked data-advice; in a page without that
//     heading, the first section), then the other sections in their
//     order. The last section says when to check again: printed, the page
//     keeps the lead, the advice, the answers given, that last section,
//     the not-medical-advice line, the date and the page's address.
//   - content/*.md: article pages, each with front matter between two "---"
//     lines: title and description (text, required) and order (whole number,
//     optional; the home page lists articles by order, then name). The file
//     name is the page's name: recovery.md becomes recovery.html, so it must
//     be a slug and must not be the id of a question or outcome. Two names
//     are special: index.md, if present, is the home page's introduction,
//     and about.md the about page.
//   - templates/*.html: base.html holds the layout; home, question, outcome,
//     article, about and 404 each define the block "main".
//   - static/site.css, and static/flow.ts if present: bundled by esbuild.
//
// Markdown links between files ([cold](recovery.md#cold), or
// ../recovery.md#cold from outcomes/) are rewritten to the built page
// (recovery.html#cold); a link to a missing page or heading fails the
// build with the file and line. So does raw HTML or an image in a page:
// the site renders neither.
package site

import (
	"errors"
	"html/template"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/decision"
)

// CSP is the Content-Security-Policy of every page, the first element of
// its <head>. No inline script or style, no eval; everything from the site
// itself. Opened from disk, Chromium lets 'self' admit the site's own
// stylesheet and script (file: pages count as their own origin there):
// TestScriptRunsFromDisk measures it, and the browser tests fail on any
// violation, over HTTP and from file://.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

// Notice is shown on every outcome.
const Notice = "This is not medical advice. If pain is severe, sharp or lasts, see a health professional."

// Sentinel errors of the problems Build reports (decision.Problem.Err).
var (
	ErrLink      = errors.New("broken link")
	ErrPageName  = errors.New("bad page name")
	ErrTemplate  = errors.New("template error")
	ErrMarkdown  = errors.New("markdown error")
	ErrAsset     = errors.New("asset error")
	ErrDuplicate = errors.New("duplicate title or description")
)

// Options tune a build. The zero value builds a site for any host.
type Options struct {
	// BaseURL is the absolute URL the site will be served from, such as
	// "https://example.org/guide/". When set, pages get a canonical link
	// and sitemap.xml is written.
	BaseURL string
	// Head adds <link> elements to every page's head (a manifest, icons).
	Head []HeadLink
	// Meta adds <meta name content> elements to every page's head.
	Meta []Meta
	// Image is the path of the guide's icon, shown by link previews
	// (Open Graph and Twitter card tags); "" for none.
	Image string
	// Bundle, if set, replaces bundle.Bundle: runorrest serve passes one
	// that keeps the compiled stylesheet and script while static/ is
	// unchanged.
	Bundle func(fsys fs.FS, entry string) (bundle.Asset, error)
}

// HeadLink is a <link rel href> of every page.
type HeadLink struct{ Rel, Href, Type, Sizes string }

// Meta is a <meta name content> of every page.
type Meta struct{ Name, Content string }

// Site is a rendered site.
type Site struct {
	Files  map[string][]byte // path -> content, e.g. "soreness.html"
	Pages  []Page            // every HTML page, in a fixed order
	CSS    string            // path of the stylesheet
	Script string            // path of the script; "" when static/flow.ts does not exist
	// Warnings are problems worth a look that did not stop the build.
	Warnings decision.Problems
	// Readings is the reading level of every Markdown page, and Reviews
	// the review each records, for check.
	Readings []decision.Reading
	Reviews  []PageReview
}

// Page describes one HTML page of a Site.
type Page struct {
	Path        string // "soreness.html"
	Kind        string // home, question, outcome, article, about, 404
	ID          string // question or outcome id, article slug; "" otherwise
	Title       string
	DocTitle    string    // the page's <title>, unique in the site
	Description string    // its <meta name="description">, never empty
	Reviewed    time.Time // the day of the review the page shows; zero if none
}

// Build renders the guide held by fsys, whose tree has been loaded (and
// checked) as tree. On bad input it returns decision.Problems, one per
// problem, sorted.
func Build(fsys fs.FS, tree *decision.Tree, opts Options) (*Site, error) {
	if opts.BaseURL != "" {
		u, err := url.Parse(opts.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, errors.New("base URL " + opts.BaseURL + " is not an absolute http(s) URL (give one like https://example.org/guide/)")
		}
		if !strings.HasSuffix(opts.BaseURL, "/") {
			opts.BaseURL += "/"
		}
	}
	b := &builder{fsys: fsys, tree: tree, opts: opts, files: map[string][]byte{}}
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); b.loadAssets() }()
	go func() { defer wg.Done(); b.loadTemplates() }()
	go func() { defer wg.Done(); b.drawMap() }()
	b.loadMarkdown()
	wg.Wait()
	if b.failed() {
		return nil, b.problems()
	}
	b.renderPages()
	if b.failed() {
		return nil, b.problems()
	}
	b.writeExtras()
	return &Site{Files: b.files, Pages: b.pages, CSS: b.css, Script: b.script,
		Warnings: b.warnings, Readings: b.readings(), Reviews: b.reviews()}, nil
}

// builder carries one build's state.
type builder struct {
	fsys  fs.FS
	tree  *decision.Tree
	opts  Options
	mu    sync.Mutex
	probs decision.Problems
	// warnings are problems that do not stop the build: pages that share
	// a title or description.
	warnings decision.Problems

	css, script string
	tmpl        map[string]*kindTemplate
	docs        []*mdDoc          // every Markdown source, in a fixed order
	byFile      map[string]*mdDoc // content file -> doc
	pageOf      map[string]string // content file -> built page
	outcomeFile map[string]bool   // content files that are outcome pages
	articles    []*article
	index       *article          // content/index.md, if any
	about       *article          // content/about.md, if any
	help        map[string]*mdDoc // question id -> help
	files       map[string][]byte
	pages       []Page
	mapSVG      template.HTML // the tree drawn for map.html
}

// problem records a problem; safe for concurrent use.
func (b *builder) problem(file string, line, col int, err error, msg, hint string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probs = append(b.probs, &decision.Problem{File: file, Pos: decision.Pos{Line: line, Col: col}, Msg: msg, Hint: hint, Err: err})
}

// failed reports whether a problem has been recorded; safe for concurrent use.
func (b *builder) failed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.probs) > 0
}

// problems returns the recorded problems, sorted by file and position.
func (b *builder) problems() decision.Problems {
	ps := b.probs
	sort.SliceStable(ps, func(i, j int) bool {
		a, c := ps[i], ps[j]
		if a.File != c.File {
			return a.File < c.File
		}
		if a.Pos.Line != c.Pos.Line {
			return a.Pos.Line < c.Pos.Line
		}
		return a.Pos.Col < c.Pos.Col
	})
	// One template mistake shows on every page of its kind: report it once.
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p.Error() == ps[i-1].Error() {
			continue
		}
		out = append(out, p)
	}
	return out
}

// loadAssets bundles the stylesheet and, when it exists, the script.
func (b *builder) loadAssets() {
	bundleFn := bundle.Bundle
	if b.opts.Bundle != nil {
		bundleFn = b.opts.Bundle
	}
	add := func(entry string) string {
		a, err := bundleFn(b.fsys, entry)
		if err != nil {
			var be *bundle.Error
			if errors.As(err, &be) {
				for _, l := range be.Lines {
					b.problemLine(l)
				}
				return ""
			}
			b.problem(entry, 1, 1, ErrAsset, err.Error(), "check the file")
			return ""
		}
		b.mu.Lock()
		b.files[a.Path] = a.Data
		b.mu.Unlock()
		return a.Path
	}
	b.css = add("static/site.css")
	if _, err := fs.Stat(b.fsys, "static/flow.ts"); err == nil {
		b.script = add("static/flow.ts")
	} else if _, err := fs.Stat(b.fsys, "static/offline.ts"); err == nil {
		// No flow: the offline support (which flow.ts imports) goes alone.
		b.script = add("static/offline.ts")
	}
}

// problemLine records a "file:line:col: text" line from the bundler.
func (b *builder) problemLine(l string) {
	file, line, col, msg := splitPosition(l)
	b.problem(file, line, col, ErrAsset, msg, "fix the stylesheet or script")
}

// parallel runs f(0..n-1) on as many goroutines as there are processors.
func parallel(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
