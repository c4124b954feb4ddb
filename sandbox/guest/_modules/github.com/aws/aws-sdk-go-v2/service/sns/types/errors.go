package types

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// Every error below implements smithy.APIError; find one with errors.As.
// Errors without a type here arrive as *smithy.GenericAPIError.

// AuthorizationErrorException is the SNS error of that name.
type AuthorizationErrorException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *AuthorizationErrorException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *AuthorizationErrorException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "AuthorizationError" unless the service sent another code.
func (e *AuthorizationErrorException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "AuthorizationError"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *AuthorizationErrorException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// BatchEntryIdsNotDistinctException is the SNS error of that name.
type BatchEntryIdsNotDistinctException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *BatchEntryIdsNotDistinctException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *BatchEntryIdsNotDistinctException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "BatchEntryIdsNotDistinct" unless the service sent another code.
func (e *BatchEntryIdsNotDistinctException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "BatchEntryIdsNotDistinct"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *BatchEntryIdsNotDistinctException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// BatchRequestTooLongException is the SNS error of that name.
type BatchRequestTooLongException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *BatchRequestTooLongException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *BatchRequestTooLongException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "BatchRequestTooLong" unless the service sent another code.
func (e *BatchRequestTooLongException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "BatchRequestTooLong"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *BatchRequestTooLongException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ConcurrentAccessException is the SNS error of that name.
type ConcurrentAccessException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ConcurrentAccessException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ConcurrentAccessException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ConcurrentAccess" unless the service sent another code.
func (e *ConcurrentAccessException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ConcurrentAccess"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ConcurrentAccessException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// EmptyBatchRequestException is the SNS error of that name.
type EmptyBatchRequestException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *EmptyBatchRequestException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *EmptyBatchRequestException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "EmptyBatchRequest" unless the service sent another code.
func (e *EmptyBatchRequestException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "EmptyBatchRequest"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *EmptyBatchRequestException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// EndpointDisabledException is the SNS error of that name.
type EndpointDisabledException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *EndpointDisabledException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *EndpointDisabledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "EndpointDisabled" unless the service sent another code.
func (e *EndpointDisabledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "EndpointDisabled"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *EndpointDisabledException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// FilterPolicyLimitExceededException is the SNS error of that name.
type FilterPolicyLimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *FilterPolicyLimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *FilterPolicyLimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "FilterPolicyLimitExceeded" unless the service sent another code.
func (e *FilterPolicyLimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "FilterPolicyLimitExceeded"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *FilterPolicyLimitExceededException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// InternalErrorException is the SNS error of that name.
type InternalErrorException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InternalErrorException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InternalErrorException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InternalError" unless the service sent another code.
func (e *InternalErrorException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InternalError"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InternalErrorException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// InvalidBatchEntryIdException is the SNS error of that name.
type InvalidBatchEntryIdException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidBatchEntryIdException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidBatchEntryIdException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidBatchEntryId" unless the service sent another code.
func (e *InvalidBatchEntryIdException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidBatchEntryId"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidBatchEntryIdException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidParameterException is the SNS error of that name.
type InvalidParameterException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidParameterException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidParameterException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidParameter" unless the service sent another code.
func (e *InvalidParameterException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidParameter"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidParameterException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidParameterValueException is the SNS error of that name.
type InvalidParameterValueException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidParameterValueException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidParameterValueException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ParameterValueInvalid" unless the service sent another code.
func (e *InvalidParameterValueException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ParameterValueInvalid"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidParameterValueException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidSecurityException is the SNS error of that name.
type InvalidSecurityException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidSecurityException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidSecurityException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidSecurity" unless the service sent another code.
func (e *InvalidSecurityException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidSecurity"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidSecurityException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidStateException is the SNS error of that name.
type InvalidStateException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidStateException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidStateException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidState" unless the service sent another code.
func (e *InvalidStateException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidState"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidStateException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KMSAccessDeniedException is the SNS error of that name.
type KMSAccessDeniedException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KMSAccessDeniedException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KMSAccessDeniedException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KMSAccessDenied" unless the service sent another code.
func (e *KMSAccessDeniedException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSAccessDenied"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KMSAccessDeniedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KMSDisabledException is the SNS error of that name.
type KMSDisabledException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KMSDisabledException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KMSDisabledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KMSDisabled" unless the service sent another code.
func (e *KMSDisabledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSDisabled"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KMSDisabledException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KMSInvalidStateException is the SNS error of that name.
type KMSInvalidStateException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KMSInvalidStateException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KMSInvalidStateException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KMSInvalidState" unless the service sent another code.
func (e *KMSInvalidStateException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSInvalidState"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KMSInvalidStateException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KMSNotFoundException is the SNS error of that name.
type KMSNotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KMSNotFoundException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KMSNotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KMSNotFound" unless the service sent another code.
func (e *KMSNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSNotFound"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KMSNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KMSOptInRequired is the SNS error of that name.
type KMSOptInRequired struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KMSOptInRequired) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KMSOptInRequired) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KMSOptInRequired" unless the service sent another code.
func (e *KMSOptInRequired) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSOptInRequired"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KMSOptInRequired) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// KMSThrottlingException is the SNS error of that name.
type KMSThrottlingException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *KMSThrottlingException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *KMSThrottlingException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "KMSThrottling" unless the service sent another code.
func (e *KMSThrottlingException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "KMSThrottling"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *KMSThrottlingException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// NotFoundException is the SNS error of that name.
type NotFoundException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *NotFoundException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *NotFoundException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "NotFound" unless the service sent another code.
func (e *NotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "NotFound"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *NotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// OptedOutException is the SNS error of that name.
type OptedOutException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *OptedOutException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *OptedOutException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "OptedOut" unless the service sent another code.
func (e *OptedOutException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "OptedOut"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *OptedOutException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// PlatformApplicationDisabledException is the SNS error of that name.
type PlatformApplicationDisabledException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *PlatformApplicationDisabledException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *PlatformApplicationDisabledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "PlatformApplicationDisabled" unless the service sent another code.
func (e *PlatformApplicationDisabledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "PlatformApplicationDisabled"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *PlatformApplicationDisabledException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// ReplayLimitExceededException is the SNS error of that name.
type ReplayLimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ReplayLimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ReplayLimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ReplayLimitExceeded" unless the service sent another code.
func (e *ReplayLimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ReplayLimitExceeded"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ReplayLimitExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceNotFoundException is the SNS error of that name.
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

// ErrorCode returns "ResourceNotFound" unless the service sent another code.
func (e *ResourceNotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceNotFound"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ResourceNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// StaleTagException is the SNS error of that name.
type StaleTagException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *StaleTagException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *StaleTagException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "StaleTag" unless the service sent another code.
func (e *StaleTagException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "StaleTag"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *StaleTagException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// SubscriptionLimitExceededException is the SNS error of that name.
type SubscriptionLimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *SubscriptionLimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *SubscriptionLimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "SubscriptionLimitExceeded" unless the service sent another code.
func (e *SubscriptionLimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "SubscriptionLimitExceeded"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *SubscriptionLimitExceededException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// TagLimitExceededException is the SNS error of that name.
type TagLimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TagLimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TagLimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TagLimitExceeded" unless the service sent another code.
func (e *TagLimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TagLimitExceeded"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TagLimitExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TagPolicyException is the SNS error of that name.
type TagPolicyException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TagPolicyException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TagPolicyException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TagPolicy" unless the service sent another code.
func (e *TagPolicyException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TagPolicy"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TagPolicyException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ThrottledException is the SNS error of that name.
type ThrottledException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ThrottledException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ThrottledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "Throttled" unless the service sent another code.
func (e *ThrottledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "Throttled"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ThrottledException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TooManyEntriesInBatchRequestException is the SNS error of that name.
type TooManyEntriesInBatchRequestException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TooManyEntriesInBatchRequestException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TooManyEntriesInBatchRequestException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TooManyEntriesInBatchRequest" unless the service sent another code.
func (e *TooManyEntriesInBatchRequestException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TooManyEntriesInBatchRequest"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TooManyEntriesInBatchRequestException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// TopicLimitExceededException is the SNS error of that name.
type TopicLimitExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TopicLimitExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TopicLimitExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TopicLimitExceeded" unless the service sent another code.
func (e *TopicLimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TopicLimitExceeded"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TopicLimitExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// UserErrorException is the SNS error of that name.
type UserErrorException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *UserErrorException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *UserErrorException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "UserError" unless the service sent another code.
func (e *UserErrorException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "UserError"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *UserErrorException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ValidationException is the SNS error of that name.
type ValidationException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ValidationException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ValidationException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ValidationException" unless the service sent another code.
func (e *ValidationException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ValidationException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ValidationException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// VerificationException is the SNS error of that name.
type VerificationException struct {
	Message           *string
	ErrorCodeOverride *string
	Status            *string
}

// Error reads "<code>: <message>".
func (e *VerificationException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *VerificationException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "VerificationException" unless the service sent another code.
func (e *VerificationException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "VerificationException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *VerificationException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
