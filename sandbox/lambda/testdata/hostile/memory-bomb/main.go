// Attack: allocate and keep memory until something gives.
package main

import "github.com/aws/aws-lambda-go/lambda"

var hoard [][]byte

func main() {
	lambda.Start(func() error {
		for {
			b := make([]byte, 8<<20)
			b[len(b)-1] = 1
			hoard = append(hoard, b)
		}
	})
}
