package sns

// Code generated from the AWS API model (shape names, required members,
// error names); DO NOT EDIT.

import "github.com/aws/aws-sdk-go-v2/service/sns/types"

// required maps shape names to the members the SDK checks before sending,
// in its order: "Name" must be set, "+Name" is checked inside (see awscall.Validate).
var required = map[string][]string{
	"CreateTopicInput":         {"Name", "+Tags"},
	"MessageAttributeValue":    {"DataType"},
	"PublishBatchInput":        {"TopicArn", "PublishBatchRequestEntries", "+PublishBatchRequestEntries"},
	"PublishBatchRequestEntry": {"Id", "Message", "+MessageAttributes"},
	"PublishInput":             {"Message", "+MessageAttributes"},
	"SubscribeInput":           {"TopicArn", "Protocol"},
	"Tag":                      {"Key", "Value"},
}

// newModelledError returns a zero value of the error type for code, or nil.
func newModelledError(code string) any {
	switch code {
	case "AuthorizationError":
		return &types.AuthorizationErrorException{}
	case "BatchEntryIdsNotDistinct":
		return &types.BatchEntryIdsNotDistinctException{}
	case "BatchRequestTooLong":
		return &types.BatchRequestTooLongException{}
	case "ConcurrentAccess":
		return &types.ConcurrentAccessException{}
	case "EmptyBatchRequest":
		return &types.EmptyBatchRequestException{}
	case "EndpointDisabled":
		return &types.EndpointDisabledException{}
	case "FilterPolicyLimitExceeded":
		return &types.FilterPolicyLimitExceededException{}
	case "InternalError":
		return &types.InternalErrorException{}
	case "InvalidBatchEntryId":
		return &types.InvalidBatchEntryIdException{}
	case "InvalidParameter":
		return &types.InvalidParameterException{}
	case "ParameterValueInvalid":
		return &types.InvalidParameterValueException{}
	case "InvalidSecurity":
		return &types.InvalidSecurityException{}
	case "InvalidState":
		return &types.InvalidStateException{}
	case "KMSAccessDenied":
		return &types.KMSAccessDeniedException{}
	case "KMSDisabled":
		return &types.KMSDisabledException{}
	case "KMSInvalidState":
		return &types.KMSInvalidStateException{}
	case "KMSNotFound":
		return &types.KMSNotFoundException{}
	case "KMSOptInRequired":
		return &types.KMSOptInRequired{}
	case "KMSThrottling":
		return &types.KMSThrottlingException{}
	case "NotFound":
		return &types.NotFoundException{}
	case "OptedOut":
		return &types.OptedOutException{}
	case "PlatformApplicationDisabled":
		return &types.PlatformApplicationDisabledException{}
	case "ReplayLimitExceeded":
		return &types.ReplayLimitExceededException{}
	case "ResourceNotFound":
		return &types.ResourceNotFoundException{}
	case "StaleTag":
		return &types.StaleTagException{}
	case "SubscriptionLimitExceeded":
		return &types.SubscriptionLimitExceededException{}
	case "TagLimitExceeded":
		return &types.TagLimitExceededException{}
	case "TagPolicy":
		return &types.TagPolicyException{}
	case "Throttled":
		return &types.ThrottledException{}
	case "TooManyEntriesInBatchRequest":
		return &types.TooManyEntriesInBatchRequestException{}
	case "TopicLimitExceeded":
		return &types.TopicLimitExceededException{}
	case "UserError":
		return &types.UserErrorException{}
	case "ValidationException":
		return &types.ValidationException{}
	case "VerificationException":
		return &types.VerificationException{}
	}
	return nil
}
