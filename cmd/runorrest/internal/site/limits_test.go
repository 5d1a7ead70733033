package site

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"runorrest/decision"
)

// A page over the size limit is refused before it is read whole; a page
// at the limit builds.
func TestPageSizeLimit(t *testing.T) {
	head := "---\ntitle: Rating soreness\ndescription: How to put a number on it.\n---\n\n## The scale\n\n"
	line := "Sore legs after a long run are normal; an easy day helps them recover.\n"
	at := head + strings.Repeat(line, (decision.MaxPageBytes-len(head))/len(line))
	at += strings.Repeat("x", decision.MaxPageBytes-len(at))
	for _, tt := range []struct {
		page string
		want string
	}{
		{at, ""},
		{at + "y", fmt.Sprintf("content/rating.md:1:1: the page has more than %d bytes, the size limit (split it into smaller pages)", decision.MaxPageBytes)},
	} {
		fsys := fixtureFS(t, "guide")
		fsys["content/rating.md"] = mapFile(tt.page)
		tree, err := decision.Load(fsys, decision.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = buildSite(fsys, tree, Options{})
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || err.Error() != tt.want || !errors.Is(err, decision.ErrTooLarge)) {
			t.Errorf("Build with a page of %d bytes = %v; want %q", len(tt.page), err, tt.want)
		}
	}
}

// optionKeys gives each option the smallest free number after its slug,
// as it always did, however many labels share one slug.
func TestOptionKeysMany(t *testing.T) {
	q := &decision.Question{}
	for _, l := range []string{"!!!", "Option", "?", "Option 2", "¿", "Yes", "yes", "Option-3", "…"} {
		q.Options = append(q.Options, &decision.Option{Label: l})
	}
	got := optionKeys(q)
	want := []string{"option", "option-2", "option-3", "option-2-2", "option-4", "yes", "yes-2", "option-3-2", "option-5"}
	if !slices.Equal(got, want) {
		t.Errorf("optionKeys = %q; want %q", got, want)
	}
}

// A fenced code block is code, whatever it holds: a page with one full of
// quote and list markers and brackets builds, and shows them as written.
func TestCodeBlockIsNotNesting(t *testing.T) {
	code := strings.Repeat(">", 100) + "\n" + strings.Repeat("- ", 50) + "x\n" + strings.Repeat("[", 300) + "\n"
	fsys := fixtureFS(t, "guide")
	fsys["content/rating.md"] = mapFile("---\ntitle: Rating soreness\ndescription: How to put a number on it.\n---\n\n## The scale\n\n```text\n" + code + "```\n")
	_, s := build(t, fsys, Options{})
	if got, want := string(s.Files["rating.html"]), "<pre><code class=\"language-text\">"+strings.ReplaceAll(code, ">", "&gt;")+"</code></pre>"; !strings.Contains(got, want) {
		t.Errorf("rating.html does not show the code block as written:\n%s", got)
	}
}

// optionKeys takes an option's id when it has one; a label's slug never
// takes the key of an id.
func TestOptionKeysIDs(t *testing.T) {
	q := &decision.Question{Options: []*decision.Option{
		{Label: "Both legs"}, {ID: "both-legs", Label: "Everywhere"}, {ID: "one", Label: "One spot"}, {Label: "One"},
	}}
	got := optionKeys(q)
	want := []string{"both-legs-2", "both-legs", "one", "one-2"}
	if !slices.Equal(got, want) {
		t.Errorf("optionKeys = %q; want %q", got, want)
	}
}
