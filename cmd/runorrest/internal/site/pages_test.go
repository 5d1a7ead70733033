package site

import (
	"regexp"
	"strings"
	"testing"
)

// TestPageRules checks every page of the fixture and the default guide
// against the rules all pages share.
func TestPageRules(t *testing.T) {
	for name, fsys := range map[string]func(testing.TB) map[string][]byte{
		"fixture": func(t testing.TB) map[string][]byte {
			_, s := build(t, fixtureFS(t, "guide"), Options{})
			return s.Files
		},
		"default": func(t testing.TB) map[string][]byte { _, s := build(t, defaultFS(t), Options{}); return s.Files },
	} {
		t.Run(name, func(t *testing.T) {
			for file, data := range fsys(t) {
				if strings.HasSuffix(file, ".html") {
					checkPage(t, file, string(data))
				}
			}
		})
	}
}

var (
	headingRE = regexp.MustCompile(`<h([1-6])[ >]`)
	headRE    = regexp.MustCompile(`(?s)<head>\s*(<[^>]*>)`)
)

// checkPage checks one page: the CSP comes first in <head>, the page has
// lang, one h1 and headings in order, and no inline script or style.
func checkPage(t *testing.T, file, page string) {
	t.Helper()
	m := headRE.FindStringSubmatch(page)
	if m == nil || !strings.HasPrefix(m[1], `<meta http-equiv="Content-Security-Policy"`) {
		t.Errorf("%s: first element of <head> is %q; want the CSP meta", file, m)
	}
	if strings.Contains(page, "unsafe-inline") || strings.Contains(page, "unsafe-eval") {
		t.Errorf("%s: CSP allows unsafe code", file)
	}
	if !strings.Contains(page, `<html lang="en">`) {
		t.Errorf("%s: no lang", file)
	}
	for _, bad := range []string{" style=", "<style", "<script>", " onclick=", " onload=", "javascript:"} {
		if strings.Contains(page, bad) {
			t.Errorf("%s holds %q", file, bad)
		}
	}
	prev, h1 := 0, 0
	for _, h := range headingRE.FindAllStringSubmatch(page, -1) {
		level := int(h[1][0] - '0')
		if level == 1 {
			h1++
		}
		if level > prev+1 {
			t.Errorf("%s: h%d after h%d; headings must not skip a level", file, level, prev)
		}
		prev = level
	}
	if h1 != 1 {
		t.Errorf("%s has %d h1; want 1", file, h1)
	}
}

func TestPageContract(t *testing.T) {
	fsys := fixtureFS(t, "guide")
	delete(fsys, "static/flow.ts")    // the pages alone; flowbuild_test.go checks them with the flow
	delete(fsys, "static/offline.ts") // else bundled alone when there is no flow.ts
	_, s := build(t, fsys, Options{BaseURL: "https://example.org/guide/"})
	tests := []struct {
		file string
		want []string
	}{
		{"index.html", []string{
			`<main data-kind="home">`, `<h1>Sore legs test guide</h1>`, `<a class="button" data-start href="soreness.html">Start the questions</a>`,
			`<li><a href="rating.html">Rating soreness</a> <span>How to put a number on how your legs feel.</span></li>`,
			`<link rel="canonical" href="https://example.org/guide/">`,
		}},
		{"soreness.html", []string{
			`<main data-node="soreness" data-kind="question">`,
			`<h1 id="q">How sore are your legs?</h1>`,
			`<a href="rating.html#the-scale">how to rate it</a>`,
			`<a data-next="where" data-value="2" href="where.html">2</a>`,
			`<a data-next="rest-day" data-value="3" href="rest-day.html">3</a>`,
			`<a data-next="rest-day" data-value="10" href="rest-day.html">10</a>`,
			`<span>1: barely there</span>`,
			`<p class="notice" role="note">This is not medical advice. If pain is severe, sharp or lasts, see a health professional.</p>`,
		}},
		{"where.html", []string{
			`<a data-next="tired" href="tired.html">All over</a>`,
			`<a data-next="cross-train" href="cross-train.html">One spot</a>`,
			`<p class="progress">At most 2 questions to go</p>`,
			`<p class="notice" role="note">This is not medical advice. If pain is severe, sharp or lasts, see a health professional.</p>`,
		}},
		{"cross-train.html", []string{
			`<main data-node="cross-train" data-kind="outcome" data-verdict="cross">`,
			`<div class="verdict tone-caution">` + "\n" + `<p><span>Verdict</span> <strong>Cross-train</strong></p>` + "\n" + `<h1>Cross-train today</h1>`,
			`<meta name="description" content="A day on the bike or in the pool.">`,
			`<a href="recovery.html#cold">cold</a>`,
			`<li><a href="recovery.html#cold">Cold</a></li>`,
			`<li><a href="recovery.html#foam-rolling">Foam rolling</a></li>`,
			`<p class="notice" role="note">This is not medical advice. If pain is severe, sharp or lasts, see a health professional.</p>`,
			`<a class="button" href="soreness.html">Start again</a>`,
		}},
		{"rest-day.html", []string{`data-verdict="rest"`, `tone-stop`, `<a href="recovery.html">recovery</a>`, `class="footnotes"`}},
		{"recovery.html", []string{`<h1>Recovery without running</h1>`, `<h2 id="foam-rolling">Foam rolling</h2>`, `&ldquo;Quotes&rdquo;`}},
		{"rating.html", []string{`<a href="#above-two">below</a>`}},
		{"about.html", []string{`<h1>About the test guide</h1>`, `This guide exists for the tests`}},
		{"404.html", []string{`<base href="https://example.org/guide/">`}},
		{"robots.txt", []string{"Sitemap: https://example.org/guide/sitemap.xml"}},
		{"sitemap.xml", []string{"<loc>https://example.org/guide/</loc>", "<loc>https://example.org/guide/rest-day.html</loc>"}},
	}
	for _, tt := range tests {
		got := string(s.Files[tt.file])
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not hold %s", tt.file, w)
			}
		}
	}
	if strings.Contains(string(s.Files["sitemap.xml"]), "404") {
		t.Error("sitemap lists 404.html")
	}
	if strings.Contains(string(s.Files["sitemap.xml"]), "tired.html") {
		t.Error("sitemap lists the question page tired.html")
	}
	// JSON-LD is data, not a script: leave it out of the search.
	home := regexp.MustCompile(`<script type="application/ld\+json">[^<]*</script>`).ReplaceAllString(string(s.Files["index.html"]), "")
	if s.Script != "" || strings.Contains(home, "<script") {
		t.Error("a script without static/flow.ts")
	}
}

func TestScriptTag(t *testing.T) {
	fsys := fixtureFS(t, "guide")
	fsys["static/flow.ts"] = mapFile("const n: number = 1;\ndocument.documentElement.dataset.n = String(n);\n")
	_, s := build(t, fsys, Options{Head: []HeadLink{{Rel: "manifest", Href: "manifest.webmanifest"}}, Meta: []Meta{{Name: "theme-color", Content: "#0b57a4"}}})
	if !regexp.MustCompile(`^assets/flow\.[0-9a-f]{8}\.js$`).MatchString(s.Script) || s.Files[s.Script] == nil {
		t.Fatalf("script %q not built", s.Script)
	}
	page := string(s.Files["tired.html"])
	for _, w := range []string{`<script defer src="` + s.Script + `"></script>`, `<link rel="manifest" href="manifest.webmanifest">`, `<meta name="theme-color" content="#0b57a4">`} {
		if strings.Count(page, w) != 1 {
			t.Errorf("tired.html holds %q %d times; want once", w, strings.Count(page, w))
		}
	}
}
