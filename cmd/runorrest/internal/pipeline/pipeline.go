// Package pipeline is the build of a guide, the one owner of its stages. A
// tree file and its pages go through them in this order:
//
//  1. load: [decision.Load] reads content/tree.yaml and checks every rule
//     of the tree file (go doc runorrest/decision), and
//     [decision.LoadTranslations] the words of every extra language
//     (content/<lang>/words.yaml) against it; then the words' health: the
//     reading level of every question in every language and the review date;
//  2. words: [site.Read] reads and checks the templates and every Markdown
//     page, and draws the map; at the same time
//  3. scripts and styles: [bundle.Pages] compiles static/site.css and
//     static/flow.ts with esbuild;
//  4. pages: [site.Content.Render] renders every page, naming the
//     compiled assets and the offline files;
//  5. offline files: [offline.Add] adds the manifest, the icons and sw.js,
//     which lists every other file with a hash of its content;
//  6. host files: [hostfiles.Read] reads static/root (CNAME, _headers,
//     ...) alongside stage 2, and [hostfiles.Check] checks that none takes
//     a name of the site before they are copied to the root as they are.
//
// [Build] returns the files in memory and writes nothing. runorrest build
// writes them (package publish); runorrest check runs the very same Build
// and discards them, so every problem build can meet, check reports;
// runorrest serve runs it on every change and serves them. Every problem
// of every stage is a decision.Problem, "file:line:col: what (how to fix)".
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"runorrest/cmd/runorrest/internal/bundle"
	"runorrest/cmd/runorrest/internal/hostfiles"
	"runorrest/cmd/runorrest/internal/offline"
	"runorrest/cmd/runorrest/internal/publish"
	"runorrest/cmd/runorrest/internal/site"
	"runorrest/decision"
)

// Options are the options of a build; every command that builds takes the
// same. The zero value builds for any host with the default limits.
type Options struct {
	// MaxDepth is the most questions one path may ask; 0 means
	// decision.DefaultMaxDepth.
	MaxDepth int
	// BaseURL is the absolute http(s) URL the site is served from, such as
	// https://example.org/guide/; "" for none. With one, pages get a
	// canonical link and sitemap.xml is written. See [BaseURL].
	BaseURL string
	// Cache, if not nil, keeps the compiled stylesheet and script between
	// builds while static/ is unchanged (runorrest serve).
	Cache *bundle.Cache
	// Today is the day the review dates of the tree and the pages are
	// checked against; the zero value means today.
	Today time.Time
}

// Result is a built guide.
type Result struct {
	Tree *decision.Tree
	// Translations are the guide's extra languages, in the order of their
	// tags: the tree with each language's words (decision.LoadTranslations).
	Translations []*decision.Tree
	Warnings     decision.Problems  // problems worth a look that do not stop the build
	Reading      []decision.Reading // the reading level of every question, then of every Markdown page
	// Unmeasured are the languages whose words no reading-level formula
	// suits, so they are not measured: each the file of its words.
	Unmeasured []string
	Files      map[string][]byte // path -> content, e.g. "soreness.html"
	Pages      []site.Page       // every HTML page, in a fixed order
}

// ErrBaseURL is the error of a base URL that is not an absolute http(s) URL.
var ErrBaseURL = errors.New("bad base URL")

// BaseURL checks a base URL and returns it ending in "/": the one rule
// for -base-url.
func BaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(s, "#") || u.Opaque != "" {
		return "", fmt.Errorf("%w: %q is not an absolute http(s) URL without user, password, query or fragment (give one like https://example.org/guide/)", ErrBaseURL, s)
	}
	// Every page and the sitemap print it as it is: it must be written
	// as a URL, with no raw space or other character to encode.
	if i := strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r >= 0x7f || strings.ContainsRune(`"<>\^`+"`{|}", r) }); i >= 0 {
		return "", fmt.Errorf("%w: %q holds %q, which a URL must encode (write %s)", ErrBaseURL, s, s[i:i+1], u.String())
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("%w: %q has the port %s; a port is a number from 1 to 65535", ErrBaseURL, s, p)
		}
	}
	// The guide's folder: pages go under it, so it may not name a page
	// or climb with dot segments.
	if strings.HasSuffix(u.Path, ".html") || strings.HasSuffix(u.Path, ".htm") {
		return "", fmt.Errorf("%w: %q is the address of a page; give the guide's folder (like %s)", ErrBaseURL, s, strings.TrimSuffix(s, path.Base(u.Path)))
	}
	for _, seg := range strings.Split(u.EscapedPath(), "/") {
		// Browsers read %2e as a dot here (the WHATWG URL standard).
		if dots := strings.ReplaceAll(strings.ToLower(seg), "%2e", "."); dots == "." || dots == ".." {
			return "", fmt.Errorf("%w: %q holds the path segment %q; write the folder without it", ErrBaseURL, s, seg)
		}
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

// Build runs every stage on the guide in fsys, the source folder. Problems
// in the guide come back as decision.Problems, sorted; any other error
// (a bad option, ctx ended) as itself. With problems, the Result is
// returned too: it holds the tree and its warnings when the tree loaded.
func Build(ctx context.Context, fsys fs.FS, opts Options) (*Result, error) {
	if opts.BaseURL != "" {
		base, err := BaseURL(opts.BaseURL)
		if err != nil {
			return nil, err
		}
		opts.BaseURL = base
	}
	tree, err := decision.Load(fsys, decision.Options{MaxDepth: opts.MaxDepth})
	if tree == nil {
		if errors.As(err, new(decision.Problems)) {
			return &Result{}, err
		}
		return nil, err
	}
	r := &Result{Tree: tree, Warnings: tree.Warnings}
	if err := r.loadLanguages(fsys, opts, err); err != nil {
		return r, err
	}
	return r, r.build(ctx, fsys, opts)
}

// BuildTree runs the stages after loading on tree, a tree loaded from fsys
// and perhaps changed since: tests use it to build variants of a guide.
func BuildTree(ctx context.Context, fsys fs.FS, tree *decision.Tree, opts Options) (*Result, error) {
	r := &Result{Tree: tree, Warnings: tree.Warnings}
	return r, r.build(ctx, fsys, opts)
}

// build checks the words of r.Tree, then runs stages 2 to 5 even when the
// words have problems, so that every problem is reported at once.
func (r *Result) build(ctx context.Context, fsys fs.FS, opts Options) error {
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	var warnings, errs decision.Problems
	r.Reading, warnings, errs = readWords(r.Tree, opts.Today)
	for _, t := range append([]*decision.Tree{r.Tree}, r.Translations...) {
		if t.ReadingFormula() == nil {
			r.Unmeasured = append(r.Unmeasured, t.File)
		}
	}
	for _, tr := range r.Translations {
		rd, w, e := readWords(tr, opts.Today)
		r.Reading, warnings, errs = slices.Concat(r.Reading, rd), slices.Concat(warnings, w), slices.Concat(errs, e)
	}
	r.Warnings = slices.Concat(r.Warnings, warnings)
	decision.SortProblems(r.Warnings)
	if err := r.site(ctx, fsys, opts); err != nil || len(errs) > 0 {
		r.Files, r.Pages = nil, nil
		return joinProblems(err, errsOrNil(errs))
	}
	return nil
}

// errsOrNil is ps as an error, nil when there are none.
func errsOrNil(ps decision.Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// site runs stages 2 to 5 on r.Tree and its translations and fills
// r.Files and r.Pages.
func (r *Result) site(ctx context.Context, fsys fs.FS, opts Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	cfg, err := offline.ConfigFor(r.Tree)
	if err != nil {
		return err
	}
	var (
		wg                         sync.WaitGroup
		assets                     bundle.Assets
		host                       map[string][]byte
		assetErr, iconErr, hostErr error
	)
	wg.Go(func() { assets, assetErr = bundle.Pages(fsys, opts.Cache) })
	wg.Go(func() { iconErr = offline.Prepare(cfg) }) // draws the icons alongside
	wg.Go(func() { host, hostErr = hostfiles.Read(fsys) })
	// Every language's words, read and checked one after the other.
	var contents []*site.Content
	var readErrs []error
	for _, t := range append([]*decision.Tree{r.Tree}, r.Translations...) {
		c, err := site.Read(fsys, t)
		contents, readErrs = append(contents, c), append(readErrs, err)
	}
	wg.Wait()
	if err := joinProblems(append(readErrs, assetErr, iconErr, hostErr)...); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var errs decision.Problems
	for i := range r.Translations {
		errs = append(errs, site.CheckAnchors(contents[0], contents[i+1])...)
	}
	for i, t := range append([]*decision.Tree{r.Tree}, r.Translations...) {
		readings, warnings, e := readPages(t, contents[i], opts.Today)
		r.Reading = slices.Concat(r.Reading, readings)
		r.Warnings = slices.Concat(r.Warnings, warnings)
		errs = append(errs, e...)
	}
	for i, tr := range r.Translations {
		cfg.Langs = append(cfg.Langs, offline.LangConfig{Lang: tr.Lang, Name: tr.Title, Description: contents[i+1].HomeDescription()})
	}
	head, meta := offlineHead(cfg)
	s, err := site.Render(contents, site.Options{BaseURL: opts.BaseURL, CSS: assets.CSS, Script: assets.Script, Head: head, Meta: meta, Image: offline.Icon512, MaxBytes: decision.MaxSiteBytes})
	if err != nil {
		return joinProblems(err, errsOrNil(errs))
	}
	if s.Over {
		return decision.Problems{checkSize(r.Tree.File, s.Files, true)}
	}
	if len(errs) > 0 {
		return errs
	}
	files := s.Files
	maps.Copy(files, assets.Files)
	if err := offline.Add(fsys, files, cfg); err != nil {
		return err
	}
	// The host's files come last: the worker does not fetch them.
	if err := hostfiles.Check(host, files); err != nil {
		return err
	}
	maps.Copy(files, host)
	if p := checkSize(r.Tree.File, files, false); p != nil {
		return decision.Problems{p}
	}
	r.Files, r.Pages = files, s.Pages
	r.Warnings = slices.Concat(r.Warnings, s.Warnings)
	decision.SortProblems(r.Warnings)
	return nil
}

// offlineHead is what every page's head needs for the offline files: the
// icons, the theme colour and where the worker is.
func offlineHead(cfg offline.Config) ([]site.HeadLink, []site.Meta) {
	return []site.HeadLink{
			{Rel: "icon", Href: offline.Icon192, Type: "image/png", Sizes: "192x192"},
			{Rel: "apple-touch-icon", Href: offline.AppleTouchIcon, Sizes: "180x180"},
		}, []site.Meta{
			{Name: "theme-color", Content: cfg.ThemeColor},
			{Name: offline.WorkerMeta, Content: offline.WorkerFile, Path: true},
		}
}

// joinProblems merges the problems of stages that ran side by side into
// one sorted decision.Problems. An error that is not problems wins.
func joinProblems(errs ...error) error {
	var all decision.Problems
	for _, err := range errs {
		if err == nil {
			continue
		}
		var ps decision.Problems
		if !errors.As(err, &ps) {
			return err
		}
		all = append(all, ps...)
	}
	if len(all) == 0 {
		return nil
	}
	decision.SortProblems(all)
	return all
}

// Stats measures the built files as publish writes them.
func (r *Result) Stats() publish.Stats { return publish.Measure(r.Files) }

// checkSize refuses a site larger than decision.MaxSiteBytes, naming its
// largest files. A text repeated on every page is what makes a site that
// big. partial says files are only the pages rendered before the rendering
// stopped at the limit: the site would have more.
func checkSize(treeFile string, files map[string][]byte, partial bool) *decision.Problem {
	total := 0
	for _, data := range files {
		total += len(data)
	}
	if total <= decision.MaxSiteBytes {
		return nil
	}
	names := slices.Sorted(maps.Keys(files))
	slices.SortStableFunc(names, func(a, b string) int { return len(files[b]) - len(files[a]) })
	var largest []string
	for _, n := range names[:min(3, len(names))] {
		largest = append(largest, fmt.Sprintf("%s %d bytes", n, len(files[n])))
	}
	size := fmt.Sprint(total)
	if partial {
		size = "over " + size // rendering stopped there
	}
	return &decision.Problem{File: treeFile, Pos: decision.Pos{Line: 1, Col: 1}, Err: decision.ErrTooLong,
		Msg:  fmt.Sprintf("the site would have %s bytes, more than the limit of %d (largest: %s)", size, decision.MaxSiteBytes, strings.Join(largest, ", ")),
		Hint: "shorten the texts shown on every page, such as the title, or the pages"}
}
