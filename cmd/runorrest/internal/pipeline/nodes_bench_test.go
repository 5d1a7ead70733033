//go:build unix

package pipeline

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"runorrest/cmd/runorrest/internal/testkit"
)

// BenchmarkBuildNodes runs the whole build, every stage in memory, of
// generated guides (testkit.Generated) from 50 to 20,000 nodes: the time
// and the memory allocated per node stay about the same as the guide
// grows. cpu-ms/op is the processor time of all threads per build, the
// steadier figure on a busy machine. 20,000 nodes is about the largest the site-size limit
// (decision.MaxSiteBytes, 64 MiB of files) accepts for these pages; a
// guide of 50,000 nodes would be about 160 MB and is refused. Run:
//
//	go test -run '^$' -bench BuildNodes -benchmem ./cmd/runorrest/internal/pipeline
func BenchmarkBuildNodes(b *testing.B) {
	for _, n := range []int{50, 500, 5000, 20000} {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			fsys := testkit.Generated(b, n)
			b.ReportAllocs()
			var pages int
			cpu := cpuTime()
			for b.Loop() {
				r, err := Build(context.Background(), fsys, Options{})
				if err != nil {
					b.Fatal(err)
				}
				pages = len(r.Pages)
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/node")
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// cpuTime is the processor time this process has used, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
