package offline

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
)

// Build renders the guide as "runorrest build" does: site.Build with the
// icons and the theme colour in every page's head, then Add with the
// Config that ConfigFor gives. fsys is the source folder.
func Build(fsys fs.FS, tree *decision.Tree, opts site.Options) (*site.Site, error) {
	cfg, err := ConfigFor(tree).withDefaults()
	if err != nil {
		return nil, err
	}
	if theme, err := parseColour(cfg.ThemeColor); err == nil {
		go drawIcons(theme) // alongside the site; Add then finds them drawn
	}
	opts.Head = slices.Concat(opts.Head, []site.HeadLink{
		{Rel: "icon", Href: Icon192, Type: "image/png", Sizes: "192x192"},
		{Rel: "apple-touch-icon", Href: AppleTouchIcon, Sizes: "180x180"},
	})
	opts.Meta = slices.Concat(opts.Meta, []site.Meta{
		{Name: "theme-color", Content: cfg.ThemeColor},
		{Name: WorkerMeta, Content: WorkerFile},
	})
	s, err := site.Build(fsys, tree, opts)
	if err != nil {
		return nil, err
	}
	if err := Add(fsys, s.Files, cfg); err != nil {
		return nil, err
	}
	return s, nil
}

// ConfigFor describes a guide from its tree: the title is the name, its
// first sentence (up to "?", "!", "." or ":") the short name, and the
// description names the verdicts.
func ConfigFor(tree *decision.Tree) Config {
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
	return Config{Name: tree.Title, ShortName: shortName(tree.Title), Description: desc}
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
