package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

// A command is one subcommand of runorrest. Each lives in a file of its
// own, named for it, with its own flag set and usage text.
type command struct {
	name    string
	summary string // one line, for the list of commands
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands is the one list of the commands: runorrest's usage text and its
// dispatch are both made from it.
var commands []command

func init() {
	commands = []command{
		{"check", "run the build without writing: every problem at once, then a summary", runCheck},
		{"build", "run the build and write the static site to public/", runBuild},
		{"serve", "preview the guide, rebuilding and reloading on every change", runServe},
		{"paths", "list every path through the tree, one a line", runPaths},
		{"graph", "print the tree as a Graphviz DOT or Mermaid graph", runGraph},
		{"translate", "start a new language, or stamp an updated translation", runTranslate},
		{"version", "print the version and VCS revision runorrest was built from", runVersion},
		{"help", "print this help, or with a command's name its flags", runHelp},
	}
}

// usage is the text of runorrest help.
func usage() string {
	var b strings.Builder
	b.WriteString("Usage: runorrest <command> [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString(`
check, build and serve take -src DIR, the folder that holds content/,
templates/ and static/ (default "."), -max-depth N and -base-url URL.
Run "runorrest help COMMAND" for a command's flags.
`)
	return b.String()
}

// lookup finds a command by name.
func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// run dispatches to a command.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return usageError{"no command given"}
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	}
	c, ok := lookup(name)
	if !ok {
		return usageError{fmt.Sprintf("unknown command %q (run \"runorrest help\" for the list)", name)}
	}
	return c.run(ctx, args[1:], stdout, stderr)
}

// runHelp is the help command: the list of commands, or one command's
// usage and flags, on standard output.
func runHelp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("help", helpUsage, stderr)
	if err := fs.Parse(args); err != nil {
		return helpOK(flagError(err))
	}
	switch fs.NArg() {
	case 0:
		fmt.Fprint(stdout, usage())
		return nil
	case 1:
		c, ok := lookup(fs.Arg(0))
		if !ok {
			return usageError{fmt.Sprintf("help: unknown command %q (run \"runorrest help\" for the list)", fs.Arg(0))}
		}
		// A command asked for -h prints its usage to its stderr and
		// succeeds: here, to standard output.
		return c.run(ctx, []string{"-h"}, stdout, stdout)
	}
	fs.Usage()
	return usageError{fmt.Sprintf("help: unexpected argument %q", fs.Arg(1))}
}

const helpUsage = `Usage: runorrest help [COMMAND]

Help lists the commands, or prints the usage and flags of one.
`

// newFlagSet makes a command's flag set: its errors and -h print the
// command's usage text, then its flags, to stderr.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}
