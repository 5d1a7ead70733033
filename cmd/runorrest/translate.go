package main

import (
	"context"
	"fmt"
	"io"
	"regexp"

	"runorrest/cmd/runorrest/internal/source"
	"runorrest/cmd/runorrest/internal/translate"
	"runorrest/decision"
)

const translateUsage = `Usage: runorrest translate [-src DIR] [-w] LANG
       runorrest translate -stamp [-src DIR] LANG

Translate helps an editor keep the guide's languages. content/tree.yaml
holds the structure and the original's words; each extra language is a
folder content/LANG/ (LANG a lower-case tag such as es or pt-br) with
words.yaml, only words keyed by the tree's ids, and a translation of every
page at the same path (go doc runorrest/decision, # Languages).

For a new language, translate prints the skeleton of its words file: every
id with "" for each string to translate, the original in a comment above it,
and from: with the hash of each original. With -w it writes it to
content/LANG/words.yaml (never over an existing file) and lists the pages to
translate. "runorrest check" then reports each "" left, at its line.

With -stamp, translate records that the translation is made from today's
originals: it writes the hash of each original string in from: beside its
translation in content/LANG/words.yaml, and of each original page in
translated-from: in the front matter of its translation. Only the hashes
change; comments and layout stay. Run it once you have brought the
translation up to date with the originals, and check's warnings that an
original changed since it was translated go away.

Flags:
`

var langArgRE = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$`)

// runTranslate is the translate subcommand.
func runTranslate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("translate", translateUsage, stderr)
	var lf loadFlags
	lf.register(fs)
	stamp := fs.Bool("stamp", false, "write the hashes of today's originals into the translation")
	write := fs.Bool("w", false, "write the skeleton to content/LANG/words.yaml instead of printing it")
	// Flags may come before or after the language: translate es -stamp.
	var langs []string
	for {
		if err := fs.Parse(args); err != nil {
			return helpOK(flagError(err))
		}
		if fs.NArg() == 0 {
			break
		}
		langs, args = append(langs, fs.Arg(0)), fs.Args()[1:]
	}
	if len(langs) != 1 {
		fs.Usage()
		return usageError{"translate takes one language, such as es"}
	}
	lang := langs[0]
	if !langArgRE.MatchString(lang) {
		return usageError{fmt.Sprintf("%q is not a lower-case language tag such as es or pt-br", lang)}
	}
	if *stamp && *write {
		return usageError{"-stamp and -w do not go together: -w starts a language, -stamp records an updated one"}
	}
	tree, err := lf.load()
	if err != nil {
		if n := printProblems(stderr, warningsOf(tree), err); n > 0 {
			return problemsError(n)
		}
		return err
	}
	if lang == tree.Lang {
		return usageError{fmt.Sprintf("%s is the language of the original, %s", lang, decision.TreeFile)}
	}
	if *stamp {
		st, err := translate.Stamp(lf.src, tree, lang)
		if err != nil {
			if n := printProblems(stderr, nil, err); n > 0 {
				return problemsError(n)
			}
			return err
		}
		fmt.Fprintf(stdout, "%s: %s\n", decision.WordsFile(lang), decision.Count(st.Hashes, "hash written", "hashes written"))
		for _, p := range st.Pages {
			fmt.Fprintf(stdout, "%s: translated-from written\n", p)
		}
		return nil
	}
	src, err := source.Open(lf.src)
	if err != nil {
		return err
	}
	defer src.Close()
	sk, err := translate.Skeleton(src, tree, lang)
	if err != nil {
		if n := printProblems(stderr, nil, err); n > 0 {
			return problemsError(n)
		}
		return err
	}
	if !*write {
		_, err := stdout.Write(sk)
		return err
	}
	if err := translate.WriteNew(lf.src, decision.WordsFile(lang), sk); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s; now translate these pages into content/%s/, at the same paths:\n", decision.WordsFile(lang), lang)
	for _, p := range translate.Pages(src, tree) {
		fmt.Fprintf(stdout, "  %s\n", tree.PageFile(p))
	}
	return nil
}
