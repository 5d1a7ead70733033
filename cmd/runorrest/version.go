package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

const versionUsage = `Usage: runorrest version

Version prints the version of the runorrest module and the version-control
revision it was built from, as the Go toolchain recorded them in the binary
(go version -m shows the same): "runorrest v1.2.0 (revision 1a2b3c4d5e6f,
2026-11-29T09:00:00Z) go1.26.0". A binary built from a checkout says
"(devel)" for the version and "modified" after the revision when the
checkout had uncommitted changes; "go run" records no revision.
`

// runVersion is the version command.
func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", versionUsage, stderr)
	if err := parseFlags(fs, args); err != nil {
		return helpOK(err)
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return fmt.Errorf("this binary holds no build information")
	}
	fmt.Fprintln(stdout, versionLine(info))
	return nil
}

// versionLine writes the module version, the VCS revision, its time and
// whether the checkout was modified, and the Go version.
func versionLine(info *debug.BuildInfo) string {
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	var vcs []string
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = append(vcs, "revision "+rev[:min(12, len(rev))])
		if t := settings["vcs.time"]; t != "" {
			vcs = append(vcs, t)
		}
		if settings["vcs.modified"] == "true" {
			vcs = append(vcs, "modified")
		}
	} else {
		vcs = append(vcs, "no VCS revision recorded")
	}
	return fmt.Sprintf("runorrest %s (%s) %s", version, strings.Join(vcs, ", "), info.GoVersion)
}
