// Package hostfiles reads the files a host needs at the root of a site that
// runorrest does not make, such as CNAME (GitHub Pages), _headers and
// _redirects (Netlify, Cloudflare Pages) or .nojekyll, from the folder
// static/root/ of the guide. The build copies them to the root of its
// output as they are, byte for byte, sub-folders included (a
// .well-known/security.txt). They are not part of the offline copy: the
// service worker does not fetch them, as a host may not serve them.
//
// The rules, checked by check and build alike:
//   - only regular files are copied (a link inside -src to one counts); a
//     named pipe, socket, device or a link to a folder is refused;
//   - at most [decision.MaxHostFiles] files, each of at most
//     [decision.MaxHostFileBytes] bytes;
//   - no file may take a name the site writes (index.html, 404.html, sw.js,
//     a page of the tree, ...) or lie in a folder of the site (assets/,
//     icons/): see [Reserved] and [Check].
//
// Every refusal is a decision.Problem at the file's path.
package hostfiles

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"runorrest/decision"
)

// Dir is the folder of the host files inside the guide's folder.
const Dir = "static/root"

// Reserved are the names at the root of the site that a build writes, or
// may write with other options or another tree: no host file may have one,
// or lie in a folder of that name.
var Reserved = []string{
	".runorrest", "404.html", "about.html", "assets", "icons", "index.html",
	"manifest.webmanifest", "map.html", "robots.txt", "sitemap.xml", "sw.js",
}

// ErrReserved is the error of a host file whose name the site uses.
var ErrReserved = errors.New("name the site uses")

// Read returns the host files of the guide in fsys, by their path in the
// output ("CNAME", ".well-known/security.txt"), or the problems of those it
// refuses. A guide without static/root has none.
func Read(fsys fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	var ps decision.Problems
	problem := func(name string, err error, msg, hint string) {
		ps = append(ps, &decision.Problem{File: name, Pos: decision.Pos{Line: 1, Col: 1}, Err: err, Msg: msg, Hint: hint})
	}
	err := fs.WalkDir(fsys, Dir, func(name string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && name == Dir {
			return fs.SkipAll
		}
		if err != nil {
			problem(name, decision.ErrNotRegular, "cannot read "+name+": "+err.Error(), "")
			return nil
		}
		if name == Dir {
			if !d.IsDir() {
				problem(name, decision.ErrNotRegular, Dir+" is not a folder", "make it a folder of the files to copy to the site's root")
			}
			return nil
		}
		out := strings.TrimPrefix(name, Dir+"/")
		if top, _, _ := strings.Cut(out, "/"); slices.Contains(Reserved, top) {
			problem(name, ErrReserved, fmt.Sprintf("%s is a name the site writes itself (%s)", top, strings.Join(Reserved, ", ")), "rename or remove it")
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if len(files) == decision.MaxHostFiles {
			problem(name, decision.ErrTooLong, fmt.Sprintf("more than %d files in %s, the limit", decision.MaxHostFiles, Dir), "keep only the files the host needs")
			return fs.SkipAll
		}
		data, p := decision.ReadFile(fsys, name, decision.MaxHostFileBytes, "the host file")
		if p != nil {
			ps = append(ps, p)
			return nil
		}
		files[out] = data
		return nil
	})
	if err != nil {
		problem(Dir, decision.ErrNotRegular, "cannot read "+Dir+": "+err.Error(), "")
	}
	if len(ps) > 0 {
		decision.SortProblems(ps)
		return nil, ps
	}
	return files, nil
}

// Check refuses the host files that would take the place of a file the
// build made (site, such as the page of a question) or of one of its
// folders, or would lie in one of its folders (a language's, such as es/)
// or under one of its files.
func Check(host, site map[string][]byte) error {
	dirs := map[string]bool{}
	for name := range site {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var ps decision.Problems
	for _, name := range slices.Sorted(maps.Keys(host)) {
		taken := ""
		switch {
		case site[name] != nil:
			taken = name + " is a file the site writes itself"
		case dirs[name]:
			taken = name + " is a folder the site writes itself"
		default:
			for d := path.Dir(name); d != "." && taken == ""; d = path.Dir(d) {
				if site[d] != nil {
					taken = d + " is a file the site writes itself"
				} else if dirs[d] {
					taken = d + "/ is a folder the site writes itself (such as a language's)"
				}
			}
		}
		if taken != "" {
			ps = append(ps, &decision.Problem{File: path.Join(Dir, name), Pos: decision.Pos{Line: 1, Col: 1}, Err: ErrReserved,
				Msg: taken, Hint: "rename or remove it"})
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}
