package lambda

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// deadlineContext is context.WithDeadline for a parent that can never be
// cancelled (its Done is nil, as for the default context.Background()). It
// arms its timer only when something waits on Done: most handlers never
// do, and creating and stopping a runtime timer on every invocation costs
// about 15 µs of the guest's time under WebAssembly. Deadline, Done, Err,
// Value and context.Cause behave as for context.WithDeadline; Err reports
// DeadlineExceeded as soon as the deadline has passed.
type deadlineContext struct {
	context.Context // the parent, for Value
	deadline        time.Time

	// The trace ID handleInvoke would otherwise add with
	// context.WithValue(ctx, traceIDKey, traceID); set before the handler
	// runs, read-only after.
	traceID string
	traced  bool

	mu    sync.Mutex
	done  chan struct{} // created by the first Done
	err   error
	timer *time.Timer
}

// withDeadline returns a context that ends at deadline, like
// context.WithDeadline, cheaply when parent cannot be cancelled.
func withDeadline(parent context.Context, deadline time.Time) (context.Context, context.CancelFunc) {
	if parent.Done() != nil {
		return context.WithDeadline(parent, deadline)
	}
	c := &deadlineContext{Context: parent, deadline: deadline}
	return c, func() { c.end(context.Canceled) }
}

// traceIDKey is aws-lambda-go's context key for the X-Ray trace ID (a plain
// string, so handlers written for AWS that look it up find it).
const traceIDKey = "x-amzn-trace-id"

func (c *deadlineContext) Value(key any) any {
	if c.traced {
		if k, ok := key.(string); ok && k == traceIDKey {
			return c.traceID
		}
	}
	return c.Context.Value(key)
}

func (c *deadlineContext) Deadline() (time.Time, bool) { return c.deadline, true }

func (c *deadlineContext) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		c.done = make(chan struct{})
		switch d := time.Until(c.deadline); {
		case c.err != nil:
			close(c.done)
		case d <= 0:
			c.err = context.DeadlineExceeded
			close(c.done)
		default:
			c.timer = time.AfterFunc(d, func() { c.end(context.DeadlineExceeded) })
		}
	}
	return c.done
}

func (c *deadlineContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil && !time.Now().Before(c.deadline) {
		c.endLocked(context.DeadlineExceeded)
	}
	return c.err
}

// end records why the context ended (first reason wins), closes Done if it
// exists and stops the timer.
func (c *deadlineContext) end(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.endLocked(err)
}

func (c *deadlineContext) endLocked(err error) {
	if c.err != nil {
		return
	}
	c.err = err
	if c.done != nil {
		close(c.done)
	}
	if c.timer != nil {
		c.timer.Stop()
	}
}

// String matches context.WithDeadline's form.
func (c *deadlineContext) String() string {
	return fmt.Sprintf("%v.WithDeadline(%s [%s])", c.Context, c.deadline, time.Until(c.deadline))
}
