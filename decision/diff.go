package decision

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ErrDiffTooLarge is returned by Compare when the two trees have more
// combined paths than the limit it was given.
var ErrDiffTooLarge = errors.New("too many paths to compare")

// DefaultDiffLimit is the number of combined paths Compare walks when its
// caller gives no limit.
const DefaultDiffLimit = 1_000_000

// Diff is what an edit did to the advice: the answers whose outcome
// changed, and the answers that lead somewhere in only one of the trees.
type Diff struct {
	Changed []Change // both trees reach an outcome, but not the same advice
	Added   []Change // only the new tree can be walked with these answers
	Removed []Change // only the old tree can be walked with these answers
	Same    int      // answers that lead to the same advice in both trees
}

// Change is one set of answers and where it leads in each tree.
type Change struct {
	Answers []DiffAnswer // in the order the walk asked them
	Old     *Outcome     // nil when the old tree cannot be walked with these answers
	New     *Outcome     // nil when the new tree cannot be walked with these answers
}

// DiffAnswer is one answer of a Change: an option (by its id, or by its
// label when either tree's option has no id), or for a scale question a
// range of values that every tree treats alike.
type DiffAnswer struct {
	Question string
	ID       string // the option's id, if it has one
	Label    string // for an ordinary question
	Lo, Hi   int    // for a scale question
	IsValue  bool
}

// String writes a as "tired=No", "soreness=3" or "soreness=4-10".
func (a DiffAnswer) String() string {
	switch {
	case !a.IsValue:
		return a.Question + "=" + a.Label
	case a.Lo == a.Hi:
		return a.Question + "=" + strconv.Itoa(a.Lo)
	default:
		return a.Question + "=" + strconv.Itoa(a.Lo) + "-" + strconv.Itoa(a.Hi)
	}
}

// Total is the number of answer paths whose advice the edit changes,
// adds or removes.
func (d *Diff) Total() int { return len(d.Changed) + len(d.Added) + len(d.Removed) }

// Key writes the answers of c as "soreness=1-2 > where=All over", the way
// paths are written.
func (c Change) Key() string {
	var b strings.Builder
	for i, a := range c.Answers {
		if i > 0 {
			b.WriteString(" > ")
		}
		b.WriteString(a.String())
	}
	return b.String()
}

// String writes c as "soreness=1-2 > tired=No: easy-run (run) -> rest-day (rest)".
func (c Change) String() string {
	return c.Key() + ": " + outcomeString(c.Old) + " -> " + outcomeString(c.New)
}

func outcomeString(o *Outcome) string {
	if o == nil {
		return "(no path)"
	}
	return o.ID + " (" + o.Verdict + ")"
}

// Compare walks the old and the new tree side by side over every
// combination of answers and reports where the advice differs. Paths are
// keyed by their answers (question ids, and option ids where both trees
// have them, labels otherwise), not by their shape: asking the same questions in
// another order, or splitting a path on a question whose answers all lead
// to the same advice, changes nothing. For a scale question the walk splits
// the scale wherever an option of either tree starts, so moving a boundary
// (Mild: 1-2 becomes 1-3) shows as a change for the values that moved.
//
// Answers change the advice when the outcomes differ in id or verdict. An
// answer that exists in only one tree (a new option label, a question that
// turned into a scale) makes a path added or removed. Both trees should be
// valid; Compare stops a walk that loops instead of looping with it.
// It returns ErrDiffTooLarge after limit combined paths (limit <= 0 means
// DefaultDiffLimit).
func Compare(old, new *Tree, limit int) (*Diff, error) {
	if limit <= 0 {
		limit = DefaultDiffLimit
	}
	w := &diffWalk{
		old: indexTree(old), new: indexTree(new),
		assigned: map[string]int{},
		limit:    limit,
		d:        &Diff{},
	}
	if err := w.walk(old.Start, new.Start); err != nil {
		return nil, err
	}
	return w.d, nil
}

// treeIndex finds a tree's nodes by id.
type treeIndex struct {
	questions map[string]*Question
	outcomes  map[string]*Outcome
	steps     int // more steps than this in one walk means a loop
	reach     map[[2]string]bool
}

// reaches reports whether a walk standing at node from can come to the
// question id (from itself included).
func (x *treeIndex) reaches(from, id string) bool {
	if from == id {
		return true
	}
	key := [2]string{from, id}
	if r, ok := x.reach[key]; ok {
		return r
	}
	x.reach[key] = false // a loop, if any, does not reach through itself
	q := x.questions[from]
	r := false
	for _, o := range optionsOf(q) {
		if x.reaches(o.Next, id) {
			r = true
			break
		}
	}
	x.reach[key] = r
	return r
}

func optionsOf(q *Question) []*Option {
	if q == nil {
		return nil
	}
	return q.Options
}

func indexTree(t *Tree) *treeIndex {
	x := &treeIndex{questions: map[string]*Question{}, outcomes: map[string]*Outcome{}, steps: len(t.Questions) + 1, reach: map[[2]string]bool{}}
	for _, q := range t.Questions {
		x.questions[q.ID] = q
	}
	for _, o := range t.Outcomes {
		x.outcomes[o.ID] = o
	}
	return x
}

type diffWalk struct {
	old, new      *treeIndex
	answers       []DiffAnswer
	assigned      map[string]int // question id -> index in answers
	walked, limit int
	d             *Diff
}

// advance follows the answers given so far from node and returns where it
// stops: an outcome id, the id of a question not answered yet, or "" when
// the answers cannot be given in this tree.
func (w *diffWalk) advance(x *treeIndex, node string) string {
	for range x.steps {
		q := x.questions[node]
		if q == nil {
			return node // an outcome, or "" already
		}
		i, ok := w.assigned[q.ID]
		if !ok {
			return node
		}
		o := w.option(q, i)
		if o == nil {
			return ""
		}
		node = o.Next
	}
	return ""
}

// option returns the option of q that answer i picks, or nil.
func (w *diffWalk) option(q *Question, i int) *Option {
	a := w.answers[i]
	for _, o := range q.Options {
		switch {
		case a.IsValue && q.Scale != nil:
			if o.Lo <= a.Lo && a.Lo <= o.Hi {
				return o
			}
		case !a.IsValue && q.Scale == nil:
			if sameOption(a.ID, a.Label, o) {
				return o
			}
		}
	}
	return nil
}

func (w *diffWalk) walk(oldNode, newNode string) error {
	oldNode = w.advance(w.old, oldNode)
	newNode = w.advance(w.new, newNode)
	q := w.old.questions[oldNode]
	if q == nil {
		q = w.new.questions[newNode]
	}
	if q == nil {
		w.walked++
		if w.walked > w.limit {
			return fmt.Errorf("%w: more than %d", ErrDiffTooLarge, w.limit)
		}
		w.record(w.old.outcomes[oldNode], w.new.outcomes[newNode])
		return nil
	}
	for _, a := range w.choices(q.ID, oldNode, newNode) {
		w.assigned[q.ID] = len(w.answers)
		w.answers = append(w.answers, a)
		err := w.walk(oldNode, newNode)
		w.answers = w.answers[:len(w.answers)-1]
		delete(w.assigned, q.ID)
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *diffWalk) record(old, new *Outcome) {
	if old != nil && new != nil && old.ID == new.ID && old.Verdict == new.Verdict {
		w.d.Same++
		return
	}
	c := Change{
		Answers: append([]DiffAnswer(nil), w.answers...),
		Old:     old, New: new,
	}
	switch {
	case old == nil:
		w.d.Added = append(w.d.Added, c)
	case new == nil:
		w.d.Removed = append(w.d.Removed, c)
	default:
		w.d.Changed = append(w.d.Changed, c)
	}
}

// choices lists the answers to branch on for question id, from each tree
// that can still ask it from where its walk stands (oldNode, newNode): the
// labels of the old tree's options in order, then the labels only the new
// tree has; for a scale, the ranges between every start of an option in
// either tree. A question that is a scale in one tree and not in the other
// gets both kinds of answer.
func (w *diffWalk) choices(id, oldNode, newNode string) []DiffAnswer {
	var out []DiffAnswer
	var cuts []int
	lo, hi := 0, -1
	for _, side := range []struct {
		x    *treeIndex
		from string
	}{{w.old, oldNode}, {w.new, newNode}} {
		q := side.x.questions[id]
		if q == nil || !side.x.reaches(side.from, id) {
			continue
		}
		if q.Scale == nil {
			for _, o := range q.Options {
				if !slices.ContainsFunc(out, func(a DiffAnswer) bool { return !a.IsValue && sameOption(a.ID, a.Label, o) }) {
					out = append(out, DiffAnswer{Question: id, ID: o.ID, Label: o.Label})
				}
			}
			continue
		}
		if hi < lo {
			lo, hi = q.Scale.Min, q.Scale.Max
		}
		lo, hi = min(lo, q.Scale.Min), max(hi, q.Scale.Max)
		for _, o := range q.Options {
			cuts = append(cuts, o.Lo, o.Hi+1)
		}
		cuts = append(cuts, q.Scale.Min, q.Scale.Max+1)
	}
	if hi < lo {
		return out
	}
	for v := lo; v <= hi; {
		next := hi + 1
		for _, c := range cuts {
			if c > v && c < next {
				next = c
			}
		}
		out = append(out, DiffAnswer{Question: id, Lo: v, Hi: next - 1, IsValue: true})
		v = next
	}
	return out
}

// sameOption reports whether the answer with id and label is option o: by
// id when both have one, so that a reworded label is the same answer, and
// by label otherwise.
func sameOption(id, label string, o *Option) bool {
	if id != "" && o.ID != "" {
		return id == o.ID
	}
	return label == o.Label
}
