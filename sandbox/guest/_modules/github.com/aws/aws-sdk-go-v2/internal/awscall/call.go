// Package awscall carries one AWS operation from a guest client to the
// learnsls host and brings back the response, and turns error responses
// into the error values the AWS SDK for Go returns.
//
// Under GOOS=wasip1 a call goes through the aws_call/read_response host
// functions described in sandbox/guest/ABI.md. Built for any other target
// (the host-side tests build guest programs natively), calls go to a
// Transport that tests can replace; see call_native.go.
package awscall

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/smithy-go"
)

// Call sends request (the operation's input as the service's wire JSON) to
// operation of service (the signing name: "dynamodb", "sqs", …) and
// returns the HTTP status and the response body.
func Call(ctx context.Context, service, operation string, request []byte) (int, []byte, error) {
	if err := ctx.Err(); err != nil {
		return 0, nil, &smithy.CanceledError{Err: err}
	}
	return call(ctx, service, operation, request)
}

// ResponseError is an error response from a service: the HTTP status and
// the service's error (usually a smithy.APIError). It formats like the AWS
// SDK's own response errors.
type ResponseError struct {
	StatusCode int
	RequestID  string
	Err        error
}

// Error reads "https response error StatusCode: 400, RequestID: …, <err>".
func (e *ResponseError) Error() string {
	return fmt.Sprintf("https response error StatusCode: %d, RequestID: %s, %v", e.StatusCode, e.RequestID, e.Err)
}

// Unwrap returns the service's error, so errors.As finds typed errors.
func (e *ResponseError) Unwrap() error { return e.Err }

// HTTPStatusCode returns the response's status code.
func (e *ResponseError) HTTPStatusCode() int { return e.StatusCode }

// ServiceRequestID returns the request ID, when the host supplied one.
func (e *ResponseError) ServiceRequestID() string { return e.RequestID }

// ErrorInfo reads the code and message of an AWS JSON error body
// ({"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
// "message":"…"}), normalising the code the way the SDK does: the namespace
// before '#' and anything after ':' are dropped.
func ErrorInfo(body []byte) (code, message string) {
	var e struct {
		Type     string `json:"__type"`
		Code     string `json:"code"`
		Message  string `json:"message"`
		MessageU string `json:"Message"`
	}
	_ = json.Unmarshal(body, &e) // a body that is not JSON leaves both empty
	code = e.Type
	if code == "" {
		code = e.Code
	}
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	message = e.Message
	if message == "" {
		message = e.MessageU
	}
	return code, message
}
