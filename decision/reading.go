package decision

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"

	"runorrest/decision/readability"
)

// The reading level. See the package doc, # Reading level.

// DefaultReadingAge is the reading target when the tree sets no
// reading-age: a reading age of 11, Flesch-Kincaid grade 6.
const DefaultReadingAge = 11

// The range of reading-age the tree file accepts.
const (
	minReadingAge = 7
	maxReadingAge = 21
)

// GradeForAge returns the Flesch-Kincaid grade that suits a reading age:
// the age minus 5 (US grade 1 starts at age 6).
func GradeForAge(age int) float64 { return float64(age - 5) }

// Text is a piece of the tree file's wording that readers see: a question's
// text or help, a scale's end words, an option's label or why line. The
// reading-level check measures them, question by question.
type Text struct {
	Question string // the question's id
	Shared   bool   // Question is the id of a shared question
	Field    string // text, help, low, high, label or why
	Value    string
	Markdown bool // help is Markdown
	Pos      Pos  // where the value's first character is in the file

	block  bool // a | or > block scalar: value line n is file line Pos.Line+n-1
	indent int  // a block scalar's indentation
}

// PosAt maps a position in the value (1-based line and column) to the
// file. It is exact for single-line values and | blocks; for values folded
// over several lines it may point at the value's first line.
func (t Text) PosAt(line, col int) Pos {
	if t.block {
		return Pos{t.Pos.Line + line - 1, t.indent + col}
	}
	if line == 1 {
		return Pos{t.Pos.Line, t.Pos.Col + col - 1}
	}
	return t.Pos
}

// Reading is the measure of one page or one question against the reading
// target.
type Reading struct {
	File string // where the text is: content/tree.yaml for a question
	Name string // the page's path under content/, or "question ID"
	readability.Result
}

// Grade is the reading's Flesch-Kincaid grade rounded to one decimal, as
// reports show it and the target is compared with.
func (r Reading) Grade() float64 { return math.Round(r.Result.Grade()*10) / 10 }

// Check returns a warning at the hardest sentence if the grade is above
// the target grade of a reading age, nil otherwise.
func (r Reading) Check(age int) *Problem {
	target := GradeForAge(age)
	if r.Grade() <= target {
		return nil
	}
	h := r.Hardest
	return &Problem{File: r.File, Pos: Pos{h.Line, h.Col}, Warning: true, Err: ErrReadingLevel,
		Msg: fmt.Sprintf("%s reads at grade %.1f%s, above the target %g (reading age %d); its hardest sentence starts here: %q (%d words, %d long)",
			r.Name, r.Grade(), r.score(), target, age, shorten(h.Text, 60), h.Words, h.LongWords),
		Hint: "split long sentences and use shorter words"}
}

// Formula names the formula the reading was measured by.
func (r Reading) Formula() string {
	if r.Lang == nil {
		return readability.English.Formula
	}
	return r.Lang.Formula
}

// score is the figure of a formula that is not a grade, for messages:
// " (Fernández Huerta reading ease 64)"; "" for a grade.
func (r Reading) score() string {
	if r.Lang == nil || r.Lang == readability.English {
		return ""
	}
	return fmt.Sprintf(" (%s %.0f)", r.Lang.Formula, r.Score())
}

// shorten cuts s to about n characters at a space, adding "...".
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.TrimRight(s[:cut], " ,;:") + "..."
}

// ReadingFormula is the formula that measures the tree's language, nil if
// none suits it: its words are then not measured, and reports say so.
func (t *Tree) ReadingFormula() *readability.Language { return readability.ForLang(t.Lang) }

// QuestionReadings measures every question, by the formula of the tree's
// language (none if [Tree.ReadingFormula] is nil): its text, help, scale words
// and its options' labels and why lines. A shared question is measured
// once, as "shared question ID"; a step that asks it is measured for its
// own why lines, if it has any. flatten turns a Markdown help text into
// blocks of plain text, positioned within the text (line 1, column 1 is its
// first character); this package does not parse Markdown.
func (t *Tree) QuestionReadings(flatten func(markdown string) []readability.Block) []Reading {
	type unit struct {
		shared bool
		id     string
	}
	blocks := make(map[unit][]readability.Block, len(t.Questions)+len(t.Shared))
	for _, x := range t.Texts {
		u := unit{x.Shared, x.Question}
		if !x.Markdown {
			blocks[u] = append(blocks[u], readability.Block{{Text: x.Value, Line: x.Pos.Line, Col: x.Pos.Col}})
			continue
		}
		for _, b := range flatten(x.Value) {
			for i := range b {
				p := x.PosAt(b[i].Line, b[i].Col)
				b[i].Line, b[i].Col = p.Line, p.Col
			}
			blocks[u] = append(blocks[u], b)
		}
	}
	lang := readability.ForLang(t.Lang)
	if lang == nil {
		return nil // no formula suits the language: see ReadingFormula
	}
	out := make([]Reading, 0, len(t.Questions)+len(t.Shared))
	var texts [][]readability.Block
	for _, q := range t.Questions {
		if b, ok := blocks[unit{false, q.ID}]; ok {
			out = append(out, Reading{File: t.File, Name: "question " + q.ID})
			texts = append(texts, b)
		}
	}
	for _, q := range t.Shared {
		if b, ok := blocks[unit{true, q.ID}]; ok {
			out = append(out, Reading{File: t.File, Name: sharedKind + " " + q.ID})
			texts = append(texts, b)
		}
	}
	// Measuring is most of the time check takes on a large tree: it is
	// spread over the processors, each result in its own place.
	workers := min(runtime.GOMAXPROCS(0), len(texts)/256+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(texts); i += workers {
				out[i].Result = lang.Measure(texts[i])
			}
		})
	}
	wg.Wait()
	return out
}
