// Command runorrest builds and checks the "Run or rest?" decision guide.
//
// Usage:
//
//	runorrest <command> [flags]
//
// The commands are:
//
//	check    run the build without writing: every problem at once, then a summary
//	build    run the build and write the static site to public/
//	serve    preview the guide, rebuilding and reloading on every change
//	paths    list every path through the tree, one a line
//	graph    print the tree as a Graphviz DOT or Mermaid graph
//	version  print the version and VCS revision runorrest was built from
//	help     print this help, or with a command's name its flags
//
// check, build and serve run the same build (package pipeline) with the
// same flags: -src DIR, the folder that holds content/, templates/ and
// static/ (default: the current folder; nothing outside it is read),
// -max-depth N and -base-url URL. Exit status, for every command: 0 done,
// 1 the input has problems or the job failed, 2 usage error (go run turns
// every failure into 1). "runorrest help COMMAND" describes a command's
// flags; "go doc runorrest/decision" describes the tree file.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"runorrest/cmd/runorrest/internal/pipeline"
	"runorrest/cmd/runorrest/internal/source"
	"runorrest/cmd/runorrest/internal/terminal"
	"runorrest/decision"
)

func main() {
	tuneGC()
	os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr))
}

// runMain runs the command line as main does and returns the exit status.
// Everything it prints goes through a terminal.Writer, so no control
// character or bidirectional override from a file name, the tree or an
// error reaches the terminal as it is.
func runMain(args []string, stdout, stderr io.Writer) int {
	out, errOut := terminal.NewWriter(stdout), terminal.NewWriter(stderr)
	log.SetOutput(errOut)
	log.SetPrefix("runorrest: ")
	log.SetFlags(0)
	// Ctrl-C or SIGTERM ends ctx: a build stops between its stages, serve
	// shuts down cleanly. Once it has, a second Ctrl-C ends the process at
	// once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)
	err := run(ctx, args, out, errOut)
	stop()
	if err != nil {
		if msg := err.Error(); msg != "" {
			log.Print(msg)
		}
		return exitCode(err)
	}
	return 0
}

// usageError is a mistake in the command line: exit status 2. An empty
// message means the flag package has printed it already.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitCode maps an error from run to the exit status.
func exitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.As(err, new(usageError)):
		return 2
	}
	return 1
}

// loadFlags are the flags every command that reads the tree takes.
type loadFlags struct {
	src      string
	maxDepth int
}

func (f *loadFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.src, "src", ".", "the source `folder`, holding content/, templates/ and static/")
	fs.IntVar(&f.maxDepth, "max-depth", decision.DefaultMaxDepth, "the most `questions` one path may ask")
}

// buildFlags are the flags of the commands that run the build: check,
// build and serve take the same, so they build the same site.
type buildFlags struct {
	loadFlags
	baseURL string
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	f.loadFlags.register(fs)
	fs.StringVar(&f.baseURL, "base-url", "", "the absolute `URL` the site is served from, like https://example.org/guide/;\nadds canonical links and sitemap.xml")
}

// options checks the flags and gives the build's options.
func (f *buildFlags) options() (pipeline.Options, error) {
	if f.src == "" {
		return pipeline.Options{}, usageError{`-src is empty: give the guide's folder (the default is ".")`}
	}
	if f.maxDepth < 1 {
		return pipeline.Options{}, usageError{fmt.Sprintf("-max-depth must be at least 1, not %d", f.maxDepth)}
	}
	if f.baseURL != "" {
		if _, err := pipeline.BaseURL(f.baseURL); err != nil {
			return pipeline.Options{}, usageError{"-base-url " + strings.TrimPrefix(err.Error(), pipeline.ErrBaseURL.Error()+": ")}
		}
	}
	return pipeline.Options{MaxDepth: f.maxDepth, BaseURL: f.baseURL}, nil
}

// build runs the build on the source folder, through source.FS, so
// neither paths nor symlinks can reach outside it and no named pipe is
// waited on. Problems in the guide come back as decision.Problems.
func (f *buildFlags) build(ctx context.Context, opts pipeline.Options) (*pipeline.Result, error) {
	src, err := source.Open(f.src)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	return pipeline.Build(ctx, src, opts)
}

// parseFlags parses a command's flags and checks that no arguments remain.
// -h prints the usage and returns errHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// flagError is the error of a failed fs.Parse: errHelp for -h, else a
// usage error the flag package has printed already.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	return usageError{}
}

// errHelp ends a command that was asked for its usage: exit status 0.
var errHelp = errors.New("help")

// load opens the source folder and loads its tree. It reads through
// source.FS, so neither paths nor symlinks can reach outside the folder
// and no named pipe is waited on. Problems in the tree come back as
// decision.Problems.
func (f *loadFlags) load() (*decision.Tree, error) {
	if f.maxDepth < 1 {
		return nil, usageError{fmt.Sprintf("-max-depth must be at least 1, not %d", f.maxDepth)}
	}
	src, err := source.Open(f.src)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	return decision.Load(src, decision.Options{MaxDepth: f.maxDepth})
}

// printProblems writes the problems of err and the warnings, in the one
// order of decision.SortProblems, one a line, and returns the number of
// errors.
func printProblems(w io.Writer, warnings decision.Problems, err error) int {
	var all decision.Problems
	errors.As(err, &all)
	n := len(all)
	all = append(all, warnings...)
	decision.SortProblems(all)
	for _, p := range all {
		fmt.Fprintln(w, p)
	}
	return n
}

// problemsError is the error of a command whose input has problems.
func problemsError(n int) error {
	return fmt.Errorf("the guide has %s", decision.Count(n, "problem", "problems"))
}

// warningsOf is the warnings of a tree that may not have loaded.
func warningsOf(tree *decision.Tree) decision.Problems {
	if tree == nil {
		return nil
	}
	return tree.Warnings
}
