package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// handler greets the user the authorizer put in its context.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	user, _ := req.RequestContext.Authorizer["user"].(string)
	body, _ := json.Marshal(map[string]string{
		"message":     "hello " + user,
		"principalId": req.RequestContext.Authorizer["principalId"].(string),
	})
	return events.APIGatewayProxyResponse{
		StatusCode: 200,
		Headers:    map[string]string{"Content-Type": "application/json"},
		Body:       string(body),
	}, nil
}

func main() { lambda.Start(handler) }
