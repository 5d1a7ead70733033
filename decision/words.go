package decision

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Reading a words file: the words of one extra language, keyed by the ids
// of the tree file. See the package doc, # Languages.

// The keys of each kind of mapping in a words file; a test checks them
// against words.schema.json. None is required by the loader's key check:
// missing words are reported with the original's position instead.
var (
	wordsTopKeys = []key{{"lang", true}, {"name", true}, {"title", false}, {"from", false}, {"reviewer", false},
		{"verdicts", false}, {"shared", false}, {"questions", false}, {"outcomes", false}, {"ui", false}}
	wordsVerdictKeys  = []key{{"label", false}, {"from", false}}
	wordsQuestionKeys = []key{{"text", false}, {"help", false}, {"scale", false}, {"options", false}, {"from", false}}
	wordsScaleKeys    = []key{{"low", false}, {"high", false}, {"from", false}}
	wordsOptionKeys   = []key{{"label", false}, {"why", false}, {"from", false}}
	wordsStepKeys     = []key{{"why", false}, {"from", false}}
	wordsOutcomeKeys  = []key{{"title", false}, {"from", false}}
)

// wordsSchemaKeys maps each definition of words.schema.json ("" for the
// top level) to the keys the loader accepts there.
var wordsSchemaKeys = map[string][]key{
	"":         wordsTopKeys,
	"verdict":  wordsVerdictKeys,
	"question": wordsQuestionKeys,
	"scale":    wordsScaleKeys,
	"option":   wordsOptionKeys,
	"step":     wordsStepKeys,
	"outcome":  wordsOutcomeKeys,
}

// wordsReader fills a translation t of orig from a words file.
type wordsReader struct {
	l    *loader
	orig *Tree
	t    *Tree
	lang string
	ui   map[string]string // the original's ui strings; nil: not checked
	sets []*fromSet        // every from: set read or missing, for StampWords
}

// decode reads the words file's root.
func (w *wordsReader) decode(root *node) {
	l, t := w.l, w.t
	w.ui = l.opts.UI
	f := l.fields(root, Pos{1, 1}, topLevel, wordsTopKeys)
	if !f.ok {
		return
	}
	if p, ok := f.get("lang"); ok {
		l.langPos = posOf(p.val)
		if s, ok := l.text(topLevel, p); ok {
			switch {
			case checkLang(w.lang) != "":
				l.errorf(posOf(p.val), ErrLang, "name the folder with a language tag, such as content/es/", "the folder content/%s/ is not named with a language: %s", w.lang, checkLang(w.lang))
				l.tree = nil // nothing else of it is worth a report
				return
			case s != w.lang:
				l.errorf(posOf(p.val), ErrLang, fmt.Sprintf("write `lang: %s`, or move the file to content/%s/", w.lang, s), "lang %q does not match the folder content/%s/", s, w.lang)
			case w.lang == w.orig.Lang:
				l.errorf(posOf(p.val), ErrLang, "the original's words are in "+w.orig.File+"; remove this folder, or set the original's lang:", "%s is the language of the original (%s)", w.lang, w.orig.File)
			}
		}
	}
	if p, ok := f.get("name"); ok {
		if s, ok := l.text(topLevel, p); ok {
			t.LangName = s
		}
	}
	w.reviewer(f)
	from := w.from(topLevel, f)
	w.word(topLevel, f, Pos{1, 1}, "title", w.orig.Title, w.orig.titlePos, &t.Title, from, false)
	from.done()
	w.verdicts(f)
	w.questions(f, "shared", w.orig.Shared, t.Shared)
	w.questions(f, "questions", w.orig.Questions, t.Questions)
	w.resolveSteps()
	w.outcomes(f)
	w.readUI(f)
}

// reviewer reads who reviewed the translation, in its own words ("Los
// editores de runorrest"); the date of the review is the original's.
func (w *wordsReader) reviewer(f fieldSet) {
	p, ok := f.get("reviewer")
	if !ok {
		return
	}
	s, ok := w.l.text(topLevel, p)
	if !ok {
		return
	}
	if w.orig.Review.Date.IsZero() {
		w.l.errorf(posOf(p.key), ErrReview, "add `reviewed:` and `reviewer:` to "+w.orig.File+", or remove this line",
			"the %s reviewer has no review to name: %s records none", w.lang, w.orig.File)
		return
	}
	w.t.Review.By = s
}

// section returns the entries of a top-level mapping from id to words, and
// the position to report a missing id at.
func (w *wordsReader) section(f fieldSet, name, what string) ([]pair, Pos, bool) {
	p, ok := f.get(name)
	if !ok {
		return nil, Pos{1, 1}, false
	}
	if p.val.kind == scalarNode && p.val.shortTag() == "!!null" {
		return nil, posOf(p.key), true
	}
	return w.l.idMap(p, what, name), posOf(p.key), true
}

// extra reports words for an id the original does not have.
func (w *wordsReader) extra(e pair, what string, ids []string) {
	hint := "remove it: a translation has words only for the original's ids"
	if s := suggest(e.name, ids); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	w.l.errorf(posOf(e.key), ErrExtraWords, hint, "%s %q: %s has no %s of this id", what, e.name, w.orig.File, what)
}

// missing reports an id of the original with no words.
func (w *wordsReader) missing(at Pos, section, what, id string, pos Pos) {
	w.l.errorf(at, ErrMissingWords, fmt.Sprintf("add `%s:` under %s with its words", id, section),
		"%s %q has no %s words (the original's are at %s:%d:%d)", what, id, w.lang, w.orig.File, pos.Line, pos.Col)
}

// byID reads a section of words keyed by the original's ids: read gets
// the index in ids of each id that has words. Words for an id the original
// lacks are reported, and so is every id left without words for which
// needs (nil: every id) says yes; pos gives the original's position of
// the i-th id.
func (w *wordsReader) byID(f fieldSet, section, what string, ids []string, pos func(i int) Pos, needs func(i int) bool, read func(i int, e pair)) {
	entries, at, _ := w.section(f, section, what)
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	seen := make([]bool, len(ids))
	for _, e := range entries {
		i, ok := index[e.name]
		if !ok {
			w.extra(e, what, ids)
			continue
		}
		seen[i] = true
		read(i, e)
	}
	for i, id := range ids {
		if !seen[i] && (needs == nil || needs(i)) {
			w.missing(at, section, what, id, pos(i))
		}
	}
}

func (w *wordsReader) verdicts(f fieldSet) {
	ids := make([]string, len(w.orig.Verdicts))
	for i, v := range w.orig.Verdicts {
		ids[i] = v.ID
	}
	pos := func(i int) Pos { return w.orig.Verdicts[i].Pos }
	w.byID(f, "verdicts", "verdict", ids, pos, nil, func(i int, e pair) {
		ov, v := w.orig.Verdicts[i], w.t.Verdicts[i]
		v.Pos = posOf(e.key)
		ctx := where{kind: "verdict", id: e.name}
		vf := w.l.fields(e.val, posOf(e.key), ctx, wordsVerdictKeys)
		if !vf.ok {
			return
		}
		from := w.from(ctx, vf)
		w.word(ctx, vf, posOf(e.key), "label", ov.Label, ov.labelPos, &v.Label, from, false)
		from.done()
	})
}

func (w *wordsReader) outcomes(f fieldSet) {
	ids := make([]string, len(w.orig.Outcomes))
	for i, o := range w.orig.Outcomes {
		ids[i] = o.ID
	}
	pos := func(i int) Pos { return w.orig.Outcomes[i].Pos }
	w.byID(f, "outcomes", "outcome", ids, pos, nil, func(i int, e pair) {
		oo, o := w.orig.Outcomes[i], w.t.Outcomes[i]
		o.Pos = posOf(e.key)
		ctx := where{kind: "outcome", id: e.name}
		of := w.l.fields(e.val, posOf(e.key), ctx, wordsOutcomeKeys)
		if !of.ok {
			return
		}
		from := w.from(ctx, of)
		w.word(ctx, of, posOf(e.key), "title", oo.Title, oo.titlePos, &o.Title, from, false)
		from.done()
	})
}

// questions reads the words of the shared questions or of the questions.
// A step that asks a shared question has words of its own only if it
// gives its own why for some answers.
func (w *wordsReader) questions(f fieldSet, section string, orig, qs []*Question) {
	what, kind := "question", "question"
	if section == "shared" {
		what, kind = "shared question", sharedKind
	}
	ids := make([]string, len(orig))
	for i, q := range orig {
		ids[i] = q.ID
	}
	pos := func(i int) Pos { return orig[i].Pos }
	// A step that only asks a shared question needs words if it gives
	// its own why for some answers.
	needs := func(i int) bool {
		return orig[i].Ask == "" || slices.ContainsFunc(orig[i].Options, func(o *Option) bool { return o.ownWhy })
	}
	w.byID(f, section, what, ids, pos, needs, func(i int, e pair) {
		oq, q := orig[i], qs[i]
		q.Pos = posOf(e.key)
		ctx := where{kind: kind, id: e.name}
		if oq.Ask != "" {
			w.stepWords(ctx, e, oq, q)
		} else {
			w.questionWords(ctx, e, oq, q)
		}
	})
}

// questionWords reads the words of a question that has its own: text,
// help, the scale's end words, the options' labels and why lines.
func (w *wordsReader) questionWords(ctx where, e pair, oq, q *Question) {
	l := w.l
	f := l.fields(e.val, posOf(e.key), ctx, wordsQuestionKeys)
	if !f.ok {
		return
	}
	from := w.from(ctx, f)
	w.word(ctx, f, posOf(e.key), "text", oq.Text, oq.words.text, &q.Text, from, true)
	w.word(ctx, f, posOf(e.key), "help", oq.Help, oq.words.help, &q.Help, from, true)
	from.done()
	sp, hasScale := f.get("scale")
	hasEnds := oq.Scale != nil && (oq.Scale.Low != "" || oq.Scale.High != "")
	switch {
	case hasScale && !hasEnds:
		l.errorf(posOf(sp.key), ErrExtraWords, "remove it", "%s: the original's scale has no words (low or high) to translate", ctx)
	case !hasScale && hasEnds:
		l.errorf(posOf(e.key), ErrMissingWords, "add `scale: {low: ..., high: ...}`",
			"%s has no %s words of its scale (the original's are at %s:%d:%d)", ctx, w.lang, w.orig.File, oq.Pos.Line, oq.Pos.Col)
	case hasScale:
		sctx := where{part: "scale", kind: ctx.kind, id: ctx.id}
		sf := l.fields(sp.val, posOf(sp.key), sctx, wordsScaleKeys)
		if sf.ok {
			sfrom := w.from(sctx, sf)
			w.word(sctx, sf, posOf(sp.key), "low", oq.Scale.Low, oq.Scale.lowPos, &q.Scale.Low, sfrom, true)
			w.word(sctx, sf, posOf(sp.key), "high", oq.Scale.High, oq.Scale.highPos, &q.Scale.High, sfrom, true)
			sfrom.done()
		}
	}
	op, ok := f.get("options")
	if !ok {
		l.errorf(posOf(e.key), ErrMissingWords, "add `options:` with the words of each option, by id",
			"%s has no %s words of its options (the original's are at %s:%d:%d)", ctx, w.lang, w.orig.File, oq.Pos.Line, oq.Pos.Col)
		return
	}
	if op.val.kind != mappingNode {
		l.errorf(posOf(op.val), ErrType, "write one `option-id: {label: ...}` per option", "%s: options must be a mapping from option id to words, not %s", ctx, describe(op.val))
		return
	}
	ids := make([]string, len(oq.Options))
	for i, o := range oq.Options {
		ids[i] = o.ID
	}
	seen := map[string]bool{}
	for _, oe := range l.pairs(op.val, ctx) {
		i := slices.Index(ids, oe.name)
		if i < 0 || oe.name == "" {
			hint := "remove it: a translation has words only for the original's options"
			if s := suggest(oe.name, ids); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			l.errorf(posOf(oe.key), ErrExtraWords, hint, "%s has no option %q in %s", ctx, oe.name, w.orig.File)
			continue
		}
		seen[oe.name] = true
		oo, o := oq.Options[i], q.Options[i]
		o.Pos = posOf(oe.key)
		octx := where{part: "option", n: i + 1, kind: ctx.kind, id: ctx.id}
		of := l.fields(oe.val, posOf(oe.key), octx, wordsOptionKeys)
		if !of.ok {
			continue
		}
		ofrom := w.from(octx, of)
		w.word(octx, of, posOf(oe.key), "label", oo.Label, oo.labelPos, &o.Label, ofrom, true)
		w.word(octx, of, posOf(oe.key), "why", oo.Why, oo.whyPos, &o.Why, ofrom, true)
		ofrom.done()
	}
	for i, o := range oq.Options {
		switch {
		case o.ID == "":
			l.probs = append(l.probs, &Problem{File: w.orig.File, Pos: o.Pos, Err: ErrMissingWords,
				Msg:  fmt.Sprintf("option %d of %s has no id, and a translation names each option by its id", i+1, ctx),
				Hint: "add `id:` to the option, a slug such as " + strconv.Quote(slugify(o.Label))})
		case !seen[o.ID]:
			l.errorf(posOf(op.key), ErrMissingWords, fmt.Sprintf("add `%s: {label: ...}` under options", o.ID),
				"option %q of %s has no %s words (the original's are at %s:%d:%d)", o.ID, ctx, w.lang, w.orig.File, o.Pos.Line, o.Pos.Col)
		}
	}
}

// stepWords reads the words of a step: the why lines it gives its answers
// instead of the shared question's.
func (w *wordsReader) stepWords(ctx where, e pair, oq, q *Question) {
	l := w.l
	hint := fmt.Sprintf("question %q takes its words from shared question %q: translate them under shared", oq.ID, oq.Ask)
	f := l.fieldsWith(e.val, posOf(e.key), ctx, wordsStepKeys, map[string]string{"text": hint, "help": hint, "scale": hint, "options": hint})
	if !f.ok {
		return
	}
	from := w.from(ctx, f)
	whyFrom := from.sub("why")
	from.done()
	own := func(id string) int {
		return slices.IndexFunc(oq.Options, func(o *Option) bool { return o.ownWhy && o.ID == id })
	}
	var ownIDs []string
	for _, o := range oq.Options {
		if o.ownWhy {
			ownIDs = append(ownIDs, o.ID)
		}
	}
	at := posOf(e.key)
	seen := map[string]bool{}
	if wp, ok := f.get("why"); ok {
		at = posOf(wp.key)
		if wp.val.kind != mappingNode {
			l.errorf(posOf(wp.val), ErrType, "write one `answer-id: text` line per answer", "%s: why must be a mapping from answer id to text, not %s", ctx, describe(wp.val))
			return
		}
		for _, a := range l.pairs(wp.val, ctx) {
			i := own(a.name)
			if i < 0 {
				hint := fmt.Sprintf("remove it: the original gives %q no why of its own here, so its why is shared question %q's", a.name, oq.Ask)
				if s := suggest(a.name, ownIDs); s != "" {
					hint = fmt.Sprintf("did you mean %q?", s)
				}
				l.errorf(posOf(a.key), ErrExtraWords, hint, "%s: why names %q, which has no why of its own in %s", ctx, a.name, w.orig.File)
				continue
			}
			seen[a.name] = true
			oo, o := oq.Options[i], q.Options[i]
			name := "why of " + a.name
			s, ok := l.text(ctx, pair{name: name, key: a.key, val: a.val})
			if !ok {
				whyFrom.mark(a.name)
				continue
			}
			o.Why, o.whyPos = s, posOf(a.val)
			l.tree.Texts = append(l.tree.Texts, Text{Question: ctx.id, Field: "why", Value: s, Pos: posOf(a.val)})
			w.stale(ctx, name, oo.Why, oo.whyPos, whyFrom, a.name)
		}
	}
	whyFrom.done()
	for _, o := range oq.Options {
		if o.ownWhy && !seen[o.ID] {
			l.errorf(at, ErrMissingWords, fmt.Sprintf("add `%s: ...` under why", o.ID),
				"%s has no %s why for answer %q (the original's is at %s:%d:%d)", ctx, w.lang, o.ID, w.orig.File, o.whyPos.Line, o.whyPos.Col)
		}
	}
}

// resolveSteps gives every step the translated words of the shared
// question it asks, keeping the why lines of its own.
func (w *wordsReader) resolveSteps() {
	t := w.t
	shared := make(map[string]*Question, len(t.Shared))
	for _, s := range t.Shared {
		shared[s.ID] = s
	}
	for i, q := range t.Questions {
		if q.Ask == "" {
			continue
		}
		s := shared[q.Ask]
		if s == nil {
			continue
		}
		q.Text, q.Help, q.Scale = s.Text, s.Help, s.Scale
		if q.Pos == (Pos{1, 1}) {
			q.Pos = s.Pos
		}
		for j, o := range q.Options {
			if j >= len(s.Options) {
				break
			}
			o.Label, o.labelPos = s.Options[j].Label, s.Options[j].labelPos
			if !w.orig.Questions[i].Options[j].ownWhy {
				o.Why, o.whyPos = s.Options[j].Why, s.Options[j].whyPos
				if o.Pos == (Pos{1, 1}) {
					o.Pos = s.Options[j].Pos
				}
			}
		}
	}
}

// readUI reads the site's own strings. With [Options.UI] set, they must be
// exactly its ids.
func (w *wordsReader) readUI(f fieldSet) {
	l, t := w.l, w.t
	p, has := f.get("ui")
	ctx := where{kind: "ui"}
	seen := map[string]bool{}
	at := Pos{1, 1}
	if has {
		at = posOf(p.key)
		if p.val.kind != mappingNode {
			l.errorf(posOf(p.val), ErrType, "write one `message-id: text` line per string", "ui must be a mapping from message id to text, not %s", describe(p.val))
			return
		}
		from := newFromSet(w, ctx, nil)
		entries := l.pairs(p.val, ctx)
		for _, e := range entries {
			if e.name == "from" {
				from = newFromSet(w, ctx, &e)
			}
		}
		from.parent = p.val
		w.sets = append(w.sets, from)
		for _, e := range entries {
			if e.name == "from" {
				continue
			}
			if w.ui != nil {
				orig, ok := w.ui[e.name]
				if !ok {
					hint := "remove it: the site has no such message"
					if s := suggest(e.name, sortedKeys(w.ui)); s != "" {
						hint = fmt.Sprintf("did you mean %q?", s)
					}
					l.errorf(posOf(e.key), ErrExtraWords, hint, "ui message %q: the site has no message of this id", e.name)
					continue
				}
				seen[e.name] = true
				if s, ok := l.text(ctx, e); ok {
					t.UI = append(t.UI, UIText{ID: e.name, Text: s, Pos: posOf(e.val)})
					w.placeholders(e, orig, s)
				}
				w.stale(where{kind: "ui message", id: e.name}, e.name, orig, Pos{}, from, e.name)
				continue
			}
			if s, ok := l.text(ctx, e); ok {
				t.UI = append(t.UI, UIText{ID: e.name, Text: s, Pos: posOf(e.val)})
			}
		}
		if w.ui != nil {
			from.done()
		}
	}
	for _, id := range sortedKeys(w.ui) {
		if !seen[id] {
			l.errorf(at, ErrMissingWords, fmt.Sprintf("add `%s: ...` under ui (the original says %q)", id, w.ui[id]), "ui message %q has no %s words", id, w.lang)
		}
	}
}

// placeholders reports a ui string whose {placeholders} are malformed or
// not the original's: the site fills in each of the original's once.
func (w *wordsReader) placeholders(e pair, orig, s string) {
	if _, bad := scanPlaceholders(s); bad != "" {
		w.l.errorf(posOf(e.val), ErrPlaceholder, "write a placeholder as {name}, with lower-case letters only; a message holds no other brace",
			"ui message %q has a malformed placeholder %q", e.name, bad)
		return
	}
	want, got := slices.Sorted(slices.Values(Placeholders(orig))), slices.Sorted(slices.Values(Placeholders(s)))
	if !slices.Equal(want, got) {
		w.l.errorf(posOf(e.val), ErrPlaceholder, fmt.Sprintf("use each placeholder of the original once: %q", orig),
			"ui message %q has the placeholders {%s}, the original {%s}", e.name, strings.Join(got, "} {"), strings.Join(want, "} {"))
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// word reads the translation of one string of the original, orig (at
// origPos in the tree file), from the key name of f into dst. at is where
// to report it missing. keep records it for the reading level.
func (w *wordsReader) word(ctx where, f fieldSet, at Pos, name, orig string, origPos Pos, dst *string, from *fromSet, keep bool) {
	l := w.l
	p, has := f.get(name)
	if orig == "" {
		if has {
			l.errorf(posOf(p.key), ErrExtraWords, "remove it", "%s: the original has no %s to translate", ctx, name)
		}
		return
	}
	if !has {
		from.mark(name)
		l.errorf(at, ErrMissingWords, fmt.Sprintf("add `%s:` with the %s words", name, w.lang),
			"%s has no %s %s (the original's is at %s:%d:%d)", ctx, w.lang, name, w.orig.File, origPos.Line, origPos.Col)
		return
	}
	var s string
	var ok bool
	if keep {
		s, ok = l.keepText(ctx, p, name == "help")
	} else {
		s, ok = l.text(ctx, p)
	}
	if ok {
		*dst = s
	}
	w.stale(ctx, name, orig, origPos, from, name)
}

// stale warns if from records a hash for key that is not the hash of
// orig, the original string field of ctx (at origPos; unknown if 0:0).
func (w *wordsReader) stale(ctx where, field, orig string, origPos Pos, from *fromSet, key string) {
	from.wants = append(from.wants, want{key, Hash(orig)})
	h, pos, ok := from.hash(key)
	if !ok || h == Hash(orig) {
		return
	}
	at := ""
	if origPos.Line > 0 {
		at = fmt.Sprintf(" (%s:%d:%d)", w.orig.File, origPos.Line, origPos.Col)
	}
	w.t.Warnings = append(w.t.Warnings, &Problem{File: w.l.file, Pos: pos, Warning: true, Err: ErrStale,
		Msg: fmt.Sprintf("the %s %s of %s changed since the %s was written%s", w.orig.Lang, field, ctx, w.lang, at),
		Hint: fmt.Sprintf("update the %s, then set %s to %s, or run `runorrest translate -stamp %s` once it is",
			w.lang, from.path(key), Hash(orig), w.lang)})
}

// fromSet is the from: mapping beside some words: the hash of the
// original each of them was made from. It also gathers the hashes of the
// originals today, which [StampWords] writes.
type fromSet struct {
	w      *wordsReader
	ctx    where
	prefix string // "from" or "from.why"
	key    string // the key it is under: "from", or "why" for a nested one
	pairs  []pair
	used   []bool
	parent *node // the mapping that holds it, or would
	node   *node // its mapping; nil if there is none
	val    *node // its value, a mapping or not; nil if there is none
	wants  []want
	subs   []*fromSet
}

// want is the hash of an original today, by the key of its translation.
type want struct{ key, hash string }

// from reads the from: key of f.
func (w *wordsReader) from(ctx where, f fieldSet) *fromSet {
	p, ok := f.get("from")
	var s *fromSet
	if !ok {
		s = newFromSet(w, ctx, nil)
	} else {
		s = newFromSet(w, ctx, &p)
	}
	s.parent = f.node
	w.sets = append(w.sets, s)
	return s
}

func newFromSet(w *wordsReader, ctx where, p *pair) *fromSet {
	s := &fromSet{w: w, ctx: ctx, prefix: "from", key: "from"}
	if p == nil {
		return s
	}
	s.val = p.val
	if p.val.kind != mappingNode {
		w.l.errorf(posOf(p.val), ErrType, "write `from: {field: hash}`, or run `runorrest translate -stamp "+w.lang+"`", "%s: from must be a mapping from a field to a hash, not %s", ctx, describe(p.val))
		return s
	}
	s.node = p.val
	s.pairs = w.l.pairs(p.val, ctx)
	s.used = make([]bool, len(s.pairs))
	return s
}

func (s *fromSet) path(key string) string { return s.prefix + "." + key }

// hash returns the hash recorded for key, and where.
func (s *fromSet) hash(key string) (string, Pos, bool) {
	for i, p := range s.pairs {
		if p.name != key {
			continue
		}
		s.used[i] = true
		v := p.val
		if v.kind != scalarNode || !hashRE.MatchString(v.value) {
			s.w.l.errorf(posOf(v), ErrType, "write the 8 hex digits `runorrest translate -stamp "+s.w.lang+"` writes", "%s: %s must be a hash of 8 hex digits, not %s", s.ctx, s.path(key), quoteValue(v))
			return "", Pos{}, false
		}
		return v.value, posOf(v), true
	}
	return "", Pos{}, false
}

// mark counts key as used without reading it.
func (s *fromSet) mark(key string) {
	for i, p := range s.pairs {
		if p.name == key {
			s.used[i] = true
		}
	}
}

// sub returns the from set nested under key, such as from.why of a step.
func (s *fromSet) sub(key string) *fromSet {
	var n *fromSet
	for i, p := range s.pairs {
		if p.name == key {
			s.used[i] = true
			n = newFromSet(s.w, s.ctx, &p)
		}
	}
	if n == nil {
		n = newFromSet(s.w, s.ctx, nil)
	}
	n.prefix, n.key, n.parent = s.path(key), key, s.node
	s.subs = append(s.subs, n)
	return n
}

// done reports from keys that name no words.
func (s *fromSet) done() {
	for i, p := range s.pairs {
		if !s.used[i] {
			s.w.l.errorf(posOf(p.key), ErrExtraWords, "remove it: from names only the words beside it", "%s: %s names no words of this entry", s.ctx, s.path(p.name))
		}
	}
}
