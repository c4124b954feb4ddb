package sandbox

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/sandbox/lambda"
)

// newTestStack makes an empty stack whose clock starts on 2026-01-01 at
// the given hour, closed when the test ends. Its build cache and compiled
// modules are shared with the other sandbox tests across runs: warming them
// costs seconds once.
func newTestStack(t testing.TB, hour int) *Stack {
	t.Helper()
	return newStackWithEngine(t, hour, lambda.EngineAuto)
}

// newStackWithEngine is newTestStack with a chosen wazero engine.
// Benchmarks of warm requests use lambda.EngineCompiler: the steady state a
// hot function reaches under EngineAuto (which interprets a function's
// first invocations), without waiting for the switch.
func newStackWithEngine(t testing.TB, hour int, engine lambda.Engine) *Stack {
	t.Helper()
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(context.Background(), Options{Builder: b, Engine: engine, Clock: NewClock(time.Date(2026, 1, 1, hour, 0, 0, 0, time.UTC)),
		CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-sandbox-test-wazero")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}
