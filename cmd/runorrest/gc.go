package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// gcFreeBytes is how much memory the process may take before its first
// garbage collection.
const gcFreeBytes = 64 << 20

// tuneGC lets a small build finish without collecting garbage at all:
// building the default guide allocates about 30 MB in all, and collecting
// it took a fifth of the processor time. Collection is off until the Go
// heap and runtime reach gcFreeBytes (a soft memory limit); after that
// first collection, the usual policy (GOGC=100, no limit) takes over, so a
// large guide is collected as before and never held to the limit. A GOGC
// or GOMEMLIMIT set in the environment is left alone.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcFreeBytes)
	// The cleanup of an object dropped at once runs after the first
	// collection.
	runtime.AddCleanup(new(gcSentinel), func(int) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}, 0)
}

// gcSentinel is large enough to get an allocation of its own.
type gcSentinel [64]byte
