package main

import (
	"context"
	"encoding/json"
	"os"
	"strconv"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

const prefix = "inventory::"

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

// Page is the response body.
type Page struct {
	Items []Slot `json:"items"`
	Next  string `json:"next,omitempty"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	player := req.PathParameters["playerId"]
	limit := 2
	if s := req.QueryStringParameters["limit"]; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 100 {
			return reply(400, map[string]string{"message": "limit must be 1 to 100"})
		}
		limit = n
	}
	in := &dynamodb.QueryInput{
		TableName:              aws.String(table),
		KeyConditionExpression: aws.String("playerId = :p AND begins_with(sk, :inv)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":p":   &types.AttributeValueMemberS{Value: player},
			":inv": &types.AttributeValueMemberS{Value: prefix},
		},
		Limit: aws.Int32(int32(limit)),
	}
	if next, ok := req.QueryStringParameters["next"]; ok {
		if !strings.HasPrefix(next, prefix) {
			return reply(400, map[string]string{"message": "next is not a token this API gave out"})
		}
		in.ExclusiveStartKey = map[string]types.AttributeValue{
			"playerId": &types.AttributeValueMemberS{Value: player},
			"sk":       &types.AttributeValueMemberS{Value: next},
		}
	}
	out, err := db.Query(ctx, in)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	var rows []row
	if err := attributevalue.UnmarshalListOfMaps(out.Items, &rows); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	page := Page{Items: []Slot{}}
	for _, r := range rows {
		page.Items = append(page.Items, Slot{Slot: strings.TrimPrefix(r.SK, prefix), Items: r.Items})
	}
	if sk, ok := out.LastEvaluatedKey["sk"].(*types.AttributeValueMemberS); ok {
		page.Next = sk.Value
	}
	return reply(200, page)
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
