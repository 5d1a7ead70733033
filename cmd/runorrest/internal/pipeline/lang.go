package pipeline

import (
	"io/fs"

	"runorrest/decision"
)

// loadLanguages loads every extra language of the guide, the folders
// content/<lang>/ with a words.yaml, as translations of r.Tree (part of
// stage 1): their words are checked against the tree, their pages are
// there. Their warnings (a stale translation) join r.Warnings; their
// problems come back with the tree's, err, which they join.
//
// Each language's ui: must have the messages of decision.UIFile, the
// site's own words in the original; if that file has problems, the site
// stage reports them and ui: is read unchecked.
func (r *Result) loadLanguages(fsys fs.FS, opts Options, err error) error {
	var ui map[string]string
	if msgs, err := decision.LoadMessages(fsys, decision.UIFile); err == nil {
		ui = msgs.Text
	}
	trs, terr := decision.LoadTranslations(fsys, r.Tree, decision.Options{MaxDepth: opts.MaxDepth, UI: ui})
	r.Translations = trs
	for _, tr := range trs {
		r.Warnings = append(r.Warnings, tr.Warnings...)
	}
	decision.SortProblems(r.Warnings)
	return joinProblems(err, terr)
}
