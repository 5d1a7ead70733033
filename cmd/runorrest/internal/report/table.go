package report

import (
	"fmt"
	"io"
	"strings"

	"runorrest/decision"
)

// WriteTable writes the reading level of every page and question, worst
// grade first, as an aligned table, then a line with the target:
//
//	  grade  age  words/sentence  long words  words  page or question      hardest sentence
//	!   7.2   12            14.1         18%    412  recovery.md           content/recovery.md:12:1
//	    5.0   10             9.8         11%     64  question soreness     content/tree.yaml:37:7
//	target: grade 6 (reading age 11), Flesch-Kincaid grade level; ! marks a row above it
//
// age is the reading age the grade suits, the grade plus 5, rounded.
func WriteTable(w io.Writer, rs []decision.Reading, age int) error {
	target := decision.GradeForAge(age)
	rows := [][]string{{"", "grade", "age", "words/sentence", "long words", "words", "page or question", "hardest sentence"}}
	for _, r := range Worst(rs) {
		mark := ""
		if r.Grade() > target {
			mark = "!"
		}
		where := "-"
		if r.Sentences > 0 {
			where = fmt.Sprintf("%s:%d:%d", r.File, r.Hardest.Line, r.Hardest.Col)
		}
		rows = append(rows, []string{mark, fmt.Sprintf("%.1f", r.Grade()), fmt.Sprintf("%.0f", r.Grade()+5),
			fmt.Sprintf("%.1f", r.WordsPerSentence()), fmt.Sprintf("%.0f%%", 100*r.LongShare()),
			fmt.Sprint(r.Words), r.Name, where})
	}
	width := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			width[i] = max(width[i], len(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			switch {
			case i == 0:
				fmt.Fprintf(&b, "%-*s", width[i], cell)
			case i < 6:
				fmt.Fprintf(&b, "  %*s", width[i], cell)
			case i == len(row)-1:
				fmt.Fprintf(&b, "  %s", cell)
			default:
				fmt.Fprintf(&b, "  %-*s", width[i], cell)
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "target: grade %g (reading age %d), %s; ! marks a row above it\n", target, age, formulas(rs))
	_, err := io.WriteString(w, b.String())
	return err
}

// formulas names the formulas of the readings: "Flesch-Kincaid grade
// level" for English alone, with the other languages' after it.
func formulas(rs []decision.Reading) string {
	out := "Flesch-Kincaid grade level"
	seen := map[string]bool{"en": true}
	for _, r := range rs {
		if l := r.Result.Lang; l != nil && !seen[l.Tag] {
			seen[l.Tag] = true
			out += fmt.Sprintf("; %s: %s as a grade", l.Tag, l.Formula)
		}
	}
	return out
}

// WriteUnmeasured says of each language no formula suits that its words
// are not measured.
func WriteUnmeasured(w io.Writer, files []string) error {
	for _, f := range files {
		if _, err := fmt.Fprintf(w, "%s: no reading-level formula suits this language; its words and pages are not measured\n", f); err != nil {
			return err
		}
	}
	return nil
}
