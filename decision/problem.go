package decision

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sentinel errors carried by [Problem.Err], so callers and tests can ask
// errors.Is(err, ErrCycle) of a [Problems] value.
var (
	ErrTooLarge       = errors.New("file too large")
	ErrEncoding       = errors.New("invalid UTF-8")
	ErrEmpty          = errors.New("empty file")
	ErrSyntax         = errors.New("malformed YAML")
	ErrInternal       = errors.New("internal error") // a bug of runorrest, never of the tree file
	ErrAlias          = errors.New("anchor, alias or tag")
	ErrDuplicateKey   = errors.New("duplicate key")
	ErrUnknownKey     = errors.New("unknown key")
	ErrType           = errors.New("wrong type")
	ErrMissing        = errors.New("missing key")
	ErrEmptyText      = errors.New("empty text")
	ErrTitle          = errors.New("title without words")
	ErrBadID          = errors.New("bad id")
	ErrDuplicateID    = errors.New("duplicate id")
	ErrStart          = errors.New("bad start")
	ErrDangling       = errors.New("dangling next")
	ErrCycle          = errors.New("cycle")
	ErrUnreachable    = errors.New("unreachable node")
	ErrOptions        = errors.New("too few options")
	ErrDuplicateLabel = errors.New("duplicate label")
	ErrScale          = errors.New("bad scale")
	ErrVerdict        = errors.New("bad verdict")
	ErrUnusedVerdict  = errors.New("unused verdict")
	ErrPage           = errors.New("bad page")
	ErrDepth          = errors.New("path too deep")
	ErrScenario       = errors.New("scenario failed")
	ErrSameNext       = errors.New("options lead to the same node")
	ErrNotRegular     = errors.New("not a regular file")
	ErrAsk            = errors.New("unknown shared question")
	ErrRoute          = errors.New("route and answers differ")
	ErrNeverAsked     = errors.New("shared question never asked")
	ErrReview         = errors.New("bad review record")
	ErrReviewOverdue  = errors.New("review due")
	ErrReadingLevel   = errors.New("above the reading target")
	ErrAskedTwice     = errors.New("shared question asked twice on a path")
	ErrRule           = errors.New("bad rule")
	ErrRuleBroken     = errors.New("rule broken")
	ErrRuleVacuous    = errors.New("rule speaks of no path")
)

// Problem is one thing wrong (or, if Warning, worth a look) in a tree file.
type Problem struct {
	File    string
	Pos     Pos
	Msg     string
	Hint    string // how to fix it; may be empty
	Warning bool
	Err     error // one of the Err* sentinels
}

// Error formats the problem as "file:line:col: msg (hint)", with
// "warning: " before msg for a warning.
func (p *Problem) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", p.File, p.Pos.Line, p.Pos.Col)
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the problem's sentinel error.
func (p *Problem) Unwrap() error { return p.Err }

// Problems is every problem found in a tree file, sorted by position.
type Problems []*Problem

// Error returns one line per problem.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.Is and errors.As look at each problem.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// SortProblems puts problems in the one order every command prints them
// in: by file, then line, then column, keeping the order of discovery for
// problems at the same position.
func SortProblems(ps Problems) {
	slices.SortStableFunc(ps, func(a, b *Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}
