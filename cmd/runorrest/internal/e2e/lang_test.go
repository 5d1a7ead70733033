package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"runorrest/cmd/runorrest/internal/browsertest"
	"runorrest/cmd/runorrest/internal/pipeline"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
)

// langGuide is the default guide with every language it has, as
// runorrest build makes it, built once for the package and served under a
// sub-path.
var langGuide struct {
	once sync.Once
	r    *pipeline.Result
	dir  string
	srv  *httptest.Server
	err  error
}

// builtLangGuide returns the build of the default guide in all its
// languages and its base URL, ending in "/".
func builtLangGuide(t *testing.T) (*pipeline.Result, string) {
	t.Helper()
	g := &langGuide
	g.once.Do(func() {
		g.r, g.err = pipeline.Build(context.Background(), os.DirFS(root), pipeline.Options{})
		if g.err != nil {
			return
		}
		if g.dir, g.err = os.MkdirTemp("", "runorrest-e2e-lang-"); g.err != nil {
			return
		}
		for name, data := range g.r.Files {
			p := filepath.Join(g.dir, filepath.FromSlash(name))
			if g.err = os.MkdirAll(filepath.Dir(p), 0o755); g.err != nil {
				return
			}
			if g.err = os.WriteFile(p, data, 0o644); g.err != nil {
				return
			}
		}
		mux := http.NewServeMux()
		mux.Handle("/guide/", http.StripPrefix("/guide", http.FileServer(http.Dir(g.dir))))
		g.srv = httptest.NewServer(mux)
	})
	if g.err != nil {
		t.Fatalf("building the default guide in every language: %v", g.err)
	}
	if len(g.r.Translations) == 0 {
		t.Fatal("the default guide has no translation (content/<lang>/words.yaml)")
	}
	return g.r, g.srv.URL + "/guide/"
}

func removeLangGuide() {
	if langGuide.srv != nil {
		langGuide.srv.Close()
	}
	if langGuide.dir != "" {
		os.RemoveAll(langGuide.dir)
	}
}

// say is a translation's site message id with its {placeholders} filled
// from args, name and value pairs: what the page must show.
func say(t *testing.T, tr *decision.Tree, id string, args ...any) string {
	t.Helper()
	s, ok := tr.UIString(id)
	if !ok {
		t.Fatalf("%s has no ui message %q", tr.File, id)
	}
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return s
}

// TestLanguagesEveryPath walks every path of the default guide in each
// extra language by clicking, as TestFlowEveryPath does in the original:
// each question shows the language's words and progress, each path ends at
// the outcome the tree gives it (so every scenario reaches what it
// expects, in the language too), and axe-core checks each page the first
// time the walk reaches it.
func TestLanguagesEveryPath(t *testing.T) {
	t.Parallel()
	r, base := builtLangGuide(t)
	for _, tr := range r.Translations {
		t.Run(tr.Lang, func(t *testing.T) {
			b := newTab(t)
			reached := map[string]string{} // path -> the outcome its page showed
			checked := map[string]bool{}
			b.open(base + tr.Lang + "/index.html")
			b.clickTo(`document.querySelector('main a[data-start]')`, r.Tree.Start)
			b.langPaths(r.Tree, tr, r.Tree.Start, nil, checked, reached)

			var want, got []string
			for p := range r.Tree.Paths("") {
				want = append(want, p.String())
			}
			for p := range reached {
				got = append(got, p)
			}
			sort.Strings(want)
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("walked paths in %s:\n%s\nwant:\n%s", tr.Lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for _, s := range r.Tree.Scenarios {
				p := scenarioPath(r.Tree, s)
				if reached[p.String()] != s.Expect {
					t.Errorf("scenario %q: in %s its answers reach %q; want %q", s.Name, tr.Lang, reached[p.String()], s.Expect)
				}
			}
			if n, want := len(checked), len(tr.Questions)+len(tr.Outcomes); n != want {
				t.Errorf("axe checked %d pages in %s; want all %d questions and outcomes", n, tr.Lang, want)
			}
		})
	}
}

// langPaths walks every path on from question node in the language of tr,
// recording for each the outcome its page showed.
func (b *tab) langPaths(orig, tr *decision.Tree, node string, prefix []decision.Step, checked map[string]bool, reached map[string]string) {
	b.t.Helper()
	q, tq := orig.Question(node), tr.Question(node)
	if got := eval[string](b, "document.documentElement.lang"); got != tr.Lang {
		b.t.Errorf("on %s: lang = %q; want %q", node, got, tr.Lang)
	}
	if got, want := b.text("main h1"), tq.Text; got != want {
		b.t.Errorf("on %s: h1 = %q; want %q", node, got, want)
	}
	n := len(prefix) + 1
	if got, want := b.text("main .flow-progress"), say(b.t, tr, "flow-progress", "n", n, "max", n-1+q.MaxRemaining); got != want {
		b.t.Errorf("on %s: progress = %q; want %q", node, got, want)
	}
	if !checked[node] {
		checked[node] = true
		b.axe(tr.Lang + "/" + node + " (mid-walk)")
	}
	for _, o := range q.Options {
		steps := append(prefix[:len(prefix):len(prefix)], decision.Step{Question: q, Option: o})
		b.clickTo(optionLink(q, o), o.Next)
		if out := orig.Outcome(o.Next); out != nil {
			to := tr.Outcome(out.ID)
			if got := eval[string](b, `document.querySelector("main").dataset.verdict`); got != out.Verdict {
				b.t.Errorf("on %s: verdict = %q; want %q", out.ID, got, out.Verdict)
			}
			if got := b.text("main h1"); got != to.Title {
				b.t.Errorf("on %s: h1 = %q; want %q", out.ID, got, to.Title)
			}
			if got := eval[int](b, `document.querySelectorAll(".flow-answers li").length`); got != len(steps) {
				b.t.Errorf("on %s: %d answers listed; want %d", out.ID, got, len(steps))
			}
			b.checkArrival(say(b.t, tr, "flow-arrive-outcome", "title", to.Title, "verdict", tr.Verdict(out.Verdict).Label))
			if !checked[out.ID] {
				checked[out.ID] = true
				b.axe(tr.Lang + "/" + out.ID + " (mid-walk)")
			}
			reached[decision.Path{Steps: steps, Outcome: out}.String()] = eval[string](b, `document.querySelector("main").dataset.node`)
		} else {
			b.langPaths(orig, tr, o.Next, steps, checked, reached)
		}
		if b.t.Failed() {
			b.t.FailNow()
		}
		b.history("back")
		b.at(node)
	}
}

// scenarioPath is the path a scenario's answers take through the tree.
func scenarioPath(tree *decision.Tree, s *decision.Scenario) decision.Path {
	var p decision.Path
	id := tree.Start
	for q := tree.Question(id); q != nil; q = tree.Question(id) {
		var opt *decision.Option
		for _, a := range s.Answers {
			if a.Question != q.ID && a.Question != q.Ask {
				continue
			}
			for _, o := range q.Options {
				if a.IsValue && o.Lo <= a.Value && a.Value <= o.Hi || !a.IsValue && (o.ID == a.Label || o.Label == a.Label) {
					opt = o
				}
			}
		}
		if opt == nil {
			return p
		}
		p.Steps = append(p.Steps, decision.Step{Question: q, Option: opt})
		id = opt.Next
	}
	p.Outcome = tree.Outcome(id)
	return p
}

// TestLanguageSwitchMidWalk answers the first questions of the longest
// path in the original, switches language with the page's switch and lands
// on the same question with the same answers, finishes the walk in the
// other language, and switches back on the outcome: the same outcome, with
// every answer in the original's words.
func TestLanguageSwitchMidWalk(t *testing.T) {
	t.Parallel()
	r, base := builtLangGuide(t)
	tr := r.Translations[0]
	p := longest(r.Tree)
	if len(p.Steps) < 3 {
		t.Fatalf("the longest path has %d steps; want 3 or more", len(p.Steps))
	}
	b := newTab(t)
	b.start(base, r.Tree)
	for _, st := range p.Steps[:2] {
		b.clickTo(optionLink(st.Question, st.Option), st.Option.Next)
	}
	node := p.Steps[2].Question.ID
	hash := b.hash()
	b.switchTo(tr.Lang)
	b.at(node)
	if got, want := eval[string](b, "location.pathname"), "/guide/"+tr.Lang+"/"+node+".html"; got != want {
		t.Errorf("after the switch, at %s; want %s", got, want)
	}
	if got := b.hash(); got != hash {
		t.Errorf("after the switch, the answers are %q; want %q", got, hash)
	}
	if got, want := b.text("main .flow-progress"), say(t, tr, "flow-progress", "n", 3, "max", 2+p.Steps[2].Question.MaxRemaining); got != want {
		t.Errorf("after the switch, progress = %q; want %q (the walk goes on)", got, want)
	}
	if b.text(".flow-back") != say(t, tr, "flow-back") {
		t.Errorf("after the switch, no %q link", say(t, tr, "flow-back"))
	}
	for _, st := range p.Steps[2:] {
		b.clickTo(optionLink(st.Question, st.Option), st.Option.Next)
	}
	if got := eval[int](b, `document.querySelectorAll(".flow-answers li").length`); got != len(p.Steps) {
		t.Errorf("on %s in %s: %d answers listed; want %d", p.Outcome.ID, tr.Lang, got, len(p.Steps))
	}
	b.switchTo(r.Tree.Lang)
	b.checkOutcome(r.Tree, p.Steps, p.Outcome)
	if got := eval[string](b, "location.pathname"); got != "/guide/"+p.Outcome.ID+".html" {
		t.Errorf("after switching back, at %s; want /guide/%s.html", got, p.Outcome.ID)
	}
}

// TestLanguagePagesAxe checks every page of every language, as a reader
// arriving from outside sees it (with the language switch), with axe-core.
func TestLanguagePagesAxe(t *testing.T) {
	t.Parallel()
	r, base := builtLangGuide(t)
	if _, err := axeSource(); err != nil {
		browsertest.Missing(t, "axe-core not found ("+err.Error()+"): run .ci/run, or set RUNORREST_AXE to axe.min.js")
	}
	b := newTab(t)
	langs := map[string]int{}
	for _, pg := range r.Pages {
		if pg.Kind == "404" {
			continue // its <base> is the host's root: TestNotFoundAtAnyDepth checks it served
		}
		b.open(base + pg.Path)
		if got := eval[string](b, "document.documentElement.lang"); got != pg.Lang {
			t.Errorf("%s: lang = %q; want %q", pg.Path, got, pg.Lang)
		}
		b.axe(pg.Path)
		langs[pg.Lang]++
	}
	if len(langs) < 2 {
		t.Errorf("checked pages in %d languages; want 2 or more", len(langs))
	}
}

// TestLanguageFromDisk opens a translation's folder from disk (file://):
// its pages find the shared assets one folder up, the walk works, and the
// switch leads to the same outcome in the original with the answers.
func TestLanguageFromDisk(t *testing.T) {
	t.Parallel()
	r, _ := builtLangGuide(t)
	tr := r.Translations[0]
	base := "file://" + filepath.ToSlash(langGuide.dir) + "/"
	p := longest(r.Tree)
	b := newTab(t)
	b.open(base + tr.Lang + "/index.html")
	b.clickTo(`document.querySelector('main a[data-start]')`, r.Tree.Start)
	for _, st := range p.Steps {
		b.clickTo(optionLink(st.Question, st.Option), st.Option.Next)
	}
	if got := eval[string](b, "getComputedStyle(document.querySelector('nav.langs ul')).display"); got != "flex" {
		t.Errorf("from disk, the stylesheet does not apply in %s/ (nav.langs ul is %q)", tr.Lang, got)
	}
	b.switchTo(r.Tree.Lang)
	b.checkOutcome(r.Tree, p.Steps, p.Outcome)
}

// switchTo taps the language switch's link to lang and waits for the page
// in that language: the page it leaves shows the same node.
func (b *tab) switchTo(lang string) {
	b.t.Helper()
	b.tap(`document.querySelector('nav.langs a[hreflang="` + lang + `"]')`)
	b.waitFor("the page in "+lang, `document.documentElement.lang === `+js(lang))
}

// TestLanguagePagesAxeNoScript checks every page of every language with
// JavaScript off, as built, with axe-core: the language switch is plain
// HTML.
func TestLanguagePagesAxeNoScript(t *testing.T) {
	t.Parallel()
	r, base := builtLangGuide(t)
	var pages []site.Page
	for _, pg := range r.Pages {
		if pg.Kind != "404" { // its <base> is the host's root
			pages = append(pages, pg)
		}
	}
	axeNoScript(t, base, pages, func(b *tab, pg site.Page) {
		if eval[int](b, `document.querySelectorAll("nav.langs a[hreflang]").length`) != len(r.Translations) {
			t.Errorf("%s: the language switch does not link every other language", pg.Path)
		}
	})
}
