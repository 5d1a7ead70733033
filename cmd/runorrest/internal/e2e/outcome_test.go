package e2e

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"runorrest/decision"
)

// phones are the screens an outcome must lead with its advice on.
var phones = []struct {
	name string
	w, h int64
}{{"390x844", 390, 844}, {"320x640", 320, 640}}

// newPhone is a tab emulating a phone of w x h, with or without JavaScript.
func newPhone(t *testing.T, w, h int64, script bool) *tab {
	t.Helper()
	b := newTab(t)
	b.do("emulating the phone", chromedp.EmulateViewport(w, h, chromedp.EmulateMobile, chromedp.EmulateTouch))
	if !script {
		if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// pathTo is the path with the most answers that ends at outcome o.
func pathTo(tree *decision.Tree, o *decision.Outcome) decision.Path {
	var best decision.Path
	for p := range tree.Paths("") {
		if p.Outcome == o && len(p.Steps) > len(best.Steps) {
			best = p
		}
	}
	return best
}

// fragment is the URL fragment of the answers of steps, built from the
// option keys the page's tree gives (the page must show the guide).
func (b *tab) fragment(steps []decision.Step) string {
	b.t.Helper()
	keys := eval[map[string][]string](b, `(t => Object.fromEntries(Object.entries(t.q).map(([id, q]) => [id, q.o.map(o => o.k)])))(self.runorrestTree)`)
	var parts []string
	for _, st := range steps {
		tok := strconv.Itoa(st.Option.Lo)
		if st.Question.Scale == nil {
			tok = keys[st.Question.ID][optionIndex(st.Question, st.Option)]
		}
		parts = append(parts, st.Question.ID+":"+tok)
	}
	return "#a=" + strings.Join(parts, ",")
}

// firstScreenJS measures an outcome page as it opens: where the advice
// block and its first action are, the height of the screen, how many times
// the page says "verdict", and whether it scrolls sideways.
const firstScreenJS = `(() => {
	const adv = document.querySelector("main [data-advice]");
	const first = adv && adv.querySelector("li, p");
	return {
		advice: adv ? adv.getBoundingClientRect().top : -1,
		heading: adv && adv.querySelector("h2") ? adv.querySelector("h2").getBoundingClientRect().bottom : -1,
		first: first ? first.getBoundingClientRect().bottom : -1,
		screen: innerHeight,
		verdicts: (document.querySelector("main").innerText.match(/verdict/gi) || []).length,
		sideways: document.documentElement.scrollWidth > innerWidth,
	};
})()`

type firstScreen struct {
	Advice, Heading, First, Screen float64
	Verdicts                       int
	Sideways                       bool
}

// TestOutcomeAdviceFirst opens every outcome on both phones, reached by a
// walk (with the answers) and as built (JavaScript off): the advice block
// starts on the first screen, and its heading and first action are whole on
// it. The verdict is said once, and nothing scrolls sideways.
func TestOutcomeAdviceFirst(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	for _, ph := range phones {
		for _, script := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s script=%v", ph.name, script), func(t *testing.T) {
				t.Parallel()
				b := newPhone(t, ph.w, ph.h, script)
				frags := map[string]string{}
				if script {
					b.open(base + tree.Start + ".html")
					for _, o := range tree.Outcomes {
						frags[o.ID] = b.fragment(pathTo(tree, o).Steps)
					}
				}
				for _, o := range tree.Outcomes {
					b.open(base + o.ID + ".html" + frags[o.ID])
					if script {
						b.at(o.ID)
						b.waitFor("your answers", `document.querySelector(".flow-answers")`)
					}
					m := eval[firstScreen](b, firstScreenJS)
					where := fmt.Sprintf("%s at %s (script %v)", o.ID, ph.name, script)
					switch {
					case m.Advice < 0:
						t.Errorf("%s: no element with data-advice", where)
					case m.Heading > m.Screen || m.Advice >= m.Screen:
						t.Errorf("%s: the advice starts at %.0f px, its heading ends at %.0f px; the screen is %.0f px tall", where, m.Advice, m.Heading, m.Screen)
					case m.First < 0 || m.First > m.Screen:
						t.Errorf("%s: the first action ends at %.0f px; the screen is %.0f px tall", where, m.First, m.Screen)
					}
					if m.Verdicts != 1 {
						t.Errorf("%s: the page says \"verdict\" %d times; want once", where, m.Verdicts)
					}
					if m.Sideways {
						t.Errorf("%s: the page scrolls sideways", where)
					}
				}
			})
		}
	}
}

// printedJS lists what the printed page shows: the text of each element of
// interest, or null when print hides it.
const printedJS = `(() => {
	const shown = (sel) => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0).map(e => e.innerText.trim());
	return {
		verdict: shown("main .verdict"),
		advice: shown("main [data-advice]"),
		answers: shown(".flow-answers li strong"),
		recheck: shown("main .recheck"),
		notice: shown("main .notice"),
		stamp: shown("main .stamp"),
		other: shown("main .part:not(.recheck), main .sections, .flow-keep, .keep-how, main .again, .flow-change"),
	};
})()`

type printed struct {
	Verdict, Advice, Answers, Recheck, Notice, Stamp, Other []string
}

// pdfPageRE counts the pages of a PDF.
var pdfPageRE = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestOutcomePrint prints an outcome reached by a walk, on A4 and Letter:
// one page each, which shows the verdict, the answers given, what to do
// today, when to check again, the not-medical-advice line, the date and the
// page's address with the answers, and leaves the rest out. With JavaScript
// off the page still prints on one page, with a line for the date.
func TestOutcomePrint(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	for _, script := range []bool{true, false} {
		t.Run(fmt.Sprintf("script=%v", script), func(t *testing.T) {
			t.Parallel()
			p := longest(tree)
			b := newPhone(t, 390, 844, script)
			url := base + p.Outcome.ID + ".html"
			if script {
				b.open(base + tree.Start + ".html")
				url += b.fragment(p.Steps)
			}
			b.open(url)
			if script {
				b.at(p.Outcome.ID)
			}
			for _, paper := range []chromedp.PaperSize{chromedp.PaperA4, chromedp.PaperLetter} {
				pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper)))
				if err != nil {
					t.Fatal(err)
				}
				if n := len(pdfPageRE.FindAll(pdf, -1)); n != 1 {
					t.Errorf("%s prints on %d pages of %v paper; want 1", url, n, paper)
				}
			}
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			got := eval[printed](b, printedJS)
			for what, els := range map[string][]string{"the verdict": got.Verdict, "what to do today": got.Advice, "when to check again": got.Recheck, "the notice": got.Notice, "the date and address": got.Stamp} {
				if len(els) != 1 {
					t.Errorf("print shows %d of %s; want 1", len(els), what)
				}
			}
			if len(got.Other) != 0 {
				t.Errorf("print shows %q; want only the parts to keep", got.Other)
			}
			var want []string
			date := "(date) ____________"
			addr := base + p.Outcome.ID + ".html" // the canonical address: the guide is built with -base-url
			if script {
				for _, st := range p.Steps {
					want = append(want, answerText(st.Question, st.Option))
				}
				date = time.Now().Format("January 2, 2006")
				addr = url
			}
			if fmt.Sprint(got.Answers) != fmt.Sprint(want) {
				t.Errorf("print shows the answers %q; want %q", got.Answers, want)
			}
			if len(got.Stamp) == 1 && got.Stamp[0] != "From "+addr+", on "+date {
				t.Errorf("print stamp = %q; want the address %s and the date %s", got.Stamp[0], addr, date)
			}
		})
	}
}

// shareJS picks a level of sharing, presses the share button and returns
// the link it offers once it shows.
func shareJS(level string) string {
	return `new Promise(done => {
		const r = document.querySelector('.flow-share input[value=` + level + `]');
		if (!r) return done("no choice " + ` + js(level) + `);
		r.click();
		document.querySelector(".flow-share button").click();
		const wait = () => document.querySelector(".flow-status").textContent ? done(document.querySelector(".flow-link").value) : setTimeout(wait, 20);
		wait();
	})`
}

// answersJS is "your answers" on an outcome: question and answer ids.
const answersJS = `[...document.querySelectorAll(".flow-answers li")].map(li => li.dataset.q + "=" + li.dataset.a)`

// TestOutcomeShare shares an outcome reached by a walk, copied to the
// clipboard (no Web Share API) and through the Web Share API: the link with
// the answers reopens the same outcome with the same "your answers"; the
// outcome-only link holds no answers and reopens the outcome without them.
func TestOutcomeShare(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p := longest(tree)
	for _, api := range []bool{false, true} {
		t.Run(fmt.Sprintf("webshare=%v", api), func(t *testing.T) {
			t.Parallel()
			b := newPhone(t, 390, 844, true)
			if api {
				// A phone's share sheet: the page hands over the link.
				_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
					Source: `navigator.share = (d) => { window.shared = d; return Promise.resolve() }`,
				})
				if err != nil {
					t.Fatal(err)
				}
			} else {
				c := chromedp.FromContext(b.ctx)
				for _, name := range []string{"clipboard-read", "clipboard-write"} {
					_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
						Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted,
						BrowserContextID: c.BrowserContextID,
					})
					if err != nil {
						t.Fatal(err)
					}
				}
			}
			b.open(base + tree.Start + ".html")
			b.open(base + p.Outcome.ID + ".html" + b.fragment(p.Steps))
			b.at(p.Outcome.ID)
			mine := eval[[]string](b, answersJS)
			if len(mine) != len(p.Steps) {
				t.Fatalf("your answers = %q; want %d answers", mine, len(p.Steps))
			}
			b.axe(p.Outcome.ID + " with the share choices")
			for _, level := range []string{"answers", "outcome"} {
				link, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](shareJS(level), chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatal(err)
				}
				var handed string
				if api {
					handed = eval[string](b, `window.shared ? window.shared.url : ""`)
					if got := b.text(".flow-status"); got != "Link shared." {
						t.Errorf("after sharing, the status says %q", got)
					}
				} else {
					if got := b.text(".flow-status"); got != "Link copied." {
						t.Errorf("after copying, the status says %q", got)
					}
					handed, err = chromedp.Run(b.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatalf("reading the clipboard: %v", err)
					}
				}
				if handed != link {
					t.Errorf("%s: handed over %q; the page shows %q", level, handed, link)
				}
				want := base + p.Outcome.ID + ".html"
				if level == "outcome" && link != want {
					t.Errorf("the outcome-only link is %q; want %q, with no answers", link, want)
				}
				if level == "answers" && !strings.HasPrefix(link, want+"#a=") {
					t.Errorf("the link with answers is %q; want %s#a=...", link, want)
				}
				o := newPhone(t, 390, 844, true)
				o.open(link)
				o.waitFor("the outcome's share choices", fmt.Sprintf(`document.readyState === "complete" && document.querySelector('main[data-node=%q] .flow-keep')`, p.Outcome.ID))
				got := eval[[]string](o, answersJS)
				if level == "outcome" {
					mine = nil
				}
				if fmt.Sprint(got) != fmt.Sprint(mine) {
					t.Errorf("the %s link reopens %s with the answers %q; want %q", level, link, got, mine)
				}
			}
		})
	}
}
