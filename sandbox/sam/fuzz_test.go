package sam

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes through Parse and Transform. Both recover
// from panics and report them as errors; the fuzzer fails on those, so a
// crash is found rather than hidden.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"testdata/transform/*", "testdata/errors/*.yaml"} {
		files, _ := filepath.Glob(dir)
		for _, file := range files {
			if strings.HasSuffix(file, ".golden.json") || strings.HasSuffix(file, ".golden.txt") {
				continue
			}
			b, err := os.ReadFile(file)
			if err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("Resources: {A: {Type: AWS::SQS::Queue, Properties: {QueueName: !Sub [\"${x}\", {x: !Ref A}]}}}"))
	f.Add([]byte("a: &a [*a]"))
	f.Add([]byte("Resources:\n  A: !Ref\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Load("fuzz.yaml", src, Options{})
		if err != nil {
			if strings.Contains(err.Error(), "could not be processed") || strings.Contains(err.Error(), "could not be read") {
				t.Fatalf("panic while loading: %v", err)
			}
			return
		}
		for _, r := range m.Resources {
			if r.LogicalID == "" || r.Type == "" {
				t.Fatalf("resource without identity: %+v", r)
			}
		}
		_, _ = m.APIs("us-east-1", "123456789012")
		m.Functions()
		m.Tables()
		m.Roles()
		m.FunctionPolicies()
	})
}
