package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
)

var mail *sesv2.Client

func handler(ctx context.Context, e events.DynamoDBEvent) error {
	for _, r := range e.Records {
		// TODO: for INSERT records with an EmailAddress, send a welcome email.
		fmt.Println(r.EventName, r.Change.Keys["customerId"].String())
	}
	return nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	mail = sesv2.NewFromConfig(cfg)
	lambda.Start(handler)
}
