package site

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strings"

	"runorrest/decision"
	"runorrest/decision/readability"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is the one goldmark instance of the program: GFM, footnotes,
// typographer and automatic heading ids. Raw HTML stays off (goldmark's
// default), so a Markdown file cannot inject markup. Built once; goldmark's
// parser and renderer are safe for concurrent use.
var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		// {#cold} after a heading sets its id: a translated page keeps the
		// anchors that other pages link to.
		parser.WithHeadingAttribute(),
		parser.WithASTTransformers(util.Prioritized(linkRewriter{}, 100)),
	),
)

// docKey holds the *mdDoc being parsed in a parser.Context, so the link
// rewriter knows which file it is in and where to record what it finds.
var docKey = parser.NewContextKey()

// mdDoc is one Markdown source: an article, an outcome page or a
// question's help text.
type mdDoc struct {
	file     string // name in messages: "content/recovery.md"
	dir      string // folder links are relative to, inside the -src root: "content/outcomes"
	src      []byte // the Markdown, without front matter
	head     []byte // the front matter, between its --- lines
	newlines []int  // offsets of the newlines in src, once lineAt needs them
	line     int    // line of the file where src starts, minus 1
	fixLine  bool   // src's lines are not the file's: report line+1, col for all (question help)
	col      int    // the column reported when fixLine
	failed   bool   // the file could not be read: links into it are not checked
	pages    map[string]string
	fm       frontMatter
	doc      ast.Node // the parsed Markdown, until renderMarkdown is done with it
	html     template.HTML
	measured bool               // reading holds the page's reading level (not for question help)
	reading  readability.Result // the page's title, description and text
	lead     string             // an outcome page without a description: its first sentences
	parts    *outcomeParts      // an outcome page cut at its headings (outcome.go)
	ids      map[string]string  // heading id -> heading text
	headings []heading
	links    []mdLink
	refused  []refused
}

// refused is Markdown the site does not render: raw HTML, images.
type refused struct {
	line       int
	what, hint string
}

type heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// mdLink is a link found in a Markdown source that points into the site.
type mdLink struct {
	line    int
	col     int
	dest    string // as written
	file    string // target Markdown file in the -src root ("content/recovery.md"); "" for a same-page anchor
	page    string // the built page it points to ("recovery.html"); "" for a same-page anchor
	anchor  string
	direct  bool   // a link to a built page by its .html name, not to a .md file
	invalid bool   // not a URL at all
	scheme  string // a scheme links may not have (javascript, data, ...)
}

// parse parses d.src with the shared instance; the link rewriter fills
// d.ids, d.headings and d.links.
func (d *mdDoc) parse() {
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(docKey, d)
	d.doc = md.Parser().Parse(text.NewReader(d.src), parser.WithContext(pc))
}

// toHTML renders a parsed Markdown document.
func (d *mdDoc) toHTML() (template.HTML, error) { return d.render(d.doc) }

// render renders nodes of the parsed document, one after the other. It is
// the one place where Markdown becomes template.HTML: goldmark escapes text
// and, with raw HTML off, drops any HTML the source holds.
func (d *mdDoc) render(nodes ...ast.Node) (template.HTML, error) {
	var buf bytes.Buffer
	for _, n := range nodes {
		if err := md.Renderer().Render(&buf, d.src, n); err != nil {
			return "", err
		}
	}
	return template.HTML(buf.String()), nil
}

// lineAt is the file's line of byte offset off in d.src.
func (d *mdDoc) lineAt(off int) int {
	if d.fixLine {
		return d.line + 1
	}
	off = max(0, min(off, len(d.src)))
	return d.line + 1 + d.newlinesBefore(off)
}

// newlinesBefore counts the newlines of d.src before offset off, by binary
// search in their offsets, found once: a page with many links costs
// linear time, not a count from the start for each link.
func (d *mdDoc) newlinesBefore(off int) int {
	if d.newlines == nil {
		d.newlines = []int{}
		for i, c := range d.src {
			if c == '\n' {
				d.newlines = append(d.newlines, i)
			}
		}
	}
	n, _ := slices.BinarySearch(d.newlines, off)
	return n
}

// colAt is the file's column (1-based, in bytes) of byte offset off in d.src.
func (d *mdDoc) colAt(off int) int {
	if d.fixLine {
		return d.col
	}
	off = max(0, min(off, len(d.src)))
	if n := d.newlinesBefore(off); n > 0 {
		return off - d.newlines[n-1]
	}
	return off + 1
}

// linkRewriter rewrites links between Markdown files to the built pages
// (recovery.md#cold -> recovery.html#cold) and records every link and
// heading id, so the build can check each link once all files are parsed.
type linkRewriter struct{}

func (linkRewriter) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(docKey).(*mdDoc)
	if d == nil {
		return
	}
	d.ids = map[string]string{}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			ids, _ := id.([]byte)
			line := d.line + 1
			if n.Lines().Len() > 0 {
				line = d.lineAt(n.Lines().At(0).Start)
			}
			h := heading{Level: n.Level, ID: string(ids), Text: plainText(n, src), Line: line}
			d.headings = append(d.headings, h)
			d.ids[h.ID] = h.Text
		case *ast.Link:
			d.rewrite(n)
		case *ast.AutoLink:
			d.checkAutoLink(n, src)
		case *ast.Image:
			d.refused = append(d.refused, refused{d.lineAt(segmentStart(n)), "an image", "the site has no images yet: say it in words"})
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				d.refused = append(d.refused, refused{d.lineAt(n.Segments.At(0).Start), "raw HTML", "write Markdown instead: HTML is not rendered"})
			}
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				d.refused = append(d.refused, refused{d.lineAt(n.Lines().At(0).Start), "raw HTML", "write Markdown instead: HTML is not rendered"})
			}
		}
		return ast.WalkContinue, nil
	})
}

// rewrite records one link and points a link to a Markdown file at its page.
func (d *mdDoc) rewrite(n *ast.Link) {
	dest := string(n.Destination)
	off := segmentStart(n)
	l := mdLink{line: d.lineAt(off), col: d.colAt(off - 1), dest: dest}
	u, err := url.Parse(dest)
	if err != nil {
		l.invalid = true
		d.links = append(d.links, l)
		return
	}
	if !decision.SafeLinkScheme(u.Scheme) {
		l.scheme = u.Scheme
		d.links = append(d.links, l)
		return
	}
	if u.Scheme != "" || u.Host != "" {
		return // external: left as written
	}
	l.anchor = u.Fragment
	switch {
	case u.Path == "":
		// a same-page anchor: "#cold"
	case strings.HasPrefix(u.Path, "/"):
		l.file = u.Path // reported: the site uses relative links only
	case strings.HasSuffix(u.Path, ".md"):
		l.file = path.Join(d.dir, u.Path)
		l.page = d.pages[l.file]
		if l.page != "" {
			nu := url.URL{Path: l.page, Fragment: u.Fragment}
			n.Destination = []byte(nu.String())
		}
	default:
		l.file = path.Join(d.dir, u.Path)
		l.page = u.Path
		l.direct = true
	}
	d.links = append(d.links, l)
}

// checkAutoLink records an autolink (<scheme:...>) whose scheme links may
// not have; the others are left as written.
func (d *mdDoc) checkAutoLink(n *ast.AutoLink, src []byte) {
	dest := string(n.URL(src))
	u, err := url.Parse(dest)
	if err != nil || n.AutoLinkType != ast.AutoLinkURL || decision.SafeLinkScheme(u.Scheme) {
		return
	}
	off := autoLinkStart(n, dest, src)
	d.links = append(d.links, mdLink{line: d.lineAt(off), col: d.colAt(off), dest: dest, scheme: u.Scheme})
}

// autoLinkStart is the source offset of an autolink's <. goldmark keeps no
// position for it, so it is found in the source: the first place after the
// text before it (or its block's start) where its URL is written.
func autoLinkStart(n *ast.AutoLink, dest string, src []byte) int {
	lo := -1
	for p := n.PreviousSibling(); p != nil && lo < 0; p = p.PreviousSibling() {
		lo = lastStop(p)
	}
	if lo < 0 {
		lo = segmentStart(n) // no text before it: its block's first line
	}
	i := bytes.Index(src[lo:], []byte(dest))
	if i < 0 {
		return lo
	}
	if off := lo + i; off > 0 && src[off-1] == '<' {
		return off - 1
	}
	return lo + i
}

// lastStop is the source offset just after the last text inside an inline
// node, or -1 when it holds none.
func lastStop(n ast.Node) int {
	stop := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			stop = max(stop, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return stop
}

// segmentStart is the source offset of the first text inside an inline
// node, or 0 when it has none.
func segmentStart(n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 {
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				return p.Lines().At(0).Start
			}
		}
		return 0
	}
	return off
}

// plainText is the text of an inline tree, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
