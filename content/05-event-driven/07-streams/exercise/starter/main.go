package main

import (
	"context"
	"log"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// Orders look like {"id": "o-1", "day": "2026-01-01", "total": 30}.
// MetricsTable keeps one item per day: {"id": day, "orders": N, "revenue": X}.

var (
	db      *dynamodb.Client
	metrics = os.Getenv("METRICS_TABLE")
)

// handler receives batches of changes to OrdersTable. TODO: keep the
// day's "orders" count and "revenue" sum in MetricsTable up to date for
// INSERT, MODIFY and REMOVE records.
func handler(ctx context.Context, e events.DynamoDBEvent) error {
	for _, r := range e.Records {
		log.Printf("%s %v", r.EventName, r.Change.Keys)
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
