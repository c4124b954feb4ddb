// Attack: a loop with no function calls, which nothing inside the guest
// can preempt; only the host can stop it.
package main

import "github.com/aws/aws-lambda-go/lambda"

func main() {
	lambda.Start(func() error {
		for {
		}
	})
}
