package awscall

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
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
	// Required maps each Go type name (inputs and nested types) to its
	// required members.
	Required map[string][]string
	// NewError returns a pointer to a zero modelled error for an error
	// code, or nil when the code has no Go type.
	NewError func(code string) any
	// EncodeOp and DecodeOp, when set, are a service's hand-written wire
	// JSON for its hottest operations. EncodeOp validates and encodes an
	// input or declines (false); DecodeOp decodes a response body into
	// out or declines. Declined values go through Codec as before.
	EncodeOp func(op string, in any) ([]byte, bool)
	DecodeOp func(body []byte, out any) bool
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
	var body []byte
	var ok bool
	if s.EncodeOp != nil {
		body, ok = s.EncodeOp(op, in)
	}
	if !ok {
		if err := s.validate(op, in); err != nil {
			return wrap(err)
		}
		var err error
		if body, err = s.Codec.Marshal(in); err != nil {
			return wrap(&smithy.SerializationError{Err: err})
		}
	}
	status, resp, err := Call(ctx, s.SigningName, op, body)
	if err != nil {
		return wrap(err)
	}
	if status < 200 || status > 299 {
		return wrap(awshttp.NewResponseError(status, "", s.DecodeError(status, resp)))
	}
	if s.DecodeOp != nil && s.DecodeOp(resp, out) {
		return nil
	}
	if s.DecodeOp != nil {
		// The hand-written decoder may have set members before declining.
		if v := reflect.ValueOf(out); v.Kind() == reflect.Pointer && !v.IsNil() {
			v.Elem().SetZero()
		}
	}
	if err := s.Codec.Unmarshal(resp, out); err != nil {
		return wrap(&smithy.DeserializationError{Err: err, Snapshot: resp})
	}
	return nil
}

// DecodeError returns the modelled error for the body's code, or a
// *smithy.GenericAPIError (with no fault, as the SDK's) for the others.
func (s *Service) DecodeError(status int, body []byte) error {
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
	return Validate(in, s.Required)
}

// Validate checks the required members of in (a pointer to an Input
// struct) and of the structs inside it, as the SDK's validation middleware
// does before sending. checks maps a Go type name to its members in the
// order the SDK checks them: "Name" is a required member, "+Name" a member
// whose contents are checked in turn. A missing member is named by its
// path, e.g. TransactWriteItemsInput.TransactItems[1].Update.TableName.
func Validate(in any, checks map[string][]string) error {
	v := reflect.ValueOf(in)
	if v.Kind() != reflect.Pointer || v.IsNil() || len(checks) == 0 {
		return nil
	}
	var missing []string
	walkChecks(v.Elem(), v.Elem().Type().Name(), checks, &missing)
	if len(missing) == 0 {
		return nil
	}
	return &InvalidParamsError{Fields: missing}
}

// walkChecks applies the checks of v's type, descending through pointers,
// lists and maps (map keys in sorted order) to the structs they hold.
func walkChecks(v reflect.Value, path string, checks map[string][]string, missing *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkChecks(v.Elem(), path, checks, missing)
		}
	case reflect.Struct:
		for _, c := range compiledChecks(v.Type(), checks) {
			f := v.Field(c.index)
			switch {
			case c.nested:
				if hasContents(f) {
					walkChecks(f, path+"."+c.name, checks, missing)
				}
			case isMissing(f):
				*missing = append(*missing, path+"."+c.name)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkChecks(v.Index(i), fmt.Sprintf("%s[%d]", path, i), checks, missing)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			walkChecks(v.MapIndex(k), fmt.Sprintf("%s[%q]", path, k.String()), checks, missing)
		}
	}
}

// hasContents reports whether walking into f can find anything: a nil
// pointer or an empty list or map holds no struct to check.
func hasContents(f reflect.Value) bool {
	switch f.Kind() {
	case reflect.Pointer, reflect.Interface:
		return !f.IsNil()
	case reflect.Slice, reflect.Map, reflect.Array:
		return f.Len() > 0
	}
	return true
}

// fieldCheck is one entry of a checks list resolved to a field index.
type fieldCheck struct {
	index  int
	name   string
	nested bool
}

type checksKey struct {
	checks uintptr // identity of the checks map
	t      reflect.Type
}

// compiled caches the checks of each (checks map, struct type): looking
// fields up by name on every call is most of a validation's cost, and
// guest code runs as WebAssembly, where reflection is slow.
var compiled sync.Map // checksKey -> []fieldCheck

func compiledChecks(t reflect.Type, checks map[string][]string) []fieldCheck {
	key := checksKey{reflect.ValueOf(checks).Pointer(), t}
	if c, ok := compiled.Load(key); ok {
		return c.([]fieldCheck)
	}
	var out []fieldCheck
	for _, c := range checks[t.Name()] {
		name, nested := strings.CutPrefix(c, "+")
		f, ok := t.FieldByName(name)
		if !ok || len(f.Index) != 1 {
			continue
		}
		out = append(out, fieldCheck{index: f.Index[0], name: name, nested: nested})
	}
	compiled.Store(key, out)
	return out
}

// isMissing reports whether a required member is unset: a nil reference
// or an empty enum. Required plain numbers and bools cannot be missing.
func isMissing(f reflect.Value) bool {
	switch f.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return f.IsNil()
	case reflect.String:
		return f.Len() == 0
	}
	return false
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
