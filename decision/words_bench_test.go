package decision

import (
	"fmt"
	"strings"
	"testing"
)

// wideWords writes a tree of 1 + f + f·f questions (a first question with f
// answers, each to a question with f answers, each to a yes/no question)
// and a words file that translates all of it.
func wideWords(f int) (tree, words []byte) {
	var t, w strings.Builder
	t.WriteString("title: Wide\nstart: q\nverdicts:\n  run: {label: Run, tone: go}\n  rest: {label: Rest, tone: stop}\nquestions:\n")
	w.WriteString("lang: es\nname: Español\ntitle: Ancho\nverdicts:\n  run: {label: Corre}\n  rest: {label: Descansa}\nquestions:\n")
	question := func(id string, next []string) {
		fmt.Fprintf(&t, "  %s:\n    text: Question %s?\n    options:\n", id, id)
		fmt.Fprintf(&w, "  %s:\n    text: ¿Pregunta %s?\n    options:\n", id, id)
		for i, n := range next {
			fmt.Fprintf(&t, "      - {id: a%d, label: Answer %d, next: %s}\n", i, i, n)
			fmt.Fprintf(&w, "      a%d: {label: Respuesta %d}\n", i, i)
		}
	}
	var mids []string
	for i := range f {
		mids = append(mids, fmt.Sprintf("m%d", i))
	}
	question("q", mids)
	for i := range f {
		var leaves []string
		for j := range f {
			leaves = append(leaves, fmt.Sprintf("l%d-%d", i, j))
		}
		question(mids[i], leaves)
		for _, l := range leaves {
			question(l, []string{"go", "stop"})
		}
	}
	t.WriteString("outcomes:\n  go: {title: Go, verdict: run, page: go.md}\n  stop: {title: Stop, verdict: rest, page: stop.md}\n")
	t.WriteString("scenarios:\n  - {name: first answers, answers: {q: a0, m0: a0, l0-0: a0}, expect: go}\n")
	w.WriteString("outcomes:\n  go: {title: Ve}\n  stop: {title: Para}\n")
	return []byte(t.String()), []byte(w.String())
}

// BenchmarkTranslationWide reads the words of trees of growing size: the
// time per question stays the same (no lookup by id is a scan).
// go test ./decision -run '^$' -bench TranslationWide -benchtime 3x
func BenchmarkTranslationWide(b *testing.B) {
	for _, f := range []int{10, 30, 100} {
		tree, words := wideWords(f)
		orig, err := Parse("content/tree.yaml", tree, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 1 + f + f*f
		b.Run(fmt.Sprintf("questions=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := ParseTranslation(orig, "es", "content/es/words.yaml", words, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/question")
		})
	}
}
