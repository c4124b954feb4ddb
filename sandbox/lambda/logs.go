package lambda

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxLogBytes caps the function output kept per invocation.
const DefaultMaxLogBytes = 1 << 20

// LogEvent is one line of a function's log stream, as CloudWatch Logs would
// store it.
type LogEvent struct {
	Function  string
	LogGroup  string
	LogStream string
	// RequestID is empty for output written during init, before the first
	// invocation has an ID.
	RequestID string
	Time      time.Time
	Message   string // one line, without its newline
}

// LogSink receives log lines as they are written, so the web app can stream
// them live. Calls come from the environment's goroutine; implementations
// must be quick and safe for concurrent use.
type LogSink interface {
	WriteLog(LogEvent)
}

// LogSinkFunc adapts a function to LogSink.
type LogSinkFunc func(LogEvent)

// WriteLog calls f.
func (f LogSinkFunc) WriteLog(e LogEvent) { f(e) }

// logCapture collects one invocation's log stream (function output framed
// by the platform lines) and forwards complete lines to a sink. Function
// output beyond limit bytes is dropped and counted; platform lines are
// always kept.
type logCapture struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	partial   []byte
	limit     int
	written   int
	dropped   int64
	requestID string
	base      LogEvent // Function, LogGroup, LogStream
	sink      LogSink
	now       func() time.Time
}

func newLogCapture(limit int, base LogEvent, sink LogSink, now func() time.Time) *logCapture {
	return &logCapture{limit: limit, base: base, sink: sink, now: now}
}

// Write takes function output (stdout and stderr alike, as in Lambda).
func (c *logCapture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(p)
	room := c.limit - c.written
	if room <= 0 {
		c.dropped += int64(n)
		return n, nil
	}
	if len(p) > room {
		c.dropped += int64(len(p) - room)
		p = p[:room]
	}
	c.written += len(p)
	c.buf.Write(p)
	if c.sink != nil {
		c.partial = append(c.partial, p...)
		for {
			i := bytes.IndexByte(c.partial, '\n')
			if i < 0 {
				break
			}
			c.emit(string(c.partial[:i]))
			c.partial = c.partial[i+1:]
		}
		if len(c.partial) == 0 {
			c.partial = nil
		}
	}
	return n, nil
}

// platformLine appends a line written by the platform (START, END, REPORT,
// timeouts), ending any unterminated function output first.
func (c *logCapture) platformLine(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.endPartialLocked()
	line := fmt.Sprintf(format, args...)
	c.buf.WriteString(line)
	c.buf.WriteByte('\n')
	if c.sink != nil {
		c.emit(line)
	}
}

// endFunctionOutput closes the function's output for this invocation,
// noting how much was dropped.
func (c *logCapture) endFunctionOutput() {
	c.mu.Lock()
	dropped, limit := c.dropped, c.limit
	c.mu.Unlock()
	if dropped > 0 {
		c.platformLine("[learnsls] log output truncated: this invocation wrote more than %d bytes; %d further bytes were dropped", limit, dropped)
	}
}

func (c *logCapture) endPartialLocked() {
	if c.buf.Len() > 0 && c.buf.Bytes()[c.buf.Len()-1] != '\n' {
		c.buf.WriteByte('\n')
	}
	if len(c.partial) > 0 && c.sink != nil {
		c.emit(string(c.partial))
	}
	c.partial = nil
}

func (c *logCapture) emit(line string) {
	e := c.base
	e.RequestID = c.requestID
	e.Time = c.now()
	e.Message = line
	c.sink.WriteLog(e)
}

func (c *logCapture) setRequestID(id string) {
	c.mu.Lock()
	c.requestID = id
	c.mu.Unlock()
}

func (c *logCapture) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// switchWriter routes an environment's stdout/stderr to the capture of the
// invocation it is serving.
type switchWriter struct {
	mu sync.Mutex
	w  *logCapture
	// oom records that the Go runtime printed its out-of-memory fatal
	// error, which turns an exit into Runtime.OutOfMemory.
	oom atomic.Bool
}

func (s *switchWriter) set(w *logCapture) {
	s.mu.Lock()
	s.w = w
	s.mu.Unlock()
}

func (s *switchWriter) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("runtime: out of memory")) {
		s.oom.Store(true)
	}
	s.mu.Lock()
	w := s.w
	s.mu.Unlock()
	if w == nil {
		return len(p), nil
	}
	return w.Write(p)
}

// reportLine formats Lambda's REPORT line: tab-separated, Init Duration last
// and only on a cold start.
func reportLine(requestID string, d, billed time.Duration, memMB, usedMB int, init time.Duration, cold bool) string {
	s := fmt.Sprintf("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB\t",
		requestID, ms(d), billed.Milliseconds(), memMB, usedMB)
	if cold {
		s += fmt.Sprintf("Init Duration: %.2f ms\t", ms(init))
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// billedDuration rounds up to the next millisecond, as Lambda bills.
func billedDuration(d time.Duration) time.Duration {
	return (d + time.Millisecond - 1).Truncate(time.Millisecond)
}
