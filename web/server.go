// Package web serves the learnsls course in a browser: server-rendered pages
// (templ components in web/views) on echo, progress in package db, the
// course from package lessons, and embedded static files.
//
// Layout: all routes are registered in routes.go; each handler has its own
// file named for what it serves (lesson_show.go, lesson_progress.go, …);
// every handler error goes to one error handler (errors.go) that picks the
// page and status. Pages work without JavaScript.
package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/db"
	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
	"github.com/learnsls/learnsls/web/views"
)

// Store is what the pages need from the database. *db.DB implements it.
type Store interface {
	Ping(ctx context.Context) error
	MarkDone(ctx context.Context, learnerID int64, lessonKey string) error
	MarkNotDone(ctx context.Context, learnerID int64, lessonKey string) error
	Progress(ctx context.Context, learnerID int64) (map[string]time.Time, error)
	IsDone(ctx context.Context, learnerID int64, lessonKey string) (bool, error)
	RecordVisit(ctx context.Context, learnerID int64, lessonKey string) error
	LastVisited(ctx context.Context, learnerID int64) (db.Visit, error)
}

var _ Store = (*db.DB)(nil)

// StatusLine is one line of the banner shown on every page while it is
// non-empty (for example: warming the Go build cache, 3 of 7 packages).
type StatusLine = views.StatusLine

// Options configure a Server. Course and Store are required.
type Options struct {
	Course *lessons.Course
	Store  Store

	// Logger receives structured request and error logs; nil discards them.
	Logger *slog.Logger
	// SiteName is shown in the header and titles; default "learnsls".
	SiteName string
	// Version is shown in the footer and by /healthz.
	Version string
	// Status, when set, is called on every page render; the lines it
	// returns are shown as a banner. It must be fast and safe for
	// concurrent use.
	Status func() []StatusLine
	// Identify returns the learner a request acts for. Default: the local
	// learner (db.LocalLearnerID); accounts and workshops replace it.
	Identify func(c echo.Context) (int64, error)
	// BodyLimit caps request bodies, in echo's notation ("1M"); default "1M".
	BodyLimit string
	// SecureCookies marks cookies Secure; set it when served over HTTPS.
	SecureCookies bool

	// Grader grades exercises; nil serves the course without exercise
	// pages. Store must then also implement ExerciseStore.
	Grader *grade.Grader
	// GradeWorkers is how many gradings run at once (default: one per
	// CPU); others wait in line and see their position.
	GradeWorkers int
	// Playgrounds caps the learners' live playground deployments (default
	// 8; each can hold ~100 MB of compiled code); the least recently used
	// is closed to make room. Playgrounds need
	// a Grader made by grade.NewGrader (its sandbox options are reused).
	Playgrounds int
}

// Server is the web application. Create it with New.
type Server struct {
	opts   Options
	log    *slog.Logger
	echo   *echo.Echo
	static *staticFiles
	ex     *exercises   // nil without a grader
	pg     *playgrounds // nil without a stack-deploying grader

	// stopping is closed when Serve begins shutting down, so long-lived
	// streams (playground logs) end instead of holding the shutdown up.
	stopping chan struct{}
	stopOnce sync.Once
}

// New builds the server and its routes. It does not listen; see Serve.
func New(opts Options) (*Server, error) {
	if opts.Course == nil {
		return nil, errors.New("web: Options.Course is required")
	}
	if opts.Store == nil {
		return nil, errors.New("web: Options.Store is required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.SiteName == "" {
		opts.SiteName = "learnsls"
	}
	if opts.BodyLimit == "" {
		opts.BodyLimit = "1M"
	}
	if opts.Identify == nil {
		opts.Identify = func(echo.Context) (int64, error) { return db.LocalLearnerID, nil }
	}
	st, err := loadStatic()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.Logger.SetOutput(io.Discard) // everything is logged through slog
	s := &Server{opts: opts, log: opts.Logger, echo: e, static: st, stopping: make(chan struct{})}
	if opts.Grader != nil {
		es, ok := opts.Store.(ExerciseStore)
		if !ok {
			return nil, errors.New("web: a Grader needs a Store that also implements ExerciseStore")
		}
		workers := opts.GradeWorkers
		if workers <= 0 {
			// A grading is mostly CPU (compiling and interpreting Go): one
			// per core keeps the machine busy without starving page views.
			workers = runtime.NumCPU()
		}
		// Up to 10 runs at once, then one every 3 seconds per learner.
		s.ex = &exercises{grader: opts.Grader, store: es, queue: newGradeQueue(workers, 3*time.Second, 10)}
		if sb, ok := opts.Grader.Sandbox.(*grade.StackSandbox); ok {
			s.pg = newPlaygrounds(sb.Options, opts.Playgrounds)
		}
	}
	e.HTTPErrorHandler = s.handleError
	s.routes()
	return s, nil
}

// Handler returns the server as an http.Handler, for tests and embedding.
func (s *Server) Handler() http.Handler { return s.echo }

// Serve answers HTTP requests on ln until ctx is cancelled, then shuts down
// gracefully: it stops accepting, lets requests in flight finish (up to 10
// seconds), closes every playground and returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "addr", ln.Addr().String())
	s.stopOnce.Do(func() { close(s.stopping) })
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		s.ClosePlaygrounds(shutdownCtx)
		return fmt.Errorf("web: shutdown: %w", err)
	}
	if err := s.ClosePlaygrounds(shutdownCtx); err != nil {
		return fmt.Errorf("web: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web: serve: %w", err)
	}
	return nil
}

// page fills the parts of a page every layout needs.
func (s *Server) page(c echo.Context, title string) views.Page {
	p := views.Page{
		Title:    title,
		SiteName: s.opts.SiteName,
		Assets:   s.static.assets,
		Version:  s.opts.Version,
	}
	if s.opts.Status != nil {
		p.Status = s.opts.Status()
	}
	return p
}
