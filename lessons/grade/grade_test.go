package grade

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/learnsls/learnsls/lessons"
)

var update = flag.Bool("update", false, "rewrite golden files")

func quizExercise() *lessons.Exercise {
	return &lessons.Exercise{Kind: lessons.KindQuiz, Dir: "00-foundations/01-what/exercise", Files: []string{QuizFile}, Checks: []byte(`checks:
  - name: thumbnails
    message: Work that starts when a file lands and nobody waits for is asynchronous.
    question: Generating a thumbnail when a photo is uploaded is…
    choices: [asynchronous, synchronous, streaming]
    answer: asynchronous
  - name: styles
    message: Pick every style.
    question: Which are processing styles?
    choices: [asynchronous, synchronous, streaming, telepathic]
    answer: [asynchronous, synchronous, streaming]
  - name: code
    hidden: true
    message: A Region code looks like us-east-1.
    question: Type the code of N. Virginia
    answer: {regexp: "^us-east-1$"}
`)}
}

func TestGradeQuiz(t *testing.T) {
	g := &Grader{}
	tests := []struct {
		name    string
		answers string
		mode    Mode
		passed  []bool
		pass    bool
	}{
		{"all right", `{"thumbnails":"asynchronous","styles":["streaming","synchronous","asynchronous"],"code":" US-EAST-1 "}`, Submit, []bool{true, true, true}, true},
		{"run hides hidden checks", `{"thumbnails":"asynchronous","styles":["streaming","synchronous","asynchronous"]}`, Run, []bool{true, true}, true},
		{"missing one of a set", `{"thumbnails":"asynchronous","styles":["streaming","synchronous"],"code":"us-east-1"}`, Submit, []bool{true, false, true}, false},
		{"wrong choice", `{"thumbnails":"streaming","styles":["streaming","synchronous","asynchronous"],"code":"us-west-2"}`, Submit, []bool{false, true, false}, false},
		{"nothing answered", `{}`, Submit, []bool{false, false, false}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := g.Grade(context.Background(), quizExercise(), map[string][]byte{QuizFile: []byte(tt.answers)}, tt.mode, nil)
			if err != nil {
				t.Fatal(err)
			}
			if v.Passed != tt.pass || len(v.Checks) != len(tt.passed) {
				t.Fatalf("passed=%v checks=%d, want %v %d", v.Passed, len(v.Checks), tt.pass, len(tt.passed))
			}
			for i, c := range v.Checks {
				if c.Passed != tt.passed[i] {
					t.Errorf("check %s passed=%v, want %v", c.Name, c.Passed, tt.passed[i])
				}
				if !c.Passed && c.Message == "" {
					t.Errorf("failed check %s has no message", c.Name)
				}
			}
		})
	}
	qs, err := Questions(quizExercise().Checks, "checks.yaml")
	if err != nil || len(qs) != 3 || !qs[1].Multiple || qs[0].Multiple || len(qs[2].Choices) != 0 {
		t.Fatalf("Questions = %+v, %v", qs, err)
	}
	for _, q := range qs {
		if b, _ := json.Marshal(q); bytes.Contains(b, []byte("us-east-1$")) {
			t.Fatalf("question leaks its answer: %s", b)
		}
	}
}

// tablePolicies is a PolicyEngine for the grader's own tests: it allows an
// action when the policy text names it, so the grader's bookkeeping is
// tested apart from IAM (which has its own tests).
type tablePolicies struct{}

func (tablePolicies) Evaluate(policy []byte, r PolicyRequest) (string, string, error) {
	if bytes.Contains(policy, []byte(`"`+r.Action+`"`)) {
		return "allowed", "statement 0 allows it", nil
	}
	return "implicitDeny", "no statement allows " + r.Action, nil
}

func (tablePolicies) Findings(policy []byte) ([]Finding, error) {
	if !json.Valid(policy) {
		return nil, fmt.Errorf("line 1, column 2: invalid JSON")
	}
	if bytes.Contains(policy, []byte(`"*"`)) {
		return []Finding{{Code: "OVERLY_PERMISSIVE", Severity: "SECURITY_WARNING", Path: "Statement[0].Action", Message: "too broad"}}, nil
	}
	return nil, nil
}

func TestGradePolicy(t *testing.T) {
	ex := &lessons.Exercise{Kind: lessons.KindPolicy, Dir: "01-iam/03-parc/exercise", Files: []string{"policy.json"}, Checks: []byte(`checks:
  - name: reads
    message: Allow GetItem on the Users table.
    policy: {action: dynamodb:GetItem, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users"}
    expect: {decision: allowed}
  - name: matrix
    message: Only GetItem and Query.
    matrix:
      - {action: dynamodb:Query, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users", allow: true}
      - {action: dynamodb:DeleteItem, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users", allow: false}
  - name: no wildcards
    message: Avoid "*".
    expect: {findings: {forbid: [SECURITY_WARNING]}}
`)}
	g := &Grader{Policies: tablePolicies{}}
	tests := []struct {
		name, policy string
		passed       []bool
		diag         bool
	}{
		{"right", `{"Action":["dynamodb:GetItem","dynamodb:Query"]}`, []bool{true, true, true}, false},
		{"too broad", `{"Action":["dynamodb:GetItem","dynamodb:Query","dynamodb:DeleteItem","*"]}`, []bool{true, false, false}, false},
		{"not json", `{"Action":`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := g.Grade(context.Background(), ex, map[string][]byte{"policy.json": []byte(tt.policy)}, Submit, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.diag {
				if len(v.Diagnostics) != 1 || v.Diagnostics[0].Line != 1 || v.Diagnostics[0].Col != 2 || v.Passed {
					t.Fatalf("want one positioned diagnostic, got %+v", v)
				}
				return
			}
			for i, c := range v.Checks {
				if c.Passed != tt.passed[i] {
					t.Errorf("%s passed=%v want %v (%s)", c.Name, c.Passed, tt.passed[i], c.Failure)
				}
			}
		})
	}
}

// fakeStack is a tiny in-memory stack: GET /users/{id} reads table Users,
// PUT stores, a "greet" function echoes a greeting. It exercises every step
// and expectation of the grader without the sandbox.
type fakeStack struct {
	mu      sync.Mutex
	items   map[string]map[string]any
	logs    []string
	invokes int
	cold    bool
	now     time.Time
	denials []string
}

func newFakeStack() *fakeStack {
	return &fakeStack{items: map[string]map[string]any{}, cold: true, now: time.Unix(0, 0)}
}

func (s *fakeStack) Reset(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items, s.logs, s.invokes, s.cold, s.denials = map[string]map[string]any{}, nil, 0, true, nil
	return nil
}

func (s *fakeStack) log(line string) {
	s.invokes++
	s.logs = append(s.logs, "START RequestId: r Version: $LATEST", line, "END RequestId: r")
	report := "REPORT RequestId: r\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB\t"
	if s.cold {
		report += "Init Duration: 5.00 ms\t"
		s.cold = false
	}
	s.logs = append(s.logs, report)
}

func (s *fakeStack) Request(_ context.Context, api string, r *http.Request) (*HTTPResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := strings.TrimPrefix(r.URL.Path, "/users/")
	s.log("handling " + r.Method + " " + r.URL.Path)
	h := http.Header{"Content-Type": {"application/json"}}
	switch {
	case !strings.HasPrefix(r.URL.Path, "/users/"):
		return &HTTPResult{Status: 403, Headers: h, Body: []byte(`{"message":"Missing Authentication Token"}`)}, nil
	case r.Method == http.MethodPut:
		body, _ := io.ReadAll(r.Body)
		var v map[string]any
		if err := json.Unmarshal(body, &v); err != nil {
			return &HTTPResult{Status: 400, Headers: h, Body: []byte(`{"error":"bad json"}`)}, nil
		}
		v["id"] = id
		av, _ := itemToAttributeValues(v)
		s.items[id] = av
		return &HTTPResult{Status: 201, Headers: h}, nil
	default:
		item, ok := s.items[id]
		if !ok {
			return &HTTPResult{Status: 404, Headers: h, Body: []byte(`{"error":"not found"}`)}, nil
		}
		b, _ := json.Marshal(itemFromAttributeValues(item))
		return &HTTPResult{Status: 200, Headers: h, Body: b}, nil
	}
}

func (s *fakeStack) Invoke(_ context.Context, fn string, payload []byte) (*InvokeResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var in struct {
		First string `json:"first_name"`
	}
	json.Unmarshal(payload, &in)
	s.log("greeting " + in.First)
	if in.First == "" {
		return &InvokeResult{Payload: []byte(`{"errorMessage":"first_name is required","errorType":"errorString"}`), FunctionError: "errorString"}, nil
	}
	return &InvokeResult{Payload: []byte(fmt.Sprintf(`{"message":"Hello %s!"}`, in.First))}, nil
}

func (s *fakeStack) PutItems(_ context.Context, table string, items []map[string]any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if table != "Users" {
		return fmt.Errorf("no table %s", table)
	}
	for _, it := range items {
		id, _ := it["id"].(map[string]any)["S"].(string)
		s.items[id] = it
	}
	return nil
}

func (s *fakeStack) Items(_ context.Context, table string) ([]map[string]any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	for _, k := range sortedKeys(s.items) {
		out = append(out, s.items[k])
	}
	return out, nil
}

func (s *fakeStack) Advance(d time.Duration)   { s.now = s.now.Add(d) }
func (s *fakeStack) Logs() []string            { return append([]string(nil), s.logs...) }
func (s *fakeStack) Invocations(fn string) int { return s.invokes }
func (s *fakeStack) Denials() []string         { return s.denials }
func (s *fakeStack) Close() error              { return nil }
func (f fakeSandbox) Deploy(_ context.Context, _ []byte, files map[string][]byte) (Stack, error) {
	if bytes.Contains(files["main.go"], []byte("syntax error")) {
		return nil, &BuildError{Diagnostics: []Diagnostic{{File: "main.go", Line: 3, Col: 1, Message: "syntax error: unexpected }"}}}
	}
	return newFakeStack(), nil
}

type fakeSandbox struct{}

var stackChecks = []byte(`checks:
  - name: get a seeded user
    message: GET /users/{id} must return the stored user as JSON.
    steps:
      - seed: {table: Users, items: [{id: "1", name: Ada, age: 36}]}
      - request: {path: /users/1}
    expect:
      status: 200
      headers: {Content-Type: {$contains: json}}
      json: {id: "1", name: Ada, age: {$range: [30, 40]}}
      jsonPath: {name: Ada, missing: {$absent: true}}
      logs: {contains: ["GET /users/1"], coldStarts: 1, report: true}
  - name: unknown user
    message: A missing user is a 404, not a 200 with an empty body.
    steps:
      - request: {path: /users/404}
    expect: {status: 200}
  - name: put stores
    message: PUT stores the user.
    steps:
      - request: {method: PUT, path: /users/7, json: {name: Grace}}
      - repeat: {times: 3, parallel: true, steps: [{request: {path: /users/7}}]}
    expect:
      all: false
      status: 200
      table: {name: Users, items: [{id: "7", name: Grace}], exact: true}
      invocations: {count: 4}
  - name: greeting
    hidden: true
    message: Greet by first name.
    steps:
      - invoke: {event: {first_name: Ada}}
    expect:
      json: {message: "Hello Bob!"}
  - name: error type
    message: Missing names are errors.
    steps:
      - invoke: {}
    expect:
      error: {type: errorString, message: {$contains: required}}
`)

func TestGradeStack(t *testing.T) {
	ex := &lessons.Exercise{Kind: lessons.KindHandler, Dir: "03-api-gateway/02-resources/exercise", Files: []string{"main.go"}, Starter: map[string][]byte{"main.go": []byte("package main")}, Checks: stackChecks}
	g := &Grader{Sandbox: fakeSandbox{}}
	var stages []string
	v, err := g.Grade(context.Background(), ex, map[string][]byte{"main.go": []byte("package main\n")}, Submit, func(p Progress) {
		stages = append(stages, fmt.Sprintf("%s %d/%d", p.Stage, p.Check, p.Total))
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, false, true, false, true}
	for i, c := range v.Checks {
		if c.Passed != want[i] {
			t.Errorf("check %q passed=%v want %v: %s", c.Name, c.Passed, want[i], c.Failure)
		}
	}
	if v.Passed {
		t.Error("verdict passed with failing checks")
	}
	if got := strings.Join(stages, ","); got != "building 0/5,checking 1/5,checking 2/5,checking 3/5,checking 4/5,checking 5/5,done 5/5" {
		t.Errorf("progress: %s", got)
	}
	if f := v.Checks[1].Failure; !strings.Contains(f, "returned status 404, expected 200") {
		t.Errorf("failure text: %q", f)
	}
	hidden := v.Checks[3]
	if hidden.Diff != "" || hidden.Exchanges != nil || !strings.Contains(hidden.Failure, "hidden") {
		t.Errorf("hidden check not redacted: %+v", hidden)
	}
	if len(v.Checks[0].Exchanges) != 1 || v.Checks[0].Exchanges[0].Status != 200 {
		t.Errorf("exchanges not recorded: %+v", v.Checks[0].Exchanges)
	}
	if !strings.Contains(v.Checks[2].Tables["Users"], "Grace") {
		t.Errorf("table state not recorded: %v", v.Checks[2].Tables)
	}

	// Golden rendering of the verdict (durations zeroed).
	var buf bytes.Buffer
	v.WriteText(&buf, false)
	golden(t, "verdict.txt", buf.Bytes())

	// A build failure gives diagnostics and no checks.
	v, err = g.Grade(context.Background(), ex, map[string][]byte{"main.go": []byte("syntax error")}, Run, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.Compiled() || v.Passed || len(v.Checks) != 0 || v.Diagnostics[0].Line != 3 {
		t.Fatalf("build failure verdict: %+v", v)
	}
	buf.Reset()
	v.WriteText(&buf, false)
	if !strings.Contains(buf.String(), "main.go:3:1: syntax error") {
		t.Fatalf("diagnostic rendering: %s", buf.String())
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs:\n%s", path, lineDiff(string(want), string(got)))
	}
}

func TestFunctionErrorComesFirst(t *testing.T) {
	ex := &lessons.Exercise{Kind: lessons.KindHandler, Dir: "x", Files: []string{"main.go"}, Starter: map[string][]byte{"main.go": nil}, Checks: []byte(`checks:
  - name: greets
    message: Greet by first name.
    steps:
      - invoke: {event: {}}
    expect:
      json: {message: "Hello Ada!"}
  - name: logs
    message: Log the greeting.
    steps:
      - invoke: {event: {first_name: Ada}}
    expect:
      logs: {matches: ["^greeting [A-Z][a-z]+$", "^REPORT RequestId: \\S+\\tDuration"]}
  - name: logs fail
    message: Log in JSON.
    steps:
      - invoke: {event: {first_name: Ada}}
    expect:
      logs: {matches: ["^\\{"]}
`)}
	v, err := (&Grader{Sandbox: fakeSandbox{}}).Grade(context.Background(), ex, map[string][]byte{"main.go": []byte("package main")}, Run, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := v.Checks[0].Failure; f != "the function failed with errorString: first_name is required" {
		t.Errorf("failure: %q", f)
	}
	if !v.Checks[1].Passed {
		t.Errorf("log regexps: %s", v.Checks[1].Failure)
	}
	if v.Checks[2].Passed || !strings.Contains(v.Checks[2].Failure, "no line of the function's logs matches /^\\{/") {
		t.Errorf("unmatched log regexp: %+v", v.Checks[2])
	}
}
