package awscall

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/internal/wirejson"
	"github.com/aws/smithy-go"
)

// Service is what a JSON-protocol client needs to make calls: its names,
// its codec, its required members and its modelled errors.
type Service struct {
	// ID names the service in errors ("operation error SQS: SendMessage, …").
	ID string
	// SigningName is the service name aws_call expects ("sqs").
	SigningName string
	// Codec encodes inputs and decodes outputs and error bodies.
	Codec *wirejson.Codec
	// Required lists each operation's required top-level input members.
	Required map[string][]string
	// NewError returns a pointer to a zero modelled error for an error
	// code, or nil when the code has no Go type.
	NewError func(code string) any
}

// Invoke makes one call: it validates and encodes in, calls the host, and
// decodes the response into out, or returns the error wrapped as the SDK
// wraps it (*smithy.OperationError around the API error).
func (s *Service) Invoke(ctx context.Context, op string, in, out any) error {
	wrap := func(err error) error {
		return &smithy.OperationError{ServiceID: s.ID, OperationName: op, Err: err}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if err := s.validate(op, in); err != nil {
		return wrap(err)
	}
	body, err := s.Codec.Marshal(in)
	if err != nil {
		return wrap(&smithy.SerializationError{Err: err})
	}
	status, resp, err := Call(ctx, s.SigningName, op, body)
	if err != nil {
		return wrap(err)
	}
	if status < 200 || status > 299 {
		return wrap(&ResponseError{StatusCode: status, Err: s.decodeError(status, resp)})
	}
	if err := s.Codec.Unmarshal(resp, out); err != nil {
		return wrap(&smithy.DeserializationError{Err: err, Snapshot: resp})
	}
	return nil
}

// decodeError returns the modelled error for the body's code, or a
// *smithy.GenericAPIError (with no fault, as the SDK's) for the others.
func (s *Service) decodeError(status int, body []byte) error {
	code, msg := ErrorInfo(body)
	if code == "" {
		code = fmt.Sprintf("HTTP%d", status)
		if msg == "" {
			msg = strings.TrimSpace(string(body))
		}
	}
	if s.NewError != nil {
		if target := s.NewError(code); target != nil {
			if err := s.Codec.Unmarshal(body, target); err == nil {
				return target.(error)
			}
		}
	}
	return &smithy.GenericAPIError{Code: code, Message: msg}
}

func (s *Service) validate(op string, in any) error {
	names := s.Required[op]
	if len(names) == 0 {
		return nil
	}
	v := reflect.ValueOf(in).Elem()
	var missing []string
	for _, n := range names {
		if f := v.FieldByName(n); f.IsValid() && f.IsZero() && f.Kind() != reflect.Int32 && f.Kind() != reflect.Bool {
			missing = append(missing, op+"Input."+n)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return &InvalidParamsError{Fields: missing}
}

// InvalidParamsError lists missing required members, formatted like the
// SDK's smithy.InvalidParamsError.
type InvalidParamsError struct {
	Fields []string
}

// Error reads "N validation error(s) found.\n- missing required field, X.\n".
func (e *InvalidParamsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d validation error(s) found.\n", len(e.Fields))
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "- missing required field, %s.\n", f)
	}
	return b.String()
}
