package lambda

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// run performs one invocation in the slot's environment, cold-starting one
// if needed. retry is true when a warm environment turned out to have
// stopped before taking the work (the caller tries again).
func (s *Service) run(ctx context.Context, sl *slot, req InvokeRequest, payload []byte) (res *InvokeResult, retry bool, err error) {
	s.mu.Lock()
	cfg, fn := sl.fn.cfg, sl.fn
	fn.stats.Invocations++
	s.maybeUpgradeLocked(fn)
	s.mu.Unlock()

	requestID := newRequestID()
	now := s.clock.Now()
	res = &InvokeResult{RequestID: requestID, MemorySizeMB: cfg.MemoryMB, LogGroup: cfg.LoggingLogGroup}

	env := sl.env
	var capture *logCapture
	if env == nil {
		res.ColdStart = true
		s.mu.Lock()
		fn.stats.ColdStarts++
		s.mu.Unlock()
		var initErr *outcome
		env, capture, initErr, err = s.coldStart(ctx, fn, sl.gen, cfg, res, requestID)
		if err != nil {
			s.release(sl, env, false)
			return nil, false, err
		}
		if initErr != nil {
			res.LogStream = env.logStream
			capture.setRequestID(requestID)
			capture.platformLine("START RequestId: %s Version: $LATEST", requestID)
			s.finishFailure(res, capture, env, *initErr, cfg)
			s.release(sl, env, false)
			return res, false, nil
		}
	} else {
		capture = s.newCapture(cfg, env.logStream)
	}
	res.LogStream = env.logStream
	capture.setRequestID(requestID)
	env.out.set(capture)
	capture.platformLine("START RequestId: %s Version: $LATEST", requestID)

	meta := marshalMeta(invocationMeta{
		RequestID:          requestID,
		DeadlineMs:         now.Add(cfg.Timeout).UnixMilli(),
		InvokedFunctionArn: fn.arn,
		TraceID:            firstNonEmpty(req.TraceID, traceID(now)),
		ClientContext:      req.ClientContext,
	})
	inv := &invocation{requestID: requestID, meta: meta, payload: payload, done: make(chan outcome, 1)}

	timer := time.NewTimer(cfg.Timeout)
	defer timer.Stop()
	start := time.Now()

	// Hand over: succeeds only while the guest waits in next_invocation.
	select {
	case env.invokeCh <- inv:
	case <-env.exited:
		if !res.ColdStart {
			// A warm environment that died after its last invocation
			// (e.g. a panic) is replaced transparently.
			s.release(sl, env, false)
			return nil, true, nil
		}
		s.finishExit(res, capture, env, requestID, time.Since(start), cfg)
		s.release(sl, env, false)
		return res, false, nil
	case <-timer.C:
		s.finishTimeout(res, capture, env, requestID, time.Since(start), cfg)
		s.release(sl, env, false)
		return res, false, nil
	case <-ctx.Done():
		s.release(sl, env, false)
		return nil, false, fmt.Errorf("lambda: invoke %s: %w", cfg.Name, ctx.Err())
	}

	select {
	case o := <-inv.done:
		res.Duration = time.Since(start)
		reusable := true
		if o.isError {
			// A failing guest may be about to exit (aws-lambda-go exits
			// after a panic): give it a moment to either park in
			// next_invocation or stop, so its last words land in this
			// invocation's log and a dying environment is not reused.
			grace := time.NewTimer(200 * time.Millisecond)
		wait:
			for {
				select {
				case last := <-env.parked:
					if last == inv {
						break wait
					}
				case <-env.exited:
					reusable = false
					break wait
				case <-grace.C:
					break wait
				}
			}
			grace.Stop()
			s.finishFailure(res, capture, env, o, cfg)
		} else if len(o.payload) > MaxSyncPayloadBytes {
			s.finishFailure(res, capture, env, outcome{isError: true, payload: marshalErrorRecord("Function.ResponseSizeTooLarge",
				fmt.Sprintf("Response payload size exceeded maximum allowed payload size (%d bytes).", MaxSyncPayloadBytes))}, cfg)
		} else {
			res.Payload = o.payload
			s.frame(res, capture, env, cfg, "")
		}
		s.release(sl, env, reusable)
		return res, false, nil
	case <-env.exited:
		s.finishExit(res, capture, env, requestID, time.Since(start), cfg)
	case <-timer.C:
		s.finishTimeout(res, capture, env, requestID, time.Since(start), cfg)
	case <-ctx.Done():
		s.release(sl, env, false)
		return nil, false, fmt.Errorf("lambda: invoke %s: %w", cfg.Name, ctx.Err())
	}
	s.release(sl, env, false)
	return res, false, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (s *Service) newCapture(cfg FunctionConfig, logStream string) *logCapture {
	return newLogCapture(s.opts.MaxLogBytes, LogEvent{Function: cfg.Name, LogGroup: cfg.LoggingLogGroup, LogStream: logStream}, s.opts.Logs, s.clock.Now)
}

// coldStart creates an environment and runs its init phase. initErr is set
// when init failed (the environment is then stopped).
func (s *Service) coldStart(ctx context.Context, fn *function, gen int, cfg FunctionConfig, res *InvokeResult, requestID string) (env *environment, capture *logCapture, initErr *outcome, err error) {
	s.mu.Lock()
	code := fn.compiled
	if code == nil || fn.gen != gen {
		s.mu.Unlock()
		return nil, nil, nil, fmt.Errorf("lambda: %s changed or was deleted during the invocation", cfg.Name)
	}
	s.engines.retain(code)
	s.mu.Unlock()
	now := s.clock.Now()
	logStream := now.UTC().Format("2006/01/02") + "/[$LATEST]" + randomHex(32)
	env = &environment{
		fn: fn, gen: gen, code: code, owner: s,
		out:       &switchWriter{},
		tmp:       newMemFS(int64(cfg.EphemeralStorageMB)<<20, s.clock.Now),
		logStream: logStream,
		invokeCh:  make(chan *invocation),
		ready:     make(chan struct{}),
		parked:    make(chan *invocation, 1),
		exited:    make(chan struct{}),
	}
	env.ctx, env.kill = context.WithCancel(context.WithValue(context.Background(), envCtxKey{}, env))
	capture = s.newCapture(cfg, logStream)

	start := time.Now()
	env.start(s.environ(fn, cfg, logStream), capture)
	timer := time.NewTimer(s.opts.InitTimeout)
	defer timer.Stop()
	select {
	case <-env.ready:
		res.InitDuration = time.Since(start)
		return env, capture, nil, nil
	case <-env.exited:
		res.InitDuration = time.Since(start)
		if env.initError != nil {
			return env, capture, &outcome{isError: true, payload: env.initError}, nil
		}
		errType, reason := env.exitReason()
		return env, capture, &outcome{isError: true, payload: marshalErrorRecord(errType, fmt.Sprintf("RequestId: %s Error: %s", requestID, reason))}, nil
	case <-timer.C:
		res.InitDuration = time.Since(start)
		env.kill()
		<-env.exited
		return env, capture, &outcome{isError: true, payload: marshalErrorRecord("Sandbox.Timedout",
			fmt.Sprintf("RequestId: %s Error: Task timed out after %.2f seconds", requestID, s.opts.InitTimeout.Seconds()))}, nil
	case <-ctx.Done():
		env.kill()
		<-env.exited
		return env, nil, nil, fmt.Errorf("lambda: init %s: %w", cfg.Name, ctx.Err())
	}
}

// errorRecordJSON is the shape of a function error payload.
type errorRecordJSON struct {
	ErrorMessage string `json:"errorMessage"`
	ErrorType    string `json:"errorType"`
}

func marshalErrorRecord(errorType, message string) []byte {
	b, _ := json.Marshal(errorRecordJSON{ErrorMessage: message, ErrorType: errorType})
	return b
}

// finishFailure records a function error (returned error, panic, init
// failure) and frames the log.
func (s *Service) finishFailure(res *InvokeResult, capture *logCapture, env *environment, o outcome, cfg FunctionConfig) {
	res.Payload = o.payload
	res.FunctionError = "Unhandled"
	var rec errorRecordJSON
	if json.Unmarshal(o.payload, &rec) == nil {
		res.ErrorType = rec.ErrorType
	}
	s.countError(env.fn, false)
	s.frame(res, capture, env, cfg, "")
}

// finishExit reports a module that stopped mid-invocation (os.Exit, a Go
// fatal error such as out of memory, a trap).
func (s *Service) finishExit(res *InvokeResult, capture *logCapture, env *environment, requestID string, d time.Duration, cfg FunctionConfig) {
	res.Duration = d
	errType, reason := env.exitReason()
	msg := fmt.Sprintf("RequestId: %s Error: %s", requestID, reason)
	res.Payload = marshalErrorRecord(errType, msg)
	res.FunctionError = "Unhandled"
	res.ErrorType = errType
	s.countError(env.fn, false)
	capture.platformLine("%s", msg)
	capture.platformLine("%s", errType)
	s.frame(res, capture, env, cfg, "")
}

// finishTimeout stops the environment and reports Lambda's timeout.
func (s *Service) finishTimeout(res *InvokeResult, capture *logCapture, env *environment, requestID string, d time.Duration, cfg FunctionConfig) {
	env.kill()
	<-env.exited
	res.Duration = d
	secs := fmt.Sprintf("%.2f", cfg.Timeout.Seconds())
	res.Payload = marshalErrorRecord("Sandbox.Timedout", fmt.Sprintf("RequestId: %s Error: Task timed out after %s seconds", requestID, secs))
	res.FunctionError = "Unhandled"
	res.ErrorType = "Sandbox.Timedout"
	s.countError(env.fn, true)
	tail := fmt.Sprintf("%s %s Task timed out after %s seconds", s.clock.Now().UTC().Format("2006-01-02T15:04:05.000Z"), requestID, secs)
	s.frame(res, capture, env, cfg, tail)
}

func (s *Service) countError(fn *function, timeout bool) {
	s.mu.Lock()
	fn.stats.Errors++
	if timeout {
		fn.stats.Timeouts++
	}
	s.mu.Unlock()
}

// frame ends the invocation's log: END, REPORT and an optional line after
// REPORT (Lambda prints the timeout notice there).
func (s *Service) frame(res *InvokeResult, capture *logCapture, env *environment, cfg FunctionConfig, tail string) {
	res.BilledDuration = billedDuration(res.Duration)
	if res.ColdStart {
		// Lambda bills the init phase of OS-only (provided) runtimes.
		res.BilledDuration += billedDuration(res.InitDuration)
	}
	res.MaxMemoryUsed = int((env.memBytes.Load() + (1<<20 - 1)) >> 20)
	capture.endFunctionOutput()
	capture.platformLine("END RequestId: %s", res.RequestID)
	capture.platformLine("%s", reportLine(res.RequestID, res.Duration, res.BilledDuration, cfg.MemoryMB, res.MaxMemoryUsed, res.InitDuration, res.ColdStart))
	if tail != "" {
		capture.platformLine("%s", tail)
	}
	res.Logs = capture.String()
}

// invocationMeta is the metadata JSON handed to the guest (ABI.md).
type invocationMeta struct {
	RequestID          string `json:"requestId"`
	DeadlineMs         int64  `json:"deadlineMs"`
	InvokedFunctionArn string `json:"invokedFunctionArn"`
	TraceID            string `json:"traceId"`
	ClientContext      string `json:"clientContext,omitempty"`
}

// marshalMeta encodes the metadata. The common case (no client context,
// IDs and ARNs that need no escaping) is appended by hand; it runs on every
// invocation.
func marshalMeta(m invocationMeta) []byte {
	if m.ClientContext != "" || needsEscape(m.RequestID) || needsEscape(m.InvokedFunctionArn) || needsEscape(m.TraceID) {
		b, _ := json.Marshal(m)
		return b
	}
	b := make([]byte, 0, 96+len(m.RequestID)+len(m.InvokedFunctionArn)+len(m.TraceID))
	b = append(b, `{"requestId":"`...)
	b = append(b, m.RequestID...)
	b = append(b, `","deadlineMs":`...)
	b = strconv.AppendInt(b, m.DeadlineMs, 10)
	b = append(b, `,"invokedFunctionArn":"`...)
	b = append(b, m.InvokedFunctionArn...)
	b = append(b, `","traceId":"`...)
	b = append(b, m.TraceID...)
	b = append(b, `"}`...)
	return b
}

// needsEscape reports whether s needs JSON escaping (or is not ASCII,
// where encoding/json's rules apply).
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return true
		}
	}
	return false
}
