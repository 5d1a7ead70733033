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
func (r *Result) loadLanguages(fsys fs.FS, opts Options, err error) error {
	trs, terr := decision.LoadTranslations(fsys, r.Tree, decision.Options{MaxDepth: opts.MaxDepth})
	r.Translations = trs
	for _, tr := range trs {
		r.Warnings = append(r.Warnings, tr.Warnings...)
	}
	decision.SortProblems(r.Warnings)
	return joinProblems(err, terr)
}
