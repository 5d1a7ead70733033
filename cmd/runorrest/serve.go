package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"runorrest/cmd/runorrest/internal/devserver"
)

const serveUsage = `usage: runorrest serve [-src DIR] [-addr HOST:PORT]

Serve builds the guide in DIR in memory and serves it for previewing, on
127.0.0.1:8080 unless -addr says otherwise. It watches content/, templates/
and static/; on every change it rebuilds, and the open pages reload. If a
change breaks the build, the last good site stays up and the problems (the
same lines as "runorrest check") show in the terminal and over the page
until the file is fixed. Nothing is written to disk: use "runorrest build"
to publish. Ctrl-C stops.

Flags:
`

// runServe is the serve subcommand.
func runServe(args []string) error {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	src := fset.String("src", ".", "the guide's folder, holding content/, templates/ and static/")
	addr := fset.String("addr", devserver.DefaultAddr, "the address to listen on; give 0.0.0.0:PORT to let other machines in")
	fset.Usage = func() {
		fmt.Fprint(fset.Output(), serveUsage)
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
		return usageErr(fmt.Errorf("serve takes no arguments, got %q", fset.Args()))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return devserver.Run(ctx, devserver.Config{Src: *src, Addr: *addr, Log: os.Stderr})
}
