package sam

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// caseOptions reads "# params: A=1 B=2" from a template's first line: the
// parameter overrides that case deploys with.
func caseOptions(src []byte) Options {
	opt := Options{}
	first, _, _ := strings.Cut(string(src), "\n")
	if rest, ok := strings.CutPrefix(first, "# params:"); ok {
		opt.Parameters = map[string]string{}
		for _, kv := range strings.Fields(rest) {
			k, v, _ := strings.Cut(kv, "=")
			opt.Parameters[k] = v
		}
	}
	return opt
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden %s (run go test -update): %v", path, err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the transform's output (go test -update rewrites it):\n--- got ---\n%s", path, got)
	}
}

// TestTransformGoldens runs one template per resource type and per
// intrinsic function through Load and compares the resolved model.
func TestTransformGoldens(t *testing.T) {
	files, _ := filepath.Glob("testdata/transform/*.yaml")
	jsonFiles, _ := filepath.Glob("testdata/transform/*.json.tmpl")
	files = append(files, jsonFiles...)
	if len(files) < 20 {
		t.Fatalf("only %d golden templates found", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Load("template.yaml", src, caseOptions(src))
			if err != nil {
				t.Fatalf("unexpected error:\n%v", err)
			}
			out, _ := json.MarshalIndent(m, "", "  ")
			compareGolden(t, strings.TrimSuffix(strings.TrimSuffix(f, ".yaml"), ".json.tmpl")+".golden.json", append(out, '\n'))
		})
	}
}

// TestErrorGoldens checks the learner-facing messages for broken templates.
func TestErrorGoldens(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.yaml")
	if len(files) < 15 {
		t.Fatalf("only %d error templates found", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			src, _ := os.ReadFile(f)
			_, err := Load("template.yaml", src, caseOptions(src))
			if err == nil {
				t.Fatal("template was accepted; it should be refused")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is not a *sam.Error: %T %v", err, err)
			}
			compareGolden(t, strings.TrimSuffix(f, ".yaml")+".golden.txt", []byte(err.Error()+"\n"))
		})
	}
}
