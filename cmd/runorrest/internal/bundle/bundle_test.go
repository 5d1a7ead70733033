package bundle

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestBundleCSS(t *testing.T) {
	fsys := fstest.MapFS{
		"static/site.css": {Data: []byte("@import \"./base.css\";\nbody {\n  color: red;\n}\n")},
		"static/base.css": {Data: []byte("h1 { margin: 0 0 0 0; }\n")},
	}
	a, err := Bundle(fsys, "static/site.css")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^assets/site\.[0-9a-f]{8}\.css$`).MatchString(a.Path) {
		t.Errorf("path = %q; want assets/site.HASH8.css", a.Path)
	}
	got := string(a.Data)
	if !strings.Contains(got, "h1{margin:0}") || !strings.Contains(got, "body{color:red}") {
		t.Errorf("css = %q; want both files, minified", got)
	}
	b, err := Bundle(fsys, "static/site.css")
	if err != nil || b.Path != a.Path || string(b.Data) != got {
		t.Errorf("second bundle differs: %q, %v", b.Path, err)
	}
}

func TestBundleTS(t *testing.T) {
	fsys := fstest.MapFS{
		"static/flow.ts": {Data: []byte("import { twice } from \"./util\";\nconst n: number = twice(2);\ndocument.title = String(n);\n")},
		"static/util.ts": {Data: []byte("export function twice(x: number): number {\n  return x * 2;\n}\n")},
	}
	a, err := Bundle(fsys, "static/flow.ts")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^assets/flow\.[0-9a-f]{8}\.js$`).MatchString(a.Path) {
		t.Errorf("path = %q; want assets/flow.HASH8.js", a.Path)
	}
	got := string(a.Data)
	if !strings.HasPrefix(got, "(()=>{") || strings.Contains(got, ": number") {
		t.Errorf("js = %q; want a minified IIFE without types", got)
	}
}

func TestBundleErrors(t *testing.T) {
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		entry string
		want  string
	}{
		{"css syntax", fstest.MapFS{"static/site.css": {Data: []byte("body {\n  color: red;\n\n")}}, "static/site.css", `^static/site\.css:\d+:\d+: Expected "}"`},
		{"ts syntax", fstest.MapFS{"static/flow.ts": {Data: []byte("let x = ;\n")}}, "static/flow.ts", `^static/flow\.ts:1:9: Unexpected ";"`},
		{"missing import", fstest.MapFS{"static/flow.ts": {Data: []byte("import \"./nope\";\n")}}, "static/flow.ts", `^static/flow\.ts:1:8: .*nope`},
		{"bare import", fstest.MapFS{"static/flow.ts": {Data: []byte("import \"react\";\n")}}, "static/flow.ts", `^static/flow\.ts:1:8: cannot import "react"`},
		{"missing entry", fstest.MapFS{}, "static/site.css", `static/site\.css`},
		{"bad kind", fstest.MapFS{"static/x.png": {}}, "static/x.png", `^static/x\.png:1:1: cannot bundle`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Bundle(tt.fsys, tt.entry)
			if !errors.Is(err, ErrBundle) {
				t.Fatalf("Bundle = %v; want ErrBundle", err)
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Errorf("error = %q; want match %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "{") && !strings.Contains(tt.want, "}") {
				t.Errorf("error %q looks like a Go struct", err)
			}
		})
	}
}
