// Package types holds the data types and errors of the SNS guest client,
// with the AWS SDK's names and fields.
package types

// BatchResultErrorEntry is one failed entry of PublishBatch.
type BatchResultErrorEntry struct {
	Code        *string
	Id          *string
	SenderFault bool `wire:",always"`
	Message     *string
}

// MessageAttributeValue is a typed message attribute (DataType String, String.Array, Number or Binary), used by filter policies.
type MessageAttributeValue struct {
	DataType    *string
	BinaryValue []byte
	StringValue *string
}

// PublishBatchRequestEntry is one message of PublishBatch; Id is yours, unique within the batch.
type PublishBatchRequestEntry struct {
	Id                     *string
	Message                *string
	MessageAttributes      map[string]MessageAttributeValue
	MessageDeduplicationId *string
	MessageGroupId         *string
	MessageStructure       *string
	Subject                *string
}

// PublishBatchResultEntry is one published message of PublishBatch.
type PublishBatchResultEntry struct {
	Id             *string
	MessageId      *string
	SequenceNumber *string
}

// Tag is a key/value label on a topic.
type Tag struct {
	Key   *string
	Value *string
}

// Topic is a topic ARN returned by ListTopics.
type Topic struct {
	TopicArn *string
}
