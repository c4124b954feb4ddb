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
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
)

// ResponseError is the error of a non-2xx response; see
// aws/transport/http, where learner code can name it.
type ResponseError = awshttp.ResponseError

// Call sends request (the operation's input as the service's wire JSON) to
// operation of service (the signing name: "dynamodb", "sqs", …) and
// returns the HTTP status and the response body.
func Call(ctx context.Context, service, operation string, request []byte) (int, []byte, error) {
	if err := ctx.Err(); err != nil {
		return 0, nil, &smithy.CanceledError{Err: err}
	}
	return call(ctx, service, operation, request)
}

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
