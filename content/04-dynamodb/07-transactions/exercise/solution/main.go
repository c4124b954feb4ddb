package main

import (
	"context"
	"encoding/json"
	"errors"
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

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var t Transfer
	if err := json.Unmarshal([]byte(req.Body), &t); err != nil || t.From == "" || t.To == "" || t.Points < 1 || t.From == t.To {
		return reply(400, map[string]string{"message": "send from, to (two different accounts) and a positive whole number of points"})
	}
	key := func(id string) map[string]types.AttributeValue {
		return map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}
	}
	n := map[string]types.AttributeValue{":n": &types.AttributeValueMemberN{Value: strconv.Itoa(t.Points)}}
	_, err := db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{
		TransactItems: []types.TransactWriteItem{
			{Update: &types.Update{
				TableName:                 aws.String(table),
				Key:                       key(t.From),
				UpdateExpression:          aws.String("SET balance = balance - :n"),
				ConditionExpression:       aws.String("balance >= :n"),
				ExpressionAttributeValues: n,
			}},
			{Update: &types.Update{
				TableName:                 aws.String(table),
				Key:                       key(t.To),
				UpdateExpression:          aws.String("SET balance = balance + :n"),
				ConditionExpression:       aws.String("attribute_exists(id)"),
				ExpressionAttributeValues: n,
			}},
		},
	})
	var tce *types.TransactionCanceledException
	if errors.As(err, &tce) {
		msg := "transfer refused"
		if len(tce.CancellationReasons) == 2 {
			switch {
			case aws.ToString(tce.CancellationReasons[0].Code) == "ConditionalCheckFailed":
				msg = t.From + " does not exist or has fewer than " + strconv.Itoa(t.Points) + " points"
			case aws.ToString(tce.CancellationReasons[1].Code) == "ConditionalCheckFailed":
				msg = t.To + " does not exist"
			}
		}
		return reply(409, map[string]string{"message": msg})
	}
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return reply(200, t)
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
