package sandbox

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// BenchmarkWarmGetUser is one warm request in process: API Gateway (REST,
// payload 1.0) -> Lambda (warm environment) -> DynamoDB GetItem with IAM
// authorisation -> proxy response. Target: ≤ 300 µs p50.
func BenchmarkWarmGetUser(b *testing.B) {
	s := deployUsers(b)
	ctx := context.Background()
	if err := s.PutItems(ctx, "UsersTable", []map[string]any{{"id": map[string]any{"S": "u1"}, "name": map[string]any{"S": "Ada"}}}); err != nil {
		b.Fatal(err)
	}
	req := func() *http.Request { return httptest.NewRequest("GET", "/users/u1", nil) }
	if r, err := s.Request(ctx, "", req()); err != nil || r.StatusCode != 200 {
		b.Fatalf("warm-up: %v %+v", err, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := s.Request(ctx, "", req())
		if err != nil || r.StatusCode != 200 {
			b.Fatal(err)
		}
	}
}

// BenchmarkRedeployUsers is a whole Deploy of the users template (five
// template resources, fourteen after the transform) with the Go build and
// wazero compilation already cached: transform, IAM, tables, function
// updates and gateways.
func BenchmarkRedeployUsers(b *testing.B) {
	s := deployUsers(b)
	tmpl, _ := os.ReadFile("testdata/users/template.yaml")
	code, _ := os.ReadFile("testdata/users/main.go.txt")
	files := map[string][]byte{"users/main.go": code}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Deploy(context.Background(), tmpl, files, nil); err != nil {
			b.Fatal(err)
		}
	}
}
