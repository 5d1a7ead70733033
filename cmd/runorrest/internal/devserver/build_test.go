package devserver

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"

	"runorrest/cmd/runorrest/internal/pipeline"
)

// TestBuildHasNoReloadScript checks that the reload script exists only in
// what serve sends: the built files never name it.
func TestBuildHasNoReloadScript(t *testing.T) {
	files, _, err := SiteBuild(pipeline.Options{})(os.DirFS(repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if bytes.Contains(data, []byte(Prefix)) {
			t.Errorf("built file %s names %s", name, Prefix)
		}
	}
	s := New(os.DirFS(repoRoot), func(fs.FS) (map[string][]byte, []string, error) { return files, nil, nil }, io.Discard)
	s.Rebuild()
	if b := body(t, get(t, s, "/index.html")); !strings.Contains(b, Prefix+"reload.js") {
		t.Errorf("served index.html has no reload script:\n%s", b)
	}
}
