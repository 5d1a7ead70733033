package browsertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// Log collects what pages report as wrong: CSP violations and other
// security messages, console errors (calls of console.error and errors of
// the browser log), uncaught exceptions; with Warnings, warnings too.
type Log struct {
	warnings bool
	mu       sync.Mutex
	problems []string
}

// RecordOption changes what Record collects.
type RecordOption func(*Log)

// Warnings makes Record collect warnings as well: calls of console.warn
// and warnings of the browser log.
func Warnings() RecordOption {
	return func(l *Log) { l.warnings = true }
}

// Record starts collecting the problems of the tab ctx, until ctx ends.
// Requests for /favicon.ico are ignored: browsers ask for one whether a
// site has it or not.
func Record(t testing.TB, ctx context.Context, opts ...RecordOption) *Log {
	t.Helper()
	l := &Log{}
	for _, o := range opts {
		o(l)
	}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if l.wants(m) {
				l.mu.Lock()
				l.problems = append(l.problems, describe(m))
				l.mu.Unlock()
			}
		}
	}()
	return l
}

// wants reports whether m is a problem.
func (l *Log) wants(m chromedp.ConsoleMessage) bool {
	if strings.HasSuffix(m.URL, "/favicon.ico") {
		return false
	}
	switch {
	case m.Type == chromedp.ConsoleError, m.IsException(), m.Source == "security":
		return true
	case m.Type == chromedp.ConsoleWarning:
		return l.warnings
	}
	return false
}

// describe is one line for a problem: "URL: type: text (source, line N)".
func describe(m chromedp.ConsoleMessage) string {
	s := m.String()
	if m.URL != "" {
		s = m.URL + ": " + s
	}
	var where []string
	if m.Source != "" {
		where = append(where, m.Source)
	}
	if m.Line > 0 {
		where = append(where, fmt.Sprintf("line %d", m.Line+1))
	}
	if len(where) > 0 {
		s += " (" + strings.Join(where, ", ") + ")"
	}
	return s
}

// Check fails the test on every problem collected since the last Check,
// except those that contain one of the strings allowed.
func (l *Log) Check(t testing.TB, allowed ...string) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.problems {
		if !slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(p, a) }) {
			t.Error(p)
		}
	}
	l.problems = nil
}
