package cli

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/web"
)

// warmer fills the Go build cache in the background at start, so a
// learner's first exercise compiles in a fraction of a second, and shows
// its progress as the status banner of every page (web.Options.Status).
type warmer struct {
	mu    sync.Mutex
	lines []web.StatusLine
}

// warmText is the banner while the cache is being filled.
const warmText = "Preparing the Go compiler for exercises (only slow the first time)"

// Status is the banner to show now; empty once warming is done.
func (w *warmer) Status() []web.StatusLine {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]web.StatusLine(nil), w.lines...)
}

func (w *warmer) set(lines ...web.StatusLine) {
	w.mu.Lock()
	w.lines = lines
	w.mu.Unlock()
}

// run warms with warm (build.Builder.Warm) and keeps the banner current.
// Reading lessons works throughout; only exercises wait for it.
func (w *warmer) run(ctx context.Context, warm func(context.Context, func(done, total int, msg string)) error, log *slog.Logger) {
	start := time.Now()
	w.set(web.StatusLine{Text: warmText})
	err := warm(ctx, func(done, total int, msg string) {
		w.set(web.StatusLine{Text: warmText, Done: done, Total: total})
	})
	switch {
	case err == nil:
		w.set()
		log.Info("go build cache ready", "took", time.Since(start).Round(time.Millisecond))
	case ctx.Err() != nil:
		w.set() // shutting down
	case errors.Is(err, build.ErrNoToolchain):
		w.set(web.StatusLine{Problem: true, Text: "Exercises need Go 1.24 or newer, and no go command was found. " +
			"Install Go from go.dev/dl, then restart learnsls. Reading lessons works without it."})
		log.Warn("no Go toolchain: exercises cannot be built", "error", err.Error())
	default:
		w.set(web.StatusLine{Problem: true, Text: "Preparing the Go compiler failed, so exercises may be slow or fail. " +
			"The learnsls log says why; learnsls doctor checks the set-up."})
		log.Error("warming the go build cache failed", "error", err.Error())
	}
}
