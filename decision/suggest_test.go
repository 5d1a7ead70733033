package decision

import (
	"strings"
	"testing"
)

// TestSuggest: the closest candidate within a third of the shorter word's
// length (at least one edit), the first of equally close ones, and nothing
// for words too long to compare.
func TestSuggest(t *testing.T) {
	long := strings.Repeat("a", 64)
	for _, c := range []struct {
		word       string
		candidates []string
		want       string
	}{
		{"tried", []string{"soreness", "tired"}, "tired"},
		{"xb", []string{"ab"}, "ab"},                                   // one edit is always close enough
		{"ab", []string{"abcd"}, ""},                                   // two edits are not, for a word of two letters
		{"abcdef", []string{"abcxyf"}, "abcxyf"},                       // six letters allow two edits
		{"abcdef", []string{"abxyzf"}, ""},                             // but not three
		{"abcdef", []string{"abcxyf", "abcdxf"}, "abcdxf"},             // the closest wins
		{"abc", []string{"abc", "abd"}, "abc"},                         // an exact match is kept
		{"cat", []string{"bat", "cut", "cab"}, "bat"},                  // of equally close ones, the first
		{"éclair", []string{"xxxxxx", "eclair"}, "eclair"},             // an accent is one edit
		{"abcdef", []string{"abcdefghi"}, ""},                          // the shorter word sets the limit
		{long, []string{long[1:] + "b"}, long[1:] + "b"},               // 64 bytes are compared
		{long + "a", []string{long}, ""},                               // a longer word is not
		{long, []string{long + "a", long[2:] + "bb"}, long[2:] + "bb"}, // nor a longer candidate
		{"tried", nil, ""},
	} {
		if got := suggest(c.word, c.candidates); got != c.want {
			t.Errorf("suggest(%q, %q) = %q; want %q", c.word, c.candidates, got, c.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got, want := didYouMean("tried", []string{"tired"}, "no such id"), `did you mean "tired"?`; got != want {
		t.Errorf("didYouMean = %q; want %q", got, want)
	}
	if got, want := didYouMean("xyz", []string{"tired"}, "no such id"), "no such id"; got != want {
		t.Errorf("didYouMean = %q; want %q", got, want)
	}
}
