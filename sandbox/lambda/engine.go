package lambda

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/learnsls/learnsls/sandbox/interrupt"
)

// Engine selects how wazero runs function code.
type Engine int

const (
	// EngineAuto picks by measurement (see docs/PERFORMANCE.md): new code
	// starts in the interpreter, which loads it 14× faster than the
	// compiler; once a function has been invoked Options.AutoCompileAfter
	// times it is compiled in the background, and later environments run
	// the compiled code, whose invocations are about 5× faster.
	EngineAuto Engine = iota
	// EngineCompiler compiles to machine code: slow to load (≈1 s for a Go
	// handler without a cache), fast to run. Best for functions invoked
	// many times, or with a persistent compilation cache.
	EngineCompiler
	// EngineInterpreter loads fast (≈0.1 s) and runs slower. Best for a
	// one-shot invocation of code that was never compiled before.
	EngineInterpreter
)

func (e Engine) String() string {
	switch e {
	case EngineCompiler:
		return "compiler"
	case EngineInterpreter:
		return "interpreter"
	}
	return "auto"
}

// ParseEngine maps "compiler", "interpreter" or "auto" to an Engine.
func ParseEngine(s string) (Engine, error) {
	switch s {
	case "", "auto":
		return EngineAuto, nil
	case "compiler":
		return EngineCompiler, nil
	case "interpreter":
		return EngineInterpreter, nil
	}
	return EngineAuto, fmt.Errorf("unknown engine %q (want compiler, interpreter or auto)", s)
}

// engines owns the wazero runtimes. A runtime's memory page limit is
// fixed at creation, so there is one runtime per memory size in use; all
// share one compilation cache, so code compiled for one size loads quickly
// in another.
type engines struct {
	engine Engine
	cache  wazero.CompilationCache

	mu       sync.Mutex
	runtimes map[runtimeKey]*engineRuntime
	closed   bool

	// shared engines belong to a CodeCache, not to one Service.
	shared bool
	// keep is how many recently loaded codes stay compiled after their
	// last user releases them (shared engines only); recent holds one
	// reference on each, most recent first.
	keep   int
	keepMu sync.Mutex
	recent []*compiledCode
}

// CodeCache lets several Services share wazero runtimes and compiled code.
// A grader makes a new Service (a fresh stack) for every attempt; with a
// shared CodeCache, an attempt whose code an earlier attempt already loaded
// (the same source submitted again, or Run then Submit) skips decoding,
// validating and compiling it. The Keep most recently loaded codes stay
// compiled after the Services that used them have closed. Instances are
// never shared: every environment still starts from a fresh module
// instance with its own memory.
type CodeCache struct{ e *engines }

// NewCodeCache returns a cache for Services of the given engine, keeping
// compiled machine code in cacheDir when not empty (compiler engine), and
// the keep most recently loaded codes compiled after their last use. Each
// costs memory: measured here, a Go handler of ≈4 MB of wasm takes ≈80–95 MB
// of heap compiled for the interpreter.
func NewCodeCache(ctx context.Context, engine Engine, cacheDir string, keep int) (*CodeCache, error) {
	e, err := newEngines(ctx, engine, cacheDir)
	if err != nil {
		return nil, err
	}
	e.shared, e.keep = true, max(keep, 0)
	return &CodeCache{e: e}, nil
}

// Close frees the runtimes and compiled code. Services using the cache
// must be closed first.
func (c *CodeCache) Close(ctx context.Context) error {
	c.e.keepMu.Lock()
	c.e.recent = nil
	c.e.keepMu.Unlock()
	c.e.close(ctx)
	return nil
}

// loaded counts compiled codes held across runtimes, for tests.
func (e *engines) loaded() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, r := range e.runtimes {
		r.mu.Lock()
		n += len(r.modules)
		r.mu.Unlock()
	}
	return n
}

// DefaultAutoCompileAfter is the default number of invocations after which
// EngineAuto compiles a function's code. Measured here for a hello
// handler: compiling costs ≈1.8 s of CPU and saves ≈0.8 ms per invocation,
// so it pays for itself after ≈2000 invocations; heavier handlers gain
// more per invocation.
const DefaultAutoCompileAfter = 1000

type runtimeKey struct {
	kind  Engine // EngineCompiler or EngineInterpreter
	memMB int
	// polled runtimes run code instrumented by package interrupt, which
	// its environment stops from the sched_yield the code calls; the
	// others close modules when the context ends (wazero's own check).
	polled bool
}

type engineRuntime struct {
	rt      wazero.Runtime
	mu      sync.Mutex
	modules map[string]*compiledCode // by code hash
}

// compiledCode is one code hash compiled in one runtime, shared by every
// function using that code at that memory size.
type compiledCode struct {
	rt       *engineRuntime
	hash     string
	module   wazero.CompiledModule
	refs     int
	memoryMB int
	kind     Engine
	// polled code exports interrupt.GlobalName, a countdown at whose zero
	// it calls sched_yield; environments stop it there.
	polled bool
}

func newEngines(ctx context.Context, engine Engine, cacheDir string) (*engines, error) {
	var cache wazero.CompilationCache
	if cacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(cacheDir)
		if err != nil {
			return nil, fmt.Errorf("lambda: compilation cache %s: %w", cacheDir, err)
		}
		cache = c
	} else {
		cache = wazero.NewCompilationCache()
	}
	return &engines{engine: engine, cache: cache, runtimes: map[runtimeKey]*engineRuntime{}}, nil
}

// initialKind is the engine new code is loaded with.
func (e *engines) initialKind() Engine {
	if e.engine == EngineCompiler {
		return EngineCompiler
	}
	return EngineInterpreter
}

func (e *engines) runtime(ctx context.Context, key runtimeKey) (*engineRuntime, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrClosed
	}
	if r, ok := e.runtimes[key]; ok {
		return r, nil
	}
	var cfg wazero.RuntimeConfig
	if key.kind == EngineInterpreter {
		cfg = wazero.NewRuntimeConfigInterpreter()
	} else {
		cfg = wazero.NewRuntimeConfigCompiler()
	}
	cfg = cfg.WithCloseOnContextDone(!key.polled).
		WithMemoryLimitPages(memoryPages(key.memMB)).
		WithCompilationCache(e.cache)
	rt := wazero.NewRuntimeWithConfig(ctx, cfg)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		rt.Close(ctx)
		return nil, fmt.Errorf("lambda: instantiate WASI: %w", err)
	}
	if err := instantiateHostModule(ctx, rt); err != nil {
		rt.Close(ctx)
		return nil, fmt.Errorf("lambda: instantiate host module: %w", err)
	}
	r := &engineRuntime{rt: rt, modules: map[string]*compiledCode{}}
	e.runtimes[key] = r
	return r, nil
}

// codeHash identifies function code; equal code shares compiled modules.
func codeHash(code []byte) string {
	sum := sha256.Sum256(code)
	return hex.EncodeToString(sum[:])
}

// acquire returns the compiled form of code for memMB, compiling it on first
// use, and takes a reference that release gives back.
func (e *engines) acquire(ctx context.Context, code []byte, memMB int) (*compiledCode, error) {
	return e.acquireKind(ctx, e.initialKind(), code, memMB)
}

func (e *engines) acquireKind(ctx context.Context, kind Engine, code []byte, memMB int) (*compiledCode, error) {
	return e.acquireHashed(ctx, kind, code, codeHash(code), memMB)
}

// acquireHashed is acquireKind for code whose hash is known (hashing a
// Go module's megabytes on every reset is measurable).
func (e *engines) acquireHashed(ctx context.Context, kind Engine, code []byte, hash string, memMB int) (*compiledCode, error) {
	c, err := e.acquireLoad(ctx, kind, code, hash, memMB)
	if err == nil && e.keep > 0 {
		e.remember(ctx, c)
	}
	return c, err
}

// remember keeps c compiled after its last user is gone, evicting the
// least recently loaded code beyond keep.
func (e *engines) remember(ctx context.Context, c *compiledCode) {
	e.keepMu.Lock()
	for i, k := range e.recent {
		if k == c {
			copy(e.recent[1:i+1], e.recent[:i])
			e.recent[0] = c
			e.keepMu.Unlock()
			return
		}
	}
	e.retain(c)
	e.recent = append([]*compiledCode{c}, e.recent...)
	var evicted *compiledCode
	if len(e.recent) > e.keep {
		evicted = e.recent[len(e.recent)-1]
		e.recent = e.recent[:len(e.recent)-1]
	}
	e.keepMu.Unlock()
	e.release(ctx, evicted)
}

func (e *engines) acquireLoad(ctx context.Context, kind Engine, code []byte, hash string, memMB int) (*compiledCode, error) {
	if kind == EngineCompiler {
		// Compiled code counts down at loop headers and calls WASI's
		// sched_yield now and then, where the environment stops it,
		// instead of wazero's exit to Go at every loop header (see package
		// interrupt): about 60 µs less per warm invocation of a Go
		// handler. Code the instrumenter refuses keeps wazero's check.
		if c, err := e.loadIn(ctx, runtimeKey{kind, memMB, true}, hash, func() ([]byte, error) {
			return interrupt.Instrument(code, interrupt.Options{Module: wasi_snapshot_preview1.ModuleName, Name: "sched_yield"})
		}); err == nil || !(errors.Is(err, errNotInstrumentable) || errors.As(err, new(*InvalidCodeError))) {
			return c, err
		}
		// Refused or invalid: compile the code as given, which also
		// reports an invalid module against the learner's own bytes.
	}
	return e.loadIn(ctx, runtimeKey{kind, memMB, false}, hash, func() ([]byte, error) { return code, nil })
}

// errNotInstrumentable marks code package interrupt refused.
var errNotInstrumentable = errors.New("code cannot be instrumented for interrupts")

// loadIn returns the code with this hash compiled in the runtime for key,
// compiling what prepare returns on first use.
func (e *engines) loadIn(ctx context.Context, key runtimeKey, hash string, prepare func() ([]byte, error)) (*compiledCode, error) {
	r, err := e.runtime(ctx, key)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.modules[hash]; ok {
		c.refs++
		return c, nil
	}
	code, err := prepare()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errNotInstrumentable, err)
	}
	mod, err := r.rt.CompileModule(ctx, code)
	if err != nil {
		return nil, &InvalidCodeError{Err: err}
	}
	if err := checkImports(mod); err != nil {
		mod.Close(ctx)
		return nil, &InvalidCodeError{Err: err}
	}
	c := &compiledCode{rt: r, hash: hash, module: mod, refs: 1, memoryMB: key.memMB, kind: key.kind, polled: key.polled}
	r.modules[hash] = c
	return c, nil
}

// retain takes another reference on c.
func (e *engines) retain(c *compiledCode) {
	c.rt.mu.Lock()
	c.refs++
	c.rt.mu.Unlock()
}

// release drops a reference; the last one frees the compiled code.
func (e *engines) release(ctx context.Context, c *compiledCode) {
	if c == nil {
		return
	}
	c.rt.mu.Lock()
	defer c.rt.mu.Unlock()
	c.refs--
	if c.refs == 0 {
		delete(c.rt.modules, c.hash)
		c.module.Close(ctx)
	}
}

func (e *engines) close(ctx context.Context) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	for _, r := range e.runtimes {
		r.rt.Close(ctx)
	}
	e.runtimes = nil
	e.cache.Close(ctx)
}

// checkImports rejects modules that import anything but WASI and the
// learnsls ABI, and modules that are not commands, with messages that say
// what the runtime expects.
func checkImports(mod wazero.CompiledModule) error {
	for _, f := range mod.ImportedFunctions() {
		m, name, _ := f.Import()
		if m != "learnsls" && m != wasi_snapshot_preview1.ModuleName {
			return fmt.Errorf("imports %s.%s; only %s and learnsls functions are provided", m, name, wasi_snapshot_preview1.ModuleName)
		}
	}
	if _, ok := mod.ExportedFunctions()["_start"]; !ok {
		return fmt.Errorf("exports no _start function; build it as a WASI command (GOOS=wasip1 GOARCH=wasm)")
	}
	if _, ok := mod.ExportedMemories()["memory"]; !ok {
		return fmt.Errorf("exports no memory named \"memory\"")
	}
	return nil
}
