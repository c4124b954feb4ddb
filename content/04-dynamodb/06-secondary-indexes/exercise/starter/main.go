package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

var (
	db    *dynamodb.Client
	table = os.Getenv("TABLE_NAME")
)

// Order is one item of the Orders table.
type Order struct {
	OrderID   string  `dynamodbav:"orderId" json:"orderId"`
	Status    string  `dynamodbav:"status" json:"status"`
	CreatedAt string  `dynamodbav:"createdAt" json:"createdAt"`
	Total     float64 `dynamodbav:"total" json:"total"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	// TODO: Query the byStatus index for req.QueryStringParameters["status"],
	// newest first, and answer {"orders": [...]}.
	return events.APIGatewayProxyResponse{StatusCode: 501, Body: `{"message":"not implemented"}`}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
