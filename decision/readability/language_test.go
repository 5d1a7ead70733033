package readability

import (
	"math"
	"testing"
)

// spanishTable holds Spanish words with their syllables as the Real
// Academia's rules divide them: diphthongs and triphthongs, hiatus of two
// strong vowels, accented weak vowels, silent u, y as a vowel, and the
// guide's own words.
var spanishTable = []struct {
	word string
	want int
}{
	// one syllable
	{"y", 1}, {"sí", 1}, {"no", 1}, {"que", 1}, {"muy", 1}, {"hoy", 1}, {"pie", 1},
	{"fue", 1}, {"guía", 2}, {"buey", 1}, {"sol", 1}, {"tres", 1}, {"dos", 1}, {"3", 1},
	// diphthongs: one syllable each
	{"piernas", 2}, {"ciudad", 2}, {"agua", 2}, {"cuerpo", 2}, {"suave", 2},
	{"bueno", 2}, {"siempre", 2}, {"nuevo", 2}, {"tiempo", 2}, {"huir", 1},
	{"cuidado", 3}, {"aire", 2}, {"auto", 2}, {"reina", 2}, {"estudiáis", 3},
	// hiatus: two strong vowels, or an accented weak one
	{"leer", 2}, {"poeta", 3}, {"caer", 2}, {"día", 2}, {"días", 2}, {"reír", 2},
	{"país", 2}, {"oído", 3}, {"aéreo", 4}, {"tenía", 3}, {"todavía", 4},
	{"correría", 4}, {"héroe", 3}, {"cree", 2}, {"ahí", 2},
	// silent u, u with diaeresis
	{"queso", 2}, {"quien", 1}, {"guerra", 2}, {"seguir", 2}, {"pingüino", 3},
	{"vergüenza", 3}, {"guapo", 2},
	// y as a consonant
	{"ya", 1}, {"mayo", 2}, {"ayuda", 3}, {"reyes", 2},
	// the guide's words
	{"correr", 2}, {"descansar", 3}, {"molestias", 3}, {"dolor", 2}, {"lesión", 2},
	{"ejercicio", 4}, {"impacto", 3}, {"espinilla", 4}, {"recuperación", 5},
	{"entrenamiento", 5}, {"cansado", 3}, {"energía", 4}, {"músculos", 3},
	{"bajo-impacto", 5}, {"agujetas", 4}, {"punto", 2}, {"Dónde", 2},
}

func TestSpanishSyllables(t *testing.T) {
	for _, c := range spanishTable {
		if got := SpanishSyllables(c.word); got != c.want {
			t.Errorf("SpanishSyllables(%q) = %d; want %d", c.word, got, c.want)
		}
	}
}

// TestFernandezHuerta checks the formula on counts worked by hand, and
// its grade on the points of Fernández Huerta's scale.
func TestFernandezHuerta(t *testing.T) {
	// "Hoy descansa. Mañana corre suave." 2 sentences, 5 words: hoy(1)
	// des-can-sa(3) ma-ña-na(3) co-rre(2) sua-ve(2) = 11 syllables.
	r := Spanish.Measure([]Block{{{Text: "Hoy descansa. Mañana corre suave.", Line: 1, Col: 1}}})
	want := Counts{Sentences: 2, Words: 5, Syllables: 11, LongWords: 2}
	if r.Counts != want {
		t.Fatalf("counts = %+v; want %+v", r.Counts, want)
	}
	ease := 206.84 - 60*11.0/5 - 1.02*5/2
	if got := r.Score(); math.Abs(got-ease) > 1e-9 {
		t.Errorf("Score = %v; want %v", got, ease)
	}
	if got, want := r.Grade(), max((130-ease)/10, 0); math.Abs(got-want) > 1e-9 {
		t.Errorf("Grade = %v; want %v", got, want)
	}
	for _, c := range []struct{ ease, grade float64 }{{100, 3}, {90, 4}, {80, 5}, {70, 6}, {60, 7}, {140, 0}} {
		// counts with this ease: 1 sentence of 1 word with s syllables has
		// ease 205.82 - 60 s; solve for words per sentence instead.
		wps := (206.84 - 60 - c.ease) / 1.02 // one syllable a word
		counts := Counts{Sentences: 1000, Words: int(math.Round(wps * 1000)), Syllables: int(math.Round(wps * 1000))}
		if counts.Words <= 0 {
			counts = Counts{Sentences: 1, Words: 1, Syllables: 1}
		}
		if got := Spanish.Grade(counts); math.Abs(got-c.grade) > 0.01 {
			t.Errorf("grade at ease %v = %v; want %v", c.ease, got, c.grade)
		}
	}
	if got := Spanish.Grade(Counts{}); got != 0 {
		t.Errorf("grade of no text = %v; want 0", got)
	}
}

// TestSpanishSentences ends sentences at Spanish marks and not after its
// abbreviations, and counts ¿ and ¡ as no words.
func TestSpanishSentences(t *testing.T) {
	got := Spanish.Sentences(Block{{Text: "¿Te duele? Camina, p. ej. diez minutos. ¡Para ya!", Line: 3, Col: 5}})
	want := []string{"¿Te duele?", "Camina, p. ej. diez minutos.", "¡Para ya!"}
	if len(got) != len(want) {
		t.Fatalf("Sentences = %v; want %q", got, want)
	}
	for i, s := range got {
		if s.Text != want[i] {
			t.Errorf("sentence %d = %q; want %q", i, s.Text, want[i])
		}
	}
	if got[1].Line != 3 || got[1].Col != 16 {
		t.Errorf("sentence 2 at %d:%d; want 3:16", got[1].Line, got[1].Col)
	}
}

func TestForLang(t *testing.T) {
	for tag, want := range map[string]*Language{"en": English, "en-gb": English, "es": Spanish, "es-mx": Spanish, "ES": Spanish, "de": nil, "pt-br": nil} {
		if got := ForLang(tag); got != want {
			t.Errorf("ForLang(%q) = %v; want %v", tag, got, want)
		}
	}
	// English stays what it was.
	r := Measure([]Block{{{Text: "Rest today.", Line: 1, Col: 1}}})
	if r.Grade() != r.Counts.Grade() || r.Lang != English {
		t.Errorf("Measure grade = %v, lang %v; want the Flesch-Kincaid grade %v in English", r.Grade(), r.Lang, r.Counts.Grade())
	}
}
