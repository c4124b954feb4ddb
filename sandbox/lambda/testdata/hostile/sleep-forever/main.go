// Attack: block in a host call (sleep) far beyond the timeout.
package main

import (
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func() error {
		time.Sleep(time.Hour)
		return nil
	})
}
