package decision

// key is one key the loader accepts in a mapping of the tree file.
type key struct {
	name     string
	required bool
}

// The keys of each kind of mapping in the tree file, in the order the spec
// lists them. These lists are the loader's only source of key names; a test
// checks them against tree.schema.json.
var (
	topKeys = []key{
		{"title", true}, {"start", true}, {"verdicts", true},
		{"shared", false}, {"questions", true}, {"outcomes", true}, {"scenarios", true}, {"rules", false},
		{"reading-age", false}, {"reviewed", false}, {"reviewer", false}, {"review-interval", false},
		{"lang", false}, {"lang-name", false},
	}
	verdictKeys      = []key{{"label", true}, {"tone", false}}
	questionKeys     = []key{{"text", true}, {"help", false}, {"scale", false}, {"options", true}}
	scaleKeys        = []key{{"min", true}, {"max", true}, {"low", false}, {"high", false}}
	optionKeys       = []key{{"id", false}, {"label", true}, {"values", false}, {"next", true}, {"why", false}}
	stepKeys         = []key{{"ask", true}, {"next", true}, {"why", false}}
	sharedKeys       = questionKeys
	sharedOptionKeys = []key{{"id", true}, {"label", true}, {"values", false}, {"why", false}}
	outcomeKeys      = []key{{"title", true}, {"verdict", true}, {"page", true}}
	scenarioKeys     = []key{{"name", true}, {"answers", true}, {"expect", true}}
	ruleKeys         = []key{{"name", true}, {"when", false}, {"only", false}, {"never", false},
		{"asks", false}, {"to", false}, {"before", false}}
)

// schemaKeys maps the name of each definition in tree.schema.json ("" for
// the top level) to the keys the loader accepts there.
var schemaKeys = map[string][]key{
	"":              topKeys,
	"verdict":       verdictKeys,
	"question":      questionKeys,
	"scale":         scaleKeys,
	"option":        optionKeys,
	"step":          stepKeys,
	"shared":        sharedKeys,
	"shared-option": sharedOptionKeys,
	"outcome":       outcomeKeys,
	"scenario":      scenarioKeys,
	"rule":          ruleKeys,
}

// tones are the allowed values of a verdict's tone.
var tones = []string{"go", "careful", "caution", "stop"}

// defaultTone is the tone of a verdict that names none.
const defaultTone = "caution"
