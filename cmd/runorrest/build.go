package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"runorrest/cmd/runorrest/internal/pipeline"
	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/decision"
)

const buildUsage = `Usage: runorrest build [-src DIR] [-o DIR] [-base-url URL] [-max-depth N]

Build runs the build of the guide in DIR (the very build "runorrest check"
runs: the tree, its Markdown pages, templates, stylesheet and scripts) and
writes the site to the output folder. If anything is wrong it prints every
problem as file:line:col: what is wrong (how to fix it), writes nothing and
exits 1. The output folder is replaced whole, atomically; a non-empty folder
that runorrest did not build (one without its .runorrest marker file) is
never replaced, and the output folder may not be -src, hold it, or lie in
its content/, templates/ or static/ folder (exit 2). Temporary folders that
a killed build left beside the output are removed by the next build.

The site uses relative links only: it works at a domain root, under any
sub-path, and opened from disk (file://). The exception is 404.html, which a
host answers at any depth (/a/b/missing): its links resolve from -base-url,
or from the host's root without one; a guide under a sub-path needs
-base-url for a working 404 page.

Files the host needs at the site's root that runorrest does not make
(CNAME, _headers, _redirects, .nojekyll, .well-known/...) go in
static/root/: build copies each one to the root of the output as it is. A
name the site writes itself (index.html, 404.html, sw.js, assets/, a page of
the tree, ...), anything but a regular file, more than 100 files or a file
over 1 MB there is refused, by check too, at the file's path.

On success build prints one line: pages, files, bytes, gzipped bytes (each
file alone, at gzip's fastest level, as a server compressing on the fly
sends it) and milliseconds.

Flags:
`

// runBuild is the build subcommand.
func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", buildUsage, stderr)
	var bf buildFlags
	bf.register(fs)
	out := fs.String("o", "public", "the output `folder`, replaced whole on each build")
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	opts, err := bf.options()
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError{`-o is empty: give the output folder (the default is "public")`}
	}
	if err := publish.CheckApart(*out, bf.src, sourceFolders...); err != nil {
		return usageError{err.Error()}
	}
	return build(ctx, &bf, opts, *out, stdout, stderr)
}

// sourceFolders are the folders under -src that a build reads (and .git):
// the output folder may be none of them.
var sourceFolders = []string{"content", "templates", "static", ".git"}

// build runs the build as check does, then writes the files.
func build(ctx context.Context, bf *buildFlags, opts pipeline.Options, out string, stdout, stderr io.Writer) error {
	start := time.Now()
	r, err := bf.build(ctx, opts)
	if err != nil && !errors.As(err, new(decision.Problems)) {
		return err
	}
	if n := printProblems(stderr, r.Warnings, err); n > 0 {
		return fmt.Errorf("%w; nothing was built", problemsError(n))
	}
	// The sizes are measured while the files are written: the one is
	// processor work, the other mostly the system's.
	stats := make(chan publish.Stats, 1)
	go func() { stats <- r.Stats() }()
	var cleanup *publish.CleanupError
	if err := publish.Write(out, r.Files); errors.As(err, &cleanup) {
		fmt.Fprintf(stderr, "warning: %s: %v\n", out, cleanup)
	} else if err != nil {
		return err
	}
	st := <-stats
	fmt.Fprintf(stdout, "built %d pages, %d files, %d bytes (%d gzip) in %d ms into %s\n",
		st.Pages, st.Files, st.Bytes, st.Gzipped, time.Since(start).Milliseconds(), out)
	return nil
}
