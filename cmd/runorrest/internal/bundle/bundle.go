// Package bundle compiles the site's CSS and TypeScript with esbuild's Go
// API: one entry file in, one minified file out, named for its content.
package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// ErrBundle marks a failed bundle; the error's text lists esbuild's
// messages as "file:line:col: text" lines.
var ErrBundle = errors.New("bundle failed")

// Asset is a bundled file.
type Asset struct {
	Path string // where it goes in the site: "assets/site.3f9a1c2e.css"
	Data []byte
}

// Error holds esbuild's error messages, one "file:line:col: text" line each.
type Error struct {
	Lines []string
}

func (e *Error) Error() string { return strings.Join(e.Lines, "\n") }
func (e *Error) Unwrap() error { return ErrBundle }

// Bundle bundles and minifies the entry file (a .css, .ts or .js path in
// fsys, such as "static/site.css"), following its imports inside fsys. A
// script becomes one ES2017 IIFE. The result is named
// assets/NAME.HASH8.EXT, where HASH8 starts the SHA-256 of the content.
func Bundle(fsys fs.FS, entry string) (Asset, error) {
	ext := path.Ext(entry)
	outExt := ".css"
	switch ext {
	case ".css":
	case ".ts", ".js":
		outExt = ".js"
	default:
		return Asset{}, &Error{Lines: []string{entry + ":1:1: cannot bundle a " + ext + " file (give a .css, .ts or .js file)"}}
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{entry},
		Bundle:            true,
		Write:             false,
		Outdir:            "out",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Target:            api.ES2017,
		Format:            api.FormatIIFE,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{fsPlugin(fsys)},
	})
	// Warnings count as errors: an unclosed CSS block is only a warning to
	// esbuild, but it is a mistake in the guide's source.
	if msgs := append(res.Errors, res.Warnings...); len(msgs) > 0 {
		return Asset{}, &Error{Lines: formatMessages(msgs)}
	}
	var data []byte
	for _, f := range res.OutputFiles {
		if path.Ext(f.Path) == outExt {
			data = f.Contents
		}
	}
	if data == nil {
		return Asset{}, &Error{Lines: []string{entry + ":1:1: esbuild wrote no " + outExt + " file"}}
	}
	sum := sha256.Sum256(data)
	name := strings.TrimSuffix(path.Base(entry), ext)
	return Asset{Path: "assets/" + name + "." + hex.EncodeToString(sum[:4]) + outExt, Data: data}, nil
}

// formatMessages turns esbuild's messages into "file:line:col: text" lines.
func formatMessages(msgs []api.Message) []string {
	lines := make([]string, 0, len(msgs))
	for _, m := range msgs {
		text := m.Text
		for _, n := range m.Notes {
			if n.Text != "" {
				text += " (" + n.Text + ")"
			}
		}
		if l := m.Location; l != nil {
			file := strings.TrimPrefix(l.File, "fsys:")
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", file, l.Line, l.Column+1, text))
		} else {
			lines = append(lines, text)
		}
	}
	return lines
}

// fsPlugin makes esbuild read every file from fsys, so a build sees exactly
// the -src tree it was given, in tests as on disk. Paths stay relative to
// the root of fsys ("static/site.css"), which is also how messages show them.
func fsPlugin(fsys fs.FS) api.Plugin {
	return api.Plugin{
		Name: "fsys",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.Kind == api.ResolveEntryPoint {
					return api.OnResolveResult{Path: path.Clean(a.Path), Namespace: "fsys"}, nil
				}
				if !strings.HasPrefix(a.Path, "./") && !strings.HasPrefix(a.Path, "../") {
					return api.OnResolveResult{Errors: []api.Message{{
						Text: fmt.Sprintf("cannot import %q: only relative imports (./file) are bundled", a.Path),
					}}}, nil
				}
				p := path.Join(path.Dir(a.Importer), a.Path)
				if !fs.ValidPath(p) {
					return api.OnResolveResult{Errors: []api.Message{{Text: fmt.Sprintf("import %q leaves the source folder", a.Path)}}}, nil
				}
				if path.Ext(p) == "" {
					for _, e := range []string{".ts", ".js"} {
						if _, err := fs.Stat(fsys, p+e); err == nil {
							p += e
							break
						}
					}
				}
				return api.OnResolveResult{Path: p, Namespace: "fsys"}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "fsys"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := fs.ReadFile(fsys, a.Path)
				if err != nil {
					return api.OnLoadResult{}, fmt.Errorf("cannot read %s: %w", a.Path, errors.Unwrap(err))
				}
				s := string(data)
				loader := api.LoaderJS
				switch path.Ext(a.Path) {
				case ".css":
					loader = api.LoaderCSS
				case ".ts":
					loader = api.LoaderTS
				}
				return api.OnLoadResult{Contents: &s, Loader: loader}, nil
			})
		},
	}
}
