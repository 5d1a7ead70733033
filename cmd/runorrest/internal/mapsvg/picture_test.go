package mapsvg

import (
	"bytes"
	"os"
	"testing"

	"runorrest/decision"
)

// repoRoot holds the default guide and static/map.svg.
const repoRoot = "../../../.."

// TestMapPicture keeps static/map.svg, the picture of the map in the
// README, in step with the default guide. RUNORREST_UPDATE_MAP=1 rewrites it.
func TestMapPicture(t *testing.T) {
	tree, err := decision.Load(os.DirFS(repoRoot), decision.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := SVG(tree, Options{Standalone: true})
	if err != nil {
		t.Fatal(err)
	}
	const path = repoRoot + "/static/map.svg"
	const redo = "RUNORREST_UPDATE_MAP=1 go test ./cmd/runorrest/internal/mapsvg -run MapPicture"
	if os.Getenv("RUNORREST_UPDATE_MAP") == "1" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run %s)", err, redo)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("static/map.svg is out of date (run %s)", redo)
	}
}
