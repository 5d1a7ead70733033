package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"

	"runorrest/decision"
)

// The guide flow (static/flow.ts) reads the tree from one script that every
// page loads before it, assets/tree.HASH.js:
//
//	self.runorrestTree={"start":"soreness","q":{...},"o":{...},"ui":{...}};
//
// One shared file keeps each page small and the build linear in the size of
// the tree, and a script, unlike fetch(), loads from file:// too. Keys are
// short; the shapes match the interfaces in static/flow/tree.ts, so change
// both together.

type flowTree struct {
	Start     string                  `json:"start"`
	Questions map[string]flowQuestion `json:"q"`
	Outcomes  map[string]flowOutcome  `json:"o"`
	UI        map[string]string       `json:"ui"` // the script's messages (ui.go)
}

type flowQuestion struct {
	Text         string       `json:"t"`
	MaxRemaining int          `json:"m"`
	Scale        *[2]int      `json:"s,omitempty"`
	Options      []flowOption `json:"o"`
}

type flowOption struct {
	Key   string `json:"k"`
	Old   string `json:"a,omitempty"` // the key of older builds (the label's slug), when it differs
	Label string `json:"l"`
	Next  string `json:"n"`
	Why   string `json:"w,omitempty"`
	Lo    *int   `json:"lo,omitempty"`
	Hi    *int   `json:"hi,omitempty"`
}

type flowOutcome struct {
	Title   string `json:"t"`
	Verdict string `json:"v"`
}

// FlowTreeScript is the script that hands the tree, and the messages of the
// script from the catalogue ui (those scriptMessage picks), to the flow. Its data is
// written by encoding/json, which escapes <, > and & and the line separators
// U+2028 and U+2029, so no text of the tree can end a script element, open
// an HTML comment or break a string for an ES2017 parser. Maps are written
// with sorted keys, so the output is deterministic.
func FlowTreeScript(t *decision.Tree, ui map[string]string) ([]byte, error) {
	ft := flowTree{
		Start:     t.Start,
		Questions: make(map[string]flowQuestion, len(t.Questions)),
		Outcomes:  make(map[string]flowOutcome, len(t.Outcomes)),
		UI:        map[string]string{},
	}
	for id, text := range ui {
		if scriptMessage(id) {
			ft.UI[id] = text
		}
	}
	for _, q := range t.Questions {
		fq := flowQuestion{Text: q.Text, MaxRemaining: q.MaxRemaining, Options: make([]flowOption, len(q.Options))}
		if q.Scale != nil {
			fq.Scale = &[2]int{q.Scale.Min, q.Scale.Max}
		}
		keys := optionKeys(originalQuestion(t, q))
		var old []string
		if t.Original == nil {
			old = labelKeys(q)
		}
		for i, o := range q.Options {
			fo := flowOption{Key: keys[i], Label: o.Label, Next: o.Next, Why: o.Why}
			if old != nil && old[i] != keys[i] {
				fo.Old = old[i]
			}
			if q.Scale != nil {
				fo.Lo, fo.Hi = &o.Lo, &o.Hi
			}
			fq.Options[i] = fo
		}
		ft.Questions[q.ID] = fq
	}
	for _, o := range t.Outcomes {
		ft.Outcomes[o.ID] = flowOutcome{Title: o.Title, Verdict: t.VerdictLabel(o)}
	}
	data, err := json.Marshal(ft)
	if err != nil {
		return nil, err
	}
	js := append([]byte("self.runorrestTree="), data...)
	return append(js, ";\n"...), nil
}

// flowTree adds the tree script of the language to the site when it has
// the flow script, in the language's folder, and returns its path from
// there ("assets/tree.1a2b3c4d.js"), or "".
func (b *builder) flowTree() string {
	if b.opts.Script == "" {
		return ""
	}
	js, err := FlowTreeScript(b.tree, b.ui.Text)
	if err != nil {
		b.problem(b.tree.File, 1, 1, ErrAsset, "cannot encode the tree for the flow script: "+err.Error(), "report this as a bug")
		return ""
	}
	sum := sha256.Sum256(js)
	name := "assets/tree." + hex.EncodeToString(sum[:4]) + ".js"
	b.mu.Lock()
	b.files[b.lang.Dir+name] = js
	b.mu.Unlock()
	return name
}

// originalQuestion is q as the original language words it: the option
// keys of every language are the original's, so that a walk's answers
// mean the same in every language.
func originalQuestion(t *decision.Tree, q *decision.Question) *decision.Question {
	if t.Original != nil {
		if oq := t.Original.Question(q.ID); oq != nil && len(oq.Options) == len(q.Options) {
			return oq
		}
	}
	return q
}

// labelKeys are the keys older builds gave, from the labels alone: links
// and bookmarks made with them still work in the original language.
func labelKeys(q *decision.Question) []string {
	noIDs := &decision.Question{Scale: q.Scale}
	for _, o := range q.Options {
		noIDs.Options = append(noIDs.Options, &decision.Option{Label: o.Label})
	}
	return optionKeys(noIDs)
}

// optionKeys names each option of q in the URL: its id ("both-legs"), or
// for an option without one a slug of the first words of its label, unique
// within the question ("All over, on both legs" -> "all-over-on"). Give q
// in the original language (originalQuestion): ids are the same in every
// language, and so are the keys. A scale question is answered with a
// number, so its options need no key.
func optionKeys(q *decision.Question) []string {
	keys := make([]string, len(q.Options))
	if q.Scale != nil {
		return keys
	}
	seen := make(map[string]bool, len(q.Options))
	for i, o := range q.Options {
		if o.ID != "" && !seen[o.ID] {
			keys[i] = o.ID
			seen[o.ID] = true
		}
	}
	// next[base] is where the search for base's next free number starts:
	// every smaller number is taken, so each key is found in amortised
	// constant time, not by counting again from 2.
	next := map[string]int{}
	for i, o := range q.Options {
		if keys[i] != "" {
			continue
		}
		base := decision.ASCIISlug(o.Label, 3)
		if base == "" {
			base = "option"
		}
		k := base
		for n := max(next[base], 2); seen[k]; n++ {
			k = base + "-" + strconv.Itoa(n)
			next[base] = n + 1
		}
		seen[k] = true
		keys[i] = k
	}
	return keys
}
