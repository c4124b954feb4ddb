// Package types holds the data types and errors of the SQS guest client,
// with the AWS SDK's names and fields.
package types

// BatchResultErrorEntry is one failed entry of a batch call.
type BatchResultErrorEntry struct {
	Code        *string
	Id          *string
	SenderFault bool `wire:",always"`
	Message     *string
}

// ChangeMessageVisibilityBatchRequestEntry is one message of ChangeMessageVisibilityBatch.
type ChangeMessageVisibilityBatchRequestEntry struct {
	Id                *string
	ReceiptHandle     *string
	VisibilityTimeout int32 `wire:",always"`
}

// ChangeMessageVisibilityBatchResultEntry is one changed message of ChangeMessageVisibilityBatch.
type ChangeMessageVisibilityBatchResultEntry struct {
	Id *string
}

// DeleteMessageBatchRequestEntry is one message of DeleteMessageBatch.
type DeleteMessageBatchRequestEntry struct {
	Id            *string
	ReceiptHandle *string
}

// DeleteMessageBatchResultEntry is one deleted message of DeleteMessageBatch.
type DeleteMessageBatchResultEntry struct {
	Id *string
}

// Message is a received message: body, attributes and the receipt handle needed to delete it.
type Message struct {
	Attributes             map[string]string
	Body                   *string
	MD5OfBody              *string
	MD5OfMessageAttributes *string
	MessageAttributes      map[string]MessageAttributeValue
	MessageId              *string
	ReceiptHandle          *string
}

// MessageAttributeValue is a typed message attribute (DataType String, Number or Binary).
type MessageAttributeValue struct {
	DataType         *string
	BinaryListValues [][]byte
	BinaryValue      []byte
	StringListValues []string
	StringValue      *string
}

// MessageSystemAttributeValue is a system attribute set by the sender (AWSTraceHeader).
type MessageSystemAttributeValue struct {
	DataType         *string
	BinaryListValues [][]byte
	BinaryValue      []byte
	StringListValues []string
	StringValue      *string
}

// SendMessageBatchRequestEntry is one message of SendMessageBatch; Id is yours, unique within the batch.
type SendMessageBatchRequestEntry struct {
	Id                      *string
	MessageBody             *string
	DelaySeconds            int32
	MessageAttributes       map[string]MessageAttributeValue
	MessageDeduplicationId  *string
	MessageGroupId          *string
	MessageSystemAttributes map[string]MessageSystemAttributeValue
}

// SendMessageBatchResultEntry is one delivered message of SendMessageBatch.
type SendMessageBatchResultEntry struct {
	Id                           *string
	MD5OfMessageBody             *string
	MessageId                    *string
	MD5OfMessageAttributes       *string
	MD5OfMessageSystemAttributes *string
	SequenceNumber               *string
}
