package lambda

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned (wrapped in *ResourceNotFoundError) for a function
// that does not exist.
var ErrNotFound = errors.New("function not found")

// ErrClosed is returned by a Service after Close.
var ErrClosed = errors.New("lambda service closed")

// ResourceNotFoundError is Lambda's ResourceNotFoundException.
type ResourceNotFoundError struct{ ARN string }

func (e *ResourceNotFoundError) Error() string {
	return "ResourceNotFoundException: Function not found: " + e.ARN
}

// Unwrap makes errors.Is(err, ErrNotFound) work.
func (e *ResourceNotFoundError) Unwrap() error { return ErrNotFound }

// ResourceConflictError is Lambda's ResourceConflictException.
type ResourceConflictError struct{ Message string }

func (e *ResourceConflictError) Error() string { return "ResourceConflictException: " + e.Message }

// InvalidParameterError is Lambda's InvalidParameterValueException (or a
// ValidationException for constraint failures).
type InvalidParameterError struct{ Message string }

func (e *InvalidParameterError) Error() string { return "InvalidParameterValueException: " + e.Message }

// TooManyRequestsError is Lambda's TooManyRequestsException, returned when
// an invocation would exceed the function's or the account's concurrency.
type TooManyRequestsError struct {
	// Reason is ReservedFunctionConcurrentInvocationLimitExceeded or
	// ConcurrentInvocationLimitExceeded.
	Reason string
}

func (e *TooManyRequestsError) Error() string {
	return fmt.Sprintf("TooManyRequestsException: Rate Exceeded. (Reason: %s)", e.Reason)
}

// RequestTooLargeError is Lambda's RequestTooLargeException.
type RequestTooLargeError struct{ Size int }

func (e *RequestTooLargeError) Error() string {
	return fmt.Sprintf("RequestTooLargeException: %d byte payload is too large for the RequestResponse invocation type (limit %d bytes)", e.Size, MaxSyncPayloadBytes)
}

// InvalidCodeError reports function code the engine cannot load.
type InvalidCodeError struct{ Err error }

func (e *InvalidCodeError) Error() string {
	return "InvalidParameterValueException: the function code is not a valid WebAssembly module for the learnsls runtime: " + e.Err.Error()
}

func (e *InvalidCodeError) Unwrap() error { return e.Err }
