package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-lambda-go/lambda"
)

// Order is the event: {"orderId": "A-1", "quantity": 2}.
type Order struct {
	ID       string `json:"orderId"`
	Quantity int    `json:"quantity"`
}

// Accepted is the answer: {"orderId":"A-1","accepted":true,"requestId":"…"}.
type Accepted struct {
	OrderID   string `json:"orderId"`
	Accepted  bool   `json:"accepted"`
	RequestID string `json:"requestId"`
}

// TODO: log one JSON line per accepted order with the request ID and the
// order ID, return a *ValidationError for bad input, and put the request
// ID in the answer.
func handler(ctx context.Context, o Order) (Accepted, error) {
	if o.Quantity < 1 {
		return Accepted{}, errors.New("bad order")
	}
	fmt.Println("accepted order", o.ID)
	return Accepted{OrderID: o.ID, Accepted: true}, nil
}

func main() {
	lambda.Start(handler)
}
