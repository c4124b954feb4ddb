// Attack: a handler that never returns, calling functions in its loop.
package main

import (
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

var sink int64

func main() {
	lambda.Start(func() error {
		for {
			sink += time.Now().UnixNano() % 7
		}
	})
}
