package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

// TODO: decode {"first_name": "Ada", "last_name": "Lovelace"} and answer
// {"message": "Hello Ada Lovelace!"}.
func handler(ctx context.Context) (string, error) {
	return "Hello!", nil
}

func main() {
	lambda.Start(handler)
}
