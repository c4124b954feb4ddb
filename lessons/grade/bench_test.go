package grade

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
)

// benchExercise loads a handler exercise from testdata/<name>.
func benchExercise(b *testing.B, name string) (*lessons.Exercise, []byte) {
	b.Helper()
	read := func(f string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", name, f))
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	ex := &lessons.Exercise{
		Kind: lessons.KindHandler, Dir: "bench/" + name, Files: []string{"main.go"},
		Template: read("template.yaml"), Checks: read("checks.yaml"),
		Starter: map[string][]byte{"main.go": read("starter.go")},
	}
	return ex, read("solution.go")
}

// benchGrader is a grader as the server builds one, with the cache
// directories the package's tests share, so the build cache is warm after
// the first run.
func benchGrader(b *testing.B) *Grader {
	b.Helper()
	bl, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		b.Fatal(err)
	}
	codes, err := NewCodeCache(filepath.Join(os.TempDir(), "learnsls-sandbox-test-wazero"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { codes.Close(context.Background()) })
	return &Grader{Sandbox: &StackSandbox{Options: sandbox.Options{Builder: bl, CodeCache: codes}}}
}

// cpuTime is the processor time of this process and its waited-for
// children (the go tool), so a build's compiler time is counted.
func cpuTime() time.Duration {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return tv(self.Utime) + tv(self.Stime) + tv(kids.Utime) + tv(kids.Stime)
}

// reportLatencies reports p50 and p95 of the samples and CPU per op.
func reportLatencies(b *testing.B, samples []time.Duration, cpu time.Duration) {
	if len(samples) == 0 {
		return
	}
	slices.Sort(samples)
	at := func(p float64) float64 {
		i := int(p * float64(len(samples)-1))
		return samples[i].Seconds() * 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(cpu.Seconds()*1000/float64(len(samples)), "cpu-ms/op")
}

// benchSubmit grades the solution of an exercise, Submit mode (every
// check), as a learner's Submit does. With edit, each attempt changes a
// string constant so the build compiles main again (warm GOCACHE, no
// artifact hit), as after a real edit; without, the source is identical
// and the built artifact is reused.
func benchSubmit(b *testing.B, name string, wantChecks int, edit bool) {
	ex, solution := benchExercise(b, name)
	g := benchGrader(b)
	ctx := context.Background()
	grade := func(i int) {
		code := solution
		if edit {
			code = fmt.Appendf(append([]byte(nil), solution...), "\nconst benchEdit = %q\n", fmt.Sprint(time.Now().UnixNano(), i))
		}
		v, err := g.Grade(ctx, ex, map[string][]byte{"main.go": code}, Submit, nil)
		if err != nil {
			b.Fatal(err)
		}
		if !v.Passed || len(v.Checks) != wantChecks {
			b.Fatalf("verdict passed=%v with %d checks, want a pass of %d: %s %+v", v.Passed, len(v.Checks), wantChecks, v.Problem, v.Diagnostics)
		}
	}
	grade(-1) // warms the build cache and checks the exercise passes
	samples := make([]time.Duration, 0, b.N)
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		grade(i)
		samples = append(samples, time.Since(start))
	}
	b.StopTimer()
	reportLatencies(b, samples, cpuTime()-cpu0)
}

// BenchmarkSubmitHello is Submit → verdict of the hello handler exercise
// (2 checks through a REST API). Target: p50 ≤ 0.5 s on 2 cores.
func BenchmarkSubmitHello(b *testing.B) {
	b.Run("same-code", func(b *testing.B) { benchSubmit(b, "hello", 2, false) })
	b.Run("edited", func(b *testing.B) { benchSubmit(b, "hello", 2, true) })
}

// BenchmarkSubmitUsers is Submit → verdict of a 10-check DynamoDB exercise
// (seeds, GETs, PUTs, a conditional write, table expectations). Target:
// p50 ≤ 1 s on 2 cores.
func BenchmarkSubmitUsers(b *testing.B) {
	b.Run("same-code", func(b *testing.B) { benchSubmit(b, "users", 10, false) })
	b.Run("edited", func(b *testing.B) { benchSubmit(b, "users", 10, true) })
}

// BenchmarkReset is the reset between two checks of a deployed users
// stack (one function, one table with an item): it should cost next to
// nothing beside the checks' cold starts.
func BenchmarkReset(b *testing.B) {
	ex, solution := benchExercise(b, "users")
	g := benchGrader(b)
	ctx := context.Background()
	st, err := g.Sandbox.Deploy(ctx, ex.Template, map[string][]byte{"main.go": solution})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	item := map[string]any{"id": map[string]any{"S": "u-1"}, "name": map[string]any{"S": "Ada"}}
	for b.Loop() {
		if err := st.PutItems(ctx, "UsersTable", []map[string]any{item}); err != nil {
			b.Fatal(err)
		}
		if err := st.Reset(ctx); err != nil {
			b.Fatal(err)
		}
	}
	items, err := st.Items(ctx, "UsersTable")
	if err != nil || len(items) != 0 {
		b.Fatalf("after Reset the table holds %d items (%v), want none", len(items), err)
	}
}
