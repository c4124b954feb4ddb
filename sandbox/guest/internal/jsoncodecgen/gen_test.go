package main

import (
	"bytes"
	"os"
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
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "t.go"), []byte("package events\n\n"+tc.src+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Generate(dir, []string{"T"})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Generate = %v, want an error containing %q", err, tc.wantErr)
			}
		})
	}
}
