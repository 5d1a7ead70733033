package site

import (
	"html"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"runorrest/decision"
	"runorrest/decision/readability"
)

// TextBlocks returns the text readers see in Markdown src, for the reading
// level check: one block per paragraph, heading, tight list item and table
// cell, with markup removed, link text kept, and code blocks, autolinks and
// raw HTML left out. Positions are those of the file when src starts on
// line firstLine of it.
func TextBlocks(src []byte, firstLine int) []readability.Block {
	return textBlocks(md.Parser().Parse(text.NewReader(src)), src, firstLine)
}

// textBlocks is TextBlocks of a parsed document.
func textBlocks(doc ast.Node, src []byte, firstLine int) []readability.Block {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	// The column counts characters from the line's start. Texts come in
	// the order of the source, so it counts on from the last one on the
	// same line: linear in a line of thousands of texts (*a*a*a...), not
	// quadratic.
	lastLine, lastOff, lastCol := -1, 0, 0
	pos := func(off int) (int, int) {
		i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
		from, col := starts[i], 1
		if i == lastLine && off >= lastOff {
			from, col = lastOff, lastCol
		}
		col += utf8.RuneCount(src[from:off])
		lastLine, lastOff, lastCol = i, off, col
		return firstLine + i, col
	}
	var out []readability.Block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
		default:
			if n.Type() != ast.TypeBlock || n.FirstChild() == nil || n.FirstChild().Type() != ast.TypeInline {
				return ast.WalkContinue, nil // a container: look inside
			}
		}
		if b := inlineBlock(n, src, pos); len(b) > 0 {
			out = append(out, b)
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// inlineBlock collects the text of the inline nodes under n.
func inlineBlock(n ast.Node, src []byte, pos func(int) (int, int)) readability.Block {
	var b readability.Block
	last := 0
	if n.Lines().Len() > 0 {
		last = n.Lines().At(0).Start
	}
	add := func(s []byte, off int) {
		line, col := pos(off)
		b = append(b, readability.Span{Text: string(s), Line: line, Col: col})
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.AutoLink, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := c.Segment
			add(seg.Value(src), seg.Start)
			last = seg.Stop
			if c.SoftLineBreak() || c.HardLineBreak() {
				add([]byte(" "), last)
			}
		case *ast.String:
			add([]byte(html.UnescapeString(string(c.Value))), last) // typographer quotes, as entities
		}
		return ast.WalkContinue, nil
	})
	return b
}

// readings lists the reading level of every Markdown page, measured when
// it was rendered.
func (b *builder) readings() []decision.Reading {
	var out []decision.Reading
	for _, d := range b.docs {
		if d.measured {
			out = append(out, decision.Reading{File: d.file, Name: d.file, Result: d.reading})
		}
	}
	return out
}

// measure takes from the parsed page what the build needs once its tree
// is gone: the reading level of its front matter's title and description
// and of its text, by the formula of the page's language lang (none if
// lang is nil: no formula suits it), and for an outcome page without a
// description, its first sentences. Question help is measured with its
// question.
func (d *mdDoc) measure(outcome bool, lang *readability.Language) {
	if d.fixLine || d.failed || d.doc == nil {
		return
	}
	text := textBlocks(d.doc, d.src, d.line+1)
	var blocks []readability.Block
	for _, key := range []string{"title", "description"} {
		if line, col, value, ok := frontMatterValue(d.head, key); ok {
			blocks = append(blocks, readability.Block{{Text: value, Line: line, Col: col}})
		}
	}
	if lang != nil {
		d.reading, d.measured = lang.Measure(append(blocks, text...)), true
	}
	if outcome && d.fm.Description == "" {
		d.lead = firstSentences("", text)
	}
}

// PageReview is the review a Markdown page records, zero if none.
type PageReview struct {
	File   string
	Review decision.Review
}

// reviews lists the review of every Markdown page.
func (b *builder) reviews() []PageReview {
	var out []PageReview
	for _, d := range b.docs {
		if !d.fixLine && !d.failed {
			out = append(out, PageReview{d.file, d.fm.Review})
		}
	}
	return out
}
