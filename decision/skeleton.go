package decision

import (
	"fmt"
	"strings"
)

// WordsSkeleton writes the words file of a new language lang for orig: every
// id of orig with "" for each string to translate, the original string in a
// comment above it, and from: with the hash of each original, so that the
// file is stamped as made from today's originals. ui, if not nil, adds the
// site's own words. Until every "" is translated, check reports each one
// at its line: the skeleton is the translator's list of what is left.
func WordsSkeleton(orig *Tree, lang string, ui *Messages) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `# The %s words of the guide. Translate every "" below; the %s original is in
# the comment above it. Only the words are here: the structure (ids, next,
# values, rules, scenarios) is in ../tree.yaml, shared by every language.
# from: records the original each string is made from: after updating a
# translation, run "runorrest translate -stamp %s". Spec: go doc runorrest/decision.
lang: %s
name: ""  # the language's own name, shown in the language switch
`, lang, orig.Lang, lang, lang)
	s := skeleton{b: &b}
	s.word(0, "title", orig.Title)
	s.from(0)
	b.WriteString("\nverdicts:\n")
	for _, v := range orig.Verdicts {
		fmt.Fprintf(&b, "  %s:\n", v.ID)
		s.word(4, "label", v.Label)
		s.from(4)
	}
	if len(orig.Shared) > 0 {
		b.WriteString("\nshared:\n")
		for _, q := range orig.Shared {
			s.question(q)
		}
	}
	b.WriteString("\nquestions:\n")
	for _, q := range orig.Questions {
		if q.Ask == "" {
			s.question(q)
			continue
		}
		var own []*Option
		for _, o := range q.Options {
			if o.ownWhy {
				own = append(own, o)
			}
		}
		if len(own) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %s:  # asks %s: only the why lines of its own\n    why:\n", q.ID, q.Ask)
		var hashes []string
		for _, o := range own {
			s.comment(6, o.Why)
			fmt.Fprintf(&b, "      %s: \"\"\n", o.ID)
			hashes = append(hashes, o.ID+": "+Hash(o.Why))
		}
		fmt.Fprintf(&b, "    from: {why: {%s}}\n", strings.Join(hashes, ", "))
	}
	b.WriteString("\noutcomes:\n")
	for _, o := range orig.Outcomes {
		fmt.Fprintf(&b, "  %s:\n", o.ID)
		s.word(4, "title", o.Title)
		s.from(4)
	}
	if ui != nil && len(ui.IDs) > 0 {
		b.WriteString("\nui:\n")
		for _, id := range ui.IDs {
			s.comment(2, ui.Text[id])
			fmt.Fprintf(&b, "  %s: \"\"\n", id)
		}
		b.WriteString("  from:\n")
		for _, id := range ui.IDs {
			fmt.Fprintf(&b, "    %s: %s\n", id, Hash(ui.Text[id]))
		}
	}
	return []byte(b.String())
}

// skeleton writes the parts of a words skeleton.
type skeleton struct {
	b      *strings.Builder
	hashes []string // of the words written since the last from:
}

// comment writes text as comment lines, indented.
func (s *skeleton) comment(indent int, text string) {
	pad := strings.Repeat(" ", indent)
	for line := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		if line == "" {
			s.b.WriteString(pad + "#\n")
			continue
		}
		s.b.WriteString(pad + "# " + line + "\n")
	}
}

// word writes one string to translate, if the original has it.
func (s *skeleton) word(indent int, key, orig string) {
	if orig == "" {
		return
	}
	s.comment(indent, orig)
	fmt.Fprintf(s.b, "%s%s: \"\"\n", strings.Repeat(" ", indent), key)
	s.hashes = append(s.hashes, key+": "+Hash(orig))
}

// from writes the from: of the words written since the last one.
func (s *skeleton) from(indent int) {
	if len(s.hashes) > 0 {
		fmt.Fprintf(s.b, "%sfrom: {%s}\n", strings.Repeat(" ", indent), strings.Join(s.hashes, ", "))
	}
	s.hashes = nil
}

// question writes the words of a question with words of its own.
func (s *skeleton) question(q *Question) {
	fmt.Fprintf(s.b, "  %s:\n", q.ID)
	s.word(4, "text", q.Text)
	s.word(4, "help", q.Help)
	s.from(4)
	if q.Scale != nil && (q.Scale.Low != "" || q.Scale.High != "") {
		s.b.WriteString("    scale:\n")
		s.word(6, "low", q.Scale.Low)
		s.word(6, "high", q.Scale.High)
		s.from(6)
	}
	s.b.WriteString("    options:\n")
	for _, o := range q.Options {
		id := o.ID
		if id == "" {
			id = slugify(o.Label) // the check asks for the id in the tree file
		}
		fmt.Fprintf(s.b, "      %s:\n", id)
		s.word(8, "label", o.Label)
		s.word(8, "why", o.Why)
		s.from(8)
	}
}
