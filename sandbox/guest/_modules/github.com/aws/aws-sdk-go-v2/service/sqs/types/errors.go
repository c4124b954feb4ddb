package types

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// Every error below implements smithy.APIError; find one with errors.As.
// Errors without a type here arrive as *smithy.GenericAPIError.

// BatchEntryIdsNotDistinct is the SQS error of that name.
type BatchEntryIdsNotDistinct struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *BatchEntryIdsNotDistinct) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *BatchEntryIdsNotDistinct) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "BatchEntryIdsNotDistinct" unless the service sent another code.
func (e *BatchEntryIdsNotDistinct) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "BatchEntryIdsNotDistinct"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *BatchEntryIdsNotDistinct) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// BatchRequestTooLong is the SQS error of that name.
type BatchRequestTooLong struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *BatchRequestTooLong) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *BatchRequestTooLong) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "BatchRequestTooLong" unless the service sent another code.
func (e *BatchRequestTooLong) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "BatchRequestTooLong"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *BatchRequestTooLong) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// EmptyBatchRequest is the SQS error of that name.
type EmptyBatchRequest struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *EmptyBatchRequest) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *EmptyBatchRequest) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "EmptyBatchRequest" unless the service sent another code.
func (e *EmptyBatchRequest) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "EmptyBatchRequest"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *EmptyBatchRequest) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidAddress is the SQS error of that name.
type InvalidAddress struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidAddress) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidAddress) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidAddress" unless the service sent another code.
func (e *InvalidAddress) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidAddress"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidAddress) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidAttributeName is the SQS error of that name.
type InvalidAttributeName struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidAttributeName) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidAttributeName) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidAttributeName" unless the service sent another code.
func (e *InvalidAttributeName) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidAttributeName"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidAttributeName) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidAttributeValue is the SQS error of that name.
type InvalidAttributeValue struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidAttributeValue) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidAttributeValue) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidAttributeValue" unless the service sent another code.
func (e *InvalidAttributeValue) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidAttributeValue"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidAttributeValue) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidBatchEntryId is the SQS error of that name.
type InvalidBatchEntryId struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidBatchEntryId) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidBatchEntryId) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidBatchEntryId" unless the service sent another code.
func (e *InvalidBatchEntryId) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidBatchEntryId"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidBatchEntryId) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidIdFormat is the SQS error of that name.
type InvalidIdFormat struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidIdFormat) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidIdFormat) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidIdFormat" unless the service sent another code.
func (e *InvalidIdFormat) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidIdFormat"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidIdFormat) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidMessageContents is the SQS error of that name.
type InvalidMessageContents struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidMessageContents) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidMessageContents) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidMessageContents" unless the service sent another code.
func (e *InvalidMessageContents) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidMessageContents"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidMessageContents) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidSecurity is the SQS error of that name.
type InvalidSecurity struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidSecurity) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidSecurity) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidSecurity" unless the service sent another code.
func (e *InvalidSecurity) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidSecurity"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidSecurity) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KmsAccessDenied is the SQS error of that name.
type KmsAccessDenied struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KmsAccessDenied) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KmsAccessDenied) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KmsAccessDenied" unless the service sent another code.
func (e *KmsAccessDenied) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KmsAccessDenied"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KmsAccessDenied) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KmsDisabled is the SQS error of that name.
type KmsDisabled struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KmsDisabled) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KmsDisabled) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KmsDisabled" unless the service sent another code.
func (e *KmsDisabled) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KmsDisabled"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KmsDisabled) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KmsInvalidKeyUsage is the SQS error of that name.
type KmsInvalidKeyUsage struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KmsInvalidKeyUsage) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KmsInvalidKeyUsage) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KmsInvalidKeyUsage" unless the service sent another code.
func (e *KmsInvalidKeyUsage) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KmsInvalidKeyUsage"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KmsInvalidKeyUsage) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KmsInvalidState is the SQS error of that name.
type KmsInvalidState struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KmsInvalidState) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KmsInvalidState) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KmsInvalidState" unless the service sent another code.
func (e *KmsInvalidState) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KmsInvalidState"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KmsInvalidState) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KmsNotFound is the SQS error of that name.
type KmsNotFound struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KmsNotFound) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KmsNotFound) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KmsNotFound" unless the service sent another code.
func (e *KmsNotFound) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KmsNotFound"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KmsNotFound) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KmsOptInRequired is the SQS error of that name.
type KmsOptInRequired struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KmsOptInRequired) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KmsOptInRequired) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KmsOptInRequired" unless the service sent another code.
func (e *KmsOptInRequired) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KmsOptInRequired"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KmsOptInRequired) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KmsThrottled is the SQS error of that name.
type KmsThrottled struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KmsThrottled) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KmsThrottled) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KmsThrottled" unless the service sent another code.
func (e *KmsThrottled) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KmsThrottled"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KmsThrottled) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// MessageNotInflight is the SQS error of that name.
type MessageNotInflight struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *MessageNotInflight) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *MessageNotInflight) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "MessageNotInflight" unless the service sent another code.
func (e *MessageNotInflight) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "MessageNotInflight"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *MessageNotInflight) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// OverLimit is the SQS error of that name.
type OverLimit struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *OverLimit) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *OverLimit) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "OverLimit" unless the service sent another code.
func (e *OverLimit) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "OverLimit"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *OverLimit) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// PurgeQueueInProgress is the SQS error of that name.
type PurgeQueueInProgress struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *PurgeQueueInProgress) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *PurgeQueueInProgress) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "PurgeQueueInProgress" unless the service sent another code.
func (e *PurgeQueueInProgress) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "PurgeQueueInProgress"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *PurgeQueueInProgress) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// QueueDeletedRecently is the SQS error of that name.
type QueueDeletedRecently struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *QueueDeletedRecently) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *QueueDeletedRecently) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "QueueDeletedRecently" unless the service sent another code.
func (e *QueueDeletedRecently) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "QueueDeletedRecently"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *QueueDeletedRecently) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// QueueDoesNotExist is the SQS error of that name.
type QueueDoesNotExist struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *QueueDoesNotExist) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *QueueDoesNotExist) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "QueueDoesNotExist" unless the service sent another code.
func (e *QueueDoesNotExist) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "QueueDoesNotExist"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *QueueDoesNotExist) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// QueueNameExists is the SQS error of that name.
type QueueNameExists struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *QueueNameExists) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *QueueNameExists) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "QueueNameExists" unless the service sent another code.
func (e *QueueNameExists) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "QueueNameExists"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *QueueNameExists) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ReceiptHandleIsInvalid is the SQS error of that name.
type ReceiptHandleIsInvalid struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ReceiptHandleIsInvalid) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ReceiptHandleIsInvalid) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ReceiptHandleIsInvalid" unless the service sent another code.
func (e *ReceiptHandleIsInvalid) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ReceiptHandleIsInvalid"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ReceiptHandleIsInvalid) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// RequestThrottled is the SQS error of that name.
type RequestThrottled struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *RequestThrottled) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *RequestThrottled) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "RequestThrottled" unless the service sent another code.
func (e *RequestThrottled) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "RequestThrottled"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *RequestThrottled) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceNotFoundException is the SQS error of that name.
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

// ErrorCode returns "ResourceNotFoundException" unless the service sent another code.
func (e *ResourceNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceNotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ResourceNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TooManyEntriesInBatchRequest is the SQS error of that name.
type TooManyEntriesInBatchRequest struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TooManyEntriesInBatchRequest) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TooManyEntriesInBatchRequest) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TooManyEntriesInBatchRequest" unless the service sent another code.
func (e *TooManyEntriesInBatchRequest) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TooManyEntriesInBatchRequest"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TooManyEntriesInBatchRequest) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// UnsupportedOperation is the SQS error of that name.
type UnsupportedOperation struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *UnsupportedOperation) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *UnsupportedOperation) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "UnsupportedOperation" unless the service sent another code.
func (e *UnsupportedOperation) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "UnsupportedOperation"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *UnsupportedOperation) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
