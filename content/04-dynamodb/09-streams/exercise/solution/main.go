package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	"github.com/aws/aws-sdk-go-v2/service/sesv2/types"
)

var mail *sesv2.Client

// str reads a string attribute of an image, "" when absent or not a string.
func str(img map[string]events.DynamoDBAttributeValue, name string) string {
	v, ok := img[name]
	if !ok || v.DataType() != events.DataTypeString {
		return ""
	}
	return v.String()
}

func handler(ctx context.Context, e events.DynamoDBEvent) error {
	for _, r := range e.Records {
		if r.EventName != "INSERT" {
			continue
		}
		to := str(r.Change.NewImage, "EmailAddress")
		if to == "" {
			continue
		}
		name := str(r.Change.NewImage, "Name")
		_, err := mail.SendEmail(ctx, &sesv2.SendEmailInput{
			FromEmailAddress: aws.String("welcome@example.com"),
			Destination:      &types.Destination{ToAddresses: []string{to}},
			Content: &types.EmailContent{Simple: &types.Message{
				Subject: &types.Content{Data: aws.String("Welcome aboard")},
				Body:    &types.Body{Text: &types.Content{Data: aws.String("Hello " + name + ", welcome to the shop!")}},
			}},
		})
		if err != nil {
			return err
		}
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
