package lambda

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// expectation is testdata/hostile/<attack>/expect.json.
type expectation struct {
	Timeout    string `json:"timeout"`
	ErrorType  string `json:"errorType"`  // regexp; "^$" for success
	Payload    string `json:"payload"`    // regexp the payload must match
	PayloadNot string `json:"payloadNot"` // regexp the payload must not match
	Logs       string `json:"logs"`       // regexp the logs must match
	FreshNext  bool   `json:"freshNext"`  // the environment must be discarded
}

// TestHostileCorpus runs every attack in testdata/hostile against one
// service shared with a bystander function, and checks that each attack
// fails with a clear error (or is harmlessly contained), that the host
// process keeps its memory, and that the bystander still answers.
func TestHostileCorpus(t *testing.T) {
	hostileCorpus(t, EngineInterpreter, nil)
}

// TestHostileCorpusCompiled runs the attacks only the host can stop
// against compiled code, which the host stops by its interrupt global
// (package interrupt) rather than wazero's check. The other attacks do not
// depend on the engine, and compiling each costs seconds.
func TestHostileCorpusCompiled(t *testing.T) {
	hostileCorpus(t, EngineCompiler, []string{"tight-loop", "infinite-loop", "init-loop", "sleep-forever"})
}

func hostileCorpus(t *testing.T, engine Engine, only []string) {
	t.Setenv("LEARNSLS_HOSTILE_CANARY", "host-secret")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var connections atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			c.Close()
		}
	}()

	dirs, err := filepath.Glob("testdata/hostile/*/expect.json")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no hostile corpus: %v", err)
	}
	s := newTestService(t, Options{Engine: engine, CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-wazero"),
		InitTimeout: slowdown * time.Second, ConcurrencyLimit: 50, MaxEnvironments: 50})
	createFunction(t, s, FunctionConfig{Name: "bystander"}, buildDir(t, "guests/hello"))
	invoke(t, s, "bystander", `{"action":"greet"}`)

	t.Cleanup(func() {
		if n := connections.Load(); n != 0 {
			t.Errorf("guests opened %d connections to the host", n)
		}
	})
	for _, path := range dirs {
		dir := filepath.Dir(path)
		attack := filepath.Base(dir)
		if only != nil && !slices.Contains(only, attack) {
			continue
		}
		t.Run(attack, func(t *testing.T) {
			t.Parallel() // attacks wait on wall-clock limits; run them together
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want expectation
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			timeout, err := time.ParseDuration(want.Timeout)
			if err != nil {
				t.Fatalf("%s: timeout: %v", path, err)
			}
			name := "hostile-" + attack
			code := buildDir(t, filepath.Join("hostile", attack))
			createFunction(t, s, FunctionConfig{Name: name, Timeout: timeout, Environment: map[string]string{"TARGET": ln.Addr().String()}}, code)

			start := time.Now()
			res := invoke(t, s, name, `{}`)
			elapsed := time.Since(start)
			if !regexp.MustCompile(want.ErrorType).MatchString(res.ErrorType) {
				t.Errorf("errorType %q, want %s; payload %.300s", res.ErrorType, want.ErrorType, res.Payload)
			}
			if slowdown > 1 {
				// The init timeout is stretched under the race detector, so
				// an init that never ends reports the stretched limit.
				want.Payload = strings.ReplaceAll(want.Payload, `after 1\.00 seconds`, `after [0-9]+\.00 seconds`)
			}
			if want.Payload != "" && !regexp.MustCompile(want.Payload).Match(res.Payload) {
				t.Errorf("payload %.500s\ndoes not match %s", res.Payload, want.Payload)
			}
			if want.PayloadNot != "" && regexp.MustCompile(want.PayloadNot).Match(res.Payload) {
				t.Errorf("payload %.1000s\nmatches forbidden %s", res.Payload, want.PayloadNot)
			}
			if want.Logs != "" && !regexp.MustCompile(want.Logs).MatchString(res.Logs) {
				t.Errorf("logs (%d bytes) do not match %s; tail:\n%s", len(res.Logs), want.Logs, tail(res.Logs, 600))
			}
			if len(res.Logs) > 2*DefaultMaxLogBytes {
				t.Errorf("kept %d bytes of logs, beyond the cap", len(res.Logs))
			}
			// Containment must not take much longer than the limit that
			// stops the attack (timeout, or init timeout of 1 s).
			if limit := slowdown * (timeout + 5*time.Second); elapsed > limit {
				t.Errorf("attack ran %v, beyond %v", elapsed, limit)
			}
			t.Logf("%s: %s in %v (%.200s)", attack, res.ErrorType, elapsed.Round(time.Millisecond), res.Payload)

			// Attacks run in parallel, so the bystander may need a second
			// environment; it must still answer correctly.
			if by := invoke(t, s, "bystander", `{"action":"greet","name":"still here"}`); by.FunctionError != "" || !strings.Contains(string(by.Payload), `"greeting":"hello still here"`) {
				t.Errorf("bystander harmed: payload=%s", by.Payload)
			}
			if want.FreshNext {
				if n := s.WarmEnvironments(name); n != 0 {
					t.Errorf("%d environments kept after the attack, want them discarded", n)
				}
			}
			if err := s.DeleteFunction(t.Context(), name); err != nil {
				t.Error(err)
			}
		})
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}
