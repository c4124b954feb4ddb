package main

import (
	"context"
	"encoding/json"
	"errors"
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

// User is one row of the users table.
type User struct {
	ID    string `json:"id" dynamodbav:"id"`
	Name  string `json:"name" dynamodbav:"name"`
	Email string `json:"email" dynamodbav:"email"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	switch req.HTTPMethod {
	case "GET":
		return getUser(ctx, req.PathParameters["id"])
	case "PUT":
		return putUser(ctx, req.PathParameters["id"], req.Body, false)
	case "POST":
		return putUser(ctx, "", req.Body, true)
	}
	return reply(405, map[string]string{"message": "method not allowed"})
}

func getUser(ctx context.Context, id string) (events.APIGatewayProxyResponse, error) {
	out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(table),
		Key:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	if out.Item == nil {
		return reply(404, map[string]string{"message": "user " + id + " not found"})
	}
	var u User
	if err := attributevalue.UnmarshalMap(out.Item, &u); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return reply(200, u)
}

func putUser(ctx context.Context, id, body string, create bool) (events.APIGatewayProxyResponse, error) {
	var u User
	if err := json.Unmarshal([]byte(body), &u); err != nil {
		return reply(400, map[string]string{"message": "body must be JSON"})
	}
	if !create {
		u.ID = id
	}
	if u.ID == "" || u.Name == "" || u.Email == "" {
		return reply(400, map[string]string{"message": "send id, name and email"})
	}
	item, err := attributevalue.MarshalMap(u)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	in := &dynamodb.PutItemInput{TableName: aws.String(table), Item: item}
	_, err = db.PutItem(ctx, in)
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return reply(409, map[string]string{"message": "user " + u.ID + " already exists"})
	}
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	if create {
		return reply(201, u)
	}
	return reply(200, u)
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
