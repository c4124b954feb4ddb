// Command minimal is the cheapest handler there is: no event, no result.
// Its warm invocation is the cost of the guest runtime loop itself.
package main

import "github.com/aws/aws-lambda-go/lambda"

func main() { lambda.Start(func() {}) }
