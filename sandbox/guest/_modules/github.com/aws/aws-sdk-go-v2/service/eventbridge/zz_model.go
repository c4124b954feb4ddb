package eventbridge

// Code generated from the AWS API model (shape names, required members,
// error names); DO NOT EDIT.

import "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

// required maps shape names to the members the SDK checks before sending,
// in its order: "Name" must be set, "+Name" is checked inside (see awscall.Validate).
var required = map[string][]string{
	"PutEventsInput":        {"Entries"},
	"TestEventPatternInput": {"EventPattern", "Event"},
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
