package types

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// Every error below implements smithy.APIError; find one with errors.As.
// Errors without a type here arrive as *smithy.GenericAPIError.

// AccountSuspendedException is the SESv2 error of that name.
type AccountSuspendedException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *AccountSuspendedException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *AccountSuspendedException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "AccountSuspendedException" unless the service sent another code.
func (e *AccountSuspendedException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "AccountSuspendedException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *AccountSuspendedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// AlreadyExistsException is the SESv2 error of that name.
type AlreadyExistsException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *AlreadyExistsException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *AlreadyExistsException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "AlreadyExistsException" unless the service sent another code.
func (e *AlreadyExistsException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "AlreadyExistsException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *AlreadyExistsException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// BadRequestException is the SESv2 error of that name.
type BadRequestException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *BadRequestException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *BadRequestException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "BadRequestException" unless the service sent another code.
func (e *BadRequestException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "BadRequestException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *BadRequestException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ConcurrentModificationException is the SESv2 error of that name.
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
func (e *ConcurrentModificationException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// ConflictException is the SESv2 error of that name.
type ConflictException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *ConflictException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *ConflictException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "ConflictException" unless the service sent another code.
func (e *ConflictException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "ConflictException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *ConflictException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InternalServiceErrorException is the SESv2 error of that name.
type InternalServiceErrorException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InternalServiceErrorException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InternalServiceErrorException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InternalServiceErrorException" unless the service sent another code.
func (e *InternalServiceErrorException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InternalServiceErrorException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InternalServiceErrorException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// InvalidNextTokenException is the SESv2 error of that name.
type InvalidNextTokenException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *InvalidNextTokenException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *InvalidNextTokenException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "InvalidNextTokenException" unless the service sent another code.
func (e *InvalidNextTokenException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "InvalidNextTokenException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *InvalidNextTokenException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// LimitExceededException is the SESv2 error of that name.
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

// MailFromDomainNotVerifiedException is the SESv2 error of that name.
type MailFromDomainNotVerifiedException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *MailFromDomainNotVerifiedException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *MailFromDomainNotVerifiedException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "MailFromDomainNotVerifiedException" unless the service sent another code.
func (e *MailFromDomainNotVerifiedException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "MailFromDomainNotVerifiedException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *MailFromDomainNotVerifiedException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// MessageRejected is the SESv2 error of that name.
type MessageRejected struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *MessageRejected) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *MessageRejected) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "MessageRejected" unless the service sent another code.
func (e *MessageRejected) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "MessageRejected"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *MessageRejected) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// NotFoundException is the SESv2 error of that name.
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

// ErrorCode returns "NotFoundException" unless the service sent another code.
func (e *NotFoundException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "NotFoundException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *NotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// SendingPausedException is the SESv2 error of that name.
type SendingPausedException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *SendingPausedException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *SendingPausedException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "SendingPausedException" unless the service sent another code.
func (e *SendingPausedException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "SendingPausedException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *SendingPausedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TooManyRequestsException is the SESv2 error of that name.
type TooManyRequestsException struct {
	Message           *string
	ErrorCodeOverride *string
}

// Error reads "<code>: <message>".
func (e *TooManyRequestsException) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

// ErrorMessage returns the service's message.
func (e *TooManyRequestsException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

// ErrorCode returns "TooManyRequestsException" unless the service sent another code.
func (e *TooManyRequestsException) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "TooManyRequestsException"
	}
	return *e.ErrorCodeOverride
}

// ErrorFault says who is at fault.
func (e *TooManyRequestsException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
