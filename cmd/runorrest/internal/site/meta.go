package site

import (
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"runorrest/decision"
	"runorrest/decision/readability"
)

// What search engines and link previews learn of a page: its <title> and
// description, robots, Open Graph and Twitter card tags, and structured
// data as JSON-LD (a MedicalWebPage with lastReviewed, reviewedBy and
// about). Every page has a title and a description of its own; a question
// page is kept out of search results (noindex, and out of sitemap.xml) so
// that people land on the start or an article, not on step three.

// maxDescription is the length a description is cut to, at a word.
const maxDescription = 200

// headMeta is the part of a page's data about how it is described.
type headMeta struct {
	DocTitle  string      // the <title>: page title · guide title, the guide title alone on the home page
	Robots    string      // "noindex" for a question page, else ""
	OGType    string      // "website" for the home page, else "article"
	Image     string      // the guide's icon, for link previews
	JSONLD    template.JS // the page's structured data, JSON from encoding/json
	Review    *reviewView // the review the page shows, nil if none
	ownReview bool        // Review is the page's own, not the tree's
	// Where the title and description are written, for warnings.
	titleAt, descAt source
}

// source is a position in a file of the guide.
type source struct {
	file string
	pos  decision.Pos
}

// docSource is where key of a Markdown page's front matter is written, or
// the page's first line.
func docSource(d *mdDoc, key string) source {
	if d == nil {
		return source{}
	}
	if line, col, _, ok := frontMatterValue(d.head, key); ok {
		return source{d.file, decision.Pos{Line: line, Col: col}}
	}
	return source{d.file, decision.Pos{Line: 1, Col: 1}}
}

// duplicateWarnings warns about pages that share a title or a description.
func duplicateWarnings(pages []*pageData) decision.Problems {
	var ps decision.Problems
	for _, f := range []struct {
		what string
		get  func(p *pageData) (string, source)
	}{
		{"title", func(p *pageData) (string, source) { return p.DocTitle, p.titleAt }},
		{"description", func(p *pageData) (string, source) { return p.Description, p.descAt }},
	} {
		first := map[string]*pageData{}
		for _, p := range pages {
			v, at := f.get(p)
			q, dup := first[v]
			if !dup {
				first[v] = p
				continue
			}
			if at.file == "" {
				at = source{decision.TreeFile, decision.Pos{Line: 1, Col: 1}}
			}
			ps = append(ps, &decision.Problem{File: at.file, Pos: at.pos, Warning: true, Err: ErrDuplicate,
				Msg:  fmt.Sprintf("%s has the same %s as %s: %q", p.Path, f.what, q.Path, v),
				Hint: "give each page a " + f.what + " of its own, so that search results and link previews tell them apart"})
		}
	}
	return ps
}

// reviewView is the "Last reviewed ... · Next review due ..." line.
type reviewView struct {
	By               string
	Last, Next       string // in words: 20 November 2026
	LastISO, NextISO string // 2026-11-20
	date, due        time.Time
}

// newReviewView returns the review line of a review, nil for none.
func newReviewView(w words, r decision.Review, every decision.Interval) *reviewView {
	if r.IsZero() {
		return nil
	}
	due := every.Due(r.Date)
	return &reviewView{By: r.By, Last: w.day(r.Date), Next: w.day(due),
		LastISO: r.Date.Format(decision.DateLayout), NextISO: due.Format(decision.DateLayout), date: r.Date, due: due}
}

// questionAfter gives the answers that tell apart the questions that ask
// the same words: for each such question, the answers on its shortest path
// from start ("Mild", "All over, on both legs"). A question whose words are
// its own has none.
func questionAfter(t *decision.Tree) map[string][]string {
	count := map[string]int{}
	for _, q := range t.Questions {
		count[q.Text]++
	}
	// Breadth first from start: the first answers that reach a question.
	via := map[string][]string{t.Start: nil}
	queue := []string{t.Start}
	for len(queue) > 0 {
		q := t.Question(queue[0])
		queue = queue[1:]
		if q == nil {
			continue
		}
		for _, o := range q.Options {
			if _, seen := via[o.Next]; !seen {
				via[o.Next] = append(slices.Clone(via[q.ID]), o.Label)
				queue = append(queue, o.Next)
			}
		}
	}
	after := map[string][]string{}
	for _, q := range t.Questions {
		if count[q.Text] > 1 && len(via[q.ID]) > 0 {
			after[q.ID] = via[q.ID]
		}
	}
	return after
}

// questionTitle is a question page's title: its words, then the answers
// that tell it apart, if any, so that every title is unique.
func questionTitle(w words, q *decision.Question, after []string) string {
	if len(after) == 0 {
		return q.Text
	}
	return w.text("question-after-title", "question", q.Text, "answers", strings.Join(after, ", "))
}

// questionDescription describes a question page: its words, the answers
// that tell it apart, then the first sentences of its help, within
// maxDescription characters.
func questionDescription(w words, q *decision.Question, after []string) string {
	d := q.Text
	if len(after) > 0 {
		d += " " + w.text("question-after-description", "answers", strings.Join(after, ", "))
	}
	if q.Help == "" {
		return d
	}
	return firstSentences(d, TextBlocks([]byte(q.Help), 1))
}

// firstSentences adds to d the first sentences of blocks while the whole
// stays within maxDescription characters.
func firstSentences(d string, blocks []readability.Block) string {
	for _, b := range blocks {
		for _, s := range readability.Sentences(b) {
			if len(d)+1+len(s.Text) > maxDescription {
				return d
			}
			d = strings.TrimSpace(d + " " + s.Text)
		}
	}
	return d
}

// outcomeDescription describes an outcome page whose front matter gives
// no description: the first sentences of its guidance, or else its
// verdict and title.
func outcomeDescription(d *mdDoc, o *decision.Outcome, v *decision.Verdict) string {
	if d.lead != "" {
		return d.lead
	}
	if v != nil {
		return v.Label + ": " + o.Title + "."
	}
	return o.Title + "."
}

// fallbackDescription is the description of a page whose source gives
// none.
func (b *builder) fallbackDescription(kind string) string {
	switch kind {
	case "home":
		var labels []string
		for _, v := range b.tree.Verdicts {
			labels = append(labels, strings.ToLower(v.Label))
		}
		return b.ui.text("home-description", "verdicts", b.ui.orList(labels))
	case "about":
		return b.ui.text("about-description")
	case "404":
		return b.ui.text("not-found-description")
	}
	return ""
}

// ldPage is the JSON-LD of a page, a schema.org MedicalWebPage.
type ldPage struct {
	Context      string   `json:"@context"`
	Type         string   `json:"@type"`
	Name         string   `json:"name"`
	Description  string   `json:"description"`
	URL          string   `json:"url,omitempty"`
	InLanguage   string   `json:"inLanguage"`
	About        ldThing  `json:"about"`
	LastReviewed string   `json:"lastReviewed,omitempty"`
	ReviewedBy   *ldThing `json:"reviewedBy,omitempty"`
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// jsonLD returns a page's structured data. encoding/json escapes <, > and
// &, so the JSON cannot end its <script> element.
func (b *builder) jsonLD(p *pageData) template.JS {
	ld := ldPage{Context: "https://schema.org", Type: "MedicalWebPage", Name: p.DocTitle, Description: p.Description,
		URL: p.Canonical, InLanguage: p.Site.Lang, About: ldThing{"Thing", b.tree.Title}}
	if r := p.Review; r != nil {
		ld.LastReviewed = r.LastISO
		ld.ReviewedBy = &ldThing{"Person", r.By}
	}
	out, err := json.Marshal(ld)
	if err != nil { // cannot happen: plain strings
		return "{}"
	}
	return template.JS(out)
}

// Reviewer is one person who reviewed pages of the guide, for the about
// page.
type Reviewer struct {
	Name     string
	Last     string   // the day of their latest review, in words
	Pages    []string // the titles of what they reviewed, in page order
	PageList string   // Pages joined with "; "
}

// reviewers lists who reviewed what: the tree's reviewer first, for the
// questions, then whoever reviewed each page, in page order.
func reviewers(w words, tree *decision.Tree, pages []*pageData) []Reviewer {
	var out []Reviewer
	index := map[string]int{}
	latest := map[string]time.Time{}
	add := func(r *reviewView, what string) {
		i, ok := index[r.By]
		if !ok {
			i = len(out)
			index[r.By] = i
			out = append(out, Reviewer{Name: r.By})
		}
		if r.date.After(latest[r.By]) {
			latest[r.By] = r.date
			out[i].Last = r.Last
		}
		if !slices.Contains(out[i].Pages, what) {
			out[i].Pages = append(out[i].Pages, what)
		}
	}
	questions := w.text("reviewed-questions")
	if r := newReviewView(w, tree.Review, tree.ReviewInterval); r != nil {
		add(r, questions)
	}
	own := 0
	for _, p := range pages {
		if p.Review != nil && p.ownReview {
			add(p.Review, p.Title)
			own++
		}
	}
	// Someone who reviewed everything is said to have, in a few words.
	for i, r := range out {
		if len(r.Pages) == own+1 && r.Pages[0] == questions {
			out[i].Pages = []string{w.text("reviewed-everything")}
		}
		out[i].PageList = strings.Join(out[i].Pages, "; ")
	}
	return out
}
