package offline

import (
	"fmt"
	"strings"

	"runorrest/decision"
)

// ConfigFor describes a guide from its tree, with the defaults filled in:
// the title is the name, its first sentence (up to "?", "!", "." or ":")
// the short name, and the description names the verdicts.
func ConfigFor(tree *decision.Tree) (Config, error) {
	labels := make([]string, len(tree.Verdicts))
	for i, v := range tree.Verdicts {
		labels[i] = v.Label
	}
	desc := "Answer a few questions and get clear advice"
	if n := len(labels); n > 0 {
		list := labels[0]
		if n > 1 {
			list = strings.Join(labels[:n-1], ", ") + " or " + labels[n-1]
		}
		desc = fmt.Sprintf("%s: %s. Works offline once opened.", desc, list)
	}
	return Config{Name: tree.Title, ShortName: shortName(tree.Title), Description: desc}.withDefaults()
}

// Prepare draws the icons of a Config, so that a later Add finds them
// drawn: a build runs it alongside the other stages.
func Prepare(cfg Config) error {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	theme, err := parseColour(cfg.ThemeColor)
	if err != nil {
		return err
	}
	_, err = drawIcons(theme)
	return err
}

// shortName is the title's first sentence: "Run or rest? What to do..."
// gives "Run or rest?"; a title of one sentence stays whole.
func shortName(title string) string {
	title = strings.TrimSpace(title)
	if i := strings.IndexAny(title, "?!.:"); i > 0 && i < len(title)-1 {
		short := strings.TrimSpace(title[:i+1])
		return strings.TrimSuffix(short, ":")
	}
	return title
}
