package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
)

// TestOrderPipelineThroughStack is the EDA end-to-end scenario with real Go
// handlers in the sandbox: an order placed through the API lands on a bus,
// a rule routes it to a queue, a function consumes the batch with one
// failing item, and the failing item is retried then dead-lettered —
// asserted step by step on the simulated clock.
func TestOrderPipelineThroughStack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two Go functions")
	}
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := New(ctx, Options{Builder: b, Clock: NewClock(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)),
		CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-sandbox-test-wazero")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	tmpl, _ := os.ReadFile("testdata/orders/template.yaml")
	api, _ := os.ReadFile("testdata/orders/api.go.txt")
	worker, _ := os.ReadFile("testdata/orders/worker.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"api/main.go": api, "worker/main.go": worker}, nil); err != nil {
		t.Fatal(err)
	}
	if w := s.Warnings(); len(w) != 0 {
		t.Errorf("warnings %v: every event resource should be wired", w)
	}
	h, err := s.Handler("", false)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	// 1. Orders are placed through the API; each lands on the bus.
	for _, body := range []string{`{"orderId":"o-1","qty":2}`, `{"orderId":"o-2","qty":0}`, `{"orderId":"o-3","qty":1}`} {
		resp, err := http.Post(srv.URL+"/Prod/orders", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 202 {
			t.Fatalf("POST /orders: %d (denials %v, logs %v)", resp.StatusCode, s.Denials(), s.Logs())
		}
	}
	if n := len(s.EventBridge().Events()); n != 3 {
		t.Fatalf("bus received %d events", n)
	}
	// 2. Nothing moves until the stack delivers: the rule routes the
	// orders to the queue and the worker gets one batch of three.
	if msgs, _ := s.QueueMessages("OrdersQueue"); len(msgs) != 0 {
		t.Fatal("delivered before Drain")
	}
	if _, err := s.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n := s.Invocations("Fulfil"); n != 1 {
		t.Fatalf("worker invocations = %d, want 1 batch", n)
	}
	msgs, _ := s.QueueMessages("OrdersQueue")
	if len(msgs) != 1 || !msgs[0].InFlight || msgs[0].ReceiveCount != 1 || !strings.Contains(msgs[0].Body, `"o-2"`) {
		t.Fatalf("after the batch the queue holds %+v, want only o-2 in flight", msgs)
	}
	var ev struct {
		Source     string `json:"source"`
		DetailType string `json:"detail-type"`
	}
	if json.Unmarshal([]byte(msgs[0].Body), &ev); ev.Source != "shop.api" || ev.DetailType != "OrderPlaced" {
		t.Errorf("queued body is not the EventBridge event: %s", msgs[0].Body)
	}
	// 3. Before the visibility timeout nothing is retried.
	s.Advance(29 * time.Second)
	if n := s.Invocations("Fulfil"); n != 1 {
		t.Fatalf("retried early: %d", n)
	}
	// 4. At 30 s the failed item is retried (attempt 2) and fails again.
	s.Advance(time.Second)
	if n := s.Invocations("Fulfil"); n != 2 {
		t.Fatalf("invocations after the visibility timeout = %d", n)
	}
	// 5. After another timeout SQS dead-letters it instead of a third attempt.
	s.Advance(30 * time.Second)
	if n := s.Invocations("Fulfil"); n != 2 {
		t.Fatalf("a third attempt ran: %d", n)
	}
	left, _ := s.QueueMessages("OrdersQueue")
	dead, _ := s.QueueMessages("OrdersDLQ")
	if len(left) != 0 || len(dead) != 1 || !strings.Contains(dead[0].Body, `"o-2"`) {
		t.Fatalf("queue %+v, DLQ %+v", left, dead)
	}
	logs := strings.Join(s.Logs(), "\n")
	for _, want := range []string{"order o-1 attempt 1", "order o-2 attempt 1", "order o-3 attempt 1", "order o-2 attempt 2"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	// Reset empties the queues for the next check.
	if err := s.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if dead, _ := s.QueueMessages("OrdersDLQ"); len(dead) != 0 {
		t.Error("reset kept the DLQ")
	}
}
