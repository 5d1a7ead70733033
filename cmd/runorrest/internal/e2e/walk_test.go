package e2e

import (
	"fmt"
	"strconv"

	"github.com/chromedp/chromedp"

	"runorrest/decision"
)

// optionLink is a JavaScript expression for the link of option o of q on
// the current page.
func optionLink(q *decision.Question, o *decision.Option) string {
	if q.Scale != nil {
		return fmt.Sprintf(`document.querySelector('main a[data-next][data-value="%d"]')`, o.Lo)
	}
	return fmt.Sprintf(`document.querySelectorAll('main a[data-next]')[%d]`, optionIndex(q, o))
}

// answerText is how "your answers" words an answer.
func answerText(q *decision.Question, o *decision.Option) string {
	if q.Scale != nil {
		return fmt.Sprintf("%d of %d (%s)", o.Lo, q.Scale.Max, o.Label)
	}
	return o.Label
}

// tap taps the element of a JavaScript expression, as a finger on a phone
// would. It finds the element with JavaScript, not with chromedp's DOM
// queries, which lose track of a page that Back restores from the
// back-forward cache.
func (b *tab) tap(expr string) {
	b.t.Helper()
	xy := eval[[]float64](b, `(e => {
		if (!e) return [];
		e.scrollIntoView({block: "center", behavior: "instant"});
		const r = e.getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})(`+expr+`)`)
	if len(xy) != 2 {
		b.t.Fatalf("no element %s on %s", expr, eval[string](b, "location.href"))
	}
	b.do("tapping "+expr, chromedp.TapXY(xy[0], xy[1]))
}

// clickTo taps the element of a JavaScript expression and waits for the
// page of node.
func (b *tab) clickTo(expr, node string) {
	b.t.Helper()
	b.tap(expr)
	b.at(node)
}

// start opens the home page and follows its "Start the questions" link.
func (b *tab) start(base string, tree *decision.Tree) {
	b.t.Helper()
	b.open(base + "index.html")
	b.clickTo(`document.querySelector('main a[data-start]')`, tree.Start)
}

// text returns the trimmed text of the first element a CSS selector finds,
// or "" when there is none.
func (b *tab) text(sel string) string {
	b.t.Helper()
	return eval[string](b, `(e => e ? e.textContent.trim() : "")(document.querySelector(`+js(sel)+`))`)
}

// checkQuestion checks the flow's additions on question q, reached as the
// n-th question (from 1).
func (b *tab) checkQuestion(q *decision.Question, n int) {
	b.t.Helper()
	if got, want := b.text("main .flow-progress"), fmt.Sprintf("Question %d of at most %d", n, n-1+q.MaxRemaining); got != want {
		b.t.Errorf("on %s: progress = %q; want %q", q.ID, got, want)
	}
	if got, want := b.text(".flow-back") != "", n > 1; got != want {
		b.t.Errorf("on %s (question %d): has back = %v; want %v", q.ID, n, got, want)
	}
	// One visible "Start again" on a question after the first, none on the first.
	again := eval[int](b, `[...document.querySelectorAll("main a")].filter(l => l.offsetParent && l.textContent === "Start again").length`)
	if want := min(n-1, 1); again != want {
		b.t.Errorf("on %s (question %d): %d \"Start again\" links; want %d", q.ID, n, again, want)
	}
	b.checkArrival(fmt.Sprintf("Question %d of at most %d: %s", n, n-1+q.MaxRemaining, q.Text))
}

// checkArrival checks that focus is on the page's heading and that the live
// region announces the step.
func (b *tab) checkArrival(say string) {
	b.t.Helper()
	b.waitFor("the announcement "+say, `document.querySelector("main [role=status]").textContent !== ""`)
	if got := b.text("main [role=status]"); got != say {
		b.t.Errorf("live region says %q; want %q", got, say)
	}
	if got := eval[string](b, `document.activeElement.tagName`); got != "H1" {
		b.t.Errorf("focus is on %s; want the H1", got)
	}
}

type answerRow struct {
	Q    string `json:"q"`
	A    string `json:"a"`
	Text string `json:"text"`
}

// checkOutcome checks that the page is the outcome of steps, with "your
// answers", each with the why line of its answer, matching them.
func (b *tab) checkOutcome(tree *decision.Tree, steps []decision.Step, out *decision.Outcome) {
	b.t.Helper()
	b.at(out.ID)
	if got := eval[string](b, `document.querySelector("main").dataset.verdict`); got != out.Verdict {
		b.t.Errorf("on %s: verdict = %q; want %q", out.ID, got, out.Verdict)
	}
	rows := eval[[]answerRow](b, `[...document.querySelectorAll(".flow-answers li")].map(li => ({q: li.dataset.q, a: li.dataset.a, text: li.querySelector("strong").textContent}))`)
	keys := eval[map[string][]string](b, `(t => Object.fromEntries(Object.entries(t.q).map(([id, q]) => [id, q.o.map(o => o.k)])))(self.runorrestTree)`)
	var want []answerRow
	var why []string
	for _, st := range steps {
		r := answerRow{Q: st.Question.ID, A: strconv.Itoa(st.Option.Lo), Text: answerText(st.Question, st.Option)}
		if st.Question.Scale == nil {
			r.A = keys[st.Question.ID][optionIndex(st.Question, st.Option)]
		}
		want = append(want, r)
		why = append(why, st.Option.Why)
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		b.t.Errorf("on %s: your answers = %v; want %v", out.ID, rows, want)
	}
	if got := eval[[]string](b, `[...document.querySelectorAll(".flow-answers li")].map(li => (e => e ? e.textContent : "")(li.querySelector(".flow-because")))`); fmt.Sprint(got) != fmt.Sprint(why) {
		b.t.Errorf("on %s: the reasons of your answers = %q; want %q", out.ID, got, why)
	}
	v := tree.Verdict(out.Verdict)
	b.checkArrival("Your advice: " + out.Title + ". " + v.Label + ".")
}

func optionIndex(q *decision.Question, o *decision.Option) int {
	for i, x := range q.Options {
		if x == o {
			return i
		}
	}
	panic("option " + o.Label + " is not in question " + q.ID)
}

// walkPath walks p from the home page by clicking, checking every step, and
// calls visit on each page it reaches.
func (b *tab) walkPath(base string, tree *decision.Tree, p decision.Path, visit func(node string)) {
	b.t.Helper()
	b.start(base, tree)
	for i, st := range p.Steps {
		b.checkQuestion(st.Question, i+1)
		if visit != nil {
			visit(st.Question.ID)
		}
		b.clickTo(optionLink(st.Question, st.Option), st.Option.Next)
	}
	b.checkOutcome(tree, p.Steps, p.Outcome)
	if visit != nil {
		visit(p.Outcome.ID)
	}
}
