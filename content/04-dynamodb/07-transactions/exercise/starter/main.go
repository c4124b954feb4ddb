package main

import (
	"context"
	"encoding/json"
	"os"
	"strconv"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

var (
	db    *dynamodb.Client
	table = os.Getenv("TABLE_NAME")
)

type Transfer struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Points int    `json:"points"`
}

// handler makes two separate updates, with no conditions: a crash between
// them loses points, and a balance can go negative. Make it one
// TransactWriteItems with conditions.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var t Transfer
	_ = json.Unmarshal([]byte(req.Body), &t)
	n := &types.AttributeValueMemberN{Value: strconv.Itoa(t.Points)}
	for _, step := range []struct{ id, expr string }{{t.From, "SET balance = balance - :n"}, {t.To, "SET balance = balance + :n"}} {
		_, err := db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName:                 aws.String(table),
			Key:                       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: step.id}},
			UpdateExpression:          aws.String(step.expr),
			ExpressionAttributeValues: map[string]types.AttributeValue{":n": n},
		})
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
	}
	body, _ := json.Marshal(t)
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
