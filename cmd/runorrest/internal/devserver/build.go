package devserver

import (
	"context"
	"io/fs"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/cmd/runorrest/internal/pipeline"
)

// SiteBuild returns the BuildFunc of runorrest serve: pipeline.Build with
// opts, the very build of runorrest build, in memory. Problems come back as
// decision.Problems, one "file:line:col: what is wrong (how to fix it)"
// line each.
//
// Between builds it keeps what an edit of the words cannot change: the
// compiled stylesheet and script, until a file under static/ changes.
func SiteBuild(opts pipeline.Options) BuildFunc {
	if opts.Cache == nil {
		opts.Cache = new(bundle.Cache)
	}
	return func(fsys fs.FS) (map[string][]byte, []string, error) {
		r, err := pipeline.Build(context.Background(), fsys, opts)
		var warnings []string
		if r != nil {
			for _, w := range r.Warnings {
				warnings = append(warnings, w.Error())
			}
		}
		if err != nil {
			return nil, warnings, err
		}
		return r.Files, warnings, nil
	}
}
