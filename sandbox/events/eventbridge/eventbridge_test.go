package eventbridge

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	eb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
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

type sink struct {
	mu  sync.Mutex
	got []Delivery
}

func (s *sink) deliver(_ context.Context, d Delivery) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.Contains(d.Target.Arn, "broken") {
		return errors.New("target refused")
	}
	s.got = append(s.got, d)
	return nil
}

func setup(t *testing.T) (*eb.Client, *Service, *clock, *sink) {
	clk := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	sk := &sink{}
	svc := New(Options{Now: clk.Now, Deliver: sk.deliver})
	srv := httptest.NewServer(svc)
	t.Cleanup(srv.Close)
	c := eb.New(eb.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")})
	return c, svc, clk, sk
}

func TestSDKRulesAndPutEvents(t *testing.T) {
	c, svc, _, sk := setup(t)
	ctx := context.Background()
	bus, err := c.CreateEventBus(ctx, &eb.CreateEventBusInput{Name: aws.String("orders")})
	if err != nil || *bus.EventBusArn != "arn:aws:events:us-east-1:123456789012:event-bus/orders" {
		t.Fatalf("bus: %v %v", err, bus)
	}
	rule, err := c.PutRule(ctx, &eb.PutRuleInput{Name: aws.String("big-orders"), EventBusName: aws.String("orders"),
		EventPattern: aws.String(`{"source":["shop"],"detail-type":["OrderPlaced"],"detail":{"total":[{"numeric":[">",100]}]}}`)})
	if err != nil || *rule.RuleArn != "arn:aws:events:us-east-1:123456789012:rule/orders/big-orders" {
		t.Fatalf("rule: %v %v", err, rule)
	}
	_, err = c.PutTargets(ctx, &eb.PutTargetsInput{Rule: aws.String("big-orders"), EventBusName: aws.String("orders"), Targets: []types.Target{
		{Id: aws.String("q"), Arn: aws.String("arn:aws:sqs:us-east-1:123456789012:big")},
		{Id: aws.String("t"), Arn: aws.String("arn:aws:lambda:us-east-1:123456789012:function:notify"), InputTransformer: &types.InputTransformer{
			InputPathsMap: map[string]string{"id": "$.detail.orderId", "total": "$.detail.total"},
			InputTemplate: aws.String(`{"text":"order <id> is worth <total>","total":<total>,"rule":"<aws.events.rule-name>"}`)}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.PutRule(ctx, &eb.PutRuleInput{Name: aws.String("bad"), EventPattern: aws.String(`{"source":"shop"}`)})
	var iep *types.InvalidEventPatternException
	if !errors.As(err, &iep) || !strings.Contains(err.Error(), "line 1, column 11") {
		t.Errorf("invalid pattern: %v", err)
	}
	out, err := c.PutEvents(ctx, &eb.PutEventsInput{Entries: []types.PutEventsRequestEntry{
		{EventBusName: aws.String("orders"), Source: aws.String("shop"), DetailType: aws.String("OrderPlaced"), Detail: aws.String(`{"orderId":"o-1","total":150}`)},
		{EventBusName: aws.String("orders"), Source: aws.String("shop"), DetailType: aws.String("OrderPlaced"), Detail: aws.String(`{"orderId":"o-2","total":50}`)},
		{EventBusName: aws.String("orders"), Source: aws.String("shop"), DetailType: aws.String("OrderPlaced"), Detail: aws.String(`not json`)},
		{EventBusName: aws.String("nope"), Source: aws.String("shop"), DetailType: aws.String("OrderPlaced"), Detail: aws.String(`{}`)},
		{Source: aws.String("shop"), Detail: aws.String(`{}`)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if out.FailedEntryCount != 3 || out.Entries[0].EventId == nil || aws.ToString(out.Entries[2].ErrorCode) != "MalformedDetail" ||
		aws.ToString(out.Entries[3].ErrorCode) != "ResourceNotFoundException" || aws.ToString(out.Entries[4].ErrorCode) != "InvalidArgument" {
		js, _ := json.Marshal(out.Entries)
		t.Fatalf("entries %d %s", out.FailedEntryCount, js)
	}
	if len(sk.got) != 0 {
		t.Fatal("delivered before Pump")
	}
	if n := svc.Pump(ctx); n != 2 {
		t.Fatalf("pumped %d", n)
	}
	var ev Event
	if err := json.Unmarshal(sk.got[0].Payload, &ev); err != nil || ev.DetailType != "OrderPlaced" || ev.Time != "2026-01-01T09:00:00Z" || ev.ID != *out.Entries[0].EventId {
		t.Errorf("event %s", sk.got[0].Payload)
	}
	if got := string(sk.got[1].Payload); got != `{"text":"order o-1 is worth 150","total":150,"rule":"big-orders"}` {
		t.Errorf("transformed %s", got)
	}
	big := strings.Repeat("x", MaxPutEventsSize)
	_, err = c.PutEvents(ctx, &eb.PutEventsInput{Entries: []types.PutEventsRequestEntry{{Source: aws.String("s"), DetailType: aws.String("d"), Detail: aws.String(`{"a":"` + big + `"}`)}}})
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("oversize: %v", err)
	}
}

func TestSDKTestEventPattern(t *testing.T) {
	c, _, _, _ := setup(t)
	ctx := context.Background()
	ev := `{"id":"1","account":"123456789012","source":"shop","time":"2026-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail-type":"OrderPlaced","detail":{"status":"OPEN"}}`
	r, err := c.TestEventPattern(ctx, &eb.TestEventPatternInput{EventPattern: aws.String(`{"detail":{"status":["OPEN"]}}`), Event: aws.String(ev)})
	if err != nil || !r.Result {
		t.Fatalf("%v %v", r, err)
	}
	r, err = c.TestEventPattern(ctx, &eb.TestEventPatternInput{EventPattern: aws.String(`{"detail":{"status":["CLOSED"]}}`), Event: aws.String(ev)})
	if err != nil || r.Result {
		t.Fatalf("%v %v", r, err)
	}
	_, err = c.TestEventPattern(ctx, &eb.TestEventPatternInput{EventPattern: aws.String(`{"detail":{"status":["OPEN"]}}`), Event: aws.String(`{"source":"x"}`)})
	if err == nil || !strings.Contains(err.Error(), "Event is not valid") {
		t.Errorf("incomplete event: %v", err)
	}
}

func TestSchedules(t *testing.T) {
	c, svc, clk, sk := setup(t)
	ctx := context.Background()
	for name, expr := range map[string]string{"every5": "rate(5 minutes)", "nightly": "cron(0 2 * * ? *)", "weekdays": "cron(30 9 ? * MON-FRI *)"} {
		if _, err := c.PutRule(ctx, &eb.PutRuleInput{Name: aws.String(name), ScheduleExpression: aws.String(expr)}); err != nil {
			t.Fatal(name, err)
		}
		c.PutTargets(ctx, &eb.PutTargetsInput{Rule: aws.String(name), Targets: []types.Target{{Id: aws.String("f"), Arn: aws.String("arn:aws:lambda:us-east-1:123456789012:function:" + name)}}})
	}
	for _, bad := range []string{"rate(5 minute)", "rate(1 minutes)", "rate(0 minutes)", "cron(0 2 * * * *)", "cron(0 2 * *)", "every day"} {
		if _, err := c.PutRule(ctx, &eb.PutRuleInput{Name: aws.String("x"), ScheduleExpression: aws.String(bad)}); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	clk.Advance(4 * time.Minute)
	svc.Pump(ctx)
	if len(sk.got) != 0 {
		t.Fatalf("fired early: %d", len(sk.got))
	}
	// 2026-01-01 is a Thursday: over 24 hours, 288 rate firings, one
	// nightly at 02:00 on the 2nd, one weekday run at 09:30 on the 1st.
	clk.Advance(24*time.Hour - 4*time.Minute)
	svc.Pump(ctx)
	count := map[string]int{}
	for _, d := range sk.got {
		count[d.Rule]++
	}
	if count["every5"] != 288 || count["nightly"] != 1 || count["weekdays"] != 1 {
		t.Fatalf("firings %v", count)
	}
	var ev Event
	json.Unmarshal(sk.got[len(sk.got)-1].Payload, &ev)
	if ev.Source != "aws.events" || ev.DetailType != "Scheduled Event" || len(ev.Resources) != 1 || string(ev.Detail) != "{}" {
		t.Errorf("scheduled event %+v", ev)
	}
}

func TestDeliveryFailuresRecorded(t *testing.T) {
	_, svc, _, _ := setup(t)
	svc.PutRule(RuleInput{Name: "r", EventPattern: `{"source":["a"]}`})
	svc.PutTargets("r", "", []Target{{Id: "1", Arn: "arn:aws:sqs:us-east-1:123456789012:broken"}})
	svc.PutEvents([]Entry{{Source: "a", DetailType: "t", Detail: "{}"}})
	if n := svc.Pump(context.Background()); n != 0 {
		t.Fatal(n)
	}
	if f := svc.Failures(); len(f) != 1 || f[0].Err != "target refused" {
		t.Fatalf("%+v", f)
	}
}

func TestJSONPathAndTemplate(t *testing.T) {
	ev := map[string]any{"detail": map[string]any{"items": []any{map[string]any{"sku": "X"}}, "n": 3.0}, "detail-type": "T"}
	for path, want := range map[string]any{"$.detail.items[0].sku": "X", "$.detail-type": "T", "$.detail.n": 3.0} {
		if got, ok := jsonPath(ev, path); !ok || got != want {
			t.Errorf("%s = %v", path, got)
		}
	}
	if _, ok := jsonPath(ev, "$.detail.items[3]"); ok {
		t.Error("out of range index resolved")
	}
	r := &rule{name: "r", arn: "arn"}
	raw, _ := json.Marshal(ev)
	got, _ := fillTemplate(&InputTransformer{InputPathsMap: map[string]string{"sku": "$.detail.items[0].sku", "missing": "$.nope"},
		InputTemplate: `{"sku":<sku>,"s":"[<sku>]","m":"<missing>","t":"<aws.events.event.ingestion-time>"}`}, raw, ev, r, time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
	if string(got) != `{"sku":"X","s":"[X]","m":"","t":"2026-01-01T09:00:00Z"}` {
		t.Errorf("template %s", got)
	}
}

func FuzzParseSchedule(f *testing.F) {
	for _, s := range []string{"rate(5 minutes)", "cron(0 2 * * ? *)", "cron(0/15 8-17 ? JAN-MAR MON,WED 2026)", "cron(* * L * ? *)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		sc, err := parseSchedule(expr)
		if err != nil {
			return
		}
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		fires := sc.fires(start, start, start.Add(48*time.Hour), 100)
		for i := 1; i < len(fires); i++ {
			if !fires[i].After(fires[i-1]) {
				t.Fatalf("%s: firings out of order", expr)
			}
		}
	})
}
