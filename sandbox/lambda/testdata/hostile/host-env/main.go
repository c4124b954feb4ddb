// Attack: look for the host's environment variables.
package main

import (
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func() ([]string, error) {
		return os.Environ(), nil
	})
}
