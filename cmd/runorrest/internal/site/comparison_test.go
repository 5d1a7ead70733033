package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"runorrest/decision"
)

// TestWriteComparisonSites writes, when RUNORREST_WRITE_COMPARISON names a
// folder, the sites that the README's speed figures compare:
//
//   - guide-5000: the generated guide of 5,000 nodes as a source folder,
//     for `runorrest build -src`;
//   - guide-50, guide-500, guide-20000 and guide-50000: generated guides
//     of those sizes, for the README's table of how a build grows (the
//     last is past the site-size limit and is refused);
//   - hugo-56 and hugo-5007: Hugo sites with as many pages as the default
//     guide (in all its languages) and the generated one, each page a
//     short Markdown file like the generated guide's outcome pages, with
//     one minimal layout, for `hugo --source`.
func TestWriteComparisonSites(t *testing.T) {
	dir := os.Getenv("RUNORREST_WRITE_COMPARISON")
	if dir == "" {
		t.Skip("set RUNORREST_WRITE_COMPARISON=DIR to write the comparison sites to DIR")
	}
	guide := generated(t, 5000)
	writeFS(t, filepath.Join(dir, "guide-5000"), guide)
	for _, n := range []int{50, 500, 20000, 50000} {
		writeFS(t, filepath.Join(dir, fmt.Sprintf("guide-%d", n)), generated(t, n))
	}
	for _, fsys := range []fs.FS{defaultFS(t), guide} {
		_, s := build(t, fsys, Options{})
		// runorrest build makes the pages again for each translation.
		langs, err := decision.Languages(fsys)
		if err != nil {
			t.Fatal(err)
		}
		n := len(s.Pages) * (1 + len(langs))
		writeFS(t, filepath.Join(dir, fmt.Sprintf("hugo-%d", n)), hugoSite(n))
	}
}

// hugoSite is a Hugo site of n pages: the home page and n-1 others.
func hugoSite(n int) fstest.MapFS {
	const layout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title></head>
<body><header><a href="{{ "" | relURL }}">Home</a></header><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body>
</html>
`
	m := fstest.MapFS{
		"hugo.toml": mapFile(`baseURL = "https://example.org/"
title = "Comparison"
disableKinds = ["taxonomy", "term", "rss", "sitemap"]
`),
		"layouts/_default/single.html": mapFile(layout),
		"layouts/_default/list.html":   mapFile(layout),
		"content/_index.md":            mapFile("---\ntitle: Home\n---\n\nThe home page.\n"),
	}
	for i := range n - 1 {
		m[fmt.Sprintf("content/p%d.md", i)] = mapFile(fmt.Sprintf(
			"---\ntitle: Page %d\ndescription: Page %d of the comparison site.\n---\n\nThis is page **%d**. Take it easy and listen to your legs.\n\n"+
				"## What to do\n\n- Walk for ten minutes.\n- Try [foam rolling](/p0/#foam-rolling).\n- Sleep well; \"rest\" counts too.\n\n"+
				"## When to stop\n\nStop if it hurts, and see the [scale](/p1/#the-scale).\n", i, i, i))
	}
	return m
}

// writeFS writes every file of fsys under dir.
func writeFS(t *testing.T, dir string, fsys fs.FS) {
	t.Helper()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
