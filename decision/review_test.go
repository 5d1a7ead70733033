package decision

import (
	"errors"
	"testing"
	"time"
)

func TestParseInterval(t *testing.T) {
	tests := []struct {
		in   string
		want int // months; 0 for an error
	}{
		{"12 months", 12}, {"1 month", 1}, {"1 year", 12}, {"2 years", 24}, {" 6  months ", 6},
		{"5 years", 60}, {"61 months", 0}, {"0 months", 0}, {"12 weeks", 0}, {"12", 0}, {"a year", 0}, {"-1 year", 0},
	}
	for _, tt := range tests {
		got, err := ParseInterval(tt.in)
		if (err != nil) != (tt.want == 0) || got.Months != tt.want {
			t.Errorf("ParseInterval(%q) = %v, %v; want %d months", tt.in, got, err, tt.want)
		}
	}
	for months, want := range map[int]string{1: "1 month", 6: "6 months", 12: "1 year", 18: "18 months", 24: "2 years"} {
		if got := (Interval{months}).String(); got != want {
			t.Errorf("Interval{%d}.String() = %q; want %q", months, got, want)
		}
	}
}

func TestCheckReview(t *testing.T) {
	day := func(s string) Review {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return Review{Date: d, By: "Sam Okafor", Pos: Pos{3, 11}}
	}
	r := day("2026-02-20") // due 2027-02-20 with 12 months
	tests := []struct {
		asOf string
		want string
	}{
		{"2026-06-01", ""},
		{"2027-01-20", ""}, // 31 days before
		{"2027-01-21", "content/about.md:3:11: warning: review due in 30 days, on 2027-02-20 (last reviewed 2026-02-20 by Sam Okafor, every 1 year) (plan the review; once done, set reviewed: to its day)"},
		{"2027-02-19", "content/about.md:3:11: warning: review due tomorrow, on 2027-02-20 (last reviewed 2026-02-20 by Sam Okafor, every 1 year) (plan the review; once done, set reviewed: to its day)"},
		{"2027-02-20", "content/about.md:3:11: warning: review due today, on 2027-02-20 (last reviewed 2026-02-20 by Sam Okafor, every 1 year) (plan the review; once done, set reviewed: to its day)"},
		{"2027-02-21", "content/about.md:3:11: review overdue since 2027-02-20 (last reviewed 2026-02-20 by Sam Okafor, every 1 year) (review the text, then set reviewed: to the day of the review and reviewer: to who did it)"},
		{"2030-01-01", "content/about.md:3:11: review overdue since 2027-02-20 (last reviewed 2026-02-20 by Sam Okafor, every 1 year) (review the text, then set reviewed: to the day of the review and reviewer: to who did it)"},
	}
	for _, tt := range tests {
		asOf, _ := ParseDate(tt.asOf)
		p := CheckReview("content/about.md", r, DefaultReviewInterval, asOf)
		got := ""
		if p != nil {
			got = p.Error()
			if !errors.Is(p, ErrReviewOverdue) {
				t.Errorf("CheckReview as of %s: %v is not ErrReviewOverdue", tt.asOf, p)
			}
		}
		if got != tt.want {
			t.Errorf("CheckReview as of %s = %q; want %q", tt.asOf, got, tt.want)
		}
	}
	if p := CheckReview("x.md", Review{}, DefaultReviewInterval, r.Date.AddDate(9, 0, 0)); p != nil {
		t.Errorf("CheckReview(no review) = %v; want nil", p)
	}
	// A review on the 31st with a 1-month interval rolls over like AddDate.
	if got := (Interval{1}).Due(day("2026-01-31").Date).Format(DateLayout); got != "2026-03-03" {
		t.Errorf("due after 2026-01-31 + 1 month = %s; want 2026-03-03", got)
	}
}

func TestTreeReview(t *testing.T) {
	data := readFiles(t, "testdata/good/reviewed.yaml")["testdata/good/reviewed.yaml"]
	tree, err := Load(pagesFS(t, data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := tree.Review.Date.Format(DateLayout) + " " + tree.Review.By; got != "2026-02-20 Sam Okafor" {
		t.Errorf("Review = %q; want 2026-02-20 Sam Okafor", got)
	}
	if tree.Review.Pos != (Pos{3, 11}) || tree.ReviewInterval.Months != 6 || tree.ReadingAge != 12 {
		t.Errorf("Review at %v, interval %v, reading age %d; want 3:11, 6 months, 12", tree.Review.Pos, tree.ReviewInterval, tree.ReadingAge)
	}
	small := readFiles(t, "testdata/good/small.yaml")["testdata/good/small.yaml"]
	tree, err = Load(pagesFS(t, small), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !tree.Review.IsZero() || tree.ReviewInterval != DefaultReviewInterval || tree.ReadingAge != DefaultReadingAge {
		t.Errorf("defaults: review %v, interval %v, age %d; want none, 12 months, 11", tree.Review, tree.ReviewInterval, tree.ReadingAge)
	}
}

func TestCheckPageReview(t *testing.T) {
	d, _ := ParseDate("2026-02-20")
	r := Review{Date: d, By: "Sam Okafor", Pos: Pos{4, 11}}
	asOf, _ := ParseDate("2026-03-01")
	late, _ := ParseDate("2027-03-01")
	tracked := &Tree{ReviewInterval: DefaultReviewInterval, Review: r}
	untracked := &Tree{ReviewInterval: DefaultReviewInterval}
	tests := []struct {
		tree *Tree
		page Review
		day  time.Time
		want string
	}{
		{tracked, r, asOf, ""},
		{tracked, Review{}, asOf, "content/a.md:1:1: warning: the page records no review, though the tree does (add reviewed: and reviewer: lines to its front matter once it has been reviewed)"},
		{untracked, Review{}, asOf, ""},
		{untracked, r, late, "content/a.md:4:11: review overdue since 2027-02-20 (last reviewed 2026-02-20 by Sam Okafor, every 1 year) (review the text, then set reviewed: to the day of the review and reviewer: to who did it)"},
	}
	for i, tt := range tests {
		got := ""
		if p := tt.tree.CheckPageReview("content/a.md", tt.page, tt.day); p != nil {
			got = p.Error()
		}
		if got != tt.want {
			t.Errorf("case %d: CheckPageReview = %q; want %q", i, got, tt.want)
		}
	}
}
