package lambda

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"

	"github.com/learnsls/learnsls/sandbox/build"
)

// Engine choice by measurement: compile time, cold start and warm
// invocation of a hello handler under each engine. Figures are in
// docs/PERFORMANCE.md.

var benchEngines = []struct {
	name   string
	engine Engine
}{{"compiler", EngineCompiler}, {"interpreter", EngineInterpreter}}

func BenchmarkCompile(b *testing.B) {
	code := buildDir(b, "guests/bench")
	ctx := context.Background()
	cacheDir := b.TempDir()
	warm, _ := wazero.NewCompilationCacheWithDir(cacheDir)
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigCompiler().WithCompilationCache(warm))
	if _, err := rt.CompileModule(ctx, code); err != nil {
		b.Fatal(err)
	}
	rt.Close(ctx)
	configs := []struct {
		name string
		cfg  func() (wazero.RuntimeConfig, func())
	}{
		{"compiler", func() (wazero.RuntimeConfig, func()) { return wazero.NewRuntimeConfigCompiler(), func() {} }},
		{"interpreter", func() (wazero.RuntimeConfig, func()) { return wazero.NewRuntimeConfigInterpreter(), func() {} }},
		{"compiler-cached", func() (wazero.RuntimeConfig, func()) {
			c, err := wazero.NewCompilationCacheWithDir(cacheDir)
			if err != nil {
				b.Fatal(err)
			}
			return wazero.NewRuntimeConfigCompiler().WithCompilationCache(c), func() { c.Close(ctx) }
		}},
	}
	for _, c := range configs {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				cfg, done := c.cfg()
				rt := wazero.NewRuntimeWithConfig(ctx, cfg)
				if _, err := rt.CompileModule(ctx, code); err != nil {
					b.Fatal(err)
				}
				rt.Close(ctx)
				done()
			}
		})
	}
}

// BenchmarkColdStart measures instantiate + init + first invocation of
// already compiled code.
func BenchmarkColdStart(b *testing.B) {
	code := buildDir(b, "guests/bench")
	ctx := context.Background()
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) {
			s := newTestService(b, Options{Engine: e.engine})
			createFunction(b, s, FunctionConfig{Name: "bench"}, code)
			var inits []time.Duration
			for b.Loop() {
				// Same code: stays compiled, but warm environments go.
				if err := s.UpdateFunctionCode(ctx, "bench", code); err != nil {
					b.Fatal(err)
				}
				res, err := s.Invoke(ctx, "bench", []byte(`{"name":"cold"}`))
				if err != nil || !res.ColdStart {
					b.Fatalf("err=%v cold=%v", err, res.ColdStart)
				}
				inits = append(inits, res.InitDuration)
			}
			b.ReportMetric(float64(p50(inits).Microseconds())/1000, "init-p50-ms")
		})
	}
}

// BenchmarkWarmInvoke measures one synchronous invocation of a warm
// environment through Service.Invoke (host bookkeeping, ABI calls, JSON in
// the guest, log framing).
func BenchmarkWarmInvoke(b *testing.B) {
	benchWarmInvoke(b, "guests/bench")
}

// BenchmarkWarmInvokeMinimal is BenchmarkWarmInvoke for a handler that
// takes and returns nothing: the guest runtime loop's own cost (metadata,
// context, the reflective call, "null"), without the handler's JSON.
func BenchmarkWarmInvokeMinimal(b *testing.B) {
	benchWarmInvoke(b, "guests/minimal")
}

func benchWarmInvoke(b *testing.B, guest string) {
	code := buildDir(b, guest)
	ctx := context.Background()
	payload := []byte(`{"name":"warm"}`)
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) {
			s := newTestService(b, Options{Engine: e.engine})
			createFunction(b, s, FunctionConfig{Name: "bench"}, code)
			invoke(b, s, "bench", `{}`)
			var ds, guest []time.Duration
			cpu0 := processCPU()
			for b.Loop() {
				start := time.Now()
				res, err := s.Invoke(ctx, "bench", payload)
				ds = append(ds, time.Since(start))
				guest = append(guest, res.Duration)
				if err != nil || res.FunctionError != "" || res.ColdStart {
					b.Fatalf("err=%v res=%+v", err, res)
				}
			}
			b.ReportMetric(float64(p50(ds).Nanoseconds())/1000, "p50-µs")
			b.ReportMetric(float64(p50(guest).Nanoseconds())/1000, "guest-p50-µs")
			// Process CPU (host and guest, all threads) per invocation: less
			// sensitive than wall time to other work on a shared machine.
			b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N)/1000, "cpu-µs/op")
		})
	}
}

// BenchmarkWarmEnvironments50 holds 50 warm environments of the hello
// handler and reports the memory they take.
func BenchmarkWarmEnvironments50(b *testing.B) {
	code := buildDir(b, "guests/hello")
	ctx := context.Background()
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) {
			for b.Loop() {
				before := heapInUse()
				s, err := New(ctx, Options{Engine: e.engine, ConcurrencyLimit: 50, MaxEnvironments: 50, InitTimeout: time.Minute})
				if err != nil {
					b.Fatal(err)
				}
				createFunction(b, s, FunctionConfig{Name: "bench", Timeout: time.Minute}, code)
				// 50 concurrent invocations that each sleep 1 s need 50
				// environments.
				var wg sync.WaitGroup
				for i := 0; i < 50; i++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						res, err := s.Invoke(ctx, "bench", []byte(`{"action":"sleep","arg":"1s"}`))
						if err != nil || res.FunctionError != "" {
							b.Errorf("err=%v payload=%s", err, res.Payload)
						}
					}()
				}
				wg.Wait()
				warm := s.WarmEnvironments("bench")
				after := heapInUse()
				b.ReportMetric(float64(warm), "environments")
				b.ReportMetric(float64(after-before)/(1<<20), "heap-MB")
				s.Close(ctx)
			}
		})
	}
}

// BenchmarkEditBuildInvoke is the learner's loop: change the source, build
// with a warm build cache, cold-start and get the first response, with the
// engine `learnsls invoke` picks for one invocation (interpreter).
func BenchmarkEditBuildInvoke(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "guests", "bench", "main.go"))
	if err != nil {
		b.Fatal(err)
	}
	bld := testBuilder(b)
	ctx := context.Background()
	s := newTestService(b, Options{Engine: EngineInterpreter})
	var ds []time.Duration
	i := 0
	for b.Loop() {
		i++
		edited := fmt.Appendf(slices.Clone(src), "\n// edit %d %d\n", i, time.Now().UnixNano())
		start := time.Now()
		art, err := bld.Build(ctx, build.Source{Files: map[string][]byte{"main.go": edited}})
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("edit%d", i)
		createFunction(b, s, FunctionConfig{Name: name}, art.Wasm)
		res, err := s.Invoke(ctx, name, []byte(`{"name":"edit"}`))
		if err != nil || res.FunctionError != "" {
			b.Fatalf("err=%v res=%+v", err, res)
		}
		ds = append(ds, time.Since(start))
		if err := s.DeleteFunction(ctx, name); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(p50(ds).Milliseconds()), "p50-ms")
}

// processCPU is the user and system CPU time of the process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func p50(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// BenchmarkWarmInvokeWAT is the host's own cost: the hand-written echo
// module does almost nothing, so this measures Service.Invoke, the two
// goroutine hand-offs and the ABI calls.
func BenchmarkWarmInvokeWAT(b *testing.B) {
	code, err := os.ReadFile("testdata/wat/echo.wasm")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) {
			s := newTestService(b, Options{Engine: e.engine})
			createFunction(b, s, FunctionConfig{Name: "echo"}, code)
			invoke(b, s, "echo", `{}`)
			var ds []time.Duration
			for b.Loop() {
				start := time.Now()
				if _, err := s.Invoke(ctx, "echo", []byte(`{"name":"warm"}`)); err != nil {
					b.Fatal(err)
				}
				ds = append(ds, time.Since(start))
			}
			b.ReportMetric(float64(p50(ds).Nanoseconds())/1000, "p50-µs")
		})
	}
}
