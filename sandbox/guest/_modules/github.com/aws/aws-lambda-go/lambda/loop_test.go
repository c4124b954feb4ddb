package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// fakeRuntime feeds invocations to runLoop and records the answers.
type fakeRuntime struct {
	queue     [][2]string // meta, payload
	responses []string
	failures  []string
}

func (f *fakeRuntime) next() ([]byte, []byte, bool) {
	if len(f.queue) == 0 {
		return nil, nil, false
	}
	inv := f.queue[0]
	f.queue = f.queue[1:]
	return []byte(inv[0]), []byte(inv[1]), true
}

func (f *fakeRuntime) respond(b []byte) { f.responses = append(f.responses, string(b)) }
func (f *fakeRuntime) fail(b []byte)    { f.failures = append(f.failures, string(b)) }

func TestRunLoop(t *testing.T) {
	deadline := time.Now().Add(time.Minute).UnixMilli()
	meta := `{"requestId":"req-1","deadlineMs":` + itoa(deadline) + `,"invokedFunctionArn":"arn:aws:lambda:us-east-1:1:function:f","traceId":"Root=1"}`
	type in struct{ N int }
	h := newHandler(func(ctx context.Context, v in) (string, error) {
		lc, ok := lambdacontext.FromContext(ctx)
		dl, hasDL := ctx.Deadline()
		switch {
		case !ok || lc.AwsRequestID != "req-1" || lc.InvokedFunctionArn != "arn:aws:lambda:us-east-1:1:function:f":
			return "", errors.New("bad lambda context")
		case !hasDL || dl.UnixMilli() != deadline:
			return "", errors.New("bad deadline")
		case v.N < 0:
			panic("negative")
		case v.N == 0:
			return "", errors.New("zero")
		}
		return strings.Repeat("x", v.N), nil
	})
	rt := &fakeRuntime{queue: [][2]string{{meta, `{"N":2}`}, {meta, `{"N":0}`}, {meta, `not json`}, {meta, `{"N":-1}`}, {meta, `{"N":1}`}}}
	err := runLoop(rt, h)
	if !errors.Is(err, errPanicked) {
		t.Errorf("runLoop = %v, want the panic to end the loop", err)
	}
	if len(rt.responses) != 1 || rt.responses[0] != `"xx"` {
		t.Errorf("responses = %q", rt.responses)
	}
	if len(rt.failures) != 3 || rt.failures[0] != `{"errorMessage":"zero","errorType":"errorString"}` ||
		!strings.Contains(rt.failures[1], `"errorType":"SyntaxError"`) || !strings.Contains(rt.failures[2], `"errorMessage":"negative","errorType":"string","stackTrace":[`) {
		t.Errorf("failures = %q", rt.failures)
	}
	if len(rt.queue) != 1 {
		t.Errorf("%d invocations left, want the one after the panic", len(rt.queue))
	}
}

// TestRunLoopDirectShapes covers the handler shapes called without
// reflection: each still gets the context it asks for, its error, and
// "null" as its result; and a bad client context fails the invocation
// even for a handler that takes no context, as in aws-lambda-go.
func TestRunLoopDirectShapes(t *testing.T) {
	deadline := time.Now().Add(time.Minute).UnixMilli()
	meta := `{"requestId":"req-9","deadlineMs":` + itoa(deadline) + `,"traceId":"Root=9"}`
	badCC := `{"requestId":"req-9","deadlineMs":` + itoa(deadline) + `,"clientContext":"{not json"}`
	checkCtx := func(ctx context.Context) error {
		lc, ok := lambdacontext.FromContext(ctx)
		dl, hasDL := ctx.Deadline()
		if !ok || lc.AwsRequestID != "req-9" || !hasDL || dl.UnixMilli() != deadline || ctx.Value(traceIDKey) != "Root=9" {
			return errors.New("bad context")
		}
		return nil
	}
	calls := 0
	tests := []struct {
		name    string
		handler any
		meta    string
		want    string // response, or failure when it starts with {"errorMessage"
	}{
		{"func()", func() { calls++ }, meta, "null"},
		{"func() error", func() error { calls++; return errors.New("plain") }, meta, `{"errorMessage":"plain","errorType":"errorString"}`},
		{"func(ctx)", func(ctx context.Context) {
			calls++
			if checkCtx(ctx) != nil {
				panic("bad context")
			}
		}, meta, "null"},
		{"func(ctx) error", func(ctx context.Context) error { calls++; return checkCtx(ctx) }, meta, "null"},
		{"func() with a bad client context", func() { calls++ }, badCC, `{"errorMessage":"failed to unmarshal client context json: `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls = 0
			rt := &fakeRuntime{queue: [][2]string{{tt.meta, `{}`}}}
			if err := runLoop(rt, newHandler(tt.handler)); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(append(rt.responses, rt.failures...), "|")
			if !strings.HasPrefix(got, tt.want) || (!strings.HasPrefix(tt.want, "{") && got != tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if wantCalls := map[bool]int{true: 0, false: 1}[tt.meta == badCC]; calls != wantCalls {
				t.Errorf("handler called %d times, want %d", calls, wantCalls)
			}
		})
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// FuzzParseMeta checks the fast metadata scanner against encoding/json:
// whenever it accepts input, it must agree with encoding/json.
func FuzzParseMeta(f *testing.F) {
	f.Add(`{"requestId":"c6af9ac6-7b61-11e6-9a41-93e812345678","deadlineMs":1700000003000,"invokedFunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:hello","traceId":"Root=1-5bef4de7;Sampled=1"}`)
	f.Add(`{"requestId":"a\"b","deadlineMs":-5}`)
	f.Add(` { "clientContext" : "{\"custom\":{}}" , "tenantId":"t" } `)
	f.Add(`{}`)
	f.Add(`{"deadlineMs":99999999999999999999}`)
	f.Add(`{"requestId":"x",}`)
	f.Add(`{"deadlineMs":999999999999999999}`)
	f.Add(`{"deadlineMs":-9223372036854775808}`)
	f.Add(`{"deadlineMs":9223372036854775808}`)
	f.Add(`{"deadlineMs":-0}`)
	f.Add(`{"deadlineMs":-}`)
	f.Add(`{"deadlineMs":012}`)
	f.Add(`{"deadlineMs":1.5}`)
	f.Fuzz(func(t *testing.T, s string) {
		var fast, slow invocationMeta
		if !fastParseMeta([]byte(s), &fast) {
			return
		}
		if err := json.Unmarshal([]byte(s), &slow); err != nil {
			t.Fatalf("fast parser accepted %q, encoding/json says %v", s, err)
		}
		if fast != slow {
			t.Fatalf("%q: fast %+v, json %+v", s, fast, slow)
		}
	})
}

// FuzzRawString checks the eight-bytes-at-a-time string scanner against a
// byte-at-a-time one.
func FuzzRawString(f *testing.F) {
	f.Add(`"c6af9ac6-7b61-11e6-9a41-93e812345678",`)
	f.Add(`"0123456789abcdef\"x"`)
	f.Add(`"01234567\\89"`)
	f.Add("\"0123456789\x1f\"")
	f.Add("\"0123456789abcd\u00e9\"")
	f.Add(`"01234567"`)
	f.Add(`"0123456"`)
	f.Add(`"012345678901234`)
	f.Add(`""`)
	f.Fuzz(func(t *testing.T, s string) {
		got, gotNext, gotOK := rawString(s, 0)
		want, wantNext, wantOK := "", 0, false
		if len(s) > 0 && s[0] == '"' {
			for j := 1; j < len(s); j++ {
				if c := s[j]; c == '"' {
					want, wantNext, wantOK = s[1:j], j+1, true
					break
				} else if c == '\\' || c < 0x20 || c >= 0x80 {
					break
				}
			}
		}
		if got != want || gotNext != wantNext || gotOK != wantOK {
			t.Fatalf("rawString(%q) = %q, %d, %v; want %q, %d, %v", s, got, gotNext, gotOK, want, wantNext, wantOK)
		}
	})
}
