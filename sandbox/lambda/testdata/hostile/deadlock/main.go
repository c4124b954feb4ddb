// Attack: block every goroutine during init; the Go runtime aborts the
// process before the function can serve anything.
package main

import "github.com/aws/aws-lambda-go/lambda"

func init() {
	select {}
}

func main() {
	lambda.Start(func() error { return nil })
}
