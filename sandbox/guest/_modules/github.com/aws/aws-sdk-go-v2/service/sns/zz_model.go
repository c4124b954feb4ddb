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
	case "AuthorizationError", "AuthorizationErrorException":
		return &types.AuthorizationErrorException{}
	case "BatchEntryIdsNotDistinct", "BatchEntryIdsNotDistinctException":
		return &types.BatchEntryIdsNotDistinctException{}
	case "BatchRequestTooLong", "BatchRequestTooLongException":
		return &types.BatchRequestTooLongException{}
	case "ConcurrentAccess", "ConcurrentAccessException":
		return &types.ConcurrentAccessException{}
	case "EmptyBatchRequest", "EmptyBatchRequestException":
		return &types.EmptyBatchRequestException{}
	case "EndpointDisabled", "EndpointDisabledException":
		return &types.EndpointDisabledException{}
	case "FilterPolicyLimitExceeded", "FilterPolicyLimitExceededException":
		return &types.FilterPolicyLimitExceededException{}
	case "InternalError", "InternalErrorException":
		return &types.InternalErrorException{}
	case "InvalidBatchEntryId", "InvalidBatchEntryIdException":
		return &types.InvalidBatchEntryIdException{}
	case "InvalidParameter", "InvalidParameterException":
		return &types.InvalidParameterException{}
	case "ParameterValueInvalid", "InvalidParameterValueException":
		return &types.InvalidParameterValueException{}
	case "InvalidSecurity", "InvalidSecurityException":
		return &types.InvalidSecurityException{}
	case "InvalidState", "InvalidStateException":
		return &types.InvalidStateException{}
	case "KMSAccessDenied", "KMSAccessDeniedException":
		return &types.KMSAccessDeniedException{}
	case "KMSDisabled", "KMSDisabledException":
		return &types.KMSDisabledException{}
	case "KMSInvalidState", "KMSInvalidStateException":
		return &types.KMSInvalidStateException{}
	case "KMSNotFound", "KMSNotFoundException":
		return &types.KMSNotFoundException{}
	case "KMSOptInRequired":
		return &types.KMSOptInRequired{}
	case "KMSThrottling", "KMSThrottlingException":
		return &types.KMSThrottlingException{}
	case "NotFound", "NotFoundException":
		return &types.NotFoundException{}
	case "OptedOut", "OptedOutException":
		return &types.OptedOutException{}
	case "PlatformApplicationDisabled", "PlatformApplicationDisabledException":
		return &types.PlatformApplicationDisabledException{}
	case "ReplayLimitExceeded", "ReplayLimitExceededException":
		return &types.ReplayLimitExceededException{}
	case "ResourceNotFound", "ResourceNotFoundException":
		return &types.ResourceNotFoundException{}
	case "StaleTag", "StaleTagException":
		return &types.StaleTagException{}
	case "SubscriptionLimitExceeded", "SubscriptionLimitExceededException":
		return &types.SubscriptionLimitExceededException{}
	case "TagLimitExceeded", "TagLimitExceededException":
		return &types.TagLimitExceededException{}
	case "TagPolicy", "TagPolicyException":
		return &types.TagPolicyException{}
	case "Throttled", "ThrottledException":
		return &types.ThrottledException{}
	case "TooManyEntriesInBatchRequest", "TooManyEntriesInBatchRequestException":
		return &types.TooManyEntriesInBatchRequestException{}
	case "TopicLimitExceeded", "TopicLimitExceededException":
		return &types.TopicLimitExceededException{}
	case "UserError", "UserErrorException":
		return &types.UserErrorException{}
	case "ValidationException":
		return &types.ValidationException{}
	case "VerificationException":
		return &types.VerificationException{}
	}
	return nil
}
