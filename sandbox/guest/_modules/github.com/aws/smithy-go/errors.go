package smithy

import "fmt"

// APIError is what every error returned by an AWS service satisfies: the
// service's error code (for example "ConditionalCheckFailedException"), its
// message, and whether the caller or the service is at fault.
type APIError interface {
	error

	// ErrorCode is the service's name for the error, without namespace.
	ErrorCode() string
	// ErrorMessage is the human-readable message the service sent.
	ErrorMessage() string
	// ErrorFault says whether the request (client) or the service (server)
	// caused the error.
	ErrorFault() ErrorFault
}

// GenericAPIError carries a service error that has no dedicated Go type in
// the client, such as ValidationException or AccessDeniedException.
type GenericAPIError struct {
	Code    string
	Message string
	Fault   ErrorFault
}

// ErrorCode returns the error's code.
func (e *GenericAPIError) ErrorCode() string { return e.Code }

// ErrorMessage returns the error's message.
func (e *GenericAPIError) ErrorMessage() string { return e.Message }

// ErrorFault returns who is at fault.
func (e *GenericAPIError) ErrorFault() ErrorFault { return e.Fault }

// Error formats the error the way the AWS SDK for Go does.
func (e *GenericAPIError) Error() string {
	return fmt.Sprintf("api error %s: %s", e.Code, e.Message)
}

var _ APIError = (*GenericAPIError)(nil)

// OperationError wraps any error returned by a client operation with the
// service and operation it came from; errors.As sees through it.
type OperationError struct {
	ServiceID     string
	OperationName string
	Err           error
}

// Service returns the service's ID, e.g. "DynamoDB".
func (e *OperationError) Service() string { return e.ServiceID }

// Operation returns the operation's name, e.g. "PutItem".
func (e *OperationError) Operation() string { return e.OperationName }

// Unwrap returns the underlying error.
func (e *OperationError) Unwrap() error { return e.Err }

// Error reads "operation error <service>: <operation>, <cause>".
func (e *OperationError) Error() string {
	return fmt.Sprintf("operation error %s: %s, %v", e.ServiceID, e.OperationName, e.Err)
}

// DeserializationError reports a response body the client could not decode.
type DeserializationError struct {
	Err      error
	Snapshot []byte
}

// Error describes the failure.
func (e *DeserializationError) Error() string {
	if e.Err == nil {
		return "deserialization failed"
	}
	return fmt.Sprintf("deserialization failed, %v", e.Err)
}

// Unwrap returns the underlying error.
func (e *DeserializationError) Unwrap() error { return e.Err }

// SerializationError reports input the client could not encode.
type SerializationError struct {
	Err error
}

// Error describes the failure.
func (e *SerializationError) Error() string {
	if e.Err == nil {
		return "serialization failed"
	}
	return fmt.Sprintf("serialization failed: %v", e.Err)
}

// Unwrap returns the underlying error.
func (e *SerializationError) Unwrap() error { return e.Err }

// CanceledError reports an operation stopped by its context.
type CanceledError struct {
	Err error
}

// CanceledError marks the error as a cancellation.
func (*CanceledError) CanceledError() bool { return true }

// Unwrap returns the context's error.
func (e *CanceledError) Unwrap() error { return e.Err }

// Error reads "canceled, <cause>".
func (e *CanceledError) Error() string { return fmt.Sprintf("canceled, %v", e.Err) }

// ErrorFault says who caused an API error.
type ErrorFault int

// The possible faults.
const (
	FaultUnknown ErrorFault = iota
	FaultServer
	FaultClient
)

// String returns "server", "client" or "unknown".
func (f ErrorFault) String() string {
	switch f {
	case FaultServer:
		return "server"
	case FaultClient:
		return "client"
	default:
		return "unknown"
	}
}
