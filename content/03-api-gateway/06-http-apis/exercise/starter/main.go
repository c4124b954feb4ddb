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

// handler is the REST (payload 1.0) version. On an HTTP API the event is
// payload 2.0: port it to events.APIGatewayV2HTTPRequest/Response.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	key := map[string]types.AttributeValue{"UserId": &types.AttributeValueMemberS{Value: req.PathParameters["UserId"]}}
	switch req.HTTPMethod {
	case "GET":
		out, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: key})
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		if out.Item == nil {
			return reply(404, map[string]string{"message": "user not found"})
		}
		var user map[string]any
		if err := attributevalue.UnmarshalMap(out.Item, &user); err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		return reply(200, user)
	case "DELETE":
		if _, err := db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: key}); err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		return events.APIGatewayProxyResponse{StatusCode: 204}, nil
	}
	return reply(405, map[string]string{"message": "method not allowed"})
}

func reply(status int, v any) (events.APIGatewayProxyResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return events.APIGatewayProxyResponse{StatusCode: status, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
