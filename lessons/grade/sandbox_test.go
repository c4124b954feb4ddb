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

// TestStackSandboxEndToEnd grades a real handler exercise: the learner's Go
// is compiled to wasm, deployed behind a REST API in a fresh stack and driven
// through API Gateway, exactly as the web app does.
func TestStackSandboxEndToEnd(t *testing.T) {
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "hello", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	ex := &lessons.Exercise{
		Kind: lessons.KindHandler, Dir: "02-lambda/02-programming-model/exercise", Files: []string{"main.go"},
		Template: read("template.yaml"), Checks: read("checks.yaml"),
		Starter: map[string][]byte{"main.go": read("starter.go")},
	}
	g := &Grader{Sandbox: &StackSandbox{Options: sandbox.Options{Builder: b, CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-sandbox-test-wazero")}}}
	ctx := context.Background()

	tests := []struct {
		name   string
		code   []byte
		mode   Mode
		passed []bool
		diag   string
	}{
		{"solution passes every check", read("solution.go"), Submit, []bool{true, true}, ""},
		{"starter fails the visible check", read("starter.go"), Run, []bool{false}, ""},
		{"compile error is a diagnostic", []byte("package main\n\nfunc main() {\n\tundefinedThing()\n}\n"), Run, nil, "main.go:4:2: undefined: undefinedThing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := g.Grade(ctx, ex, map[string][]byte{"main.go": tt.code}, tt.mode, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.diag != "" {
				if len(v.Diagnostics) == 0 || !strings.HasPrefix(v.Diagnostics[0].String(), tt.diag) {
					t.Fatalf("diagnostics %+v (problem %q), want %q", v.Diagnostics, v.Problem, tt.diag)
				}
				return
			}
			if v.Problem != "" {
				t.Fatalf("problem: %s", v.Problem)
			}
			if len(v.Checks) != len(tt.passed) {
				t.Fatalf("%d checks, want %d", len(v.Checks), len(tt.passed))
			}
			for i, c := range v.Checks {
				if c.Passed != tt.passed[i] {
					t.Errorf("%s passed=%v want %v: %s\n%s", c.Name, c.Passed, tt.passed[i], c.Failure, strings.Join(c.Logs, "\n"))
				}
			}
			if tt.passed[0] {
				c := v.Checks[0]
				if len(c.Exchanges) != 1 || c.Exchanges[0].Status != 200 || !strings.Contains(strings.Join(c.Logs, "\n"), "REPORT RequestId:") {
					t.Errorf("check evidence missing: %+v", c)
				}
			}
		})
	}
}
