package site

import (
	"bytes"
	"encoding/xml"

	"runorrest/decision"
)

// writeExtras adds robots.txt and, with a base URL, sitemap.xml.
func (b *builder) writeExtras() {
	var robots bytes.Buffer
	robots.WriteString("User-agent: *\nAllow: /\n")
	if b.opts.BaseURL != "" {
		robots.WriteString("Sitemap: " + b.opts.BaseURL + "sitemap.xml\n")
		b.files["sitemap.xml"] = b.sitemap()
	}
	b.files["robots.txt"] = robots.Bytes()
}

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	URLs    []smURL  `xml:"url"`
}

type smURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every page a search should find, at its canonical URL,
// with the day of its last review as lastmod: every page but 404.html and
// the question pages, which are noindex.
func (b *builder) sitemap() []byte {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range b.pages {
		if p.Kind == "404" || p.Kind == "question" {
			continue
		}
		loc := b.opts.BaseURL
		if p.Path != "index.html" {
			loc += p.Path
		}
		u := smURL{Loc: loc}
		if !p.Reviewed.IsZero() {
			u.LastMod = p.Reviewed.Format(decision.DateLayout)
		}
		set.URLs = append(set.URLs, u)
	}
	out, _ := xml.MarshalIndent(set, "", "  ") // cannot fail: plain strings
	return append([]byte(xml.Header), append(out, '\n')...)
}
