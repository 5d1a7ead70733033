package e2e

import (
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/pipeline"
	"runorrest/decision"
)

// TestFlowEveryPath walks every path of the default guide by clicking, and
// checks each step, the outcome and "your answers" against the tree's
// paths; axe-core checks each page the first time the walk reaches it. The
// walk is depth first: after an outcome, browser Back returns to the last
// question with an answer not yet tried, so shared beginnings are clicked
// once.
func TestFlowEveryPath(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	b := newTab(t)
	checked := map[string]bool{}
	visit := func(node string) {
		if !checked[node] {
			checked[node] = true
			b.axe(node + " (mid-walk)")
		}
	}
	var walked []string
	b.start(base, tree)
	b.everyPath(tree, tree.Start, nil, visit, &walked)

	var want []string
	for p := range tree.Paths("") {
		want = append(want, p.String())
	}
	sort.Strings(walked)
	sort.Strings(want)
	if strings.Join(walked, "\n") != strings.Join(want, "\n") {
		t.Errorf("walked paths:\n%s\nwant (tree.Paths):\n%s", strings.Join(walked, "\n"), strings.Join(want, "\n"))
	}
	if got, want := len(checked), len(tree.Questions)+len(tree.Outcomes); got != want {
		t.Errorf("axe checked %d pages mid-walk; want all %d questions and outcomes", got, want)
	}
}

// everyPath walks, from question node (the current page, reached by
// prefix), every path on by clicking, and adds each to walked.
func (b *tab) everyPath(tree *decision.Tree, node string, prefix []decision.Step, visit func(string), walked *[]string) {
	b.t.Helper()
	q := tree.Question(node)
	b.checkQuestion(q, len(prefix)+1)
	visit(node)
	for _, o := range q.Options {
		steps := append(prefix[:len(prefix):len(prefix)], decision.Step{Question: q, Option: o})
		b.clickTo(optionLink(q, o), o.Next)
		if out := tree.Outcome(o.Next); out != nil {
			b.checkOutcome(tree, steps, out)
			visit(out.ID)
			*walked = append(*walked, decision.Path{Steps: steps, Outcome: out}.String())
		} else {
			b.everyPath(tree, o.Next, steps, visit, walked)
		}
		if b.t.Failed() {
			b.t.FailNow()
		}
		b.history("back")
		b.at(node)
	}
}

// longest returns the first of the longest paths.
func longest(tree *decision.Tree) decision.Path {
	var best decision.Path
	for p := range tree.Paths("") {
		if len(p.Steps) > len(best.Steps) {
			best = p
		}
	}
	return best
}

// hash returns the answers in the current URL.
func (b *tab) hash() string {
	b.t.Helper()
	return eval[string](b, "location.hash")
}

// wantHash is the fragment of the answers of steps, read from the links the
// walk follows, so this checks the format: #a=id:token,...
func checkHash(t *testing.T, got string, steps []decision.Step) {
	t.Helper()
	if !strings.HasPrefix(got, "#a=") {
		t.Fatalf("location.hash = %q; want #a=...", got)
	}
	var ids []string
	for _, part := range strings.Split(strings.TrimPrefix(got, "#a="), ",") {
		if part != "" {
			ids = append(ids, part[:strings.IndexByte(part+":", ':')])
		}
	}
	var want []string
	for _, st := range steps {
		want = append(want, st.Question.ID)
	}
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("location.hash = %q answers %v; want %v", got, ids, want)
	}
}

// testBackForwardReload walks part of the longest path, steps back and
// forward with the browser, reloads, and walks on to the outcome.
func testBackForwardReload(t *testing.T, base string, tree *decision.Tree) {
	p := longest(tree)
	if len(p.Steps) < 3 {
		t.Fatalf("the longest path %s has fewer than 3 steps", p)
	}
	b := newTab(t)
	b.start(base, tree)
	b.clickTo(optionLink(p.Steps[0].Question, p.Steps[0].Option), p.Steps[1].Question.ID)
	b.clickTo(optionLink(p.Steps[1].Question, p.Steps[1].Option), p.Steps[2].Question.ID)
	b.checkQuestion(p.Steps[2].Question, 3)
	checkHash(t, b.hash(), p.Steps[:2])

	b.history("back")
	b.at(p.Steps[1].Question.ID)
	b.checkQuestion(p.Steps[1].Question, 2)
	checkHash(t, b.hash(), p.Steps[:1])
	b.history("back")
	b.at(p.Steps[0].Question.ID)
	b.checkQuestion(p.Steps[0].Question, 1)
	b.history("forward")
	b.at(p.Steps[1].Question.ID)
	b.checkQuestion(p.Steps[1].Question, 2)
	b.history("forward")
	b.at(p.Steps[2].Question.ID)
	b.checkQuestion(p.Steps[2].Question, 3)

	b.do("reloading", chromedp.Reload())
	b.at(p.Steps[2].Question.ID)
	b.checkQuestion(p.Steps[2].Question, 3)
	checkHash(t, b.hash(), p.Steps[:2])

	// The flow's own "back" link steps back too, keeping the answer there.
	b.clickTo(`document.querySelector(".flow-back")`, p.Steps[1].Question.ID)
	b.checkQuestion(p.Steps[1].Question, 2)
	b.checkChosen(p.Steps[1])

	for i := 1; i < len(p.Steps); i++ {
		st := p.Steps[i]
		b.clickTo(optionLink(st.Question, st.Option), st.Option.Next)
	}
	b.checkOutcome(tree, p.Steps, p.Outcome)
	checkHash(t, b.hash(), p.Steps)
}

func TestFlowBackForwardReload(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	testBackForwardReload(t, base, tree)
}

// TestFlowFromDisk does the same from file://, where every page is a
// separate document and fetch() would not work.
func TestFlowFromDisk(t *testing.T) {
	t.Parallel()
	tree, _ := builtGuide(t)
	testBackForwardReload(t, fileURL(t), tree)
}

// checkChosen checks that the page marks the answer of st as the one given.
func (b *tab) checkChosen(st decision.Step) {
	b.t.Helper()
	got := eval[string](b, `[...document.querySelectorAll('main a[aria-current="true"]')].map(a => a.textContent).join("|")`)
	want := st.Option.Label
	if st.Question.Scale != nil {
		want = fmt.Sprint(st.Option.Lo)
	}
	if !strings.HasPrefix(got, want) || strings.Contains(got, "|") {
		b.t.Errorf("on %s: chosen answer = %q; want %q", st.Question.ID, got, want)
	}
}

// pickChange finds, on the longest path it can, an answer k (not the first)
// that can be changed to alt so that the walk ends at an outcome at once,
// with answers after k that then no longer apply.
func pickChange(t *testing.T, tree *decision.Tree) (p decision.Path, k int, alt *decision.Option) {
	t.Helper()
	var paths []decision.Path
	for p := range tree.Paths("") {
		paths = append(paths, p)
	}
	sort.SliceStable(paths, func(i, j int) bool { return len(paths[i].Steps) > len(paths[j].Steps) })
	for _, p := range paths {
		for k := 1; k < len(p.Steps)-1; k++ {
			for _, o := range p.Steps[k].Question.Options {
				if o.Next != p.Steps[k].Option.Next && tree.Outcome(o.Next) != nil {
					return p, k, o
				}
			}
		}
	}
	t.Fatal("the default guide has no answer that, changed, ends the walk before later answers")
	return
}

// TestFlowChangeAnswer changes an answer from the outcome, then changes it
// back: the answers after it still apply, so the walk ends where it began.
func TestFlowChangeAnswer(t *testing.T) {
	t.Parallel()
	tree, base := builtGuide(t)
	p, k, alt := pickChange(t, tree)
	st := p.Steps[k]
	b := newTab(t)
	b.walkPath(base, tree, p, nil)

	change := fmt.Sprintf(`document.querySelectorAll(".flow-answers .flow-change")[%d]`, k)
	b.clickTo(change, st.Question.ID)
	b.checkQuestion(st.Question, k+1)
	b.checkChosen(st)
	b.clickTo(optionLink(st.Question, alt), alt.Next)
	b.checkOutcome(tree, append(p.Steps[:k:k], decision.Step{Question: st.Question, Option: alt}), tree.Outcome(alt.Next))
	// The answers after k are still in the URL, for when k changes back.
	checkHash(t, b.hash(), p.Steps)

	b.clickTo(change, st.Question.ID)
	b.checkChosen(decision.Step{Question: st.Question, Option: alt})
	b.clickTo(optionLink(st.Question, st.Option), p.Outcome.ID)
	b.checkOutcome(tree, p.Steps, p.Outcome)
}

// TestFlowTreeText builds the default guide with text that could break out
// of a script or a string (</script>, <!--, U+2028) and checks that the flow
// reads it back unchanged.
func TestFlowTreeText(t *testing.T) {
	t.Parallel()
	const odd = " </script><script>alert(1)</script> <!-- x --> \u2028 \u2029 & \"q\" 'a'"
	var text string
	tree, _, dir, err := buildTo(func(tr *decision.Tree) {
		q := tr.Question(tr.Start)
		q.Text += odd
		text = q.Text
	}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	b := newTab(t)
	u := url.URL{Scheme: "file", Path: dir + "/" + tree.Start + ".html", Fragment: "a="}
	b.open(u.String())
	b.at(tree.Start)
	if got := eval[string](b, `self.runorrestTree.q[`+js(tree.Start)+`].t`); got != text {
		t.Errorf("the script reads the question as %q; want %q", got, text)
	}
	q := tree.Question(tree.Start)
	b.checkArrival(fmt.Sprintf("Question 1 of at most %d: %s", q.MaxRemaining, text))
	if got := eval[int](b, `document.querySelectorAll("script").length`); got != 3 {
		t.Errorf("page has %d script elements; want 3 (the tree, the flow and the JSON-LD): some text broke out", got)
	}
	// The JSON-LD, which names the question, holds the text unchanged too.
	if got := eval[string](b, `JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent).name`); !strings.HasPrefix(got, text) {
		t.Errorf("the JSON-LD names the page %q; want it to start with %q", got, text)
	}
}
