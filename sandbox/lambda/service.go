// Package lambda simulates AWS Lambda: functions, their execution
// environments and the runtime ABI that connects a function's WebAssembly
// code (built from the learner's Go handler) to the host.
//
// A function's code is a WASI preview 1 command module that speaks the
// learnsls ABI (sandbox/guest/ABI.md). Each execution environment is one
// instance of that module in wazero, serving one invocation at a time, kept
// warm between invocations and discarded after a timeout, crash or exit, as
// Lambda does. Environments see only the variables Lambda sets plus the
// function's own, an in-memory /tmp capped at the ephemeral storage size,
// no network and a memory cap from the function's memory size.
package lambda

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Clock gives the simulated time; grading advances it, so idle
// reclamation and the guest's time.Now follow it. Durations reported for
// invocations are measured with the real clock.
type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

// AWSRequest is one aws_call from a function: a service operation in the
// service's JSON wire protocol, made as the function's execution role.
type AWSRequest struct {
	Service   string // signing name: dynamodb, sqs, sns, events, ...
	Operation string // e.g. GetItem
	Body      []byte
	// The caller, for IAM authorisation and request logs.
	FunctionName string
	FunctionARN  string
	Role         string
	RequestID    string
	Region       string
	AccountID    string
}

// AWSResponse is the HTTP status and body of an aws_call.
type AWSResponse struct {
	Status int
	Body   []byte
}

// AWSCaller serves the aws_call host function (the Stack wires the
// simulated services and IAM behind it). ctx ends when the invocation
// times out.
type AWSCaller interface {
	CallAWS(ctx context.Context, req AWSRequest) AWSResponse
}

// Options configure a Service. Zero values take the defaults noted.
type Options struct {
	Clock     Clock  // default: the real clock
	Region    string // default us-east-1
	AccountID string // default 123456789012
	Engine    Engine
	// CompilationCacheDir keeps compiled machine code on disk between
	// runs (compiler engine only); empty keeps it in memory.
	CompilationCacheDir string
	Logs                LogSink
	AWS                 AWSCaller
	// ConcurrencyLimit caps concurrent executions of all functions without
	// reserved concurrency together (the account's unreserved pool);
	// default 10.
	ConcurrencyLimit int
	// MaxEnvironments caps live environments across all functions; idle
	// ones are reclaimed least recently used first; default 64.
	MaxEnvironments int
	// IdleTimeout is how long (on Clock) an idle environment stays warm;
	// default 10 minutes.
	IdleTimeout time.Duration
	// InitTimeout bounds the init phase (real time); default 10 s as Lambda.
	InitTimeout time.Duration
	// MaxLogBytes caps the function output kept per invocation; default 1 MiB.
	MaxLogBytes int
	// AutoCompileAfter is how many invocations of the same code make
	// EngineAuto compile it; default DefaultAutoCompileAfter.
	AutoCompileAfter int
	// CodeCache, when set, is shared with other Services (Engine and
	// CompilationCacheDir are then the cache's); Close leaves it open.
	CodeCache *CodeCache
}

// Service is the Lambda service of one simulated account. It is safe for
// concurrent use.
type Service struct {
	opts    Options
	clock   Clock
	engines *engines

	background sync.WaitGroup // background compilations

	mu             sync.Mutex
	functions      map[string]*function
	liveEnvs       int
	unreservedBusy int
	closed         bool
}

type function struct {
	cfg  FunctionConfig
	arn  string
	code []byte
	hash string
	// compiled is the function's code loaded for its memory size; the
	// function holds one reference, each environment another, so code
	// stays compiled while the function exists.
	compiled *compiledCode
	gen      int // bumped by every code or configuration change
	// sinceLoad counts invocations of the current code; upgrading is set
	// while EngineAuto compiles it in the background.
	sinceLoad int
	upgrading bool
	deleted   bool
	idle      []*environment // most recently used last
	busy      int
	stats     FunctionStats
}

// FunctionStats counts what happened to a function, for checks such as
// "the second call was warm".
type FunctionStats struct {
	Invocations int
	ColdStarts  int
	Errors      int
	Throttles   int
	Timeouts    int
}

// New returns a Service with no functions.
func New(ctx context.Context, opts Options) (*Service, error) {
	if opts.Clock == nil {
		opts.Clock = realClock{}
	}
	if opts.Region == "" {
		opts.Region = "us-east-1"
	}
	if opts.AccountID == "" {
		opts.AccountID = "123456789012"
	}
	if opts.ConcurrencyLimit <= 0 {
		opts.ConcurrencyLimit = 10
	}
	if opts.MaxEnvironments <= 0 {
		opts.MaxEnvironments = 64
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = 10 * time.Minute
	}
	if opts.InitTimeout <= 0 {
		opts.InitTimeout = 10 * time.Second
	}
	if opts.MaxLogBytes <= 0 {
		opts.MaxLogBytes = DefaultMaxLogBytes
	}
	if opts.AutoCompileAfter <= 0 {
		opts.AutoCompileAfter = DefaultAutoCompileAfter
	}
	var e *engines
	if opts.CodeCache != nil {
		e = opts.CodeCache.e
	} else {
		var err error
		if e, err = newEngines(ctx, opts.Engine, opts.CompilationCacheDir); err != nil {
			return nil, err
		}
	}
	return &Service{opts: opts, clock: opts.Clock, engines: e, functions: map[string]*function{}}, nil
}

// Close discards every environment and frees the engines.
func (s *Service) Close(ctx context.Context) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	var envs []*environment
	var codes []*compiledCode
	for _, fn := range s.functions {
		envs = append(envs, fn.idle...)
		fn.idle = nil
		codes = append(codes, fn.compiled)
		fn.compiled = nil
	}
	s.mu.Unlock()
	for _, env := range envs {
		env.destroy()
	}
	s.background.Wait()
	if s.engines.shared {
		// The runtimes outlive this account: give back its references
		// (busy environments give back theirs when they end).
		for _, c := range codes {
			s.engines.release(ctx, c)
		}
		return nil
	}
	s.engines.close(ctx)
	return nil
}

// maybeUpgradeLocked starts compiling a busy function's code with the
// compiler (EngineAuto only); later environments then run compiled code.
func (s *Service) maybeUpgradeLocked(fn *function) {
	fn.sinceLoad++
	if s.engines.engine != EngineAuto || fn.upgrading || fn.compiled == nil || fn.compiled.kind == EngineCompiler || fn.sinceLoad < s.opts.AutoCompileAfter {
		return
	}
	fn.upgrading = true
	code, memMB, hash := fn.code, fn.cfg.MemoryMB, fn.hash
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		ctx := context.Background()
		c, err := s.engines.acquireKind(ctx, EngineCompiler, code, memMB)
		if err != nil {
			return // stay interpreted
		}
		s.mu.Lock()
		if s.closed || fn.deleted || fn.hash != hash || fn.cfg.MemoryMB != memMB {
			s.mu.Unlock()
			s.engines.release(ctx, c)
			return
		}
		old := fn.compiled
		fn.compiled = c
		s.mu.Unlock()
		s.engines.release(ctx, old)
	}()
}

// FunctionARN is the ARN of the named function in this account.
func (s *Service) FunctionARN(name string) string {
	return fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", s.opts.Region, s.opts.AccountID, name)
}

// nameFromARN accepts a function name or its ARN (with an optional
// $LATEST qualifier).
func nameFromARN(nameOrARN string) string {
	if strings.HasPrefix(nameOrARN, "arn:") {
		parts := strings.Split(nameOrARN, ":")
		if len(parts) >= 7 {
			return parts[6]
		}
	}
	name, _, _ := strings.Cut(nameOrARN, ":")
	return name
}

// CreateFunction adds a function with the given WebAssembly code. The code
// is compiled now, so invalid code fails here rather than at invoke time.
func (s *Service) CreateFunction(ctx context.Context, cfg FunctionConfig, code []byte) (FunctionConfig, error) {
	if err := cfg.Normalize(); err != nil {
		return FunctionConfig{}, err
	}
	c, err := s.engines.acquire(ctx, code, cfg.MemoryMB)
	if err != nil {
		return FunctionConfig{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		s.engines.release(ctx, c)
		return FunctionConfig{}, ErrClosed
	}
	if _, ok := s.functions[cfg.Name]; ok {
		s.engines.release(ctx, c)
		return FunctionConfig{}, &ResourceConflictError{Message: "Function already exist: " + cfg.Name}
	}
	s.functions[cfg.Name] = &function{cfg: cloneConfig(cfg), arn: s.FunctionARN(cfg.Name), code: code, hash: c.hash, compiled: c}
	return cloneConfig(cfg), nil
}

// UpdateFunctionCode replaces a function's code; warm environments of the
// old code are discarded (busy ones when their invocation ends).
func (s *Service) UpdateFunctionCode(ctx context.Context, name string, code []byte) error {
	s.mu.Lock()
	fn, err := s.lookupLocked(name)
	memMB := 0
	if err == nil {
		memMB = fn.cfg.MemoryMB
	}
	s.mu.Unlock()
	if err != nil {
		return err
	}
	c, err := s.engines.acquire(ctx, code, memMB)
	if err != nil {
		return err
	}
	s.mu.Lock()
	old := fn.compiled
	fn.code, fn.hash, fn.compiled = code, c.hash, c
	fn.sinceLoad, fn.upgrading = 0, false
	stale := s.bumpLocked(fn)
	s.mu.Unlock()
	destroyAll(stale)
	s.engines.release(ctx, old)
	return nil
}

// UpdateFunctionConfiguration replaces a function's configuration (its
// name cannot change); warm environments are discarded.
func (s *Service) UpdateFunctionConfiguration(ctx context.Context, cfg FunctionConfig) (FunctionConfig, error) {
	if err := cfg.Normalize(); err != nil {
		return FunctionConfig{}, err
	}
	s.mu.Lock()
	fn, err := s.lookupLocked(cfg.Name)
	if err != nil {
		s.mu.Unlock()
		return FunctionConfig{}, err
	}
	code, hash := fn.code, fn.hash
	s.mu.Unlock()
	// Compile for the (possibly new) memory size before committing.
	c, err := s.engines.acquireHashed(ctx, s.engines.initialKind(), code, hash, cfg.MemoryMB)
	if err != nil {
		return FunctionConfig{}, err
	}
	s.mu.Lock()
	old := fn.compiled
	fn.cfg, fn.compiled = cloneConfig(cfg), c
	fn.sinceLoad, fn.upgrading = 0, false
	stale := s.bumpLocked(fn)
	s.mu.Unlock()
	destroyAll(stale)
	s.engines.release(ctx, old)
	return cloneConfig(cfg), nil
}

// DeleteFunction removes a function and its environments.
func (s *Service) DeleteFunction(ctx context.Context, name string) error {
	s.mu.Lock()
	fn, err := s.lookupLocked(name)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	delete(s.functions, fn.cfg.Name)
	fn.deleted = true
	stale := s.bumpLocked(fn)
	old := fn.compiled
	fn.compiled = nil
	s.mu.Unlock()
	destroyAll(stale)
	s.engines.release(ctx, old)
	return nil
}

// GetFunction returns a function's configuration.
func (s *Service) GetFunction(name string) (FunctionConfig, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, err := s.lookupLocked(name)
	if err != nil {
		return FunctionConfig{}, err
	}
	return cloneConfig(fn.cfg), nil
}

// ListFunctions returns the names of all functions, sorted.
func (s *Service) ListFunctions() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.functions))
	for n := range s.functions {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Stats returns a function's counters.
func (s *Service) Stats(name string) (FunctionStats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, err := s.lookupLocked(name)
	if err != nil {
		return FunctionStats{}, err
	}
	return fn.stats, nil
}

// WarmEnvironments reports how many idle environments a function has.
func (s *Service) WarmEnvironments(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if fn, err := s.lookupLocked(name); err == nil {
		return len(fn.idle)
	}
	return 0
}

// ReapIdle discards environments idle for longer than the idle timeout on
// the service clock. Invoke does this for the function it runs; callers
// that advance a simulated clock may call it directly.
func (s *Service) ReapIdle() {
	s.mu.Lock()
	var stale []*environment
	for _, fn := range s.functions {
		stale = append(stale, s.reapLocked(fn)...)
	}
	s.mu.Unlock()
	destroyAll(stale)
}

func (s *Service) lookupLocked(name string) (*function, error) {
	if s.closed {
		return nil, ErrClosed
	}
	fn, ok := s.functions[nameFromARN(name)]
	if !ok {
		return nil, &ResourceNotFoundError{ARN: s.FunctionARN(nameFromARN(name))}
	}
	return fn, nil
}

func (s *Service) bumpLocked(fn *function) []*environment {
	fn.gen++
	stale := fn.idle
	fn.idle = nil
	s.liveEnvs -= len(stale)
	return stale
}

func (s *Service) reapLocked(fn *function) []*environment {
	cutoff := s.clock.Now().Add(-s.opts.IdleTimeout)
	var keep, stale []*environment
	for _, env := range fn.idle {
		if env.lastUsed.Before(cutoff) {
			stale = append(stale, env)
		} else {
			keep = append(keep, env)
		}
	}
	fn.idle = keep
	s.liveEnvs -= len(stale)
	return stale
}

func destroyAll(envs []*environment) {
	for _, env := range envs {
		env.destroy()
	}
}

func cloneConfig(c FunctionConfig) FunctionConfig {
	if c.Environment != nil {
		env := make(map[string]string, len(c.Environment))
		for k, v := range c.Environment {
			env[k] = v
		}
		c.Environment = env
	}
	if c.ReservedConcurrency != nil {
		n := *c.ReservedConcurrency
		c.ReservedConcurrency = &n
	}
	return c
}

// slot is a claim on one concurrent execution of a function.
type slot struct {
	fn       *function
	gen      int
	env      *environment // nil: a cold start is needed
	reserved bool
}

// acquire claims an execution slot: a warm environment if one is idle, or
// the right to start one. It fails with TooManyRequestsError at the limit.
func (s *Service) acquire(name string) (*slot, []*environment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, err := s.lookupLocked(name)
	if err != nil {
		return nil, nil, err
	}
	stale := s.reapLocked(fn)
	reserved := fn.cfg.ReservedConcurrency != nil
	if reserved && fn.busy >= *fn.cfg.ReservedConcurrency {
		fn.stats.Throttles++
		return nil, stale, &TooManyRequestsError{Reason: "ReservedFunctionConcurrentInvocationLimitExceeded"}
	}
	if !reserved && s.unreservedBusy >= s.opts.ConcurrencyLimit {
		fn.stats.Throttles++
		return nil, stale, &TooManyRequestsError{Reason: "ConcurrentInvocationLimitExceeded"}
	}
	sl := &slot{fn: fn, gen: fn.gen, reserved: reserved}
	if n := len(fn.idle); n > 0 {
		sl.env = fn.idle[n-1]
		fn.idle = fn.idle[:n-1]
	} else {
		if s.liveEnvs >= s.opts.MaxEnvironments {
			victim := s.evictLocked()
			if victim == nil {
				fn.stats.Throttles++
				return nil, stale, &TooManyRequestsError{Reason: "ConcurrentInvocationLimitExceeded"}
			}
			stale = append(stale, victim)
		}
		s.liveEnvs++
	}
	fn.busy++
	if !reserved {
		s.unreservedBusy++
	}
	return sl, stale, nil
}

// evictLocked removes the least recently used idle environment of any
// function.
func (s *Service) evictLocked() *environment {
	var victimFn *function
	for _, fn := range s.functions {
		if len(fn.idle) > 0 && (victimFn == nil || fn.idle[0].lastUsed.Before(victimFn.idle[0].lastUsed)) {
			victimFn = fn
		}
	}
	if victimFn == nil {
		return nil
	}
	env := victimFn.idle[0]
	victimFn.idle = victimFn.idle[1:]
	s.liveEnvs--
	return env
}

// release returns the slot; a reusable environment of the current code and
// configuration goes back to the idle list, any other is destroyed.
func (s *Service) release(sl *slot, env *environment, reusable bool) {
	s.mu.Lock()
	fn := sl.fn
	fn.busy--
	if sl.reserved {
		// nothing: reserved functions do not use the unreserved pool
	} else {
		s.unreservedBusy--
	}
	// An environment of code since recompiled (EngineAuto) retires so
	// the next cold start runs the faster code.
	keep := reusable && env != nil && !fn.deleted && !s.closed && env.gen == fn.gen &&
		fn.compiled != nil && env.code.kind == fn.compiled.kind
	if keep {
		env.lastUsed = s.clock.Now()
		fn.idle = append(fn.idle, env)
	} else {
		// The slot counted one live environment (warm or started cold).
		s.liveEnvs--
	}
	s.mu.Unlock()
	if !keep && env != nil {
		env.destroy()
	}
}

// InvokeResult is the outcome of a synchronous invocation.
type InvokeResult struct {
	RequestID string
	// Payload is the function's response, or the error record
	// {"errorMessage","errorType"[,"stackTrace"]} when FunctionError is set.
	Payload []byte
	// FunctionError is "Unhandled" when the function failed (Lambda's
	// X-Amz-Function-Error); ErrorType is the record's errorType.
	FunctionError string
	ErrorType     string
	// Logs is this invocation's log stream: init output on a cold start,
	// START, the function's output, END and REPORT.
	Logs           string
	LogGroup       string
	LogStream      string
	ColdStart      bool
	InitDuration   time.Duration
	Duration       time.Duration
	BilledDuration time.Duration
	MemorySizeMB   int
	MaxMemoryUsed  int // MB
}

// Invoke runs one synchronous (RequestResponse) invocation of the named
// function with the JSON payload. A function failure is not an error: it
// is reported in the result. Errors are Lambda API errors (not found,
// throttled, payload too large) or ctx ending.
func (s *Service) Invoke(ctx context.Context, name string, payload []byte) (*InvokeResult, error) {
	return s.InvokeWith(ctx, InvokeRequest{FunctionName: name, Payload: payload})
}

// InvokeRequest carries the optional parts of an invocation.
type InvokeRequest struct {
	FunctionName string
	Payload      []byte
	// ClientContext is the caller's client context JSON, if any.
	ClientContext string
	TraceID       string
}

// InvokeWith is Invoke with the optional request fields.
func (s *Service) InvokeWith(ctx context.Context, req InvokeRequest) (*InvokeResult, error) {
	payload := req.Payload
	if len(payload) == 0 {
		payload = []byte("{}")
	}
	if len(payload) > MaxSyncPayloadBytes {
		return nil, &RequestTooLargeError{Size: len(payload)}
	}
	if !json.Valid(payload) {
		return nil, &InvalidRequestContentError{Message: "Could not parse request body into json: the payload is not valid JSON"}
	}
	for attempt := 0; ; attempt++ {
		sl, stale, err := s.acquire(req.FunctionName)
		destroyAll(stale)
		if err != nil {
			return nil, err
		}
		res, retry, err := s.run(ctx, sl, req, payload)
		if retry && attempt < 2 {
			continue
		}
		if err == nil && retry {
			err = errors.New("lambda: environments keep stopping before accepting work")
		}
		return res, err
	}
}

// InvalidRequestContentError is Lambda's InvalidRequestContentException.
type InvalidRequestContentError struct{ Message string }

func (e *InvalidRequestContentError) Error() string {
	return "InvalidRequestContentException: " + e.Message
}

// newRequestID makes a version 4 UUID. Request and trace IDs need to be
// unique, not secret, so the fast math/rand/v2 generator is enough.
func newRequestID() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], mrand.Uint64())
	binary.LittleEndian.PutUint64(b[8:], mrand.Uint64())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// randomHex returns n hex digits from the system's secure generator (used
// for fake credentials and log stream names).
func randomHex(n int) string {
	b := make([]byte, n/2)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}

func traceID(now time.Time) string {
	var b [20]byte
	binary.LittleEndian.PutUint64(b[:8], mrand.Uint64())
	binary.LittleEndian.PutUint64(b[8:16], mrand.Uint64())
	binary.LittleEndian.PutUint32(b[16:], mrand.Uint32())
	return "Root=1-" + strconv.FormatInt(now.Unix(), 16) + "-" + hex.EncodeToString(b[:12]) + ";Parent=" + hex.EncodeToString(b[12:]) + ";Sampled=0"
}

// environ is the environment of a new execution environment: what Lambda
// sets, then the function's own variables. Nothing comes from the host.
func (s *Service) environ(fn *function, cfg FunctionConfig, logStream string) []string {
	vars := map[string]string{
		"AWS_REGION":                      s.opts.Region,
		"AWS_DEFAULT_REGION":              s.opts.Region,
		"AWS_LAMBDA_FUNCTION_NAME":        cfg.Name,
		"AWS_LAMBDA_FUNCTION_VERSION":     "$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": strconv.Itoa(cfg.MemoryMB),
		"AWS_LAMBDA_LOG_GROUP_NAME":       cfg.LoggingLogGroup,
		"AWS_LAMBDA_LOG_STREAM_NAME":      logStream,
		"AWS_LAMBDA_INITIALIZATION_TYPE":  "on-demand",
		"AWS_LAMBDA_RUNTIME_API":          "127.0.0.1:9001",
		"AWS_EXECUTION_ENV":               "AWS_Lambda_provided.al2023",
		"_HANDLER":                        cfg.Handler,
		"TZ":                              ":UTC",
		"LANG":                            "en_US.UTF-8",
		"PATH":                            "/usr/local/bin:/usr/bin/:/bin:/opt/bin",
		"LAMBDA_TASK_ROOT":                "/var/task",
		"LAMBDA_RUNTIME_DIR":              "/var/runtime",
		// Fake temporary credentials of the execution role; the host
		// authorises aws_call by the role, never by these.
		"AWS_ACCESS_KEY_ID":     "ASIA" + strings.ToUpper(randomHex(16)),
		"AWS_SECRET_ACCESS_KEY": randomHex(40),
		"AWS_SESSION_TOKEN":     "learnsls-session-" + randomHex(32),
	}
	for k, v := range cfg.Environment {
		vars[k] = v
	}
	out := make([]string, 0, len(vars))
	for k, v := range vars {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}
