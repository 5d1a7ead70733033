package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

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

// FuzzNestingBound checks the pre-scan against goldmark: Markdown that
// decision.CheckMarkdown accepts is never nested deeper in lists and
// quotes than decision.MaxNesting once parsed, whatever fenced code, HTML
// blocks or front matter it holds. Run with
// go test -run '^$' -fuzz FuzzNestingBound -parallel 1 ./cmd/runorrest/internal/site
func FuzzNestingBound(f *testing.F) {
	deep := strings.Repeat("> ", decision.MaxNesting+1) + "x\n"
	for _, s := range []string{
		"```\n" + deep + "```\n",
		"<div>\n```\n\n" + deep,
		"---\n```\n---\n" + deep,
		"[foo]:\n```\n" + deep + "```\n",
		"- a\n\n  ```\n" + deep,
		"~~~\n" + deep + "~~~~\n" + deep,
		"```\r\n" + deep + "```\r\n" + deep,
		"| a |\n|---|\n```\n" + deep + "```\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if decision.CheckMarkdown(src) != nil {
			return
		}
		doc := md.Parser().Parse(text.NewReader(src))
		depth, most := 0, 0
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if n.Kind() == ast.KindList || n.Kind() == ast.KindBlockquote {
				if entering {
					depth++
					most = max(most, depth)
				} else {
					depth--
				}
			}
			return ast.WalkContinue, nil
		})
		if most > decision.MaxNesting {
			t.Fatalf("CheckMarkdown accepted %q, nested %d deep", src, most)
		}
	})
}
