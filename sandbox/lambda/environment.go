package lambda

import (
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental/sysfs"
	"github.com/tetratelabs/wazero/sys"

	"github.com/learnsls/learnsls/sandbox/interrupt"
)

// environment is one execution environment: one module instance serving one
// invocation at a time. Its goroutine runs the module's _start, which blocks
// in next_invocation between invocations.
//
// Fields below "guest side" are touched only by the module's goroutine
// (inside host functions) or after exited is closed.
type environment struct {
	fn    *function
	gen   int
	code  *compiledCode
	ctx   context.Context
	kill  context.CancelFunc
	out   *switchWriter
	tmp   *memFS
	owner *Service

	logStream string
	invokeCh  chan *invocation // unbuffered: a send succeeds only when the guest waits for work
	ready     chan struct{}    // closed at the first next_invocation (end of init)
	readyOnce sync.Once
	parked    chan *invocation // the last invocation served, sent whenever the guest waits in next_invocation
	exited    chan struct{}    // closed when the module has stopped
	exitErr   error            // valid after exited
	initError []byte           // payload of init_error, valid after exited

	lastUsed time.Time // on the service clock; guarded by Service.mu

	// interrupted is set when the environment stops polled code; the exit
	// that follows is a kill.
	interrupted atomic.Bool

	// guest side
	cur      *invocation
	last     *invocation // the most recent invocation received
	awsResp  []byte
	memBytes atomic.Uint64 // largest observed linear memory size; read by the host
}

// invocation is one event handed to an environment.
type invocation struct {
	requestID string
	meta      []byte
	payload   []byte
	done      chan outcome // buffered 1
}

type outcome struct {
	payload []byte
	isError bool
}

type envCtxKey struct{}

func envFrom(ctx context.Context) *environment {
	env, _ := ctx.Value(envCtxKey{}).(*environment)
	return env
}

// start instantiates the module in its own goroutine; init runs until the
// guest first calls next_invocation (ready) or stops (exited).
func (env *environment) start(environ []string, capture *logCapture) {
	env.out.set(capture)
	fsCfg := wazero.NewFSConfig().(sysfs.FSConfig).WithSysFSMount(env.tmp, "/tmp")
	cfg := wazero.NewModuleConfig().
		WithName("").
		WithArgs(env.fn.cfg.Handler).
		WithStdout(env.out).
		WithStderr(env.out).
		WithFSConfig(fsCfg).
		WithRandSource(crand.Reader).
		WithSysNanotime().
		WithWalltime(env.walltime, sys.ClockResolution(time.Microsecond)).
		WithNanosleep(env.nanosleep)
	if env.code.polled {
		// _start is called below, once the countdown global is in hand.
		cfg = cfg.WithStartFunctions().WithOsyield(env.yield)
	} else {
		cfg = cfg.WithStartFunctions("_start")
	}
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		cfg = cfg.WithEnv(k, v)
	}
	go func() {
		defer close(env.exited)
		mod, err := env.code.rt.rt.InstantiateModule(env.ctx, env.code.module, cfg)
		if err == nil && env.code.polled {
			err = env.runPolled(mod)
		}
		if mod != nil {
			mod.Close(context.Background())
		}
		if err == nil {
			// _start returned without proc_exit: a command's main ended.
			err = sys.NewExitError(0)
		}
		env.exitErr = err
	}()
}

// runPolled runs _start of code instrumented by package interrupt. To
// kill the environment, the countdown is zeroed so the guest calls
// sched_yield at its next loop header, where yield ends it; a guest waiting
// in a host function is released by that function watching env.ctx, as
// with wazero's own check.
func (env *environment) runPolled(mod api.Module) error {
	countdown, ok := mod.ExportedGlobal(interrupt.GlobalName).(api.MutableGlobal)
	if !ok {
		return fmt.Errorf("learnsls: instrumented code exports no %s", interrupt.GlobalName)
	}
	set := make(chan struct{})
	stop := context.AfterFunc(env.ctx, func() {
		defer close(set)
		env.interrupted.Store(true)
		countdown.Set(0)
	})
	defer func() {
		if !stop() {
			<-set // the module is closed after this; let Set finish first
		}
	}()
	if env.ctx.Err() != nil {
		return sys.NewExitError(sys.ExitCodeContextCanceled)
	}
	_, err := mod.ExportedFunction("_start").Call(env.ctx)
	if err != nil && env.interrupted.Load() {
		// Whatever the guest was doing, it was killed: report what wazero
		// reports for a module closed by its context.
		return sys.NewExitError(sys.ExitCodeContextCanceled)
	}
	return err
}

// yield backs the guest's sched_yield, which polled code also calls every
// few thousand loop iterations: the point where a killed environment's
// guest stops (and where the Go runtime may preempt the goroutine).
func (env *environment) yield() {
	if env.ctx.Err() != nil {
		env.interrupted.Store(true)
		panic(sys.NewExitError(sys.ExitCodeContextCanceled))
	}
}

// walltime is the guest's clock: the service clock, so simulated time in
// grading is what the handler sees in time.Now.
func (env *environment) walltime() (int64, int32) {
	t := env.owner.clock.Now()
	return t.Unix(), int32(t.Nanosecond())
}

// nanosleep backs the guest's time.Sleep; it returns early when the
// environment is killed so a sleeping guest cannot outlive its timeout.
func (env *environment) nanosleep(ns int64) {
	t := time.NewTimer(time.Duration(ns))
	defer t.Stop()
	select {
	case <-t.C:
	case <-env.ctx.Done():
	}
}

// destroy stops the module (if it still runs) and waits for it.
func (env *environment) destroy() {
	env.kill()
	<-env.exited
	env.owner.engines.release(context.Background(), env.code)
}

// exitReason describes how the module stopped, in Lambda's words.
func (env *environment) exitReason() (errorType, reason string) {
	var exit *sys.ExitError
	if errors.As(env.exitErr, &exit) {
		switch code := exit.ExitCode(); {
		case env.out.oom.Load():
			return "Runtime.OutOfMemory", "Runtime exited with error: signal: killed"
		case code == 0:
			return "Runtime.ExitError", "Runtime exited without providing a reason"
		case code == sys.ExitCodeContextCanceled || code == sys.ExitCodeDeadlineExceeded:
			return "Runtime.ExitError", "Runtime exited with error: signal: killed"
		default:
			return "Runtime.ExitError", fmt.Sprintf("Runtime exited with error: exit status %d", code)
		}
	}
	if env.out.oom.Load() {
		return "Runtime.OutOfMemory", "Runtime exited with error: signal: killed"
	}
	// A trap (unreachable, stack exhaustion, bad memory access) or an ABI
	// misuse reported by a host function.
	msg := "unknown"
	if env.exitErr != nil {
		msg = firstLine(env.exitErr.Error())
		// wazero prefixes traps with "module[] function[_start] failed: ",
		// which says nothing to a learner.
		if i := strings.Index(msg, "wasm error: "); i >= 0 {
			msg = msg[i:]
		} else if i := strings.Index(msg, "learnsls ABI: "); i >= 0 {
			msg = strings.TrimSuffix(msg[i:], " (recovered by wazero)")
		}
	}
	return "Runtime.ExitError", "Runtime exited with error: " + msg
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Host functions of the learnsls ABI (sandbox/guest/ABI.md). They run on
// the module's goroutine; the environment comes from the call context.

func instantiateHostModule(ctx context.Context, rt wazero.Runtime) error {
	i32 := api.ValueTypeI32
	b := rt.NewHostModuleBuilder("learnsls")
	fn := func(name string, f api.GoModuleFunc, params []api.ValueType, results []api.ValueType) {
		b.NewFunctionBuilder().WithGoModuleFunction(f, params, results).Export(name)
	}
	fn("next_invocation", hostNextInvocation, []api.ValueType{i32, i32}, []api.ValueType{i32})
	fn("read_invocation", hostReadInvocation, []api.ValueType{i32, i32}, nil)
	fn("invocation_response", hostInvocationResponse, []api.ValueType{i32, i32}, nil)
	fn("invocation_error", hostInvocationError, []api.ValueType{i32, i32}, nil)
	fn("init_error", hostInitError, []api.ValueType{i32, i32}, nil)
	fn("aws_call", hostAWSCall, []api.ValueType{i32, i32, i32, i32, i32, i32, i32}, []api.ValueType{i32})
	fn("read_response", hostReadResponse, []api.ValueType{i32}, nil)
	_, err := b.Instantiate(ctx)
	return err
}

// abiError is panicked by host functions on a contract violation; wazero
// turns it into the module's failure, which ends the environment.
type abiError struct{ msg string }

func (e abiError) Error() string { return "learnsls ABI: " + e.msg }

func readGuest(mod api.Module, fn string, ptr, n uint32) []byte {
	if n == 0 {
		return nil
	}
	b, ok := mod.Memory().Read(ptr, n)
	if !ok {
		panic(abiError{fmt.Sprintf("%s: range [%d, %d) is outside guest memory", fn, ptr, uint64(ptr)+uint64(n))})
	}
	return append([]byte(nil), b...)
}

func writeGuest(mod api.Module, fn string, ptr uint32, b []byte) {
	if len(b) == 0 {
		return
	}
	if !mod.Memory().Write(ptr, b) {
		panic(abiError{fmt.Sprintf("%s: range [%d, %d) is outside guest memory", fn, ptr, uint64(ptr)+uint64(len(b)))})
	}
}

func writeU32(mod api.Module, fn string, ptr, v uint32) {
	if !mod.Memory().WriteUint32Le(ptr, v) {
		panic(abiError{fmt.Sprintf("%s: pointer %d is outside guest memory", fn, ptr)})
	}
}

func mustEnv(ctx context.Context) *environment {
	env := envFrom(ctx)
	if env == nil {
		panic(abiError{"called outside an execution environment"})
	}
	return env
}

func (env *environment) finish(mod api.Module, o outcome) {
	env.noteMemory(mod)
	if env.cur == nil {
		return
	}
	env.cur.done <- o
	env.cur = nil
	// Let the waiting caller run now, on this thread with its warm caches,
	// rather than on another one the scheduler wakes up to steal it a few
	// microseconds later; the guest finishes its loop when it is next
	// scheduled. Measured: a warm invocation's p50 falls by a quarter with
	// two Ps, and CPU per invocation too.
	runtime.Gosched()
}

func (env *environment) noteMemory(mod api.Module) {
	if size := uint64(mod.Memory().Size()); size > env.memBytes.Load() {
		env.memBytes.Store(size) // only the module's goroutine writes
	}
}

func hostNextInvocation(ctx context.Context, mod api.Module, stack []uint64) {
	env := mustEnv(ctx)
	metaLenPtr, payloadLenPtr := api.DecodeU32(stack[0]), api.DecodeU32(stack[1])
	if env.cur != nil {
		// Asking for more work without answering: Lambda reports the
		// invocation as failed.
		env.finish(mod, outcome{isError: true, payload: marshalErrorRecord("Runtime.NoResponse", "the runtime asked for the next invocation without sending a response")})
	}
	env.noteMemory(mod)
	env.readyOnce.Do(func() { close(env.ready) })
	// Replace any unread park signal with the current one.
	select {
	case <-env.parked:
	default:
	}
	env.parked <- env.last
	select {
	case inv := <-env.invokeCh:
		env.cur, env.last = inv, inv
		writeU32(mod, "next_invocation", metaLenPtr, uint32(len(inv.meta)))
		writeU32(mod, "next_invocation", payloadLenPtr, uint32(len(inv.payload)))
		stack[0] = 0
	case <-ctx.Done():
		stack[0] = 1
	}
}

func hostReadInvocation(ctx context.Context, mod api.Module, stack []uint64) {
	env := mustEnv(ctx)
	if env.cur == nil {
		panic(abiError{"read_invocation: no invocation is pending"})
	}
	writeGuest(mod, "read_invocation", api.DecodeU32(stack[0]), env.cur.meta)
	writeGuest(mod, "read_invocation", api.DecodeU32(stack[1]), env.cur.payload)
}

func hostInvocationResponse(ctx context.Context, mod api.Module, stack []uint64) {
	env := mustEnv(ctx)
	b := readGuest(mod, "invocation_response", api.DecodeU32(stack[0]), api.DecodeU32(stack[1]))
	env.finish(mod, outcome{payload: b})
}

func hostInvocationError(ctx context.Context, mod api.Module, stack []uint64) {
	env := mustEnv(ctx)
	b := readGuest(mod, "invocation_error", api.DecodeU32(stack[0]), api.DecodeU32(stack[1]))
	env.finish(mod, outcome{payload: b, isError: true})
}

func hostInitError(ctx context.Context, mod api.Module, stack []uint64) {
	env := mustEnv(ctx)
	b := readGuest(mod, "init_error", api.DecodeU32(stack[0]), api.DecodeU32(stack[1]))
	env.initError = b
	env.finish(mod, outcome{payload: b, isError: true})
	// The environment is unusable after an init error; stop it now, the
	// way WASI's proc_exit does.
	_ = mod.CloseWithExitCode(ctx, 1)
	panic(sys.NewExitError(1))
}

func hostAWSCall(ctx context.Context, mod api.Module, stack []uint64) {
	env := mustEnv(ctx)
	svc := readGuest(mod, "aws_call", api.DecodeU32(stack[0]), api.DecodeU32(stack[1]))
	op := readGuest(mod, "aws_call", api.DecodeU32(stack[2]), api.DecodeU32(stack[3]))
	body := readGuest(mod, "aws_call", api.DecodeU32(stack[4]), api.DecodeU32(stack[5]))
	respLenPtr := api.DecodeU32(stack[6])
	req := AWSRequest{
		Service:      string(svc),
		Operation:    string(op),
		Body:         body,
		FunctionName: env.fn.cfg.Name,
		FunctionARN:  env.fn.arn,
		Role:         env.fn.cfg.Role,
		Region:       env.owner.opts.Region,
		AccountID:    env.owner.opts.AccountID,
	}
	if env.cur != nil {
		req.RequestID = env.cur.requestID
	}
	var resp AWSResponse
	if env.owner.opts.AWS == nil {
		resp = AWSResponse{Status: 503, Body: []byte(`{"__type":"ServiceUnavailableException","message":"no AWS services are connected to this execution environment"}`)}
	} else {
		resp = env.owner.opts.AWS.CallAWS(ctx, req)
	}
	env.awsResp = resp.Body
	writeU32(mod, "aws_call", respLenPtr, uint32(len(resp.Body)))
	stack[0] = api.EncodeU32(uint32(resp.Status))
}

func hostReadResponse(ctx context.Context, mod api.Module, stack []uint64) {
	env := mustEnv(ctx)
	writeGuest(mod, "read_response", api.DecodeU32(stack[0]), env.awsResp)
	env.awsResp = nil
}
