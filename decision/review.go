package decision

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Review dates. See the package doc, # Reviews.

// DefaultReviewInterval is the time between reviews when the tree sets no
// review-interval: 12 months.
var DefaultReviewInterval = Interval{Months: 12}

// DueSoon is how long before a review is due that check starts to warn.
const DueSoon = 30 * 24 * time.Hour

// maxIntervalMonths bounds review-interval: five years.
const maxIntervalMonths = 60

// DateLayout is how dates are written in the tree file and front matter.
const DateLayout = "2006-01-02"

// Review says when a page or the tree was last reviewed, and by whom. The
// zero Review means no review is recorded.
type Review struct {
	Date time.Time // midnight UTC of the day of the review
	By   string
	Pos  Pos // where the date is written, for messages
}

// IsZero reports whether no review is recorded.
func (r Review) IsZero() bool { return r.Date.IsZero() }

// Interval is the time between two reviews, in whole months.
type Interval struct{ Months int }

// String writes the interval as it is written in the tree file.
func (i Interval) String() string {
	switch {
	case i.Months == 12:
		return "1 year"
	case i.Months%12 == 0:
		return strconv.Itoa(i.Months/12) + " years"
	case i.Months == 1:
		return "1 month"
	}
	return strconv.Itoa(i.Months) + " months"
}

// Due returns the day the next review is due after a review on day: the
// same day of the month, Months later (a day that month lacks rolls over
// into the next, as with time.AddDate).
func (i Interval) Due(day time.Time) time.Time { return day.AddDate(0, i.Months, 0) }

var intervalRE = regexp.MustCompile(`^\s*([0-9]{1,3})\s+(month|months|year|years)\s*$`)

// ParseInterval reads "12 months", "1 year" or "2 years".
func ParseInterval(s string) (Interval, error) {
	m := intervalRE.FindStringSubmatch(s)
	if m == nil {
		return Interval{}, fmt.Errorf("review interval %q is not a number of months or years", s)
	}
	n, _ := strconv.Atoi(m[1])
	if m[2] == "year" || m[2] == "years" {
		n *= 12
	}
	if n < 1 || n > maxIntervalMonths {
		return Interval{}, fmt.Errorf("review interval %q is outside 1 month to %d years", s, maxIntervalMonths/12)
	}
	return Interval{Months: n}, nil
}

// ParseDate reads a date written YYYY-MM-DD, such as 2026-11-20.
func ParseDate(s string) (time.Time, error) {
	d, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not a date written YYYY-MM-DD", s)
	}
	return d, nil
}

// Day returns the calendar day of t (in t's location) as midnight UTC, the
// form every date of this package takes.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// CheckReview checks a review of file against the interval on day asOf: a
// warning from DueSoon before the review is due, an error once the due day
// has passed, nil otherwise (also for the zero Review).
func CheckReview(file string, r Review, every Interval, asOf time.Time) *Problem {
	if r.IsZero() {
		return nil
	}
	asOf = Day(asOf)
	due := every.Due(r.Date)
	last := fmt.Sprintf("last reviewed %s by %s, every %s", r.Date.Format(DateLayout), r.By, every)
	switch {
	case asOf.After(due):
		return &Problem{File: file, Pos: r.Pos, Err: ErrReviewOverdue,
			Msg:  fmt.Sprintf("review overdue since %s (%s)", due.Format(DateLayout), last),
			Hint: "review the text, then set reviewed: to the day of the review and reviewer: to who did it"}
	case !asOf.Before(due.Add(-DueSoon)):
		days := int(due.Sub(asOf).Hours() / 24)
		when := fmt.Sprintf("in %d days", days)
		switch days {
		case 0:
			when = "today"
		case 1:
			when = "tomorrow"
		}
		return &Problem{File: file, Pos: r.Pos, Warning: true, Err: ErrReviewOverdue,
			Msg:  fmt.Sprintf("review due %s, on %s (%s)", when, due.Format(DateLayout), last),
			Hint: "plan the review; once done, set reviewed: to its day"}
	}
	return nil
}

// CheckPageReview checks the review a page records in its front matter
// (the zero Review if none) on day asOf, as CheckReview does with the
// tree's interval; once the tree records a review, a page that records
// none gets a warning.
func (t *Tree) CheckPageReview(file string, r Review, asOf time.Time) *Problem {
	if r.IsZero() && !t.Review.IsZero() {
		return &Problem{File: file, Pos: Pos{1, 1}, Warning: true, Err: ErrReview,
			Msg:  "the page records no review, though the tree does",
			Hint: "add reviewed: and reviewer: lines to its front matter once it has been reviewed"}
	}
	return CheckReview(file, r, t.ReviewInterval, asOf)
}
