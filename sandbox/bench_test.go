package sandbox

import (
	"context"
	"io"
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

// BenchmarkWarmInvokeGetUser is the Lambda + DynamoDB part of
// BenchmarkWarmGetUser alone (a direct invoke with the same event), to show
// how the request's time divides between the gateway and the function.
func BenchmarkWarmInvokeGetUser(b *testing.B) {
	s := deployUsers(b)
	ctx := context.Background()
	if err := s.PutItems(ctx, "UsersTable", []map[string]any{{"id": map[string]any{"S": "u1"}, "name": map[string]any{"S": "Ada"}}}); err != nil {
		b.Fatal(err)
	}
	ev := []byte(`{"resource":"/users/{id}","path":"/users/u1","httpMethod":"GET","pathParameters":{"id":"u1"},"requestContext":{}}`)
	if r, err := s.Invoke(ctx, "UsersFunction", ev); err != nil || r.FunctionError != "" {
		b.Fatalf("warm-up: %v %+v", err, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		if r, err := s.Invoke(ctx, "UsersFunction", ev); err != nil || r.FunctionError != "" {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoopbackGetUser drives the users API over real HTTP on loopback
// with parallel clients; ns/op is the inverse of throughput.
func BenchmarkLoopbackGetUser(b *testing.B) {
	s := deployUsers(b)
	ctx := context.Background()
	if err := s.PutItems(ctx, "UsersTable", []map[string]any{{"id": map[string]any{"S": "u1"}, "name": map[string]any{"S": "Ada"}}}); err != nil {
		b.Fatal(err)
	}
	h, err := s.Handler("", false)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := srv.Client()
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Get(srv.URL + "/Prod/users/u1")
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
}
