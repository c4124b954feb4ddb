package sesv2

// Code generated from the AWS API model (shape names, required members,
// error names); DO NOT EDIT.

import "github.com/aws/aws-sdk-go-v2/service/sesv2/types"

// required maps shape names to the members the SDK checks before sending,
// in its order: "Name" must be set, "+Name" is checked inside (see awscall.Validate).
var required = map[string][]string{
	"Attachment":            {"RawContent", "FileName"},
	"Body":                  {"+Text", "+Html"},
	"Content":               {"Data"},
	"EmailContent":          {"+Simple", "+Raw", "+Template"},
	"ListManagementOptions": {"ContactListName"},
	"Message":               {"Subject", "+Subject", "Body", "+Body", "+Headers", "+Attachments"},
	"MessageHeader":         {"Name", "Value"},
	"MessageTag":            {"Name", "Value"},
	"RawMessage":            {"Data"},
	"SendEmailInput":        {"Content", "+Content", "+EmailTags", "+ListManagementOptions"},
	"Template":              {"+Headers", "+Attachments"},
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
