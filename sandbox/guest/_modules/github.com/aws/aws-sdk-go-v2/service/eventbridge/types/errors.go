package types

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// Every error below implements smithy.APIError; find one with errors.As.
// Errors without a type here arrive as *smithy.GenericAPIError.

// AccessDeniedException is the EventBridge error of that name.
type AccessDeniedException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *AccessDeniedException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *AccessDeniedException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "AccessDeniedException" unless the service sent another code.
func (e *AccessDeniedException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "AccessDeniedException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *AccessDeniedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ConcurrentModificationException is the EventBridge error of that name.
type ConcurrentModificationException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ConcurrentModificationException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ConcurrentModificationException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ConcurrentModificationException" unless the service sent another code.
func (e *ConcurrentModificationException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ConcurrentModificationException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ConcurrentModificationException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// IllegalStatusException is the EventBridge error of that name.
type IllegalStatusException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *IllegalStatusException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *IllegalStatusException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "IllegalStatusException" unless the service sent another code.
func (e *IllegalStatusException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "IllegalStatusException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *IllegalStatusException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InternalException is the EventBridge error of that name.
type InternalException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InternalException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InternalException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InternalException" unless the service sent another code.
func (e *InternalException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InternalException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InternalException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// InvalidEventPatternException is the EventBridge error of that name.
type InvalidEventPatternException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidEventPatternException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidEventPatternException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidEventPatternException" unless the service sent another code.
func (e *InvalidEventPatternException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidEventPatternException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidEventPatternException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidStateException is the EventBridge error of that name.
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

// ErrorCode returns "InvalidStateException" unless the service sent another code.
func (e *InvalidStateException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidStateException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidStateException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// LimitExceededException is the EventBridge error of that name.
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

// ErrorCode returns "LimitExceededException" unless the service sent another code.
func (e *LimitExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "LimitExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *LimitExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ManagedRuleException is the EventBridge error of that name.
type ManagedRuleException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ManagedRuleException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ManagedRuleException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ManagedRuleException" unless the service sent another code.
func (e *ManagedRuleException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ManagedRuleException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ManagedRuleException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// OperationDisabledException is the EventBridge error of that name.
type OperationDisabledException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *OperationDisabledException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *OperationDisabledException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "OperationDisabledException" unless the service sent another code.
func (e *OperationDisabledException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "OperationDisabledException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *OperationDisabledException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// PolicyLengthExceededException is the EventBridge error of that name.
type PolicyLengthExceededException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *PolicyLengthExceededException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *PolicyLengthExceededException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "PolicyLengthExceededException" unless the service sent another code.
func (e *PolicyLengthExceededException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "PolicyLengthExceededException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *PolicyLengthExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceAlreadyExistsException is the EventBridge error of that name.
type ResourceAlreadyExistsException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ResourceAlreadyExistsException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ResourceAlreadyExistsException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ResourceAlreadyExistsException" unless the service sent another code.
func (e *ResourceAlreadyExistsException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ResourceAlreadyExistsException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ResourceAlreadyExistsException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ResourceNotFoundException is the EventBridge error of that name.
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

// ThrottlingException is the EventBridge error of that name.
type ThrottlingException struct {
	Message           *string
	ErrorCodeOverride *string
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

// ErrorCode returns "ThrottlingException" unless the service sent another code.
func (e *ThrottlingException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ThrottlingException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ThrottlingException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
