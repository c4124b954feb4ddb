package interrupt

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"
)

// module assembles a binary module from raw section bodies (id, body).
func module(sections ...[]byte) []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range sections {
		out = append(out, s[0])
		out = appendU32(out, uint32(len(s)-1))
		out = append(out, s[1:]...)
	}
	return out
}

func sec(id byte, body ...byte) []byte { return append([]byte{id}, body...) }

// vec prefixes elements with their count.
func vec(elems ...[]byte) []byte {
	out := appendU32(nil, uint32(len(elems)))
	for _, e := range elems {
		out = append(out, e...)
	}
	return out
}

func export(name string, kind byte, index uint32) []byte {
	return appendU32(append(appendName(nil, name), kind), index)
}

// body is a function body without locals.
func body(code ...byte) []byte {
	b := append([]byte{0x00}, code...)
	return append(appendU32(nil, uint32(len(b))), b...)
}

// Types: 0 is () -> (), 1 is () -> i32. Every module imports env.yield
// (function 0) of type 0, or env.yield32 of type 1 where noted, so its own
// function is function 1.
var (
	types   = sec(1, vec([]byte{0x60, 0x00, 0x00}, []byte{0x60, 0x00, 0x01, 0x7f})...)
	imports = sec(2, vec(importFunc("env", "yield", 0))...)
	funcs1  = func(typ byte) []byte { return sec(3, vec([]byte{typ})...) }
	// loop br 0 end end
	spinBody = body(0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b)
)

func importFunc(module, name string, typ uint32) []byte {
	return appendU32(append(append(appendName(nil, module), appendName(nil, name)...), 0x00), typ)
}

// countFunc counts to 1000 in a loop and returns the count: the inserted
// step must not change what a program computes.
func countFunc() []byte {
	code := []byte{0x01, 0x01, 0x7f, // one group: one i32 local
		0x03, 0x40, // loop
		0x20, 0x00, 0x41, 0x01, 0x6a, 0x21, 0x00, // local = local + 1
		0x20, 0x00, 0x41, 0xe8, 0x07, 0x48, 0x0d, 0x00, // br_if 0 while local < 1000
		0x0b,
		0x20, 0x00, // local.get 0
		0x0b}
	return append(appendU32(nil, uint32(len(code))), code...)
}

// host is the env module: yield counts its calls and ends the module once
// stop is set, as the Lambda host does when an environment is killed.
type host struct {
	calls atomic.Int64
	stop  atomic.Bool
}

func (h *host) instantiate(t testing.TB, ctx context.Context, rt wazero.Runtime) {
	t.Helper()
	yield := func() {
		h.calls.Add(1)
		if h.stop.Load() {
			panic(sys.NewExitError(sys.ExitCodeContextCanceled))
		}
	}
	_, err := rt.NewHostModuleBuilder("env").
		NewFunctionBuilder().WithFunc(yield).Export("yield").
		NewFunctionBuilder().WithFunc(func() uint32 { yield(); return 0 }).Export("yield32").
		Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
}

func compile(t testing.TB, ctx context.Context, rt wazero.Runtime, wasm []byte) api.Module {
	t.Helper()
	mod, err := rt.Instantiate(ctx, wasm)
	if err != nil {
		t.Fatalf("instantiate: %v", err)
	}
	return mod
}

var envYield = Options{Module: "env", Name: "yield"}

// TestInstrumentStopsATightLoop: a loop that never calls out lets the Go
// runtime collect garbage (it calls yield every period) and stops once the
// host zeroes the countdown and yield ends it.
func TestInstrumentStopsATightLoop(t *testing.T) {
	ctx := context.Background()
	wasm := module(types, imports, funcs1(0), sec(7, vec(export("spin", 0, 1))...), sec(10, vec(spinBody)...))
	out, err := Instrument(wasm, Options{Module: "env", Name: "yield", Period: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	// Compiled code only: the interpreter reads the global from Go code, so
	// a concurrent Set is a data race there (it keeps wazero's own check).
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigCompiler())
	defer rt.Close(ctx)
	var h host
	h.instantiate(t, ctx, rt)
	mod := compile(t, ctx, rt, out)
	g, ok := mod.ExportedGlobal(GlobalName).(api.MutableGlobal)
	if !ok {
		t.Fatalf("no mutable global %s exported", GlobalName)
	}
	done := make(chan error, 1)
	go func() {
		_, err := mod.ExportedFunction("spin").Call(ctx)
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("spin returned before the interrupt: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	h.stop.Store(true)
	g.Set(0)
	err = <-done
	var exit *sys.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != sys.ExitCodeContextCanceled {
		t.Fatalf("spin after interrupt: %v, want the exit error yield raised", err)
	}
	if h.calls.Load() != 1 {
		t.Errorf("yield called %d times, want 1 (period 2³⁰)", h.calls.Load())
	}
}

// TestInstrumentLetsGarbageCollectionRun is the case that needs the yield:
// machine code cannot be preempted, so without a periodic call to Go a
// stop-the-world (here runtime.GC) would wait for the loop forever.
func TestInstrumentLetsGarbageCollectionRun(t *testing.T) {
	ctx := context.Background()
	wasm := module(types, imports, funcs1(0), sec(7, vec(export("spin", 0, 1))...), sec(10, vec(spinBody)...))
	out, err := Instrument(wasm, envYield)
	if err != nil {
		t.Fatal(err)
	}
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigCompiler())
	defer rt.Close(ctx)
	var h host
	h.instantiate(t, ctx, rt)
	mod := compile(t, ctx, rt, out)
	done := make(chan error, 1)
	go func() {
		_, err := mod.ExportedFunction("spin").Call(ctx)
		done <- err
	}()
	for h.calls.Load() == 0 {
		runtime.Gosched() // wait until the loop runs
	}
	runtime.GC()
	runtime.GC()
	h.stop.Store(true) // the next periodic yield ends it
	if err := <-done; err == nil {
		t.Fatal("spin returned without an error")
	}
}

func TestInstrumentKeepsResults(t *testing.T) {
	ctx := context.Background()
	exportCount := sec(7, vec(export("count", 0, 1))...)
	code := sec(10, vec(countFunc())...)
	// genv exports an immutable i32 global holding 0: if the countdown's
	// index were computed without the import, the steps would read (and
	// fail to set) this one.
	genv := module(sec(6, vec([]byte{0x7f, 0x00, 0x41, 0x00, 0x0b})...), sec(7, vec(export("g", 3, 0))...))
	importGlobal := append(append(appendName(nil, "genv"), appendName(nil, "g")...), 0x03, 0x7f, 0x00)
	cases := []struct {
		name  string
		wasm  []byte
		yield string
	}{
		{"no globals", module(types, imports, funcs1(1), exportCount, code), "yield"},
		{"yield with a result", module(types, sec(2, vec(importFunc("env", "yield32", 1))...), funcs1(1), exportCount, code), "yield32"},
		{"existing global and export", module(types, imports, funcs1(1),
			sec(6, vec([]byte{0x7e, 0x01, 0x42, 0x07, 0x0b})...), // (global (mut i64) (i64.const 7))
			sec(7, vec(export("count", 0, 1), export("other", 3, 0))...),
			code), "yield"},
		{"custom sections kept", module(sec(0, appendName(nil, "first")...), types, imports, funcs1(1), exportCount,
			sec(0, appendName(nil, "between")...), code, sec(0, appendName(nil, "name")...)), "yield"},
		{"imported global shifts the index", module(types, sec(2, vec(importGlobal, importFunc("env", "yield", 0))...),
			funcs1(1), exportCount, code), "yield"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := Instrument(c.wasm, Options{Module: "env", Name: c.yield, Period: 99})
			if err != nil {
				t.Fatal(err)
			}
			for _, cfg := range []wazero.RuntimeConfig{wazero.NewRuntimeConfigCompiler(), wazero.NewRuntimeConfigInterpreter()} {
				rt := wazero.NewRuntimeWithConfig(ctx, cfg)
				defer rt.Close(ctx)
				var h host
				h.instantiate(t, ctx, rt)
				if _, err := rt.InstantiateWithConfig(ctx, genv, wazero.NewModuleConfig().WithName("genv")); err != nil {
					t.Fatal(err)
				}
				mod := compile(t, ctx, rt, out)
				if _, ok := mod.ExportedGlobal(GlobalName).(api.MutableGlobal); !ok {
					t.Fatalf("%s is not an exported mutable global", GlobalName)
				}
				res, err := mod.ExportedFunction("count").Call(ctx)
				if err != nil || len(res) != 1 || res[0] != 1000 {
					t.Fatalf("count() = %v, %v; want 1000", res, err)
				}
				// 1000 loop headers; the countdown starts at 99 and calls
				// yield on every 100th.
				if n := h.calls.Load(); n != 10 {
					t.Errorf("yield called %d times, want 10", n)
				}
			}
		})
	}
}

func TestInstrumentRejects(t *testing.T) {
	valid := module(types, imports, funcs1(0), sec(7, vec(export("spin", 0, 1))...), sec(10, vec(spinBody)...))
	once, err := Instrument(valid, envYield)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, want string
		wasm       []byte
	}{
		{"empty", "not a WebAssembly binary", nil},
		{"text format", "not a WebAssembly binary", []byte("(module)\n\n")},
		{"version 2", "unsupported binary version 2", []byte("\x00asm\x02\x00\x00\x00")},
		{"truncated section", "unexpected end", append(module(types), 0x03, 0x05, 0x01)},
		{"sections out of order", "out-of-order section", module(funcs1(0), types)},
		{"no yield import", "does not import env.yield", module(types, funcs1(0), sec(10, vec(spinBody)...))},
		{"yield takes parameters", "1 parameters", module(sec(1, vec([]byte{0x60, 0x01, 0x7f, 0x00})...), imports)},
		{"SIMD instruction", "unsupported instruction 0xfd", module(types, imports, funcs1(0), sec(10, vec(body(0xfd, 0x0c, 0x0b))...))},
		{"already instrumented", "already exports " + GlobalName, once},
		{"body longer than its section", "unexpected end", module(types, imports, funcs1(0), sec(10, 0x01, 0x09, 0x00, 0x0b))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Instrument(c.wasm, envYield)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one containing %q", err, c.want)
			}
			if c.name == "already instrumented" && !errors.Is(err, ErrInstrumented) {
				t.Errorf("err = %v, want ErrInstrumented", err)
			}
		})
	}
}

// FuzzInstrument: whatever the input, the decoder does not panic (the
// fuzzer calls it without Instrument's recover), and an instrumented
// module is a well-formed module in its turn: instrumenting it again finds
// the global already exported. Whether the output runs is checked by the
// tests above and by every compiled-engine test of sandbox/lambda, on real
// Go modules; wazero itself is not fuzzed here, since its decoder trusts
// vector counts for allocation sizes and garbage exhausts memory.
func FuzzInstrument(f *testing.F) {
	f.Add(module(types, imports, funcs1(0), sec(7, vec(export("spin", 0, 1))...), sec(10, vec(spinBody)...)))
	f.Add(module(types, imports, funcs1(1), sec(10, vec(countFunc())...)))
	f.Add(module(types, sec(2, vec(append(append(appendName(nil, "genv"), appendName(nil, "g")...), 0x03, 0x7f, 0x00), importFunc("env", "yield", 0))...), funcs1(1), sec(10, vec(countFunc())...)))
	f.Fuzz(func(t *testing.T, wasm []byte) {
		out, err := instrument(wasm, envYield)
		if err != nil {
			return
		}
		if _, err := instrument(out, envYield); !errors.Is(err, ErrInstrumented) {
			t.Fatalf("instrumenting the output again: %v, want ErrInstrumented", err)
		}
		if len(out) <= len(wasm) {
			t.Fatalf("output (%d bytes) is not longer than the input (%d)", len(out), len(wasm))
		}
	})
}
