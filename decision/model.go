package decision

// Pos is a position in the tree file: 1-based line and column.
type Pos struct {
	Line, Col int
}

// Tree is a loaded decision tree. Slices keep the order of the file, so
// everything derived from a Tree is deterministic.
type Tree struct {
	File      string // the file's name as shown in messages: "content/tree.yaml"
	Title     string
	Start     string
	Verdicts  []*Verdict
	Questions []*Question // the steps of the walk, each a page
	Shared    []*Question // questions written once and asked by steps (see Question.Ask)
	Outcomes  []*Outcome
	Scenarios []*Scenario
	Rules     []*Rule

	// ReadingAge is the reading target: DefaultReadingAge unless the file
	// sets reading-age.
	ReadingAge int
	// Review is when the tree was last reviewed and by whom (reviewed,
	// reviewer); the zero Review if the file records none.
	Review Review
	// ReviewInterval is the time between reviews of the tree and of every
	// page: DefaultReviewInterval unless the file sets review-interval.
	ReviewInterval Interval
	// Texts is the wording of the questions, in file order, for the
	// reading-level check.
	Texts []Text

	// Warnings holds problems that do not stop a build, such as two options
	// of one question that lead to the same node, or a translated string
	// whose original changed since.
	Warnings Problems

	// Lang is the language of the tree's words, a lower-case BCP 47 tag:
	// tree.yaml's lang (DefaultLang if it sets none), or for a translation
	// the words file's.
	Lang string
	// LangName is the language's own name, for a language switch:
	// tree.yaml's lang-name (for en, "English" if it sets none; else the
	// tag), or the words file's name.
	LangName string
	// Dir is the folder the tree's Markdown pages are read from: "content"
	// for the original, "content/es" for its Spanish translation. An
	// outcome's Page is relative to it: see [Tree.PageFile].
	Dir string
	// Original is, for a translation, the tree it translates; nil for the
	// original.
	Original *Tree
	// UI is, for a translation, its ui: strings (the site's own words) in
	// file order; nil for the original, whose own strings the site keeps.
	UI []UIText

	titlePos Pos // the title's value

	g *graph // the nodes and edges, indexed; built by validation or on demand
}

// Verdict is one of the guide's small set of answers: run, cross-train, rest.
type Verdict struct {
	ID    string
	Label string
	Tone  string // "go", "careful", "caution" or "stop"
	Pos   Pos

	labelPos Pos
}

// Question asks the reader something and leads on by the chosen option.
//
// In Tree.Questions a question is a step of the walk with a page of its
// own. A step that asks a shared question has Ask set to the shared
// question's id, and its Text, Help, Scale and Options are the shared
// question's words, each option with this step's Next (and Why, if the step
// gives its own). In Tree.Shared a question is the definition of such
// words: its options have IDs and no Next.
type Question struct {
	ID      string
	Ask     string // for a step asking a shared question: that question's id
	Text    string
	Help    string // Markdown; may be empty
	Scale   *Scale // nil unless the question is a numeric scale
	Options []*Option
	Pos     Pos

	// MaxRemaining is the number of questions on the longest path from this
	// question to an outcome, this one included (1 for a question whose
	// options all lead to outcomes). Set by validation.
	MaxRemaining int

	words questionWords // where each of its words is written
}

// questionWords are the positions of a question's words in its file.
type questionWords struct {
	text, help Pos
}

// Scale makes a question numeric: the reader picks a whole number.
type Scale struct {
	Min, Max  int
	Low, High string // words for the two ends; may be empty

	lowPos, highPos Pos
}

// Option is one answer of a question.
type Option struct {
	ID     string // the answer's stable id; always set for a shared question, optional otherwise
	Label  string
	Next   string
	Why    string
	Lo, Hi int // the values covered, for an option of a scale question
	Pos    Pos

	labelPos, whyPos Pos
	ownWhy           bool // for a step's option: the why is the step's own, not the shared question's
}

// Outcome ends a walk with a verdict and a page of guidance.
type Outcome struct {
	ID      string
	Title   string
	Verdict string
	Page    string // relative to the tree's Dir, e.g. "outcomes/easy-run.md"
	Pos     Pos

	titlePos Pos
}

// Scenario is an editor's regression case: answers and the outcome they
// must reach.
type Scenario struct {
	Name    string
	Answers []Answer // in file order
	Expect  string
	Pos     Pos
}

// Answer is one answer of a scenario: an option's id (or, for an option
// without one, its label), or a number for a scale question.
type Answer struct {
	Question string // a step's id or a shared question's id
	Label    string // the option's id or label; set for an ordinary question
	Value    int    // set for a scale question
	IsValue  bool
	Pos      Pos
}

// Rule is a promise the guide makes about its paths, proved on every path
// from start by validation. Exactly one of Only, Never and Asks is set.
type Rule struct {
	Name string
	When []Condition // the paths the rule speaks of: those meeting any one; nil for all

	Only  []string // verdict ids: the paths end at an outcome of one of them
	Never []string // verdict ids: the paths end at an outcome of none of them

	Asks   []string // question ids: the paths answer one of them
	To     []string // for Asks: speak only of paths ending at one of these verdicts
	Before []string // for Asks: answer one of Asks before reaching any of these

	Pos Pos
}

// Condition is one item of a rule's when: a path meets it when it answers
// every question of its clauses with one of the clause's answers.
type Condition struct {
	Clauses []Clause // in file order
	Pos     Pos
}

// Clause names a question and the answers a path may give it: option
// labels, or for a scale question numbers and ranges ("3", "4-10").
type Clause struct {
	Question string
	Answers  []string
	Pos      Pos
}
