package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"time"

	"runorrest/cmd/runorrest/internal/offline"
	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/cmd/runorrest/internal/source"
	"runorrest/decision"
)

const buildUsage = `Usage: runorrest build [-src DIR] [-o DIR] [-base-url URL] [-max-depth N]

Build checks the guide in DIR (everything "runorrest check" checks, then
its Markdown links, front matter, templates and styles) and renders it to a
static site in the output folder. If anything is wrong it prints every
problem as file:line:col: what is wrong (how to fix it), writes nothing and
exits 1. The output folder is replaced whole, atomically; a non-empty folder
that runorrest did not build (one without its .runorrest marker file) is
never replaced, and the output folder may not be -src, hold it, or lie in
its content/, templates/ or static/ folder (exit 2). Temporary folders that
a killed build left beside the output are removed by the next build.

The site uses relative links only: it works at a domain root, under any
sub-path, and opened from disk (file://). On success build prints one line:
pages, files, bytes, gzipped bytes and milliseconds.

Flags:
`

// runBuild is the build subcommand.
func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), buildUsage)
		fs.PrintDefaults()
	}
	var lf loadFlags
	lf.register(fs)
	out := fs.String("o", "public", "the output `folder`, replaced whole on each build")
	base := fs.String("base-url", "", "the absolute `URL` the site is served from, like https://example.org/guide/;\nadds canonical links and sitemap.xml")
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	if *base != "" {
		u, err := url.Parse(*base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return usageError{fmt.Sprintf("-base-url %q is not an absolute http(s) URL (give one like https://example.org/guide/)", *base)}
		}
	}
	if err := publish.CheckApart(*out, lf.src, sourceFolders...); err != nil {
		return usageError{err.Error()}
	}
	return build(&lf, *out, *base, stdout, stderr)
}

// sourceFolders are the folders under -src that a build reads (and .git):
// the output folder may be none of them.
var sourceFolders = []string{"content", "templates", "static", ".git"}

// build loads and checks the tree as check does, renders the site, and
// writes it.
func build(lf *loadFlags, out, base string, stdout, stderr io.Writer) error {
	start := time.Now()
	tree, err := lf.load()
	if err != nil && !errors.As(err, new(decision.Problems)) {
		return err
	}
	if n := printProblems(stderr, tree, err); n > 0 {
		return fmt.Errorf("%w; nothing was built", problemsError(n))
	}
	src, err := source.Open(lf.src)
	if err != nil {
		return err
	}
	defer src.Close()
	s, err := offline.Build(src, tree, site.Options{BaseURL: base})
	var ps decision.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p)
		}
		return fmt.Errorf("the guide has %d %s; nothing was built", len(ps), plural(len(ps), "problem", "problems"))
	}
	if err != nil {
		return err
	}
	var cleanup *publish.CleanupError
	if err := publish.Write(out, s.Files); errors.As(err, &cleanup) {
		fmt.Fprintf(stderr, "warning: %s: %v\n", out, cleanup)
	} else if err != nil {
		return err
	}
	st := s.Stats()
	fmt.Fprintf(stdout, "built %d pages, %d files, %d bytes (%d gzip) in %d ms into %s\n",
		st.Pages, st.Files, st.Bytes, st.Gzipped, time.Since(start).Milliseconds(), out)
	return nil
}

// plural picks the word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
