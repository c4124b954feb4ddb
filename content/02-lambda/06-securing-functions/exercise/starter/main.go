package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

// Request is the event:
//
//	{"action": "save", "id": "n1", "text": "buy milk"}  -> PutItem
//	{"action": "get", "id": "n1"}                       -> GetItem
//	{"action": "delete", "id": "n1"}                    -> DeleteItem (must be denied!)
type Request struct {
	Action string `json:"action"`
	ID     string `json:"id"`
	Text   string `json:"text"`
}

// Response reports what happened.
type Response struct {
	ID     string `json:"id"`
	Text   string `json:"text,omitempty"`
	Denied bool   `json:"denied"`
}

var (
	db    *dynamodb.Client
	table = os.Getenv("TABLE_NAME")
)

func key(id string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}
}

func handler(ctx context.Context, r Request) (Response, error) {
	var err error
	res := Response{ID: r.ID}
	switch r.Action {
	case "save":
		item := key(r.ID)
		item["text"] = &types.AttributeValueMemberS{Value: r.Text}
		_, err = db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item})
		res.Text = r.Text
	case "get":
		var out *dynamodb.GetItemOutput
		out, err = db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: key(r.ID)})
		if err == nil {
			if t, ok := out.Item["text"].(*types.AttributeValueMemberS); ok {
				res.Text = t.Value
			}
		}
	case "delete":
		_, err = db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: key(r.ID)})
	default:
		return res, fmt.Errorf("unknown action %q", r.Action)
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "AccessDeniedException" {
		fmt.Println("denied:", apiErr.ErrorMessage())
		res.Denied = true
		return res, nil
	}
	return res, err
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
