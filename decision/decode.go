package decision

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// sources keeps positions the model types do not hold, for precise
// messages. Slices run parallel to the tree's.
type sources struct {
	start     Pos
	questions []questionSrc
	outcomes  []outcomeSrc
	verdicts  []Pos // the tone value, or the verdict's key
	scenarios []scenarioSrc
}

type questionSrc struct {
	options  Pos // the options key
	scale    Pos // the scale key
	scaleKey bool
	opts     []optionSrc
}

type optionSrc struct {
	label, next, values Pos
	valuesKey           bool // values given
	hasValues           bool // values given and well formed
}

type outcomeSrc struct{ verdict, page Pos }

type scenarioSrc struct {
	expect  Pos
	answers []Pos // the answer's value
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const maxIDLen = 64

func posOf(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// describe names the kind of a YAML value for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true/false"
		}
		return "text"
	}
	return "something else"
}

// pair is one key and its value in a YAML mapping.
type pair struct {
	name     string
	key, val *yaml.Node
}

// pairs returns the entries of a mapping, reporting duplicate and
// non-text keys.
func (l *loader) pairs(n *yaml.Node, ctx string) []pair {
	seen := make(map[string]Pos, len(n.Content)/2)
	out := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.errorf(posOf(k), ErrType, "write a plain word before the ':'", "%s: a key must be text, not %s", ctx, describe(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			l.errorf(posOf(k), ErrDuplicateKey, fmt.Sprintf("the first is at line %d; keep one", first.Line), "%s: duplicate key %q", ctx, k.Value)
			continue
		}
		seen[k.Value] = posOf(k)
		out = append(out, pair{k.Value, k, v})
	}
	return out
}

// fields checks a mapping with a fixed set of keys: unknown keys, missing
// required keys, duplicates. pos is where to report a missing key.
func (l *loader) fields(n *yaml.Node, pos Pos, ctx string, keys []key) map[string]pair {
	if n.Kind != yaml.MappingNode {
		names := make([]string, 0, len(keys))
		for _, k := range keys {
			if k.required {
				names = append(names, k.name)
			}
		}
		l.errorf(posOf(n), ErrType, "give it the keys "+strings.Join(names, ", "), "%s must be a mapping, not %s", ctx, describe(n))
		return nil
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.name
	}
	out := make(map[string]pair, len(keys))
	for _, p := range l.pairs(n, ctx) {
		known := false
		for _, k := range keys {
			known = known || k.name == p.name
		}
		if !known {
			l.errorf(posOf(p.key), ErrUnknownKey, didYouMean(p.name, names, "known keys: "+strings.Join(names, ", ")), "%s: unknown key %q", ctx, p.name)
			continue
		}
		out[p.name] = p
	}
	for _, k := range keys {
		if _, ok := out[k.name]; k.required && !ok {
			l.errorf(pos, ErrMissing, "add `"+k.name+":`", "%s has no %s", ctx, k.name)
		}
	}
	return out
}

// text returns a non-empty text value, reporting wrong types and empty text.
func (l *loader) text(ctx string, p pair) (string, bool) {
	if p.val == nil {
		return "", false
	}
	v := p.val
	if v.Kind != yaml.ScalarNode {
		l.errorf(posOf(v), ErrType, "write it as text", "%s: %s must be text, not %s", ctx, p.name, describe(v))
		return "", false
	}
	if v.ShortTag() == "!!null" || strings.TrimSpace(v.Value) == "" {
		l.errorf(posOf(v), ErrEmptyText, "write the text, or remove the key if it is optional", "%s: %s is empty", ctx, p.name)
		return "", false
	}
	return v.Value, true
}

// integer returns a whole-number value.
func (l *loader) integer(ctx string, p pair) (int, bool) {
	v := p.val
	if v == nil {
		return 0, false
	}
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int" {
		if n, err := strconv.ParseInt(v.Value, 10, 32); err == nil {
			return int(n), true
		}
	}
	l.errorf(posOf(v), ErrType, "write a whole number such as 1 or 10", "%s: %s must be a whole number, not %s", ctx, p.name, quoteValue(v))
	return 0, false
}

// quoteValue shows a value in a message: a scalar quoted, else its kind.
func quoteValue(v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode && v.ShortTag() != "!!null" {
		s := v.Value
		if len(s) > 40 {
			s = s[:40] + "..."
		}
		return strconv.Quote(s)
	}
	return describe(v)
}

// checkID reports an id that is not a slug.
func (l *loader) checkID(what, id string, pos Pos, page bool) {
	switch {
	case len(id) > maxIDLen:
		l.errorf(pos, ErrBadID, fmt.Sprintf("use at most %d characters", maxIDLen), "%s id %q is too long", what, id[:maxIDLen]+"...")
	case !slugRE.MatchString(id):
		l.errorf(pos, ErrBadID, "use lower-case letters, digits and single hyphens, e.g. "+strconv.Quote(slugify(id)), "%s id %q is not a slug", what, id)
	case page && id == "index":
		l.errorf(pos, ErrBadID, "choose another id", "%s id \"index\" is reserved for the home page", what)
	}
}

// slugify suggests a slug for an id that is not one.
func slugify(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-id"
	}
	return b.String()
}

// idMap returns the entries of a mapping from id to value.
func (l *loader) idMap(p pair, what, plural string) []pair {
	if p.val == nil {
		return nil
	}
	if p.val.Kind != yaml.MappingNode {
		l.errorf(posOf(p.val), ErrType, "write one "+what+" per key: `my-id:` then its fields", "%s must be a mapping from id to %s, not %s", plural, what, describe(p.val))
		return nil
	}
	return l.pairs(p.val, plural)
}

// decodeTree fills l.tree from the document's root.
func (l *loader) decodeTree(root *yaml.Node) {
	f := l.fields(root, Pos{1, 1}, "the top level", topKeys)
	if f == nil {
		return
	}
	t := l.tree
	if s, ok := l.text("the top level", f["title"]); ok {
		t.Title = s
	}
	if p, ok := f["start"]; ok {
		l.src.start = posOf(p.val)
		if s, ok := l.text("the top level", p); ok {
			t.Start = s
		}
	}
	l.decodeVerdicts(f["verdicts"])
	l.decodeQuestions(f["questions"])
	l.decodeOutcomes(f["outcomes"])
	l.decodeScenarios(f["scenarios"])
}

func (l *loader) decodeVerdicts(p pair) {
	for _, e := range l.idMap(p, "verdict", "verdicts") {
		ctx := fmt.Sprintf("verdict %q", e.name)
		l.checkID("verdict", e.name, posOf(e.key), false)
		v := &Verdict{ID: e.name, Pos: posOf(e.key), Tone: defaultTone}
		tonePos := posOf(e.key)
		f := l.fields(e.val, posOf(e.key), ctx, verdictKeys)
		v.Label, _ = l.text(ctx, f["label"])
		if tp, ok := f["tone"]; ok {
			tonePos = posOf(tp.val)
			if tone, ok := l.text(ctx, tp); ok {
				if !contains(tones, tone) {
					l.errorf(tonePos, ErrType, didYouMean(tone, tones, "use go, caution or stop"), "%s: unknown tone %q", ctx, tone)
				} else {
					v.Tone = tone
				}
			}
		}
		l.tree.Verdicts = append(l.tree.Verdicts, v)
		l.src.verdicts = append(l.src.verdicts, tonePos)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (l *loader) decodeQuestions(p pair) {
	entries := l.idMap(p, "question", "questions")
	l.tree.Questions = make([]*Question, 0, len(entries))
	l.src.questions = make([]questionSrc, 0, len(entries))
	for _, e := range entries {
		ctx := fmt.Sprintf("question %q", e.name)
		l.checkID("question", e.name, posOf(e.key), true)
		q := &Question{ID: e.name, Pos: posOf(e.key)}
		src := questionSrc{options: posOf(e.key), scale: posOf(e.key)}
		f := l.fields(e.val, posOf(e.key), ctx, questionKeys)
		q.Text, _ = l.text(ctx, f["text"])
		if h, ok := f["help"]; ok {
			q.Help, _ = l.text(ctx, h)
		}
		if s, ok := f["scale"]; ok {
			src.scale, src.scaleKey = posOf(s.key), true
			q.Scale = l.decodeScale(ctx, s)
		}
		if o, ok := f["options"]; ok {
			src.options = posOf(o.key)
			q.Options, src.opts = l.decodeOptions(ctx, o)
		}
		l.tree.Questions = append(l.tree.Questions, q)
		l.src.questions = append(l.src.questions, src)
	}
}

func (l *loader) decodeScale(qctx string, p pair) *Scale {
	ctx := "scale of " + qctx
	f := l.fields(p.val, posOf(p.key), ctx, scaleKeys)
	if f == nil {
		return nil
	}
	s := &Scale{}
	okMin, okMax := false, false
	if v, ok := f["min"]; ok {
		s.Min, okMin = l.integer(ctx, v)
	}
	if v, ok := f["max"]; ok {
		s.Max, okMax = l.integer(ctx, v)
	}
	if v, ok := f["low"]; ok {
		s.Low, _ = l.text(ctx, v)
	}
	if v, ok := f["high"]; ok {
		s.High, _ = l.text(ctx, v)
	}
	if !okMin || !okMax {
		return nil
	}
	switch {
	case s.Min >= s.Max:
		l.errorf(posOf(f["max"].val), ErrScale, "make max larger than min", "%s: max %d is not larger than min %d", ctx, s.Max, s.Min)
		return nil
	case int64(s.Max)-int64(s.Min)+1 > maxScaleValues:
		l.errorf(posOf(f["max"].val), ErrScale, fmt.Sprintf("a scale has at most %d values", maxScaleValues), "%s: %d-%d has %d values", ctx, s.Min, s.Max, int64(s.Max)-int64(s.Min)+1)
		return nil
	}
	return s
}

const maxScaleValues = 100

var valuesRE = regexp.MustCompile(`^\s*(-?[0-9]+)\s*(?:-\s*(-?[0-9]+)\s*)?$`)

func (l *loader) decodeOptions(qctx string, p pair) ([]*Option, []optionSrc) {
	if p.val.Kind != yaml.SequenceNode {
		l.errorf(posOf(p.val), ErrType, "write each option as a list item starting with `- label:`", "%s: options must be a list, not %s", qctx, describe(p.val))
		return nil, nil
	}
	opts := make([]*Option, 0, len(p.val.Content))
	srcs := make([]optionSrc, 0, len(p.val.Content))
	for i, n := range p.val.Content {
		ctx := fmt.Sprintf("option %d of %s", i+1, qctx)
		o := &Option{Pos: posOf(n)}
		src := optionSrc{label: posOf(n), next: posOf(n), values: posOf(n)}
		f := l.fields(n, posOf(n), ctx, optionKeys)
		if f == nil {
			continue
		}
		if v, ok := f["label"]; ok {
			src.label = posOf(v.val)
			o.Label, _ = l.text(ctx, v)
		}
		if v, ok := f["next"]; ok {
			src.next = posOf(v.val)
			o.Next, _ = l.text(ctx, v)
		}
		if v, ok := f["why"]; ok {
			o.Why, _ = l.text(ctx, v)
		}
		if v, ok := f["values"]; ok {
			src.values, src.valuesKey = posOf(v.val), true
			o.Lo, o.Hi, src.hasValues = l.values(ctx, v)
		}
		opts = append(opts, o)
		srcs = append(srcs, src)
	}
	return opts, srcs
}

// values parses an option's values: "3" or "4-10".
func (l *loader) values(ctx string, p pair) (lo, hi int, ok bool) {
	v := p.val
	if v.Kind == yaml.ScalarNode {
		if m := valuesRE.FindStringSubmatch(v.Value); m != nil {
			a, err1 := strconv.ParseInt(m[1], 10, 32)
			b, err2 := a, error(nil)
			if m[2] != "" {
				b, err2 = strconv.ParseInt(m[2], 10, 32)
			}
			switch {
			case err1 != nil || err2 != nil:
			case a > b:
				l.errorf(posOf(v), ErrScale, fmt.Sprintf("write the smaller number first: %d-%d", b, a), "%s: values %d-%d run backwards", ctx, a, b)
				return 0, 0, false
			default:
				return int(a), int(b), true
			}
		}
	}
	l.errorf(posOf(v), ErrType, "write a number (3) or a range (4-10)", "%s: values must be a number or a range, not %s", ctx, quoteValue(v))
	return 0, 0, false
}

func (l *loader) decodeOutcomes(p pair) {
	entries := l.idMap(p, "outcome", "outcomes")
	l.tree.Outcomes = make([]*Outcome, 0, len(entries))
	l.src.outcomes = make([]outcomeSrc, 0, len(entries))
	for _, e := range entries {
		ctx := fmt.Sprintf("outcome %q", e.name)
		l.checkID("outcome", e.name, posOf(e.key), true)
		o := &Outcome{ID: e.name, Pos: posOf(e.key)}
		src := outcomeSrc{verdict: posOf(e.key), page: posOf(e.key)}
		f := l.fields(e.val, posOf(e.key), ctx, outcomeKeys)
		o.Title, _ = l.text(ctx, f["title"])
		if v, ok := f["verdict"]; ok {
			src.verdict = posOf(v.val)
			o.Verdict, _ = l.text(ctx, v)
		}
		if v, ok := f["page"]; ok {
			src.page = posOf(v.val)
			o.Page, _ = l.text(ctx, v)
		}
		l.tree.Outcomes = append(l.tree.Outcomes, o)
		l.src.outcomes = append(l.src.outcomes, src)
	}
}

func (l *loader) decodeScenarios(p pair) {
	if p.val == nil {
		return
	}
	if p.val.Kind != yaml.SequenceNode {
		l.errorf(posOf(p.val), ErrType, "write each scenario as a list item starting with `- name:`, or `scenarios: []`", "scenarios must be a list, not %s", describe(p.val))
		return
	}
	names := map[string]Pos{}
	for i, n := range p.val.Content {
		ctx := fmt.Sprintf("scenario %d", i+1)
		s := &Scenario{Pos: posOf(n)}
		src := scenarioSrc{expect: posOf(n)}
		f := l.fields(n, posOf(n), ctx, scenarioKeys)
		if f == nil {
			continue
		}
		if v, ok := f["name"]; ok {
			if s.Name, ok = l.text(ctx, v); ok {
				if first, dup := names[s.Name]; dup {
					l.errorf(posOf(v.val), ErrDuplicateKey, fmt.Sprintf("the first is at line %d; give each scenario its own name", first.Line), "%s: duplicate scenario name %q", ctx, s.Name)
				}
				names[s.Name] = posOf(v.val)
				ctx = fmt.Sprintf("scenario %q", s.Name)
			}
		}
		if v, ok := f["expect"]; ok {
			src.expect = posOf(v.val)
			s.Expect, _ = l.text(ctx, v)
		}
		if v, ok := f["answers"]; ok {
			if v.val.Kind != yaml.MappingNode {
				l.errorf(posOf(v.val), ErrType, "write `question-id: answer` lines", "%s: answers must be a mapping from question id to answer, not %s", ctx, describe(v.val))
			} else {
				for _, a := range l.pairs(v.val, ctx+" answers") {
					if a.val.Kind != yaml.ScalarNode || a.val.ShortTag() == "!!null" {
						l.errorf(posOf(a.val), ErrType, "write an option's label or a number", "%s: the answer to %s must be text or a number, not %s", ctx, a.name, describe(a.val))
						continue
					}
					s.Answers = append(s.Answers, Answer{Question: a.name, Label: a.val.Value, Pos: posOf(a.key)})
					src.answers = append(src.answers, posOf(a.val))
				}
			}
		}
		l.tree.Scenarios = append(l.tree.Scenarios, s)
		l.src.scenarios = append(l.src.scenarios, src)
	}
}
