package grade

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
)

func TestParseUnitTests(t *testing.T) {
	tests := []struct {
		name, yaml, want string // want "" means valid
	}{
		{"valid", "checks:\n- name: a\n  message: m\n  steps:\n  - unitTests: {}\n  expect: {tests: {pass: true, min: 3}}\n", ""},
		{"valid run", "checks:\n- name: a\n  message: m\n  steps:\n  - unitTests: {run: '^TestCreate'}\n  expect: {tests: {pass: true}}\n", ""},
		{"bad regexp", "checks:\n- name: a\n  message: m\n  steps:\n  - unitTests: {run: '('}\n  expect: {tests: {pass: true}}\n", `checks.yaml:5: check "a": unitTests run "(" is not a regular expression`},
		{"no expect", "checks:\n- name: a\n  message: m\n  steps:\n  - unitTests: {}\n", "checks.yaml:2: check \"a\": a unitTests step needs `expect: tests:`"},
		{"expect without step", "checks:\n- name: a\n  message: m\n  steps:\n  - invoke: {}\n  expect: {tests: {pass: true}}\n", "checks.yaml:2: check \"a\": expect.tests needs a `unitTests: {}` step"},
		{"empty expect", "checks:\n- name: a\n  message: m\n  steps:\n  - unitTests: {}\n  expect: {tests: {}}\n", "checks.yaml:2: check \"a\": expect.tests needs pass or min"},
		{"negative min", "checks:\n- name: a\n  message: m\n  steps:\n  - unitTests: {}\n  expect: {tests: {min: -1}}\n", "checks.yaml:2: check \"a\": expect.tests.min must not be negative"},
		{"unknown key", "checks:\n- name: a\n  message: m\n  steps:\n  - unitTests: {pattern: x}\n  expect: {tests: {pass: true}}\n", `checks.yaml:5: unknown key "pattern"`},
		{"two kinds in one step", "checks:\n- name: a\n  message: m\n  steps:\n  - {unitTests: {}, deliver: true}\n  expect: {tests: {pass: true}}\n", "checks.yaml:5: check \"a\": a step must have exactly one of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml), "checks.yaml", "handler")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseTestOutput(t *testing.T) {
	out := "=== RUN   TestA\n--- PASS: TestA (0.00s)\n=== RUN   TestB\n=== RUN   TestB/empty\n    x_test.go:9: bad\n    --- FAIL: TestB/empty (0.00s)\n--- FAIL: TestB (0.00s)\n=== RUN   TestA\nFAIL\n"
	ran, failed := parseTestOutput(out)
	if ran != 3 || strings.Join(failed, ",") != "TestB/empty,TestB" {
		t.Errorf("ran=%d failed=%v, want 3 and [TestB/empty TestB]", ran, failed)
	}
}

const unitHandler = `package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/lambda"
)

func validate(name string) error {
	if name == "" {
		return errors.New("name is required")
	}
	return nil
}

func handler(ctx context.Context, in map[string]string) (string, error) {
	if err := validate(in["name"]); err != nil {
		return "", err
	}
	return "hi " + in["name"], nil
}

func main() { lambda.Start(handler) }
`

const unitTestsPassing = `package main

import "testing"

func TestValidateEmpty(t *testing.T) {
	if validate("") == nil {
		t.Error("empty name accepted")
	}
}

func TestValidateOK(t *testing.T) {
	if err := validate("ada"); err != nil {
		t.Error(err)
	}
}

func TestHandler(t *testing.T) {
	for _, name := range []string{"ada", "bob"} {
		t.Run(name, func(t *testing.T) {
			if got, _ := handler(t.Context(), map[string]string{"name": name}); got != "hi "+name {
				t.Errorf("handler = %q", got)
			}
		})
	}
}
`

const unitChecks = `checks:
  - name: your tests pass
    message: Write at least 3 tests of your handler, and make them pass.
    steps:
      - unitTests: {}
    expect:
      tests: {pass: true, min: 3}
`

// TestGradeUnitTests grades real learner tests: built for wasip1 by the real
// builder, run in wazero.
func TestGradeUnitTests(t *testing.T) {
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	template, err := os.ReadFile(filepath.Join("testdata", "hello", "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ex := &lessons.Exercise{
		Kind: lessons.KindHandler, Dir: "x/exercise", Files: []string{"main.go", "main_test.go"},
		Template: template, Checks: []byte(unitChecks),
		Starter: map[string][]byte{"main.go": []byte(unitHandler), "main_test.go": []byte("package main\n")},
	}
	g := &Grader{Sandbox: &StackSandbox{Options: sandbox.Options{Builder: b}}}
	tests := []struct {
		name    string
		test    string
		passed  bool
		failure string // substring of the check's failure
		logs    string // substring of the check's logs
		diag    string // prefix of the first diagnostic
	}{
		{"passing tests", unitTestsPassing, true, "", "--- PASS: TestHandler/bob", ""},
		{"failing test", unitTestsPassing + "\nfunc TestWrong(t *testing.T) { t.Fatal(\"boom\") }\n", false, "your tests failed: TestWrong", "boom", ""},
		{"too few tests", "package main\n\nimport \"testing\"\n\nfunc TestOne(t *testing.T) {}\n", false, "1 test(s) ran, at least 3 wanted", "--- PASS: TestOne", ""},
		{"tests do not compile", "package main\n\nimport \"testing\"\n\nfunc TestOne(t *testing.T) { nope() }\n", false, "", "", "main_test.go:5:30: undefined: nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"main.go": []byte(unitHandler), "main_test.go": []byte(tt.test)}
			v, err := g.Grade(context.Background(), ex, files, Submit, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.diag != "" {
				if len(v.Diagnostics) == 0 || !strings.HasPrefix(v.Diagnostics[0].String(), tt.diag) {
					t.Fatalf("diagnostics %+v (problem %q), want %q", v.Diagnostics, v.Problem, tt.diag)
				}
				return
			}
			if v.Problem != "" || len(v.Checks) != 1 {
				t.Fatalf("problem %q, %d checks", v.Problem, len(v.Checks))
			}
			c := v.Checks[0]
			logs := strings.Join(c.Logs, "\n")
			if c.Passed != tt.passed || !strings.Contains(c.Failure, tt.failure) || !strings.Contains(logs, tt.logs) {
				t.Errorf("passed=%v failure=%q, want %v %q; logs:\n%s", c.Passed, c.Failure, tt.passed, tt.failure, logs)
			}
		})
	}
}
