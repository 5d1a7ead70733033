package decision

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// sources keeps positions the model types do not hold, for precise
// messages. Slices run parallel to the tree's.
type sources struct {
	start     Pos
	questions []questionSrc
	shared    []questionSrc
	outcomes  []outcomeSrc
	verdicts  []Pos // the tone value, or the verdict's key
	scenarios []scenarioSrc
	rules     []ruleSrc
}

type questionSrc struct {
	options  Pos // the options key
	scale    Pos // the scale key
	scaleKey bool
	opts     []optionSrc
	items    int      // list items under options, -1 if options is not a list
	step     *stepSrc // for a step asking a shared question
	idsOK    bool     // for a shared question, and a step asking it: every option was read, with an id of its own
}

type optionSrc struct {
	label, next, values Pos
	id                  Pos  // the id's value, or the option's position
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

// checkID reports an id that is not a slug.
func (l *loader) checkID(what, id string, pos Pos, page bool) {
	switch {
	case len(id) > maxIDLen:
		l.errorf(pos, ErrBadID, fmt.Sprintf("use at most %d characters", maxIDLen), "%s id %q is too long", what, id[:maxIDLen]+"...")
	case !slugRE.MatchString(id):
		l.errorf(pos, ErrBadID, "use lower-case letters, digits and single hyphens, e.g. "+strconv.Quote(slugify(id)), "%s id %q is not a slug", what, id)
	case page:
		if owner, ok := Reserved(id); ok {
			l.errorf(pos, ErrBadID, "choose another id", "%s id %q is reserved for %s", what, id, owner)
		}
	}
}

// slugify suggests a slug for an id that is not one.
func slugify(id string) string {
	if s := ASCIISlug(id, 0); s != "" {
		return s
	}
	return "my-id"
}

// idMap returns the entries of a mapping from id to value.
func (l *loader) idMap(p pair, what, plural string) []pair {
	if p.val == nil {
		return nil
	}
	if p.val.kind != mappingNode {
		l.errorf(posOf(p.val), ErrType, "write one "+what+" per key: `my-id:` then its fields", "%s must be a mapping from id to %s, not %s", plural, what, describe(p.val))
		return nil
	}
	return l.pairs(p.val, where{kind: plural})
}

// decodeTree fills l.tree from the document's root.
func (l *loader) decodeTree(root *node) {
	f := l.fields(root, Pos{1, 1}, topLevel, topKeys)
	if !f.ok {
		return
	}
	t := l.tree
	if p, ok := f.get("title"); ok {
		t.titlePos = posOf(p.val)
	}
	if s, ok := l.text(topLevel, f.val("title")); ok {
		t.Title = s
		if Slug(s) == "" {
			l.errorf(posOf(f.val("title").val), ErrTitle, "give the guide a title in words: it names the app on a phone and its offline copy", "the title %q has no letters or digits", s)
		}
	}
	if p, ok := f.get("start"); ok {
		l.src.start = posOf(p.val)
		if s, ok := l.text(topLevel, p); ok {
			t.Start = s
		}
	}
	l.decodeTargets(f)
	l.decodeLang(f)
	l.decodeVerdicts(f.val("verdicts"))
	l.decodeShared(f.val("shared"))
	l.decodeQuestions(f.val("questions"))
	l.decodeOutcomes(f.val("outcomes"))
	l.decodeScenarios(f.val("scenarios"))
	l.decodeRules(f.val("rules"))
}

func (l *loader) decodeVerdicts(p pair) {
	if p.val != nil && p.val.kind == mappingNode && len(p.val.content) == 0 {
		l.errorf(posOf(p.val), ErrMissing, "add the verdicts that outcomes use, such as run and rest", "verdicts is empty")
	}
	for _, e := range l.idMap(p, "verdict", "verdicts") {
		ctx := where{kind: "verdict", id: e.name}
		l.checkID("verdict", e.name, posOf(e.key), false)
		v := &Verdict{ID: e.name, Pos: posOf(e.key), Tone: defaultTone}
		tonePos := posOf(e.key)
		f := l.fields(e.val, posOf(e.key), ctx, verdictKeys)
		v.Label, _ = l.text(ctx, f.val("label"))
		if p, ok := f.get("label"); ok {
			v.labelPos = posOf(p.val)
		}
		if tp, ok := f.get("tone"); ok {
			tonePos = posOf(tp.val)
			if tone, ok := l.text(ctx, tp); ok {
				if !slices.Contains(tones, tone) {
					l.errorf(tonePos, ErrType, didYouMean(tone, tones, "use go, careful, caution or stop"), "%s: unknown tone %q", ctx, tone)
				} else {
					v.Tone = tone
				}
			}
		}
		l.tree.Verdicts = append(l.tree.Verdicts, v)
		l.src.verdicts = append(l.src.verdicts, tonePos)
	}
}

func (l *loader) decodeQuestions(p pair) {
	entries := l.idMap(p, "question", "questions")
	l.tree.Questions = make([]*Question, 0, len(entries))
	l.src.questions = make([]questionSrc, 0, len(entries))
	for _, e := range entries {
		ctx := where{kind: "question", id: e.name}
		l.checkID("question", e.name, posOf(e.key), true)
		var q *Question
		var src questionSrc
		if isStep(e.val) {
			q, src = l.decodeStep(ctx, e)
		} else {
			q, src = l.decodeWords(ctx, e, false)
		}
		l.tree.Questions = append(l.tree.Questions, q)
		l.src.questions = append(l.src.questions, src)
	}
}

// decodeWords reads a question with words of its own: a question of
// questions, or (if shared) the definition of a shared question.
func (l *loader) decodeWords(ctx where, e pair, shared bool) (*Question, questionSrc) {
	q := &Question{ID: e.name, Pos: posOf(e.key)}
	src := questionSrc{options: posOf(e.key), scale: posOf(e.key), items: -1}
	keys, hints := questionKeys, questionHints
	if shared {
		keys, hints = sharedKeys, sharedHints
	}
	f := l.fieldsWith(e.val, posOf(e.key), ctx, keys, hints)
	q.Text, _ = l.keepText(ctx, f.val("text"), false)
	if p, ok := f.get("text"); ok {
		q.words.text = posOf(p.val)
	}
	if h, ok := f.get("help"); ok {
		q.words.help = posOf(h.val)
		q.Help, _ = l.keepText(ctx, h, true)
	}
	if s, ok := f.get("scale"); ok {
		src.scale, src.scaleKey = posOf(s.key), true
		q.Scale = l.decodeScale(ctx, s)
	}
	if o, ok := f.get("options"); ok {
		src.options = posOf(o.key)
		q.Options, src.opts = l.decodeOptions(ctx, o, shared)
		if o.val.kind == sequenceNode {
			src.items = len(o.val.content)
		}
	}
	if shared {
		// Steps can route the answers only if every option was read, with
		// an id of its own.
		seen := make(map[string]bool, len(q.Options))
		src.idsOK = src.items == len(q.Options)
		for _, o := range q.Options {
			src.idsOK = src.idsOK && o.ID != "" && !seen[o.ID]
			seen[o.ID] = true
		}
	}
	return q, src
}

func (l *loader) decodeScale(qctx where, p pair) *Scale {
	ctx := where{part: "scale", kind: qctx.kind, id: qctx.id}
	f := l.fields(p.val, posOf(p.key), ctx, scaleKeys)
	if !f.ok {
		return nil
	}
	s := &Scale{}
	okMin, okMax := false, false
	if v, ok := f.get("min"); ok {
		s.Min, okMin = l.integer(ctx, v)
	}
	if v, ok := f.get("max"); ok {
		s.Max, okMax = l.integer(ctx, v)
	}
	if v, ok := f.get("low"); ok {
		s.Low, _ = l.keepText(ctx, v, false)
		s.lowPos = posOf(v.val)
	}
	if v, ok := f.get("high"); ok {
		s.High, _ = l.keepText(ctx, v, false)
		s.highPos = posOf(v.val)
	}
	if !okMin || !okMax {
		return nil
	}
	switch {
	case s.Min >= s.Max:
		l.errorf(posOf(f.val("max").val), ErrScale, "make max larger than min", "%s: max %d is not larger than min %d", ctx, s.Max, s.Min)
		return nil
	case int64(s.Max)-int64(s.Min)+1 > maxScaleValues:
		l.errorf(posOf(f.val("max").val), ErrScale, fmt.Sprintf("a scale has at most %d values", maxScaleValues), "%s: %d-%d has %d values", ctx, s.Min, s.Max, int64(s.Max)-int64(s.Min)+1)
		return nil
	}
	return s
}

const maxScaleValues = 100

var valuesRE = regexp.MustCompile(`^\s*(-?[0-9]+)\s*(?:-\s*(-?[0-9]+)\s*)?$`)

// decodeOptions reads a question's options. The options of a shared
// question have an id each and no next.
func (l *loader) decodeOptions(qctx where, p pair, shared bool) ([]*Option, []optionSrc) {
	if p.val.kind != sequenceNode {
		l.errorf(posOf(p.val), ErrType, "write each option as a list item starting with `- label:`", "%s: options must be a list, not %s", qctx, describe(p.val))
		return nil, nil
	}
	items := p.val.content
	if len(items) > MaxOptions {
		// Refused whole: the options are not checked one by one.
		l.errorf(posOf(items[MaxOptions]), ErrTooLong, "split the question in two, or group the answers", "%s: %d options, more than the limit of %d", qctx, len(items), MaxOptions)
		return nil, nil
	}
	opts := make([]*Option, 0, len(items))
	srcs := make([]optionSrc, 0, len(items))
	for i, n := range items {
		ctx := where{part: "option", n: i + 1, kind: qctx.kind, id: qctx.id}
		o := &Option{Pos: posOf(n)}
		src := optionSrc{label: posOf(n), next: posOf(n), values: posOf(n), id: posOf(n)}
		keys, hints := optionKeys, optionHints
		if shared {
			keys, hints = sharedOptionKeys, sharedOptionHints
		}
		f := l.fieldsWith(n, posOf(n), ctx, keys, hints)
		if !f.ok {
			continue
		}
		if v, ok := f.get("id"); ok {
			src.id = posOf(v.val)
			if id, ok := l.text(ctx, v); ok {
				l.checkID("option", id, src.id, false)
				o.ID = id // kept even if not a slug, so that names of it still match
			}
		}
		if v, ok := f.get("label"); ok {
			src.label = posOf(v.val)
			o.Label, _ = l.keepText(ctx, v, false)
			o.labelPos = posOf(v.val)
		}
		if v, ok := f.get("next"); ok {
			src.next = posOf(v.val)
			o.Next, _ = l.text(ctx, v)
		}
		if v, ok := f.get("why"); ok {
			o.Why, _ = l.keepText(ctx, v, false)
			o.whyPos = posOf(v.val)
		}
		if v, ok := f.get("values"); ok {
			src.values, src.valuesKey = posOf(v.val), true
			o.Lo, o.Hi, src.hasValues = l.values(ctx, v)
		}
		opts = append(opts, o)
		srcs = append(srcs, src)
	}
	return opts, srcs
}

// values parses an option's values: "3" or "4-10".
func (l *loader) values(ctx where, p pair) (lo, hi int, ok bool) {
	v := p.val
	if v.kind == scalarNode {
		if m := valuesRE.FindStringSubmatch(v.value); m != nil {
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
		ctx := where{kind: "outcome", id: e.name}
		l.checkID("outcome", e.name, posOf(e.key), true)
		o := &Outcome{ID: e.name, Pos: posOf(e.key)}
		src := outcomeSrc{verdict: posOf(e.key), page: posOf(e.key)}
		f := l.fields(e.val, posOf(e.key), ctx, outcomeKeys)
		o.Title, _ = l.text(ctx, f.val("title"))
		if p, ok := f.get("title"); ok {
			o.titlePos = posOf(p.val)
		}
		if v, ok := f.get("verdict"); ok {
			src.verdict = posOf(v.val)
			o.Verdict, _ = l.text(ctx, v)
		}
		if v, ok := f.get("page"); ok {
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
	if p.val.kind != sequenceNode {
		l.errorf(posOf(p.val), ErrType, "write each scenario as a list item starting with `- name:`, or `scenarios: []`", "scenarios must be a list, not %s", describe(p.val))
		return
	}
	names := map[string]Pos{}
	for i, n := range p.val.content {
		ctx := where{part: "scenario", n: i + 1}
		s := &Scenario{Pos: posOf(n)}
		src := scenarioSrc{expect: posOf(n)}
		f := l.fields(n, posOf(n), ctx, scenarioKeys)
		if !f.ok {
			continue
		}
		if v, ok := f.get("name"); ok {
			if s.Name, ok = l.text(ctx, v); ok {
				if first, dup := names[s.Name]; dup {
					l.errorf(posOf(v.val), ErrDuplicateKey, fmt.Sprintf("the first is at line %d; give each scenario its own name", first.Line), "%s: duplicate scenario name %q", ctx, s.Name)
				}
				names[s.Name] = posOf(v.val)
				ctx = where{kind: "scenario", id: s.Name}
			}
		}
		if v, ok := f.get("expect"); ok {
			src.expect = posOf(v.val)
			s.Expect, _ = l.text(ctx, v)
		}
		if v, ok := f.get("answers"); ok {
			if v.val.kind != mappingNode {
				l.errorf(posOf(v.val), ErrType, "write `question-id: answer` lines", "%s: answers must be a mapping from question id to answer, not %s", ctx, describe(v.val))
			} else {
				for _, a := range l.pairs(v.val, ctx) {
					if a.val.kind != scalarNode || a.val.shortTag() == "!!null" {
						l.errorf(posOf(a.val), ErrType, "write an option's label or a number", "%s: the answer to %s must be text or a number, not %s", ctx, a.name, describe(a.val))
						continue
					}
					s.Answers = append(s.Answers, Answer{Question: a.name, Label: a.val.value, Pos: posOf(a.key)})
					src.answers = append(src.answers, posOf(a.val))
				}
			}
		}
		l.tree.Scenarios = append(l.tree.Scenarios, s)
		l.src.scenarios = append(l.src.scenarios, src)
	}
}

// keepText reads a text of a question (ctx.id) that readers see, and keeps
// it in the tree's Texts with its position for the reading-level check.
func (l *loader) keepText(ctx where, p pair, markdown bool) (string, bool) {
	s, ok := l.text(ctx, p)
	if !ok {
		return s, ok
	}
	v := p.val
	x := Text{Question: ctx.id, Shared: ctx.kind == sharedKind, Field: p.name, Value: s, Markdown: markdown, Pos: posOf(v)}
	switch {
	case v.style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		// The value starts on the line after the | or > indicator, indented
		// like its first line that is not blank.
		x.block = true
		for n := int(v.line) + 1; n <= int(v.line)+1+strings.Count(s, "\n"); n++ {
			if line := l.line(n); strings.TrimSpace(line) != "" {
				x.indent = len(line) - len(strings.TrimLeft(line, " "))
				break
			}
		}
		x.Pos = Pos{int(v.line) + 1, x.indent + 1}
	case v.style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		x.Pos.Col++
	}
	l.tree.Texts = append(l.tree.Texts, x)
	return s, ok
}

// line returns line n (1-based) of the file, without its newline. The
// first call indexes the lines, so that each later call is quick.
func (l *loader) line(n int) string {
	if l.lineStarts == nil {
		l.lineStarts = []int{0}
		for i, c := range l.data {
			if c == '\n' {
				l.lineStarts = append(l.lineStarts, i+1)
			}
		}
	}
	if n < 1 || n > len(l.lineStarts) {
		return ""
	}
	end := len(l.data)
	if n < len(l.lineStarts) {
		end = l.lineStarts[n] - 1
	}
	return strings.TrimSuffix(string(l.data[l.lineStarts[n-1]:end]), "\r")
}

// decodeTargets reads the optional top-level keys of reading level and
// review: reading-age, reviewed, reviewer and review-interval.
func (l *loader) decodeTargets(f fieldSet) {
	t := l.tree
	t.ReadingAge, t.ReviewInterval = DefaultReadingAge, DefaultReviewInterval
	if p, ok := f.get("reading-age"); ok {
		if age, ok := l.integer(topLevel, p); ok {
			if age < minReadingAge || age > maxReadingAge {
				l.errorf(posOf(p.val), ErrReview, fmt.Sprintf("use an age from %d to %d; %d suits most health guidance", minReadingAge, maxReadingAge, DefaultReadingAge),
					"reading-age %d is outside %d to %d", age, minReadingAge, maxReadingAge)
			} else {
				t.ReadingAge = age
			}
		}
	}
	if p, ok := f.get("review-interval"); ok {
		if s, ok := l.text(topLevel, p); ok {
			if iv, err := ParseInterval(s); err != nil {
				l.errorf(posOf(p.val), ErrReview, "write a number of months or years, such as 12 months or 2 years", "%v", err)
			} else {
				t.ReviewInterval = iv
			}
		}
	}
	date, hasDate := f.get("reviewed")
	by, hasBy := f.get("reviewer")
	if hasDate {
		if s, ok := l.text(topLevel, date); ok {
			if d, err := ParseDate(s); err != nil {
				l.errorf(posOf(date.val), ErrReview, "write the day of the review, such as 2026-11-20", "reviewed: %v", err)
			} else {
				t.Review = Review{Date: d, Pos: posOf(date.val)}
			}
		}
	}
	if hasBy {
		t.Review.By, _ = l.text(topLevel, by)
	}
	switch {
	case hasDate && !hasBy:
		l.errorf(posOf(date.key), ErrReview, "add `reviewer:` with the name of who reviewed the tree", "the tree has a reviewed date but no reviewer")
	case hasBy && !hasDate:
		l.errorf(posOf(by.key), ErrReview, "add `reviewed:` with the day of the review, such as 2026-11-20", "the tree has a reviewer but no reviewed date")
	}
	if t.Review.By == "" || t.Review.Date.IsZero() {
		t.Review = Review{}
	}
}

// decodeLang reads the optional lang and lang-name of the tree file.
func (l *loader) decodeLang(f fieldSet) {
	t := l.tree
	t.Lang, t.Dir = DefaultLang, "content"
	if p, ok := f.get("lang"); ok {
		if s, ok := l.text(topLevel, p); ok {
			if msg := checkLang(s); msg != "" {
				l.errorf(posOf(p.val), ErrLang, "write the language of the tree's words as a tag such as en", "lang: %s", msg)
			} else {
				t.Lang = s
			}
		}
	}
	if p, ok := f.get("lang-name"); ok {
		t.LangName, _ = l.text(topLevel, p)
	}
	if t.LangName == "" {
		t.LangName = t.Lang
		if t.Lang == "en" {
			t.LangName = "English"
		}
	}
}
