package decision

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// small builds a tree from questions and outcomes written tersely:
// outcomes map id -> verdict.
func small(start string, outcomes map[string]string, qs ...*Question) *Tree {
	t := &Tree{File: TreeFile, Start: start, Questions: qs}
	ids := make([]string, 0, len(outcomes))
	for id := range outcomes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		t.Outcomes = append(t.Outcomes, &Outcome{ID: id, Verdict: outcomes[id]})
	}
	return t
}

func ask(id string, opts ...*Option) *Question { return &Question{ID: id, Options: opts} }

func scale(id string, lo, hi int, opts ...*Option) *Question {
	return &Question{ID: id, Scale: &Scale{Min: lo, Max: hi}, Options: opts}
}

func opt(label, next string) *Option { return &Option{Label: label, Next: next} }

func vals(label string, lo, hi int, next string) *Option {
	return &Option{Label: label, Lo: lo, Hi: hi, Next: next}
}

func strs(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return out
}

var outs = map[string]string{"easy": "run", "bike": "cross", "rest": "rest"}

func base() *Tree {
	return small("sore", outs,
		scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
		ask("tired", opt("Yes", "bike"), opt("No", "easy")),
	)
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name                   string
		new                    *Tree
		changed, added, remove []string
		same                   int
	}{
		{name: "identical", new: base(), same: 3},
		{
			name: "outcome of one answer changed",
			new: small("sore", outs,
				scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
				ask("tired", opt("Yes", "rest"), opt("No", "easy")),
			),
			changed: []string{"sore=1-2 > tired=Yes: bike (cross) -> rest (rest)"},
			same:    2,
		},
		{
			name: "scale boundary moved",
			new: small("sore", outs,
				scale("sore", 1, 10, vals("Mild", 1, 3, "tired"), vals("Painful", 4, 10, "rest")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy")),
			),
			changed: []string{
				"sore=3 > tired=Yes: rest (rest) -> bike (cross)",
				"sore=3 > tired=No: rest (rest) -> easy (run)",
			},
			same: 3,
		},
		{
			name: "option added",
			new: small("sore", outs,
				scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy"), opt("A bit", "bike")),
			),
			added: []string{"sore=1-2 > tired=A bit: (no path) -> bike (cross)"},
			same:  3,
		},
		{
			name: "option renamed",
			new: small("sore", outs,
				scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
				ask("tired", opt("Very", "bike"), opt("No", "easy")),
			),
			added:  []string{"sore=1-2 > tired=Very: (no path) -> bike (cross)"},
			remove: []string{"sore=1-2 > tired=Yes: bike (cross) -> (no path)"},
			same:   2,
		},
		{
			name: "question added whose answers keep the advice",
			new: small("sore", outs,
				scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "sure")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy")),
				ask("sure", opt("Yes", "rest"), opt("No", "rest")),
			),
			same: 4,
		},
		{
			name: "question inserted before an outcome",
			new: small("sore", outs,
				scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
				ask("tired", opt("Yes", "feel"), opt("No", "easy")),
				ask("feel", opt("Fine", "bike"), opt("Worse", "rest")),
			),
			changed: []string{"sore=1-2 > tired=Yes > feel=Worse: bike (cross) -> rest (rest)"},
			same:    3,
		},
		{
			name: "verdict of an outcome changed",
			new: small("sore", map[string]string{"easy": "run", "bike": "rest", "rest": "rest"},
				scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy")),
			),
			changed: []string{"sore=1-2 > tired=Yes: bike (cross) -> bike (rest)"},
			same:    2,
		},
		{
			name: "scale widened",
			new: small("sore", outs,
				scale("sore", 0, 10, vals("None", 0, 0, "easy"), vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy")),
			),
			added: []string{"sore=0: (no path) -> easy (run)"},
			same:  3,
		},
		{
			name: "one value at the top of the scale given its own advice",
			new: small("sore", outs,
				scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 9, "rest"), vals("Worst", 10, 10, "bike")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy")),
			),
			changed: []string{"sore=10: rest (rest) -> bike (cross)"},
			same:    3,
		},
		{
			name: "scale narrowed at its top",
			new: small("sore", outs,
				scale("sore", 1, 9, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 9, "rest")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy")),
			),
			remove: []string{"sore=10: rest (rest) -> (no path)"},
			same:   3,
		},
		{
			name: "question turned from a scale into options",
			new: small("sore", outs,
				ask("sore", opt("Mild", "tired"), opt("Painful", "rest")),
				ask("tired", opt("Yes", "bike"), opt("No", "easy")),
			),
			added: []string{
				"sore=Mild > tired=Yes: (no path) -> bike (cross)",
				"sore=Mild > tired=No: (no path) -> easy (run)",
				"sore=Painful: (no path) -> rest (rest)",
			},
			remove: []string{
				"sore=1-2 > tired=Yes: bike (cross) -> (no path)",
				"sore=1-2 > tired=No: easy (run) -> (no path)",
				"sore=3-10: rest (rest) -> (no path)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Compare(base(), tt.new, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := strs(d.Changed); !slices.Equal(got, tt.changed) {
				t.Errorf("Changed = %q; want %q", got, tt.changed)
			}
			if got := strs(d.Added); !slices.Equal(got, tt.added) {
				t.Errorf("Added = %q; want %q", got, tt.added)
			}
			if got := strs(d.Removed); !slices.Equal(got, tt.remove) {
				t.Errorf("Removed = %q; want %q", got, tt.remove)
			}
			if d.Same != tt.same {
				t.Errorf("Same = %d; want %d", d.Same, tt.same)
			}
			if got, want := d.Total(), len(tt.changed)+len(tt.added)+len(tt.remove); got != want {
				t.Errorf("Total() = %d; want %d", got, want)
			}
		})
	}
}

// TestCompareLimit walks up to limit combined paths: base() has 3, so a
// limit of 3 is enough and 2 is not; 0 or less means DefaultDiffLimit.
func TestCompareLimit(t *testing.T) {
	for _, tt := range []struct {
		limit int
		err   string
	}{
		{-1, ""}, {0, ""}, {3, ""}, {4, ""},
		{2, "too many paths to compare: more than 2"},
		{1, "too many paths to compare: more than 1"},
	} {
		d, err := Compare(base(), base(), tt.limit)
		switch {
		case tt.err == "" && (err != nil || d.Same != 3):
			t.Errorf("Compare with limit %d = %+v, %v; want 3 the same", tt.limit, d, err)
		case tt.err != "" && (!errors.Is(err, ErrDiffTooLarge) || err.Error() != tt.err || d != nil):
			t.Errorf("Compare with limit %d = %+v, %v; want nil, %s", tt.limit, d, err, tt.err)
		}
	}
}

func TestCompareStopsLoops(t *testing.T) {
	loop := small("a", outs, ask("a", opt("x", "b"), opt("y", "easy")), ask("b", opt("x", "a"), opt("y", "a")))
	d, err := Compare(loop, base(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if d.Total() == 0 {
		t.Errorf("Compare(loop, base) found no difference")
	}
}

// TestCompareFiles compares the tree pair in testdata/diff: a soft 3 split
// off the pain range, "Yes, tired" now means rest, "Not sure" is gone and
// "On one side" is new.
func TestCompareFiles(t *testing.T) {
	load := func(name string) *Tree {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("testdata", "diff", name))
		if err != nil {
			t.Fatal(err)
		}
		tree, err := Parse(TreeFile, data, Options{})
		if err != nil {
			t.Fatalf("Parse(%s): %v", name, err)
		}
		return tree
	}
	d, err := Compare(load("old.yaml"), load("new.yaml"), 0)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want []string
	}{
		{"Changed", strs(d.Changed), []string{
			"soreness=1-2 > where=All over > tired=Yes: cross-train (cross-train) -> rest-day (rest)",
			"soreness=3 > tired=No: rest-day (rest) -> easy-run (run)",
		}},
		{"Added", strs(d.Added), []string{
			"soreness=1-2 > where=On one side: (no path) -> cross-train (cross-train)",
		}},
		{"Removed", strs(d.Removed), []string{
			"soreness=1-2 > where=All over > tired=Not sure: cross-train (cross-train) -> (no path)",
		}},
	}
	for _, tt := range tests {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("%s = %q; want %q", tt.name, tt.got, tt.want)
		}
	}
	if got, want := d.Total(), 4; got != want {
		t.Errorf("Total() = %d; want %d", got, want)
	}
}

// FuzzCompare compares trees made from fuzzed YAML: Compare never panics,
// a tree compared with itself changes nothing, and swapping the trees
// swaps what was added and removed.
func FuzzCompare(f *testing.F) {
	for _, name := range []string{"old.yaml", "new.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "diff", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, data)
	}
	old, _ := os.ReadFile(filepath.Join("testdata", "diff", "old.yaml"))
	new, _ := os.ReadFile(filepath.Join("testdata", "diff", "new.yaml"))
	f.Add(old, new)
	f.Fuzz(func(t *testing.T, a, b []byte) {
		ta, errA := Parse(TreeFile, a, Options{})
		tb, errB := Parse(TreeFile, b, Options{})
		if errA != nil || errB != nil {
			return
		}
		same, err := Compare(ta, ta, 10_000)
		if err == nil && same.Total() != 0 {
			t.Errorf("a tree compared with itself changes %d paths: %v", same.Total(), strs(same.Changed))
		}
		ab, errAB := Compare(ta, tb, 10_000)
		ba, errBA := Compare(tb, ta, 10_000)
		if errAB != nil || errBA != nil {
			return
		}
		if len(ab.Added) != len(ba.Removed) || len(ab.Removed) != len(ba.Added) || len(ab.Changed) != len(ba.Changed) {
			t.Errorf("Compare(a, b) = %d changed, %d added, %d removed; Compare(b, a) = %d, %d, %d",
				len(ab.Changed), len(ab.Added), len(ab.Removed), len(ba.Changed), len(ba.Added), len(ba.Removed))
		}
	})
}

func idOpt(id, label, next string) *Option { return &Option{ID: id, Label: label, Next: next} }

// TestCompareByID: options with ids in both trees are the same answer
// however their labels change; without an id on either side, the label
// decides.
func TestCompareByID(t *testing.T) {
	withIDs := func(yes, no string, yesNext string) *Tree {
		return small("sore", outs,
			scale("sore", 1, 10, vals("Mild", 1, 2, "tired"), vals("Painful", 3, 10, "rest")),
			ask("tired", idOpt("yes", yes, yesNext), idOpt("no", no, "easy")),
		)
	}
	tests := []struct {
		name           string
		old, new       *Tree
		changed, added []string
		removed        []string
		same           int
	}{
		{name: "label reworded, id kept", old: withIDs("Yes", "No", "bike"), new: withIDs("Yes, drained", "No", "bike"), same: 3},
		{name: "label reworded and route changed", old: withIDs("Yes", "No", "bike"), new: withIDs("Yes, drained", "No", "rest"),
			changed: []string{"sore=1-2 > tired=Yes: bike (cross) -> rest (rest)"}, same: 2},
		{name: "ids added, labels kept", old: base(), new: withIDs("Yes", "No", "bike"), same: 3},
		{name: "ids added, a label reworded", old: base(), new: withIDs("Yes, drained", "No", "bike"),
			added:   []string{"sore=1-2 > tired=Yes, drained: (no path) -> bike (cross)"},
			removed: []string{"sore=1-2 > tired=Yes: bike (cross) -> (no path)"}, same: 2},
		{name: "labels swapped between ids", old: withIDs("Yes", "No", "bike"), new: withIDs("No", "Yes", "bike"), same: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Compare(tt.old, tt.new, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(strs(d.Changed), tt.changed) || !slices.Equal(strs(d.Added), tt.added) || !slices.Equal(strs(d.Removed), tt.removed) || d.Same != tt.same {
				t.Errorf("Compare = changed %q added %q removed %q same %d; want %q %q %q %d",
					strs(d.Changed), strs(d.Added), strs(d.Removed), d.Same, tt.changed, tt.added, tt.removed, tt.same)
			}
		})
	}
}
