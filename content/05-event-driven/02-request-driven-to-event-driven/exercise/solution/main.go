package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// usdPer is how many US dollars one unit of each currency is worth.
var usdPer = map[string]float64{"USD": 1, "EUR": 1.10, "GBP": 1.25, "JPY": 0.0067}

// StoredItem is an item as the table keeps it: price in its own currency.
type StoredItem struct {
	SKU       string  `dynamodbav:"sku"`
	Name      string  `dynamodbav:"name"`
	Price     float64 `dynamodbav:"price"`
	Currency  string  `dynamodbav:"currency"`
	Available bool    `dynamodbav:"available"`
}

// Cart is a stored cart, keyed by id.
type Cart struct {
	ID    string       `dynamodbav:"id"`
	Items []StoredItem `dynamodbav:"items"`
}

// Line is an item as the response shows it: price in USD.
type Line struct {
	SKU   string  `json:"sku"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

var db *dynamodb.Client

func respond(status int, v any) (events.APIGatewayProxyResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return events.APIGatewayProxyResponse{StatusCode: status, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}, nil
}

// cents rounds an amount to whole cents.
func cents(v float64) float64 { return math.Round(v*100) / 100 }

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	id := req.PathParameters["cartId"]
	out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(os.Getenv("TABLE_NAME")),
		Key:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, fmt.Errorf("get cart %s: %w", id, err)
	}
	if out.Item == nil {
		return respond(404, map[string]string{"message": "cart " + id + " not found"})
	}
	var cart Cart
	if err := attributevalue.UnmarshalMap(out.Item, &cart); err != nil {
		return events.APIGatewayProxyResponse{}, fmt.Errorf("decode cart %s: %w", id, err)
	}
	lines := []Line{} // an empty cart is [], not null
	total := 0.0
	for _, it := range cart.Items {
		if !it.Available {
			continue
		}
		rate, ok := usdPer[it.Currency]
		if !ok {
			return events.APIGatewayProxyResponse{}, fmt.Errorf("cart %s: item %s has unknown currency %q", id, it.SKU, it.Currency)
		}
		usd := cents(it.Price * rate)
		lines = append(lines, Line{SKU: it.SKU, Name: it.Name, Price: usd})
		total += usd
	}
	return respond(200, map[string]any{"cartId": id, "currency": "USD", "items": lines, "total": cents(total)})
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
