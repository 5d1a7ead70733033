package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/graph"
	"runorrest/decision"
)

// TestPrintGraphDefaultGuide prints the guide in this repository in both
// formats and checks that every question and outcome is in the output.
func TestPrintGraphDefaultGuide(t *testing.T) {
	fsys := os.DirFS("../..")
	tree, err := decision.Load(fsys, decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range graph.Formats {
		var buf bytes.Buffer
		if err := printGraph(fsys, f, &buf); err != nil {
			t.Fatalf("printGraph(%s): %v", f, err)
		}
		out := buf.String()
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
