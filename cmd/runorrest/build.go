package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"runorrest/cmd/runorrest/internal/offline"
	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
)

const buildUsage = `usage: runorrest build [-src DIR] [-o DIR] [-base-url URL]

Build checks the guide in DIR (everything "runorrest check" checks) and
renders it to a static site in the output folder. Nothing is written if
anything is wrong. The output folder is replaced whole, atomically; a
folder that runorrest did not build is never replaced.

The site uses relative links only: it works at a domain root, under any
sub-path, and opened from disk (file://).

Flags:
`

// runBuild is the build subcommand.
func runBuild(args []string) error { return buildCommand(args, os.Stdout, os.Stderr) }

// buildCommand parses the build flags and builds; the summary goes to
// stdout, problems and usage to stderr.
func buildCommand(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("build", flag.ContinueOnError)
	fset.SetOutput(stderr)
	src := fset.String("src", ".", "the guide's folder, holding content/, templates/ and static/")
	out := fset.String("o", "public", "the output folder, replaced whole on each build")
	base := fset.String("base-url", "", "the absolute URL the site is served from, like https://example.org/guide/;\nadds canonical links and sitemap.xml")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), buildUsage)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageErr(err)
	}
	if fset.NArg() != 0 {
		fset.Usage()
		return usageErr(fmt.Errorf("build takes no arguments, got %q", fset.Args()))
	}
	if *base != "" {
		u, err := url.Parse(*base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return usageErr(fmt.Errorf("-base-url %q is not an absolute http(s) URL (give one like https://example.org/guide/)", *base))
		}
	}
	return build(*src, *out, *base, stdout, stderr)
}

// build loads, checks, renders and writes the guide.
func build(src, out, base string, stdout, stderr io.Writer) error {
	start := time.Now()
	fsys := os.DirFS(src)
	tree, err := decision.Load(fsys, decision.Options{})
	if tree != nil {
		for _, w := range tree.Warnings {
			fmt.Fprintln(stderr, w)
		}
	}
	if err != nil {
		return reportProblems(stderr, err)
	}
	s, err := offline.Build(fsys, tree, site.Options{BaseURL: base})
	if err != nil {
		return reportProblems(stderr, err)
	}
	if err := publish.Write(out, s.Files); err != nil {
		return err
	}
	st := s.Stats()
	ms := time.Since(start).Milliseconds()
	fmt.Fprintf(stdout, "built %d pages, %d files, %d bytes (%d gzip) in %d ms into %s\n",
		st.Pages, st.Files, st.Bytes, st.Gzipped, ms, out)
	return nil
}

// reportProblems prints every problem on its own line and returns an error
// saying how many there were.
func reportProblems(stderr io.Writer, err error) error {
	var ps decision.Problems
	if !errors.As(err, &ps) {
		return err
	}
	for _, p := range ps {
		fmt.Fprintln(stderr, p)
	}
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return fmt.Errorf("%d %s; nothing was built", n, plural(n, "problem", "problems"))
}

// plural picks the word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
