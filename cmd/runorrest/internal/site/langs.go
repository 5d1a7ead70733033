package site

import (
	"cmp"
	"strings"
	"sync/atomic"

	"runorrest/decision"
)

// A guide in more than one language is one site: the original at the
// root, each translation (go doc runorrest/decision, # Languages) in a
// folder named by its tag, es/, with the same pages at the same paths
// (es/soreness.html). The assets, icons and worker are shared at the root;
// each language has its own tree data for the flow (es/assets/tree.HASH.js),
// manifest and 404 page. Every page names its counterparts in
// <link rel="alternate" hreflang> (and x-default, the original), and shows
// a language switch: plain relative links to the same page in the other
// languages, which the flow script extends with the answers of the walk.
// A guide in one language is rendered exactly as before: no alternates, no
// switch.

// Lang is one language of the site.
type Lang struct {
	Tag  string // BCP 47, lower case: "en", "es"
	Name string // its own name, for the switch: "Español"
	Dir  string // where its pages go: "" for the original, "es/"
}

// langOf is the language of a loaded tree.
func langOf(t *decision.Tree) Lang {
	l := Lang{Tag: cmp.Or(t.Lang, "en"), Name: cmp.Or(t.LangName, t.Lang, "English")}
	if t.Original != nil {
		l.Dir = l.Tag + "/"
	}
	return l
}

// up is the way from a language's folder back to the root: "" or "../".
func (l Lang) up() string { return strings.Repeat("../", strings.Count(l.Dir, "/")) }

// Render renders every page of every language, robots.txt, the tree for
// the flow script (with a script) and sitemap.xml (with a base URL).
// contents[0] is the original, the others its translations, each read
// with Read. On a template error it returns decision.Problems.
func Render(contents []*Content, opts Options) (*Site, error) {
	var langs []Lang
	for _, c := range contents {
		langs = append(langs, langOf(c.b.tree))
	}
	out := &Site{Files: map[string][]byte{}}
	var probs decision.Problems
	var builders []*builder
	size := new(atomic.Int64)
	for i, c := range contents {
		b := &builder{fsys: c.b.fsys, tree: c.b.tree, content: c.b.content, opts: opts, files: out.Files, lang: langs[i], langs: langs, size: size}
		if b.over() {
			out.Over = true
			return out, nil
		}
		b.renderPages()
		if b.over() {
			out.Over = true
			return out, nil
		}
		if b.failed() {
			probs = append(probs, b.problems()...)
			continue
		}
		out.Pages = append(out.Pages, b.pages...)
		out.Warnings = append(out.Warnings, b.warnings...)
		builders = append(builders, b)
	}
	if len(probs) > 0 {
		decision.SortProblems(probs)
		return nil, probs
	}
	builders[0].writeExtras(out.Pages)
	return out, nil
}

// alternate is a counterpart of a page in a language, for <link rel=alternate>.
type alternate struct{ Lang, Href string }

// switchLink is a link of the language switch.
type switchLink struct {
	Lang, Name, Href string
	Current          bool
}

// pageURL is where the page at path (in the original's terms:
// "index.html", "soreness.html") of language l is, seen from a page of
// b's language: relative, or absolute with a base URL when abs is set.
func (b *builder) pageURL(l Lang, path string, abs bool) string {
	if abs && b.opts.BaseURL != "" {
		if path == "index.html" {
			path = ""
		}
		return b.opts.BaseURL + l.Dir + path
	}
	return b.lang.up() + l.Dir + path
}

// baseHref is the <base href> of the 404 page, which a host serves at any
// address: the folder of its language under the base URL, or under the
// host's root without one (notFoundBase).
func (b *builder) baseHref() string { return notFoundBase(b.opts.BaseURL) + b.lang.Dir }

// langLinks fills a page's alternates and language switch; none in a site
// of one language.
func (b *builder) langLinks(p *pageData) {
	if len(b.langs) < 2 {
		return
	}
	for _, l := range b.langs {
		p.Alternates = append(p.Alternates, alternate{l.Tag, b.pageURL(l, p.Path, true)})
		p.Switch = append(p.Switch, switchLink{Lang: l.Tag, Name: l.Name, Href: b.pageURL(l, p.Path, false), Current: l == b.lang})
	}
	p.Alternates = append(p.Alternates, alternate{"x-default", b.pageURL(b.langs[0], p.Path, true)})
}
