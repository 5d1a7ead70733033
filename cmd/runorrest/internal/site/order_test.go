package site

import (
	"strings"
	"testing"
)

// TestArticleOrder lists the articles on the home page by their order:
// value, and by name where two have the same.
func TestArticleOrder(t *testing.T) {
	for _, tt := range []struct {
		order string // rating.md's order; recovery.md's is 2
		first string
	}{
		{"1", "rating.html"},
		{"3", "recovery.html"},
		{"2", "rating.html"},
	} {
		fsys := fixtureFS(t, "guide")
		f := fsys["content/rating.md"]
		f.Data = []byte(strings.Replace(string(f.Data), "order: 1\n", "order: "+tt.order+"\n", 1))
		_, s := build(t, fsys, Options{})
		home := string(s.Files["index.html"])
		rating, recovery := strings.Index(home, `href="rating.html"`), strings.Index(home, `href="recovery.html"`)
		if rating < 0 || recovery < 0 {
			t.Fatalf("the home page does not link both articles:\n%s", home)
		}
		if got := map[bool]string{true: "rating.html", false: "recovery.html"}[rating < recovery]; got != tt.first {
			t.Errorf("rating.md with order %s: %s listed first; want %s", tt.order, got, tt.first)
		}
	}
}
