package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/graph"
	"runorrest/decision"
)

// TestGraphDefaultGuide prints the guide in this repository in both
// formats and checks that every question and outcome is in the output.
func TestGraphDefaultGuide(t *testing.T) {
	tree, err := decision.Load(os.DirFS("../.."), decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range graph.Formats {
		var stdout, stderr bytes.Buffer
		if err := run(t.Context(), []string{"graph", "-src", "../..", "-format", string(f)}, &stdout, &stderr); err != nil {
			t.Fatalf("graph -format %s: %v\n%s", f, err, stderr.String())
		}
		out := stdout.String()
		for _, q := range tree.Questions {
			if !strings.Contains(out, q.ID+".html") {
				t.Errorf("%s output lacks question %s", f, q.ID)
			}
		}
		for _, o := range tree.Outcomes {
			if !strings.Contains(out, o.ID+".html") {
				t.Errorf("%s output lacks outcome %s", f, o.ID)
			}
		}
	}
}

func TestGraphErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"graph", "-src", "../..", "-format", "svg"}, 2, `-format "svg" is not dot or mermaid`},
		{[]string{"graph", "-src", "../..", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"graph", "-src", "testdata/no-such-folder"}, 1, "source folder"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(t.Context(), tt.args, &stdout, &stderr)
		if got := exitCode(err); got != tt.code {
			t.Errorf("%q: exit %d (%v); want %d", tt.args, got, err, tt.code)
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v; want it to contain %q", tt.args, err, tt.want)
		}
	}
}
