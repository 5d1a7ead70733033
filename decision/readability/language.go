package readability

import (
	"strings"
	"unicode"
)

// Language is what measuring text needs to know of its language: how to
// count syllables, which full stops end abbreviations, and the formula
// that turns the counts into a school grade.
type Language struct {
	Tag     string // the BCP 47 tag: "en", "es"
	Formula string // the formula's name, for reports
	// Score is the formula's own figure (the Flesch-Kincaid grade itself;
	// the Fernández Huerta reading ease, 0 to 100 and more, higher is easier).
	Score func(Counts) float64
	// Grade turns the counts into a US school grade, the scale every
	// language's reading target is given in.
	Grade func(Counts) float64

	syllables     func(word string) int
	abbreviations []string
}

// English measures English with the Flesch-Kincaid grade level.
var English = &Language{
	Tag:           "en",
	Formula:       "Flesch-Kincaid grade",
	Score:         Counts.Grade,
	Grade:         Counts.Grade,
	syllables:     Syllables,
	abbreviations: abbreviations,
}

// Spanish measures Spanish with the Fernández Huerta reading ease
// (J. Fernández Huerta, "Medidas sencillas de lecturabilidad",
// Consigna 214, 1959), in its corrected form
//
//	ease = 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences)
//
// and [SpanishSyllables]. Fernández Huerta's scale puts 90-100 at the 4th
// school grade, 80-90 at the 5th, 70-80 at the 6th and 60-70 at the 7th
// and 8th; the grade is that scale made continuous, (130 − ease) / 10,
// never below 0: ease 70 is grade 6, the target of a reading age of 11.
var Spanish = &Language{
	Tag:     "es",
	Formula: "Fernández Huerta reading ease",
	Score:   fernandezHuerta,
	Grade: func(c Counts) float64 {
		if c.Words == 0 || c.Sentences == 0 {
			return 0
		}
		return max((130-fernandezHuerta(c))/10, 0)
	},
	syllables:     SpanishSyllables,
	abbreviations: []string{"p.", "ej.", "etc.", "dr.", "dra.", "sr.", "sra.", "núm.", "pág.", "aprox.", "vs."},
}

func fernandezHuerta(c Counts) float64 {
	if c.Words == 0 || c.Sentences == 0 {
		return 0
	}
	return 206.84 - 60*float64(c.Syllables)/float64(c.Words) - 1.02*float64(c.Words)/float64(c.Sentences)
}

// languages are the languages with a formula, by tag.
var languages = []*Language{English, Spanish}

// ForLang returns the language of a BCP 47 tag ("es", "es-mx" and "es"
// alike), or nil if no formula suits it: such text cannot be measured.
func ForLang(tag string) *Language {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	for _, l := range languages {
		if l.Tag == primary {
			return l
		}
	}
	return nil
}

// SpanishSyllables counts the syllables of a Spanish word by its vowel
// groups: a run of vowels is one syllable (a diphthong, "pier-na",
// "ciu-dad", "hoy"), except that two strong vowels side by side are two
// ("le-er", "po-e-ta"), and a weak vowel with a written accent is strong
// ("dí-a", "re-ír"). Strong vowels are a, e, o and the accented á, é, í,
// ó, ú; weak ones are i, u, ü and a y that ends a word or comes before a
// consonant. The u of que, qui, gue and gui is silent. A hyphenated word
// is the sum of its parts; a number counts as one syllable; every word has
// at least one.
func SpanishSyllables(word string) int {
	w := []rune(strings.ToLower(strings.Trim(word, "'’-")))
	if strings.ContainsRune(string(w), '-') {
		n := 0
		for part := range strings.SplitSeq(string(w), "-") {
			if part != "" {
				n += SpanishSyllables(part)
			}
		}
		return max(n, 1)
	}
	n := 0
	prev := rune(0) // the previous vowel of the current group, or 0
	for i, r := range w {
		if unicode.IsDigit(r) {
			return 1
		}
		v := spanishVowel(w, i)
		switch {
		case v == 0:
			prev = 0
		case prev == 0:
			n++
		case v == 's' && prev == 's':
			n++ // hiatus: two strong vowels
		}
		if v != 0 {
			prev = v
		}
	}
	return max(n, 1)
}

// spanishVowel says whether w[i] is a vowel: 's' for a strong one, 'w'
// for a weak one, 0 for a consonant or a silent u.
func spanishVowel(w []rune, i int) rune {
	switch w[i] {
	case 'a', 'e', 'o', 'á', 'é', 'í', 'ó', 'ú':
		return 's'
	case 'i', 'ü':
		return 'w'
	case 'u':
		if i > 0 && (w[i-1] == 'q' || w[i-1] == 'g') && i+1 < len(w) && (w[i+1] == 'e' || w[i+1] == 'i' || w[i+1] == 'é' || w[i+1] == 'í') {
			return 0 // que, qui, gue, gui: a silent u
		}
		return 'w'
	case 'y':
		// y is a vowel alone, at the end of a word or before a consonant
		// (hoy, muy, y); before a vowel it is a consonant (ya, mayo).
		if len(w) == 1 {
			return 's'
		}
		if i > 0 && (i+1 == len(w) || !isSpanishVowelRune(w[i+1])) {
			return 'w'
		}
	}
	return 0
}

func isSpanishVowelRune(r rune) bool { return strings.ContainsRune("aeiouáéíóúü", r) }
