// Attack: never finish init, so the environment never becomes ready.
package main

import "github.com/aws/aws-lambda-go/lambda"

var n int

func init() {
	for {
		n++
	}
}

func main() {
	lambda.Start(func() error { return nil })
}
