// Command awscall reads an item with the AWS SDK for Go v2 (our guest
// implementation), which reaches the host through the aws_call import.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

type request struct {
	Table string `json:"table"`
	ID    string `json:"id"`
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	client := dynamodb.NewFromConfig(cfg)
	lambda.Start(func(ctx context.Context, r request) (string, error) {
		out, err := client.GetItem(ctx, &dynamodb.GetItemInput{
			TableName: aws.String(r.Table),
			Key:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: r.ID}},
		})
		if err != nil {
			return "", err
		}
		name, _ := out.Item["name"].(*types.AttributeValueMemberS)
		if name == nil {
			return "no item", nil
		}
		return name.Value, nil
	})
}
