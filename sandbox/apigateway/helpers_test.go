package apigateway

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeLambda is an in-memory Invoker: each function ARN maps to a Go func.
type fakeLambda struct {
	mu    sync.Mutex
	fns   map[string]func(ctx context.Context, event []byte) ([]byte, string, error)
	calls map[string]int
	last  map[string][]byte
	src   map[string]string
}

func newFake() *fakeLambda {
	return &fakeLambda{fns: map[string]func(context.Context, []byte) ([]byte, string, error){}, calls: map[string]int{}, last: map[string][]byte{}, src: map[string]string{}}
}

func (f *fakeLambda) Invoke(ctx context.Context, arn string, payload []byte, sourceARN string) ([]byte, string, error) {
	f.mu.Lock()
	fn, ok := f.fns[arn]
	f.calls[arn]++
	f.last[arn] = payload
	f.src[arn] = sourceARN
	f.mu.Unlock()
	if !ok {
		return nil, "", fmt.Errorf("ResourceNotFoundException: Function not found: %s", arn)
	}
	return fn(ctx, payload)
}

func (f *fakeLambda) count(arn string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[arn]
}

// echo returns a proxy response whose body is the event it received.
func echo(status int) func(context.Context, []byte) ([]byte, string, error) {
	return func(_ context.Context, ev []byte) ([]byte, string, error) {
		b, _ := json.Marshal(map[string]any{"statusCode": status, "headers": map[string]string{"Content-Type": "application/json"}, "body": string(ev)})
		return b, "", nil
	}
}

func fixed(resp string) func(context.Context, []byte) ([]byte, string, error) {
	return func(context.Context, []byte) ([]byte, string, error) { return []byte(resp), "", nil }
}

// clock is a simulated clock the tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 12, 19, 3, 58, 390e6, time.UTC)} }
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

const (
	region  = "us-east-1"
	account = "123456789012"
	fnA     = "arn:aws:lambda:us-east-1:123456789012:function:a"
	fnB     = "arn:aws:lambda:us-east-1:123456789012:function:b"
	fnAuth  = "arn:aws:lambda:us-east-1:123456789012:function:auth"
)

func newGateway(t *testing.T, cfg Config, inv Invoker, clk *clock) *Gateway {
	t.Helper()
	if cfg.APIID == "" {
		cfg.APIID = "abcdef1234"
	}
	cfg.Region, cfg.AccountID = region, account
	if clk == nil {
		clk = newClock()
	}
	var n atomic.Int64
	g, err := New(cfg, Options{Invoker: inv, Now: clk.Now, NewRequestID: func() string {
		return fmt.Sprintf("c6af9ac6-7b61-11e6-9a41-93e8deadbe%02d", n.Add(1))
	}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func get(g *Gateway, method, path string, hdr ...string) *Response {
	h := http.Header{}
	for i := 0; i+1 < len(hdr); i += 2 {
		h.Add(hdr[i], hdr[i+1])
	}
	p, q, _ := cut(path, "?")
	return g.Serve(context.Background(), &Request{Method: method, Path: p, RawQuery: q, Header: h})
}

func cut(s, sep string) (string, string, bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}
