package grade

// Unit tests the learner writes: a `unitTests:` step builds the exercise's
// Go files with their *_test.go files as a wasip1 test binary ("go test -c")
// and runs it in wazero with -test.v; `expect: tests:` then checks the exit
// status and how many tests ran. The output goes to the check's logs.

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"

	"github.com/learnsls/learnsls/sandbox/build"
)

// UnitTestsStep runs the learner's Go tests. Run, if set, is passed as
// -test.run (a regular expression selecting tests).
type UnitTestsStep struct {
	Run string `yaml:"run"`
}

// TestsExpect checks the outcome of the check's unitTests step.
type TestsExpect struct {
	Pass *bool `yaml:"pass"` // exit status 0 (true) or not (false)
	Min  *int  `yaml:"min"`  // at least this many tests (and subtests) ran
}

// UnitTester builds a learner's tests. A Sandbox that implements it can
// grade checks with a unitTests step; StackSandbox does.
type UnitTester interface {
	// BuildTests compiles the Go files of files (with their *_test.go
	// files) as a test binary. Compile errors are a *BuildError.
	BuildTests(ctx context.Context, files map[string][]byte) (TestBinary, error)
}

// TestBinary is a built test binary, run once per unitTests step.
type TestBinary interface {
	// RunTests runs the tests matching run ("" for all) with -test.v. An
	// error is the grader's problem; a failing or crashing test is in the
	// TestRun.
	RunTests(ctx context.Context, run string) (*TestRun, error)
}

// TestRun is the outcome of one run of a test binary.
type TestRun struct {
	Output   string // stdout and stderr, truncated at maxTestOutput
	ExitCode int
	TimedOut bool
	Ran      int      // "=== RUN" lines (tests and subtests)
	Failed   []string // names from "--- FAIL:" lines
}

const (
	testRunTimeout  = 20 * time.Second // below the default check timeout, so the check can say why
	testMemoryPages = 4096             // 256 MiB of linear memory
	maxTestOutput   = 64 << 10
)

var (
	runLine  = regexp.MustCompile(`^=== RUN\s+(\S+)`)
	failLine = regexp.MustCompile(`^\s*--- FAIL: (\S+)`)
)

// parseTestOutput counts the tests that ran and failed in -test.v output.
func parseTestOutput(out string) (ran int, failed []string) {
	seen := map[string]bool{}
	for line := range strings.SplitSeq(out, "\n") {
		if m := runLine.FindStringSubmatch(line); m != nil && !seen[m[1]] {
			seen[m[1]] = true
			ran++
		}
		if m := failLine.FindStringSubmatch(line); m != nil {
			failed = append(failed, m[1])
		}
	}
	return ran, failed
}

// BuildTests implements UnitTester with the sandbox's Go builder.
func (sb *StackSandbox) BuildTests(ctx context.Context, files map[string][]byte) (TestBinary, error) {
	if sb.Options.Builder == nil {
		return nil, errors.New("build tests: no Go builder configured")
	}
	src := build.Source{Files: map[string][]byte{}, Test: true}
	for name, b := range files {
		if strings.HasSuffix(name, ".go") {
			src.Files[name] = b
		}
	}
	art, err := sb.Options.Builder.Build(ctx, src)
	if err != nil {
		if be := learnerError(err); be != nil {
			return nil, be
		}
		return nil, fmt.Errorf("build tests: %w", err)
	}
	return &wasmTests{wasm: art.Wasm}, nil
}

// wasmTests runs a wasip1 test binary as a plain WASI command: no network,
// no environment, an empty read-only /tmp, bounded time and memory.
type wasmTests struct{ wasm []byte }

func (w *wasmTests) RunTests(ctx context.Context, run string) (*TestRun, error) {
	ctx, cancel := context.WithTimeout(ctx, testRunTimeout)
	defer cancel()
	// The interpreter: a test binary runs once, so compiling it to machine
	// code (seconds for a Go binary) would cost more than it saves.
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter().
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(testMemoryPages))
	defer rt.Close(context.WithoutCancel(ctx))
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		return nil, fmt.Errorf("run tests: %w", err)
	}
	compiled, err := rt.CompileModule(ctx, w.wasm)
	if err != nil {
		return nil, fmt.Errorf("run tests: %w", err)
	}
	if err := stubHostImports(ctx, rt, compiled); err != nil {
		return nil, fmt.Errorf("run tests: %w", err)
	}
	args := []string{"main.test", "-test.v", "-test.timeout=" + testRunTimeout.String()}
	if run != "" {
		args = append(args, "-test.run="+run)
	}
	out := &limitedBuffer{max: maxTestOutput}
	cfg := wazero.NewModuleConfig().
		WithName("").
		WithArgs(args...).
		WithStdout(out).
		WithStderr(out).
		// Read-only and empty: a host directory would let a test escape it
		// through symlinks, and the in-memory /tmp of sandbox/lambda is not
		// exported.
		WithFSConfig(wazero.NewFSConfig().WithFSMount(fstest.MapFS{}, "/tmp")).
		WithRandSource(crand.Reader).
		WithSysWalltime().
		WithSysNanotime().
		WithSysNanosleep()
	tr := &TestRun{}
	mod, err := rt.InstantiateModule(ctx, compiled, cfg)
	if mod != nil {
		mod.Close(context.WithoutCancel(ctx))
	}
	var ee *sys.ExitError
	switch {
	case ctx.Err() != nil:
		tr.TimedOut, tr.ExitCode = true, -1
	case err == nil:
	case errors.As(err, &ee):
		tr.ExitCode = int(ee.ExitCode())
	default:
		// A trap (out of memory, unreachable) is the learner's code failing.
		tr.ExitCode = -1
		fmt.Fprintf(out, "\nthe test binary crashed: %v\n", err)
	}
	tr.Output = out.String()
	tr.Ran, tr.Failed = parseTestOutput(tr.Output)
	return tr, nil
}

// errNoAWSInTests is what a test sees (as a crash) when it calls AWS: the
// guest SDK's host functions belong to a deployed function, not a test run.
var errNoAWSInTests = errors.New("AWS calls (DynamoDB, SQS, …) are not available in unit tests: test the code that runs before them, such as validation")

// stubHostImports provides every function the test binary imports from a
// module other than WASI (the guest SDK's host calls) as one that stops
// the run with errNoAWSInTests.
func stubHostImports(ctx context.Context, rt wazero.Runtime, m wazero.CompiledModule) error {
	byModule := map[string]wazero.HostModuleBuilder{}
	for _, f := range m.ImportedFunctions() {
		mod, name, _ := f.Import()
		if mod == wasi_snapshot_preview1.ModuleName {
			continue
		}
		hb, ok := byModule[mod]
		if !ok {
			hb = rt.NewHostModuleBuilder(mod)
			byModule[mod] = hb
		}
		hb.NewFunctionBuilder().
			WithGoModuleFunction(api.GoModuleFunc(func(context.Context, api.Module, []uint64) { panic(errNoAWSInTests) }), f.ParamTypes(), f.ResultTypes()).
			Export(name)
	}
	for mod, hb := range byModule {
		if _, err := hb.Instantiate(ctx); err != nil {
			return fmt.Errorf("stub %s imports: %w", mod, err)
		}
	}
	return nil
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	max       int
	truncated bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - b.buf.Len(); room < len(p) {
		b.buf.Write(p[:max(room, 0)])
		b.truncated = true
	} else {
		b.buf.Write(p)
	}
	return len(p), nil
}

func (b *limitedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.truncated {
		return b.buf.String() + "\n… output truncated"
	}
	return b.buf.String()
}

// testingStack is a Stack with the learner's test binary: its logs are the
// stack's followed by the output of the check's test run.
type testingStack struct {
	Stack
	bin  TestBinary
	mu   sync.Mutex
	last *TestRun
}

func (s *testingStack) Reset(ctx context.Context) error {
	s.mu.Lock()
	s.last = nil
	s.mu.Unlock()
	return s.Stack.Reset(ctx)
}

func (s *testingStack) Logs() []string {
	logs := s.Stack.Logs()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last != nil {
		logs = append(logs, strings.Split(strings.TrimRight(s.last.Output, "\n"), "\n")...)
	}
	return logs
}

func needsUnitTests(checks []*Check) bool {
	for _, c := range checks {
		for _, s := range c.Steps {
			if s.UnitTests != nil {
				return true
			}
		}
	}
	return false
}

// withUnitTests builds the learner's tests for the checks that run them.
// It returns nil (with v's diagnostics or problem set) when they cannot be
// built.
func (g *Grader) withUnitTests(ctx context.Context, stack Stack, files map[string][]byte, v *Verdict) (Stack, error) {
	ut, ok := g.Sandbox.(UnitTester)
	if !ok {
		v.Problem = "This grader cannot run unit tests."
		return nil, nil
	}
	bin, err := ut.BuildTests(ctx, files)
	if err != nil {
		var be *BuildError
		if errors.As(err, &be) && len(be.Diagnostics) > 0 {
			v.Diagnostics = be.Diagnostics
			return nil, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		v.Problem = err.Error()
		return nil, nil
	}
	return &testingStack{Stack: stack, bin: bin}, nil
}

func (r *run) unitTests(ctx context.Context, s *UnitTestsStep) error {
	ts, ok := r.stack.(*testingStack)
	if !ok {
		return errors.New("the unit tests were not built")
	}
	tr, err := ts.bin.RunTests(ctx, s.Run)
	if err != nil {
		return err
	}
	ts.mu.Lock()
	ts.last = tr
	ts.mu.Unlock()
	return nil
}

func (r *run) expectTests(e *TestsExpect) string {
	ts, _ := r.stack.(*testingStack)
	var tr *TestRun
	if ts != nil {
		ts.mu.Lock()
		tr = ts.last
		ts.mu.Unlock()
	}
	if tr == nil {
		return "the check ran no unit tests"
	}
	if tr.TimedOut {
		return fmt.Sprintf("your tests did not finish within %s", testRunTimeout)
	}
	if e.Pass != nil {
		switch {
		case *e.Pass && tr.ExitCode != 0 && len(tr.Failed) > 0:
			return fmt.Sprintf("your tests failed: %s (see the output in the logs)", strings.Join(tr.Failed, ", "))
		case *e.Pass && tr.ExitCode != 0:
			return fmt.Sprintf("your tests failed (exit status %d; see the output in the logs)", tr.ExitCode)
		case !*e.Pass && tr.ExitCode == 0:
			return "your tests passed, but they should fail here"
		}
	}
	if e.Min != nil && tr.Ran < *e.Min {
		return fmt.Sprintf("%d test(s) ran, at least %d wanted: add more TestXxx functions (or t.Run subtests) to your _test.go file", tr.Ran, *e.Min)
	}
	return ""
}

func validateUnitTestsStep(s Step, check string, add func(int, string, ...any)) {
	if s.UnitTests == nil || s.UnitTests.Run == "" {
		return
	}
	if _, err := regexp.Compile(s.UnitTests.Run); err != nil {
		add(s.Line, "check %q: unitTests run %q is not a regular expression: %v", check, s.UnitTests.Run, err)
	}
}

func validateTestsExpect(e *Expect, c *Check, add func(int, string, ...any)) {
	has := false
	for _, s := range c.Steps {
		has = has || s.UnitTests != nil
	}
	switch {
	case e.Tests == nil && has:
		add(c.Line, "check %q: a unitTests step needs `expect: tests:` (pass, min)", c.Name)
	case e.Tests == nil:
	case !has:
		add(c.Line, "check %q: expect.tests needs a `unitTests: {}` step in the check", c.Name)
	case e.Tests.Pass == nil && e.Tests.Min == nil:
		add(c.Line, "check %q: expect.tests needs pass or min", c.Name)
	case e.Tests.Min != nil && *e.Tests.Min < 0:
		add(c.Line, "check %q: expect.tests.min must not be negative", c.Name)
	}
}
