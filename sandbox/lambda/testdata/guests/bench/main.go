// Command bench is the "realistic hello handler" of the benchmarks: typed
// input and output, the Lambda context, no logging.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

type request struct {
	Name string `json:"name"`
}

type response struct {
	Greeting  string `json:"greeting"`
	RequestID string `json:"requestId"`
}

func main() {
	lambda.Start(func(ctx context.Context, r request) (response, error) {
		lc, _ := lambdacontext.FromContext(ctx)
		return response{Greeting: "hello " + r.Name, RequestID: lc.AwsRequestID}, nil
	})
}
