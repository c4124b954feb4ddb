// Package http is learnsls's stand-in for
// github.com/aws/aws-sdk-go-v2/aws/transport/http, reduced to the error
// type code inspects:
//
//	var re *awshttp.ResponseError
//	if errors.As(err, &re) { log.Println(re.HTTPStatusCode()) }
//
// Guest calls travel through the sandbox's aws_call, not HTTP, but the
// host returns the HTTP status the service would have sent.
package http

import "fmt"

// ResponseError is an error response from a service: its HTTP status, the
// request ID (empty inside learnsls) and the service's error, which
// errors.As finds through Unwrap.
type ResponseError struct {
	// RequestID is the service's request ID, when known.
	RequestID string
	// Err is the service's error, usually a smithy.APIError.
	Err error

	statusCode int
}

// NewResponseError returns the error for a response with the given status.
func NewResponseError(statusCode int, requestID string, err error) *ResponseError {
	return &ResponseError{RequestID: requestID, Err: err, statusCode: statusCode}
}

// HTTPStatusCode returns the response's status code.
func (e *ResponseError) HTTPStatusCode() int { return e.statusCode }

// ServiceRequestID returns the request ID.
func (e *ResponseError) ServiceRequestID() string { return e.RequestID }

// Unwrap returns the service's error.
func (e *ResponseError) Unwrap() error { return e.Err }

// Error reads "https response error StatusCode: 400, RequestID: …, <err>",
// as the AWS SDK's does.
func (e *ResponseError) Error() string {
	return fmt.Sprintf("https response error StatusCode: %d, RequestID: %s, %v", e.statusCode, e.RequestID, e.Err)
}
