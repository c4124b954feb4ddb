// Attack: unbounded recursion.
package main

import "github.com/aws/aws-lambda-go/lambda"

func down(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	return down(n+1) + int(pad[3])
}

func main() {
	lambda.Start(func() (int, error) {
		return down(0), nil
	})
}
