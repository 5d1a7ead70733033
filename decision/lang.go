package decision

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Languages: one tree, its words in several languages. See the package
// doc, # Languages.

// DefaultLang is the language of a tree file that names none.
const DefaultLang = "en"

// MaxLanguages is the most extra languages a guide may have.
const MaxLanguages = 50

// Sentinel errors of translations.
var (
	ErrLang         = errors.New("bad language")
	ErrMissingWords = errors.New("missing words")
	ErrExtraWords   = errors.New("words for nothing")
	ErrStale        = errors.New("stale translation")
)

// langRE is a lower-case BCP 47 tag as the guide accepts it: a language
// of 2 or 3 letters, then subtags of 2 to 8 letters or digits.
var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$`)

// checkLang returns what is wrong with a language tag, or "".
func checkLang(tag string) string {
	if langRE.MatchString(tag) {
		return ""
	}
	return fmt.Sprintf("%q is not a lower-case language tag such as en, es or pt-br", tag)
}

// UIText is one string of a translation's ui: the site's own words, by
// message id.
type UIText struct {
	ID, Text string
	Pos      Pos
}

// WordsFile is the path of a language's words file in the source folder:
// content/<lang>/words.yaml.
func WordsFile(lang string) string { return path.Join("content", lang, "words.yaml") }

// PageFile is the path of one of the tree's pages in the source folder:
// page (an outcome's Page, or "about.md") under the tree's Dir.
func (t *Tree) PageFile(page string) string { return path.Join(t.Dir, page) }

// UIString returns a translation's ui string of a message id.
func (t *Tree) UIString(id string) (string, bool) {
	for _, u := range t.UI {
		if u.ID == id {
			return u.Text, true
		}
	}
	return "", false
}

// Hash is the short hash a translation records of the original it was
// made from (from: and translated-from:): the first 8 hex digits of the
// SHA-256 of the original text, or of the original page's file.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

var hashRE = regexp.MustCompile(`^[0-9a-f]{8}$`)

// Languages returns the extra languages of the guide in fsys, sorted:
// the name of every folder content/<name>/ that holds a words.yaml.
// Whether the name is a language tag is checked by [LoadTranslation]. A
// words.yaml that is there but cannot be looked at (a link out of the
// source folder, a link loop) counts: loading it reports why, rather than
// leaving its language out without a word.
func Languages(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, "content")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var langs []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := fs.Stat(fsys, WordsFile(e.Name())); !errors.Is(err, fs.ErrNotExist) {
			langs = append(langs, e.Name())
		}
	}
	slices.Sort(langs)
	return langs, nil
}

// LoadTranslations loads every extra language of the guide in fsys (see
// [Languages]) as a translation of orig, in the order of their tags. Its
// error is every problem of every language, as [Problems]; each
// translation's warnings are in its Warnings.
func LoadTranslations(fsys fs.FS, orig *Tree, opts Options) ([]*Tree, error) {
	langs, err := Languages(fsys)
	if err != nil {
		return nil, err
	}
	if len(langs) > MaxLanguages {
		return nil, Problems{{File: WordsFile(langs[MaxLanguages]), Pos: Pos{1, 1}, Err: ErrTooLarge,
			Msg:  fmt.Sprintf("the guide has %d languages, more than the limit of %d", len(langs)+1, MaxLanguages+1),
			Hint: "remove the folders of the languages no one keeps up"}}
	}
	var trees []*Tree
	var all Problems
	for _, lang := range langs {
		t, err := LoadTranslation(fsys, orig, lang, opts)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) {
				return nil, err
			}
			all = append(all, ps...)
		}
		if t != nil {
			trees = append(trees, t)
		}
	}
	if len(all) > 0 {
		SortProblems(all)
		return trees, all
	}
	return trees, nil
}

// LoadTranslation reads content/<lang>/words.yaml from fsys and returns
// orig in that language (see [ParseTranslation]), and checks that every
// page of orig has its translation under content/<lang>/ and that the
// folder holds no page orig does not have.
func LoadTranslation(fsys fs.FS, orig *Tree, lang string, opts Options) (*Tree, error) {
	opts = opts.withDefaults()
	file := WordsFile(lang)
	data, p := ReadFile(fsys, file, opts.MaxBytes, "the words file")
	if p != nil {
		return nil, Problems{p}
	}
	l, _ := parseTranslation(orig, lang, file, data, opts)
	if l.tree != nil && l.langPos != (Pos{}) {
		l.checkTranslatedPages(fsys, orig)
	}
	return l.result()
}

// ParseTranslation reads a words file already in memory, named name in
// messages, and returns orig in language lang: a tree with orig's
// structure (ids, routes, values, tones, pages, scenarios and rules, which
// are orig's own) and the words file's words, its File the words file,
// its Lang lang, its Dir content/<lang>, its Original orig. The positions
// of its verdicts, questions, options and outcomes are those of their
// words in the words file; a step with no words of its own has the
// position of the shared question it asks.
//
// If there are problems (a missing word, words for an id orig does not
// have, a wrong lang), ParseTranslation returns them as [Problems] and,
// whenever the file could be parsed, the tree as well, with orig's words
// where the translation has none. A translated string made from an
// original that has changed since is a warning in the tree's Warnings.
func ParseTranslation(orig *Tree, lang, name string, data []byte, opts Options) (*Tree, error) {
	l, _ := parseTranslation(orig, lang, name, data, opts.withDefaults())
	return l.result()
}

func parseTranslation(orig *Tree, lang, name string, data []byte, opts Options) (l *loader, w *wordsReader) {
	l = &loader{file: name, what: "the words file", opts: opts, data: data}
	defer func() {
		l.recovered(recover())
	}()
	root, ok := l.readDoc()
	if !ok {
		return l, nil
	}
	l.tree = orig.translationBase(name, lang)
	w = &wordsReader{l: l, orig: orig, t: l.tree, lang: lang}
	w.decode(root)
	return l, w
}

// translationBase copies t's structure and words for a translation into
// lang, every position at 1:1 until the words file gives one.
func (t *Tree) translationBase(file, lang string) *Tree {
	c := &Tree{File: file, Title: t.Title, Start: t.Start, Scenarios: t.Scenarios, Rules: t.Rules,
		ReadingAge: t.ReadingAge, Review: t.Review, ReviewInterval: t.ReviewInterval,
		Lang: lang, LangName: lang, Dir: path.Join("content", lang), Original: t}
	start := Pos{1, 1}
	for _, v := range t.Verdicts {
		v := *v
		v.Pos = start
		c.Verdicts = append(c.Verdicts, &v)
	}
	copyQ := func(q *Question) *Question {
		n := *q
		n.Pos = start
		if q.Scale != nil {
			s := *q.Scale
			n.Scale = &s
		}
		n.Options = make([]*Option, len(q.Options))
		for i, o := range q.Options {
			o := *o
			o.Pos = start
			n.Options[i] = &o
		}
		return &n
	}
	for _, q := range t.Shared {
		c.Shared = append(c.Shared, copyQ(q))
	}
	for _, q := range t.Questions {
		c.Questions = append(c.Questions, copyQ(q))
	}
	for _, o := range t.Outcomes {
		o := *o
		o.Pos = start
		c.Outcomes = append(c.Outcomes, &o)
	}
	return c
}

// checkTranslatedPages reports a page of orig that the translation lacks
// and a page of the translation that orig lacks.
func (l *loader) checkTranslatedPages(fsys fs.FS, orig *Tree) {
	t := l.tree
	seen := map[string]bool{}
	for i, o := range orig.Outcomes {
		if o.Page == "" || seen[o.Page] {
			continue
		}
		seen[o.Page] = true
		if _, err := fs.Stat(fsys, t.PageFile(o.Page)); err != nil {
			l.errorf(t.Outcomes[i].Pos, ErrPage, fmt.Sprintf("translate %s into %s", orig.PageFile(o.Page), t.PageFile(o.Page)),
				"outcome %q: the %s page %s does not exist", o.ID, t.Lang, t.PageFile(o.Page))
		}
	}
	origPages, _ := fs.Glob(fsys, path.Join(orig.Dir, "*.md"))
	for _, file := range origPages {
		page := path.Base(file)
		if _, err := fs.Stat(fsys, t.PageFile(page)); err != nil {
			l.errorf(l.langPos, ErrPage, fmt.Sprintf("translate %s into %s", file, t.PageFile(page)),
				"the %s page %s does not exist", t.Lang, t.PageFile(page))
			continue
		}
		seen[page] = true
	}
	for _, page := range slices.Sorted(maps.Keys(seen)) {
		l.checkPageHash(fsys, orig, page)
	}
	pages, _ := fs.Glob(fsys, path.Join(t.Dir, "*.md"))
	for _, file := range pages {
		page := path.Base(file)
		if _, ok := slices.BinarySearch(origPages, orig.PageFile(page)); !ok { // fs.Glob sorts
			l.probs = append(l.probs, &Problem{File: file, Pos: Pos{1, 1}, Err: ErrExtraWords,
				Msg:  fmt.Sprintf("the page has no original: %s does not exist", orig.PageFile(page)),
				Hint: "a translation has the original's pages and no others: add the page to the original first, or remove it"})
		}
	}
}

// checkPageHash warns if a translated page records a translated-from
// hash that is not the hash of the original page today.
func (l *loader) checkPageHash(fsys fs.FS, orig *Tree, page string) {
	t := l.tree
	data, p := ReadFile(fsys, t.PageFile(page), MaxPageBytes, "the page")
	if p != nil {
		return // the site reports it
	}
	from, pos, ok := PageTranslatedFrom(data)
	if !ok {
		return
	}
	original, p := ReadFile(fsys, orig.PageFile(page), MaxPageBytes, "the page")
	if p != nil {
		return
	}
	if p := t.CheckPageTranslation(t.PageFile(page), from, pos, original); p != nil {
		if p.Warning {
			t.Warnings = append(t.Warnings, p)
		} else {
			l.probs = append(l.probs, p)
		}
	}
}

// CheckPageTranslation checks the translated-from hash a translated page
// records (at pos in file) against original, the content of the original
// page: a warning if the original has changed since, nil otherwise.
func (t *Tree) CheckPageTranslation(file, from string, pos Pos, original []byte) *Problem {
	if t.Original == nil {
		return nil
	}
	origFile := t.Original.PageFile(strings.TrimPrefix(file, t.Dir+"/"))
	if !hashRE.MatchString(from) {
		return &Problem{File: file, Pos: pos, Err: ErrStale,
			Msg:  fmt.Sprintf("translated-from %q is not a hash of 8 hex digits", from),
			Hint: fmt.Sprintf("set it to %s, the hash of %s, or run `runorrest translate -stamp %s`", Hash(string(original)), origFile, t.Lang)}
	}
	if h := Hash(string(original)); h != from {
		return &Problem{File: file, Pos: pos, Warning: true, Err: ErrStale,
			Msg:  fmt.Sprintf("the %s page %s changed since the %s was written", t.Original.Lang, origFile, t.Lang),
			Hint: fmt.Sprintf("update the %s, then set translated-from to %s, or run `runorrest translate -stamp %s`", t.Lang, h, t.Lang)}
	}
	return nil
}
