package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/testkit"
)

// runCLI runs the command line as main does and returns what it wrote
// and its exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(t.Context(), args, &out, &errOut)
	if err != nil && err.Error() != "" {
		errOut.WriteString("runorrest: " + err.Error() + "\n")
	}
	return out.String(), errOut.String(), exitCode(err)
}

const (
	good = "testdata/good"
	bad  = "testdata/bad"
)

func TestCommands(t *testing.T) {
	good, bad, warn := testkit.SourceDir(t, good), testkit.SourceDir(t, bad), testkit.SourceDir(t, "testdata/warn")
	tests := []struct {
		args               []string
		code               int
		stdout, stderr     string // substrings that must appear
		wantNoOut, wantErr bool
	}{
		{args: []string{"check", "-src", good}, code: 0, stdout: "content/tree.yaml is valid.\nquestions: 3\noutcomes: 3\npaths: 6\nshortest path: 1 question\nlongest path: 3 questions\npaths to run: 2\npaths to cross-train: 2\npaths to rest: 2\nscenarios passed: 2 of 2\nrules proved on every path: 0\n"},
		{args: []string{"check", "-src", bad}, code: 1, stderr: "content/tree.yaml:2:8: start names no question: \"sorenes\" (did you mean \"soreness\"?)\nrunorrest: the guide has 1 problem\n", wantNoOut: true},
		{args: []string{"check", "-src", good, "-max-depth", "2"}, code: 1, stderr: "deeper than the maximum of 2"},
		{args: []string{"check", "-src", good, "-max-depth", "0"}, code: 2, stderr: "-max-depth must be at least 1"},
		{args: []string{"check", "-src", "testdata/nowhere"}, code: 1, stderr: "runorrest: source folder:"},
		{args: []string{"check", "-src", good, "extra"}, code: 2, stderr: `check: unexpected argument "extra"`},
		{args: []string{"check", "-bogus"}, code: 2, stderr: "flag provided but not defined: -bogus"},
		{args: []string{"check", "-h"}, code: 0, stderr: "Usage: runorrest check"},
		{args: []string{"paths", "-src", good}, code: 0, stdout: "soreness=1-3 > where=All over > tired=No => easy-run (run)\nsoreness=1-3 > where=All over > tired=Yes => cross-train (cross-train)\nsoreness=1-3 > where=One spot => rest-day (rest)\nsoreness=4-6 > tired=No => easy-run (run)\nsoreness=4-6 > tired=Yes => cross-train (cross-train)\nsoreness=7-10 => rest-day (rest)\n"},
		{args: []string{"paths", "-src", good, "-verdict", "rest", "-limit", "1"}, code: 0, stdout: "soreness=1-3 > where=One spot => rest-day (rest)\n"},
		{args: []string{"paths", "-src", good, "-verdict", "walk"}, code: 2, stderr: `the tree has no verdict "walk" (it has run, cross-train, rest)`},
		{args: []string{"paths", "-src", good, "-format", "xml"}, code: 2, stderr: `unknown -format "xml"`},
		{args: []string{"paths", "-src", good, "-limit", "-1"}, code: 2, stderr: "-limit must not be negative"},
		{args: []string{"paths", "-src", bad}, code: 1, stderr: "start names no question", wantNoOut: true},
		{args: []string{"check", "-src", warn}, code: 0, stdout: "content/tree.yaml is valid.", stderr: "content/tree.yaml:47:15: warning: question \"tired\": options \"No\" and \"Yes\" both lead to \"easy-run\""},
		{args: []string{"help"}, code: 0, stdout: "Usage: runorrest <command>"},
		{args: []string{"help", "build"}, code: 0, stdout: "Usage: runorrest build", wantErr: false},
		{args: []string{"help", "check"}, code: 0, stdout: "-base-url URL"},
		{args: []string{"help", "help"}, code: 0, stdout: "Usage: runorrest help [COMMAND]"},
		{args: []string{"help", "frobnicate"}, code: 2, stderr: `help: unknown command "frobnicate"`},
		{args: []string{"help", "build", "check"}, code: 2, stderr: `help: unexpected argument "check"`},
		{args: []string{"-h"}, code: 0, stdout: "  version   print the version"},
		{args: []string{"version"}, code: 0, stdout: "runorrest "},
		{args: []string{"version", "extra"}, code: 2, stderr: `version: unexpected argument "extra"`},
		{args: nil, code: 2, stderr: "runorrest: no command given"},
		{args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status = %d; want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout = %q; want it to contain %q", stdout, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr = %q; want it to contain %q", stderr, tt.stderr)
			}
			if tt.wantNoOut && stdout != "" {
				t.Errorf("stdout = %q; want nothing", stdout)
			}
		})
	}
}

func TestPathsFormats(t *testing.T) {
	stdout, _, code := runCLI(t, "paths", "-src", good, "-format", "csv")
	records, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != 0 || err != nil || len(records) != 7 {
		t.Fatalf("paths -format csv = %d, %v, %d records; want 0, nil, 7", code, err, len(records))
	}
	if got, want := strings.Join(records[3], "|"), "soreness=1-3 > where=One spot|rest-day|rest|2"; got != want {
		t.Errorf("csv record 3 = %q; want %q", got, want)
	}
	stdout, _, code = runCLI(t, "paths", "-src", good, "-format", "json", "-limit", "2")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("paths -format json -limit 2 = %d, %d lines; want 0, 2", code, len(lines))
	}
	var p jsonPathLine
	if err := json.Unmarshal([]byte(lines[1]), &p); err != nil {
		t.Fatal(err)
	}
	want := jsonPathLine{Steps: []jsonStep{{Question: "soreness", Answer: "Mild", Values: "1-3"}, {Question: "where", Answer: "All over"}, {Question: "tired", Answer: "Yes"}}, Outcome: "cross-train", Verdict: "cross-train"}
	if got, _ := json.Marshal(p); string(got) != mustJSON(t, want) {
		t.Errorf("json line 2 = %s; want %s", got, mustJSON(t, want))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSymlinkCannotEscape checks that a tree file linked from outside the
// source folder is not read.
func TestSymlinkCannotEscape(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.yaml")
	tree, err := os.ReadFile(filepath.Join(good, "content", "tree.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, tree, 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "src")
	if err := os.MkdirAll(filepath.Join(src, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(src, "content", "tree.yaml")); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	_, stderr, code := runCLI(t, "check", "-src", src)
	if code != 1 || !strings.Contains(stderr, "cannot open the tree file") {
		t.Errorf("check of a symlinked tree = %d, %q; want 1 and a refusal", code, stderr)
	}
}

// TestUsageListsEveryCommand: the usage text and the dispatch come from the
// one table, so every command listed runs, and -h of each succeeds.
func TestUsageListsEveryCommand(t *testing.T) {
	text := usage()
	for _, c := range commands {
		if !strings.Contains(text, "  "+c.name+" ") {
			t.Errorf("usage does not list %s:\n%s", c.name, text)
		}
		var out bytes.Buffer
		if err := run(t.Context(), []string{c.name, "-h"}, &out, &out); err != nil {
			t.Errorf("%s -h = %v; want nil", c.name, err)
		}
	}
}

func TestVersionLine(t *testing.T) {
	tests := []struct {
		info debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d"}, {Key: "vcs.time", Value: "2026-11-29T09:00:00Z"}, {Key: "vcs.modified", Value: "false"}}},
			"runorrest v1.2.0 (revision 1a2b3c4d5e6f, 2026-11-29T09:00:00Z) go1.26.0"},
		{debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "true"}}},
			"runorrest (devel) (revision abc, modified) go1.26.0"},
		{debug.BuildInfo{GoVersion: "go1.26.0"}, "runorrest (devel) (no VCS revision recorded) go1.26.0"},
	}
	for _, tt := range tests {
		if got := versionLine(&tt.info); got != tt.want {
			t.Errorf("versionLine = %q; want %q", got, tt.want)
		}
	}
}
