package sqs

import (
	"context"
	"errors"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
)

// fakeClock is a simulated clock the test moves.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// newClient serves a fresh SQS over loopback HTTP and returns the real
// aws-sdk-go-v2 client pointed at it (which verifies body and attribute MD5s).
func newClient(t *testing.T) (*awssqs.Client, *Service, *fakeClock) {
	t.Helper()
	clk := &fakeClock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	srv := httptest.NewServer(nil)
	svc := New(Options{Now: clk.Now, URLBase: srv.URL})
	srv.Config.Handler = svc
	t.Cleanup(srv.Close)
	c := awssqs.New(awssqs.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")})
	return c, svc, clk
}

func apiCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func TestSDKSendReceiveDelete(t *testing.T) {
	c, _, _ := newClient(t)
	ctx := context.Background()
	q, err := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	attrs := map[string]types.MessageAttributeValue{
		"kind":  {DataType: aws.String("String"), StringValue: aws.String("new")},
		"total": {DataType: aws.String("Number"), StringValue: aws.String("150")},
		"blob":  {DataType: aws.String("Binary"), BinaryValue: []byte{1, 2, 3}},
	}
	sent, err := c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String(`{"orderId":"o-1"}`), MessageAttributes: attrs})
	if err != nil {
		t.Fatal(err) // the SDK fails here if our MD5s differ from its own
	}
	got, err := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10,
		MessageAttributeNames: []string{"All"}, MessageSystemAttributeNames: []types.MessageSystemAttributeName{"All"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 1 || *got.Messages[0].MessageId != *sent.MessageId || *got.Messages[0].Body != `{"orderId":"o-1"}` {
		t.Fatalf("received %+v", got.Messages)
	}
	m := got.Messages[0]
	if m.Attributes["ApproximateReceiveCount"] != "1" || m.Attributes["SentTimestamp"] != strconv.FormatInt(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC).UnixMilli(), 10) {
		t.Errorf("attributes %v", m.Attributes)
	}
	if *m.MessageAttributes["kind"].StringValue != "new" || string(m.MessageAttributes["blob"].BinaryValue) != "\x01\x02\x03" {
		t.Errorf("message attributes %v", m.MessageAttributes)
	}
	// Invisible now: a second receive gets nothing.
	again, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	if len(again.Messages) != 0 {
		t.Fatal("message visible while in flight")
	}
	if _, err := c.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: m.ReceiptHandle}); err != nil {
		t.Fatal(err)
	}
	a, err := c.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: q.QueueUrl, AttributeNames: []types.QueueAttributeName{"All"}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Attributes["ApproximateNumberOfMessages"] != "0" || a.Attributes["QueueArn"] != "arn:aws:sqs:us-east-1:123456789012:orders" {
		t.Errorf("attributes %v", a.Attributes)
	}
	_, err = c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String(*q.QueueUrl + "-nope"), MessageBody: aws.String("x")})
	var qne *types.QueueDoesNotExist
	if !errors.As(err, &qne) {
		t.Errorf("missing queue: %v", err)
	}
	_, err = c.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: aws.String("garbage")})
	var rhi *types.ReceiptHandleIsInvalid
	if !errors.As(err, &rhi) {
		t.Errorf("bad handle: %v", err)
	}
}

func TestSDKBatches(t *testing.T) {
	c, _, _ := newClient(t)
	ctx := context.Background()
	q, _ := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("b")})
	var entries []types.SendMessageBatchRequestEntry
	for i := 0; i < 10; i++ {
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String("m" + strconv.Itoa(i)), MessageBody: aws.String("body " + strconv.Itoa(i))})
	}
	out, err := c.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{QueueUrl: q.QueueUrl, Entries: entries})
	if err != nil || len(out.Successful) != 10 || len(out.Failed) != 0 {
		t.Fatalf("batch: %v %+v", err, out)
	}
	_, err = c.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{QueueUrl: q.QueueUrl, Entries: append(entries, entries[0])})
	if apiCode(err) != "AWS.SimpleQueueService.TooManyEntriesInBatchRequest" && apiCode(err) != "TooManyEntriesInBatchRequest" {
		t.Errorf("11 entries: %v", err)
	}
	_, err = c.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{QueueUrl: q.QueueUrl, Entries: entries[:2:2][:1:1]})
	if err != nil {
		t.Error(err)
	}
	_, err = c.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{QueueUrl: q.QueueUrl, Entries: []types.SendMessageBatchRequestEntry{entries[0], entries[0]}})
	var dup *types.BatchEntryIdsNotDistinct
	if !errors.As(err, &dup) {
		t.Errorf("repeated ids: %v", err)
	}
	r, err := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
	if err != nil || len(r.Messages) != 10 {
		t.Fatalf("receive: %v %d", err, len(r.Messages))
	}
	var del []types.DeleteMessageBatchRequestEntry
	for i, m := range r.Messages {
		del = append(del, types.DeleteMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), ReceiptHandle: m.ReceiptHandle})
	}
	d, err := c.DeleteMessageBatch(ctx, &awssqs.DeleteMessageBatchInput{QueueUrl: q.QueueUrl, Entries: del})
	if err != nil || len(d.Successful) != 10 {
		t.Fatalf("delete batch: %v %+v", err, d)
	}
	_, err = c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 11})
	if apiCode(err) != "InvalidParameterValue" {
		t.Errorf("MaxNumberOfMessages 11: %v", err)
	}
}

// TestAtLeastOnce makes SQS's at-least-once delivery visible: a consumer
// that does not delete in time sees the message again, and an idempotent
// consumer (which remembers processed message IDs) does its work once.
func TestAtLeastOnce(t *testing.T) {
	c, svc, clk := newClient(t)
	ctx := context.Background()
	q, _ := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("work"), Attributes: map[string]string{"VisibilityTimeout": "10"}})
	c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("charge card 42")})

	processed := map[string]bool{}
	charges := 0
	consume := func(deleteIt bool) (got int) {
		r, err := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MessageSystemAttributeNames: []types.MessageSystemAttributeName{"ApproximateReceiveCount"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range r.Messages {
			got++
			if !processed[*m.MessageId] { // the idempotency check
				processed[*m.MessageId] = true
				charges++
			}
			if deleteIt {
				c.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: m.ReceiptHandle})
			}
		}
		return got
	}
	if consume(false) != 1 { // first delivery; the consumer "crashes" before deleting
		t.Fatal("first receive")
	}
	clk.Advance(9 * time.Second)
	if consume(false) != 0 {
		t.Fatal("visible before the visibility timeout")
	}
	clk.Advance(1 * time.Second)
	r, _ := svc.Peek("work")
	if len(r) != 1 || r[0].InFlight {
		t.Fatalf("after the timeout: %+v", r)
	}
	if consume(true) != 1 { // the duplicate
		t.Fatal("no duplicate after the visibility timeout")
	}
	if charges != 1 {
		t.Errorf("idempotent consumer charged %d times", charges)
	}
	if r, _ := svc.Peek("work"); len(r) != 0 {
		t.Errorf("left %+v", r)
	}
}

func TestRedriveToDLQ(t *testing.T) {
	c, svc, clk := newClient(t)
	ctx := context.Background()
	dlq, _ := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("orders-dlq")})
	_ = dlq
	q, err := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("orders"), Attributes: map[string]string{
		"VisibilityTimeout": "30", "RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:orders-dlq","maxReceiveCount":"2"}`}})
	if err != nil {
		t.Fatal(err)
	}
	c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("poison")})
	for i := 1; i <= 2; i++ {
		r, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MessageSystemAttributeNames: []types.MessageSystemAttributeName{"All"}})
		if len(r.Messages) != 1 || r.Messages[0].Attributes["ApproximateReceiveCount"] != strconv.Itoa(i) {
			t.Fatalf("receive %d: %+v", i, r.Messages)
		}
		clk.Advance(30 * time.Second)
	}
	r, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	if len(r.Messages) != 0 {
		t.Fatal("third receive returned the message instead of dead-lettering it")
	}
	in, _ := svc.Peek("orders-dlq")
	if len(in) != 1 || in[0].Body != "poison" {
		t.Fatalf("dlq %+v", in)
	}
	_, err = c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("bad"), Attributes: map[string]string{
		"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:nope","maxReceiveCount":"2"}`}})
	if apiCode(err) != "InvalidAttributeValue" {
		t.Errorf("missing DLQ: %v", err)
	}
}

func TestFIFO(t *testing.T) {
	c, svc, clk := newClient(t)
	ctx := context.Background()
	_, err := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("o.fifo")})
	if err == nil {
		t.Fatal("a .fifo name without FifoQueue=true was accepted")
	}
	q, err := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("o.fifo"), Attributes: map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "true"}})
	if err != nil {
		t.Fatal(err)
	}
	send := func(group, body string) *awssqs.SendMessageOutput {
		out, err := c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String(body), MessageGroupId: aws.String(group)})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a1 := send("A", "a1")
	send("A", "a2")
	send("B", "b1")
	if dup := send("A", "a1"); *dup.MessageId != *a1.MessageId {
		t.Error("content-based duplicate got a new message ID")
	}
	if n, _ := svc.Peek("o.fifo"); len(n) != 3 {
		t.Fatalf("duplicate enqueued: %d messages", len(n))
	}
	_, err = c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("x")})
	if apiCode(err) != "MissingParameter" {
		t.Errorf("no group: %v", err)
	}
	send("A", "a3")
	// A receive of one takes the head of group A; the next skips group A
	// (in flight) and takes group B's head.
	r, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	if len(r.Messages) != 1 || *r.Messages[0].Body != "a1" {
		t.Fatalf("first receive: %+v", r.Messages)
	}
	r2, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
	if len(r2.Messages) != 1 || *r2.Messages[0].Body != "b1" {
		t.Fatalf("second receive should be group B only: %+v", r2.Messages)
	}
	r3, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	if len(r3.Messages) != 0 {
		t.Fatal("a group was returned while in flight")
	}
	// Once group A's head is deleted, the rest of A comes in order, and
	// with nothing else in flight one receive spans groups, A's first.
	c.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: r.Messages[0].ReceiptHandle})
	c.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: r2.Messages[0].ReceiptHandle})
	send("B", "b2")
	r4, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
	var bodies []string
	for _, m := range r4.Messages {
		bodies = append(bodies, *m.Body)
	}
	if strings.Join(bodies, ",") != "a2,a3,b2" {
		t.Fatalf("receive across groups: %v", bodies)
	}
	// After the window a repeat is a new message.
	clk.Advance(5 * time.Minute)
	if again := send("A", "a1"); *again.MessageId == *a1.MessageId {
		t.Error("dedup outlived its 5-minute window")
	}
	_, err = c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("x"), MessageGroupId: aws.String("A"), DelaySeconds: 5})
	if apiCode(err) != "InvalidParameterValue" {
		t.Errorf("per-message delay on FIFO: %v", err)
	}
}

func TestDelayRetentionVisibility(t *testing.T) {
	c, svc, clk := newClient(t)
	ctx := context.Background()
	q, _ := c.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("d"), Attributes: map[string]string{"MessageRetentionPeriod": "120"}})
	c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("later"), DelaySeconds: 10})
	if r, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl}); len(r.Messages) != 0 {
		t.Fatal("delayed message delivered early")
	}
	clk.Advance(10 * time.Second)
	r, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, VisibilityTimeout: 60})
	if len(r.Messages) != 1 {
		t.Fatal("delayed message not delivered after its delay")
	}
	if _, err := c.ChangeMessageVisibility(ctx, &awssqs.ChangeMessageVisibilityInput{QueueUrl: q.QueueUrl, ReceiptHandle: r.Messages[0].ReceiptHandle, VisibilityTimeout: 0}); err != nil {
		t.Fatal(err)
	}
	r2, _ := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	if len(r2.Messages) != 1 {
		t.Fatal("visibility 0 did not release the message")
	}
	// The first handle is stale now: deleting with it succeeds but keeps the message.
	if _, err := c.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: r.Messages[0].ReceiptHandle}); err != nil {
		t.Fatal(err)
	}
	if n, _ := svc.Peek("d"); len(n) != 1 {
		t.Fatal("stale receipt handle deleted the message")
	}
	_, err := c.ChangeMessageVisibility(ctx, &awssqs.ChangeMessageVisibilityInput{QueueUrl: q.QueueUrl, ReceiptHandle: r.Messages[0].ReceiptHandle, VisibilityTimeout: 5})
	if apiCode(err) != "AWS.SimpleQueueService.MessageNotInflight" && apiCode(err) != "MessageNotInflight" {
		t.Errorf("stale handle visibility change: %v", err)
	}
	clk.Advance(2 * time.Minute)
	if n, _ := svc.Peek("d"); len(n) != 0 {
		t.Fatal("message outlived its retention period")
	}
}

func TestMD5OfMessageAttributes(t *testing.T) {
	// Digest computed by SQS for this attribute set (AWS documents the
	// algorithm; the SDK test above also cross-checks it).
	got := MD5OfMessageAttributes(map[string]MessageAttribute{"a": {DataType: "String", StringValue: "b"}})
	if len(got) != 32 {
		t.Fatal(got)
	}
	if MD5OfMessageAttributes(map[string]MessageAttribute{"a": {DataType: "String", StringValue: "c"}}) == got {
		t.Error("digest ignores the value")
	}
}

func FuzzCall(f *testing.F) {
	f.Add("SendMessage", `{"QueueUrl":"q","MessageBody":"x","DelaySeconds":-1}`)
	f.Add("ReceiveMessage", `{"QueueUrl":"q","MaxNumberOfMessages":10,"VisibilityTimeout":0}`)
	f.Add("SendMessageBatch", `{"QueueUrl":"q","Entries":[{"Id":"1","MessageBody":"a"}]}`)
	f.Add("DeleteMessage", `{"QueueUrl":"q","ReceiptHandle":"AQEB#x#1"}`)
	f.Add("CreateQueue", `{"QueueName":"z.fifo","Attributes":{"FifoQueue":"true"}}`)
	f.Fuzz(func(t *testing.T, op, body string) {
		s := New(Options{Now: func() time.Time { return time.Unix(0, 0) }})
		s.CreateQueue("q", nil)
		st, resp := s.Call(context.Background(), op, []byte(body))
		if st == 500 || len(resp) == 0 {
			t.Fatalf("%s %s -> %d %s", op, body, st, resp)
		}
	})
}

// TestLongPollRealTime: with RealTimeWait an empty receive waits for
// WaitTimeSeconds (and no longer), and a message sent meanwhile ends the wait.
func TestLongPollRealTime(t *testing.T) {
	s := New(Options{RealTimeWait: true})
	s.CreateQueue("q", nil)
	one := 1
	start := time.Now()
	msgs, err := s.Receive(context.Background(), ReceiveInput{QueueUrl: "q", WaitTimeSeconds: &one})
	if err != nil || len(msgs) != 0 {
		t.Fatal(msgs, err)
	}
	if d := time.Since(start); d < 900*time.Millisecond || d > 5*time.Second {
		t.Fatalf("waited %v for WaitTimeSeconds 1", d)
	}
	go func() {
		time.Sleep(100 * time.Millisecond)
		s.Send("q", SendInput{MessageBody: "late"}, "")
	}()
	five := 5
	start = time.Now()
	msgs, _ = s.Receive(context.Background(), ReceiveInput{QueueUrl: "q", WaitTimeSeconds: &five})
	if len(msgs) != 1 || time.Since(start) > 4*time.Second {
		t.Fatalf("got %v after %v", msgs, time.Since(start))
	}
}
