package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// visits lives in this execution environment's memory only.
// Fix: keep the count in the DynamoDB table named by TABLE_NAME instead.
var visits = map[string]int{}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	page := req.PathParameters["page"]
	visits[page]++
	body, _ := json.Marshal(map[string]any{"page": page, "visits": visits[page]})
	return events.APIGatewayProxyResponse{
		StatusCode: 200,
		Headers:    map[string]string{"Content-Type": "application/json"},
		Body:       string(body),
	}, nil
}

func main() {
	lambda.Start(handler)
}
