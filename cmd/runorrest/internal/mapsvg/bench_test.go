package mapsvg

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"runorrest/cmd/runorrest/internal/testkit"
	"runorrest/decision"
)

// bigTree makes a DAG of questions and outcomes, n nodes in all, each
// question with two or three options leading further down.
func bigTree(n int) *decision.Tree {
	r := rand.New(rand.NewPCG(1, 2))
	t := &decision.Tree{Title: "Big", Start: "q0",
		Verdicts: []*decision.Verdict{{ID: "run", Label: "Run easy", Tone: "go"}, {ID: "rest", Label: "Rest", Tone: "stop"}}}
	nq := n * 7 / 10
	name := func(i int) string {
		if i < nq {
			return "q" + strconv.Itoa(i)
		}
		return "o" + strconv.Itoa(i)
	}
	for i := range nq {
		q := &decision.Question{ID: name(i), Text: "Question number " + strconv.Itoa(i) + " asks something?"}
		for k := range 2 + r.IntN(2) {
			j := i + 1 + r.IntN(min(40, n-1-i))
			q.Options = append(q.Options, &decision.Option{Label: "Answer " + strconv.Itoa(k), Next: name(j)})
		}
		t.Questions = append(t.Questions, q)
	}
	for i := nq; i < n; i++ {
		t.Outcomes = append(t.Outcomes, &decision.Outcome{ID: name(i), Title: "Outcome " + strconv.Itoa(i), Verdict: []string{"run", "rest"}[i%2]})
	}
	return t
}

// benchSVG measures the map of t, whatever its size.
func benchSVG(b *testing.B, t *decision.Tree) {
	b.ReportAllocs()
	var size int
	m := newModel(t)
	for b.Loop() {
		svg, err := render(m, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size = len(svg)
	}
	b.ReportMetric(float64(size), "svg-bytes")
}

func BenchmarkSVGSample(b *testing.B) { benchSVG(b, testkit.SmallTree()) }

func BenchmarkSVG500(b *testing.B) { benchSVG(b, bigTree(500)) }

// The default guide.
func guideTree(b *testing.B) *decision.Tree {
	tree, err := decision.Load(os.DirFS(repoRoot), decision.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return tree
}

func BenchmarkSVGGuide(b *testing.B) { benchSVG(b, guideTree(b)) }
