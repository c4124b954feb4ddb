package sqs

// Code generated from the AWS API model (shape names, required members,
// error names); DO NOT EDIT.

import "github.com/aws/aws-sdk-go-v2/service/sqs/types"

// required maps shape names to the members the SDK checks before sending,
// in its order: "Name" must be set, "+Name" is checked inside (see awscall.Validate).
var required = map[string][]string{
	"ChangeMessageVisibilityBatchInput":        {"QueueUrl", "Entries", "+Entries"},
	"ChangeMessageVisibilityBatchRequestEntry": {"Id", "ReceiptHandle"},
	"ChangeMessageVisibilityInput":             {"QueueUrl", "ReceiptHandle"},
	"CreateQueueInput":                         {"QueueName"},
	"DeleteMessageBatchInput":                  {"QueueUrl", "Entries", "+Entries"},
	"DeleteMessageBatchRequestEntry":           {"Id", "ReceiptHandle"},
	"DeleteMessageInput":                       {"QueueUrl", "ReceiptHandle"},
	"DeleteQueueInput":                         {"QueueUrl"},
	"GetQueueAttributesInput":                  {"QueueUrl"},
	"GetQueueUrlInput":                         {"QueueName"},
	"MessageAttributeValue":                    {"DataType"},
	"MessageSystemAttributeValue":              {"DataType"},
	"PurgeQueueInput":                          {"QueueUrl"},
	"ReceiveMessageInput":                      {"QueueUrl"},
	"SendMessageBatchInput":                    {"QueueUrl", "Entries", "+Entries"},
	"SendMessageBatchRequestEntry":             {"Id", "MessageBody", "+MessageAttributes", "+MessageSystemAttributes"},
	"SendMessageInput":                         {"QueueUrl", "MessageBody", "+MessageAttributes", "+MessageSystemAttributes"},
	"SetQueueAttributesInput":                  {"QueueUrl", "Attributes"},
}

// newModelledError returns a zero value of the error type for code, or nil.
func newModelledError(code string) any {
	switch code {
	case "BatchEntryIdsNotDistinct":
		return &types.BatchEntryIdsNotDistinct{}
	case "BatchRequestTooLong":
		return &types.BatchRequestTooLong{}
	case "EmptyBatchRequest":
		return &types.EmptyBatchRequest{}
	case "InvalidAddress":
		return &types.InvalidAddress{}
	case "InvalidAttributeName":
		return &types.InvalidAttributeName{}
	case "InvalidAttributeValue":
		return &types.InvalidAttributeValue{}
	case "InvalidBatchEntryId":
		return &types.InvalidBatchEntryId{}
	case "InvalidIdFormat":
		return &types.InvalidIdFormat{}
	case "InvalidMessageContents":
		return &types.InvalidMessageContents{}
	case "InvalidSecurity":
		return &types.InvalidSecurity{}
	case "KmsAccessDenied":
		return &types.KmsAccessDenied{}
	case "KmsDisabled":
		return &types.KmsDisabled{}
	case "KmsInvalidKeyUsage":
		return &types.KmsInvalidKeyUsage{}
	case "KmsInvalidState":
		return &types.KmsInvalidState{}
	case "KmsNotFound":
		return &types.KmsNotFound{}
	case "KmsOptInRequired":
		return &types.KmsOptInRequired{}
	case "KmsThrottled":
		return &types.KmsThrottled{}
	case "MessageNotInflight":
		return &types.MessageNotInflight{}
	case "OverLimit":
		return &types.OverLimit{}
	case "PurgeQueueInProgress":
		return &types.PurgeQueueInProgress{}
	case "QueueDeletedRecently":
		return &types.QueueDeletedRecently{}
	case "QueueDoesNotExist":
		return &types.QueueDoesNotExist{}
	case "QueueNameExists":
		return &types.QueueNameExists{}
	case "ReceiptHandleIsInvalid":
		return &types.ReceiptHandleIsInvalid{}
	case "RequestThrottled":
		return &types.RequestThrottled{}
	case "ResourceNotFoundException":
		return &types.ResourceNotFoundException{}
	case "TooManyEntriesInBatchRequest":
		return &types.TooManyEntriesInBatchRequest{}
	case "UnsupportedOperation":
		return &types.UnsupportedOperation{}
	}
	return nil
}
