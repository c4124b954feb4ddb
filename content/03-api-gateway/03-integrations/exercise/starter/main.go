package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type request struct {
	Name string `json:"name"`
}

// handler returns a bare object. API Gateway cannot read it as a proxy
// response: try it and see the 502. Then return an
// events.APIGatewayProxyResponse instead.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (map[string]string, error) {
	var r request
	_ = json.Unmarshal([]byte(req.Body), &r)
	return map[string]string{"greeting": "Hello, " + r.Name + "!"}, nil
}

func main() { lambda.Start(handler) }
