package sns

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

func setup(t *testing.T) (*Service, *[]Delivery, string) {
	var got []Delivery
	s := New(Options{Now: func() time.Time { return time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC) },
		Deliver: func(_ context.Context, d Delivery) error { got = append(got, d); return nil }})
	arn, err := s.CreateTopic("orders", nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, &got, arn
}

func TestLambdaSubscriptionEvent(t *testing.T) {
	s, got, arn := setup(t)
	sub, err := s.Subscribe(SubscribeInput{TopicArn: arn, Protocol: "lambda", Endpoint: "arn:aws:lambda:us-east-1:123456789012:function:inventory"})
	if err != nil {
		t.Fatal(err)
	}
	st, resp := s.Call(context.Background(), "Publish", []byte(`{"TopicArn":"`+arn+`","Message":"{\"orderId\":\"o-1\"}","Subject":"New order",
		"MessageAttributes":{"kind":{"DataType":"String","StringValue":"new"}}}`))
	if st != 200 {
		t.Fatalf("%d %s", st, resp)
	}
	if n := s.Pump(context.Background()); n != 1 {
		t.Fatal(n)
	}
	var ev events.SNSEvent
	if err := json.Unmarshal((*got)[0].Payload, &ev); err != nil {
		t.Fatal(err)
	}
	r := ev.Records[0]
	if r.EventSource != "aws:sns" || r.EventSubscriptionArn != sub || r.SNS.TopicArn != arn || r.SNS.Subject != "New order" ||
		r.SNS.Message != `{"orderId":"o-1"}` || r.SNS.Type != "Notification" || !r.SNS.Timestamp.Equal(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("record %+v", r)
	}
	if a, _ := r.SNS.MessageAttributes["kind"].(map[string]any); a["Type"] != "String" || a["Value"] != "new" {
		t.Errorf("attributes %v", r.SNS.MessageAttributes)
	}
	if st, resp := s.Call(context.Background(), "Publish", []byte(`{"TopicArn":"arn:aws:sns:us-east-1:123456789012:nope","Message":"x"}`)); st != 404 || !strings.Contains(string(resp), "NotFound") {
		t.Errorf("missing topic: %d %s", st, resp)
	}
}

func TestFilterPoliciesAndSQSDelivery(t *testing.T) {
	s, got, arn := setup(t)
	q := func(n string) string { return "arn:aws:sqs:us-east-1:123456789012:" + n }
	subs := []SubscribeInput{
		{TopicArn: arn, Protocol: "sqs", Endpoint: q("big"), Attributes: map[string]string{"FilterPolicy": `{"total":[{"numeric":[">=",100]}]}`}},
		{TopicArn: arn, Protocol: "sqs", Endpoint: q("eu"), Attributes: map[string]string{"FilterPolicy": `{"regions":["eu-west-1"]}`, "RawMessageDelivery": "true"}},
		{TopicArn: arn, Protocol: "sqs", Endpoint: q("body"), Attributes: map[string]string{"FilterPolicyScope": "MessageBody", "FilterPolicy": `{"order":{"status":["OPEN"]}}`}},
		{TopicArn: arn, Protocol: "sqs", Endpoint: q("all")},
	}
	for _, in := range subs {
		if _, err := s.Subscribe(in); err != nil {
			t.Fatal(err)
		}
	}
	pub := func(msg string, attrs map[string]MessageAttribute) string {
		if _, err := s.Publish(PublishInput{TopicArn: arn, Message: msg, MessageAttributes: attrs}); err != nil {
			t.Fatal(err)
		}
		*got = nil
		s.Pump(context.Background())
		var to []string
		for _, d := range *got {
			to = append(to, d.Endpoint[strings.LastIndex(d.Endpoint, ":")+1:])
		}
		return fmt.Sprint(to)
	}
	tests := []struct {
		msg   string
		attrs map[string]MessageAttribute
		want  string
	}{
		{`{"order":{"status":"OPEN"}}`, map[string]MessageAttribute{"total": {DataType: "Number", StringValue: "150"}}, "[big body all]"},
		{`{"order":{"status":"CLOSED"}}`, map[string]MessageAttribute{"total": {DataType: "Number", StringValue: "50"}}, "[all]"},
		{`plain text`, map[string]MessageAttribute{"regions": {DataType: "String.Array", StringValue: `["us-east-1","eu-west-1"]`}}, "[eu all]"},
		{`plain text`, nil, "[all]"},
	}
	for _, tt := range tests {
		if got := pub(tt.msg, tt.attrs); got != tt.want {
			t.Errorf("%s %v: delivered to %s, want %s", tt.msg, tt.attrs, got, tt.want)
		}
	}
	pub("raw body", map[string]MessageAttribute{"regions": {DataType: "String.Array", StringValue: `["eu-west-1"]`}})
	for _, d := range *got {
		switch {
		case strings.HasSuffix(d.Endpoint, ":eu"):
			if string(d.Payload) != "raw body" || !d.Raw || d.Attributes["regions"].DataType != "String.Array" {
				t.Errorf("raw delivery %+v", d)
			}
		case strings.HasSuffix(d.Endpoint, ":all"):
			var env map[string]any
			json.Unmarshal(d.Payload, &env)
			if env["Type"] != "Notification" || env["Message"] != "raw body" || env["TopicArn"] != arn || env["MessageAttributes"] == nil {
				t.Errorf("envelope %s", d.Payload)
			}
		}
	}
	if _, err := s.Subscribe(SubscribeInput{TopicArn: arn, Protocol: "sqs", Endpoint: q("x"), Attributes: map[string]string{"FilterPolicy": `{"a":"b"}`}}); err == nil {
		t.Error("invalid filter policy accepted")
	}
	if _, err := s.Subscribe(SubscribeInput{TopicArn: arn, Protocol: "smtp", Endpoint: "x"}); err == nil {
		t.Error("unknown protocol accepted")
	}
	if _, err := s.Publish(PublishInput{TopicArn: arn, Message: "x", MessageAttributes: map[string]MessageAttribute{"n": {DataType: "Number", StringValue: "abc"}}}); err == nil {
		t.Error("bad number attribute accepted")
	}
}
