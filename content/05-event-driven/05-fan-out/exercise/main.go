package main

// AnalyticsFunction: records each order event it receives from SNS in
// the table named by TABLE_NAME.

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
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

var db *dynamodb.Client

func handler(ctx context.Context, e events.SNSEvent) error {
	for _, r := range e.Records {
		var o struct {
			OrderID string `json:"orderId"`
		}
		if err := json.Unmarshal([]byte(r.SNS.Message), &o); err != nil || o.OrderID == "" {
			return fmt.Errorf("message %s is not an order event", r.SNS.MessageID)
		}
		eventType := ""
		if a, ok := r.SNS.MessageAttributes["eventType"].(map[string]any); ok {
			eventType, _ = a["Value"].(string)
		}
		_, err := db.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: aws.String(os.Getenv("TABLE_NAME")),
			Item: map[string]types.AttributeValue{
				"id":        &types.AttributeValueMemberS{Value: o.OrderID},
				"eventType": &types.AttributeValueMemberS{Value: eventType},
			},
		})
		if err != nil {
			return fmt.Errorf("record order %s: %w", o.OrderID, err)
		}
	}
	return nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
