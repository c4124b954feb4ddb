package sesv2

// Code generated from the AWS API model (shape names, required members,
// error names); DO NOT EDIT.

import "github.com/aws/aws-sdk-go-v2/service/sesv2/types"

// required lists each operation's required top-level members, checked
// before sending as the SDK's validation does.
var required = map[string][]string{
	"SendEmail": {"Content"},
}

// newModelledError returns a zero value of the error type for code, or nil.
func newModelledError(code string) any {
	switch code {
	case "AccountSuspendedException":
		return &types.AccountSuspendedException{}
	case "AlreadyExistsException":
		return &types.AlreadyExistsException{}
	case "BadRequestException":
		return &types.BadRequestException{}
	case "ConcurrentModificationException":
		return &types.ConcurrentModificationException{}
	case "ConflictException":
		return &types.ConflictException{}
	case "InternalServiceErrorException":
		return &types.InternalServiceErrorException{}
	case "InvalidNextTokenException":
		return &types.InvalidNextTokenException{}
	case "LimitExceededException":
		return &types.LimitExceededException{}
	case "MailFromDomainNotVerifiedException":
		return &types.MailFromDomainNotVerifiedException{}
	case "MessageRejected":
		return &types.MessageRejected{}
	case "NotFoundException":
		return &types.NotFoundException{}
	case "SendingPausedException":
		return &types.SendingPausedException{}
	case "TooManyRequestsException":
		return &types.TooManyRequestsException{}
	}
	return nil
}
