// Package translate is what runorrest translate does to a guide's folder:
// write the skeleton of a new language's words file, and stamp a
// translation with the hashes of today's originals. The formats and the
// checks are package decision's (go doc runorrest/decision, # Languages);
// this package reads and writes the files.
package translate

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"

	"runorrest/decision"
)

// Pages lists the pages a translation of tree has, relative to its Dir:
// every content/*.md and every outcome's page, sorted.
func Pages(fsys fs.FS, tree *decision.Tree) []string {
	var pages []string
	md, _ := fs.Glob(fsys, path.Join(tree.Dir, "*.md"))
	for _, f := range md {
		pages = append(pages, path.Base(f))
	}
	for _, o := range tree.Outcomes {
		if o.Page != "" && !slices.Contains(pages, o.Page) {
			pages = append(pages, o.Page)
		}
	}
	slices.Sort(pages)
	return pages
}

// Skeleton returns the skeleton of the words file of language lang for
// tree, the original, with the site's own words of decision.UIFile if the
// folder has it.
func Skeleton(fsys fs.FS, tree *decision.Tree, lang string) ([]byte, error) {
	var ui *decision.Messages
	if _, err := fs.Stat(fsys, decision.UIFile); err == nil {
		if ui, err = decision.LoadMessages(fsys, decision.UIFile); err != nil {
			return nil, err
		}
	}
	return decision.WordsSkeleton(tree, lang, ui), nil
}

// Stamped is what Stamp changed.
type Stamped struct {
	Hashes int      // hashes written or changed in the words file
	Pages  []string // the pages whose translated-from it wrote or changed
}

// Stamp writes into the translation of tree into lang, in the folder dir,
// the hashes of today's originals: from: beside every translated string of
// content/<lang>/words.yaml and translated-from: in the front matter of
// every translated page. Only the hashes change; a file whose hashes are
// current is not written.
func Stamp(dir string, tree *decision.Tree, lang string) (Stamped, error) {
	var st Stamped
	root, err := os.OpenRoot(dir)
	if err != nil {
		return st, err
	}
	defer root.Close()
	file := decision.WordsFile(lang)
	data, err := root.ReadFile(file)
	if err != nil {
		return st, fmt.Errorf("%s: %w (write it first: runorrest translate -w %s)", file, err, lang)
	}
	var ui map[string]string
	if m, err := decision.LoadMessages(root.FS(), decision.UIFile); err == nil {
		ui = m.Text
	}
	out, n, err := decision.StampWords(tree, lang, file, data, decision.Options{UI: ui})
	if err != nil {
		return st, err
	}
	st.Hashes = n
	if n > 0 {
		if err := writeFile(root, file, out); err != nil {
			return st, err
		}
	}
	for _, page := range Pages(root.FS(), tree) {
		orig, err := root.ReadFile(tree.PageFile(page))
		if err != nil {
			continue
		}
		name := path.Join("content", lang, page)
		data, err := root.ReadFile(name)
		if err != nil {
			continue // check reports the missing page
		}
		out := decision.StampPage(data, decision.Hash(string(orig)))
		if string(out) == string(data) {
			continue
		}
		if err := writeFile(root, name, out); err != nil {
			return st, err
		}
		st.Pages = append(st.Pages, name)
	}
	return st, nil
}

// WriteNew writes a new file, refusing to replace one.
func WriteNew(dir, name string, data []byte) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if _, err := root.Stat(name); err == nil {
		return fmt.Errorf("%s exists: translate -w writes a new language only (to update a translation, edit it, then run translate -stamp)", name)
	}
	if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	return writeFile(root, name, data)
}

// writeFile replaces a file at once: a temporary file renamed over it.
func writeFile(root *os.Root, name string, data []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := root.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	tmp := name + ".tmp"
	if err := root.WriteFile(tmp, data, mode); err != nil {
		return err
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}
