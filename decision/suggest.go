package decision

import (
	"fmt"
	"unicode/utf8"
)

// suggest returns the candidate closest to word by edit distance, or "" if
// none is close enough to be a likely typo.
func suggest(word string, candidates []string) string {
	if len(word) > 64 {
		return ""
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		if len(c) > 64 {
			continue
		}
		d := editDistance(word, c)
		limit := max(1, min(utf8.RuneCountInString(word), utf8.RuneCountInString(c))/3)
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// didYouMean returns a hint "did you mean `x`?" for the candidate closest
// to word, or fallback if none is close.
func didYouMean(word string, candidates []string, fallback string) string {
	if s := suggest(word, candidates); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return fallback
}

// editDistance is the number of one-character insertions, deletions,
// substitutions and swaps of neighbours that turn a into b (the optimal
// string alignment distance), in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := [3][]int{make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		pp, prev, cur := rows[0], rows[1], rows[2]
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		rows[0], rows[1], rows[2] = prev, cur, pp
	}
	return rows[1][len(rb)]
}
