package site

import (
	"encoding/json"
	"html/template"
	"strconv"
	"strings"

	"runorrest/decision"
)

// The guide flow (static/flow.ts) reads the tree from a JSON block in each
// page:
//
//	<script type="application/json" id="flow-tree">{{.FlowTree}}</script>
//
// Keys are short because the block is in every page. The shapes match the
// interfaces in static/flow/tree.ts; change both together.

type flowTree struct {
	Start     string                  `json:"start"`
	Questions map[string]flowQuestion `json:"q"`
	Outcomes  map[string]flowOutcome  `json:"o"`
}

type flowQuestion struct {
	Text         string       `json:"t"`
	MaxRemaining int          `json:"m"`
	Scale        *[2]int      `json:"s,omitempty"`
	Options      []flowOption `json:"o"`
}

type flowOption struct {
	Key   string `json:"k"`
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

// FlowTree encodes t as the JSON the flow script reads. encoding/json
// escapes <, > and & and the line separators U+2028 and U+2029, so the
// result is safe verbatim inside a <script type="application/json"> element:
// no text of the tree can close the element or open a comment. Maps are
// written with sorted keys, so the output is deterministic.
func FlowTree(t *decision.Tree) (template.JS, error) {
	ft := flowTree{
		Start:     t.Start,
		Questions: make(map[string]flowQuestion, len(t.Questions)),
		Outcomes:  make(map[string]flowOutcome, len(t.Outcomes)),
	}
	for _, q := range t.Questions {
		fq := flowQuestion{Text: q.Text, MaxRemaining: q.MaxRemaining, Options: make([]flowOption, len(q.Options))}
		if q.Scale != nil {
			fq.Scale = &[2]int{q.Scale.Min, q.Scale.Max}
		}
		keys := optionKeys(q)
		for i, o := range q.Options {
			fo := flowOption{Key: keys[i], Label: o.Label, Next: o.Next, Why: o.Why}
			if q.Scale != nil {
				fo.Lo, fo.Hi = &o.Lo, &o.Hi
			}
			fq.Options[i] = fo
		}
		ft.Questions[q.ID] = fq
	}
	labels := make(map[string]string, len(t.Verdicts))
	for _, v := range t.Verdicts {
		labels[v.ID] = v.Label
	}
	for _, o := range t.Outcomes {
		ft.Outcomes[o.ID] = flowOutcome{Title: o.Title, Verdict: labels[o.Verdict]}
	}
	b, err := json.Marshal(ft)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// flowTree is the tree for the flow script, or "" when the site has none.
func (b *builder) flowTree() template.JS {
	if b.script == "" {
		return ""
	}
	js, err := FlowTree(b.tree)
	if err != nil {
		b.problem(b.tree.File, 1, 1, ErrAsset, "cannot encode the tree for the flow script: "+err.Error(), "report this as a bug")
	}
	return js
}

// optionKeys names each option of q in the URL: a slug of the first words of
// its label, unique within the question ("All over, on both legs" ->
// "all-over-on"). A scale question is
// answered with a number, so its options need no key.
func optionKeys(q *decision.Question) []string {
	keys := make([]string, len(q.Options))
	if q.Scale != nil {
		return keys
	}
	seen := make(map[string]bool, len(q.Options))
	for i, o := range q.Options {
		base := slug(o.Label, 3)
		if base == "" {
			base = "option"
		}
		k := base
		for n := 2; seen[k]; n++ {
			k = base + "-" + strconv.Itoa(n)
		}
		seen[k] = true
		keys[i] = k
	}
	return keys
}

// slug keeps up to the first `words` runs of ASCII letters and digits,
// lower-cased, joined by single hyphens.
func slug(s string, words int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				if words--; words == 0 {
					return b.String()
				}
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
