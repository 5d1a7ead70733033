package site

import (
	"bytes"
	"encoding/xml"
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
	Loc string `xml:"loc"`
}

// sitemap lists every page but 404.html, at its canonical URL.
func (b *builder) sitemap() []byte {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range b.pages {
		if p.Kind == "404" {
			continue
		}
		loc := b.opts.BaseURL
		if p.Path != "index.html" {
			loc += p.Path
		}
		set.URLs = append(set.URLs, smURL{Loc: loc})
	}
	out, _ := xml.MarshalIndent(set, "", "  ") // cannot fail: plain strings
	return append([]byte(xml.Header), append(out, '\n')...)
}
