package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type errorRecordWithStack struct {
	ErrorMessage string `json:"errorMessage"`
	ErrorType    string `json:"errorType"`
	StackTrace   []struct {
		Path  string `json:"path"`
		Line  int    `json:"line"`
		Label string `json:"label"`
	} `json:"stackTrace"`
}

func TestFunctionFailures(t *testing.T) {
	code := buildDir(t, "guests/hello")
	cases := []struct {
		name        string
		event       string
		timeout     time.Duration
		wantType    string
		wantMessage string // regexp; REQ is replaced by the request ID
		wantStack   bool
		wantLog     string // regexp the logs must match
		nextIsCold  bool   // the environment was discarded
	}{
		{name: "returned error", event: `{"action":"error","arg":"boom"}`, wantType: "errorString", wantMessage: `^boom$`,
			wantLog: `\{"errorMessage":"boom","errorType":"errorString"\}`},
		{name: "custom error type", event: `{"action":"custom-error"}`, wantType: "MyError", wantMessage: `^custom failure 42$`},
		{name: "panic", event: `{"action":"panic","arg":"kaboom"}`, wantType: "string", wantMessage: `^kaboom$`, wantStack: true,
			wantLog: `calling the handler function resulted in a panic, the process should exit`, nextIsCold: true},
		{name: "os.Exit", event: `{"action":"exit"}`, wantType: "Runtime.ExitError",
			wantMessage: `^RequestId: REQ Error: Runtime exited with error: exit status 3$`,
			wantLog:     `RequestId: REQ Error: Runtime exited with error: exit status 3\nRuntime.ExitError\nEND RequestId: REQ`, nextIsCold: true},
		{name: "timeout", event: `{"action":"sleep","arg":"10s"}`, timeout: time.Second, wantType: "Sandbox.Timedout",
			wantMessage: `^RequestId: REQ Error: Task timed out after 1.00 seconds$`,
			wantLog:     `REPORT RequestId: REQ\tDuration: 10\d\d\.\d\d ms\t.*\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z REQ Task timed out after 1.00 seconds\n$`, nextIsCold: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newTestService(t, Options{})
			createFunction(t, s, FunctionConfig{Name: "f", Timeout: c.timeout}, code)
			invoke(t, s, "f", `{"action":"greet"}`) // warm up
			res := invoke(t, s, "f", c.event)
			var rec errorRecordWithStack
			if err := json.Unmarshal(res.Payload, &rec); err != nil {
				t.Fatalf("payload %s: %v", res.Payload, err)
			}
			re := func(p string) *regexp.Regexp {
				return regexp.MustCompile(strings.ReplaceAll(p, "REQ", regexp.QuoteMeta(res.RequestID)))
			}
			if res.FunctionError != "Unhandled" || res.ErrorType != c.wantType || rec.ErrorType != c.wantType || !re(c.wantMessage).MatchString(rec.ErrorMessage) {
				t.Errorf("got functionError=%q errorType=%q payload %s; want errorType %q message %q", res.FunctionError, res.ErrorType, res.Payload, c.wantType, c.wantMessage)
			}
			if (len(rec.StackTrace) > 0) != c.wantStack {
				t.Errorf("stackTrace = %+v, want present=%v", rec.StackTrace, c.wantStack)
			}
			if c.wantStack && !strings.Contains(string(res.Payload), `"label":"handle"`) {
				t.Errorf("stack trace lacks the handler frame: %s", res.Payload)
			}
			if c.wantLog != "" && !re(c.wantLog).MatchString(res.Logs) {
				t.Errorf("logs do not match %q:\n%s", c.wantLog, res.Logs)
			}
			next := invoke(t, s, "f", `{"action":"greet","name":"again"}`)
			if next.FunctionError != "" || next.ColdStart != c.nextIsCold {
				t.Errorf("next invocation: cold=%v (want %v) error=%s", next.ColdStart, c.nextIsCold, next.Payload)
			}
		})
	}
}

func TestEnvironmentVariables(t *testing.T) {
	t.Setenv("LEARNSLS_HOST_SECRET", "must-not-leak")
	s := newTestService(t, Options{Region: "eu-west-1"})
	createFunction(t, s, FunctionConfig{Name: "envfn", MemoryMB: 256, Environment: map[string]string{"TABLE_NAME": "orders"}}, buildDir(t, "guests/hello"))
	res := invoke(t, s, "envfn", `{"action":"env"}`)
	var r struct {
		Env      map[string]string `json:"env"`
		Function string            `json:"function"`
		Memory   int               `json:"memory"`
	}
	if err := json.Unmarshal(res.Payload, &r); err != nil {
		t.Fatalf("%s: %v", res.Payload, err)
	}
	want := map[string]string{
		"AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME": "envfn",
		"AWS_LAMBDA_FUNCTION_VERSION": "$LATEST", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
		"AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/envfn", "AWS_LAMBDA_LOG_STREAM_NAME": res.LogStream,
		"_HANDLER": "bootstrap", "TZ": ":UTC", "LAMBDA_TASK_ROOT": "/var/task", "TABLE_NAME": "orders",
	}
	for k, v := range want {
		if r.Env[k] != v {
			t.Errorf("%s = %q, want %q", k, r.Env[k], v)
		}
	}
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"} {
		if r.Env[k] == "" {
			t.Errorf("%s is not set", k)
		}
	}
	if _, leaked := r.Env["LEARNSLS_HOST_SECRET"]; leaked {
		t.Error("a host environment variable reached the function")
	}
	if home, ok := r.Env["HOME"]; ok {
		t.Errorf("HOME=%q leaked from the host", home)
	}
	if !regexp.MustCompile(`^\d{4}/\d\d/\d\d/\[\$LATEST\][0-9a-f]{32}$`).MatchString(res.LogStream) {
		t.Errorf("log stream name %q", res.LogStream)
	}
	if r.Function != "envfn" || r.Memory != 256 {
		t.Errorf("lambdacontext FunctionName=%q MemoryLimitInMB=%d", r.Function, r.Memory)
	}
}

func TestReservedEnvironmentVariableRejected(t *testing.T) {
	s := newTestService(t, Options{})
	_, err := s.CreateFunction(context.Background(), FunctionConfig{Name: "bad", Environment: map[string]string{"AWS_REGION": "x"}}, buildDir(t, "guests/hello"))
	var ipe *InvalidParameterError
	if !errors.As(err, &ipe) || !strings.Contains(err.Error(), "Reserved keys used in this request: AWS_REGION") {
		t.Fatalf("err = %v", err)
	}
}

func TestConfigValidation(t *testing.T) {
	cases := []struct {
		cfg  FunctionConfig
		want string
	}{
		{FunctionConfig{Name: "ok"}, ""},
		{FunctionConfig{Name: "has space"}, "functionName"},
		{FunctionConfig{Name: "m", MemoryMB: 64}, "memorySize"},
		{FunctionConfig{Name: "m", MemoryMB: 10241}, "memorySize"},
		{FunctionConfig{Name: "t", Timeout: 901 * time.Second}, "timeout"},
		{FunctionConfig{Name: "e", EphemeralStorageMB: 100}, "ephemeralStorage"},
	}
	for _, c := range cases {
		err := c.cfg.Normalize()
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%+v: err = %v, want mention of %q", c.cfg, err, c.want)
		}
	}
	ok := FunctionConfig{Name: "ok"}
	_ = ok.Normalize()
	if ok.MemoryMB != 128 || ok.Timeout != 3*time.Second || ok.EphemeralStorageMB != 512 || ok.Handler != "bootstrap" || ok.LoggingLogGroup != "/aws/lambda/ok" {
		t.Errorf("defaults = %+v", ok)
	}
}

func TestTmpPersistsInEnvironmentOnly(t *testing.T) {
	s := newTestService(t, Options{})
	createFunction(t, s, FunctionConfig{Name: "tmp"}, buildDir(t, "guests/hello"))
	if res := invoke(t, s, "tmp", `{"action":"write-tmp","name":"a.txt","arg":"kept"}`); res.FunctionError != "" {
		t.Fatalf("write: %s", res.Payload)
	}
	res := invoke(t, s, "tmp", `{"action":"read-tmp","name":"a.txt"}`)
	if !strings.Contains(string(res.Payload), `"text":"kept"`) {
		t.Errorf("warm read = %s", res.Payload)
	}
	res = invoke(t, s, "tmp", `{"action":"list-tmp"}`)
	if !strings.Contains(string(res.Payload), `"text":"a.txt"`) {
		t.Errorf("list = %s", res.Payload)
	}
	invoke(t, s, "tmp", `{"action":"exit"}`) // discard the environment
	res = invoke(t, s, "tmp", `{"action":"read-tmp","name":"a.txt"}`)
	if !res.ColdStart || res.ErrorType != "PathError" || !strings.Contains(string(res.Payload), "No such file") {
		t.Errorf("fresh environment read = %s (cold %v), want a PathError", res.Payload, res.ColdStart)
	}
}

func TestSimulatedClock(t *testing.T) {
	clock := &fakeClock{t: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	s := newTestService(t, Options{Clock: clock, IdleTimeout: 5 * time.Minute})
	createFunction(t, s, FunctionConfig{Name: "clk", Timeout: 7 * time.Second}, buildDir(t, "guests/hello"))
	res := invoke(t, s, "clk", `{"action":"greet"}`)
	var r struct {
		Now      int64 `json:"nowUnix"`
		Deadline int64 `json:"deadlineInMs"`
	}
	if err := json.Unmarshal(res.Payload, &r); err != nil {
		t.Fatal(err)
	}
	if r.Now != clock.Now().Unix() || r.Deadline != clock.Now().Add(7*time.Second).UnixMilli() {
		t.Errorf("guest now=%d deadline=%d; want %d and %d", r.Now, r.Deadline, clock.Now().Unix(), clock.Now().Add(7*time.Second).UnixMilli())
	}
	clock.Advance(4 * time.Minute)
	if res := invoke(t, s, "clk", `{}`); res.ColdStart {
		t.Error("environment reclaimed before the idle timeout")
	}
	clock.Advance(6 * time.Minute)
	s.ReapIdle()
	if n := s.WarmEnvironments("clk"); n != 0 {
		t.Errorf("%d warm environments after the idle timeout", n)
	}
	if res := invoke(t, s, "clk", `{}`); !res.ColdStart {
		t.Error("invocation after the idle timeout was warm")
	}
	st, _ := s.Stats("clk")
	if st.Invocations != 3 || st.ColdStarts != 2 {
		t.Errorf("stats = %+v", st)
	}
}

func TestConcurrencyAndThrottling(t *testing.T) {
	code := buildDir(t, "guests/hello")
	one, two := 1, 2
	cases := []struct {
		name          string
		opts          Options
		reserved      *int
		parallel      int
		wantThrottled int
		wantReason    string
		wantWarm      int
	}{
		{name: "spread over environments", opts: Options{ConcurrencyLimit: 10}, parallel: 3, wantWarm: 3},
		{name: "reserved concurrency", opts: Options{ConcurrencyLimit: 10}, reserved: &one, parallel: 3, wantThrottled: 2, wantReason: "ReservedFunctionConcurrentInvocationLimitExceeded", wantWarm: 1},
		{name: "account limit", opts: Options{ConcurrencyLimit: 2}, parallel: 3, wantThrottled: 1, wantReason: "ConcurrentInvocationLimitExceeded", wantWarm: 2},
		{name: "reserved beyond account pool", opts: Options{ConcurrencyLimit: 1}, reserved: &two, parallel: 2, wantWarm: 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTestService(t, c.opts)
			createFunction(t, s, FunctionConfig{Name: "c", ReservedConcurrency: c.reserved}, code)
			var wg sync.WaitGroup
			errs := make(chan error, c.parallel)
			for i := 0; i < c.parallel; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					res, err := s.Invoke(context.Background(), "c", []byte(`{"action":"sleep","arg":"400ms"}`))
					if err == nil && res.FunctionError != "" {
						err = fmt.Errorf("function error %s", res.Payload)
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			throttled := 0
			for err := range errs {
				var tm *TooManyRequestsError
				switch {
				case errors.As(err, &tm):
					throttled++
					if tm.Reason != c.wantReason || !strings.HasPrefix(err.Error(), "TooManyRequestsException: Rate Exceeded.") {
						t.Errorf("throttle error %v, want reason %s", err, c.wantReason)
					}
				case err != nil:
					t.Errorf("unexpected error: %v", err)
				}
			}
			if throttled != c.wantThrottled {
				t.Errorf("throttled %d, want %d", throttled, c.wantThrottled)
			}
			if n := s.WarmEnvironments("c"); n != c.wantWarm {
				t.Errorf("warm environments = %d, want %d", n, c.wantWarm)
			}
		})
	}
}

func TestLogSinkStreamsLines(t *testing.T) {
	var mu sync.Mutex
	var events []LogEvent
	sink := LogSinkFunc(func(e LogEvent) { mu.Lock(); events = append(events, e); mu.Unlock() })
	s := newTestService(t, Options{Logs: sink})
	createFunction(t, s, FunctionConfig{Name: "logs"}, buildDir(t, "guests/hello"))
	res := invoke(t, s, "logs", `{"action":"log-partial"}`)
	mu.Lock()
	defer mu.Unlock()
	var got []string
	for _, e := range events {
		if e.Function != "logs" || e.LogGroup != "/aws/lambda/logs" || e.LogStream != res.LogStream {
			t.Errorf("event metadata %+v", e)
		}
		got = append(got, e.Message)
	}
	text := strings.Join(got, "\n") + "\n"
	if text != res.Logs {
		t.Errorf("streamed lines differ from the invocation log:\nstreamed:\n%s\nlog:\n%s", text, res.Logs)
	}
	if !strings.Contains(res.Logs, "no newline at end\nEND RequestId: "+res.RequestID) {
		t.Errorf("partial line not ended before END:\n%s", res.Logs)
	}
}

func TestLogTruncation(t *testing.T) {
	s := newTestService(t, Options{MaxLogBytes: 40})
	createFunction(t, s, FunctionConfig{Name: "trunc"}, buildDir(t, "guests/hello"))
	invoke(t, s, "trunc", `{}`)
	res := invoke(t, s, "trunc", `{"action":"this action name is long enough to pass the forty byte cap"}`)
	if !strings.Contains(res.Logs, "handling this action name is long enough\n[learnsls] log output truncated: this invocation wrote more than 40 bytes; ") {
		t.Errorf("logs:\n%s", res.Logs)
	}
	if !strings.Contains(res.Logs, "REPORT RequestId: "+res.RequestID) {
		t.Error("REPORT line lost to truncation")
	}
}

func TestFunctionLifecycle(t *testing.T) {
	s := newTestService(t, Options{})
	code := buildDir(t, "guests/hello")
	createFunction(t, s, FunctionConfig{Name: "life"}, code)
	if _, err := s.CreateFunction(context.Background(), FunctionConfig{Name: "life"}, code); err == nil || !strings.Contains(err.Error(), "ResourceConflictException") {
		t.Errorf("duplicate create: %v", err)
	}
	invoke(t, s, "life", `{}`)
	if err := s.UpdateFunctionCode(context.Background(), "life", buildDir(t, "guests/shapes")); err != nil {
		t.Fatal(err)
	}
	if s.WarmEnvironments("life") != 0 {
		t.Error("environments of the old code survived an update")
	}
	// shapes with no SHAPE set starts a nil handler.
	if res := invoke(t, s, "arn:aws:lambda:us-east-1:123456789012:function:life", `{}`); !res.ColdStart || !strings.Contains(string(res.Payload), "handler is nil") {
		t.Errorf("after update: cold=%v payload=%s", res.ColdStart, res.Payload)
	}
	if err := s.DeleteFunction(context.Background(), "life"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Invoke(context.Background(), "life", []byte(`{}`))
	if !errors.Is(err, ErrNotFound) || err.Error() != "ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:123456789012:function:life" {
		t.Errorf("invoke deleted: %v", err)
	}
	if _, err := s.Invoke(context.Background(), "nope", []byte(`{not json`)); err == nil || !strings.Contains(err.Error(), "InvalidRequestContentException") {
		t.Errorf("invalid JSON: %v", err)
	}
	if _, err := s.CreateFunction(context.Background(), FunctionConfig{Name: "junk"}, []byte("not wasm")); err == nil || !strings.Contains(err.Error(), "not a valid WebAssembly module") {
		t.Errorf("junk code: %v", err)
	}
}
