// Package grade runs an exercise's declarative checks (checks.yaml) against a
// learner's attempt and returns a Verdict: per check pass or fail, the
// learner-facing message, expected vs actual with a diff, and the logs,
// requests and table contents of that check.
//
// Handler and template exercises run in a fresh sandbox stack per attempt
// (so results are reproducible), reset between checks; policy, pattern and
// quiz exercises are graded without one. The services are reached through
// the small interfaces below, which the sandbox packages implement, so this
// package knows nothing of wazero or HTTP servers.
package grade

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/learnsls/learnsls/lessons"
)

// Sandbox builds a learner's code and deploys it with a template into a new,
// isolated stack.
type Sandbox interface {
	// Deploy returns a *BuildError (errors.As) when the code does not compile.
	Deploy(ctx context.Context, template []byte, files map[string][]byte) (Stack, error)
}

// BuildError carries compiler diagnostics against the learner's files.
type BuildError struct {
	Diagnostics []Diagnostic
}

func (e *BuildError) Error() string {
	if len(e.Diagnostics) == 0 {
		return "build failed"
	}
	return "build failed: " + e.Diagnostics[0].String()
}

// Stack is one deployed stack, as the checks drive and observe it.
type Stack interface {
	// Reset restores the stack as deployed: tables emptied, environments
	// shut down (so the next invocation is a cold start), logs cleared.
	Reset(ctx context.Context) error
	// Request sends an HTTP request through an API (logical ID, "" for the only one).
	Request(ctx context.Context, api string, r *http.Request) (*HTTPResult, error)
	// Invoke calls a function (logical ID, "" for the only one) synchronously.
	Invoke(ctx context.Context, function string, payload []byte) (*InvokeResult, error)
	// PutItems writes items given as DynamoDB JSON (attribute-value maps).
	PutItems(ctx context.Context, table string, items []map[string]any) error
	// Items returns every item of a table as DynamoDB JSON.
	Items(ctx context.Context, table string) ([]map[string]any, error)
	// Advance moves the simulated clock forward.
	Advance(d time.Duration)
	// Logs returns the function log lines since the last Reset.
	Logs() []string
	// Invocations counts invocations of a function since the last Reset.
	Invocations(function string) int
	// Denials lists AccessDenied messages of calls since the last Reset.
	Denials() []string
	Close() error
}

// HTTPResult is a response from an API.
type HTTPResult struct {
	Status  int
	Headers http.Header
	Body    []byte
}

// InvokeResult is a direct invocation's outcome.
type InvokeResult struct {
	Payload       []byte
	FunctionError string // errorType when the function failed, else ""
}

// PolicyEngine evaluates and validates IAM policies.
type PolicyEngine interface {
	// Evaluate returns "allowed", "explicitDeny" or "implicitDeny" and a
	// learner-readable explanation.
	Evaluate(policy []byte, r PolicyRequest) (decision, explanation string, err error)
	Findings(policy []byte) ([]Finding, error)
}

// PolicyTyper is implemented by a PolicyEngine that can also grade other
// kinds of policy; typ is an exercise's policyType setting ("identity" or
// "resource"). Engines without it grade identity policies only.
type PolicyTyper interface {
	ForType(typ string) (PolicyEngine, error)
}

// Finding is a policy validation finding.
type Finding struct {
	Code     string // issue code, e.g. PASS_ROLE_WITH_STAR_IN_RESOURCE
	Severity string // ERROR, SECURITY_WARNING, WARNING, SUGGESTION
	Path     string
	Line     int // where the finding starts in the policy, 0 if unknown
	Col      int
	Message  string
}

// PatternEngine matches EventBridge event patterns.
type PatternEngine interface {
	// Match returns an error (with a position) for an invalid pattern.
	Match(pattern, event []byte) (matched bool, why string, err error)
}

// Progress is reported while grading, for the page's progress line.
type Progress struct {
	Stage string // "building", "checking", "done"
	Check int    // 1-based index of the running check
	Total int
	Name  string
}

// Grader grades attempts. Engines that a course does not need may be nil;
// an exercise of that kind then fails with a clear problem.
type Grader struct {
	Sandbox  Sandbox
	Policies PolicyEngine
	Patterns PatternEngine
	// CheckTimeout bounds one check (default 30 s).
	CheckTimeout time.Duration
}

// Grade grades files (learner file name -> content) against an exercise.
// An error is returned only for a broken exercise or a cancelled context;
// everything about the learner's attempt is in the Verdict.
func (g *Grader) Grade(ctx context.Context, ex *lessons.Exercise, files map[string][]byte, mode Mode, progress func(Progress)) (*Verdict, error) {
	start := time.Now()
	if progress == nil {
		progress = func(Progress) {}
	}
	spec, err := Parse(ex.Checks, ex.Dir+"/checks.yaml", ex.Kind)
	if err != nil {
		return nil, fmt.Errorf("grade %s: %w", ex.Dir, err)
	}
	v := &Verdict{Exercise: ex.Dir, Mode: mode.String()}
	var checks []*Check
	for _, c := range spec.Checks {
		if mode == Submit || !c.Hidden {
			checks = append(checks, c)
		}
	}
	switch ex.Kind {
	case lessons.KindQuiz:
		err = g.gradeQuiz(v, checks, files)
	case lessons.KindPolicy:
		err = g.gradePolicy(v, ex, checks, files)
	case lessons.KindPattern:
		err = g.gradePattern(v, ex, checks, files)
	case lessons.KindHandler, lessons.KindTemplate:
		err = g.gradeStack(ctx, v, ex, checks, files, progress)
	default:
		err = fmt.Errorf("grade %s: unknown exercise kind %q", ex.Dir, ex.Kind)
	}
	if err != nil {
		return nil, err
	}
	v.Passed = v.Compiled() && len(v.Checks) > 0
	for i := range v.Checks {
		if !v.Checks[i].Passed {
			v.Passed = false
		}
		if v.Checks[i].Hidden {
			v.Checks[i].redact()
		}
	}
	v.Duration = time.Since(start)
	progress(Progress{Stage: "done", Check: len(v.Checks), Total: len(v.Checks)})
	return v, nil
}

// learnerFile returns the content of the exercise's first editable file.
func learnerFile(ex *lessons.Exercise, files map[string][]byte) (string, []byte, error) {
	if len(ex.Files) == 0 {
		return "", nil, fmt.Errorf("grade %s: exercise lists no editable files", ex.Dir)
	}
	name := ex.Files[0]
	return name, files[name], nil
}

// deployFiles overlays the learner's editable files on the exercise's
// starter files (which include any read-only ones), ignoring anything a
// learner sends that the exercise does not let them edit.
func deployFiles(ex *lessons.Exercise, files map[string][]byte) map[string][]byte {
	out := make(map[string][]byte, len(ex.Starter))
	for name, b := range ex.Starter {
		out[name] = b
	}
	for _, name := range ex.Files {
		if b, ok := files[name]; ok {
			out[name] = b
		}
	}
	return out
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var errNoEngine = errors.New("this kind of exercise is not available in this build")
