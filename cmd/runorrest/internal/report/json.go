package report

import (
	"cmp"
	"encoding/json"
	"io"
	"math"
	"math/big"
	"slices"

	"runorrest/decision"
)

// JSON is the document check -format json writes. Its field names are the
// JSON keys; they are part of runorrest's interface and change only with a
// note in the README.
type JSON struct {
	Problems []JSONProblem `json:"problems"` // sorted by file and position; never null
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Summary  *JSONSummary  `json:"summary"` // null when the tree has errors
	Reading  []JSONReading `json:"reading"` // worst grade first; never null
	// Unmeasured lists the words files of the languages no reading-level
	// formula suits, whose words are not measured; never null.
	Unmeasured []string `json:"unmeasured"`
}

// JSONProblem is one problem.
type JSONProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// JSONSummary is the figures about a valid tree.
type JSONSummary struct {
	Questions       int           `json:"questions"`
	Outcomes        int           `json:"outcomes"`
	Paths           *big.Int      `json:"paths"` // exact, may exceed 2^53
	ShortestPath    int           `json:"shortestPath"`
	LongestPath     int           `json:"longestPath"`
	PathsPerVerdict []JSONVerdict `json:"pathsPerVerdict"`
	Scenarios       int           `json:"scenarios"`
	ScenariosPassed int           `json:"scenariosPassed"`
	RulesProved     int           `json:"rulesProved"`
	Coverage        JSONCoverage  `json:"coverage"`
}

// JSONCoverage is what the scenarios walk through.
type JSONCoverage struct {
	Answers        int      `json:"answers"`
	AnswersWalked  int      `json:"answersWalked"`
	Outcomes       int      `json:"outcomes"`
	OutcomesWalked int      `json:"outcomesWalked"`
	Missed         []string `json:"missed"` // as check prints them
}

// JSONVerdict is the number of paths to one verdict.
type JSONVerdict struct {
	Verdict string   `json:"verdict"`
	Paths   *big.Int `json:"paths"`
}

// JSONReading is the reading level of one page or question.
type JSONReading struct {
	File             string  `json:"file"`
	Name             string  `json:"name"`
	Sentences        int     `json:"sentences"`
	Words            int     `json:"words"`
	WordsPerSentence float64 `json:"wordsPerSentence"` // one decimal
	LongWordShare    float64 `json:"longWordShare"`    // 0 to 1, three decimals
	Grade            float64 `json:"grade"`            // Flesch-Kincaid, or the formula of the language as a grade; one decimal
	Formula          string  `json:"formula"`          // the formula: "Flesch-Kincaid grade", "Fernández Huerta reading ease"
	Score            float64 `json:"score"`            // the formula's own figure, one decimal (the grade itself for Flesch-Kincaid)
	Hardest          *struct {
		Line   int    `json:"line"`
		Column int    `json:"column"`
		Text   string `json:"text"`
	} `json:"hardest"` // null for text without sentences
}

// WriteJSON writes r as one indented JSON document.
func WriteJSON(w io.Writer, r Result) error {
	doc := JSON{Problems: []JSONProblem{}, Reading: []JSONReading{}, Unmeasured: append([]string{}, r.Unmeasured...)}
	for _, p := range r.Problems {
		sev := "error"
		if p.Warning {
			sev = "warning"
			doc.Warnings++
		} else {
			doc.Errors++
		}
		doc.Problems = append(doc.Problems, JSONProblem{File: p.File, Line: p.Pos.Line, Column: p.Pos.Col, Severity: sev, Message: p.Msg, Hint: p.Hint})
	}
	if s := r.Summary; s != nil {
		js := &JSONSummary{Questions: s.Questions, Outcomes: s.Outcomes, Paths: s.Paths, ShortestPath: s.Shortest,
			LongestPath: s.Longest, PathsPerVerdict: []JSONVerdict{}, Scenarios: s.Scenarios, ScenariosPassed: s.Passed, RulesProved: s.Rules,
			Coverage: JSONCoverage{Answers: s.Coverage.Answers, AnswersWalked: s.Coverage.AnswersWalked,
				Outcomes: s.Coverage.Outcomes, OutcomesWalked: s.Coverage.OutcomesWalked, Missed: append([]string{}, MissedLines(s)...)}}
		for _, v := range s.PerVerdict {
			js.PathsPerVerdict = append(js.PathsPerVerdict, JSONVerdict{v.Verdict, v.Paths})
		}
		doc.Summary = js
	}
	for _, rd := range Worst(r.Reading) {
		jr := JSONReading{File: rd.File, Name: rd.Name, Sentences: rd.Sentences, Words: rd.Words,
			WordsPerSentence: round(rd.WordsPerSentence(), 1), LongWordShare: round(rd.LongShare(), 3), Grade: rd.Grade(),
			Formula: rd.Formula(), Score: round(rd.Score(), 1)}
		if rd.Sentences > 0 {
			jr.Hardest = &struct {
				Line   int    `json:"line"`
				Column int    `json:"column"`
				Text   string `json:"text"`
			}{rd.Hardest.Line, rd.Hardest.Col, rd.Hardest.Text}
		}
		doc.Reading = append(doc.Reading, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

// Worst returns the readings sorted by grade, highest first, then by file
// and name.
func Worst(rs []decision.Reading) []decision.Reading {
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(a, b decision.Reading) int {
		return cmp.Or(cmp.Compare(b.Grade(), a.Grade()), cmp.Compare(a.File, b.File), cmp.Compare(a.Name, b.Name))
	})
	return out
}
