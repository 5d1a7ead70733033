package site

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"runorrest/decision"
)

// article is a page made from content/*.md.
type article struct {
	Slug string
	Path string // "recovery.html"
	FM   frontMatter
	doc  *mdDoc
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// pageFile is where a page of the tree (an outcome's page, about.md) is
// in the source folder: in content/, or the folder of a translation.
func (b *builder) pageFile(page string) string {
	if b.tree.Dir == "" { // a tree made in memory
		return path.Join("content", page)
	}
	return b.tree.PageFile(page)
}

// reservedPage names the site's own page an article may not replace, or "".
// index.md and about.md are not articles: they fill the home and about pages.
func reservedPage(slug string) string {
	owner, _ := decision.Reserved(slug)
	return owner
}

// loadMarkdown reads, parses and checks every Markdown source: outcome
// pages, articles and question help. Each is read and parsed once, in
// parallel; links are checked once all are parsed.
func (b *builder) loadMarkdown() {
	b.byFile = map[string]*mdDoc{}
	b.pageOf = map[string]string{}
	b.help = map[string]*mdDoc{}
	b.outcomeFile = map[string]bool{}
	// Outcome pages first: a file that is an outcome's page is not an article.
	for _, o := range b.tree.Outcomes {
		file := b.pageFile(o.Page)
		if _, ok := b.pageOf[file]; !ok {
			b.outcomeFile[file] = true
			b.pageOf[file] = o.ID + ".html"
			b.addDoc(file)
		}
	}
	b.findArticles()
	b.addHelp()

	// Read, parse and render in parallel; each doc is independent. A doc's
	// tree is dropped as soon as it is rendered, so that a large guide
	// never holds the trees of all its pages at once.
	parallel(len(b.docs), func(i int) {
		b.readAndParse(b.docs[i])
		b.renderDoc(b.docs[i])
	})
	for _, a := range b.all() {
		if a.doc != nil {
			a.FM = a.doc.fm
		}
	}
	for _, d := range b.docs {
		b.checkDoc(d)
	}
	if b.failed() {
		return
	}
	sort.SliceStable(b.articles, func(i, j int) bool {
		if b.articles[i].FM.Order != b.articles[j].FM.Order {
			return b.articles[i].FM.Order < b.articles[j].FM.Order
		}
		return b.articles[i].Slug < b.articles[j].Slug
	})
}

// findArticles registers every content/*.md that is not an outcome's page:
// index.md and about.md fill the home and about pages, every other file is
// an article, whose name must be a slug that no question, outcome or page
// of the site has.
func (b *builder) findArticles() {
	ids := map[string]string{} // page name -> what it is, for collisions
	for _, q := range b.tree.Questions {
		ids[q.ID] = fmt.Sprintf("the question %s (%s:%d:%d)", q.ID, b.tree.File, q.Pos.Line, q.Pos.Col)
	}
	for _, o := range b.tree.Outcomes {
		ids[o.ID] = fmt.Sprintf("the outcome %s (%s:%d:%d)", o.ID, b.tree.File, o.Pos.Line, o.Pos.Col)
	}
	names, _ := fs.Glob(b.fsys, b.pageFile("*.md"))
	sort.Strings(names)
	for _, file := range names {
		if _, ok := b.pageOf[file]; ok {
			continue
		}
		slug := strings.TrimSuffix(path.Base(file), ".md")
		a := &article{Slug: slug, Path: slug + ".html"}
		switch {
		case slug == "index":
			b.index = a
		case slug == "about":
			b.about = a
		case !slugRE.MatchString(slug):
			b.problem(file, 1, 1, ErrPageName, fmt.Sprintf("file name %q is not a slug", path.Base(file)), "rename it to lower-case words joined by hyphens, like foam-rolling.md")
			continue
		case ids[slug] != "":
			b.problem(file, 1, 1, ErrPageName, fmt.Sprintf("page %s.html would take the name of %s", slug, ids[slug]), "rename the file or the id")
			continue
		case reservedPage(slug) != "":
			b.problem(file, 1, 1, ErrPageName, fmt.Sprintf("page %s.html would take the name of %s", slug, reservedPage(slug)), "rename the file")
			continue
		default:
			b.articles = append(b.articles, a)
		}
		b.pageOf[file] = a.Path
		a.doc = b.addDoc(file)
	}
}

// addHelp registers the Markdown help of every question: one doc per
// shared question, however many steps ask it, placed where its words are
// written in the tree file.
func (b *builder) addHelp() {
	shared := map[string]*mdDoc{}
	for _, q := range b.tree.Questions {
		if q.Help == "" {
			continue
		}
		if d := shared[q.Ask]; d != nil {
			b.help[q.ID] = d
			continue
		}
		pos := q.Pos
		if s := b.tree.SharedQuestion(q.Ask); q.Ask != "" && s != nil {
			pos = s.Pos
		}
		d := &mdDoc{file: b.tree.File, dir: path.Dir(b.tree.File), src: []byte(q.Help), line: pos.Line - 1, col: pos.Col, fixLine: true, pages: b.pageOf}
		if q.Ask != "" {
			shared[q.Ask] = d
		}
		b.help[q.ID] = d
		b.docs = append(b.docs, d)
	}
}

// renderDoc renders a parsed doc to HTML, splits an outcome's guidance
// into its parts, measures a page's reading level, and then drops the
// parsed tree. The HTML is used only if every doc passes its checks.
func (b *builder) renderDoc(d *mdDoc) {
	if d.doc == nil {
		return // not read
	}
	h, err := d.toHTML()
	if err == nil && b.outcomeFile[d.file] {
		d.parts, err = d.splitOutcome()
	}
	if err != nil {
		b.problem(d.file, d.line+1, 1, ErrMarkdown, err.Error(), "fix the Markdown")
	}
	d.html = h
	d.measure(b.outcomeFile[d.file], b.tree.ReadingFormula())
	d.doc = nil // all the build needs of it is taken
}

// all is every article-like page: the articles, index.md and about.md.
func (b *builder) all() []*article {
	all := slices.Clone(b.articles)
	for _, a := range []*article{b.index, b.about} {
		if a != nil {
			all = append(all, a)
		}
	}
	return all
}

// addDoc registers a Markdown file to read.
func (b *builder) addDoc(file string) *mdDoc {
	d := &mdDoc{file: file, dir: path.Dir(file), pages: b.pageOf}
	b.byFile[file] = d
	b.docs = append(b.docs, d)
	return d
}

// readAndParse reads a file's front matter and parses its Markdown.
func (b *builder) readAndParse(d *mdDoc) {
	if d.src == nil {
		data, rp := decision.ReadFile(b.fsys, d.file, decision.MaxPageBytes, "the page")
		if rp != nil {
			b.problem(d.file, 1, 1, rp.Err, rp.Msg, rp.Hint)
			d.src, d.failed = []byte{}, true
			return
		}
		// Refused before goldmark sees it: what goldmark would take
		// more than linear time on, and characters no page may hold.
		if p := decision.CheckMarkdown(data); p != nil {
			b.problem(d.file, p.Pos.Line, p.Pos.Col, p.Err, p.Msg, p.Hint)
			d.src, d.failed = []byte{}, true
			return
		}
		head, body, line, has, p := splitFrontMatter(data)
		if p != nil {
			b.problem(d.file, p.Line, p.Col, ErrFrontMatter, p.Msg, p.Hint)
			d.src, d.failed = []byte{}, true
			return
		}
		_, isArticle := b.articlePage(d.file)
		if has || isArticle {
			fm, probs := parseFrontMatter(head, isArticle)
			for _, p := range probs {
				b.problem(d.file, p.Line, p.Col, ErrFrontMatter, p.Msg, p.Hint)
			}
			d.fm = fm
		}
		d.src, d.line, d.head = body, line, head
	}
	d.parse()
}

// articlePage reports the page of a content file that is an article (or
// the home or about page), not an outcome's guidance.
func (b *builder) articlePage(file string) (string, bool) {
	p := b.pageOf[file]
	if p == "" || b.outcomeFile[file] {
		return "", false
	}
	return p, true
}

// checkDoc checks a parsed doc's links and headings.
func (b *builder) checkDoc(d *mdDoc) {
	for _, h := range d.headings {
		if h.Level == 1 {
			b.problem(d.file, h.Line, 1, ErrMarkdown, "a page has one h1, its title, and this is a second one", "start headings at ## here")
		}
	}
	for _, l := range d.links {
		b.checkLink(d, l)
	}
	for _, r := range d.refused {
		b.problem(d.file, r.line, 1, ErrMarkdown, r.what+" is not allowed in a page", r.hint)
	}
}

// checkLink checks that a link points to a page that will exist and, with
// #, to a heading in it.
func (b *builder) checkLink(d *mdDoc, l mdLink) {
	bad := func(msg, hint string) { b.problem(d.file, l.line, l.col, ErrLink, msg, hint) }
	switch {
	case l.invalid:
		bad(fmt.Sprintf("link %q is not a valid URL", l.dest), "escape spaces and % signs, or link to a file such as recovery.md")
	case l.scheme != "":
		bad(fmt.Sprintf("link %q has the scheme %s:, which the site does not allow", l.dest, l.scheme), "link with http, https, mailto or tel, or to a file such as recovery.md")
	case l.file == "":
		if _, ok := d.ids[l.anchor]; !ok {
			bad(fmt.Sprintf("link %q names no heading of this page", l.dest), hint(d))
		}
	case strings.HasPrefix(l.file, "/"):
		bad(fmt.Sprintf("link %q starts with /", l.dest), "link relative to this file, like recovery.md, so the site works under any path")
	case l.direct:
		if !b.builtPage(l.page) {
			bad(fmt.Sprintf("link %q names no page of the site", l.dest), "link to a Markdown file (recovery.md) or a built page (soreness.html)")
		}
	case l.page == "" && b.leavesLanguage(l.file):
		bad(fmt.Sprintf("link %q leaves the %s pages: %s is not in %s/", l.dest, b.tree.Lang, l.file, b.tree.Dir),
			fmt.Sprintf("link to the %s page, %s, relative to this file", b.tree.Lang, b.tree.PageFile(path.Base(l.file))))
	case l.page == "":
		bad(fmt.Sprintf("link %q names a missing page (%s is not a page of the guide)", l.dest, l.file), "link to a file in content/ such as recovery.md, relative to this file")
	case l.anchor != "":
		t := b.byFile[l.file]
		if _, ok := t.ids[l.anchor]; !ok && !t.failed {
			bad(fmt.Sprintf("link %q names no heading of %s", l.dest, l.file), hint(t))
		}
	}
}

// leavesLanguage reports whether a link from a page of a translation to
// file reaches out of the translation's folder: links stay inside their
// language (the language switch leads to the others).
func (b *builder) leavesLanguage(file string) bool {
	return b.tree.Original != nil && !strings.HasPrefix(file, b.tree.Dir+"/")
}

// builtPage reports whether name is the name of a page of the site.
func (b *builder) builtPage(name string) bool {
	id := strings.TrimSuffix(name, ".html")
	if _, ok := decision.Reserved(id); ok {
		return true // the site's own pages: home, about, map, 404
	}
	if b.tree.Question(id) != nil || b.tree.Outcome(id) != nil {
		return true
	}
	for _, a := range b.articles {
		if a.Path == name {
			return true
		}
	}
	return false
}

// hint lists the heading ids a link into d may use.
func hint(d *mdDoc) string {
	if len(d.headings) == 0 {
		return d.file + " has no headings"
	}
	var ids []string
	for _, h := range d.headings {
		ids = append(ids, "#"+h.ID)
	}
	return "its headings are " + strings.Join(ids, ", ")
}
