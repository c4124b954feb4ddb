package esm

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/learnsls/learnsls/sandbox/events/eventbridge"
	"github.com/learnsls/learnsls/sandbox/events/sqs"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// consumer is a Go handler written the way a learner writes one, against
// aws-lambda-go's types: it fails orders whose quantity is zero and reports
// them as batch item failures.
type consumer struct {
	mu        sync.Mutex
	batches   [][]string
	processed []string
}

func (c *consumer) handle(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var resp events.SQSEventResponse
	var ids []string
	for _, r := range ev.Records {
		var e struct {
			Detail struct {
				OrderID string `json:"orderId"`
				Qty     int    `json:"qty"`
			} `json:"detail"`
		}
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
			return resp, err
		}
		ids = append(ids, e.Detail.OrderID+"#"+r.Attributes["ApproximateReceiveCount"])
		if r.EventSource != "aws:sqs" || r.EventSourceARN == "" || r.AWSRegion != "us-east-1" {
			return resp, fmt.Errorf("bad record %+v", r)
		}
		if e.Detail.Qty == 0 {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: r.MessageId})
			continue
		}
		c.processed = append(c.processed, e.Detail.OrderID)
	}
	c.batches = append(c.batches, ids)
	return resp, nil
}

// invoker runs the handler through JSON, as Lambda would.
func (c *consumer) invoker() Invoker {
	return func(ctx context.Context, payload []byte) ([]byte, bool, error) {
		var ev events.SQSEvent
		if err := json.Unmarshal(payload, &ev); err != nil {
			return nil, false, err
		}
		resp, err := c.handle(ctx, ev)
		if err != nil {
			b, _ := json.Marshal(map[string]string{"errorMessage": err.Error(), "errorType": "errorString"})
			return b, true, nil
		}
		b, _ := json.Marshal(resp)
		return b, false, nil
	}
}

// TestOrderPipeline is the end-to-end scenario at the service level (the
// API step is played by PutEvents): an order event lands on a bus, a rule
// routes it to a queue, a function consumes the batch with one failing
// item, and the failing item is retried and then dead-lettered — each step
// asserted on the simulated clock.
func TestOrderPipeline(t *testing.T) {
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	q := sqs.New(sqs.Options{Now: clk.Now})
	if _, err := q.CreateQueue("orders-dlq", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := q.CreateQueue("orders", map[string]string{"VisibilityTimeout": "30",
		"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:orders-dlq","maxReceiveCount":2}`}); err != nil {
		t.Fatal(err)
	}
	bus := eventbridge.New(eventbridge.Options{Now: clk.Now, Deliver: func(ctx context.Context, d eventbridge.Delivery) error {
		if !strings.HasPrefix(d.Target.Arn, "arn:aws:sqs:") {
			return fmt.Errorf("unexpected target %s", d.Target.Arn)
		}
		_, err := q.Send(d.Target.Arn, sqs.SendInput{MessageBody: string(d.Payload)}, "AIDAEVENTBRIDGE")
		return err
	}})
	if _, err := bus.CreateBus("shop"); err != nil {
		t.Fatal(err)
	}
	if _, err := bus.PutRule(eventbridge.RuleInput{Name: "orders-to-queue", EventBusName: "shop", EventPattern: `{"source":["shop.api"],"detail-type":["OrderPlaced"]}`}); err != nil {
		t.Fatal(err)
	}
	if err := bus.PutTargets("orders-to-queue", "shop", []eventbridge.Target{{Id: "q", Arn: "arn:aws:sqs:us-east-1:123456789012:orders"}}); err != nil {
		t.Fatal(err)
	}
	c := &consumer{}
	m := &SQSMapping{Queue: q, QueueARN: "arn:aws:sqs:us-east-1:123456789012:orders", Region: "us-east-1", BatchSize: 10,
		ReportBatchItemFailures: true, Invoke: c.invoker(), Now: clk.Now}

	// 1. Three orders are placed; one ignored event does not match the rule.
	var entries []eventbridge.Entry
	for i, qty := range []int{2, 0, 5} {
		entries = append(entries, eventbridge.Entry{EventBusName: "shop", Source: "shop.api", DetailType: "OrderPlaced",
			Detail: fmt.Sprintf(`{"orderId":"o-%d","qty":%d}`, i+1, qty)})
	}
	entries = append(entries, eventbridge.Entry{EventBusName: "shop", Source: "shop.api", DetailType: "CartViewed", Detail: `{}`})
	if r, err := bus.PutEvents(entries); err != nil || r.FailedEntryCount != 0 {
		t.Fatalf("put: %v %+v", err, r)
	}
	// 2. The rule routes the three orders to the queue.
	if n := bus.Pump(ctx); n != 3 {
		t.Fatalf("routed %d events, want 3", n)
	}
	if msgs, _ := q.Peek("orders"); len(msgs) != 3 {
		t.Fatalf("queue holds %d", len(msgs))
	}
	// 3. One batch: two succeed and are deleted, o-2 fails and stays in flight.
	r, err := m.Poll(ctx)
	if err != nil || r.Invocations != 1 || r.Deleted != 2 || r.Failed != 1 {
		t.Fatalf("first poll %+v %v", r, err)
	}
	if fmt.Sprint(c.batches[0]) != "[o-1#1 o-2#1 o-3#1]" || fmt.Sprint(c.processed) != "[o-1 o-3]" {
		t.Fatalf("batch %v processed %v", c.batches, c.processed)
	}
	if r, _ := m.Poll(ctx); r.Invocations != 0 {
		t.Fatal("the failed message came back before its visibility timeout")
	}
	// 4. After the visibility timeout it is retried (receive count 2) and fails again.
	clk.Advance(30 * time.Second)
	if r, _ := m.Poll(ctx); r.Invocations != 1 || r.Failed != 1 {
		t.Fatalf("retry %+v", r)
	}
	if fmt.Sprint(c.batches[1]) != "[o-2#2]" {
		t.Fatalf("retry batch %v", c.batches[1])
	}
	// 5. The next receive exceeds maxReceiveCount: SQS moves it to the DLQ.
	clk.Advance(30 * time.Second)
	if r, _ := m.Poll(ctx); r.Invocations != 0 {
		t.Fatalf("third delivery %+v", r)
	}
	left, _ := q.Peek("orders")
	dead, _ := q.Peek("orders-dlq")
	if len(left) != 0 || len(dead) != 1 || !strings.Contains(dead[0].Body, `"orderId":"o-2"`) {
		t.Fatalf("queue %v dlq %v", left, dead)
	}
	var ev eventbridge.Event
	if err := json.Unmarshal([]byte(dead[0].Body), &ev); err != nil || ev.Source != "shop.api" || ev.DetailType != "OrderPlaced" {
		t.Fatalf("dead letter is not the EventBridge event: %s", dead[0].Body)
	}
}

func TestFunctionErrorKeepsWholeBatch(t *testing.T) {
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	q := sqs.New(sqs.Options{Now: clk.Now})
	q.CreateQueue("q", nil)
	for i := 0; i < 3; i++ {
		q.Send("q", sqs.SendInput{MessageBody: fmt.Sprint(i), MessageAttributes: map[string]sqs.MessageAttribute{"n": {DataType: "Number", StringValue: fmt.Sprint(i)}}}, "")
	}
	calls := 0
	var got events.SQSEvent
	m := &SQSMapping{Queue: q, QueueARN: "arn:aws:sqs:us-east-1:123456789012:q", Region: "us-east-1", BatchSize: 2, Now: clk.Now,
		Invoke: func(ctx context.Context, p []byte) ([]byte, bool, error) {
			calls++
			json.Unmarshal(p, &got)
			return []byte(`{"errorMessage":"boom"}`), true, nil
		}}
	r, _ := m.Poll(ctx)
	if r.Invocations != 2 || r.Deleted != 0 || r.Failed != 3 {
		t.Fatalf("%+v", r)
	}
	if a := got.Records[0].MessageAttributes["n"]; a.DataType != "Number" || a.StringValue == nil || *a.StringValue != "2" {
		t.Errorf("attribute %+v", a)
	}
	if msgs, _ := q.Peek("q"); len(msgs) != 3 {
		t.Fatal("messages deleted after a function error")
	}
	// A bad itemIdentifier fails the whole batch too.
	if f := batchItemFailures([]byte(`{"batchItemFailures":[{"itemIdentifier":"nope"}]}`), []sqs.Message{{MessageId: "a"}, {MessageId: "b"}}); len(f) != 2 {
		t.Errorf("bad identifier: %v", f)
	}
	if f := batchItemFailures([]byte(`{}`), []sqs.Message{{MessageId: "a"}}); len(f) != 0 {
		t.Errorf("empty response: %v", f)
	}
}

func TestBatchingWindow(t *testing.T) {
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	q := sqs.New(sqs.Options{Now: clk.Now})
	q.CreateQueue("q", nil)
	q.Send("q", sqs.SendInput{MessageBody: "a"}, "")
	sizes := []int{}
	m := &SQSMapping{Queue: q, QueueARN: "q", BatchSize: 3, MaximumBatchingWindow: 20 * time.Second, Now: clk.Now,
		Invoke: func(ctx context.Context, p []byte) ([]byte, bool, error) {
			var ev events.SQSEvent
			json.Unmarshal(p, &ev)
			sizes = append(sizes, len(ev.Records))
			return nil, false, nil
		}}
	m.Poll(ctx)
	clk.Advance(10 * time.Second)
	q.Send("q", sqs.SendInput{MessageBody: "b"}, "")
	m.Poll(ctx)
	if len(sizes) != 0 {
		t.Fatalf("invoked inside the window: %v", sizes)
	}
	clk.Advance(10 * time.Second)
	m.Poll(ctx)
	if fmt.Sprint(sizes) != "[2]" {
		t.Fatalf("batches %v", sizes)
	}
}

func TestFilterCriteria(t *testing.T) {
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	q := sqs.New(sqs.Options{Now: clk.Now})
	q.CreateQueue("q", nil)
	for _, b := range []string{`{"kind":"order","total":150}`, `{"kind":"order","total":5}`, `{"kind":"refund"}`, `not json`} {
		q.Send("q", sqs.SendInput{MessageBody: b}, "")
	}
	filters, err := CompileFilters(map[string]any{"Filters": []any{map[string]any{"Pattern": `{"body":{"kind":["order"],"total":[{"numeric":[">",100]}]}}`}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	m := &SQSMapping{Queue: q, QueueARN: "q", Filters: filters, Now: clk.Now, Invoke: func(ctx context.Context, p []byte) ([]byte, bool, error) {
		var ev events.SQSEvent
		json.Unmarshal(p, &ev)
		for _, r := range ev.Records {
			got = append(got, r.Body)
		}
		return nil, false, nil
	}}
	r, err := m.Poll(ctx)
	if err != nil || r.Invocations != 1 || r.Filtered != 3 || fmt.Sprint(got) != `[{"kind":"order","total":150}]` {
		t.Fatalf("%+v %v %v", r, err, got)
	}
	if left, _ := q.Peek("q"); len(left) != 0 {
		t.Errorf("filtered messages were not deleted: %+v", left)
	}
	if _, err := CompileFilters(map[string]any{"Filters": []any{map[string]any{"Pattern": `{"body":"x"}`}}}); err == nil || !strings.Contains(err.Error(), "Filters[0]") {
		t.Errorf("bad filter: %v", err)
	}
}
