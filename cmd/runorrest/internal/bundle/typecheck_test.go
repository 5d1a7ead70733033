package bundle

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// esbuild strips TypeScript's types without checking them. This test has tsc
// check them: the page scripts against the DOM, the service worker against
// the worker's globals. .ci/run installs tsc and names it in RUNORREST_TSC.
func TestTypeScriptTypes(t *testing.T) {
	tsc := os.Getenv("RUNORREST_TSC")
	if tsc == "" {
		home, _ := os.UserHomeDir()
		tsc = filepath.Join(home, ".cache", "runorrest-tsc", "node_modules", ".bin", "tsc")
	}
	if _, err := os.Stat(tsc); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("tsc not found at %s (CI=true: .ci/run installs it)", tsc)
		}
		t.Skipf("tsc not found at %s: skipping the type check (.ci/run installs it)", tsc)
	}
	common := []string{"--noEmit", "--strict", "--target", "es2017", "--module", "esnext",
		"--moduleResolution", "bundler", "--isolatedModules", "--verbatimModuleSyntax"}
	for _, tc := range []struct{ entry, lib string }{
		{"flow.ts", "es2017,dom,dom.iterable"},
		{"sw.ts", "es2017,webworker"},
	} {
		t.Run(tc.entry, func(t *testing.T) {
			args := append([]string{"--lib", tc.lib}, common...)
			cmd := exec.Command(tsc, append(args, filepath.Join("..", "..", "..", "..", "static", tc.entry))...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("tsc %s: %v\n%s", tc.entry, err, out)
			}
		})
	}
}
