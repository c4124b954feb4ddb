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

// Product is both the API body (json tags) and the item (dynamodbav tags).
type Product struct {
	ID          string             `json:"id" dynamodbav:"id"`
	Name        string             `json:"name" dynamodbav:"name"`
	Price       float64            `json:"price" dynamodbav:"price"`
	InStock     bool               `json:"inStock" dynamodbav:"inStock"`
	Tags        []string           `json:"tags" dynamodbav:"tags,stringset,omitempty"`
	Dimensions  map[string]float64 `json:"dimensions" dynamodbav:"dimensions,omitempty"`
	Description string             `json:"description,omitempty" dynamodbav:"description,omitempty"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var p Product
	if err := json.Unmarshal([]byte(req.Body), &p); err != nil || p.ID == "" {
		return events.APIGatewayProxyResponse{StatusCode: 400, Body: `{"message":"send a product with an id"}`}, nil
	}
	item, err := attributevalue.MarshalMap(p)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	if _, err := db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item}); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	body, _ := json.Marshal(p)
	return events.APIGatewayProxyResponse{StatusCode: 201, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
