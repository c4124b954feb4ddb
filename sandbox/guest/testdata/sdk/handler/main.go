// A typical learner handler: it must build unchanged against the real AWS
// modules (the host module's go.mod) and against learnsls's guest modules
// for GOOS=wasip1 (TestLearnerHandlerBuilds).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

// Order is stored in the orders table.
type Order struct {
	CustomerID string    `dynamodbav:"pk" json:"customerId"`
	OrderID    string    `dynamodbav:"sk" json:"orderId"`
	Total      float64   `dynamodbav:"total" json:"total"`
	Items      []string  `dynamodbav:"items,stringset,omitempty" json:"items,omitempty"`
	Note       string    `dynamodbav:"note,omitempty" json:"note,omitempty"`
	CreatedAt  time.Time `dynamodbav:"createdAt" json:"createdAt"`
	ExpiresAt  int64     `dynamodbav:"expiresAt,omitempty" json:"-"`
}

var (
	db    *dynamodb.Client
	table = os.Getenv("TABLE_NAME")
)

func init() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(fmt.Sprintf("load config: %v", err))
	}
	db = dynamodb.NewFromConfig(cfg)
}

func handler(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	customer := req.PathParameters["customer"]
	switch req.RequestContext.HTTP.Method {
	case "GET":
		if id := req.PathParameters["order"]; id != "" {
			return getOrder(ctx, customer, id)
		}
		return listOrders(ctx, customer)
	case "POST":
		return createOrder(ctx, customer, req.Body)
	}
	return respond(405, map[string]string{"message": "method not allowed"})
}

func getOrder(ctx context.Context, customer, id string) (events.APIGatewayV2HTTPResponse, error) {
	out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(table),
		Key: map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: customer},
			"sk": &types.AttributeValueMemberS{Value: id},
		},
	})
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("get order: %w", err)
	}
	if out.Item == nil {
		return respond(404, map[string]string{"message": "no such order"})
	}
	var o Order
	if err := attributevalue.UnmarshalMap(out.Item, &o); err != nil {
		return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("decode order: %w", err)
	}
	return respond(200, o)
}

func createOrder(ctx context.Context, customer, body string) (events.APIGatewayV2HTTPResponse, error) {
	var o Order
	if err := json.Unmarshal([]byte(body), &o); err != nil {
		return respond(400, map[string]string{"message": "invalid JSON"})
	}
	o.CustomerID, o.CreatedAt = customer, time.Now().UTC()
	item, err := attributevalue.MarshalMap(o)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("encode order: %w", err)
	}
	_, err = db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:           aws.String(table),
		Item:                item,
		ConditionExpression: aws.String("attribute_not_exists(pk) AND attribute_not_exists(sk)"),
	})
	var exists *types.ConditionalCheckFailedException
	if errors.As(err, &exists) {
		return respond(409, map[string]string{"message": "order already exists"})
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ValidationException" {
		return respond(400, map[string]string{"message": apiErr.ErrorMessage()})
	}
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("put order: %w", err)
	}
	return respond(201, o)
}

func listOrders(ctx context.Context, customer string) (events.APIGatewayV2HTTPResponse, error) {
	p := dynamodb.NewQueryPaginator(db, &dynamodb.QueryInput{
		TableName:              aws.String(table),
		KeyConditionExpression: aws.String("pk = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": &types.AttributeValueMemberS{Value: customer},
		},
		Limit: aws.Int32(25),
	})
	orders := []Order{}
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("query orders: %w", err)
		}
		var batch []Order
		if err := attributevalue.UnmarshalListOfMaps(page.Items, &batch); err != nil {
			return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("decode orders: %w", err)
		}
		orders = append(orders, batch...)
	}
	return respond(200, orders)
}

func respond(status int, v any) (events.APIGatewayV2HTTPResponse, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: status, Body: string(b), Headers: map[string]string{"Content-Type": "application/json"}}, nil
}

func main() {
	lambda.Start(handler)
}
