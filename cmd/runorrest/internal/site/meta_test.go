package site

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
)

var (
	titleRE  = regexp.MustCompile(`<title>([^<]*)</title>`)
	descRE   = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	robotsRE = regexp.MustCompile(`<meta name="robots" content="([^"]*)">`)
	ldRE     = regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)
	reviewRE = regexp.MustCompile(`Last reviewed <time datetime="(\d{4}-\d\d-\d\d)">[^<]+</time> by [^<]+ · Next review due <time datetime="\d{4}-\d\d-\d\d">[^<]+</time>`)
	ogRE     = regexp.MustCompile(`<meta property="og:(title|description|type|image)" content="[^"]+">`)
	locRE    = regexp.MustCompile(`<loc>([^<]*)</loc>\s*(<lastmod>\d{4}-\d\d-\d\d</lastmod>)?`)
)

// TestFindable checks what search engines and link previews see, on the
// default guide (reviewed) and the fixture (no reviews): every page has a
// unique title and a unique, non-empty description; question pages are
// noindex and out of the sitemap; every page but 404 has JSON-LD that
// parses, and names the review date the page shows.
func TestFindable(t *testing.T) {
	for name, fsys := range map[string]func(testing.TB) map[string][]byte{
		"default": func(t testing.TB) map[string][]byte {
			_, s := build(t, defaultFS(t), Options{BaseURL: "https://example.org/guide/", Image: "icons/icon-512.png"})
			return s.Files
		},
		"fixture": func(t testing.TB) map[string][]byte {
			_, s := build(t, fixtureFS(t, "guide"), Options{BaseURL: "https://example.org/"})
			return s.Files
		},
	} {
		t.Run(name, func(t *testing.T) {
			files := fsys(t)
			titles, descs := map[string]string{}, map[string]string{}
			reviewed := 0
			for file, data := range files {
				if !strings.HasSuffix(file, ".html") {
					continue
				}
				page := string(data)
				title, desc := match(titleRE, page), match(descRE, page)
				if title == "" || desc == "" {
					t.Errorf("%s: title %q, description %q; want both", file, title, desc)
				}
				if other, dup := titles[title]; dup {
					t.Errorf("%s and %s share the title %q", file, other, title)
				}
				if other, dup := descs[desc]; dup {
					t.Errorf("%s and %s share the description %q", file, other, desc)
				}
				titles[title], descs[desc] = file, file
				question := strings.Contains(page, `data-kind="question"`)
				if robots := match(robotsRE, page); (robots == "noindex") != question {
					t.Errorf("%s: robots %q; want noindex exactly on question pages", file, robots)
				}
				review := reviewRE.FindStringSubmatch(page)
				if review != nil {
					reviewed++
				}
				if file == "404.html" {
					continue
				}
				if n := len(ogRE.FindAllString(page, -1)); n < 3 {
					t.Errorf("%s: %d Open Graph tags; want title, description and type at least", file, n)
				}
				var ld map[string]any
				if err := json.Unmarshal([]byte(html.UnescapeString(match(ldRE, page))), &ld); err != nil {
					t.Errorf("%s: JSON-LD does not parse: %v", file, err)
					continue
				}
				if ld["@type"] != "MedicalWebPage" || ld["name"] != html.UnescapeString(title) || ld["about"] == nil {
					t.Errorf("%s: JSON-LD = %v; want a MedicalWebPage named %q about the guide", file, ld, title)
				}
				if review != nil {
					by, _ := ld["reviewedBy"].(map[string]any)
					if ld["lastReviewed"] != review[1] || by["name"] == nil {
						t.Errorf("%s: JSON-LD lastReviewed %v, reviewedBy %v; want %s as the page shows, and who", file, ld["lastReviewed"], ld["reviewedBy"], review[1])
					}
				}
			}
			if name == "default" && reviewed != len(titles)-1 {
				t.Errorf("%d of %d pages show review dates; want all but 404.html", reviewed, len(titles))
			}
			sitemap := string(files["sitemap.xml"])
			for _, m := range locRE.FindAllStringSubmatch(sitemap, -1) {
				file := strings.TrimPrefix(m[1][strings.LastIndex(m[1], "/")+1:], "")
				if file == "" {
					file = "index.html"
				}
				if strings.Contains(string(files[file]), `data-kind="question"`) {
					t.Errorf("sitemap lists the question page %s", file)
				}
				if name == "default" && m[2] == "" {
					t.Errorf("sitemap: %s has no lastmod", m[1])
				}
			}
		})
	}
}

func match(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

func TestQuestionTitles(t *testing.T) {
	tree, _ := build(t, defaultFS(t), Options{})
	after := questionAfter(tree)
	titles := map[string]string{}
	seen := map[string]string{}
	for _, q := range tree.Questions {
		title := questionTitle(testUI(t), q, after[q.ID])
		if other, dup := seen[title]; dup {
			t.Errorf("questions %s and %s share the title %q", q.ID, other, title)
		}
		seen[title], titles[q.ID] = q.ID, title
	}
	if got, want := titles["where-soft"], "Where do you feel it? (after: A soft 3)"; got != want {
		t.Errorf("title of where-soft = %q; want %q", got, want)
	}
	if got := titles[tree.Start]; got != tree.Question(tree.Start).Text {
		t.Errorf("title of the first question = %q; want its text alone", got)
	}
}

// TestReviewers checks the about page's list of who reviewed what.
func TestReviewers(t *testing.T) {
	_, s := build(t, defaultFS(t), Options{})
	if got, want := string(s.Files["about.html"]), "<li>The runorrest editors, most recently on 29 November 2026: the questions and every page.</li>"; !strings.Contains(got, want) {
		t.Errorf("about.html does not hold %s", want)
	}
	fsys := fixtureFS(t, "guide")
	fsys["content/tree.yaml"] = mapFile(strings.Replace(string(fsys["content/tree.yaml"].Data), "\nstart:", "\nreviewed: 2026-03-01\nreviewer: Sam Okafor\nstart:", 1))
	fsys["content/recovery.md"] = mapFile(strings.Replace(string(fsys["content/recovery.md"].Data), "\n---\n", "\nreviewed: 2026-04-02\nreviewer: Ada Byrne\n---\n", 1))
	_, s = build(t, fsys, Options{})
	about := string(s.Files["about.html"])
	for _, want := range []string{
		"<li>Sam Okafor, most recently on 1 March 2026: the questions.</li>",
		"<li>Ada Byrne, most recently on 2 April 2026: Recovery without running.</li>",
	} {
		if !strings.Contains(about, want) {
			t.Errorf("about.html does not hold %s", want)
		}
	}
}
