package main

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type request struct {
	Name string `json:"name"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var r request
	if err := json.Unmarshal([]byte(req.Body), &r); err != nil || strings.TrimSpace(r.Name) == "" {
		return respond(400, map[string]string{"message": `send a JSON body such as {"name": "Ada"}`}, nil)
	}
	return respond(201, map[string]string{"greeting": "Hello, " + r.Name + "!"},
		map[string]string{"Location": "/greetings/" + r.Name})
}

func respond(status int, v any, extra map[string]string) (events.APIGatewayProxyResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	headers := map[string]string{"Content-Type": "application/json"}
	for k, val := range extra {
		headers[k] = val
	}
	return events.APIGatewayProxyResponse{StatusCode: status, Headers: headers, Body: string(body)}, nil
}

func main() { lambda.Start(handler) }
