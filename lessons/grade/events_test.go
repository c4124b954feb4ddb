package grade

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
)

// TestEventStepsEndToEnd grades an SQS worker exercise in a real stack:
// sendMessage, deliver and advance steps, and expectations on the queue,
// its dead-letter queue and the invocation count.
func TestEventStepsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go functions")
	}
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "sqsworker", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	ex := &lessons.Exercise{Kind: lessons.KindHandler, Dir: "05-eda/sqs-worker/exercise", Files: []string{"main.go"},
		Template: read("template.yaml"), Checks: read("checks.yaml"), Starter: map[string][]byte{"main.go": read("starter.go")}}
	g := &Grader{Sandbox: &StackSandbox{Options: sandbox.Options{Builder: b, CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-sandbox-test-wazero")}}}
	for _, tt := range []struct {
		name    string
		code    string
		passed  []bool
		failure string
	}{
		{"partial batch response passes", "solution.go", []bool{true, true}, ""},
		// Failing the whole batch keeps the good orders in the queue too.
		{"failing the whole batch fails", "starter.go", []bool{false, true}, "queue OrdersQueue: messages: expected 1 elements, got 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := g.Grade(context.Background(), ex, map[string][]byte{"main.go": read(tt.code)}, Submit, nil)
			if err != nil {
				t.Fatal(err)
			}
			if v.Problem != "" || len(v.Diagnostics) > 0 || len(v.Checks) != 2 {
				t.Fatalf("verdict %+v", v)
			}
			for i, c := range v.Checks {
				if c.Passed != tt.passed[i] {
					t.Errorf("%s: passed=%v, want %v: %s", c.Name, c.Passed, tt.passed[i], c.Failure)
				}
			}
			if tt.failure != "" && v.Checks[0].Failure != tt.failure {
				t.Errorf("failure %q, want %q", v.Checks[0].Failure, tt.failure)
			}
		})
	}
}

// fakeEvents is a stack with event services but no sandbox behind it.
type fakeEvents struct {
	Stack
	queue  []QueueMessage
	outbox []Email
	sent   []string
}

func (f *fakeEvents) PutEvent(ctx context.Context, bus, source, dt string, detail []byte) error {
	f.sent = append(f.sent, "event "+source+" "+dt+" "+string(detail))
	return nil
}
func (f *fakeEvents) SendMessage(ctx context.Context, q, body string, attrs map[string]string, g string) error {
	f.queue = append(f.queue, QueueMessage{Body: body})
	return nil
}
func (f *fakeEvents) Publish(ctx context.Context, topic, msg, subject string, attrs map[string]string) error {
	f.sent = append(f.sent, "publish "+topic+" "+msg)
	return nil
}
func (f *fakeEvents) Deliver(ctx context.Context) error              { return nil }
func (f *fakeEvents) QueueMessages(q string) ([]QueueMessage, error) { return f.queue, nil }
func (f *fakeEvents) Outbox() []Email                                { return f.outbox }

func TestEventExpectations(t *testing.T) {
	two, one := 2, 1
	f := &fakeEvents{outbox: []Email{{To: []string{"ana@example.com"}, Subject: "Welcome, Ana", Text: "Hello"}}}
	r := &run{stack: f}
	ctx := context.Background()
	spec, err := Parse([]byte(`checks:
  - name: x
    message: m
    steps:
      - putEvent: {source: shop, detail-type: OrderPlaced, detail: {total: 150}}
      - sendMessage: {queue: Q, json: {id: 1}}
      - sendMessage: {queue: Q, body: plain}
      - publish: {topic: T, message: hi}
      - deliver: true
`), "checks.yaml", lessons.KindHandler)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.steps(ctx, spec.Checks[0].Steps); err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.sent, "|") != `event shop OrderPlaced {"total":150}|publish T hi` {
		t.Errorf("sent %q", f.sent)
	}
	tests := []struct {
		e    Expect
		fail string
	}{
		{Expect{Queue: &QueueExpect{Name: "Q", Count: &two}}, ""},
		{Expect{Queue: &QueueExpect{Name: "Q", Count: &one}}, "expected 1 message(s) in queue Q, found 2"},
		{Expect{Queue: &QueueExpect{Name: "Q", Contains: []string{"plain"}}}, ""},
		{Expect{Queue: &QueueExpect{Name: "Q", Contains: []string{"nope"}}}, `no message in queue Q contains "nope"`},
		{Expect{Outbox: &OutboxExpect{Count: &one, To: "ana@example.com", SubjectContains: "Welcome"}}, ""},
		{Expect{Outbox: &OutboxExpect{To: "bo@example.com"}}, `no email in the outbox matches (to "bo@example.com", subject containing "", body containing "")`},
	}
	for _, tt := range tests {
		if got, _, _ := r.expectEvents(&tt.e); got != tt.fail {
			t.Errorf("expectEvents = %q, want %q", got, tt.fail)
		}
	}
	// A stack without event services says so.
	r2 := &run{stack: nil}
	if _, err := r2.eventStep(ctx, Step{Deliver: true}); err != errNoEvents {
		t.Errorf("no event stack: %v", err)
	}
}

func TestEventStepValidation(t *testing.T) {
	_, err := Parse([]byte(`checks:
  - name: x
    message: m
    steps:
      - putEvent: {source: shop}
      - sendMessage: {queue: Q}
      - publish: {topic: T, message: a, json: {b: 1}}
      - {deliver: true, advance: 1s}
`), "checks.yaml", lessons.KindHandler)
	if err == nil {
		t.Fatal("invalid steps accepted")
	}
	for _, want := range []string{"putEvent needs source and detail-type", "sendMessage takes exactly one of body and json", "publish takes exactly one of message and json", "exactly one of seed, request"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}
