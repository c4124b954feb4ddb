package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox/lambda"
)

// playgroundLogsKept is how many of a playground's newest log lines are
// kept for the page and the live stream. Stack.Logs() is not used: it stops
// growing at its cap, and a playground lives long enough to reach it.
const playgroundLogsKept = 200

// logRing keeps a playground's newest log lines and wakes the pages
// watching them. It is the stack's lambda.LogSink.
type logRing struct {
	mu    sync.Mutex
	lines []string      // ring of the newest lines
	total uint64        // lines ever written; line i is lines[i%cap]
	wake  chan struct{} // closed and replaced on every write
}

func newLogRing() *logRing {
	return &logRing{lines: make([]string, playgroundLogsKept), wake: make(chan struct{})}
}

// WriteLog implements lambda.LogSink.
func (r *logRing) WriteLog(e lambda.LogEvent) {
	r.mu.Lock()
	r.lines[r.total%playgroundLogsKept] = e.Message
	r.total++
	close(r.wake)
	r.wake = make(chan struct{})
	r.mu.Unlock()
}

// since returns the kept lines numbered from after on (older ones are
// gone), the number of the next line, and a channel closed on the next write.
func (r *logRing) since(after uint64) (lines []string, next uint64, wake <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	first := uint64(0)
	if r.total > playgroundLogsKept {
		first = r.total - playgroundLogsKept
	}
	first = max(first, after)
	for i := first; i < r.total; i++ {
		lines = append(lines, r.lines[i%playgroundLogsKept])
	}
	return lines, r.total, r.wake
}

// teeLogs sends every line to both sinks.
type teeLogs []lambda.LogSink

func (t teeLogs) WriteLog(e lambda.LogEvent) {
	for _, s := range t {
		s.WriteLog(e)
	}
}

// playgroundLogs streams the learner's playground log lines as server-sent
// events: "log" with the line as a JSON string and its number as the event
// id (so a reconnecting EventSource resumes), then "replaced" when a newer
// deploy replaces the playground. ?after=N skips the lines the page showed.
func (s *Server) playgroundLogs(c echo.Context) error {
	l, ex, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	key := lessonKey(l)
	if s.pg == nil || !playable(ex) {
		return fmt.Errorf("playground logs of %s: %w", key, lessons.ErrNotFound)
	}
	learner := learnerID(c)
	pl := s.pg.of(learner)
	if pl == nil || pl.key != key {
		return fmt.Errorf("playground logs of %s: no playground: %w", key, lessons.ErrNotFound)
	}
	after, _ := strconv.ParseUint(c.QueryParam("after"), 10, 64)
	if id, err := strconv.ParseUint(c.Request().Header.Get("Last-Event-ID"), 10, 64); err == nil {
		after = id + 1
	}
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/event-stream; charset=utf-8")
	w.Header().Set(echo.HeaderCacheControl, "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	w.Flush()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		lines, next, wake := pl.logs.since(after)
		for i, line := range lines {
			b, _ := json.Marshal(line)
			fmt.Fprintf(w, "id: %d\nevent: log\ndata: %s\n\n", next-uint64(len(lines))+uint64(i), b)
		}
		if len(lines) > 0 {
			w.Flush()
		}
		after = next
		if s.pg.of(learner) != pl {
			fmt.Fprint(w, "event: replaced\ndata: {}\n\n")
			w.Flush()
			return nil
		}
		select {
		case <-wake:
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			w.Flush()
		case <-pl.gone:
		case <-s.stopping:
			return nil
		case <-c.Request().Context().Done():
			return nil
		}
	}
}
