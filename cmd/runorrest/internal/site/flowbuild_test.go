package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/decision"
)

// flowScriptBudget is the most the compiled flow script may weigh, gzipped.
const flowScriptBudget = 4 << 10

func gzipLen(t *testing.T, data []byte) int {
	t.Helper()
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

// TestFlowInDefaultGuide builds the default guide and checks the script's
// size, and that every page loads the tree script, then the flow script.
func TestFlowInDefaultGuide(t *testing.T) {
	tree, s := build(t, os.DirFS(repoRoot), Options{})
	if !regexp.MustCompile(`^assets/flow\.[0-9a-f]{8}\.js$`).MatchString(s.Script) {
		t.Fatalf("Script = %q; want assets/flow.HASH.js", s.Script)
	}
	js := s.Files[s.Script]
	if n := gzipLen(t, js); n > flowScriptBudget {
		t.Errorf("%s is %d bytes gzipped; the budget is %d", s.Script, n, flowScriptBudget)
	} else {
		t.Logf("%s: %d bytes, %d gzipped (budget %d)", s.Script, len(js), n, flowScriptBudget)
	}
	want, err := FlowTreeScript(tree, testUI(t).Text)
	if err != nil {
		t.Fatal(err)
	}
	var treeJS []string
	for name, data := range s.Files {
		if strings.HasPrefix(name, "assets/tree.") {
			treeJS = append(treeJS, name)
			if !bytes.Equal(data, want) {
				t.Errorf("%s is not FlowTreeScript's output", name)
			}
			t.Logf("%s: %d bytes, %d gzipped", name, len(data), gzipLen(t, data))
		}
	}
	if len(treeJS) != 1 || !regexp.MustCompile(`^assets/tree\.[0-9a-f]{8}\.js$`).MatchString(treeJS[0]) {
		t.Fatalf("tree scripts %v; want one assets/tree.HASH.js", treeJS)
	}
	tags := `<script defer src="` + treeJS[0] + `"></script>` + "\n" + `<script defer src="` + s.Script + `"></script>`
	for _, p := range s.Pages {
		if got := strings.Count(string(s.Files[p.Path]), tags); got != 1 {
			t.Errorf("%s holds the tree and flow scripts, in order, %d times; want once", p.Path, got)
		}
	}
}

// TestFlowScriptError checks that a mistake in the flow's TypeScript fails
// the build with the file, line and column of the mistake.
func TestFlowScriptError(t *testing.T) {
	for _, tc := range []struct {
		name, file, src, want string
	}{
		{"syntax", "static/flow/tree.ts", "export const x = ;\n", `^static/flow/tree\.ts:1:18: `},
		{"missing import", "static/flow.ts", "import { y } from \"./flow/nope\"\nconsole.log(y)\n", `^static/flow\.ts:1:19: `},
		{"unclosed", "static/flow/url.ts", "export function f() {\n  return 1\n", `^static/flow/url\.ts:3:1: `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixtureFS(t, "guide")
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.src)}
			tree, err := decision.Load(fsys, decision.Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = buildSite(fsys, tree, Options{})
			var ps decision.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("Build = %v; want problems", err)
			}
			if !errors.Is(ps[0].Err, bundle.ErrBundle) {
				t.Errorf("problem %v is not bundle.ErrBundle", ps[0])
			}
			if got := strings.Split(err.Error(), "\n")[0]; !regexp.MustCompile(tc.want).MatchString(got) {
				t.Errorf("Build error = %q; want it to match %q", got, tc.want)
			}
		})
	}
}
