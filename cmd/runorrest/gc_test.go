package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcSettings reads the GC percent and memory limit without changing them.
func gcSettings() (int, int64) {
	pct := debug.SetGCPercent(100)
	debug.SetGCPercent(pct)
	return pct, debug.SetMemoryLimit(-1)
}

// tuneGC turns collection off up to gcFreeBytes, and the first collection
// restores the usual policy: GOGC=100 and no limit.
func TestTuneGC(t *testing.T) {
	pct, limit := gcSettings()
	t.Cleanup(func() { debug.SetGCPercent(pct); debug.SetMemoryLimit(limit) })
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	tuneGC()
	if p, l := gcSettings(); p != -1 || l != gcFreeBytes {
		t.Fatalf("after tuneGC: GOGC %d, limit %d; want -1 (off) and %d", p, l, gcFreeBytes)
	}
	for deadline := time.Now().Add(time.Minute); ; {
		runtime.GC()
		if p, l := gcSettings(); p == 100 && l == math.MaxInt64 {
			break
		}
		if time.Now().After(deadline) {
			p, l := gcSettings()
			t.Fatalf("after collections: GOGC %d, limit %d; want 100 and no limit", p, l)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A GOGC or GOMEMLIMIT of the environment wins.
func TestTuneGCKeepsTheEnvironment(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		pct, limit := gcSettings()
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		t.Setenv(env, "200")
		tuneGC()
		if p, l := gcSettings(); p != pct || l != limit {
			t.Errorf("with %s set: GOGC %d, limit %d; want them untouched (%d, %d)", env, p, l, pct, limit)
		}
	}
}
