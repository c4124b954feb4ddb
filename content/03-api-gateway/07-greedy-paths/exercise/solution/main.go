package main

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// catalogue holds the items the API serves.
var catalogue = map[string]string{"1": "apple", "2": "pear"}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	parts := strings.Split(strings.Trim(req.Path, "/"), "/")
	m := req.HTTPMethod
	switch {
	case len(parts) == 1 && parts[0] == "health":
		if m != "GET" {
			return notAllowed("GET")
		}
		return reply(200, map[string]string{"status": "ok"})
	case len(parts) == 1 && parts[0] == "items":
		switch m {
		case "GET":
			return reply(200, map[string][]string{"items": {"apple", "pear"}})
		case "POST":
			var v any
			if err := json.Unmarshal([]byte(req.Body), &v); err != nil {
				return reply(400, map[string]string{"message": "body must be JSON"})
			}
			return reply(201, v)
		}
		return notAllowed("GET, POST")
	case len(parts) == 2 && parts[0] == "items":
		if m != "GET" {
			return notAllowed("GET")
		}
		name, ok := catalogue[parts[1]]
		if !ok {
			return reply(404, map[string]string{"message": "no item " + parts[1]})
		}
		return reply(200, map[string]string{"id": parts[1], "name": name})
	}
	return reply(404, map[string]string{"message": "no route for " + req.Path})
}

func notAllowed(allow string) (events.APIGatewayProxyResponse, error) {
	r, err := reply(405, map[string]string{"message": "use " + allow})
	r.Headers["Allow"] = allow
	return r, err
}

func reply(status int, v any) (events.APIGatewayProxyResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return events.APIGatewayProxyResponse{StatusCode: status, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body)}, nil
}

func main() { lambda.Start(handler) }
