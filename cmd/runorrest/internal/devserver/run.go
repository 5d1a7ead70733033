package devserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"syscall"
	"time"

	"runorrest/cmd/runorrest/internal/pipeline"
	"runorrest/cmd/runorrest/internal/source"
)

// DefaultAddr is where serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:8080"

// Config is what Run needs.
type Config struct {
	Src   string    // the guide's folder, holding content/, templates/ and static/
	Addr  string    // host:port to listen on; "" means DefaultAddr
	Log   io.Writer // the terminal; nil means os.Stderr
	Build BuildFunc // nil means SiteBuild(Options)
	// Options are the options of the build: the same as runorrest build's.
	Options pipeline.Options
	// Ready, if set, is called with the site's URL once the server listens
	// and the watcher runs.
	Ready func(url string)
}

// Run builds the guide, serves it and rebuilds it on every change until
// ctx is done, then shuts the server down cleanly.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Log == nil {
		cfg.Log = os.Stderr
	}
	if cfg.Build == nil {
		cfg.Build = SiteBuild(cfg.Options)
	}
	// Read through source.FS, as check and build do: no path or symlink
	// in the guide reaches outside its folder, no named pipe stalls a
	// rebuild.
	src, err := source.Open(cfg.Src)
	if err != nil {
		return err
	}
	defer src.Close()
	logf := func(format string, args ...any) { fmt.Fprintf(cfg.Log, format+"\n", args...) }
	s := New(src, cfg.Build, cfg.Log)
	w, err := newWatcher(cfg.Src, logf)
	if err != nil {
		return err
	}
	// Listen before the first build, so that a port in use is said at
	// once, with the flag that picks another.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		w.fw.Close()
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("cannot listen on %s: the port is in use, perhaps by another serve (pick another with -addr 127.0.0.1:PORT)", cfg.Addr)
		}
		return fmt.Errorf("cannot listen on %s: %w (give another with -addr HOST:PORT)", cfg.Addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	if !isLoopback(ln.Addr()) {
		logf("WARNING: %s is not a loopback address: anyone who can reach this machine can read the preview. Use -addr 127.0.0.1:PORT to keep it to yourself.", ln.Addr())
	}
	s.Rebuild()
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	srv := &http.Server{
		Handler:           checkHost(s, ln.Addr()),
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end with ctx, so open event streams do not hold up Shutdown.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	watched := make(chan error, 1)
	go func() { watched <- w.run(ctx, s.Rebuild) }()

	logf("serving %s at %s (Ctrl-C stops)", cfg.Src, url)
	if cfg.Ready != nil {
		cfg.Ready(url)
	}
	var runErr error
	select {
	case <-ctx.Done():
	case err := <-served:
		runErr = err
	}
	stop()
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && runErr == nil {
		runErr = err
	}
	if err := <-watched; err != nil && runErr == nil {
		runErr = err
	}
	if errors.Is(runErr, http.ErrServerClosed) {
		runErr = nil
	}
	logf("stopped")
	return runErr
}
