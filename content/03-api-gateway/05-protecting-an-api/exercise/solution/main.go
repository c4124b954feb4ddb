package main

import (
	"context"
	"errors"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// users maps tokens to users; banned users are known but refused.
var (
	users  = map[string]string{"token-ada": "ada", "token-lin": "lin", "token-mallory": "mallory"}
	banned = map[string]bool{"mallory": true}
)

func handler(ctx context.Context, e events.APIGatewayCustomAuthorizerRequest) (events.APIGatewayCustomAuthorizerResponse, error) {
	token, ok := strings.CutPrefix(e.AuthorizationToken, "Bearer ")
	user, known := users[token]
	if !ok || !known {
		return events.APIGatewayCustomAuthorizerResponse{}, errors.New("Unauthorized")
	}
	effect := "Allow"
	if banned[user] {
		effect = "Deny"
	}
	return events.APIGatewayCustomAuthorizerResponse{
		PrincipalID: user,
		PolicyDocument: events.APIGatewayCustomAuthorizerPolicy{
			Version: "2012-10-17",
			Statement: []events.IAMPolicyStatement{{
				Action:   []string{"execute-api:Invoke"},
				Effect:   effect,
				Resource: []string{e.MethodArn},
			}},
		},
		Context: map[string]any{"user": user},
	}, nil
}

func main() { lambda.Start(handler) }
