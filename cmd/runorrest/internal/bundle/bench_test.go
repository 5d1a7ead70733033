package bundle

import (
	"os"
	"testing"
)

// BenchmarkBundleCSS bundles the repository's stylesheet.
func BenchmarkBundleCSS(b *testing.B) {
	fsys := os.DirFS("../../../..")
	for b.Loop() {
		if _, err := Bundle(fsys, "static/site.css"); err != nil {
			b.Fatal(err)
		}
	}
}
