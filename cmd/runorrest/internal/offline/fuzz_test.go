package offline

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"runorrest/decision"
)

// FuzzConfig: any name and colour give either an ErrConfig or a manifest
// that is valid JSON naming the guide, and a slug of words and hyphens.
func FuzzConfig(f *testing.F) {
	f.Add("Run or rest? What to do when your legs are sore", "#1b5e4a")
	f.Add("  ", "")
	f.Add("Läufst du?", "#ABCDEF")
	f.Add("</script><!--", "#12345g")
	f.Add("a\u2028b\"c", "1b5e4a")
	f.Fuzz(func(t *testing.T, name, colour string) {
		cfg, err := Config{Name: name, ThemeColor: colour}.withDefaults()
		if err != nil {
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("withDefaults(%q, %q) = %v; want an ErrConfig", name, colour, err)
			}
			return
		}
		slug := decision.Slug(cfg.Name)
		if slug == "" || strings.HasPrefix(slug, "-") || strings.HasSuffix(slug, "-") || strings.Contains(slug, "--") {
			t.Fatalf("Slug(%q) = %q; want words joined by single hyphens", cfg.Name, slug)
		}
		if _, err := parseColour(cfg.ThemeColor); err != nil {
			t.Fatalf("checked colour %q does not parse: %v", cfg.ThemeColor, err)
		}
		data, err := encodeManifest(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var m struct{ Name string }
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("manifest for %q is not JSON: %v", name, err)
		}
		if utf8.ValidString(cfg.Name) && m.Name != cfg.Name {
			t.Fatalf("manifest name %q; want %q", m.Name, cfg.Name)
		}
	})
}
