package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	dbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
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
	db   *dynamodb.Client
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

func key(id string) map[string]dbtypes.AttributeValue {
	return map[string]dbtypes.AttributeValue{"id": &dbtypes.AttributeValueMemberS{Value: id}}
}

// claim records the order as processed, only if no earlier delivery did.
// It reports false for a duplicate.
func claim(ctx context.Context, id string) (bool, error) {
	_, err := db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:           aws.String(os.Getenv("TABLE_NAME")),
		Item:                key(id),
		ConditionExpression: aws.String("attribute_not_exists(id)"),
	})
	var dup *dbtypes.ConditionalCheckFailedException
	if errors.As(err, &dup) {
		return false, nil
	}
	return err == nil, err
}

func process(ctx context.Context, r events.SQSMessage) error {
	var o Order
	if err := json.Unmarshal([]byte(r.Body), &o); err != nil || o.OrderID == "" || o.Email == "" {
		return fmt.Errorf("message %s is not an order", r.MessageId)
	}
	first, err := claim(ctx, o.OrderID)
	if err != nil {
		return fmt.Errorf("claim order %s: %w", o.OrderID, err)
	}
	if !first {
		log.Printf("order %s already confirmed; skipping duplicate message %s", o.OrderID, r.MessageId)
		return nil
	}
	if err := confirm(ctx, o); err != nil {
		// Release the claim so the retry can send the email.
		db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(os.Getenv("TABLE_NAME")), Key: key(o.OrderID)})
		return fmt.Errorf("confirm order %s: %w", o.OrderID, err)
	}
	return nil
}

func handler(ctx context.Context, e events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, r := range e.Records {
		if err := process(ctx, r); err != nil {
			log.Print(err)
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: r.MessageId})
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
