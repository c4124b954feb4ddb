package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
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
	ctx := context.Background()
	s := newTestStack(t, 9)
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

// TestSchedulesTopicsAndOutbox deploys a scheduled function, an SNS topic
// with a filtered Lambda subscription and a raw SQS subscription, and a
// function that sends email through the guest sesv2 client.
func TestSchedulesTopicsAndOutbox(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two Go functions")
	}
	ctx := context.Background()
	s := newTestStack(t, 9)
	tmpl, _ := os.ReadFile("testdata/alerts/template.yaml")
	tick, _ := os.ReadFile("testdata/alerts/tick.go.txt")
	notify, _ := os.ReadFile("testdata/alerts/notify.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"tick/main.go": tick, "notify/main.go": notify}, nil); err != nil {
		t.Fatal(err)
	}
	if w := s.Warnings(); len(w) != 0 {
		t.Errorf("warnings %v", w)
	}
	// The schedule fires on the simulated clock only.
	s.Advance(4 * time.Minute)
	if n := s.Invocations("Tick"); n != 0 {
		t.Fatalf("fired early: %d", n)
	}
	s.Advance(11 * time.Minute)
	if n := s.Invocations("Tick"); n != 3 {
		t.Fatalf("rate(5 minutes) over 15 minutes fired %d times", n)
	}
	if logs := strings.Join(s.Logs(), "\n"); !strings.Contains(logs, "tick aws.events Scheduled Event 09:05") || !strings.Contains(logs, "09:15") {
		t.Errorf("logs %s", logs)
	}
	// The filter policy lets only high alerts reach Notify; the raw SQS
	// subscription gets both.
	if _, err := s.Publish("Alerts", "disk at 91%", "Disk", map[string]string{"level": "high"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish("Alerts", "disk at 60%", "Disk", map[string]string{"level": "low"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n := s.Invocations("Notify"); n != 1 {
		t.Fatalf("Notify invocations %d (denials %v)", n, s.Denials())
	}
	mails := s.Outbox()
	if len(mails) != 1 || mails[0].To[0] != "oncall@example.com" || mails[0].Subject != "Disk" || mails[0].Text != "disk at 91%" {
		t.Fatalf("outbox %+v (logs %v, denials %v)", mails, s.Logs(), s.Denials())
	}
	audit, _ := s.QueueMessages("AuditQueue")
	if len(audit) != 2 || audit[0].Body != "disk at 91%" || audit[0].MessageAttributes["level"].StringValue != "high" {
		t.Fatalf("audit queue %+v", audit)
	}
	// A failing asynchronous invocation is retried twice, one and two
	// minutes later, and then given up.
	if _, err := s.Publish("Alerts", "explode", "Boom", map[string]string{"level": "high"}); err != nil {
		t.Fatal(err)
	}
	s.Drain(ctx)
	for i, want := range []int{2, 3, 3, 4, 4, 4} {
		if n := s.Invocations("Notify"); n != want {
			t.Fatalf("after %d more minute(s): %d invocations, want %d", i, n, want)
		}
		s.Advance(time.Minute)
	}
}

// TestStreamBisectAndOnFailure: a poison record is isolated by bisecting,
// retried MaximumRetryAttempts times, then its batch is described in the
// on-failure SQS destination while the records around it are processed.
func TestStreamBisectAndOnFailure(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go function")
	}
	ctx := context.Background()
	s := newTestStack(t, 9)
	tmpl, _ := os.ReadFile("testdata/streamsdlq/template.yaml")
	code, _ := os.ReadFile("testdata/streams/main.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"audit/main.go": code}, nil); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	for _, id := range []string{"o1", "bad", "o2"} {
		items = append(items, map[string]any{"id": map[string]any{"S": id}})
	}
	if err := s.PutItems(ctx, "Orders", items); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		s.Advance(time.Second)
	}
	logs := strings.Join(s.Logs(), "\n")
	if !strings.Contains(logs, "INSERT o1 1") || !strings.Contains(logs, "INSERT o2") {
		t.Errorf("the good records around the poison one were not processed alone:\n%s", logs)
	}
	failed, _ := s.QueueMessages("FailedBatches")
	if len(failed) != 1 {
		t.Fatalf("on-failure destination holds %d messages", len(failed))
	}
	var rec struct {
		RequestContext struct {
			Condition              string `json:"condition"`
			ApproximateInvokeCount int    `json:"approximateInvokeCount"`
		} `json:"requestContext"`
		Info struct {
			BatchSize int    `json:"batchSize"`
			StreamArn string `json:"streamArn"`
		} `json:"DDBStreamBatchInfo"`
	}
	if err := json.Unmarshal([]byte(failed[0].Body), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.RequestContext.Condition != "RetryAttemptsExhausted" || rec.RequestContext.ApproximateInvokeCount != 2 ||
		rec.Info.BatchSize != 1 || !strings.Contains(rec.Info.StreamArn, ":table/") {
		t.Errorf("failure record %s", failed[0].Body)
	}
}

// TestStreamFilterCriteria: records matching no filter never reach the
// function.
func TestStreamFilterCriteria(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go function")
	}
	ctx := context.Background()
	s := newTestStack(t, 9)
	tmpl, _ := os.ReadFile("testdata/streams/template.yaml")
	tmpl = append(tmpl, []byte(`            FilterCriteria:
              Filters:
                - Pattern: '{"eventName":["INSERT"],"dynamodb":{"NewImage":{"id":{"S":[{"prefix":"keep"}]}}}}'
`)...)
	code, _ := os.ReadFile("testdata/streams/main.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"audit/main.go": code}, nil); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	for _, id := range []string{"keep-1", "drop-1", "keep-2"} {
		items = append(items, map[string]any{"id": map[string]any{"S": id}})
	}
	if err := s.PutItems(ctx, "Orders", items); err != nil {
		t.Fatal(err)
	}
	s.Advance(time.Second)
	logs := strings.Join(s.Logs(), "\n")
	if !strings.Contains(logs, "INSERT keep-1 2") || !strings.Contains(logs, "INSERT keep-2 2") || strings.Contains(logs, "drop-1") {
		t.Errorf("logs:\n%s", logs)
	}
}

// TestGuestSQSWithIAM: a function's SendMessage goes through IAM first:
// allowed on the queue its policy names, denied on another.
func TestGuestSQSWithIAM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go function")
	}
	ctx := context.Background()
	s := newTestStack(t, 9)
	tmpl, _ := os.ReadFile("testdata/sender/template.yaml")
	code, _ := os.ReadFile("testdata/sender/main.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"sender/main.go": code}, nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.Invoke(ctx, "Sender", []byte(`{"body":"resize img-1"}`))
	if err != nil || res.FunctionError != "" {
		t.Fatalf("%v %s (denials %v)", err, res.Payload, s.Denials())
	}
	msgs, _ := s.QueueMessages("Jobs")
	if len(msgs) != 1 || msgs[0].Body != "resize img-1" || msgs[0].MessageAttributes["kind"].StringValue != "job" || !strings.Contains(string(res.Payload), msgs[0].MessageID) {
		t.Fatalf("queue %+v, response %s", msgs, res.Payload)
	}
	res, err = s.Invoke(ctx, "Sender", []byte(`{"body":"x","other":true}`))
	if err != nil || res.FunctionError == "" || !strings.Contains(string(res.Payload), "AccessDenied") || len(s.Denials()) != 1 {
		t.Fatalf("send to a queue the policy does not name: %v %s %v", err, res.Payload, s.Denials())
	}
	if msgs, _ := s.QueueMessages("Other"); len(msgs) != 0 {
		t.Error("a denied message was sent")
	}
}
