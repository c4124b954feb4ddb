package sns

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
)

// TestSDKQueryProtocol drives the HTTP door with the real aws-sdk-go-v2
// SNS client, which speaks the query protocol and parses XML.
func TestSDKQueryProtocol(t *testing.T) {
	var got []Delivery
	s := New(Options{Now: func() time.Time { return time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC) },
		Deliver: func(_ context.Context, d Delivery) error { got = append(got, d); return nil }})
	srv := httptest.NewServer(s)
	defer srv.Close()
	c := awssns.New(awssns.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("a", "b", "")})
	ctx := context.Background()
	tp, err := c.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String("alerts")})
	if err != nil || *tp.TopicArn != "arn:aws:sns:us-east-1:123456789012:alerts" {
		t.Fatalf("%v %v", tp, err)
	}
	sub, err := c.Subscribe(ctx, &awssns.SubscribeInput{TopicArn: tp.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:123456789012:audit"), ReturnSubscriptionArn: true,
		Attributes: map[string]string{"RawMessageDelivery": "true", "FilterPolicy": `{"level":["high"]}`}})
	if err != nil || sub.SubscriptionArn == nil {
		t.Fatalf("%v %v", sub, err)
	}
	for _, level := range []string{"high", "low"} {
		if _, err := c.Publish(ctx, &awssns.PublishInput{TopicArn: tp.TopicArn, Message: aws.String("disk " + level), Subject: aws.String("Disk"),
			MessageAttributes: map[string]types.MessageAttributeValue{"level": {DataType: aws.String("String"), StringValue: aws.String(level)}}}); err != nil {
			t.Fatal(err)
		}
	}
	s.Pump(ctx)
	if len(got) != 1 || string(got[0].Payload) != "disk high" || got[0].Attributes["level"].StringValue != "high" {
		t.Fatalf("deliveries %+v", got)
	}
	lt, err := c.ListTopics(ctx, &awssns.ListTopicsInput{})
	if err != nil || len(lt.Topics) != 1 || *lt.Topics[0].TopicArn != *tp.TopicArn {
		t.Fatalf("list %+v %v", lt, err)
	}
	_, err = c.Publish(ctx, &awssns.PublishInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:nope"), Message: aws.String("x")})
	var nf *types.NotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("missing topic: %v", err)
	}
}
