package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"

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

type row struct {
	SK    string   `dynamodbav:"sk"`
	Items []string `dynamodbav:"items"`
}

// Slot is one entry of the response.
type Slot struct {
	Slot  string   `json:"slot"`
	Items []string `json:"items"`
}

// handler returns the player's whole partition in one go, profile
// included. Select the inventory only, one page at a time.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	out, err := db.Query(ctx, &dynamodb.QueryInput{
		TableName:              aws.String(table),
		KeyConditionExpression: aws.String("playerId = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":p": &types.AttributeValueMemberS{Value: req.PathParameters["playerId"]},
		},
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	var rows []row
	if err := attributevalue.UnmarshalListOfMaps(out.Items, &rows); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	slots := []Slot{}
	for _, r := range rows {
		slots = append(slots, Slot{Slot: strings.TrimPrefix(r.SK, "inventory::"), Items: r.Items})
	}
	body, _ := json.Marshal(map[string]any{"items": slots})
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
