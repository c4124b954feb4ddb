package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// The routes this function serves:
//
//	POST /items       {"id": "…", "name": "…"}  -> 201, stores the item
//	GET  /items/{id}                             -> 200 {"id","name"} or 404
//
// It reads the table's name from TABLE_NAME.

type item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

var (
	db    *dynamodb.Client
	table = os.Getenv("TABLE_NAME")
)

func reply(status int, v any) events.APIGatewayProxyResponse {
	body, _ := json.Marshal(v)
	return events.APIGatewayProxyResponse{StatusCode: status, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	switch req.HTTPMethod {
	case "POST":
		var it item
		if err := json.Unmarshal([]byte(req.Body), &it); err != nil || it.ID == "" {
			return reply(400, map[string]string{"message": "body must be {\"id\",\"name\"}"}), nil
		}
		_, err := db.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: aws.String(table),
			Item: map[string]types.AttributeValue{
				"id":   &types.AttributeValueMemberS{Value: it.ID},
				"name": &types.AttributeValueMemberS{Value: it.Name},
			},
		})
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		return reply(201, it), nil
	case "GET":
		out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
			TableName: aws.String(table),
			Key:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: req.PathParameters["id"]}},
		})
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		if out.Item == nil {
			return reply(404, map[string]string{"message": "not found"}), nil
		}
		it := item{ID: req.PathParameters["id"]}
		if n, ok := out.Item["name"].(*types.AttributeValueMemberS); ok {
			it.Name = n.Value
		}
		return reply(200, it), nil
	}
	return reply(405, map[string]string{"message": "method not allowed"}), nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
