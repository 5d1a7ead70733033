package decision

// Limits on the guide's input, far above what a real guide needs. Every
// stage of a build is linear up to them; past them, the input is refused
// with its position. The package doc lists them under # Limits.
const (
	// MaxPageBytes is the largest Markdown page accepted.
	MaxPageBytes = 1 << 20
)
