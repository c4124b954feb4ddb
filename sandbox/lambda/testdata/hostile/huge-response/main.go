// Attack: answer with more than the 6 MB synchronous response limit.
package main

import (
	"io"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func() (io.Reader, error) {
		// A reader is sent as raw bytes, so no JSON encoding slows this down.
		return strings.NewReader(strings.Repeat("a", 7<<20)), nil
	})
}
