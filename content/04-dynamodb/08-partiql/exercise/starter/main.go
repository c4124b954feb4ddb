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
)

var (
	db    *dynamodb.Client
	table = os.Getenv("TABLE_NAME")
)

// handler selects every user and returns the first. Select by key, with
// the id as a parameter, and answer 404 when there is no such user.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	out, err := db.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{
		Statement: aws.String(`SELECT * FROM "` + table + `"`),
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	var users []map[string]any
	if err := attributevalue.UnmarshalListOfMaps(out.Items, &users); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	var user map[string]any
	if len(users) > 0 {
		user = users[0]
	}
	body, _ := json.Marshal(user)
	return events.APIGatewayProxyResponse{StatusCode: 200, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
