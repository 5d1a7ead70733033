package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"strconv"
	"strings"

	"runorrest/decision"
)

// diffUsage is the part of check's usage text about -diff.
const diffUsage = `With -diff REV, check also compares the tree with the one at git revision
REV (a commit, branch or tag, such as HEAD or main) and lists the answers
whose advice the edit changes, and the answers it adds or removes. A tree
at REV over the tree file's size limit, or a folder in its place, is refused
from git's object header, without reading it. Then it lists the
translations whose original has changed since they were written (content/
LANG/), each at its position with the original's.
`

// errNoGit is the sentinel of every failure to read the tree from git.
var errNoGit = errors.New("cannot read the tree from git")

// checkDiff compares the tree at git revision rev of the repository
// holding src with cur, the working copy's tree, and prints what changed.
func checkDiff(w io.Writer, src, rev string, cur *decision.Tree) error {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return usageError{fmt.Sprintf("-diff %q is not a git revision (give one like HEAD or main)", rev)}
	}
	data, err := gitShow(src, rev, decision.TreeFile, decision.DefaultMaxBytes)
	if err != nil {
		return err
	}
	name := rev + ":" + decision.TreeFile
	old, err := decision.Parse(name, data, decision.Options{})
	if err != nil {
		var ps decision.Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				fmt.Fprintln(w, p)
			}
		}
		return fmt.Errorf("the tree at %s has problems, so it cannot be compared", rev)
	}
	d, err := decision.Compare(old, cur, 0)
	if errors.Is(err, decision.ErrDiffTooLarge) {
		return fmt.Errorf("%w; -diff lists answers one path at a time, so it cannot compare trees this big", err)
	}
	if err != nil {
		return err
	}
	printDiff(w, rev, d)
	return nil
}

// printDiff writes d, one path a line under a heading per kind of change,
// and ends with a sentence that counts them.
func printDiff(w io.Writer, rev string, d *decision.Diff) {
	fmt.Fprintf(w, "compared with the tree at %s:\n", rev)
	for _, g := range []struct {
		title string
		cs    []decision.Change
	}{
		{"advice changed", d.Changed},
		{"paths added", d.Added},
		{"paths removed", d.Removed},
	} {
		if len(g.cs) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s (%d):\n", g.title, len(g.cs))
		for _, c := range g.cs {
			fmt.Fprintln(w, "  "+c.String())
		}
	}
	n := d.Total()
	if n == 0 {
		fmt.Fprintf(w, "this edit changes no advice (%s the same)\n", decision.Count(d.Same, "path stays", "paths stay"))
		return
	}
	fmt.Fprintf(w, "this edit changes the advice for %s (%d changed, %d added, %d removed)\n",
		decision.Count(n, "path", "paths"), len(d.Changed), len(d.Added), len(d.Removed))
}

// gitShow returns the file at path (relative to dir) as it was at
// revision rev, with a clear error when git, the repository, the revision
// or the file is missing, when it is not a file there, or when it has more
// than maxBytes bytes: its kind and size are read from the object's header
// first, so an oversized file is refused without reading it.
func gitShow(dir, rev, file string, maxBytes int64) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w: git is not installed (install git to use -diff)", errNoGit)
	}
	if _, err := git(dir, "rev-parse", "--git-dir"); err != nil {
		return nil, fmt.Errorf("%w: %s is not inside a git repository (-diff compares with a git revision)", errNoGit, dir)
	}
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%w: %q is not a revision of the repository (try HEAD, a branch or a commit)", errNoGit, rev)
	}
	// "./" makes the path relative to dir rather than to the repository's root.
	spec := rev + ":./" + path.Clean(file)
	if _, err := git(dir, "cat-file", "-e", spec); err != nil {
		return nil, fmt.Errorf("%w: %s does not exist at %s (was it committed there?)", errNoGit, file, rev)
	}
	out, err := git(dir, "cat-file", "-t", spec)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errNoGit, err)
	}
	if kind := strings.TrimSpace(string(out)); kind != "blob" {
		return nil, fmt.Errorf("%w: %s is a %s at %s, not a file", errNoGit, file, gitKinds[kind], rev)
	}
	if out, err = git(dir, "cat-file", "-s", spec); err != nil {
		return nil, fmt.Errorf("%w: %v", errNoGit, err)
	}
	size, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%w: git cat-file -s %s: %q is not a size", errNoGit, spec, out)
	}
	if size > maxBytes {
		return nil, fmt.Errorf("%w: %w: %s at %s has %d bytes, more than the %d bytes a tree file may have (compare with a revision whose tree is within the limit)",
			errNoGit, decision.ErrTooLarge, file, rev, size, maxBytes)
	}
	return git(dir, "cat-file", "blob", spec)
}

// gitKinds names git's kinds of object that are not a file.
var gitKinds = map[string]string{"tree": "folder", "commit": "submodule", "tag": "tag"}

// git runs git in dir and returns its output; an error carries its message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git %s: %v", args[0], err)
	}
	return out, nil
}

// printStale lists the translated strings and pages whose original has
// changed since they were written: the stale-translation warnings.
func printStale(w io.Writer, warnings decision.Problems) {
	var stale decision.Problems
	for _, p := range warnings {
		if errors.Is(p, decision.ErrStale) {
			stale = append(stale, p)
		}
	}
	if len(stale) == 0 {
		fmt.Fprintln(w, "translations: none out of date")
		return
	}
	fmt.Fprintf(w, "translations out of date (%d):\n", len(stale))
	for _, p := range stale {
		fmt.Fprintf(w, "  %s:%d:%d: %s\n", p.File, p.Pos.Line, p.Pos.Col, p.Msg)
	}
}
