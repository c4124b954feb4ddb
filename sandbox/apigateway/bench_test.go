package apigateway

import (
	"context"
	"net/http"
	"testing"
)

// BenchmarkServeREST is the gateway's own cost per request (route, event,
// invoke a no-op function, map the response), without Lambda.
func BenchmarkServeREST(b *testing.B) {
	f := newFake()
	f.fns[fnA] = fixed(`{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\"id\":\"42\"}"}`)
	g, err := New(withIDs(Config{Kind: REST, Stage: "Prod", Routes: []Route{
		{Method: "GET", Path: "/users", FunctionARN: fnA}, {Method: "GET", Path: "/users/{id}", FunctionARN: fnA},
		{Method: "PUT", Path: "/users/{id}", FunctionARN: fnA}, {Method: "ANY", Path: "/{proxy+}", FunctionARN: fnA},
	}}), Options{Invoker: f})
	if err != nil {
		b.Fatal(err)
	}
	h := http.Header{"Accept": {"application/json"}, "User-Agent": {"bench"}}
	b.ReportAllocs()
	for b.Loop() {
		r := g.Serve(context.Background(), &Request{Method: "GET", Path: "/Prod/users/42", Header: h})
		if r.StatusCode != 200 {
			b.Fatal(r.StatusCode)
		}
	}
}

// BenchmarkServeHTTPAPI is the same for an HTTP API (payload 2.0).
func BenchmarkServeHTTPAPI(b *testing.B) {
	f := newFake()
	f.fns[fnA] = fixed(`{"id":"42"}`)
	g, err := New(withIDs(Config{Kind: HTTP, Routes: []Route{{Method: "GET", Path: "/users/{id}", FunctionARN: fnA}}}), Options{Invoker: f})
	if err != nil {
		b.Fatal(err)
	}
	h := http.Header{"Accept": {"application/json"}, "User-Agent": {"bench"}}
	b.ReportAllocs()
	for b.Loop() {
		r := g.Serve(context.Background(), &Request{Method: "GET", Path: "/users/42", Header: h})
		if r.StatusCode != 200 {
			b.Fatal(r.StatusCode)
		}
	}
}
