// Package report writes what runorrest check found, in the three formats of
// check -format:
//
//   - text: one problem a line, "file:line:col: [warning: ]what (how to fix)",
//     then the summary as "name: value" lines.
//   - json: one JSON object (see [JSON]): every problem with file, line,
//     column, severity ("error" or "warning"), message and hint; the summary
//     figures; and the reading level of every page and question.
//   - github: one GitHub Actions workflow command a problem,
//     "::error file=F,line=L,col=C,title=runorrest check::message", which a
//     workflow run shows as an annotation on that line of the pull request's
//     diff; then the summary lines as in text.
//
// and the reading-level table of check -report ([WriteTable]).
package report

import (
	"fmt"
	"io"
	"math/big"
	"strings"

	"runorrest/decision"
)

// Formats are the names -format accepts.
var Formats = []string{"text", "json", "github"}

// Result is everything check found.
type Result struct {
	Problems decision.Problems // errors and warnings, in any order
	Summary  *Summary          // nil when the guide could not be checked
	Reading  []decision.Reading
	// Unmeasured are the words files of the languages no reading-level
	// formula suits: their words are not measured.
	Unmeasured []string
}

// Summary is the figures check prints about a valid tree.
type Summary struct {
	Questions, Outcomes int
	Paths               *big.Int
	Shortest, Longest   int
	PerVerdict          []decision.VerdictCount
	Scenarios, Passed   int
	Rules               int // proved on every path
	Coverage            decision.Coverage
	File                string // the tree file, for the positions of missed answers
}

// NewSummary takes the figures of a loaded tree.
func NewSummary(t *decision.Tree) *Summary {
	s := t.Stats()
	return &Summary{Questions: s.Questions, Outcomes: s.Outcomes, Paths: s.Paths,
		Shortest: s.Shortest, Longest: s.Longest, PerVerdict: s.PerVerdict,
		Scenarios: len(t.Scenarios), Passed: s.Scenarios, Rules: len(t.Rules),
		Coverage: t.Coverage(), File: t.File}
}

// Errors counts the problems that are not warnings.
func Errors(ps decision.Problems) int {
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return n
}

// WriteProblems writes the problems as text, one a line.
func WriteProblems(w io.Writer, ps decision.Problems) error {
	for _, p := range ps {
		if _, err := fmt.Fprintln(w, p); err != nil {
			return err
		}
	}
	return nil
}

// WriteSummary writes the summary as text.
func WriteSummary(w io.Writer, file string, s *Summary) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is valid.\n", file)
	fmt.Fprintf(&b, "questions: %d\n", s.Questions)
	fmt.Fprintf(&b, "outcomes: %d\n", s.Outcomes)
	fmt.Fprintf(&b, "paths: %s\n", s.Paths)
	fmt.Fprintf(&b, "shortest path: %s\n", decision.Count(s.Shortest, "question", "questions"))
	fmt.Fprintf(&b, "longest path: %s\n", decision.Count(s.Longest, "question", "questions"))
	for _, v := range s.PerVerdict {
		fmt.Fprintf(&b, "paths to %s: %s\n", v.Verdict, v.Paths)
	}
	fmt.Fprintf(&b, "scenarios passed: %d of %d\n", s.Passed, s.Scenarios)
	fmt.Fprintf(&b, "rules proved on every path: %d\n", s.Rules)
	c := s.Coverage
	fmt.Fprintf(&b, "scenario coverage: %d of %d answers (%s), %d of %d outcomes (%s)\n",
		c.AnswersWalked, c.Answers, decision.Percent(c.AnswersWalked, c.Answers),
		c.OutcomesWalked, c.Outcomes, decision.Percent(c.OutcomesWalked, c.Outcomes))
	for _, m := range MissedLines(s) {
		fmt.Fprintf(&b, "%s\n", m)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteGitHub writes each problem as a GitHub Actions workflow command:
// ::error or ::warning with the file, line and column, the title
// "runorrest check" and the message with its hint. Special characters are
// escaped as the workflow command syntax requires.
func WriteGitHub(w io.Writer, ps decision.Problems) error {
	var b strings.Builder
	for _, p := range ps {
		level := "error"
		if p.Warning {
			level = "warning"
		}
		msg := p.Msg
		if p.Hint != "" {
			msg += " (" + p.Hint + ")"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=runorrest check::%s\n",
			level, escapeProperty(p.File), p.Pos.Line, p.Pos.Col, escapeData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeData escapes a workflow command's message: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as a
// message, and also : and ,.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// MissedLines names each answer no scenario walks and each outcome no
// scenario ends at, one a line with its place in the tree file.
func MissedLines(s *Summary) []string {
	var out []string
	for _, st := range s.Coverage.MissedAnswers {
		out = append(out, fmt.Sprintf("no scenario walks %s:%d:%d: %s", s.File, st.Option.Pos.Line, st.Option.Pos.Col, st))
	}
	for _, o := range s.Coverage.MissedOutcomes {
		out = append(out, fmt.Sprintf("no scenario ends at %s:%d:%d: %s", s.File, o.Pos.Line, o.Pos.Col, o.ID))
	}
	return out
}
