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

// Profile is what the API may show of a user.
type Profile struct {
	ID    string `dynamodbav:"id" json:"id"`
	Name  string `dynamodbav:"name" json:"name"`
	Email string `dynamodbav:"email" json:"email"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	id := req.PathParameters["id"]
	out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName:                aws.String(table),
		Key:                      map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},
		ProjectionExpression:     aws.String("id, #n, email"),
		ExpressionAttributeNames: map[string]string{"#n": "name"},
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	if out.Item == nil {
		return reply(404, map[string]string{"message": "user " + id + " not found"})
	}
	var p Profile
	if err := attributevalue.UnmarshalMap(out.Item, &p); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return reply(200, p)
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
