package main

import (
	"context"
	"encoding/json"
	"os"
	"regexp"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

var (
	db        *dynamodb.Client
	table     = os.Getenv("TABLE_NAME")
	validSlot = regexp.MustCompile(`^[a-z]+$`)
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
	if err := json.Unmarshal([]byte(req.Body), &body); err != nil || body.Items == nil {
		return reply(400, map[string]string{"message": `send {"items": [...]}`})
	}
	slot := req.PathParameters["slot"]
	if !validSlot.MatchString(slot) {
		return reply(400, map[string]string{"message": "a slot is a lower-case word such as armor"})
	}
	s := Slot{PlayerID: req.PathParameters["playerId"], SK: "inventory::" + slot, Items: body.Items}
	item, err := attributevalue.MarshalMap(s)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	if _, err := db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item}); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return reply(200, s)
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
