package pipeline

import (
	"time"

	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
	"runorrest/decision/readability"
)

// readWords measures the reading level of every question against the
// tree's reading-age and checks its review date as of day: the words'
// health, part of stage 1. It returns the readings, the warnings (a
// question above the reading level, a review due soon) and the errors (a
// review overdue).
func readWords(tree *decision.Tree, day time.Time) (readings []decision.Reading, warnings, errs decision.Problems) {
	readings = tree.QuestionReadings(helpBlocks)
	var ps decision.Problems
	for _, r := range readings {
		if p := r.Check(tree.ReadingAge); p != nil {
			ps = append(ps, p)
		}
	}
	if p := decision.CheckReview(tree.File, tree.Review, tree.ReviewInterval, day); p != nil {
		ps = append(ps, p)
	}
	for _, p := range ps {
		if p.Warning {
			warnings = append(warnings, p)
		} else {
			errs = append(errs, p)
		}
	}
	return readings, warnings, errs
}

// helpBlocks is the text of a question's Markdown help, for the reading
// level.
func helpBlocks(md string) []readability.Block { return site.TextBlocks([]byte(md), 1) }
