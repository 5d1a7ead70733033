package devserver

import (
	"io/fs"

	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
)

// SiteBuild is the BuildFunc of runorrest serve: what runorrest build does,
// in memory. Problems come back as decision.Problems, one
// "file:line:col: what is wrong (how to fix it)" line each.
func SiteBuild(fsys fs.FS) (map[string][]byte, []string, error) {
	tree, err := decision.Load(fsys, decision.Options{})
	var warnings []string
	if tree != nil {
		for _, w := range tree.Warnings {
			warnings = append(warnings, w.Error())
		}
	}
	if err != nil {
		return nil, warnings, err
	}
	s, err := site.Build(fsys, tree, site.Options{})
	if err != nil {
		return nil, warnings, err
	}
	return s.Files, warnings, nil
}
