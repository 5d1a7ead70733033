package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"runorrest/decision"
)

// FuzzMarkdownPage reads the fixture guide's Markdown with any bytes as an
// outcome page (the Markdown half of Build, without the bundler and the
// templates, so the fuzzer runs fast): it succeeds or reports problems, each
// "file:line:col: ...", and never panics. Its corpus, the inputs a run
// found interesting, is in testdata/fuzz/FuzzMarkdownPage; add to it with
// go test -run '^$' -fuzz FuzzMarkdownPage -parallel 1 ./cmd/runorrest/internal/site
// and copying the new files from $(go env GOCACHE)/fuzz.
func FuzzMarkdownPage(f *testing.F) {
	for _, s := range []string{
		"Plain text.\n",
		"[a](../recovery.md#cold) [b](../nope.md) [c](#x) [d](/abs) [e](https://x.org)\n",
		"---\ndescription: d\n---\n# h1\n\n## h2 {#id}\n\n[^1]\n\n[^1]: note\n",
		"---\ntitle\n",
		"<div>x</div>\n\n![i](x.png)\n\n`code` **b** _i_ ~~s~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"[x](<../recovery.md#foam-rolling>)\n[y]: ../rating.md\n[y]\n",
		strings.Repeat("- ", 40) + "x\n",
		strings.Repeat(">", 50) + "\n",
		strings.Repeat("[a](", 300) + "\n",
		"[j](javascript:alert(1)) <vbscript:x> [m](mailto:a@b.c)\n",
		"a\x00b\x1b[2J\u202ec\xff\n",
		"```\n" + strings.Repeat(">", 50) + "\n" + strings.Repeat("[", 300) + "\n```\n" + strings.Repeat("- ", 40) + "x\n",
		"<pre>\n```\n\n" + strings.Repeat("> ", 40) + "\n",
		"---\n```\n---\n~~~~\n~~~\n- x\n",
		"*a* `b` x <data:x> and <https://x.org> www.example.org\n",
	} {
		f.Add([]byte(s))
	}
	base := fixtureFS(f, "guide")
	tree, err := decision.Load(base, decision.Options{})
	if err != nil {
		f.Fatal(err)
	}
	posRE := regexp.MustCompile(`^content/[a-z/.-]+\.md:[1-9][0-9]*:[1-9][0-9]*: \S`)
	f.Fuzz(func(t *testing.T, page []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["content/outcomes/easy-run.md"] = &fstest.MapFile{Data: page}
		b := &builder{fsys: fsys, tree: tree, content: &content{}}
		b.loadMarkdown()
		if !b.failed() {
			return
		}
		err := error(b.problems())
		for _, line := range strings.Split(err.Error(), "\n") {
			if !posRE.MatchString(line) {
				t.Fatalf("problem %q is not file:line:col: text", line)
			}
		}
	})
}
