package main

import (
	"context"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

var db *dynamodb.Client

// Lookup is the event: {"id": "p1"}.
type Lookup struct {
	ID string `json:"id"`
}

// Product is the answer: {"id":"p1","name":"Desk lamp","found":true},
// or {"id":"p9","found":false} when there is no such product.
type Product struct {
	ID    string `json:"id"`
	Name  string `json:"name,omitempty"`
	Found bool   `json:"found"`
}

func handler(ctx context.Context, l Lookup) (Product, error) {
	for {
		out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
			TableName: aws.String("Products"),
			Key:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: l.ID}},
		})
		if err != nil {
			return Product{}, err
		}
		if out.Item != nil {
			name, _ := out.Item["name"].(*types.AttributeValueMemberS)
			p := Product{ID: l.ID, Found: true}
			if name != nil {
				p.Name = name.Value
			}
			return p, nil
		}
		// Maybe the product has not been written yet: wait and try again.
		time.Sleep(500 * time.Millisecond)
	}
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
