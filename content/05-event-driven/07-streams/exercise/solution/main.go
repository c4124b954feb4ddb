package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Orders look like {"id": "o-1", "day": "2026-01-01", "total": 30}.
// MetricsTable keeps one item per day: {"id": day, "orders": N, "revenue": X}.

var (
	db      *dynamodb.Client
	metrics = os.Getenv("METRICS_TABLE")
)

// delta is what one record changes in one day's metrics.
type delta struct{ orders, revenue float64 }

func total(img map[string]events.DynamoDBAttributeValue) float64 {
	v, ok := img["total"]
	if !ok || v.DataType() != events.DataTypeNumber {
		return 0
	}
	f, _ := v.Float()
	return f
}

func day(img map[string]events.DynamoDBAttributeValue) string {
	if v, ok := img["day"]; ok && v.DataType() == events.DataTypeString {
		return v.String()
	}
	return ""
}

func handler(ctx context.Context, e events.DynamoDBEvent) error {
	// Sum the batch per day first: one write per day, not per record.
	sums := map[string]*delta{}
	add := func(d string, orders, revenue float64) {
		if d == "" {
			return
		}
		if sums[d] == nil {
			sums[d] = &delta{}
		}
		sums[d].orders += orders
		sums[d].revenue += revenue
	}
	for _, r := range e.Records {
		newImg, oldImg := r.Change.NewImage, r.Change.OldImage
		switch r.EventName {
		case "INSERT":
			add(day(newImg), 1, total(newImg))
		case "MODIFY":
			// The order existed already: only a changed total counts.
			add(day(oldImg), -1, -total(oldImg))
			add(day(newImg), 1, total(newImg))
		case "REMOVE":
			add(day(oldImg), -1, -total(oldImg))
		}
	}
	for d, s := range sums {
		if s.orders == 0 && s.revenue == 0 {
			continue
		}
		_, err := db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName:        aws.String(metrics),
			Key:              map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: d}},
			UpdateExpression: aws.String("ADD orders :o, revenue :r"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":o": &types.AttributeValueMemberN{Value: strconv.FormatFloat(s.orders, 'f', -1, 64)},
				":r": &types.AttributeValueMemberN{Value: strconv.FormatFloat(s.revenue, 'f', -1, 64)},
			},
		})
		if err != nil {
			return fmt.Errorf("update metrics for %s: %w", d, err)
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
