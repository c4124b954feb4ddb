package dynamodb

import (
	"errors"
	"fmt"
)

// Error is a DynamoDB error as it travels on the wire: the short type name
// (the part after '#' in "__type"), the message, and the HTTP status.
// Every error the engine returns to callers of its Go API is an *Error.
type Error struct {
	Type    string
	Message string
	Status  int
	// Item is the old item for a ConditionalCheckFailedException when
	// ReturnValuesOnConditionCheckFailure is ALL_OLD.
	Item Item
	// CancellationReasons is set for TransactionCanceledException, one per
	// action of the transaction, in order.
	CancellationReasons []CancellationReason
}

// CancellationReason is one entry of a TransactionCanceledException.
type CancellationReason struct {
	Code    string `json:"Code"`
	Message string `json:"Message,omitempty"`
	Item    Item   `json:"Item,omitempty"`
}

func (e *Error) Error() string { return e.Type + ": " + e.Message }

// ErrNotFound matches (with errors.Is) every ResourceNotFoundException.
var ErrNotFound = errors.New("dynamodb: resource not found")

// Is lets errors.Is(err, ErrNotFound) match a ResourceNotFoundException.
func (e *Error) Is(target error) bool {
	return target == ErrNotFound && e.Type == "ResourceNotFoundException"
}

const typePrefix = "com.amazonaws.dynamodb.v20120810#"

func validationf(format string, args ...any) *Error {
	return &Error{Type: "ValidationException", Message: fmt.Sprintf(format, args...), Status: 400}
}

func invalidParam(format string, args ...any) *Error {
	return validationf("One or more parameter values were invalid: "+format, args...)
}

func notFound(msg string) *Error {
	return &Error{Type: "ResourceNotFoundException", Message: msg, Status: 400}
}

func tableNotFound() *Error {
	return notFound("Requested resource not found")
}

func resourceInUse(msg string) *Error {
	return &Error{Type: "ResourceInUseException", Message: msg, Status: 400}
}

func conditionFailed(item Item) *Error {
	return &Error{Type: "ConditionalCheckFailedException", Message: "The conditional request failed", Status: 400, Item: item}
}

func serialization(msg string) *Error {
	return &Error{Type: "SerializationException", Message: msg, Status: 400}
}
