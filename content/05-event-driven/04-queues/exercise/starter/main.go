package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	"github.com/aws/aws-sdk-go-v2/service/sesv2/types"
)

// Order is the body of each message on OrdersQueue.
type Order struct {
	OrderID string  `json:"orderId"`
	Email   string  `json:"email"`
	Total   float64 `json:"total"`
}

var (
	db   *dynamodb.Client // for remembering processed orders in TABLE_NAME
	mail *sesv2.Client
)

func confirm(ctx context.Context, o Order) error {
	_, err := mail.SendEmail(ctx, &sesv2.SendEmailInput{
		FromEmailAddress: aws.String(os.Getenv("FROM_ADDRESS")),
		Destination:      &types.Destination{ToAddresses: []string{o.Email}},
		Content: &types.EmailContent{Simple: &types.Message{
			Subject: &types.Content{Data: aws.String("Order " + o.OrderID + " confirmed")},
			Body:    &types.Body{Text: &types.Content{Data: aws.String(fmt.Sprintf("Thank you! Total: %.2f USD", o.Total))}},
		}},
	})
	return err
}

// handler sends a confirmation for every message it receives. SQS may
// deliver a message more than once: make it send one email per order,
// and report bad messages as batch item failures.
func handler(ctx context.Context, e events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, r := range e.Records {
		var o Order
		if err := json.Unmarshal([]byte(r.Body), &o); err != nil {
			continue
		}
		if err := confirm(ctx, o); err != nil {
			return resp, err
		}
	}
	return resp, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	mail = sesv2.NewFromConfig(cfg)
	lambda.Start(handler)
}
