package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/learnsls/learnsls/db"
	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/web"
)

// serveConfig is everything `learnsls serve` is told by its flags.
type serveConfig struct {
	Addr       string // listen address, "127.0.0.1:8080"
	DataDir    string // resolved and created
	ContentDir string // "" for the embedded course
	DBURL      string // "" for the SQLite file in DataDir
	Logger     *slog.Logger
	// Warm fills the Go build cache in the background (DataDir/build),
	// with progress shown on every page.
	Warm bool
}

// app is a course server that is listening but not yet serving.
type app struct {
	server *web.Server
	store  *db.DB
	ln     net.Listener
	url    string // what to open in a browser
	// background is closed when the background work (the build-cache
	// warm-up) has stopped; serve waits for it before closing, so no go
	// process outlives the command.
	background chan struct{}
}

// startApp loads the course, opens the database and listens. It is the
// part of serve measured by BenchmarkStartToFirstRequest.
func startApp(ctx context.Context, cfg serveConfig) (*app, error) {
	course, err := serveCourse(cfg.ContentDir)
	if err != nil {
		return nil, err
	}
	store, err := db.OpenURL(ctx, cfg.DBURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	opts := web.Options{
		Course:  course,
		Store:   store,
		Logger:  cfg.Logger,
		Version: readVersion().Version,
	}
	// Exercises are graded in this process; the build cache lives in
	// DataDir/build and compiled modules in DataDir/wazero.
	grader, err := grade.NewGrader(cfg.DataDir)
	if err != nil {
		store.Close()
		return nil, err
	}
	opts.Grader = grader
	var builder *build.Builder
	w := &warmer{}
	if cfg.Warm {
		builder = grader.Builder()
		opts.Status = w.Status
	}
	server, err := web.New(opts)
	if err != nil {
		store.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		store.Close()
		return nil, listenError(cfg.Addr, err)
	}
	background := make(chan struct{})
	if builder != nil {
		w.set(web.StatusLine{Text: warmText}) // before the first request can arrive
		go func() {
			defer close(background)
			w.run(ctx, builder.Warm, cfg.Logger)
		}()
	} else {
		close(background)
	}
	return &app{server: server, store: store, ln: ln, url: browserURL(ln.Addr()), background: background}, nil
}

// serve answers requests until ctx is cancelled, then closes everything.
func (a *app) serve(ctx context.Context) error {
	err := a.server.Serve(ctx, a.ln)
	<-a.background // ctx is done: the warm-up stops its go processes and returns
	if cerr := a.store.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close database: %w", cerr)
	}
	return err
}

// serveCourse loads the course to serve (embedded, or --content DIR) and
// turns validation problems into one error that lists them.
func serveCourse(dir string) (*lessons.Course, error) {
	where := "the built-in course"
	if dir != "" {
		where = "the course in " + dir
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("--content %s: no such folder; give the folder that holds the path folders (00-…, 01-…)", dir)
		}
	}
	course, err := loadCourse(dir) // check.go: the same course `learnsls check` validates
	var verr *lessons.ValidationError
	if errors.As(err, &verr) {
		check := "learnsls check"
		if dir != "" {
			check += " --content " + dir
		}
		return nil, fmt.Errorf("%s has %d problem(s); fix them and start again (%s lists them too):\n%s",
			where, len(verr.Problems), check, verr.Error())
	}
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", where, err)
	}
	return course, nil
}

// listenError explains the usual reasons a port cannot be opened.
func listenError(addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("cannot listen on %s: the port is already in use (is learnsls already running? "+
			"then open http://%s); or choose another port with --addr, e.g. --addr 127.0.0.1:8081", addr, addr)
	}
	if errors.Is(err, syscall.EACCES) {
		return fmt.Errorf("cannot listen on %s: permission denied; ports below 1024 need privileges, use e.g. --addr 127.0.0.1:8080", addr)
	}
	return fmt.Errorf("cannot listen on %s: %w; check --addr (host:port)", addr, err)
}

// browserURL is the address to open for a listener: a wildcard host
// (0.0.0.0, ::) is reached at 127.0.0.1 from the same machine.
func browserURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	ip := net.ParseIP(host)
	if host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// newLogger makes the process logger: text (default) or JSON lines on w.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("--log %q: use text or json", format)
}

// runServe is `learnsls serve`: the course in a browser.
func runServe(ctx context.Context, env Env) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port); 0.0.0.0:8080 to accept other machines")
	data := addDataFlag(fs)
	contentDir := fs.String("content", "", "serve the course in this directory instead of the built-in one")
	dbURL := fs.String("db", "", "database URL (default: SQLite file learnsls.db in the data directory; postgres:// is not supported yet)")
	logFormat := fs.String("log", "text", "log format on stderr: text or json")
	warm := fs.Bool("warm", true, "compile the Go packages exercises use in the background at start, so the first exercise builds fast")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: learnsls serve [--addr 127.0.0.1:8080] [--data DIR] [--content DIR] [--db URL]\n\nServe the course in a browser.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(env.Args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "learnsls serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	logger, err := newLogger(env.Stderr, *logFormat)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls serve: %v\n", err)
		return 2
	}
	dir, err := dataDir(*data)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls serve: %v\n", err)
		return 1
	}
	a, err := startApp(ctx, serveConfig{Addr: *addr, DataDir: dir, ContentDir: *contentDir, DBURL: *dbURL, Logger: logger, Warm: *warm})
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls serve: %v\n", err)
		return 1
	}
	logger.Info("serving", "addr", a.ln.Addr().String(), "data", dir, "database", a.store.Path(), "version", readVersion().String())
	open := a.url
	if strings.HasPrefix(*addr, "0.0.0.0:") || strings.HasPrefix(*addr, ":") || strings.HasPrefix(*addr, "[::]:") {
		open += " (listening on all interfaces)"
	}
	fmt.Fprintf(env.Stdout, "learnsls is serving the course at %s\nPress Ctrl+C to stop.\n", open)
	if err := a.serve(ctx); err != nil {
		fmt.Fprintf(env.Stderr, "learnsls serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(env.Stdout, "learnsls stopped.")
	return 0
}
