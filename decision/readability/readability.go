// Package readability measures how hard text is to read: words per
// sentence, the share of long words, and a grade level by a formula made
// for the text's language ([Language]: [English], [Spanish]; [ForLang]).
// English text is measured with the Flesch-Kincaid grade level.
//
// The Flesch-Kincaid grade level is
//
//	0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//
// (J. P. Kincaid, R. P. Fishburne, R. L. Rogers and B. S. Chissom, "Derivation
// of new readability formulas (Automated Readability Index, Fog Count and
// Flesch Reading Ease Formula) for Navy enlisted personnel", Research Branch
// Report 8-75, Naval Technical Training Command, 1975). It reads as a US
// school grade; a reader's age is about the grade plus 5, so grade 6 suits a
// reading age of 11.
//
// Text comes in blocks (a paragraph, a heading, a list item, a label): a
// sentence never runs from one block into the next, so a heading or a label
// with no full stop is a sentence of its own. Within a block a sentence ends
// at ".", "!" or "?" (and any closing quotes or brackets) followed by a space
// or the block's end, unless the full stop ends a known abbreviation such
// as "e.g.". A word is a run of letters or digits, which may hold
// apostrophes and hyphens between them ("don't", "cross-train", "1-2"); a
// long word has three syllables or more (see [Syllables]).
//
// Work is linear in the length of the text.
package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of text from one line of a file, and where it starts.
type Span struct {
	Text      string
	Line, Col int // 1-based; Col counts characters
}

// Block is text that sentences do not cross: a paragraph, a heading, a list
// item, a label. Its spans are read one after the other, with nothing in
// between: a span holds the space between two lines if there is one.
type Block []Span

// Counts are the figures the measures are made of.
type Counts struct {
	Sentences, Words, Syllables int
	LongWords                   int // words of three syllables or more
}

func (c *Counts) add(d Counts) {
	c.Sentences += d.Sentences
	c.Words += d.Words
	c.Syllables += d.Syllables
	c.LongWords += d.LongWords
}

// WordsPerSentence is the average sentence length, 0 for no sentences.
func (c Counts) WordsPerSentence() float64 {
	if c.Sentences == 0 {
		return 0
	}
	return float64(c.Words) / float64(c.Sentences)
}

// LongShare is the share of long words, from 0 to 1.
func (c Counts) LongShare() float64 {
	if c.Words == 0 {
		return 0
	}
	return float64(c.LongWords) / float64(c.Words)
}

// Grade is the Flesch-Kincaid grade level, never below 0 (very plain text
// scores below 0 by the formula), and 0 for text with no words.
func (c Counts) Grade() float64 {
	if c.Words == 0 || c.Sentences == 0 {
		return 0
	}
	g := 0.39*float64(c.Words)/float64(c.Sentences) + 11.8*float64(c.Syllables)/float64(c.Words) - 15.59
	return max(g, 0)
}

// Grade is the text's school grade by its language's formula.
func (r Result) Grade() float64 { return r.lang().Grade(r.Counts) }

// Score is the text's figure by its language's formula: for English the
// Flesch-Kincaid grade, for Spanish the Fernández Huerta reading ease.
func (r Result) Score() float64 { return r.lang().Score(r.Counts) }

func (r Result) lang() *Language {
	if r.Lang == nil {
		return English
	}
	return r.Lang
}

// Sentence is one sentence of a text, with its figures.
type Sentence struct {
	Text      string // the sentence, spaces collapsed
	Line, Col int    // where it starts
	Counts           // Sentences is 1
}

// Result is the measure of a whole text.
type Result struct {
	Counts
	// Lang is the language the text was measured in; nil is English.
	Lang *Language
	// Hardest is the sentence that adds most to the text's grade: the one
	// whose removal would lower the grade most. Its Words is 0 if the text
	// has no sentences.
	Hardest Sentence
}

// Measure measures English text: [English].Measure.
func Measure(blocks []Block) Result { return English.Measure(blocks) }

// Measure measures the text of blocks, in language l.
func (l *Language) Measure(blocks []Block) Result {
	r := Result{Lang: l}
	var sents []Sentence
	for _, b := range blocks {
		sents = append(sents, l.Sentences(b)...)
	}
	for _, s := range sents {
		r.add(s.Counts)
	}
	best := -1.0
	for _, s := range sents {
		rest := r.Counts
		rest.Sentences -= s.Sentences
		rest.Words -= s.Words
		rest.Syllables -= s.Syllables
		rest.LongWords -= s.LongWords
		if gain := l.Grade(r.Counts) - l.Grade(rest); r.Hardest.Words == 0 || gain > best {
			r.Hardest, best = s, gain
		}
	}
	return r
}

// Sentences splits a block of English into sentences: [English].Sentences.
func Sentences(b Block) []Sentence { return English.Sentences(b) }

// Sentences splits a block into sentences. A sentence with no words (a
// lone "..." or "-") is dropped.
func (l *Language) Sentences(b Block) []Sentence {
	var text strings.Builder
	for _, sp := range b {
		text.WriteString(sp.Text)
	}
	s := text.String()
	var out []Sentence
	start := 0
	for start < len(s) {
		end := sentenceEnd(s, start, l.abbreviations)
		if sent := measureSentence(s[start:end], l.syllables); sent.Words > 0 {
			lead := len(s[start:end]) - len(strings.TrimLeftFunc(s[start:end], unicode.IsSpace))
			sent.Line, sent.Col = b.position(start + lead)
			out = append(out, sent)
		}
		start = end
	}
	return out
}

// position maps a byte offset in the block's joined text to a line and
// column.
func (b Block) position(off int) (line, col int) {
	for i, sp := range b {
		if off < len(sp.Text) || i == len(b)-1 {
			off = min(off, len(sp.Text))
			return sp.Line, sp.Col + utf8.RuneCountInString(sp.Text[:off])
		}
		off -= len(sp.Text)
	}
	return 0, 0
}

// sentenceEnd returns the offset just after the sentence that starts at
// start: after its closing punctuation and the spaces that follow.
func sentenceEnd(s string, start int, abbreviations []string) int {
	for i := start; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		// Take repeated marks and closing quotes or brackets.
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !strings.ContainsRune(".!?…\"'”’)]", r) {
				break
			}
			i += size
		}
		if i < len(s) {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				continue // 1.5, e.g.x, a URL
			}
		}
		if r == '.' && abbreviation(s[start:i], abbreviations) {
			continue
		}
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		return i
	}
	return len(s)
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = []string{"e.g.", "i.e.", "etc.", "vs.", "approx.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.", "cf."}

// abbreviation reports whether text ends with a known abbreviation or a
// single letter's initial ("J.").
func abbreviation(text string, abbreviations []string) bool {
	text = strings.TrimRight(text, "\"'”’)]")
	lower := strings.ToLower(text)
	for _, a := range abbreviations {
		if rest, ok := strings.CutSuffix(lower, a); ok {
			if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	body := strings.TrimSuffix(text, ".")
	r, size := utf8.DecodeLastRuneInString(body)
	before, _ := utf8.DecodeLastRuneInString(body[:len(body)-size])
	return unicode.IsUpper(r) && !unicode.IsLetter(before)
}

// measureSentence counts the words and syllables of one sentence.
func measureSentence(s string, syllables func(string) int) Sentence {
	sent := Sentence{Text: strings.Join(strings.Fields(s), " ")}
	for _, w := range Words(s) {
		n := syllables(w)
		sent.Words++
		sent.Syllables += n
		if n >= 3 {
			sent.LongWords++
		}
	}
	if sent.Words > 0 {
		sent.Sentences = 1
	}
	return sent
}

// Words returns the words of s: runs of letters or digits, joined by an
// apostrophe or hyphen between two of them.
func Words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '‑'):
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !unicode.IsLetter(next) && !unicode.IsDigit(next) {
				out = append(out, s[start:i])
				start = -1
			}
		case start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
