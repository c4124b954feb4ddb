//go:build !wasip1

package lambda

import "errors"

// hostRuntime fails outside a learnsls execution environment, with the
// message aws-lambda-go prints when it is not running inside Lambda.
func hostRuntime() (runtimeAPI, error) {
	return nil, errors.New("expected AWS Lambda environment variables [AWS_LAMBDA_RUNTIME_API] are not defined")
}
