package types

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// Every error below implements smithy.APIError. Find one with errors.As:
//
//	var ccf *types.ConditionalCheckFailedException
//	if errors.As(err, &ccf) { … }
//
// Errors the service sends that have no type here (ValidationException,
// AccessDeniedException, …) arrive as *smithy.GenericAPIError.

// ConditionalCheckFailedException means a condition expression evaluated to false; Item holds the existing item when ReturnValuesOnConditionCheckFailure was ALL_OLD.
type ConditionalCheckFailedException struct {
	Message           *string
	ErrorCodeOverride *string

	Item map[string]AttributeValue
}

// Error reads "<code>: <message>".
func (e *ConditionalCheckFailedException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ConditionalCheckFailedException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ConditionalCheckFailedException".
func (e *ConditionalCheckFailedException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ConditionalCheckFailedException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ConditionalCheckFailedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// DuplicateItemException means a PartiQL INSERT targeted an item that already exists.
type DuplicateItemException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *DuplicateItemException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *DuplicateItemException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "DuplicateItemException".
func (e *DuplicateItemException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "DuplicateItemException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *DuplicateItemException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// IdempotentParameterMismatchException means a ClientRequestToken was reused with different parameters.
type IdempotentParameterMismatchException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *IdempotentParameterMismatchException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *IdempotentParameterMismatchException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "IdempotentParameterMismatchException".
func (e *IdempotentParameterMismatchException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "IdempotentParameterMismatchException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *IdempotentParameterMismatchException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// IndexNotFoundException means the named index does not exist.
type IndexNotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *IndexNotFoundException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *IndexNotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "IndexNotFoundException".
func (e *IndexNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "IndexNotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *IndexNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InternalServerError means the service failed; retry the request.
type InternalServerError struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InternalServerError) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InternalServerError) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InternalServerError".
func (e *InternalServerError) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InternalServerError"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InternalServerError) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// ItemCollectionSizeLimitExceededException means an item collection outgrew 10 GB in a table with local secondary indexes.
type ItemCollectionSizeLimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ItemCollectionSizeLimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ItemCollectionSizeLimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ItemCollectionSizeLimitExceededException".
func (e *ItemCollectionSizeLimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ItemCollectionSizeLimitExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ItemCollectionSizeLimitExceededException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// LimitExceededException means too many control-plane operations are in progress.
type LimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *LimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *LimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "LimitExceededException".
func (e *LimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "LimitExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *LimitExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ProvisionedThroughputExceededException means requests exceed the table's provisioned throughput.
type ProvisionedThroughputExceededException struct {
	Message           *string
	ErrorCodeOverride *string

	ThrottlingReasons []ThrottlingReason
}

// Error reads "<code>: <message>".
func (e *ProvisionedThroughputExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ProvisionedThroughputExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ProvisionedThroughputExceededException".
func (e *ProvisionedThroughputExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ProvisionedThroughputExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ProvisionedThroughputExceededException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// ReplicatedWriteConflictException means a write conflicted with a replicated write.
type ReplicatedWriteConflictException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ReplicatedWriteConflictException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ReplicatedWriteConflictException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ReplicatedWriteConflictException".
func (e *ReplicatedWriteConflictException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ReplicatedWriteConflictException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ReplicatedWriteConflictException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// RequestLimitExceeded means the account's throughput limit was exceeded.
type RequestLimitExceeded struct {
	Message           *string
	ErrorCodeOverride *string

	ThrottlingReasons []ThrottlingReason
}

// Error reads "<code>: <message>".
func (e *RequestLimitExceeded) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *RequestLimitExceeded) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "RequestLimitExceeded".
func (e *RequestLimitExceeded) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "RequestLimitExceeded"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *RequestLimitExceeded) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceInUseException means the table or index is being created, updated or deleted, or already exists.
type ResourceInUseException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ResourceInUseException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ResourceInUseException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ResourceInUseException".
func (e *ResourceInUseException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceInUseException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ResourceInUseException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceNotFoundException means the table or index does not exist (or is not ACTIVE yet).
type ResourceNotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ResourceNotFoundException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ResourceNotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ResourceNotFoundException".
func (e *ResourceNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceNotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ResourceNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TableAlreadyExistsException means a table with that name already exists.
type TableAlreadyExistsException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TableAlreadyExistsException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TableAlreadyExistsException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TableAlreadyExistsException".
func (e *TableAlreadyExistsException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TableAlreadyExistsException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TableAlreadyExistsException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TableInUseException means the table is busy.
type TableInUseException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TableInUseException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TableInUseException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TableInUseException".
func (e *TableInUseException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TableInUseException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TableInUseException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TableNotFoundException means the table does not exist.
type TableNotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TableNotFoundException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TableNotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TableNotFoundException".
func (e *TableNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TableNotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TableNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ThrottlingException means the request was throttled.
type ThrottlingException struct {
	Message           *string
	ErrorCodeOverride *string

	ThrottlingReasons []ThrottlingReason
}

// Error reads "<code>: <message>".
func (e *ThrottlingException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ThrottlingException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ThrottlingException".
func (e *ThrottlingException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ThrottlingException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ThrottlingException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TransactionCanceledException means a transaction was cancelled; CancellationReasons has one entry per action, in order.
type TransactionCanceledException struct {
	Message           *string
	ErrorCodeOverride *string

	CancellationReasons []CancellationReason
}

// Error reads "<code>: <message>".
func (e *TransactionCanceledException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TransactionCanceledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TransactionCanceledException".
func (e *TransactionCanceledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TransactionCanceledException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TransactionCanceledException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TransactionConflictException means another transaction holds one of the items.
type TransactionConflictException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TransactionConflictException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TransactionConflictException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TransactionConflictException".
func (e *TransactionConflictException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TransactionConflictException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TransactionConflictException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TransactionInProgressException means a transaction with the same ClientRequestToken is still running.
type TransactionInProgressException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TransactionInProgressException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TransactionInProgressException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TransactionInProgressException".
func (e *TransactionInProgressException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TransactionInProgressException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TransactionInProgressException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// Compile-time proof that every error type is a smithy.APIError.
var _ = []smithy.APIError{
	(*ConditionalCheckFailedException)(nil),
	(*DuplicateItemException)(nil),
	(*IdempotentParameterMismatchException)(nil),
	(*IndexNotFoundException)(nil),
	(*InternalServerError)(nil),
	(*ItemCollectionSizeLimitExceededException)(nil),
	(*LimitExceededException)(nil),
	(*ProvisionedThroughputExceededException)(nil),
	(*ReplicatedWriteConflictException)(nil),
	(*RequestLimitExceeded)(nil),
	(*ResourceInUseException)(nil),
	(*ResourceNotFoundException)(nil),
	(*TableAlreadyExistsException)(nil),
	(*TableInUseException)(nil),
	(*TableNotFoundException)(nil),
	(*ThrottlingException)(nil),
	(*TransactionCanceledException)(nil),
	(*TransactionConflictException)(nil),
	(*TransactionInProgressException)(nil),
}
