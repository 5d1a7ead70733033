package site

import (
	"bytes"
	"html/template"
	"maps"
	"regexp"
	"strconv"
	"sync"

	"runorrest/decision"
)

// kinds are the page kinds; each has templates/KIND.html defining "main".
var kinds = []string{"home", "question", "outcome", "article", "about", "map", "404"}

// kindTemplate is the base layout with one kind's "main".
type kindTemplate = template.Template

// loadTemplates parses templates/base.html once and, for each page kind, a clone of it
// with that kind's file, and checks that the catalogue has every message
// they use.
func (b *builder) loadTemplates() {
	base, err := template.New("base.html").Funcs(b.ui.funcs()).ParseFS(b.fsys, "templates/base.html")
	if err != nil {
		b.templateProblem(err)
		return
	}
	if base.Lookup("base") == nil {
		b.problem("templates/base.html", 1, 1, ErrTemplate, `no template "base" is defined`, `wrap the layout in {{define "base"}} ... {{end}}`)
		return
	}
	b.tmpl = map[string]*kindTemplate{}
	used := map[string]string{}
	for _, k := range kinds {
		t, err := base.Clone()
		if err == nil {
			_, err = t.ParseFS(b.fsys, "templates/"+k+".html")
		}
		if err != nil {
			b.templateProblem(err)
			continue
		}
		b.tmpl[k] = t
		maps.Copy(used, templateMessages(t))
	}
	b.checkMessages(used)
}

// tmplErrRE matches html/template's "template: NAME:LINE:COL: text" (COL optional).
var tmplErrRE = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateProblem records a template error with its file and line.
func (b *builder) templateProblem(err error) {
	msg := err.Error()
	if m := tmplErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		b.problem("templates/"+m[1], line, max(col, 1), ErrTemplate, m[4], "fix the template")
		return
	}
	b.problem("templates", 1, 1, ErrTemplate, msg, "check the files in templates/")
}

// siteData is what every page knows of the site.
type siteData struct {
	Title, Lang, CSP string
	BaseURL          string // the -base-url, to make link-preview images absolute; "" for none
	CSS, Script      string
	FlowTree         string // path of the tree for the script (flowdata.go); "" without one
	Start            string // the first question's page
	HasIcon          bool   // Links has an icon; else an empty one stops requests for /favicon.ico
	Links            []HeadLink
	Meta             []Meta

	// The parts that are the same on every page, rendered once per build
	// from the templates site-head-top, site-head, site-header, site-foot.
	HeadTop, Head, Header, Foot template.HTML
}

// renderShared renders the parts of the layout that every page shares.
func (b *builder) renderShared(sd *siteData) {
	t := b.tmpl["home"]
	for _, part := range []struct {
		name string
		dst  *template.HTML
	}{{"site-head-top", &sd.HeadTop}, {"site-head", &sd.Head}, {"site-header", &sd.Header}, {"site-foot", &sd.Foot}} {
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, part.name, sd); err != nil {
			b.templateProblem(err)
			continue
		}
		*part.dst = template.HTML(buf.String())
	}
}

// pageData is the data of one page's template.
type pageData struct {
	Site        *siteData
	Kind        string
	Path        string
	Title       string
	Description string
	Canonical   string
	BaseHref    string // the <base> of 404.html: see notFoundBase
	Body        template.HTML
	Notice      string
	Question    *questionView
	Outcome     *outcomeView
	Articles    []*article
	Map         template.HTML       // the tree as SVG, on map.html
	MapList     *mapItem            // the tree as nested lists, on map.html
	Reviewers   []Reviewer          // on the about page
	Verdicts    []*decision.Verdict // the map's legend, on map.html
	Alternates  []alternate         // the page in every language, with x-default; none in one language
	Switch      []switchLink        // the language switch; none in one language
	headMeta
}

type questionView struct {
	*decision.Question
	HelpHTML template.HTML
	Choices  []choice
}

// choice is one link of a question page: an option, or a value of a scale.
type choice struct {
	Label string
	Next  string
	Href  string
	Value int
}

type outcomeView struct {
	*decision.Outcome
	V        *decision.Verdict
	Parts    *outcomeParts
	Sections []section
}

// section is a link from an outcome to a heading of an article.
type section struct{ Href, Title string }

// renderPages renders every page, in parallel, into b.files.
func (b *builder) renderPages() {
	sd := b.siteData()
	b.renderShared(sd)
	if b.failed() {
		return
	}
	pages := b.pageData(sd)
	b.warnings = append(b.warnings, duplicateWarnings(pages)...)
	b.execute(pages)
}

// siteData is what every page of this build knows of the site.
func (b *builder) siteData() *siteData {
	up := b.lang.up()
	sd := &siteData{
		Title: b.tree.Title, Lang: b.lang.Tag, CSP: CSP, CSS: up + b.opts.CSS, Script: b.opts.Script, BaseURL: b.opts.BaseURL,
		Start:    b.tree.Start + ".html",
		FlowTree: b.flowTree(),
	}
	if sd.Script != "" {
		sd.Script = up + sd.Script
	}
	if b.opts.CSS == "" {
		sd.CSS = ""
	}
	for _, h := range b.opts.Head {
		sd.HasIcon = sd.HasIcon || h.Rel == "icon"
		h.Href = up + h.Href
		sd.Links = append(sd.Links, h)
	}
	for _, m := range b.opts.Meta {
		if m.Path {
			m.Content = up + m.Content
		}
		sd.Meta = append(sd.Meta, m)
	}
	return sd
}

// pageData lists every page with its data, in the site's order: home,
// questions, outcomes, articles, about, the map and 404.
func (b *builder) pageData(sd *siteData) []*pageData {
	var pages []*pageData
	treeReview := newReviewView(b.ui, b.tree.Review, b.tree.ReviewInterval)
	after := questionAfter(b.tree)
	// add completes a page's data; own is the review its source records.
	add := func(p *pageData, own decision.Review) {
		b.completePage(p, own, sd, treeReview, after)
		pages = append(pages, p)
	}
	home := &pageData{Kind: "home", Path: "index.html", Title: b.tree.Title, Articles: b.articles}
	var homeReview decision.Review
	if b.index != nil {
		home.Body, home.Description, homeReview = b.index.doc.html, b.index.FM.Description, b.index.FM.Review
		home.descAt = docSource(b.index.doc, "description")
	}
	add(home, homeReview)
	for _, q := range b.tree.Questions {
		at := source{b.tree.File, q.Pos}
		add(&pageData{Kind: "question", Path: q.ID + ".html", Title: q.Text, Question: b.questionView(q),
			headMeta: headMeta{titleAt: at, descAt: at}}, decision.Review{})
	}
	for _, o := range b.tree.Outcomes {
		d := b.byFile[b.pageFile(o.Page)]
		desc := d.fm.Description
		if desc == "" {
			desc = outcomeDescription(d, o, b.tree.Verdict(o.Verdict))
		}
		add(&pageData{Kind: "outcome", Path: o.ID + ".html", Title: o.Title, Description: desc,
			Body: d.html, Outcome: &outcomeView{Outcome: o, V: b.tree.Verdict(o.Verdict), Parts: d.parts, Sections: b.sections(d)},
			headMeta: headMeta{titleAt: source{b.tree.File, o.Pos}, descAt: docSource(d, "description")}}, d.fm.Review)
	}
	for _, a := range b.articles {
		add(&pageData{Kind: "article", Path: a.Path, Title: a.FM.Title, Description: a.FM.Description, Body: a.doc.html,
			headMeta: headMeta{titleAt: docSource(a.doc, "title"), descAt: docSource(a.doc, "description")}}, a.FM.Review)
	}
	about := &pageData{Kind: "about", Path: "about.html", Title: b.ui.text("about")}
	var aboutReview decision.Review
	if b.about != nil {
		about.Title, about.Description, about.Body, aboutReview = b.about.FM.Title, b.about.FM.Description, b.about.doc.html, b.about.FM.Review
		about.titleAt, about.descAt = docSource(b.about.doc, "title"), docSource(b.about.doc, "description")
	}
	add(&pageData{Kind: "map", Path: "map.html", Title: b.ui.text("map-title"),
		Description: b.ui.text("map-description"), Map: b.mapSVG, MapList: b.mapList, Verdicts: b.tree.Verdicts}, decision.Review{})
	add(&pageData{Kind: "404", Path: "404.html", Title: b.ui.text("not-found-title"), BaseHref: b.baseHref()}, decision.Review{})
	add(about, aboutReview)
	about.Reviewers = reviewers(b.ui, b.tree, pages)
	// Keep the pages in their usual order: about before the map and 404.
	n := len(pages)
	pages[n-3], pages[n-2], pages[n-1] = pages[n-1], pages[n-3], pages[n-2]
	return pages
}

// NotFoundBase is the <base> of 404.html when no base URL is given: the root
// of the host. A host answers 404.html for a missing address at any depth
// (/a/b/missing), where the page's relative links would point into the
// missing folder; a base makes them resolve from one place. With a base URL
// that place is the guide's own folder. Without one it is the host's root,
// where Netlify, Cloudflare Pages, Vercel and custom domains put a site; a
// guide under a sub-path (a GitHub Pages project site) needs -base-url for
// its 404 page. The service worker knows its scope and, when it answers
// with 404.html, puts it in place of this base (static/sw.ts).
const NotFoundBase = "/"

// notFoundBase is the <base> of 404.html for a build with baseURL.
func notFoundBase(baseURL string) string {
	if baseURL != "" {
		return baseURL
	}
	return NotFoundBase
}

// completePage fills what every page has: the site, the notice, its
// canonical URL, its document title and description, its review and its
// structured data.
func (b *builder) completePage(p *pageData, own decision.Review, sd *siteData, treeReview *reviewView, after map[string][]string) {
	p.Site, p.Notice = sd, b.ui.text("notice")
	if b.opts.BaseURL != "" && p.Kind != "404" {
		p.Canonical = b.pageURL(b.lang, p.Path, true)
	}
	b.langLinks(p)
	p.DocTitle = p.Title + " · " + b.tree.Title
	p.OGType = "article"
	switch p.Kind {
	case "home":
		p.DocTitle, p.OGType = b.tree.Title, "website"
	case "question":
		q := p.Question.Question
		p.DocTitle = questionTitle(b.ui, q, after[q.ID]) + " · " + b.tree.Title
		p.Description = questionDescription(b.ui, q, after[q.ID])
		p.Robots = "noindex"
	}
	if p.Description == "" {
		p.Description = b.fallbackDescription(p.Kind)
	}
	p.Image = b.opts.Image
	if p.Image != "" && b.opts.BaseURL == "" {
		p.Image = b.lang.up() + p.Image // relative, from the language's folder
	}
	if p.Review, p.ownReview = newReviewView(b.ui, own, b.tree.ReviewInterval), true; p.Review == nil && p.Kind != "404" && !b.hasOwnPage(p.Kind) {
		p.Review, p.ownReview = treeReview, false
	}
	if p.Kind != "404" {
		p.JSONLD = b.jsonLD(p)
	}
}

// over reports whether the pages rendered so far are over Options.MaxBytes.
func (b *builder) over() bool {
	return b.opts.MaxBytes > 0 && b.size.Load() > int64(b.opts.MaxBytes)
}

// pageBuffers are the buffers pages are rendered into, reused.
var pageBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 16<<10)) }}

// execute renders every page with its kind's template, in parallel, into
// b.files, and lists it in b.pages.
func (b *builder) execute(pages []*pageData) {
	out := make([][]byte, len(pages))
	parallel(len(pages), func(i int) {
		if b.over() {
			return
		}
		p := pages[i]
		buf := pageBuffers.Get().(*bytes.Buffer)
		defer pageBuffers.Put(buf)
		buf.Reset()
		if err := b.tmpl[p.Kind].ExecuteTemplate(buf, "base", p); err != nil {
			b.templateProblem(err)
			return
		}
		// A page keeps only its own bytes: a large guide holds every
		// page in memory until it is written.
		out[i] = bytes.Clone(buf.Bytes())
		b.size.Add(int64(len(out[i])))
	})
	for i, p := range pages {
		if out[i] == nil {
			continue // not rendered: over the size limit or failed
		}
		b.files[b.lang.Dir+p.Path] = out[i]
		id := ""
		switch {
		case p.Question != nil:
			id = p.Question.ID
		case p.Outcome != nil:
			id = p.Outcome.ID
		case p.Kind == "article":
			id = p.Path[:len(p.Path)-len(".html")]
		}
		page := Page{Path: b.lang.Dir + p.Path, Lang: b.lang.Tag, Kind: p.Kind, ID: id, Title: p.Title, DocTitle: p.DocTitle, Description: p.Description}
		if p.Review != nil {
			page.Reviewed = p.Review.date
		}
		b.pages = append(b.pages, page)
	}
}

// questionView lays out a question's choices: its options, or one link per
// value of a scale, to the next node of the option covering that value.
func (b *builder) questionView(q *decision.Question) *questionView {
	v := &questionView{Question: q}
	if d := b.help[q.ID]; d != nil {
		v.HelpHTML = d.html
	}
	if q.Scale == nil {
		for _, o := range q.Options {
			v.Choices = append(v.Choices, choice{Label: o.Label, Next: o.Next, Href: o.Next + ".html"})
		}
		return v
	}
	for n := q.Scale.Min; n <= q.Scale.Max; n++ {
		for _, o := range q.Options {
			if o.Lo <= n && n <= o.Hi {
				v.Choices = append(v.Choices, choice{Label: o.Label, Next: o.Next, Href: o.Next + ".html", Value: n})
				break
			}
		}
	}
	return v
}

// sections lists the article headings an outcome's guidance links to, in
// the order it names them, each once.
func (b *builder) sections(d *mdDoc) []section {
	var s []section
	seen := map[string]bool{}
	for _, l := range d.links {
		if l.anchor == "" || l.direct || l.file == "" || b.outcomeFile[l.file] {
			continue
		}
		href := l.page + "#" + l.anchor
		if seen[href] {
			continue
		}
		seen[href] = true
		title := b.byFile[l.file].ids[l.anchor]
		s = append(s, section{Href: href, Title: title})
	}
	return s
}

// hasOwnPage reports whether a page of this kind is made from a Markdown
// page of its own that records its own review: an outcome, an article, the
// about page, or the home page when content/index.md exists. Other pages
// (questions, the map, a home page without index.md) show the tree's.
func (b *builder) hasOwnPage(kind string) bool {
	switch kind {
	case "outcome", "article", "about":
		return true
	case "home":
		return b.index != nil
	}
	return false
}
