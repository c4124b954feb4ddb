package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// eventsDir is the guest events package in the source tree.
var eventsDir = filepath.Join("..", "..", "_modules", "github.com", "aws", "aws-lambda-go", "events")

// TestGeneratedFileUpToDate fails when the committed codecs no longer
// match what the generator writes for the current events types.
func TestGeneratedFileUpToDate(t *testing.T) {
	want, err := Generate(eventsDir, rootTypes)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(eventsDir, outFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go generate in %s", outFile, eventsDir)
	}
}

// TestGenerateRefusesUnhandledShapes: shapes whose encoding/json
// behaviour the generated code does not reproduce are errors, never
// approximations.
func TestGenerateRefusesUnhandledShapes(t *testing.T) {
	cases := []struct {
		name, src, wantErr string
	}{
		{"string option", "type T struct {\n\tN int `json:\"n,string\"`\n}", `tag option "string"`},
		{"omitzero option", "type T struct {\n\tN int `json:\"n,omitzero\"`\n}", `tag option "omitzero"`},
		{"text marshaler only", "type U struct{ s string }\n\nfunc (u U) MarshalText() ([]byte, error) { return nil, nil }\nfunc (u *U) UnmarshalText([]byte) error { return nil }\n\ntype T struct{ U U }", "UnmarshalText but not UnmarshalJSON"},
		{"pointer MarshalJSON", "type U struct{ s string }\n\nfunc (u *U) MarshalJSON() ([]byte, error) { return nil, nil }\n\ntype T struct{ U U }", "MarshalJSON on its pointer only"},
		{"int map key", "type T struct{ M map[int]string }", "map key type int"},
		{"array", "type T struct{ A [2]int }", "type [2]int not handled"},
		{"unnamed struct", "type T struct{ S struct{ A int } }", "struct type struct{A int} not handled"},
		{"non-empty interface", "type T struct{ E error }", "non-empty interface"},
		{"embedded pointer", "type U struct{ A int }\n\ntype T struct{ *U }", "embedded pointer"},
		{"missing root", "type X struct{}", "no type T"},
		{"recursive type", "type T struct{ Next *T }", "recursive type T"},
		{"json.Number", "type T struct{ N json.Number }", "json.Number"},
		{"mutually recursive types", "type U struct{ T []T }\n\ntype T struct{ U map[string]U }", "recursive type"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := "package events\n\n"
			if strings.Contains(tc.src, "json.") {
				src += "import \"encoding/json\"\n\n"
			}
			if err := os.WriteFile(filepath.Join(dir, "t.go"), []byte(src+tc.src+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Generate(dir, []string{"T"})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Generate = %v, want an error containing %q", err, tc.wantErr)
			}
		})
	}
}

// TestGeneratedShapesMatchEncodingJSON generates codecs for the stand-in
// package in testdata/shapes (embedded structs, dominance, tag edge
// cases, named and promoted-method types), builds them against the guest
// jsoncodec package in a scratch module and runs a differential test
// against encoding/json there.
func TestGeneratedShapesMatchEncodingJSON(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("no go command on PATH")
	}
	src, err := Generate(filepath.Join("testdata", "shapes"), []string{"T"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(p string) []byte {
		t.Helper()
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	write("go.mod", []byte("module github.com/aws/aws-lambda-go\n\ngo 1.24\n"))
	runtime := filepath.Join(eventsDir, "..", "internal", "jsoncodec")
	files, _ := filepath.Glob(filepath.Join(runtime, "*.go"))
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			write("internal/jsoncodec/"+filepath.Base(f), read(f))
		}
	}
	write("events/shapes.go", read(filepath.Join("testdata", "shapes", "shapes.go")))
	write("events/"+outFile, src)
	write("events/shapes_test.go", read(filepath.Join("testdata", "shapes", "shapes_test.go.txt")))
	cmd := exec.Command(goBin, "test", "-count=1", "./events/")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test of the generated shapes: %v\n%s", err, out)
	}
}
