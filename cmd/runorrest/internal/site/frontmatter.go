package site

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"runorrest/decision"
)

// fmKeys are the keys of front matter, in the order the doc lists them.
var fmKeys = []string{"title", "description", "order", "reviewed", "reviewer", "translated-from"}

// ErrFrontMatter marks a problem in a Markdown file's front matter.
var ErrFrontMatter = errors.New("bad front matter")

// frontMatter is the head of an article page:
//
//	---
//	title: Recovery that helps
//	description: What to do on the days you do not run.
//	order: 2
//	reviewed: 2026-11-20
//	reviewer: Sam Okafor
//	---
//
// reviewed and reviewer record the page's last review (go doc
// runorrest/decision, # Reviews); they go together. A translated page may
// record translated-from, the hash of the original it was made from (go
// doc runorrest/decision, # Languages).
type frontMatter struct {
	Title       string
	Description string
	Order       int
	HasOrder    bool
	Review      decision.Review // zero if the page records none
}

// fmProblem is a front matter problem at a line of the file.
type fmProblem struct {
	Line, Col int
	Msg, Hint string
}

// splitFrontMatter splits data into its front matter (between a first line
// "---" and the next line "---") and the body. It returns the line of the
// file where the body starts, minus 1. A file without a first "---" line
// has no front matter.
func splitFrontMatter(data []byte) (head, body []byte, bodyLine int, has bool, p *fmProblem) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 || string(bytes.TrimRight(data[:nl], " \t\r")) != "---" {
		return nil, data, 0, false, nil
	}
	off, line := nl+1, 1
	for off < len(data) {
		lineEnd, next := len(data), len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			lineEnd, next = off+i, off+i+1
		}
		line++
		if string(bytes.TrimRight(data[off:lineEnd], " \t\r")) == "---" {
			return data[nl+1 : off], data[next:], line, true, nil
		}
		off = next
	}
	return nil, nil, 0, true, &fmProblem{1, 1, "front matter has no closing line", `end it with a line "---"`}
}

// parseFrontMatter reads the keys title, description, order, reviewed and
// reviewer, one
// "key: value" line each, simply and strictly: the value is the rest of the
// line (so it may hold colons), optionally in double or single quotes.
// Blank lines and lines starting with # are skipped. Unknown or repeated
// keys, empty values and an order that is not a whole number are problems.
// need requires title and description. Lines are those of the file: the
// front matter starts on line 2.
func parseFrontMatter(head []byte, need bool) (frontMatter, []fmProblem) {
	var fm frontMatter
	var probs []fmProblem
	reviewedLine, reviewerLine := 0, 0
	seen := map[string]bool{}
	for i, raw := range strings.Split(string(head), "\n") {
		line := i + 2
		text := strings.TrimRight(raw, " \t\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		add := func(col int, msg, hint string) { probs = append(probs, fmProblem{line, col, msg, hint}) }
		key, value, ok := strings.Cut(text, ":")
		if !ok || key == "" || strings.TrimSpace(key) != key {
			add(1, fmt.Sprintf("line %q is not \"key: value\"", text), "write title: ..., description: ..., order: ..., reviewed: ... or reviewer: ...")
			continue
		}
		col := len(key) + 2 + len(value) - len(strings.TrimLeft(value, " \t"))
		value = strings.TrimSpace(value)
		if seen[key] {
			add(1, fmt.Sprintf("key %q appears twice", key), "keep one")
			continue
		}
		seen[key] = true
		if v, err := unquote(value); err != nil {
			add(col, err.Error(), "close the quotes")
			continue
		} else {
			value = v
		}
		if value == "" && slices.Contains(fmKeys, key) {
			add(col, key+" is empty", "write a value after the colon")
			continue
		}
		switch key {
		case "title":
			fm.Title = value
		case "description":
			fm.Description = value
		case "order":
			n, err := strconv.Atoi(value)
			if err != nil {
				add(col, fmt.Sprintf("order %q is not a whole number", value), "write a number such as 2")
				continue
			}
			fm.Order, fm.HasOrder = n, true
		case "reviewed":
			reviewedLine = line
			d, err := decision.ParseDate(value)
			if err != nil {
				add(col, "reviewed: "+err.Error(), "write the day of the review, such as 2026-11-20")
				continue
			}
			fm.Review.Date, fm.Review.Pos = d, decision.Pos{Line: line, Col: col}
		case "reviewer":
			fm.Review.By = value
			reviewerLine = line
		case "translated-from":
			// A translated page's hash of its original: checked by
			// decision.LoadTranslation, which reads it from the file.
		default:
			add(1, fmt.Sprintf("unknown key %q", key), "use "+strings.Join(fmKeys[:len(fmKeys)-1], ", ")+" or "+fmKeys[len(fmKeys)-1])
		}
	}
	switch {
	case reviewedLine > 0 && reviewerLine == 0 && !seen["reviewer"]:
		probs = append(probs, fmProblem{reviewedLine, 1, "front matter has a reviewed date but no reviewer", "add a line reviewer: with who reviewed the page"})
	case reviewerLine > 0 && reviewedLine == 0 && !seen["reviewed"]:
		probs = append(probs, fmProblem{reviewerLine, 1, "front matter has a reviewer but no reviewed date", "add a line reviewed: with the day of the review, such as 2026-11-20"})
	}
	if fm.Review.Date.IsZero() || fm.Review.By == "" {
		fm.Review = decision.Review{}
	}
	if need {
		for _, key := range []string{"title", "description"} {
			if !seen[key] {
				probs = append(probs, fmProblem{1, 1, "front matter has no " + key, "add a line " + key + ": ..."})
			}
		}
	}
	return fm, probs
}

// unquote removes the quotes around a value in double quotes (with Go/JSON
// escapes) or single quotes (” stands for ').
func unquote(v string) (string, error) {
	switch {
	case strings.HasPrefix(v, `"`):
		s, err := strconv.Unquote(v)
		if err != nil {
			return "", fmt.Errorf("value %s is not a well-formed quoted text", v)
		}
		return s, nil
	case strings.HasPrefix(v, "'"):
		if len(v) < 2 || !strings.HasSuffix(v, "'") {
			return "", fmt.Errorf("value %s has no closing quote", v)
		}
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'"), nil
	}
	return v, nil
}

// frontMatterValue finds the line of key in front matter head and returns
// its position in the file (the front matter starts on line 2) and its
// value, unquoted.
func frontMatterValue(head []byte, key string) (line, col int, value string, ok bool) {
	for i, raw := range strings.Split(string(head), "\n") {
		k, v, found := strings.Cut(strings.TrimRight(raw, " \t\r"), ":")
		if !found || k != key {
			continue
		}
		lead := len(v) - len(strings.TrimLeft(v, " \t"))
		v = strings.TrimSpace(v)
		col = len(k) + 2 + lead
		if strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'") {
			col++
		}
		u, err := unquote(v)
		if err != nil || u == "" {
			return 0, 0, "", false
		}
		return i + 2, col, u, true
	}
	return 0, 0, "", false
}
