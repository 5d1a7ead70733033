// Package site is the pages stage of the build (package pipeline runs it):
// [Read] reads and checks the words every page is made of, [Content.Render]
// renders every page of the static site, robots.txt, the tree for the flow
// script and (with a base URL) sitemap.xml into memory, as a map from file
// path to content. The stylesheet and the script are compiled by package
// bundle, the offline files added by package offline, and the files
// written by package publish.
//
// The output uses relative file links only (soreness.html,
// assets/site.1a2b3c4d.css), so it works at a domain root, under any
// sub-path and opened from disk. The original language's pages are at the
// root, each other language's in a folder of its tag (langs.go, [Render]). Every page works without JavaScript: a
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
//     lines: title and description (text, required), order (whole number,
//     optional; the home page lists articles by order, then name), and
//     reviewed and reviewer (the page's last review, optional, together;
//     go doc runorrest/decision, # Reviews). Outcome pages take the same
//     keys, all optional. The file
//     name is the page's name: recovery.md becomes recovery.html, so it must
//     be a slug and must not be the id of a question or outcome. Two names
//     are special: index.md, if present, is the home page's introduction,
//     and about.md the about page.
//   - templates/*.html: base.html holds the layout and the "notice" block
//     that outcome and question pages show; home, question, outcome,
//     article, about and 404 each define the block "main".
//   - templates/ui.yaml: the site's own words, by message id (ui.go;
//     go doc runorrest/decision, # Site words).
//   - the compiled stylesheet and script (package bundle), which every page
//     names by the paths given in Options.
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
	"runtime"
	"sync"
	"sync/atomic"
	"time"

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

// Sentinel errors of the problems Build reports (decision.Problem.Err).
var (
	ErrLink      = errors.New("broken link")
	ErrPageName  = errors.New("bad page name")
	ErrTemplate  = errors.New("template error")
	ErrMarkdown  = errors.New("markdown error")
	ErrAsset     = errors.New("asset error")
	ErrDuplicate = errors.New("duplicate title or description")
)

// Options tune the rendering of the pages. The zero value renders pages
// for any host, without a stylesheet or a script.
type Options struct {
	// BaseURL is the absolute URL the site will be served from, ending in
	// "/", such as "https://example.org/guide/" (package pipeline checks
	// it). When set, pages get a canonical link and sitemap.xml is written.
	BaseURL string
	// CSS and Script are the paths of the compiled stylesheet and script
	// (package bundle) every page loads; Script may be "".
	CSS, Script string
	// Head adds <link> elements to every page's head (a manifest, icons).
	Head []HeadLink
	// Meta adds <meta name content> elements to every page's head.
	Meta []Meta
	// Image is the path of the guide's icon, shown by link previews
	// (Open Graph and Twitter card tags); "" for none.
	Image string
	// MaxBytes, when not 0, stops the rendering once the pages rendered
	// hold more bytes than this: the site is refused anyway (package
	// pipeline's size limit), and a guide of a million pages must not be
	// rendered in full to learn it. Site.Over then says so.
	MaxBytes int
}

// HeadLink is a <link rel href> of every page.
type HeadLink struct{ Rel, Href, Type, Sizes string }

// Meta is a <meta name content> of every page. With Path, Content is a
// path from the root of the site, as the pages of each language must
// write it (sw.js, ../sw.js).
type Meta struct {
	Name, Content string
	Path          bool
}

// Site is a rendered site.
type Site struct {
	Files map[string][]byte // path -> content, e.g. "soreness.html"
	Pages []Page            // every HTML page, in a fixed order
	// Warnings are problems worth a look that did not stop the build:
	// pages that share a title or a description.
	Warnings decision.Problems
	// Over is set when the rendering stopped at Options.MaxBytes: Files
	// then holds only the pages rendered before.
	Over bool
}

// Page describes one HTML page of a Site.
type Page struct {
	Path        string // "soreness.html", "es/soreness.html"
	Lang        string // the language of its words: "en", "es"
	Kind        string // home, question, outcome, article, about, 404
	ID          string // question or outcome id, article slug; "" otherwise
	Title       string
	DocTitle    string    // the page's <title>, unique in the site
	Description string    // its <meta name="description">, never empty
	Reviewed    time.Time // the day of the review the page shows; zero if none
}

// Content is the guide's words, read and checked, ready to render: the
// templates, every Markdown page and the map of the tree.
type Content struct{ b *builder }

// Read reads and checks everything the pages are made of: the templates,
// the Markdown of every outcome, article and question help, and the map.
// fsys is the source folder; tree has been loaded (and checked). On bad
// input it returns decision.Problems, one per problem, sorted.
func Read(fsys fs.FS, tree *decision.Tree) (*Content, error) {
	b := &builder{fsys: fsys, tree: tree, content: &content{}}
	if !b.loadUI() {
		return nil, b.problems()
	}
	var wg sync.WaitGroup
	wg.Go(b.loadTemplates)
	wg.Go(b.drawMap)
	b.loadMarkdown()
	wg.Wait()
	if b.failed() {
		return nil, b.problems()
	}
	return &Content{b}, nil
}

// Render renders the guide in its one language: Render([]*Content{c}, opts).
func (c *Content) Render(opts Options) (*Site, error) { return Render([]*Content{c}, opts) }

// HomeDescription is the description of the home page in the language of
// the words: an app's description in its manifest.
func (c *Content) HomeDescription() string {
	if c.b.index != nil && c.b.index.FM.Description != "" {
		return c.b.index.FM.Description
	}
	return c.b.fallbackDescription("home")
}

// Readings measures the reading level of every Markdown page: its front
// matter's title and description, and its text.
func (c *Content) Readings() []decision.Reading { return c.b.readings() }

// Reviews lists the review every Markdown page records.
func (c *Content) Reviews() []PageReview { return c.b.reviews() }

// builder carries the state of Read, then of one Render.
type builder struct {
	fsys  fs.FS
	tree  *decision.Tree
	mu    sync.Mutex
	probs decision.Problems
	*content

	opts  Options // Render's
	lang  Lang    // the language rendered, and where its pages go
	langs []Lang  // every language of the site, the original first
	files map[string][]byte
	pages []Page
	size  *atomic.Int64 // bytes rendered so far, in every language
	// warnings are problems that do not stop the build: pages that share
	// a title or description.
	warnings decision.Problems
}

// content is what Read finds, and Render uses.
type content struct {
	tmpl        map[string]*kindTemplate
	ui          words             // the catalogue of the site's words (ui.go)
	docs        []*mdDoc          // every Markdown source, in a fixed order
	byFile      map[string]*mdDoc // content file -> doc
	pageOf      map[string]string // content file -> built page
	outcomeFile map[string]bool   // content files that are outcome pages
	articles    []*article
	index       *article          // content/index.md, if any
	about       *article          // content/about.md, if any
	help        map[string]*mdDoc // question id -> help
	mapSVG      template.HTML     // the tree drawn for map.html
	mapList     *mapItem          // the tree as nested lists, for map.html on a phone
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
	decision.SortProblems(ps)
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
