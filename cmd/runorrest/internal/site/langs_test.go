package site

import (
	"bytes"
	"fmt"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// buildLangs builds the guide in fsys in every language it has, as
// package pipeline does: Read for the original and each translation, then
// Render of them all.
func buildLangs(t testing.TB, fsys fstest.MapFS, opts Options) (*decision.Tree, *Site) {
	t.Helper()
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatalf("decision.Load: %v", err)
	}
	trs, err := decision.LoadTranslations(fsys, tree, decision.Options{})
	if err != nil {
		t.Fatalf("decision.LoadTranslations: %v", err)
	}
	var contents []*Content
	for _, tr := range append([]*decision.Tree{tree}, trs...) {
		c, err := Read(fsys, tr)
		if err != nil {
			t.Fatalf("Read %s: %v", tr.Lang, err)
		}
		contents = append(contents, c)
	}
	assets, err := bundle.Pages(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts.CSS, opts.Script = assets.CSS, assets.Script
	opts.Head = []HeadLink{{Rel: "icon", Href: "icons/icon-192.png"}}
	opts.Image = "icons/icon-512.png"
	opts.Meta = []Meta{{Name: "offline-worker", Content: "sw.js", Path: true}, {Name: "theme-color", Content: "#123456"}}
	s, err := Render(contents, opts)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	maps.Copy(s.Files, assets.Files)
	s.Files["icons/icon-192.png"] = []byte("png")
	s.Files["icons/icon-512.png"] = []byte("png")
	s.Files["sw.js"] = []byte("sw")
	return tree, s
}

var (
	hreflangRE = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">`)
	htmlLangRE = regexp.MustCompile(`<html lang="([^"]+)">`)
	switchRE   = regexp.MustCompile(`(?s)<nav class="langs" aria-label="([^"]*)"><ul>(.*?)</ul></nav>`)
	switchAtRE = regexp.MustCompile(`<a href="([^"]*)" hreflang="([^"]*)" lang="([^"]*)">([^<]*)</a>|<span aria-current="true">([^<]*)</span>`)
	langRefRE  = regexp.MustCompile(`(?:href|src|content)="([^"]*)"`)
)

// TestLanguagePages checks every page of the fixture guide in two
// languages: each page of the original has its counterpart in es/ and the
// other way round, with the language's lang, the alternates of both and
// x-default, and a language switch to the same page.
func TestLanguagePages(t *testing.T) {
	_, s := buildLangs(t, testkit.LangsFS(t), Options{})
	byLang := map[string][]string{}
	for _, p := range s.Pages {
		byLang[p.Lang] = append(byLang[p.Lang], strings.TrimPrefix(p.Path, dirOf(p.Lang)))
	}
	if len(byLang["en"]) < 10 || !slices.Equal(byLang["en"], byLang["es"]) {
		t.Fatalf("pages: en %q, es %q; want the same pages in both", byLang["en"], byLang["es"])
	}
	for _, p := range s.Pages {
		page := string(s.Files[p.Path])
		if m := htmlLangRE.FindStringSubmatch(page); m == nil || m[1] != p.Lang {
			t.Errorf("%s: <html lang> = %q; want %q", p.Path, m, p.Lang)
		}
		own := strings.TrimPrefix(p.Path, dirOf(p.Lang))
		up := strings.Repeat("../", strings.Count(dirOf(p.Lang), "/"))
		var alts []string
		for _, m := range hreflangRE.FindAllStringSubmatch(page, -1) {
			alts = append(alts, m[1]+" "+m[2])
		}
		if want := []string{"en " + up + own, "es " + up + "es/" + own, "x-default " + up + own}; !slices.Equal(alts, want) {
			t.Errorf("%s: alternates %q; want %q", p.Path, alts, want)
		}
		sw := switchRE.FindStringSubmatch(page)
		if sw == nil {
			t.Errorf("%s: no language switch", p.Path)
			continue
		}
		if want := map[string]string{"en": "Language", "es": "LANGUAGE"}[p.Lang]; sw[1] != want {
			t.Errorf("%s: the switch is labelled %q; want %q", p.Path, sw[1], want)
		}
		var got []string
		for _, m := range switchAtRE.FindAllStringSubmatch(sw[2], -1) {
			if m[5] != "" {
				got = append(got, "here "+m[5])
			} else {
				got = append(got, m[2]+" "+m[1]+" "+m[4])
			}
		}
		want := []string{"here English", "es " + "es/" + own + " Español"}
		if p.Lang == "es" {
			want = []string{"en ../" + own + " English", "here Español"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: switch %q; want %q", p.Path, got, want)
		}
	}
}

// dirOf is the folder of a language's pages in the fixture.
func dirOf(lang string) string {
	if lang == "en" {
		return ""
	}
	return lang + "/"
}

// TestLanguageLinksResolve checks that every relative link and source of
// every page, in every language, names a file of the site: the pages work
// from es/, from disk and under any sub-path.
func TestLanguageLinksResolve(t *testing.T) {
	_, s := buildLangs(t, testkit.LangsFS(t), Options{})
	n := 0
	for _, p := range s.Pages {
		if p.Kind == "404" {
			continue // its links are relative to the base URL, or to wherever a host shows it
		}
		for _, m := range langRefRE.FindAllStringSubmatch(string(s.Files[p.Path]), -1) {
			ref := strings.ReplaceAll(m[1], "&amp;", "&")
			u, err := url.Parse(ref)
			if err != nil || u.Scheme != "" || u.Path == "" || !strings.Contains(u.Path, ".") || strings.Contains(ref, " ") {
				continue // absolute, same-page, not a path (content="width=..."), or text
			}
			target := path.Join(path.Dir(p.Path), u.Path)
			if _, ok := s.Files[target]; !ok {
				t.Errorf("%s: %q names %s, which the site does not have", p.Path, m[1], target)
			}
			n++
		}
	}
	if n < 100 {
		t.Errorf("checked %d links; want the links of every page", n)
	}
}

// TestLanguageWords checks that a page of the translation shows the
// translation's words and site words, and none of the original's site
// words; and that its flow data holds the translation's words.
func TestLanguageWords(t *testing.T) {
	fsys := testkit.LangsFS(t)
	_, s := buildLangs(t, fsys, Options{})
	ui, err := decision.ParseMessages(decision.UIFile, fsys[decision.UIFile].Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Pages {
		if p.Lang != "es" {
			continue
		}
		page := string(s.Files[p.Path])
		for _, id := range ui.IDs {
			for _, part := range splitMessage(ui.Text[id]) {
				if len(part.Text) > 12 && strings.Contains(page, part.Text) {
					t.Errorf("%s shows the English site words %q (message %s)", p.Path, part.Text, id)
				}
			}
		}
	}
	for file, want := range map[string][]string{
		"es/soreness.html":    {"¿Cuánto te duelen las piernas?", "casi nada", "lo peor que conoces", "ASK AT MOST", "THIS IS NOT MEDICAL ADVICE"},
		"es/where.html":       {"¿Dónde te duele?", "Por todas partes", "START AGAIN"},
		"es/index.html":       {"Guía de prueba de piernas cargadas", "START THE QUESTIONS", "Puntuar las agujetas"},
		"es/easy-run.html":    {"Sal a correr suave", "Corre suave", `href="recovery.html#foam-rolling"`, "VERDICT"},
		"es/rating.html":      {`<h2 id="the-scale">La escala</h2>`, `href="#above-two"`},
		"es/map.html":         {"MAP OF THE WHOLE GUIDE", `aria-label="MAP OF Guía de prueba de piernas cargadas"`},
		"es/404.html":         {"PAGE NOT FOUND", `<html lang="es">`},
		"where.html":          {"Where is it sore?", "Start again"},
		"es/cross-train.html": {"¿Por qué no correr?", `href="recovery.html#cold"`},
	} {
		page := string(s.Files[file])
		for _, w := range want {
			if w == "ASK AT MOST" {
				w = testkit.Shout("At most ")
			}
			if !strings.Contains(page, w) {
				t.Errorf("%s does not show %q", file, w)
			}
		}
	}
	var esTree []byte
	for name, data := range s.Files {
		if strings.HasPrefix(name, "es/assets/tree.") {
			esTree = data
		}
	}
	for _, w := range []string{`"t":"¿Dónde te duele?"`, `"k":"all-over","l":"Por todas partes"`, `"flow-back":"BACK"`} {
		if !bytes.Contains(esTree, []byte(w)) {
			t.Errorf("es/assets/tree.*.js does not hold %s:\n%s", w, esTree)
		}
	}
}

// TestLanguageSitemap checks the sitemap and the absolute alternates of a
// site with a base URL.
func TestLanguageSitemap(t *testing.T) {
	const base = "https://example.org/guide/"
	_, s := buildLangs(t, testkit.LangsFS(t), Options{BaseURL: base})
	sm := string(s.Files["sitemap.xml"])
	for _, w := range []string{
		`xmlns:xhtml="http://www.w3.org/1999/xhtml"`,
		"<loc>" + base + "es/</loc>",
		"<loc>" + base + "es/rating.html</loc>",
		`<xhtml:link rel="alternate" hreflang="es" href="` + base + `es/rating.html"></xhtml:link>`,
		`<xhtml:link rel="alternate" hreflang="x-default" href="` + base + `rating.html"></xhtml:link>`,
	} {
		if !strings.Contains(sm, w) {
			t.Errorf("sitemap.xml lacks %s:\n%s", w, sm)
		}
	}
	if strings.Contains(sm, "soreness.html") || strings.Contains(sm, "404.html") {
		t.Errorf("sitemap.xml lists a question or 404 page:\n%s", sm)
	}
	page := string(s.Files["es/rating.html"])
	for _, w := range []string{
		`<link rel="canonical" href="` + base + `es/rating.html">`,
		`<link rel="alternate" hreflang="en" href="` + base + `rating.html">`,
		`<link rel="alternate" hreflang="es" href="` + base + `es/rating.html">`,
		`<a href="../rating.html" hreflang="en" lang="en">English</a>`,
		`"inLanguage":"es"`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("es/rating.html lacks %s", w)
		}
	}
	if !strings.Contains(string(s.Files["es/404.html"]), `<base href="`+base+`es/">`) {
		t.Errorf("es/404.html has no <base href> of its folder")
	}
}

// TestLanguagesDeterministic builds the two languages twice.
func TestLanguagesDeterministic(t *testing.T) {
	_, a := buildLangs(t, testkit.LangsFS(t), Options{BaseURL: "https://example.org/"})
	_, b := buildLangs(t, testkit.LangsFS(t), Options{BaseURL: "https://example.org/"})
	if !maps.EqualFunc(a.Files, b.Files, bytes.Equal) {
		t.Error("two builds of the same guide differ")
	}
}

// TestLanguageLinkLeaves checks that a translated page may not link to a
// page of the original: the problem names the page of its own language to
// link to instead. The original's links to the same page are fine.
func TestLanguageLinkLeaves(t *testing.T) {
	fsys := testkit.LangsFS(t)
	page := string(fsys["content/es/rating.md"].Data) + "\nVer [la guía](../about.md).\n"
	fsys["content/es/rating.md"] = &fstest.MapFile{Data: []byte(page)}
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatalf("decision.Load: %v", err)
	}
	trs, err := decision.LoadTranslations(fsys, tree, decision.Options{})
	if err != nil || len(trs) != 1 {
		t.Fatalf("decision.LoadTranslations = %d translations, %v; want 1", len(trs), err)
	}
	if _, err := Read(fsys, tree); err != nil {
		t.Errorf("Read of the original: %v", err)
	}
	line := strings.Count(page, "\n")
	want := fmt.Sprintf(`content/es/rating.md:%d:5: link "../about.md" leaves the es pages: content/about.md is not in content/es/ (link to the es page, content/es/about.md, relative to this file)`, line)
	if _, err := Read(fsys, trs[0]); err == nil || err.Error() != want {
		t.Errorf("Read of the translation: %v\nwant %s", err, want)
	}
}
