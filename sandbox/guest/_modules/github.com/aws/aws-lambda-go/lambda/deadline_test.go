package lambda

import (
	"context"
	"errors"
	"testing"
	"time"
)

type ctxKey string

func TestDeadlineContext(t *testing.T) {
	parent := context.WithValue(context.Background(), ctxKey("k"), "v")
	tests := []struct {
		name     string
		deadline time.Duration
		cancel   bool
		wait     bool // wait on Done before checking Err
		wantErr  error
	}{
		{"running", time.Hour, false, false, nil},
		{"cancelled before Done", time.Hour, true, false, context.Canceled},
		{"cancelled after Done", time.Hour, true, true, context.Canceled},
		{"deadline passed, Err first", -time.Millisecond, false, false, context.DeadlineExceeded},
		{"deadline passed, Done first", -time.Millisecond, false, true, context.DeadlineExceeded},
		{"timer fires", 20 * time.Millisecond, false, true, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dl := time.Now().Add(tt.deadline)
			ctx, cancel := withDeadline(parent, dl)
			if _, ok := ctx.(*deadlineContext); !ok {
				t.Fatalf("withDeadline on a never-cancelled parent gave %T", ctx)
			}
			if got, ok := ctx.Deadline(); !ok || !got.Equal(dl) {
				t.Errorf("Deadline() = %v, %v; want %v, true", got, ok, dl)
			}
			if got := ctx.Value(ctxKey("k")); got != "v" {
				t.Errorf("Value = %v, want the parent's v", got)
			}
			if tt.cancel {
				cancel()
			}
			if tt.wait {
				select {
				case <-ctx.Done():
				case <-time.After(5 * time.Second):
					t.Fatal("Done not closed")
				}
			}
			if err := ctx.Err(); !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Errorf("Err() = %v, want %v", err, tt.wantErr)
			}
			if err := context.Cause(ctx); err != ctx.Err() {
				t.Errorf("Cause = %v, want Err %v", err, ctx.Err())
			}
			// Done is closed exactly when Err is set.
			select {
			case <-ctx.Done():
				if ctx.Err() == nil {
					t.Error("Done closed with nil Err")
				}
			default:
				if ctx.Err() != nil {
					t.Error("Err set but Done open")
				}
			}
			// A child context ends with its parent.
			child, stop := context.WithCancel(ctx)
			defer stop()
			cancel()
			select {
			case <-child.Done():
			case <-time.After(5 * time.Second):
				t.Fatal("child not cancelled with its parent")
			}
		})
	}
}

func TestDeadlineContextCancellableParent(t *testing.T) {
	parent, stop := context.WithCancel(context.Background())
	ctx, cancel := withDeadline(parent, time.Now().Add(time.Hour))
	defer cancel()
	if _, ok := ctx.(*deadlineContext); ok {
		t.Fatal("a cancellable parent must get context.WithDeadline")
	}
	stop()
	<-ctx.Done()
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("Err() = %v, want Canceled from the parent", ctx.Err())
	}
}

// TestInvocationContextValues checks what a handler finds in its context,
// whichever kind of deadline context the base context leads to.
func TestInvocationContextValues(t *testing.T) {
	cancellable, stop := context.WithCancel(context.Background())
	defer stop()
	tests := []struct {
		name    string
		options []Option
	}{
		{"default base", []Option{WithContextValue(ctxKey("k"), "v")}},
		{"base with its own trace value", []Option{WithContextValue(ctxKey("k"), "v"), WithContextValue("x-amzn-trace-id", "base")}},
		{"cancellable base", []Option{WithContext(cancellable), WithContextValue(ctxKey("k"), "v")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var trace, k, named any
			h := newHandler(func(ctx context.Context) error {
				trace, k = ctx.Value("x-amzn-trace-id"), ctx.Value(ctxKey("k"))
				named = ctx.Value(ctxKey("x-amzn-trace-id"))
				return nil
			}, tt.options...)
			meta := `{"requestId":"r","deadlineMs":` + itoa(time.Now().Add(time.Minute).UnixMilli()) + `,"traceId":"Root=1-abc"}`
			rt := &fakeRuntime{queue: [][2]string{{meta, `{}`}}}
			if err := runLoop(rt, h); err != nil || len(rt.responses) != 1 {
				t.Fatalf("runLoop: %v, responses %q, failures %q", err, rt.responses, rt.failures)
			}
			if trace != "Root=1-abc" || k != "v" || named != nil {
				t.Errorf("trace %v, k %v, named-type key %v; want Root=1-abc, v, nil", trace, k, named)
			}
		})
	}
}
