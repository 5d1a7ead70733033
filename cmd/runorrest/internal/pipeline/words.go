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
	// A translation has the original's review, checked once, with it.
	if p := decision.CheckReview(tree.File, tree.Review, tree.ReviewInterval, day); p != nil && tree.Original == nil {
		ps = append(ps, p)
	}
	warnings, errs = split(ps)
	return readings, warnings, errs
}

// readPages measures the reading level of every Markdown page and checks
// its review date as of day, after stage 2 has read them: warnings for a
// page above the reading level, a review due soon or missing, errors for a
// review overdue.
func readPages(tree *decision.Tree, c *site.Content, day time.Time) (readings []decision.Reading, warnings, errs decision.Problems) {
	readings = c.Readings()
	var ps decision.Problems
	for _, r := range readings {
		if p := r.Check(tree.ReadingAge); p != nil {
			ps = append(ps, p)
		}
	}
	for _, r := range c.Reviews() {
		if p := tree.CheckPageReview(r.File, r.Review, day); p != nil {
			ps = append(ps, p)
		}
	}
	warnings, errs = split(ps)
	return readings, warnings, errs
}

// split parts problems into warnings and errors.
func split(ps decision.Problems) (warnings, errs decision.Problems) {
	for _, p := range ps {
		if p.Warning {
			warnings = append(warnings, p)
		} else {
			errs = append(errs, p)
		}
	}
	return warnings, errs
}

// helpBlocks is the text of a question's Markdown help, for the reading
// level.
func helpBlocks(md string) []readability.Block { return site.TextBlocks([]byte(md), 1) }
