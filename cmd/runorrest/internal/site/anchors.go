package site

import (
	"fmt"
	"strings"

	"runorrest/decision"
)

// CheckAnchors reports the heading anchors that pages of the original link
// to and that their translation in tr lacks: a translated page keeps the
// original's anchors (## Frío {#cold}), so that every link into it, and a
// reader switching language, finds the same place. Each missing anchor is
// reported once, at the translated page, naming the first link to it.
func CheckAnchors(orig, tr *Content) decision.Problems {
	var ps decision.Problems
	seen := map[string]bool{}
	ob, tb := orig.b, tr.b
	for _, d := range ob.docs {
		for _, l := range d.links {
			if l.file == "" || l.anchor == "" || l.direct || !strings.HasPrefix(l.file, ob.tree.Dir+"/") {
				continue
			}
			file := tb.tree.PageFile(strings.TrimPrefix(l.file, ob.tree.Dir+"/"))
			t := tb.byFile[file]
			if t == nil || t.failed || seen[file+"#"+l.anchor] {
				continue
			}
			if _, ok := t.ids[l.anchor]; ok {
				continue
			}
			seen[file+"#"+l.anchor] = true
			ps = append(ps, &decision.Problem{File: file, Pos: decision.Pos{Line: 1, Col: 1}, Err: ErrLink,
				Msg:  fmt.Sprintf("no heading has the anchor #%s, which %s:%d:%d links to in %s", l.anchor, d.file, d.line, d.col, l.file),
				Hint: fmt.Sprintf("give the heading that translates it the original's anchor: `## ... {#%s}`", l.anchor)})
		}
	}
	decision.SortProblems(ps)
	return ps
}
