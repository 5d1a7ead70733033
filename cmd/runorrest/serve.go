package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"strconv"

	"runorrest/cmd/runorrest/internal/devserver"
)

const serveUsage = `Usage: runorrest serve [-src DIR] [-addr HOST:PORT] [-max-depth N] [-base-url URL]

Serve runs the build of "runorrest build", with the same flags, in memory
and serves the result for previewing, on
127.0.0.1:8080 unless -addr says otherwise. It watches content/, templates/
and static/; on every change it rebuilds, and the open pages update: a page
whose words alone changed swaps them in place, keeping its scroll position
and focus; other changes reload it. If a change breaks the build, the last good site stays up and the problems (the
same lines as "runorrest check") show in the terminal and over the page
until the file is fixed. Nothing is written to disk: use "runorrest build"
to publish. Ctrl-C stops.

Only requests for localhost, an IP address or the -addr host are answered
(no DNS rebinding). An -addr that is not loopback is warned about: anyone
who can reach the machine can then read the preview.

Flags:
`

// runServe is the serve subcommand.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveUsage, stderr)
	var bf buildFlags
	bf.register(fs)
	addr := fs.String("addr", devserver.DefaultAddr, "the `address` to listen on; 0.0.0.0:PORT lets other machines in")
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	if err := checkAddr(*addr); err != nil {
		return err
	}
	opts, err := bf.options()
	if err != nil {
		return err
	}
	return devserver.Run(ctx, devserver.Config{Src: bf.src, Addr: *addr, Log: stderr, Options: opts})
}

// checkAddr refuses an -addr that is not HOST:PORT with a port from 0 to
// 65535 as a usage error, before anything runs.
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err == nil {
		if n, perr := strconv.ParseUint(port, 10, 16); perr != nil || strconv.FormatUint(n, 10) != port {
			err = fmt.Errorf("the port %q is not a number from 0 to 65535", port)
		}
	}
	if err != nil {
		return usageError{fmt.Sprintf("-addr %q: %v (give HOST:PORT, such as 127.0.0.1:8080)", addr, err)}
	}
	return nil
}
