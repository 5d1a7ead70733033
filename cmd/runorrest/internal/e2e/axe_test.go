package e2e

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core's axe.min.js, read once.
var axeSource = sync.OnceValues(func() (string, error) {
	p := os.Getenv("RUNORREST_AXE")
	if p == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		p = filepath.Join(home, ".cache", "runorrest-axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(p)
	return string(b), err
})

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axe runs axe-core on the current page and fails the test for each
// violation. where names the page and step in messages.
func (b *tab) axe(where string) {
	b.t.Helper()
	src, err := axeSource()
	if err != nil {
		// The rest of a test still runs; TestPagesAxe, which is only axe, skips.
		if os.Getenv("CI") == "true" {
			b.t.Fatalf("axe-core not found (%v): .ci/run installs it (CI=true: it must be there)", err)
		}
		b.t.Logf("axe-core not found (%v): %s not checked (run .ci/run, or set RUNORREST_AXE to axe.min.js)", err, where)
		return
	}
	// DevTools evaluation is not subject to the page's CSP, so the pages
	// keep their policy while axe runs.
	if !eval[bool](b, `typeof axe === "object"`) {
		b.do("injecting axe-core", chromedp.Evaluate[chromedp.Void](src))
	}
	// axe checks the page as it settles: a step's fade-in (0.2 s) still
	// running on a loaded machine would show its text half transparent.
	b.do("finishing animations", chromedp.Evaluate[chromedp.Void](`document.getAnimations().forEach(a => a.finish())`))
	vs, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))})))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("running axe-core on %s: %v", where, err)
	}
	for _, v := range vs {
		b.t.Errorf("axe on %s: %s (%s): %s at %v", where, v.ID, v.Impact, v.Help, v.Nodes)
	}
}
