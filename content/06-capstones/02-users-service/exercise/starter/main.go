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

// User is a user as stored and as answered.
type User struct {
	ID    string `json:"id" dynamodbav:"id"`
	Name  string `json:"name" dynamodbav:"name"`
	Email string `json:"email" dynamodbav:"email"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	switch req.HTTPMethod + " " + req.Resource {
	case "POST /users":
		// TODO: validate, then create idempotently (Idempotency-Key header).
	case "GET /users/{id}":
		// TODO
	case "PUT /users/{id}":
		// TODO
	case "DELETE /users/{id}":
		// TODO
	}
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
