package decision

import (
	"errors"
	"maps"
	"slices"
	"testing"
	"testing/fstest"
)

func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"testdata/good/*.yaml", "testdata/bad/*.yaml"} {
		files := readFiles(f, pattern)
		for _, name := range slices.Sorted(maps.Keys(files)) {
			f.Add(files[name])
		}
	}
	pages := pagesFS(f, nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := maps.Clone(pages)
		fsys[TreeFile] = &fstest.MapFile{Data: data}
		tree, err := Load(fsys, Options{MaxBytes: 1 << 16})
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("Load error %T %v; want non-empty Problems", err, err)
			}
			if errors.Is(err, ErrInternal) {
				t.Fatalf("Load panicked: %v", err)
			}
			for i, p := range ps {
				if i > 0 && (p.Pos.Line < ps[i-1].Pos.Line || p.Pos.Line == ps[i-1].Pos.Line && p.Pos.Col < ps[i-1].Pos.Col) {
					t.Fatalf("problems out of order: %v before %v", ps[i-1], p)
				}
				if p.File != TreeFile || p.Pos.Line < 1 || p.Pos.Col < 1 || p.Msg == "" || p.Err == nil || p.Warning {
					t.Fatalf("malformed problem %#v", p)
				}
			}
		} else if tree == nil {
			t.Fatal("Load returned no tree and no error")
		}
		if tree == nil {
			return
		}
		s := tree.Stats()
		n := 0
		for p := range tree.Paths("") {
			if p.Outcome == nil || len(p.Steps) == 0 {
				t.Fatalf("path %v does not end at an outcome", p)
			}
			if n++; n == 100 {
				break
			}
		}
		if err == nil && s.Paths.IsInt64() && s.Paths.Int64() < 100 && int64(n) != s.Paths.Int64() {
			t.Fatalf("Paths streamed %d paths; Stats counts %v", n, s.Paths)
		}
	})
}
