package e2e

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"runorrest/cmd/runorrest/internal/browsertest"
	"runorrest/cmd/runorrest/internal/site"
)

// tabTo presses Tab until the element of a JavaScript expression has the
// focus, and checks that the focus is visible there.
func (b *tab) tabTo(expr string) {
	b.t.Helper()
	for range 60 {
		if eval[bool](b, `document.activeElement === (`+expr+`)`) {
			style := eval[[]string](b, `(s => [s.outlineStyle, s.boxShadow])(getComputedStyle(document.activeElement))`)
			if style[0] == "none" && style[1] == "none" {
				b.t.Errorf("focus on %s is not visible: outline none and no box-shadow", expr)
			}
			return
		}
		b.do("pressing Tab", chromedp.KeyEvent(kb.Tab))
	}
	b.t.Fatalf("Tab never reached %s", expr)
}

// TestFlowKeyboard walks the longest path with the keyboard alone: Tab to
// the answer, Enter to follow it. Each step puts the focus on the heading.
func TestFlowKeyboard(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p := longest(tree)
	b := newTab(t)
	b.open(base + "index.html")
	b.tabTo(`document.querySelector("main a[data-start]")`)
	b.do("pressing Enter", chromedp.KeyEvent(kb.Enter))
	b.at(tree.Start)
	for i, st := range p.Steps {
		b.checkQuestion(st.Question, i+1)
		b.tabTo(optionLink(st.Question, st.Option))
		b.do("pressing Enter", chromedp.KeyEvent(kb.Enter))
		b.at(st.Option.Next)
	}
	b.checkOutcome(tree, p.Steps, p.Outcome)
	// "change" is reachable too.
	b.tabTo(`document.querySelector(".flow-answers .flow-change")`)
	b.do("pressing Enter", chromedp.KeyEvent(kb.Enter))
	b.at(p.Steps[0].Question.ID)
	b.checkChosen(p.Steps[0])
}

// TestFlowResume leaves a walk half done: the home page then offers to go
// back to it, without going there by itself.
func TestFlowResume(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p := longest(tree)
	b := newTab(t)
	b.start(base, tree)
	b.clickTo(optionLink(p.Steps[0].Question, p.Steps[0].Option), p.Steps[1].Question.ID)
	b.clickTo(optionLink(p.Steps[1].Question, p.Steps[1].Option), p.Steps[2].Question.ID)
	left := eval[string](b, "location.href")

	home := base + "index.html"
	b.open(home)
	b.waitFor("the offer to resume", `document.querySelector(".flow-resume")`)
	if got := eval[string](b, `document.querySelector("main").dataset.kind`); got != "home" {
		t.Errorf("the home page went to %s (a %s page) by itself; want it to stay", eval[string](b, "location.href"), got)
	}
	q := p.Steps[2].Question
	if got, want := b.text(".flow-resume p"), fmt.Sprintf("You stopped at question 3 of at most %d: %s", 2+q.MaxRemaining, q.Text); got != want {
		t.Errorf("offer = %q; want %q", got, want)
	}
	b.axe("home with the offer to resume")
	b.clickTo(`document.querySelector(".flow-resume .flow-go")`, q.ID)
	if got := eval[string](b, "location.href"); got != left {
		t.Errorf("resume went to %s; want %s", got, left)
	}
	b.checkQuestion(q, 3)

	// Finishing the walk forgets it.
	for _, st := range p.Steps[2:] {
		b.clickTo(optionLink(st.Question, st.Option), st.Option.Next)
	}
	b.checkOutcome(tree, p.Steps, p.Outcome)
	b.open(home)
	if eval[bool](b, `!!document.querySelector(".flow-resume")`) {
		t.Error("home offers to resume a finished walk")
	}

	// So does starting again.
	b.start(base, tree)
	b.clickTo(optionLink(p.Steps[0].Question, p.Steps[0].Option), p.Steps[1].Question.ID)
	b.clickTo(`document.querySelector(".flow-restart")`, tree.Start)
	b.open(home)
	if eval[bool](b, `!!document.querySelector(".flow-resume")`) {
		t.Error("home offers to resume a walk started again")
	}
}

// TestFlowWithoutStorage runs the flow where localStorage throws, as in
// some private modes: the walk still works, with no error in the console.
func TestFlowWithoutStorage(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	b := newTab(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("no storage here", "SecurityError") }})`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.walkPath(base, tree, longest(tree), nil)
	b.open(base + "index.html")
	if eval[bool](b, `!!document.querySelector(".flow-resume")`) {
		t.Error("home offers to resume with no storage")
	}
}

// TestPagesAxe checks every page of the site, as a reader arriving from
// outside sees it, with axe-core.
func TestPagesAxe(t *testing.T) {
	t.Parallel()
	_, base := builtGuide(t)
	if _, err := axeSource(); err != nil {
		browsertest.Missing(t, "axe-core not found ("+err.Error()+"): run .ci/run, or set RUNORREST_AXE to axe.min.js")
	}
	b := newTab(t)
	for _, pg := range guide.site.Pages {
		b.open(base + pg.Path)
		b.axe(pg.Path)
	}
}

// TestPagesAxeNoScript checks every page with JavaScript off, as built,
// with axe-core.
func TestPagesAxeNoScript(t *testing.T) {
	t.Parallel()
	_, base := builtGuide(t)
	axeNoScript(t, base, guide.site.Pages, nil)
}

// axeNoScript opens each page with JavaScript off, as built, and checks
// it with axe-core; check, if not nil, looks at each page too.
func axeNoScript(t *testing.T, base string, pages []site.Page, check func(b *tab, pg site.Page)) {
	t.Helper()
	if _, err := axeSource(); err != nil {
		browsertest.Missing(t, "axe-core not found ("+err.Error()+"): run .ci/run, or set RUNORREST_AXE to axe.min.js")
	}
	b := newPhone(t, 390, 844, false)
	scripts := func(on bool) {
		t.Helper()
		if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
			t.Fatal(err)
		}
	}
	for _, pg := range pages {
		b.open(base + pg.Path)
		// The page loaded without its scripts; axe-core needs timers, so
		// scripts are back on while it runs. The page's own never run now.
		scripts(true)
		if check != nil {
			check(b, pg)
		}
		b.axe(pg.Path + " (no script)")
		if eval[bool](b, `!!document.querySelector(".flow-keep, .flow-bar, main [role=status]")`) {
			t.Errorf("%s: the flow ran, so axe did not see the page without it", pg.Path)
		}
		scripts(false)
	}
}

// TestFlowScreenshots takes the home page, a question, an outcome and the
// map at 390x844, and the outcome's print view on an A4 page (794x1123 CSS
// pixels, taken at half scale). With RUNORREST_SCREENSHOTS=1 it writes
// them to static/screenshots/ for the README.
func TestFlowScreenshots(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p := longest(tree)
	b := newTab(t)
	shot := func(name string, w, h int) {
		t.Helper()
		b.do("scrolling to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		b.waitFor("the end of animations", `document.getAnimations().every(a => a.playState === "finished")`)
		img, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(img))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if cfg.Width != w || cfg.Height != h {
			t.Errorf("screenshot %s is %dx%d; want %dx%d", name, cfg.Width, cfg.Height, w, h)
		}
		if os.Getenv("RUNORREST_SCREENSHOTS") != "1" {
			return
		}
		dir := filepath.Join(root, "static", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), img, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.open(base + "index.html")
	shot("home", 390, 844)
	b.open(base + "map.html")
	shot("map", 390, 844)
	b.start(base, tree)
	b.clickTo(optionLink(p.Steps[0].Question, p.Steps[0].Option), p.Steps[1].Question.ID)
	b.waitFor("the announcement", `document.querySelector("main [role=status]").textContent !== ""`)
	shot("question", 390, 844)
	for _, st := range p.Steps[1:] {
		b.clickTo(optionLink(st.Question, st.Option), st.Option.Next)
	}
	b.checkOutcome(tree, p.Steps, p.Outcome)
	shot("outcome", 390, 844)
	if b.text(".flow-answers h2") != "Your answers" {
		t.Error("outcome has no \"your answers\"")
	}
	b.do("showing an A4 page", chromedp.EmulateViewport(794, 1123, chromedp.EmulateScale(0.5)))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shot("print", 397, 562)
}

// TestFlowReducedMotion checks that the flow animates its additions only
// for readers who have not asked for less motion.
func TestFlowReducedMotion(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	for _, tc := range []struct {
		motion  string
		animate bool
	}{
		{"no-preference", true},
		{"reduce", false},
	} {
		b := newTab(t)
		_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: tc.motion}},
		})
		if err != nil {
			t.Fatal(err)
		}
		b.start(base, tree)
		if got := eval[bool](b, `document.querySelector(".flow-bar").getAnimations().length > 0`); got != tc.animate {
			t.Errorf("prefers-reduced-motion: %s: the progress bar animates = %v; want %v", tc.motion, got, tc.animate)
		}
	}
}

// TestFlowHashChange checks the two kinds of fragment change on one page:
// a new walk (a link to the first question with an empty walk, such as the
// home page's "Start the questions") is a new step, and any other fragment (a footnote)
// only jumps.
func TestFlowHashChange(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p := longest(tree)
	first := p.Steps[0]
	b := newTab(t)
	b.start(base, tree)
	b.clickTo(optionLink(first.Question, first.Option), first.Option.Next)
	b.clickTo(`document.querySelector(".flow-back")`, tree.Start)
	b.checkChosen(first)
	if n := eval[int](b, `[...document.querySelectorAll("main a")].filter(l => l.offsetParent && l.textContent === "Start again").length`); n != 0 {
		t.Errorf("the first question shows %d \"Start again\" links; want none", n)
	}

	b.do("marking the page", chromedp.Evaluate[chromedp.Void](`window.flowTestMark = 1`))
	b.do("starting a new walk on the same page", chromedp.Evaluate[chromedp.Void](`location.hash = "#a="`))
	b.waitFor("a fresh first question", `document.readyState === "complete" && !window.flowTestMark && document.querySelector("main [role=status]")`)
	if got := eval[string](b, "location.hash"); got != "#a=" {
		t.Errorf("after start again, location.hash = %q; want #a=", got)
	}
	if eval[bool](b, `!!document.querySelector('main a[aria-current]')`) {
		t.Error("start again still marks an answer")
	}
	b.checkQuestion(tree.Question(tree.Start), 1)

	b.do("marking the page", chromedp.Evaluate[chromedp.Void](`window.flowTestMark = 2`))
	jumped, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`new Promise(done => {
		addEventListener("hashchange", () => setTimeout(() => done(true), 200), {once: true});
		location.hash = "#fn-1";
	})`, chromedp.EvalAwaitPromise))
	if err != nil || !jumped {
		t.Fatalf("jumping to #fn-1: %v", err)
	}
	b.waitFor("the page after the jump", `document.readyState === "complete"`)
	if !eval[bool](b, `window.flowTestMark === 2`) {
		t.Error("a jump to a footnote reloaded the page")
	}
}

// TestFlowDarkMode runs axe-core on the flow's additions in dark mode: the
// progress, a chosen answer, "why this advice", "your answers" and the offer
// to resume.
func TestFlowDarkMode(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p := longest(tree)
	b := newTab(t)
	_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	b.walkPath(base, tree, p, nil)
	b.axe(p.Outcome.ID + " in dark mode")
	b.clickTo(`document.querySelector(".flow-answers .flow-change")`, p.Steps[0].Question.ID)
	b.checkChosen(p.Steps[0])
	b.axe(p.Steps[0].Question.ID + " with a chosen answer, in dark mode")
	b.open(base + "index.html")
	b.waitFor("the offer to resume", `document.querySelector(".flow-resume")`)
	b.axe("home with the offer to resume, in dark mode")
}

// TestFlowBadFragment opens pages with answers that do not lead there or
// mean nothing: the pages stay as built, with no error.
func TestFlowBadFragment(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p := longest(tree)
	second := p.Steps[1].Question.ID
	b := newTab(t)
	for _, frag := range []string{"#a=", "#a=nonsense", "#a=" + tree.Start + ":999", "#a=,,:,:x", "#a=%3Cscript%3E:1"} {
		b.open(base + second + ".html" + frag)
		b.waitFor("the page", `document.readyState === "complete"`)
		if eval[bool](b, `!!document.querySelector(".flow-bar, main [role=status]")`) {
			t.Errorf("%s.html%s: the flow took over a page the answers do not lead to", second, frag)
		}
	}
	// The first question needs no answers: any fragment starts there.
	b.open(base + tree.Start + ".html#a=nonsense:1")
	b.at(tree.Start)
	b.checkQuestion(tree.Question(tree.Start), 1)
}
