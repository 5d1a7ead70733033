package devserver

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runorrest/cmd/runorrest/internal/pipeline"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"runorrest/cmd/runorrest/internal/browsertest"
)

// oneWordEdit returns a function that rewrites a word of an article of the
// guide in src, a different word each call.
func oneWordEdit(b *testing.B, src string) func() {
	b.Helper()
	p := filepath.Join(src, "content", "recovery.md")
	orig, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	return func() {
		n++
		data := strings.Replace(string(orig), " the ", " edit"+strconv.Itoa(n)+" ", 1)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild is the build part of an edit: load, check and render
// the whole default guide in memory after a one-word edit of an article.
func BenchmarkRebuild(b *testing.B) {
	src := copyGuide(b)
	s := New(os.DirFS(src), SiteBuild(pipeline.Options{}), io.Discard)
	s.Rebuild()
	edit := oneWordEdit(b, src)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		edit()
		s.Rebuild()
	}
	reportCPU(b, cpu)
	if st, _ := s.State(); st.Problems != "" {
		b.Fatal(st.Problems)
	}
}

// BenchmarkEditToEvent measures, with serve running, the time from writing
// a one-word edit of an article to the moment an open page's event stream
// receives the new version: file watching, the debounce, the rebuild and
// the push. The page's own update comes on top (see the README).
func BenchmarkEditToEvent(b *testing.B) {
	src := copyGuide(b)
	url, _ := startRun(b, src, SiteBuild(pipeline.Options{}))
	res, err := http.Get(url + "_runorrest/events")
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	lines := bufio.NewScanner(res.Body)
	next := func() string {
		for lines.Scan() {
			if l := lines.Text(); strings.HasPrefix(l, "data: ") {
				return l
			}
		}
		b.Fatal("the event stream ended")
		return ""
	}
	next() // the state at connection
	edit := oneWordEdit(b, src)
	var total time.Duration
	cpu := cpuTime()
	for b.Loop() {
		start := time.Now()
		edit()
		if ev := next(); !strings.Contains(ev, `"problems":""`) {
			b.Fatalf("unexpected event %s", ev)
		}
		total += time.Since(start)
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/edit")
}

// cpuTime is the processor time this process has used, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the processor time per operation since start: on a
// shared, busy machine it says more than the wall-clock time.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkBrowserEditToReload measures what an editor sees: from writing a
// one-word edit of an article to the open page in Chromium showing the new
// word (swapped in place: the page does not reload).
func BenchmarkBrowserEditToReload(b *testing.B) {
	src := copyGuide(b)
	br := browsertest.Start(b)
	url, _ := startRun(b, src, SiteBuild(pipeline.Options{}))
	if err := chromedp.Do(br, chromedp.Navigate(url+"recovery.html")); err != nil {
		b.Fatal(err)
	}
	edit := oneWordEdit(b, src)
	var total time.Duration
	n := 0
	for b.Loop() {
		n++
		word := "edit" + strconv.Itoa(n)
		start := time.Now()
		edit()
		for {
			ok, err := chromedp.Run(br, chromedp.Evaluate[bool](`document.body.innerText.includes("`+word+` ")`))
			if err == nil && ok {
				break
			}
			if time.Since(start) > 20*time.Second {
				b.Fatalf("the page never showed %s", word)
			}
		}
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/edit")
}
