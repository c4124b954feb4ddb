package main

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

func handle(ctx context.Context, e events.SQSEvent) error {
	for _, r := range e.Records {
		var o struct {
			Qty int `json:"qty"`
		}
		if json.Unmarshal([]byte(r.Body), &o) != nil || o.Qty <= 0 {
			return errors.New("bad order")
		}
	}
	return nil
}

func main() { lambda.Start(handle) }
