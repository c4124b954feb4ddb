package eventbridge

// Code generated from the AWS API model (shape names, required members,
// error names); DO NOT EDIT.

import "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

// required lists each operation's required top-level members, checked
// before sending as the SDK's validation does.
var required = map[string][]string{
	"PutEvents":        {"Entries"},
	"TestEventPattern": {"EventPattern", "Event"},
}

// newModelledError returns a zero value of the error type for code, or nil.
func newModelledError(code string) any {
	switch code {
	case "AccessDeniedException":
		return &types.AccessDeniedException{}
	case "ConcurrentModificationException":
		return &types.ConcurrentModificationException{}
	case "IllegalStatusException":
		return &types.IllegalStatusException{}
	case "InternalException":
		return &types.InternalException{}
	case "InvalidEventPatternException":
		return &types.InvalidEventPatternException{}
	case "InvalidStateException":
		return &types.InvalidStateException{}
	case "LimitExceededException":
		return &types.LimitExceededException{}
	case "ManagedRuleException":
		return &types.ManagedRuleException{}
	case "OperationDisabledException":
		return &types.OperationDisabledException{}
	case "PolicyLengthExceededException":
		return &types.PolicyLengthExceededException{}
	case "ResourceAlreadyExistsException":
		return &types.ResourceAlreadyExistsException{}
	case "ResourceNotFoundException":
		return &types.ResourceNotFoundException{}
	case "ThrottlingException":
		return &types.ThrottlingException{}
	}
	return nil
}
