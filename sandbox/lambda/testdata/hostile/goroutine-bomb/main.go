// Attack: start goroutines without end; each parks forever holding memory.
package main

import "github.com/aws/aws-lambda-go/lambda"

func main() {
	lambda.Start(func() error {
		block := make(chan struct{})
		for {
			go func() {
				var pad [4096]byte
				pad[0] = 1
				<-block
				_ = pad
			}()
		}
	})
}
