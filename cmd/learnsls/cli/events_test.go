package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
)

func TestEventsTestPattern(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"open.json":   `{"source":["myApplication"],"detail":{"status":["OPEN"],"price":{"amount":[{"numeric":[">",100]}],"currency":["USD"]}}}`,
		"big.json":    `{"source":["myApplication"],"detail":{"price":{"amount":[{"numeric":[">",500]}]}}}`,
		"bad.json":    "{\n  \"source\": [{\"prefixx\": \"my\"}]\n}",
		"event.json":  `{"version":"0","id":"1","source":"myApplication","detail-type":"Order","account":"123456789012","time":"2026-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{"status":"OPEN","price":{"amount":150,"currency":"USD"}}}`,
		"broken.json": `{"source":`,
	})
	p := func(n string) string { return filepath.Join(dir, n) }
	tests := []struct {
		args     []string
		code     int
		stdout   string
		stderr   string
		jsonWant map[string]any
	}{
		{args: []string{"--pattern", p("open.json"), "--event", p("event.json")}, code: 0, stdout: "match: "},
		{args: []string{"--pattern", p("big.json"), "--event", p("event.json")}, code: 0, stdout: "no match: detail.price.amount: the value 150 does not match numeric > 500"},
		{args: []string{"--pattern", p("bad.json"), "--event", p("event.json")}, code: 1, stderr: "bad.json:2:15: Event pattern is not valid. Reason: Unrecognized match type prefixx"},
		{args: []string{"--pattern", p("open.json"), "--event", p("broken.json")}, code: 1, stderr: "event is not a JSON object"},
		{args: []string{"--pattern", p("open.json"), "--event", p("event.json"), "--json"}, code: 0, jsonWant: map[string]any{"match": true}},
		{args: []string{"--json", "--pattern", p("big.json"), "--event", p("event.json")}, code: 0, jsonWant: map[string]any{"match": false}},
		{args: []string{"--pattern", p("bad.json"), "--event", p("event.json"), "--json"}, code: 1, jsonWant: map[string]any{"match": false}},
		{args: []string{"--pattern", p("open.json")}, code: 2, stderr: "name both files"},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(append([]string{"events", "test-pattern"}, tt.args...)...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (stderr %s)", tt.args, code, tt.code, errs)
		}
		if tt.stdout != "" && !strings.HasPrefix(out, tt.stdout) {
			t.Errorf("%v: stdout %q, want prefix %q", tt.args, out, tt.stdout)
		}
		if tt.stderr != "" && !strings.Contains(errs, tt.stderr) {
			t.Errorf("%v: stderr %q, want %q", tt.args, errs, tt.stderr)
		}
		if tt.jsonWant != nil {
			var got map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v: %v in %q", tt.args, err, out)
			}
			for k, v := range tt.jsonWant {
				if got[k] != v {
					t.Errorf("%v: %s = %v, want %v", tt.args, k, got[k], v)
				}
			}
			if tt.code == 1 {
				e, _ := got["error"].(map[string]any)
				if e["line"] != 2.0 || e["column"] != 15.0 {
					t.Errorf("error position %v", e)
				}
			}
		}
	}
}

// TestLocalServesSQSAndEventBridge drives `learnsls local` with the real
// aws-sdk-go-v2 sqs and eventbridge clients: a rule on a custom bus routes
// an event to a queue, and a long-polling receive picks it up.
func TestLocalServesSQSAndEventBridge(t *testing.T) {
	endpoint, stop := startLocal(t)
	defer stop()
	ctx := context.Background()
	creds := credentials.NewStaticCredentialsProvider("a", "b", "")
	q := awssqs.New(awssqs.Options{Region: "us-east-1", Credentials: creds, BaseEndpoint: aws.String(endpoint)})
	eb := awseb.New(awseb.Options{Region: "us-east-1", Credentials: creds, BaseEndpoint: aws.String(endpoint)})
	cq, err := q.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(*cq.QueueUrl, endpoint+"/") {
		t.Errorf("queue URL %s is not under the local endpoint", *cq.QueueUrl)
	}
	if _, err := eb.CreateEventBus(ctx, &awseb.CreateEventBusInput{Name: aws.String("shop")}); err != nil {
		t.Fatal(err)
	}
	if _, err := eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), EventBusName: aws.String("shop"), EventPattern: aws.String(`{"source":["shop"]}`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("r"), EventBusName: aws.String("shop"),
		Targets: []ebtypes.Target{{Id: aws.String("q"), Arn: aws.String("arn:aws:sqs:us-east-1:123456789012:orders")}}}); err != nil {
		t.Fatal(err)
	}
	out, err := eb.PutEvents(ctx, &awseb.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{{EventBusName: aws.String("shop"),
		Source: aws.String("shop"), DetailType: aws.String("OrderPlaced"), Detail: aws.String(`{"orderId":"o-1"}`)}}})
	if err != nil || out.FailedEntryCount != 0 {
		t.Fatalf("%v %+v", err, out)
	}
	r, err := q.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, WaitTimeSeconds: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Messages) != 1 || !strings.Contains(*r.Messages[0].Body, `"orderId":"o-1"`) || !strings.Contains(*r.Messages[0].Body, `"detail-type":"OrderPlaced"`) {
		t.Fatalf("received %+v", r.Messages)
	}
	q.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: cq.QueueUrl, ReceiptHandle: r.Messages[0].ReceiptHandle})

	// SNS over its query protocol fans out to the same queue.
	sn := awssns.New(awssns.Options{Region: "us-east-1", Credentials: creds, BaseEndpoint: aws.String(endpoint)})
	tp, err := sn.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String("alerts")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sn.Subscribe(ctx, &awssns.SubscribeInput{TopicArn: tp.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:123456789012:orders")}); err != nil {
		t.Fatal(err)
	}
	if _, err := sn.Publish(ctx, &awssns.PublishInput{TopicArn: tp.TopicArn, Message: aws.String("hello")}); err != nil {
		t.Fatal(err)
	}
	r, err = q.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, WaitTimeSeconds: 5})
	if err != nil || len(r.Messages) != 1 || !strings.Contains(*r.Messages[0].Body, `"Message":"hello"`) {
		t.Fatalf("SNS envelope not received: %v %+v", err, r.Messages)
	}
}
