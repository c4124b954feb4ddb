package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

// Request is the event: {"arn": "arn:aws:dynamodb:us-east-1:123456789012:table/Users"}.
type Request struct {
	ARN string `json:"arn"`
}

// Parts is the answer. For the ARN above it is
//
//	{"partition":"aws","service":"dynamodb","region":"us-east-1",
//	 "account":"123456789012","resource":"table/Users",
//	 "resourceType":"table","resourceId":"Users"}
//
// A resource without a type (arn:aws:sns:us-east-1:123456789012:orders)
// has an empty resourceType and resourceId "orders".
type Parts struct {
	Partition    string `json:"partition"`
	Service      string `json:"service"`
	Region       string `json:"region"`
	Account      string `json:"account"`
	Resource     string `json:"resource"`
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId"`
}

func handler(ctx context.Context, req Request) (Parts, error) {
	// TODO: split req.ARN into its fields, fill Parts, and return an error
	// for a malformed ARN.
	return Parts{}, nil
}

func main() {
	lambda.Start(handler)
}
