package decision

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestStampWords writes the hashes of today's originals into every words
// file that parses, keeping its comments, and the result has no stale
// string; stamping again changes nothing.
func TestStampWords(t *testing.T) {
	files := readFiles(t, "testdata/words/*.yaml")
	orig := wordsOriginal(t)
	for name, data := range files {
		if strings.HasSuffix(name, "tree.yaml") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			out, n, err := StampWords(orig, "es", WordsFile("es"), data, Options{})
			before, berr := ParseTranslation(orig, "es", WordsFile("es"), data, Options{})
			if err != nil {
				if before != nil {
					t.Fatalf("StampWords = %v; the file parses", err)
				}
				if !errors.As(err, new(Problems)) || report(nil, err) != report(nil, berr) {
					t.Errorf("StampWords error:\n%s\nwant the problems of ParseTranslation:\n%s", report(nil, err), report(nil, berr))
				}
				return
			}
			if before == nil {
				t.Fatalf("StampWords stamped a file that does not parse")
			}
			after, aerr := ParseTranslation(orig, "es", WordsFile("es"), out, Options{})
			if after == nil {
				t.Fatalf("stamped file does not parse:\n%s\nfile:\n%s", report(nil, aerr), out)
			}
			for _, w := range after.Warnings {
				if errors.Is(w, ErrStale) {
					t.Errorf("stamped file still has %v\n%s", w, out)
				}
			}
			// The stamp fixes stale hashes and nothing else: the same errors,
			// less any about from: itself.
			if got, want := errorLines(aerr), errorLines(berr); got != want {
				t.Errorf("errors after stamping:\n%s\nwant:\n%s\nfile:\n%s", got, want, out)
			}
			for line := range strings.SplitSeq(string(data), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "#") && !bytes.Contains(out, []byte(line+"\n")) {
					t.Errorf("comment %q lost", line)
				}
			}
			if n == 0 && !bytes.Equal(out, data) {
				t.Errorf("StampWords wrote 0 hashes but changed the file")
			}
			again, n2, err := StampWords(orig, "es", WordsFile("es"), out, Options{})
			if err != nil || n2 != 0 || !bytes.Equal(again, out) {
				t.Errorf("stamping twice = %d hashes, %v; want 0 and no change", n2, err)
			}
		})
	}
}

// errorLines lists the messages of the errors of err (not positions,
// which the stamp moves), leaving out those about the hashes of from:.
func errorLines(err error) string {
	var ps Problems
	errors.As(err, &ps)
	var out []string
	for _, p := range ps {
		if strings.Contains(p.Msg, "from") && !strings.Contains(p.Msg, "names no words") {
			continue
		}
		out = append(out, p.Msg)
	}
	return strings.Join(out, "\n")
}

// TestStampWordsLayout shows what the stamp writes where: a missing from:
// after the last entry of its mapping, block or flow; a stale hash in
// place.
func TestStampWordsLayout(t *testing.T) {
	orig := wordsOriginal(t)
	data, err := os.ReadFile("testdata/words/warn-stale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out, n, err := StampWords(orig, "es", WordsFile("es"), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"title: ¿Correr o descansar?\nfrom: {title: " + Hash("Run or rest?") + "}\n",
		"  run: {label: Corre con calma, from: {label: " + Hash("Run easy") + "}}\n",
		"  rest:\n    label: Descansa\n    from: {label: " + Hash("Rest") + "}\nshared:\n",
		"    text: ¿Cuánto te duelen las piernas?\n    from: {text: " + Hash("How sore are your legs?") + "}\n",
		"    from:\n      why: {all-over: " + Hash("Moderate soreness all over still calls for a gentle day.") + "}\n",
		"        why: Un dolor en un punto puede ser el comienzo de una lesión.\n        from: {label: " + Hash("One spot") + ", why: " + Hash("Soreness in one spot can be an injury starting.") + "}\n",
		"    scale: {low: ninguna, high: mucha, from: {low: " + Hash("none at all") + ", high: " + Hash("plenty") + "}}\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("stamped file:\n%s\nwant it to hold:\n%s", out, want)
		}
	}
	if n < 20 {
		t.Errorf("StampWords wrote %d hashes; want every string's", n)
	}
	// n counts the hashes written: each is a hash of out that data lacks
	// at that place, so out holds n more than data minus those replaced.
	hashRE := regexp.MustCompile(`\b[0-9a-f]{8}\b`)
	if added, kept := len(hashRE.FindAll(out, -1)), len(hashRE.FindAll(data, -1)); n < added-kept || n > added {
		t.Errorf("StampWords says %d hashes; the file went from %d to %d", n, kept, added)
	}
}

// TestStampPage writes translated-from into a page's front matter, and
// the check warns when the original changes after. The hash goes over the
// old one, quoted or not, or at the end of the front matter, or in a front
// matter of its own above a page that has none: an empty page, or one whose
// front matter has no closing line (its lines are kept as they are). A BOM
// stays first, CRLF line ends stay CRLF, and a page whose last line has no
// line end is stamped as the same page with one: the same hash at the same
// place, and still no line end.
func TestStampPage(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hola.\n", "---\ntranslated-from: 1a2b3c4d\n---\n\nHola.\n"},
		{"", "---\ntranslated-from: 1a2b3c4d\n---\n\n"},
		{"---\ntitle: Hola\n---\nHola.\n", "---\ntitle: Hola\ntranslated-from: 1a2b3c4d\n---\nHola.\n"},
		{"---\r\ntitle: Hola\r\n---\r\nHola.\r\n", "---\r\ntitle: Hola\r\ntranslated-from: 1a2b3c4d\r\n---\r\nHola.\r\n"},
		{"\ufeff---\ntitle: Hola\n---\nHola.\n", "\ufeff---\ntitle: Hola\ntranslated-from: 1a2b3c4d\n---\nHola.\n"},
		{"---\ntranslated-from: 00000000\ntitle: Hola\n---\nHola.\n", "---\ntranslated-from: 1a2b3c4d\ntitle: Hola\n---\nHola.\n"},
		{"\ufeff---\r\ntranslated-from: 00000000\r\n---\r\n", "\ufeff---\r\ntranslated-from: 1a2b3c4d\r\n---\r\n"},
		{"---\ntranslated-from: \"00000000\"  \n---\n", "---\ntranslated-from: 1a2b3c4d  \n---\n"},
		{"---\ntranslated-from: '00000000'\n---\n", "---\ntranslated-from: 1a2b3c4d\n---\n"},
		// A front matter with no closing line (the site reports it): a
		// translated-from in it is written over; if it has none, the page
		// is kept whole below a front matter of its own.
		{"---\ntranslated-from: 00000000\n", "---\ntranslated-from: 1a2b3c4d\n"},
		{"---\ntitle: Hola\n\nHola.\n", "---\ntranslated-from: 1a2b3c4d\n---\n\n---\ntitle: Hola\n\nHola.\n"},
	} {
		if got := string(StampPage([]byte(c.in), "1a2b3c4d")); got != c.want {
			t.Errorf("StampPage(%q) = %q; want %q", c.in, got, c.want)
		}
		if h, _, ok := PageTranslatedFrom([]byte(c.want)); !ok || h != "1a2b3c4d" {
			t.Errorf("PageTranslatedFrom(%q) = %q, %v", c.want, h, ok)
		}
		in, ok := strings.CutSuffix(c.in, "\n")
		if !ok {
			continue
		}
		if got, want := string(StampPage([]byte(in), "1a2b3c4d")), strings.TrimSuffix(c.want, "\n"); got != want {
			t.Errorf("StampPage(%q), no line end at the end = %q; want %q", in, got, want)
		}
		h, pos, ok := PageTranslatedFrom([]byte(c.in))
		if h2, pos2, ok2 := PageTranslatedFrom([]byte(in)); h2 != h || pos2 != pos || ok2 != ok {
			t.Errorf("PageTranslatedFrom(%q) = %q, %v, %v; want %q, %v, %v as with a line end at the end", in, h2, pos2, ok2, h, pos, ok)
		}
	}
	words, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := wordsFS(t, words)
	fsys["content/es/about.md"] = &fstest.MapFile{Data: StampPage([]byte("# Acerca\n"), Hash("# About\n"))}
	if tree, err := loadWords(t, fsys); report(tree, err) != "" {
		t.Errorf("a page stamped with its original's hash: %s", report(tree, err))
	}
	fsys["content/about.md"] = &fstest.MapFile{Data: []byte("# About us\n")}
	want := "content/es/about.md:2:18: warning: the en page content/about.md changed since the es was written (update the es, then set translated-from to " + Hash("# About us\n") + ", or run `runorrest translate -stamp es`)\n"
	if tree, err := loadWords(t, fsys); report(tree, err) != want {
		t.Errorf("a page whose original changed:\n%s\nwant:\n%s", report(tree, err), want)
	}
	fsys["content/es/about.md"] = &fstest.MapFile{Data: []byte("---\ntranslated-from: abc\n---\n# Acerca\n")}
	want = "content/es/about.md:2:18: translated-from \"abc\" is not a hash of 8 hex digits (set it to " + Hash("# About us\n") + ", the hash of content/about.md, or run `runorrest translate -stamp es`)\n"
	if tree, err := loadWords(t, fsys); report(tree, err) != want {
		t.Errorf("a page with a bad hash:\n%s\nwant:\n%s", report(tree, err), want)
	}
}

// TestWordsSkeleton: the skeleton of a new language names every id and
// nothing else, with the original's hashes. Filled in, it loads with no
// problem; as written, its only problems are the strings left to
// translate, each at its line.
func TestWordsSkeleton(t *testing.T) {
	orig := wordsOriginal(t)
	ui := &Messages{File: "templates/ui.yaml", IDs: []string{"start", "step"}, Text: map[string]string{"start": "Start", "step": "Step {n}"}}
	sk := WordsSkeleton(orig, "es", ui)
	testGolden(t, "testdata/words/skeleton.golden", sk)
	opts := Options{UI: ui.Text}
	_, err := ParseTranslation(orig, "es", WordsFile("es"), sk, opts)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("skeleton: %v; want a problem per string to translate", err)
	}
	for _, p := range ps {
		if !errors.Is(p, ErrEmptyText) {
			t.Errorf("skeleton problem %v; want only empty strings", p)
		}
	}
	if len(ps) != 26 {
		t.Errorf("skeleton has %d empty strings; want 26 (name, and 25 strings of the tree and ui)", len(ps))
	}
	filled := strings.ReplaceAll(string(sk), `""`, "x")
	filled = strings.Replace(filled, "  step: x", "  step: x {n}", 1)
	tr, err := ParseTranslation(orig, "es", WordsFile("es"), []byte(filled), opts)
	if got := report(tr, err); got != "" {
		t.Errorf("filled skeleton:\n%s", got)
	}
}

// testGolden compares got with a golden file; -update rewrites it.
func testGolden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s", file, got)
	}
}

// TestWordsSkeletonPlain: the skeleton of a tree without shared questions,
// option ids or site words has no empty sections, and names each option by
// the id the check asks for.
func TestWordsSkeletonPlain(t *testing.T) {
	tree, err := os.ReadFile("testdata/good/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := Load(pagesFS(t, tree), Options{})
	if err != nil {
		t.Fatal(err)
	}
	testGolden(t, "testdata/words/skeleton-plain.golden", WordsSkeleton(orig, "es", &Messages{}))
}

// TestStampManyHashes: a from: of more than six hashes (the site's words)
// is written one hash a line in a block mapping, and on one line up to six
// or in a mapping written on one line.
func TestStampManyHashes(t *testing.T) {
	tree, err := os.ReadFile("testdata/words/tree.yaml")
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile("testdata/words/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := Load(wordsFS(t, tree), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ui := func(n int, flow bool) (string, map[string]string) {
		text := map[string]string{}
		var ids []string
		for i := 1; i <= n; i++ {
			id := fmt.Sprintf("m%d", i)
			text[id] = "M" + id
			ids = append(ids, id+": x")
		}
		if flow {
			return "ui: {" + strings.Join(ids, ", ") + "}\n", text
		}
		return "ui:\n  " + strings.Join(ids, "\n  ") + "\n", text
	}
	for _, c := range []struct {
		n    int
		flow bool
		want string
	}{
		{6, false, "  m6: x\n  from: {m1: " + Hash("Mm1") + ", "},
		{7, false, "  m7: x\n  from:\n    m1: " + Hash("Mm1") + "\n    m2: " + Hash("Mm2") + "\n"},
		{7, true, ", m7: x, from: {m1: " + Hash("Mm1") + ", "},
	} {
		words, text := ui(c.n, c.flow)
		out, _, err := StampWords(orig, "es", WordsFile("es"), append(slices.Clone(good), words...), Options{UI: text})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), c.want) {
			t.Errorf("%d site words (flow %v), stamped:\n%s\nwant it to hold:\n%s", c.n, c.flow, out[len(good):], c.want)
		}
	}
}

// TestStampWordsPlaces: every from: the stamp adds goes after the last
// entry of its mapping, whatever the layout: past blank lines between and
// inside entries and what is indented under the last entry, but before a
// comment at the indent of the mapping's keys; after a last value left
// empty, or quoted ("", 'text'); first in a flow mapping whose entries
// span lines; a stale hash in quotes is written over, quotes and all;
// into a from: that lacks some hashes, block, flow or empty. The count is
// the hashes written: one a string, a stale one replaced in place, a
// current one left as it is. The stamped files are golden files,
// testdata/words/*.stamped.
func TestStampWordsPlaces(t *testing.T) {
	orig := wordsOriginal(t)
	for _, c := range []struct {
		name string
		n    int
	}{
		{"warn-stale-spread", 23},  // every string, the two stale ones included
		{"empty-last", 23},         // every string, the help left empty too
		{"warn-stale-partial", 22}, // every string but the text of where, whose hash is current
		{"quoted", 23},             // every string, those left "" and the two stale quoted hashes included
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/words/" + c.name + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			out, n, err := StampWords(orig, "es", WordsFile("es"), data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			testGolden(t, "testdata/words/"+c.name+".stamped", out)
			if n != c.n {
				t.Errorf("StampWords wrote %d hashes; want %d", n, c.n)
			}
		})
	}
}

// TestWordsSkeletonBlankLine: a help of more than one paragraph is
// written above its string as comment lines, a blank line as a bare "#",
// and the skeleton, filled in, loads with no problem.
func TestWordsSkeletonBlankLine(t *testing.T) {
	fsys := wordsFS(t, nil)
	tree := fsys[TreeFile].Data
	const old = "    help: Soreness *all over* is the usual kind.\n"
	if !bytes.Contains(tree, []byte(old)) {
		t.Fatalf("testdata/words/tree.yaml has no %q", old)
	}
	fsys[TreeFile].Data = bytes.Replace(tree, []byte(old), []byte("    help: |\n      Soreness *all over* is the usual kind.\n\n      Soreness in one spot is not.\n"), 1)
	orig, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sk := WordsSkeleton(orig, "es", &Messages{})
	want := "    # Soreness *all over* is the usual kind.\n    #\n    # Soreness in one spot is not.\n    help: \"\"\n"
	if !bytes.Contains(sk, []byte(want)) {
		t.Errorf("skeleton:\n%s\nwant it to contain:\n%s", sk, want)
	}
	filled := strings.ReplaceAll(string(sk), `""`, "x")
	if tr, err := ParseTranslation(orig, "es", WordsFile("es"), []byte(filled), Options{}); report(tr, err) != "" {
		t.Errorf("filled skeleton:\n%s", report(tr, err))
	}
}

// TestClosingQuote finds the quote that ends a quoted YAML scalar, past
// the escapes of each kind of quotes, the other kind's quote and a
// backslash in single quotes being text; -1 if the text has none.
func TestClosingQuote(t *testing.T) {
	for _, c := range []struct {
		text string
		q    byte
		want int
	}{
		{`"`, '"', 0},
		{`abc"`, '"', 3},
		{`a\"b"`, '"', 4},
		{`a\\"b"`, '"', 3},
		{`a'b"`, '"', 3},
		{`abc`, '"', -1},
		{`a\"`, '"', -1},
		{`'`, '\'', 0},
		{`it''s' x`, '\'', 5},
		{`'''`, '\'', 2},
		{`a\'b'`, '\'', 2},
		{`a"b'`, '\'', 3},
		{`a''`, '\'', -1},
		{`abc`, '\'', -1},
	} {
		if got := closingQuote([]byte(c.text), c.q); got != c.want {
			t.Errorf("closingQuote(%#q, %q) = %d; want %d", c.text, c.q, got, c.want)
		}
	}
}

// restDayLast is testdata/words/warn-stale-partial.yaml with the current
// hash of the title and, last, the outcome rest-day as a block mapping,
// ready for a from: to be added: stamped, it holds 21 hashes more.
func restDayLast(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/words/warn-stale-partial.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const last = "  rest-day: {title: Tómate un día de descanso}\n"
	if !bytes.HasSuffix(data, []byte(last)) {
		t.Fatalf("warn-stale-partial.yaml no longer ends with %q", last)
	}
	// The title's hash is current, so that what is stamped last stays last.
	return "from: {title: " + Hash("Run or rest?") + "}\n" + string(data[:len(data)-len(last)]) +
		"  rest-day:\n    title: Tómate un día de descanso\n"
}

// TestStampWordsLastLine: a file whose last line has no line end is
// stamped like the same file with one, and still has none: a stale hash on
// that line is written over in place.
func TestStampWordsLastLine(t *testing.T) {
	orig := wordsOriginal(t)
	head := restDayLast(t) + "    from:\n      title: abcdef01"
	want := "\n    from:\n      title: " + Hash("Take a rest day")
	for _, end := range []string{"\n", ""} {
		out, n, err := StampWords(orig, "es", WordsFile("es"), []byte(head+end), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(out); !strings.HasSuffix(got, want+end) {
			t.Errorf("line end %q: stamped file ends:\n%s\nwant it to end %q", end, got[len(got)-min(len(got), 120):], want+end)
		}
		if n != 21 {
			t.Errorf("line end %q: StampWords wrote %d hashes; want 21 (every string but the title)", end, n)
		}
	}
}

// TestStampWordsEmptyValue: a hash, or a whole from:, left empty is filled
// in with a space after its colon, and the stamped file loads, the empty
// value last in the file or not, with a line end or not.
func TestStampWordsEmptyValue(t *testing.T) {
	orig := wordsOriginal(t)
	head := restDayLast(t)
	h := Hash("Take a rest day")
	for _, c := range []struct{ name, in, want string }{
		{"hash", "    from:\n      title:", "    from:\n      title: " + h},
		{"hash and a space", "    from:\n      title: ", "    from:\n      title: " + h + " "},
		{"from", "    from:", "    from: {title: " + h + "}"},
	} {
		for _, end := range []string{"\n", ""} {
			out, n, err := StampWords(orig, "es", WordsFile("es"), []byte(head+c.in+end), Options{})
			if err != nil {
				t.Fatalf("%s, line end %q: %v", c.name, end, err)
			}
			if got := string(out); !strings.HasSuffix(got, "\n"+c.want+end) {
				t.Errorf("%s, line end %q: stamped file ends:\n%s\nwant it to end %q", c.name, end, got[len(got)-min(len(got), 120):], c.want+end)
			}
			if n != 21 {
				t.Errorf("%s, line end %q: StampWords wrote %d hashes; want 21 (every string but the title)", c.name, end, n)
			}
			if tr, err := ParseTranslation(orig, "es", WordsFile("es"), out, Options{}); tr == nil || err != nil || len(tr.Warnings) > 0 {
				t.Errorf("%s, line end %q: stamped file loads with %v", c.name, end, err)
			}
		}
	}
}
