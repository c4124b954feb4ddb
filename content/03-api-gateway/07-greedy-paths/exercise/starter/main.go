package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// catalogue holds the items the API serves.
var catalogue = map[string]string{"1": "apple", "2": "pear"}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	// TODO: route on req.HTTPMethod and req.Path (or req.PathParameters["proxy"]).
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: `{"status":"ok"}`}, nil
}

func main() { lambda.Start(handler) }
