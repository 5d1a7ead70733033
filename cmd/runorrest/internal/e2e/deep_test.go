package e2e

import (
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/pipeline"
)

// deepGuide is the default guide's folders (without its translation) with a generated tree: a chain
// of n questions, each answered "Yes" to go on or "No" to stop; the last
// "Yes" reaches the outcome "end".
func deepGuide(t *testing.T, n int) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasPrefix(p, "content/") && !strings.HasPrefix(p, "templates/") && !strings.HasPrefix(p, "static/") ||
			strings.HasPrefix(p, "content/es/") { // the Spanish words are those of the default tree
			return nil
		}
		data, err := fs.ReadFile(os.DirFS(root), p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var y strings.Builder
	y.WriteString("title: A deep guide\nstart: q0\nverdicts:\n  run:\n    label: Run easy\n    tone: go\n  rest:\n    label: Rest\n    tone: stop\nquestions:\n")
	for i := range n {
		next := fmt.Sprintf("q%d", i+1)
		if i == n-1 {
			next = "end"
		}
		fmt.Fprintf(&y, "  q%d:\n    text: Is question %d fine?\n    options:\n      - label: \"Yes\"\n        next: %s\n      - label: \"No\"\n        next: stop\n", i, i, next)
	}
	y.WriteString("outcomes:\n  end:\n    title: All the way\n    verdict: run\n    page: outcomes/easy-run.md\n" +
		"  stop:\n    title: Stopped\n    verdict: rest\n    page: outcomes/full-rest.md\nscenarios: []\n")
	fsys["content/tree.yaml"] = &fstest.MapFile{Data: []byte(y.String())}
	return fsys
}

// TestFlowDeeperThan99 walks a tree of 120 questions, built with
// -max-depth 120: the flow follows the answers in the address to the last
// question and to the outcome, however many there are, as far as the tree
// the build checked goes.
func TestFlowDeeperThan99(t *testing.T) {
	const n = 120
	s, err := pipeline.Build(t.Context(), deepGuide(t, n), pipeline.Options{MaxDepth: n})
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, s.Files)
	srv := httptest.NewServer(staticHost(dir, "/"))
	defer srv.Close()

	yes := make([]string, n)
	for i := range yes {
		yes[i] = fmt.Sprintf("q%d:yes", i)
	}
	b := newTab(t)
	b.open(fmt.Sprintf("%s/q%d.html#a=%s", srv.URL, n-1, strings.Join(yes[:n-1], ",")))
	b.waitFor("the flow's progress bar", `document.querySelector(".flow-progress")`)
	if got, want := eval[string](b, `document.querySelector(".flow-progress").textContent`), fmt.Sprintf("Question %d of at most %d", n, n); got != want {
		t.Errorf("question %d: progress %q; want %q", n, got, want)
	}
	b.open(srv.URL + "/end.html#a=" + strings.Join(yes, ","))
	b.waitFor("the answers", `document.querySelector(".flow-answers")`)
	if got := eval[int](b, `document.querySelectorAll(".flow-answers li").length`); got != n {
		t.Errorf("outcome: %d answers listed; want %d", got, n)
	}
}
