package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type name struct {
	First string `json:"first_name"`
	Last  string `json:"last_name"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var n name
	if err := json.Unmarshal([]byte(req.Body), &n); err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 400, Body: `{"message":"body must be JSON"}`}, nil
	}
	body, _ := json.Marshal(map[string]string{"message": fmt.Sprintf("Hello %s %s!", n.First, n.Last)})
	return events.APIGatewayProxyResponse{StatusCode: 200, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}, nil
}

func main() { lambda.Start(handler) }
