package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A rebuild links the files whose bytes are unchanged from the previous
// output and writes the others: the output is the new site either way.
func TestWriteLinksUnchangedFiles(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789"), 10_000) // longer than one read
	bigEnd := bytes.Clone(big)
	bigEnd[len(bigEnd)-1] = 'x'
	bigStart := bytes.Clone(big)
	bigStart[0] = 'x'
	tests := []struct {
		name       string
		old, new   []byte
		wantLinked bool
	}{
		{"same", []byte("<p>same</p>"), []byte("<p>same</p>"), true},
		{"same, long", big, big, true},
		{"empty", []byte{}, []byte{}, true},
		{"same length, other bytes", []byte("<p>abcd</p>"), []byte("<p>abce</p>"), false},
		{"longer", []byte("<p>a</p>"), []byte("<p>a</p>\n"), false},
		{"shorter", []byte("<p>a</p>\n"), []byte("<p>a</p>"), false},
		{"long, last byte changed", big, bigEnd, false},
		{"long, first byte changed", big, bigStart, false},
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	oldFiles, newFiles := map[string][]byte{}, map[string][]byte{}
	for i, tt := range tests {
		name := filepath.ToSlash(filepath.Join([]string{".", "assets", "deep/er"}[i%3], tt.name+".html"))
		oldFiles[name], newFiles[name] = tt.old, tt.new
	}
	newFiles["added.html"] = []byte("new")
	oldFiles["removed.html"] = []byte("old")
	if err := Write(out, oldFiles); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for name := range oldFiles {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = fi
	}
	if err := Write(out, newFiles); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{Marker: markerText}
	for name, data := range newFiles {
		want[name] = string(data)
	}
	if got := tree(t, out); !reflect.DeepEqual(got, want) {
		t.Fatalf("output after the rebuild differs from the new site:\n got %q\nwant %q", got, want)
	}
	for i, tt := range tests {
		name := filepath.ToSlash(filepath.Join([]string{".", "assets", "deep/er"}[i%3], tt.name+".html"))
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if linked := os.SameFile(fi, before[name]); linked != tt.wantLinked {
			t.Errorf("%s: linked from the previous output = %v; want %v", tt.name, linked, tt.wantLinked)
		}
		if !fi.Mode().IsRegular() || fi.Mode().Perm() != before[name].Mode().Perm() {
			t.Errorf("%s: mode %v; want a regular file like before (%v)", tt.name, fi.Mode(), before[name].Mode())
		}
	}
	if got, want := names(t, parent), []string{"public"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parent holds %v; want %v", got, want)
	}
}

// A symbolic link in the previous output is never linked into the new
// one, even when what it points at holds the very bytes: the new output
// gets a file of its own.
func TestWriteDoesNotLinkSymlinks(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(parent, "outside.html")
	if err := os.WriteFile(outside, []byte("same"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "page.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Write(out, map[string][]byte{"index.html": []byte("new"), "page.html": []byte("same")}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(filepath.Join(out, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	oi, err := os.Stat(outside)
	if err != nil {
		t.Fatal(err)
	}
	if !fi.Mode().IsRegular() || os.SameFile(fi, oi) {
		t.Errorf("page.html is %v, the outside file: %v; want a regular file of its own", fi.Mode(), os.SameFile(fi, oi))
	}
	if got, _ := os.ReadFile(outside); string(got) != "same" {
		t.Errorf("the file outside holds %q; want it untouched", got)
	}
}
