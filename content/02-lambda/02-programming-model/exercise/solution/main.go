package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-lambda-go/lambda"
)

// Name is the event.
type Name struct {
	First string `json:"first_name"`
	Last  string `json:"last_name"`
}

// Greeting is the result.
type Greeting struct {
	Message string `json:"message"`
}

func handler(ctx context.Context, n Name) (Greeting, error) {
	return Greeting{Message: fmt.Sprintf("Hello %s %s!", n.First, n.Last)}, nil
}

func main() {
	lambda.Start(handler)
}
