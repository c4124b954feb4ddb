package sandbox

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/apigateway"
	"github.com/learnsls/learnsls/sandbox/lambda"
)

// BenchmarkWarmGetUser is one warm request in process: API Gateway (REST,
// payload 1.0) -> Lambda (warm environment) -> DynamoDB GetItem with IAM
// authorisation -> proxy response. Target: ≤ 300 µs p50. The function runs
// compiled, the steady state of a hot function (EngineAuto interprets
// a function's first invocations).
func BenchmarkWarmGetUser(b *testing.B) {
	s := deployUsersWith(b, lambda.EngineCompiler)
	ctx := context.Background()
	putUser(b, s)
	req := func() *http.Request { return httptest.NewRequest("GET", "/users/u1", nil) }
	if r, err := s.Request(ctx, "", req()); err != nil || r.StatusCode != 200 {
		b.Fatalf("warm-up: %v %+v", err, r)
	}
	var ds []time.Duration
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		hr := req() // the client's side, outside the timing
		start := time.Now()
		r, err := s.Request(ctx, "", hr)
		ds = append(ds, time.Since(start))
		if err != nil || r.StatusCode != 200 {
			b.Fatal(err)
		}
	}
	reportP50(b, ds)
	reportCPU(b, cpu0)
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
// BenchmarkWarmGetUser alone (a direct invoke), to show how the request's
// time divides between the gateway and the function: with the event
// BenchmarkWarmGetUser's request makes (gateway-event, payload 1.0 with
// headers, requestContext and identity) and with only the members the
// handler reads (minimal-event). The difference is the guest decoding the
// bigger event.
func BenchmarkWarmInvokeGetUser(b *testing.B) {
	s := deployUsersWith(b, lambda.EngineCompiler)
	ctx := context.Background()
	putUser(b, s)
	events := []struct {
		name  string
		event []byte
	}{
		{"gateway-event", gatewayEvent(b, s, httptest.NewRequest("GET", "/users/u1", nil))},
		{"minimal-event", []byte(`{"resource":"/users/{id}","path":"/users/u1","httpMethod":"GET","pathParameters":{"id":"u1"},"requestContext":{}}`)},
	}
	for _, e := range events {
		b.Run(e.name, func(b *testing.B) {
			if r, err := s.Invoke(ctx, "UsersFunction", e.event); err != nil || r.FunctionError != "" {
				b.Fatalf("warm-up: %v %+v", err, r)
			}
			var ds, guest []time.Duration
			b.ReportAllocs()
			cpu0 := processCPU()
			for b.Loop() {
				start := time.Now()
				r, err := s.Invoke(ctx, "UsersFunction", e.event)
				ds = append(ds, time.Since(start))
				if err != nil || r.FunctionError != "" {
					b.Fatal(err)
				}
				guest = append(guest, r.Duration)
			}
			reportP50(b, ds)
			reportCPU(b, cpu0)
			b.ReportMetric(float64(p50(guest).Nanoseconds())/1000, "guest-p50-µs")
		})
	}
}

// gatewayEvent returns the event the stack's API sends its function for
// r, caught by a copy of the gateway whose invoker only records it.
func gatewayEvent(b *testing.B, s *Stack, r *http.Request) []byte {
	b.Helper()
	g, err := s.gateway("")
	if err != nil {
		b.Fatal(err)
	}
	var event []byte
	catch, err := apigateway.New(g.Config(), apigateway.Options{Invoker: apigateway.InvokerFunc(
		func(_ context.Context, _ string, payload []byte, _ string) ([]byte, string, error) {
			event = payload
			return []byte(`{"statusCode":200}`), "", nil
		})})
	if err != nil {
		b.Fatal(err)
	}
	if resp := catch.Serve(context.Background(), &apigateway.Request{Method: r.Method, Path: "/" + g.Config().Stage + r.URL.Path, Header: r.Header}); resp.StatusCode != 200 || event == nil {
		b.Fatalf("no event: %d %s", resp.StatusCode, resp.Body)
	}
	return event
}

// BenchmarkLoopbackGetUser drives the users API over real HTTP on loopback
// with parallel clients; ns/op is the inverse of throughput (also reported
// as req/s).
func BenchmarkLoopbackGetUser(b *testing.B) {
	s := deployUsersWith(b, lambda.EngineCompiler)
	putUser(b, s)
	h, err := s.Handler("", false)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	const parallelism = 4 // clients per GOMAXPROCS
	clients := parallelism * runtime.GOMAXPROCS(0)
	// Keep every client's connection alive (the default keeps 2 per host,
	// so most requests would pay for a new TCP connection).
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = clients
	client := &http.Client{Transport: tr}
	get := func() error {
		resp, err := client.Get(srv.URL + "/Prod/users/u1")
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	// Steady state: as many warm environments and open connections as
	// there are clients, before the clock starts.
	for round := 0; round < 3; round++ {
		var wg sync.WaitGroup
		for i := 0; i < clients; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := get(); err != nil {
					b.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	b.SetParallelism(parallelism)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := get(); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// putUser stores the item the GetUser benchmarks read.
func putUser(b *testing.B, s *Stack) {
	b.Helper()
	if err := s.PutItems(context.Background(), "UsersTable", []map[string]any{{"id": map[string]any{"S": "u1"}, "name": map[string]any{"S": "Ada"}}}); err != nil {
		b.Fatal(err)
	}
}

// reportP50 reports the median of per-operation durations: one slow
// outlier (a GC, another process on the shared machine) moves ns/op but
// not the median the performance target is written against.
func reportP50(b *testing.B, ds []time.Duration) {
	b.ReportMetric(float64(p50(ds).Nanoseconds())/1000, "p50-µs")
}

// processCPU is the process's user+system CPU time. The machine is
// shared, so wall-clock figures swing with other people's load; CPU per
// operation (host and guest, all threads) swings less.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N)/1000, "cpu-µs/op")
}

func p50(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
