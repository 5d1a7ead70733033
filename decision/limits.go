package decision

// Limits on the guide's input, far above what a real guide needs. Every
// stage of a build is linear up to them; past them, the input is refused
// with its position. The package doc lists them under # Limits.
const (
	// MaxPageBytes is the largest Markdown page accepted.
	MaxPageBytes = 256 << 10
	// MaxTextBytes is the longest one-line text of the tree: the title,
	// a question's text, a label, a why, a scale's low and high, an
	// outcome's title, a scenario's name.
	MaxTextBytes = 500
	// MaxHelpBytes is the longest help of a question.
	MaxHelpBytes = 8 << 10
	// MaxOptions is the most options one question may have.
	MaxOptions = 100
	// MaxNesting is the deepest nesting of lists and quotes in Markdown.
	MaxNesting = 32
	// MaxBrackets is the most link brackets ([) in one block of Markdown
	// lines without a blank line between them.
	MaxBrackets = 256
	// MaxMapNodes and MaxMapEdges are the most questions and outcomes,
	// and arrows between them, the map page draws; a larger tree gets a
	// map page that says so instead of the drawing.
	MaxMapNodes = 300
	MaxMapEdges = 1000
	// MaxSiteBytes is the largest total size of a built site.
	MaxSiteBytes = 64 << 20
	// MaxHostFiles and MaxHostFileBytes are the most files static/root
	// may hold for the host (CNAME, _headers, ...) and the largest one.
	MaxHostFiles     = 100
	MaxHostFileBytes = 1 << 20
)
