package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/events/eventbridge"
	"github.com/learnsls/learnsls/sandbox/events/sns"
)

// busPolicyTemplate is what learners write for EventBridge -> SQS and
// SNS -> SQS: a custom bus, a rule to a queue, and the resource policies
// that let the services send.
const busPolicyTemplate = `
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties: {Name: orders}
  OrdersQueue:
    Type: AWS::SQS::Queue
    Properties: {QueueName: orders-inbox}
  OrderRule:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern: {source: [shop], detail-type: [OrderPlaced]}
      Targets:
        - {Id: inbox, Arn: !GetAtt OrdersQueue.Arn}
  OrdersQueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref OrdersQueue]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: events.amazonaws.com}
            Action: sqs:SendMessage
            Resource: !GetAtt OrdersQueue.Arn
            Condition: {ArnEquals: {aws:SourceArn: !GetAtt OrderRule.Arn}}
  Alerts:
    Type: AWS::SNS::Topic
    Properties: {TopicName: alerts}
  AlertsQueue:
    Type: AWS::SQS::Queue
    Properties: {QueueName: alerts-inbox}
  AlertsSubscription:
    Type: AWS::SNS::Subscription
    Properties: {TopicArn: !Ref Alerts, Protocol: sqs, Endpoint: !GetAtt AlertsQueue.Arn, RawMessageDelivery: true}
  AlertsTopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Alerts]
      PolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: events.amazonaws.com}, Action: sns:Publish, Resource: !Ref Alerts}
  AlertsQueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref AlertsQueue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: sns.amazonaws.com}
            Action: sqs:SendMessage
            Resource: !GetAtt AlertsQueue.Arn
            Condition: {ArnEquals: {aws:SourceArn: !Ref Alerts}}
`

// TestCustomBusRuleQueuePolicy deploys a custom bus routed to a queue with
// its QueuePolicy, and an SNS topic with a TopicPolicy feeding a queue:
// PutEvents on the custom bus and Publish on the topic land messages.
func TestCustomBusRuleQueuePolicy(t *testing.T) {
	ctx := context.Background()
	s, err := New(ctx, Options{Clock: NewClock(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	if err := s.Deploy(ctx, []byte(busPolicyTemplate), nil, nil); err != nil {
		t.Fatal(err)
	}
	if w := s.Warnings(); len(w) != 0 {
		t.Errorf("warnings %v: the bus and the policies should be deployed", w)
	}

	// The policy is the queue's Policy attribute, as GetQueueAttributes shows.
	url := "https://sqs." + s.opt.Region + ".amazonaws.com/" + s.opt.AccountID + "/orders-inbox"
	body, _ := json.Marshal(map[string]any{"QueueUrl": url, "AttributeNames": []string{"Policy"}})
	st, resp := s.SQS().Call(ctx, "GetQueueAttributes", body)
	if st != http.StatusOK || !strings.Contains(string(resp), `events.amazonaws.com`) {
		t.Errorf("GetQueueAttributes Policy: %d %s", st, resp)
	}
	if p, ok := s.ResourcePolicy(url); !ok || !strings.Contains(p, `"sqs:SendMessage"`) {
		t.Errorf("ResourcePolicy(queue) = %q, %v", p, ok)
	}
	topicARN := "arn:aws:sns:" + s.opt.Region + ":" + s.opt.AccountID + ":alerts"
	if p, ok := s.ResourcePolicy(topicARN); !ok || !strings.Contains(p, `"sns:Publish"`) {
		t.Errorf("ResourcePolicy(topic) = %q, %v", p, ok)
	}

	eb := s.EventBridge()
	res, err := eb.PutEvents([]eventbridge.Entry{
		{EventBusName: "orders", Source: "shop", DetailType: "OrderPlaced", Detail: `{"orderId":"o-1"}`},
		{EventBusName: "orders", Source: "shop", DetailType: "OrderCancelled", Detail: `{"orderId":"o-2"}`},
		{Source: "shop", DetailType: "OrderPlaced", Detail: `{"orderId":"on-default"}`},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.FailedEntryCount != 0 {
		t.Fatalf("PutEvents failed entries: %+v", res)
	}
	if _, err := s.SNS().Publish(sns.PublishInput{TopicArn: topicARN, Message: "disk full"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	msgs, err := s.QueueMessages("OrdersQueue")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 {
		t.Fatalf("orders queue holds %d messages, want the one OrderPlaced from the custom bus: %+v", len(msgs), msgs)
	}
	var ev struct {
		Source string          `json:"source"`
		Detail json.RawMessage `json:"detail"`
	}
	if err := json.Unmarshal([]byte(msgs[0].Body), &ev); err != nil || ev.Source != "shop" || !strings.Contains(string(ev.Detail), "o-1") {
		t.Errorf("queued body is not the event: %s", msgs[0].Body)
	}
	alerts, _ := s.QueueMessages("AlertsQueue")
	if len(alerts) != 1 || alerts[0].Body != "disk full" {
		t.Errorf("alerts queue holds %+v, want the raw SNS message", alerts)
	}
}
