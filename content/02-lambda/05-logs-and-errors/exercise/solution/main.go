package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
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

// ValidationError means the event cannot be used; its type name is the
// errorType the caller sees.
type ValidationError struct {
	Field  string
	Reason string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Reason }

var logger = slog.New(slog.NewJSONHandler(os.Stdout, nil))

func handler(ctx context.Context, o Order) (Accepted, error) {
	var requestID string
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		requestID = lc.AwsRequestID
	}
	log := logger.With("requestId", requestID, "orderId", o.ID)
	if o.ID == "" {
		log.Warn("rejected: no orderId")
		return Accepted{}, &ValidationError{Field: "orderId", Reason: "is required"}
	}
	if o.Quantity < 1 {
		log.Warn("rejected", "quantity", o.Quantity)
		return Accepted{}, &ValidationError{Field: "quantity", Reason: "must be at least 1"}
	}
	log.Info("order accepted", "quantity", o.Quantity)
	return Accepted{OrderID: o.ID, Accepted: true, RequestID: requestID}, nil
}

func main() {
	lambda.Start(handler)
}
