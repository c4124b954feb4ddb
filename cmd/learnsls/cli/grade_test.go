package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// helloCourse is a one-exercise course built from the grader's own test
// exercise (a greeting handler behind a REST API).
func helloCourse(t *testing.T) string {
	t.Helper()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "lessons", "grade", "testdata", "hello", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return writeCourse(t, map[string]string{
		"00-lambda/path.md":                            "---\ntitle: Lambda\n---\n",
		"00-lambda/01-hello/lesson.md":                 "---\ntitle: Hello\nminutes: 5\n---\n\nGreet.\n",
		"00-lambda/01-hello/exercise/exercise.yaml":    "kind: handler\nfiles: [main.go]\nreadonly: [template.yaml]\n",
		"00-lambda/01-hello/exercise/template.yaml":    read("template.yaml"),
		"00-lambda/01-hello/exercise/checks.yaml":      read("checks.yaml"),
		"00-lambda/01-hello/exercise/starter/main.go":  read("starter.go"),
		"00-lambda/01-hello/exercise/solution/main.go": read("solution.go"),
	})
}

func TestGradeCommand(t *testing.T) {
	course := helloCourse(t)
	data := filepath.Join(os.TempDir(), "learnsls-cli-grade-test-data")
	ex := filepath.Join(course, "00-lambda", "01-hello", "exercise")
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas []string
		stderrHas string
	}{
		{"solution passes", []string{"--json", filepath.Join(ex, "solution", "main.go")}, 0, []string{`"passed": true`, `"greets through the API"`}, ""},
		{"starter fails with the check's message", []string{"--color", "never", filepath.Join(ex, "starter", "main.go")}, 1, []string{"FAIL  greets through the API", "must answer 200", "0 of 2 checks passed"}, "check 1 of 2"},
		{"unknown exercise", []string{"--exercise", "00-lambda/nope", filepath.Join(ex, "starter", "main.go")}, 1, nil, "no exercise \"00-lambda/nope\""},
		{"file the exercise does not take", []string{filepath.Join(ex, "template.yaml")}, 2, nil, "template.yaml is not a file of this exercise; it takes main.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"grade", "--content", course, "--data", data}, tt.args...)
			if !strings.Contains(strings.Join(tt.args, " "), "--exercise") {
				args = append([]string{"grade", "--content", course, "--data", data, "--exercise", "lambda/hello"}, tt.args...)
			}
			code, out, errOut := run(t, args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			for _, s := range tt.stdoutHas {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			if tt.stderrHas != "" && !strings.Contains(errOut, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, errOut)
			}
			if strings.Contains(strings.Join(tt.args, " "), "--json") {
				var v map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("--json output is not JSON: %v", err)
				}
			}
		})
	}
}

func TestCheckGradesExercises(t *testing.T) {
	data := filepath.Join(os.TempDir(), "learnsls-cli-grade-test-data")
	good := helloCourse(t)
	code, out, errOut := run(t, "check", "--content", good, "--data", data)
	if code != 0 || !strings.Contains(out, "OK: 1 path, 1 lesson, 1 exercise") {
		t.Fatalf("good course: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "solutions must pass, starters must fail") {
		t.Errorf("the grading step did not run:\n%s", errOut)
	}

	// A starter that already passes, and a checks file with a typo.
	bad := helloCourse(t)
	sol, err := os.ReadFile(filepath.Join(bad, "00-lambda/01-hello/exercise/solution/main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "00-lambda/01-hello/exercise/starter/main.go"), sol, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "check", "--content", bad, "--data", data)
	if code != 1 || !strings.Contains(out, "exercise/starter: the starter passes every check") {
		t.Fatalf("passing starter: exit %d\n%s", code, out)
	}
	checks := filepath.Join(bad, "00-lambda/01-hello/exercise/checks.yaml")
	if err := os.WriteFile(checks, []byte("checks:\n  - name: x\n    mesage: typo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "check", "--content", bad, "--skip-build")
	if code != 1 || !strings.Contains(out, "exercise/checks.yaml:3: unknown key \"mesage\"") {
		t.Fatalf("malformed checks: exit %d\n%s", code, out)
	}
}

// TestBuiltInCourseChecks runs `learnsls check` on the shipped course, as
// the course issue requires of CI: front matter, links, every compilable
// block, every checks file, and every exercise graded — each solution must
// pass and each starter fail.
func TestBuiltInCourseChecks(t *testing.T) {
	data := filepath.Join(os.TempDir(), "learnsls-cli-builtin-course-data")
	code, out, errOut := run(t, "check", "--data", data)
	if code != 0 {
		t.Fatalf("learnsls check on the built-in course: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "built-in course OK") {
		t.Errorf("summary: %s", out)
	}
}
