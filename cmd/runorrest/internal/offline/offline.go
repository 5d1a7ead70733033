// Package offline makes the built guide work with no network, and installable
// on a phone: it adds a web app manifest, the icons it names, and a service
// worker (sw.js) that keeps one whole version of the site in one cache.
//
// It is the last stage of the build (package pipeline): [ConfigFor] describes
// the guide from its tree, the pages name the icons and the worker, and
// [Add] is given the complete set of output files. [Add] puts in the
// manifest and the icons, then compiles sw.js from static/sw.ts (package
// bundle): esbuild's Define injects, as JSON, the list of every output file
// with a hash of its content (sorted), the hash of that list (the version,
// part of the cache's name) and a slug of the guide's title. The same files
// give the same bytes.
//
// In a guide of several languages the worker caches the shared files and
// each language the reader opens, a language at a time ([Group]).
//
// The worker installs a version only when every file it lists arrives with
// the listed hash (fetched past the HTTP cache), so a half-finished or broken
// deploy never replaces a working one, and a page never meets the assets of
// another build. It asks before switching: static/offline.ts shows "A new
// version of the guide is ready: reload" and switches on the reader's click.
//
// Every page must link the icons by relative URL and load a script that
// imports static/offline.ts (static/flow.ts does; without flow.ts, the site
// bundles offline.ts alone):
//
//	<meta name="theme-color" content="{{ThemeColor}}">
//	<meta name="offline-worker" content="sw.js">
//	<link rel="icon" href="icons/icon-192.png" type="image/png">
//	<link rel="apple-touch-icon" href="icons/apple-touch-icon.png">
//
// offline.ts registers the worker that the "offline-worker" meta names (a
// page without it, such as the dev server's, gets no worker) and adds <link
// rel="manifest" href="manifest.webmanifest"> to the page, over http(s) only:
// Chromium logs a CORS error for a manifest linked from a page opened from
// disk.
//
// The page's Content-Security-Policy must allow manifest-src 'self' and
// worker-src 'self' (default-src 'self' does both).
package offline

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"

	"runorrest/decision"
)

// Paths of the files this package adds to the output, relative to its root.
const (
	WorkerFile     = "sw.js"
	ManifestFile   = "manifest.webmanifest"
	Icon192        = "icons/icon-192.png"
	Icon512        = "icons/icon-512.png"
	MaskableIcon   = "icons/maskable-512.png"
	AppleTouchIcon = "icons/apple-touch-icon.png"
)

// WorkerMeta is the name of the <meta> that tells static/offline.ts where
// the worker is; pages without it get no worker.
const WorkerMeta = "offline-worker"

// WorkerSource is the worker's TypeScript, relative to the source folder.
const WorkerSource = "static/sw.ts"

// Colours used when a Config leaves them empty.
const (
	DefaultThemeColor      = "#1b5e4a"
	DefaultBackgroundColor = "#ffffff"
)

// Config describes the guide to the manifest, the icons and the worker.
type Config struct {
	Name            string // the guide's full name; required
	ShortName       string // under the icon on a home screen; defaults to Name
	Description     string
	Lang            string // defaults to "en"
	ThemeColor      string // "#rrggbb"; defaults to DefaultThemeColor
	BackgroundColor string // "#rrggbb"; defaults to DefaultBackgroundColor
	// Langs are the guide's extra languages: each gets a manifest of its
	// own in its folder (es/manifest.webmanifest), and the worker caches
	// its files once the reader opens one of its pages.
	Langs []LangConfig
}

// LangConfig describes the guide in one extra language, whose pages are
// in the folder named by its tag.
type LangConfig struct {
	Lang        string // "es"; its pages are in es/
	Name        string // the guide's title in the language
	Description string
}

// ErrConfig is wrapped by the errors that a bad Config gives.
var ErrConfig = errors.New("offline: bad config")

// ErrExists is wrapped by the error Add gives when the site already has a
// file this package writes.
var ErrExists = errors.New("offline: file already in the output")

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// withDefaults fills the empty fields and checks the result.
func (c Config) withDefaults() (Config, error) {
	c.Name = strings.TrimSpace(c.Name)
	if c.ShortName == "" {
		c.ShortName = c.Name
	}
	if c.Lang == "" {
		c.Lang = "en"
	}
	if c.ThemeColor == "" {
		c.ThemeColor = DefaultThemeColor
	}
	if c.BackgroundColor == "" {
		c.BackgroundColor = DefaultBackgroundColor
	}
	var errs []error
	if c.Name == "" {
		errs = append(errs, fmt.Errorf("%w: the name is empty (give the guide a title)", ErrConfig))
	}
	if decision.Slug(c.Name) == "" && c.Name != "" {
		errs = append(errs, fmt.Errorf("%w: the name %q has no letters or digits (give the guide a title in words)", ErrConfig, c.Name))
	}
	for _, f := range []struct{ field, value string }{
		{"theme colour", c.ThemeColor},
		{"background colour", c.BackgroundColor},
	} {
		if !hexColour.MatchString(f.value) {
			errs = append(errs, fmt.Errorf("%w: the %s %q is not a colour like #1b5e4a", ErrConfig, f.field, f.value))
		}
	}
	return c, errors.Join(errs...)
}

// Add puts the manifest, the icons and sw.js into files, the complete output
// of a build keyed by slash-separated path. src is the source folder, which
// holds WorkerSource. Add changes nothing when it returns an error.
func Add(src fs.FS, files map[string][]byte, cfg Config) error {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	assets, err := assets(cfg)
	if err != nil {
		return err
	}
	assets[WorkerFile] = nil // reserved; checked with the rest
	var clash []error
	for _, name := range sortedKeys(assets) {
		if _, ok := files[name]; ok {
			clash = append(clash, fmt.Errorf("%w: %s (this name is the offline support's; rename the site's file)", ErrExists, name))
		}
	}
	if err := errors.Join(clash...); err != nil {
		return err
	}
	delete(assets, WorkerFile)

	all := maps.Clone(files)
	maps.Copy(all, assets)
	worker, err := buildWorker(src, all, cfg)
	if err != nil {
		return err
	}
	maps.Copy(files, assets)
	files[WorkerFile] = worker
	return nil
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
