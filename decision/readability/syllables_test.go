package readability

import "testing"

// syllableTable holds words with their syllable counts as a dictionary
// divides them (Merriam-Webster's hyphenation of the spoken word). It mixes
// the guide's own words with the cases each rule of Syllables is for.
var syllableTable = []struct {
	word string
	want int
}{
	// one syllable
	{"a", 1}, {"the", 1}, {"legs", 1}, {"sore", 1}, {"run", 1}, {"rest", 1},
	{"make", 1}, {"makes", 1}, {"moved", 1}, {"jumped", 1}, {"free", 1},
	{"day", 1}, {"days", 1}, {"you", 1}, {"your", 1}, {"hurts", 1}, {"spot", 1},
	{"sleep", 1}, {"shin", 1}, {"weeks", 1}, {"pain", 1}, {"stiff", 1},
	{"walk", 1}, {"bike", 1}, {"ice", 1}, {"tired", 1}, {"whole", 1}, {"once", 1},
	{"fibres", 2}, {"strength", 1}, {"through", 1}, {"known", 1}, {"eased", 1},
	// two syllables
	{"easy", 2}, {"running", 2}, {"table", 2}, {"muscle", 2}, {"muscles", 2},
	{"cycled", 2}, {"boxes", 2}, {"races", 2}, {"wanted", 2}, {"started", 2},
	{"tissue", 2}, {"movement", 2}, {"tiredness", 2}, {"lately", 2}, {"safely", 2},
	{"careful", 2}, {"painless", 2}, {"session", 2}, {"impact", 2}, {"injured", 2},
	{"after", 2}, {"heavy", 2}, {"body", 2}, {"often", 2}, {"cycling", 2},
	{"stretching", 2}, {"massage", 2}, {"rolling", 2}, {"swimming", 2}, {"walking", 2},
	{"better", 2}, {"coach", 1}, {"cross-train", 2}, {"doesn't", 2}, {"don't", 1},
	{"mileage", 2}, {"nation", 2}, {"question", 2}, {"social", 2}, {"someone", 2},
	{"people", 2}, {"every", 2}, {"worse", 1}, {"loosen", 2}, {"loosens", 2},
	{"heart", 1}, {"rating", 2}, {"language", 2}, {"quiet", 2}, {"science", 2},
	{"trainer", 2}, {"weekly", 2}, {"ankle", 2}, {"simple", 2}, {"hilly", 2},
	// three or more
	{"recovery", 4}, {"inflammation", 4}, {"microscopic", 4}, {"connective", 3},
	{"elliptical", 4}, {"professional", 4}, {"overtraining", 4}, {"usual", 3},
	{"radio", 3}, {"various", 3}, {"period", 3}, {"idea", 3}, {"area", 3},
	{"cryotherapy", 5}, {"myofascial", 4}, {"circulation", 4}, {"adhesions", 3},
	{"experienced", 4}, {"beginners", 3}, {"intensity", 4}, {"delayed", 2},
	{"onset", 2}, {"soreness", 2}, {"injury", 3}, {"injuries", 3}, {"nutrients", 3},
	{"oxygen", 3}, {"enzymes", 2}, {"metabolic", 4}, {"therapist", 3},
	{"medical", 3}, {"advice", 2}, {"usually", 4}, {"actually", 4}, {"probably", 3},
	{"decision", 3}, {"already", 3}, {"aqua", 2}, {"yoga", 2}, {"completely", 3},
	{"especially", 4}, {"different", 3}, {"important", 3}, {"information", 4},
	{"readability", 5}, {"syllable", 3}, {"video", 3}, {"cautious", 2},
	{"delicious", 3}, {"religion", 3}, {"tendons", 2}, {"resources", 3},
	{"workout", 2}, {"anything", 3}, {"everyone", 3}, {"yourself", 2},
	{"1", 1}, {"10", 1}, {"1-2", 2}, {"fatigue", 2}, {"centre", 2}, {"isn't", 2}, {"couldn’t", 2}, {"embryo", 3}, {"safety", 2}, {"everyday", 3}, {"sidelines", 2},
}

func TestSyllables(t *testing.T) {
	wrong := 0
	for _, c := range syllableTable {
		if got := Syllables(c.word); got != c.want {
			t.Errorf("Syllables(%q) = %d; want %d", c.word, got, c.want)
			wrong++
		}
	}
	if len(syllableTable) < 150 {
		t.Errorf("table has %d words; want at least 150", len(syllableTable))
	}
}
