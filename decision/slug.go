package decision

import (
	"strings"
	"unicode"
)

// Slug turns text into lower-case words joined by single hyphens: "Run or
// rest?" gives "run-or-rest". Letters and digits of any script stay;
// everything else separates words. A title whose slug is empty has no
// words, which the tree file does not allow.
func Slug(text string) string {
	return slug(text, 0, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// ASCIISlug is Slug with only the ASCII letters and digits kept, and at
// most the first words words (0 for all): the shape of an id, and of the
// key an option gets in a link ("All over, on both legs" gives
// "all-over-on" with 3 words).
func ASCIISlug(text string, words int) string {
	return slug(text, words, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' })
}

func slug(text string, words int, keep func(rune) bool) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(text) {
		if !keep(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			if words--; words == 0 {
				break
			}
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}

// reservedIDs are the names of the site's own pages: no question or
// outcome may take one, since each becomes the page ID.html.
var reservedIDs = map[string]string{
	"index": "the home page",
	"about": "the about page",
	"map":   "the map of the guide",
	"404":   "the not-found page",
}

// Reserved tells whether a page name (an id, or the name of an article
// without .md) is the site's own, and whose: "the home page" for index.
func Reserved(name string) (owner string, ok bool) {
	owner, ok = reservedIDs[name]
	return owner, ok
}
