// Package bundle is runorrest's one esbuild set-up: it compiles the site's
// CSS and TypeScript, and the service worker, with esbuild's Go API. Every
// file is read from the source fs.FS; every error or warning of esbuild
// comes back as a positioned decision.Problem, "file:line:col: text".
package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"runorrest/decision"
)

// ErrBundle is the sentinel (decision.Problem.Err) of every problem of this
// package: a stylesheet or script that does not compile.
var ErrBundle = errors.New("bundle failed")

// hint is how to fix a problem esbuild reports.
const hint = "fix the stylesheet or script"

// Asset is a bundled file.
type Asset struct {
	Path string // where it goes in the site: "assets/site.3f9a1c2e.css"
	Data []byte
}

// Bundle bundles and minifies the entry file (a .css, .ts or .js path in
// fsys, such as "static/site.css"), following its imports inside fsys. A
// script becomes one ES2017 IIFE. The result is named
// assets/NAME.HASH8.EXT, where HASH8 starts the SHA-256 of the content.
// Problems come back as decision.Problems.
func Bundle(fsys fs.FS, entry string) (Asset, error) {
	data, err := compile(fsys, entry, nil)
	if err != nil {
		return Asset{}, err
	}
	ext := path.Ext(entry)
	outExt := ".css"
	if ext != ".css" {
		outExt = ".js"
	}
	sum := sha256.Sum256(data)
	name := strings.TrimSuffix(path.Base(entry), ext)
	return Asset{Path: "assets/" + name + "." + hex.EncodeToString(sum[:4]) + outExt, Data: data}, nil
}

// Script compiles the script entry as Bundle does, with each name of define
// replaced by its value written as JSON (esbuild's Define): the service
// worker gets its list of files this way.
func Script(fsys fs.FS, entry string, define map[string]any) ([]byte, error) {
	defines := make(map[string]string, len(define))
	for name, value := range define {
		data, err := json.Marshal(value)
		if err != nil {
			return nil, decision.Problems{problem(entry, 1, 1, fmt.Sprintf("cannot write %s as JSON: %v", name, err))}
		}
		defines[name] = string(data)
	}
	return compile(fsys, entry, defines)
}

// compile runs esbuild on one entry file of fsys, or takes its output
// from the cache folder when nothing it read has changed (diskcache.go).
func compile(fsys fs.FS, entry string, define map[string]string) ([]byte, error) {
	outExt := ".css"
	switch ext := path.Ext(entry); ext {
	case ".css":
	case ".ts", ".js":
		outExt = ".js"
	default:
		return nil, decision.Problems{problem(entry, 1, 1, "cannot bundle a "+ext+" file (give a .css, .ts or .js file)")}
	}
	opts := buildOptions(entry, define)
	file, header := cacheKey(opts)
	if data, ok := cachedOutput(fsys, file, header); ok {
		return data, nil
	}
	read := &inputs{files: map[string]string{}}
	opts.Plugins = []api.Plugin{fsPlugin(fsys, read)}
	esbuildRuns.Add(1)
	res := api.Build(opts)
	// Warnings count as errors: an unclosed CSS block is only a warning to
	// esbuild, but it is a mistake in the guide's source.
	if msgs := append(res.Errors, res.Warnings...); len(msgs) > 0 {
		return nil, problems(entry, msgs)
	}
	for _, f := range res.OutputFiles {
		if path.Ext(f.Path) == outExt {
			keepOutput(file, header, read, f.Contents)
			return f.Contents, nil
		}
	}
	return nil, decision.Problems{problem(entry, 1, 1, "esbuild wrote no "+outExt+" file")}
}

// buildOptions is runorrest's one set of esbuild options, without the
// plugin that reads the source.
func buildOptions(entry string, define map[string]string) api.BuildOptions {
	return api.BuildOptions{
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
		Define:            define,
	}
}

// problems turns esbuild's messages into problems; a message without a
// position is placed at the start of the entry file.
func problems(entry string, msgs []api.Message) decision.Problems {
	ps := make(decision.Problems, 0, len(msgs))
	for _, m := range msgs {
		text := m.Text
		for _, n := range m.Notes {
			if n.Text != "" {
				text += " (" + n.Text + ")"
			}
		}
		if l := m.Location; l != nil {
			ps = append(ps, problem(strings.TrimPrefix(l.File, "fsys:"), l.Line, l.Column+1, text))
		} else {
			ps = append(ps, problem(entry, 1, 1, text))
		}
	}
	decision.SortProblems(ps)
	return ps
}

func problem(file string, line, col int, msg string) *decision.Problem {
	return &decision.Problem{File: file, Pos: decision.Pos{Line: line, Col: col}, Msg: msg, Hint: hint, Err: ErrBundle}
}

// fsPlugin makes esbuild read every file from fsys, so a build sees exactly
// the -src tree it was given, in tests as on disk. Paths stay relative to
// the root of fsys ("static/site.css"), which is also how messages show them.
// Every file read, and every file looked for and missing, is noted in read.
func fsPlugin(fsys fs.FS, read *inputs) api.Plugin {
	return api.Plugin{
		Name: "fsys",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				return resolve(fsys, a, read), nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "fsys"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				return load(fsys, a, read)
			})
		},
	}
}

// resolve finds an import inside fsys: relative imports only, and never
// outside the source folder. "./util" finds util.ts or util.js.
func resolve(fsys fs.FS, a api.OnResolveArgs, read *inputs) api.OnResolveResult {
	if a.Kind == api.ResolveEntryPoint {
		return api.OnResolveResult{Path: path.Clean(a.Path), Namespace: "fsys"}
	}
	if !strings.HasPrefix(a.Path, "./") && !strings.HasPrefix(a.Path, "../") {
		return api.OnResolveResult{Errors: []api.Message{{
			Text: fmt.Sprintf("cannot import %q: only relative imports (./file) are bundled", a.Path),
		}}}
	}
	p := path.Join(path.Dir(a.Importer), a.Path)
	if !fs.ValidPath(p) {
		return api.OnResolveResult{Errors: []api.Message{{Text: fmt.Sprintf("import %q leaves the source folder", a.Path)}}}
	}
	if path.Ext(p) == "" {
		for _, e := range []string{".ts", ".js"} {
			if _, err := fs.Stat(fsys, p+e); err == nil {
				p += e
				break
			}
			read.missing(p + e)
		}
	}
	return api.OnResolveResult{Path: p, Namespace: "fsys"}
}

// load reads a file of fsys with the loader its extension calls for.
func load(fsys fs.FS, a api.OnLoadArgs, read *inputs) (api.OnLoadResult, error) {
	data, err := fs.ReadFile(fsys, a.Path)
	if err != nil {
		return api.OnLoadResult{}, fmt.Errorf("cannot read %s: %w", a.Path, errors.Unwrap(err))
	}
	read.file(a.Path, data)
	s := string(data)
	loader := api.LoaderJS
	switch path.Ext(a.Path) {
	case ".css":
		loader = api.LoaderCSS
	case ".ts":
		loader = api.LoaderTS
	}
	return api.OnLoadResult{Contents: &s, Loader: loader}, nil
}
