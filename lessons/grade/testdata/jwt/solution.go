package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// handler answers with the caller's sub claim, as the JWT authorizer passed it.
func handler(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	var sub string
	if a := req.RequestContext.Authorizer; a != nil && a.JWT != nil {
		sub = a.JWT.Claims["sub"]
	}
	body, _ := json.Marshal(map[string]string{"sub": sub})
	return events.APIGatewayV2HTTPResponse{StatusCode: 200, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}, nil
}

func main() { lambda.Start(handler) }
