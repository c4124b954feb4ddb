package grade

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/sandbox/lambda"
	"github.com/learnsls/learnsls/sandbox/sam"
)

// StackSandbox deploys attempts into real sandbox stacks: one new simulated
// account per attempt, so every grading run starts from the same state.
type StackSandbox struct {
	// Options for each new stack; Builder is required for handler code.
	Options sandbox.Options
}

var _ Sandbox = (*StackSandbox)(nil)

// Deploy implements Sandbox. Compiler errors and template errors are the
// learner's, returned as *BuildError with their file and line.
func (sb *StackSandbox) Deploy(ctx context.Context, template []byte, files map[string][]byte) (Stack, error) {
	opt := sb.Options
	if opt.Clock == nil {
		// Each attempt gets its own clock, starting at the same instant, so
		// timestamps a check sees do not depend on when it runs.
		opt.Clock = sandbox.NewClock(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
	}
	if opt.JWKS == nil {
		// JWT authorizers of GradingIssuer trust the key request steps sign with.
		opt.JWKS = GradingJWKS
	}
	st, err := sandbox.New(ctx, opt)
	if err != nil {
		return nil, fmt.Errorf("new stack: %w", err)
	}
	if err := st.Deploy(ctx, template, files, nil); err != nil {
		st.Close(context.WithoutCancel(ctx))
		if be := learnerError(err); be != nil {
			return nil, be
		}
		return nil, fmt.Errorf("deploy: %w", err)
	}
	return &stackAdapter{st, opt.Clock}, nil
}

// learnerError maps the errors a learner can cause to diagnostics.
func learnerError(err error) *BuildError {
	var de *build.DiagnosticsError
	if errors.As(err, &de) {
		be := &BuildError{}
		for _, d := range de.Diagnostics {
			msg := d.Message
			if d.Hint != "" {
				msg += " (" + d.Hint + ")"
			}
			be.Diagnostics = append(be.Diagnostics, Diagnostic{File: d.File, Line: d.Line, Col: d.Col, Message: msg})
		}
		return be
	}
	var ses sam.Errors
	if errors.As(err, &ses) {
		be := &BuildError{}
		for _, e := range ses {
			be.Diagnostics = append(be.Diagnostics, samDiagnostic(e))
		}
		return be
	}
	var se *sam.Error
	if errors.As(err, &se) {
		return &BuildError{Diagnostics: []Diagnostic{samDiagnostic(se)}}
	}
	return nil
}

func samDiagnostic(e *sam.Error) Diagnostic {
	file := e.File
	if file == "" {
		file = "template.yaml"
	}
	msg := e.Msg
	if e.Code != "" {
		msg = "[" + e.Code + "] " + msg
	}
	return Diagnostic{File: file, Line: e.Pos.Line, Col: e.Pos.Col, Message: msg}
}

// stackAdapter presents a *sandbox.Stack as a grading Stack.
type stackAdapter struct {
	s     *sandbox.Stack
	clock *sandbox.Clock
}

// Now is the stack's clock, which signed tokens are issued by.
func (a *stackAdapter) Now() time.Time { return a.clock.Now() }

func (a *stackAdapter) Reset(ctx context.Context) error { return a.s.Reset(ctx) }

func (a *stackAdapter) Request(ctx context.Context, api string, r *http.Request) (*HTTPResult, error) {
	resp, err := a.s.Request(ctx, api, r)
	if err != nil {
		return nil, err
	}
	return &HTTPResult{Status: resp.StatusCode, Headers: resp.Header, Body: resp.Body}, nil
}

func (a *stackAdapter) Invoke(ctx context.Context, function string, payload []byte) (*InvokeResult, error) {
	res, err := a.s.Invoke(ctx, function, payload)
	if err != nil {
		return nil, err
	}
	out := &InvokeResult{Payload: res.Payload}
	if res.FunctionError != "" {
		out.FunctionError = res.ErrorType
		if out.FunctionError == "" {
			out.FunctionError = strings.TrimSpace(res.FunctionError)
		}
	}
	return out, nil
}

func (a *stackAdapter) PutItems(ctx context.Context, table string, items []map[string]any) error {
	return a.s.PutItems(ctx, table, items)
}

func (a *stackAdapter) Items(ctx context.Context, table string) ([]map[string]any, error) {
	return a.s.Items(ctx, table)
}

func (a *stackAdapter) Advance(d time.Duration)         { a.s.Advance(d) }
func (a *stackAdapter) Logs() []string                  { return a.s.Logs() }
func (a *stackAdapter) Invocations(function string) int { return a.s.Invocations(function) }
func (a *stackAdapter) Denials() []string               { return a.s.Denials() }
func (a *stackAdapter) Close() error                    { return a.s.Close(context.Background()) }

// keptCodes is how many recently graded codes stay compiled between
// attempts: a resubmission, or Run then Submit of the same code, then
// skips decoding, validating and compiling (≈0.1 s of CPU of a Go
// handler's 0.2–1 s attempt). Each kept code holds ≈80–95 MB (measured,
// interpreter), so only the last two are kept: enough for Run then Submit
// when few others grade in between.
const keptCodes = 2

// NewCodeCache returns the compiled-code cache the stacks of a grader
// share, with machine code from the compiler kept in dir.
func NewCodeCache(dir string) (*lambda.CodeCache, error) {
	return lambda.NewCodeCache(context.Background(), lambda.EngineAuto, dir, keptCodes)
}

// NewGrader returns a Grader with every engine this build has, keeping
// the Go build cache in cacheDir/build and compiled modules in
// cacheDir/wazero (cacheDir is normally the data directory). Builds are offline; nothing is compiled until an attempt
// needs it.
func NewGrader(cacheDir string) (*Grader, error) {
	b, err := build.New(build.Options{CacheDir: filepath.Join(cacheDir, "build")})
	if err != nil {
		return nil, fmt.Errorf("grader: %w", err)
	}
	codes, err := NewCodeCache(filepath.Join(cacheDir, "wazero"))
	if err != nil {
		return nil, fmt.Errorf("grader: %w", err)
	}
	return &Grader{
		Sandbox:  &StackSandbox{Options: sandbox.Options{Builder: b, CodeCache: codes}},
		Policies: IAMPolicies{},
		Patterns: EventPatterns{},
	}, nil
}

// Builder returns the Go builder of a grader made by NewGrader (nil
// otherwise), so a server can warm its cache at start.
func (g *Grader) Builder() *build.Builder {
	if sb, ok := g.Sandbox.(*StackSandbox); ok {
		return sb.Options.Builder
	}
	return nil
}
