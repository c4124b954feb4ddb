package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
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
	status := req.QueryStringParameters["status"]
	if status == "" {
		return reply(400, map[string]string{"message": "give ?status=…"})
	}
	out, err := db.Query(ctx, &dynamodb.QueryInput{
		TableName:                aws.String(table),
		IndexName:                aws.String("byStatus"),
		KeyConditionExpression:   aws.String("#s = :s"),
		ExpressionAttributeNames: map[string]string{"#s": "status"},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":s": &types.AttributeValueMemberS{Value: status},
		},
		ScanIndexForward: aws.Bool(false), // newest first
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	orders := []Order{}
	if err := attributevalue.UnmarshalListOfMaps(out.Items, &orders); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return reply(200, map[string]any{"orders": orders})
}

func reply(status int, v any) (events.APIGatewayProxyResponse, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return events.APIGatewayProxyResponse{StatusCode: status, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(b)}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
