package site

import (
	"bytes"
	"encoding/xml"
	"strings"

	"runorrest/decision"
)

// writeExtras adds robots.txt and, with a base URL, sitemap.xml of pages,
// the pages of every language.
func (b *builder) writeExtras(pages []Page) {
	var robots bytes.Buffer
	robots.WriteString("User-agent: *\nAllow: /\n")
	if b.opts.BaseURL != "" {
		robots.WriteString("Sitemap: " + b.opts.BaseURL + "sitemap.xml\n")
		b.files["sitemap.xml"] = b.sitemap(pages)
	}
	b.files["robots.txt"] = robots.Bytes()
}

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	XHTML   string   `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []smURL  `xml:"url"`
}

type smURL struct {
	Loc     string   `xml:"loc"`
	LastMod string   `xml:"lastmod,omitempty"`
	Links   []smLink `xml:"xhtml:link"`
}

// smLink is a page's counterpart in a language (Google's sitemap
// extension for localized pages).
type smLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemap lists every page a search should find, at its canonical URL,
// with the day of its last review as lastmod: every page but 404.html and
// the question pages, which are noindex. In a site of several languages
// each lists its counterparts in every language, and x-default.
func (b *builder) sitemap(pages []Page) []byte {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	if len(b.langs) > 1 {
		set.XHTML = "http://www.w3.org/1999/xhtml"
	}
	for _, p := range pages {
		if p.Kind == "404" || p.Kind == "question" {
			continue
		}
		own := p.Path
		for _, l := range b.langs[1:] {
			if l.Tag == p.Lang {
				own = strings.TrimPrefix(p.Path, l.Dir)
			}
		}
		lang := Lang{Dir: strings.TrimSuffix(p.Path, own)}
		u := smURL{Loc: b.pageURL(lang, own, true)}
		if !p.Reviewed.IsZero() {
			u.LastMod = p.Reviewed.Format(decision.DateLayout)
		}
		if len(b.langs) > 1 {
			for _, l := range b.langs {
				u.Links = append(u.Links, smLink{"alternate", l.Tag, b.pageURL(l, own, true)})
			}
			u.Links = append(u.Links, smLink{"alternate", "x-default", b.pageURL(b.langs[0], own, true)})
		}
		set.URLs = append(set.URLs, u)
	}
	out, _ := xml.MarshalIndent(set, "", "  ") // cannot fail: plain strings
	return append([]byte(xml.Header), append(out, '\n')...)
}
