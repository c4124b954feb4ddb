package main

import (
	"context"
	"encoding/json"
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

// Slot is one inventory item of the Players table.
type Slot struct {
	PlayerID string   `dynamodbav:"playerId" json:"playerId"`
	SK       string   `dynamodbav:"sk" json:"sk"`
	Items    []string `dynamodbav:"items" json:"items"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var body struct {
		Items []string `json:"items"`
	}
	_ = json.Unmarshal([]byte(req.Body), &body)
	// TODO: build the Slot (sk = "inventory::" + slot), validate the slot,
	// PutItem it, and answer 200 with the slot as JSON.
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
