package site

import (
	"strings"
	"testing"
)

func TestBuildFixture(t *testing.T) {
	_, s := build(t, fixtureFS(t, "guide"), Options{})
	for _, p := range s.Pages {
		t.Log(p)
	}
	for _, name := range []string{"index.html", "soreness.html", "easy-run.html", "recovery.html", "about.html", "404.html", "robots.txt", s.CSS} {
		if _, ok := s.Files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if _, ok := s.Files["sitemap.xml"]; ok {
		t.Error("sitemap.xml without a base URL")
	}
	if !strings.Contains(string(s.Files["soreness.html"]), `<a data-next="where" data-value="1" href="where.html">1</a>`) {
		t.Errorf("soreness.html:\n%s", s.Files["soreness.html"])
	}
}
