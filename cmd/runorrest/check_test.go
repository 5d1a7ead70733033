package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/testkit"
)

// TestCheckGolden runs check in each format over guides with warnings and
// errors and compares everything it writes with testdata/check/NAME.golden.
// Run `go test ./cmd/runorrest -run TestCheckGolden -update` to rewrite them.
func TestCheckGolden(t *testing.T) {
	const health = "testdata/health" // reviewed 2026-03-01 every 6 months: due 2026-09-01
	tests := []struct {
		name string
		args []string
	}{
		{"text-report", []string{"check", "-src", health, "-as-of", "2026-05-01", "-report"}},
		{"json", []string{"check", "-src", health, "-as-of", "2026-05-01", "-format", "json"}},
		{"github", []string{"check", "-src", health, "-as-of", "2026-05-01", "-format", "github"}},
		{"due-soon", []string{"check", "-src", health, "-as-of", "2026-08-15"}},
		{"overdue", []string{"check", "-src", health, "-as-of", "2026-09-02"}},
		{"overdue-github", []string{"check", "-src", health, "-as-of", "2026-09-02", "-format", "github"}},
		{"strict", []string{"check", "-src", health, "-as-of", "2026-05-01", "-strict"}},
		{"bad-json", []string{"check", "-src", bad, "-format", "json"}},
		{"bad-github", []string{"check", "-src", bad, "-format", "github"}},
		{"good-json", []string{"check", "-src", good, "-format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, withSources(t, tt.args)...)
			got := fmt.Sprintf("$ runorrest %s\nexit %d\n-- stdout --\n%s-- stderr --\n%s", strings.Join(tt.args, " "), code, stdout, stderr)
			golden := filepath.Join("testdata", "check", tt.name+".golden")
			testkit.Golden(t, golden, []byte(got))
		})
	}
}

// TestCheckReview checks the review dates' three states and the exit
// status, for a page (content/hard.md, reviewed 2026-02-15, due 2026-08-15)
// and the tree (reviewed 2026-03-01, due 2026-09-01): past its due day
// check fails, and passes again with an earlier -as-of.
func TestCheckReview(t *testing.T) {
	tests := []struct {
		asOf       string
		code       int
		page, tree string // the review lines of each, "" for none
	}{
		{"2026-07-15", 0, "", ""},
		{"2026-07-16", 0, "content/hard.md:4:11: warning: review due in 30 days, on 2026-08-15 (last reviewed 2026-02-15 by Ada Byrne, every 6 months)", ""},
		{"2026-08-15", 0, "content/hard.md:4:11: warning: review due today, on 2026-08-15", "content/tree.yaml:3:11: warning: review due in 17 days, on 2026-09-01"},
		{"2026-08-16", 1, "content/hard.md:4:11: review overdue since 2026-08-15 (last reviewed 2026-02-15 by Ada Byrne, every 6 months)", "content/tree.yaml:3:11: warning: review due in 16 days"},
		{"2026-09-02", 1, "content/hard.md:4:11: review overdue since 2026-08-15", "content/tree.yaml:3:11: review overdue since 2026-09-01 (last reviewed 2026-03-01 by Sam Okafor, every 6 months)"},
	}
	health := testkit.SourceDir(t, "testdata/health")
	for _, tt := range tests {
		_, stderr, code := runCLI(t, "check", "-src", health, "-as-of", tt.asOf)
		var page, tree string
		for _, l := range strings.Split(stderr, "\n") {
			switch {
			case !strings.Contains(l, "review"):
			case strings.HasPrefix(l, "content/hard.md:"):
				page += l
			case strings.HasPrefix(l, "content/tree.yaml:"):
				tree += l
			}
		}
		for _, c := range []struct{ name, got, want string }{{"page", page, tt.page}, {"tree", tree, tt.tree}} {
			if (c.want == "") != (c.got == "") || !strings.Contains(c.got, c.want) {
				t.Errorf("check -as-of %s: %s review %q; want %q", tt.asOf, c.name, c.got, c.want)
			}
		}
		if code != tt.code {
			t.Errorf("check -as-of %s = exit %d; want %d\n%s", tt.asOf, code, tt.code, stderr)
		}
	}
	for _, bad := range []string{"2026-13-01", "yesterday", "2026-9-1"} {
		if _, stderr, code := runCLI(t, "check", "-src", health, "-as-of", bad); code != 2 || !strings.Contains(stderr, "-as-of: date") {
			t.Errorf("check -as-of %s = exit %d, %q; want exit 2 and a message", bad, code, stderr)
		}
	}
}

// TestCheckJSON checks that -format json is one well-formed document with
// the keys the README documents, for a guide with errors and one without.
func TestCheckJSON(t *testing.T) {
	for _, src := range []string{good, bad, "testdata/health"} {
		stdout, _, _ := runCLI(t, withSources(t, []string{"check", "-src", src, "-format", "json", "-as-of", "2026-05-01"})...)
		var doc map[string]any
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("check -src %s -format json: %v\n%s", src, err, stdout)
		}
		for _, key := range []string{"problems", "errors", "warnings", "summary", "reading"} {
			if _, ok := doc[key]; !ok {
				t.Errorf("check -src %s -format json has no %q", src, key)
			}
		}
		for _, p := range doc["problems"].([]any) {
			p := p.(map[string]any)
			for _, key := range []string{"file", "line", "column", "severity", "message"} {
				if _, ok := p[key]; !ok {
					t.Errorf("problem %v has no %q", p, key)
				}
			}
		}
	}
}

// withSources is args with the folder after each -src made a -src folder
// of its own: a copy with the repository's templates/ and static/.
func withSources(t *testing.T, args []string) []string {
	t.Helper()
	out := slices.Clone(args)
	for i := 1; i < len(out); i++ {
		if out[i-1] == "-src" {
			out[i] = testkit.SourceDir(t, out[i])
		}
	}
	return out
}

// TestDefaultGuideHealthy checks the default guide as an editor's CI would:
// with -strict, its words meet the reading target, its pages have titles
// and descriptions of their own, and no review is due before 2027-10-01.
func TestDefaultGuideHealthy(t *testing.T) {
	stdout, stderr, code := runCLI(t, "check", "-src", testkit.Root(), "-strict", "-as-of", "2027-10-01", "-report")
	if code != 0 || stderr != "" {
		t.Errorf("check -strict of the default guide = exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "content/recovery.md") || !strings.Contains(stdout, "question soreness") || strings.Contains(stdout, "\n!") {
		t.Errorf("check -report of the default guide: want every page and question, none marked above the target:\n%s", stdout)
	}
}
