package types

// MessageSystemAttributeName names a message system attribute.
type MessageSystemAttributeName string

// Values of MessageSystemAttributeName.
const (
	MessageSystemAttributeNameAll                              MessageSystemAttributeName = "All"
	MessageSystemAttributeNameSenderId                         MessageSystemAttributeName = "SenderId"
	MessageSystemAttributeNameSentTimestamp                    MessageSystemAttributeName = "SentTimestamp"
	MessageSystemAttributeNameApproximateReceiveCount          MessageSystemAttributeName = "ApproximateReceiveCount"
	MessageSystemAttributeNameApproximateFirstReceiveTimestamp MessageSystemAttributeName = "ApproximateFirstReceiveTimestamp"
	MessageSystemAttributeNameSequenceNumber                   MessageSystemAttributeName = "SequenceNumber"
	MessageSystemAttributeNameMessageDeduplicationId           MessageSystemAttributeName = "MessageDeduplicationId"
	MessageSystemAttributeNameMessageGroupId                   MessageSystemAttributeName = "MessageGroupId"
	MessageSystemAttributeNameAWSTraceHeader                   MessageSystemAttributeName = "AWSTraceHeader"
	MessageSystemAttributeNameDeadLetterQueueSourceArn         MessageSystemAttributeName = "DeadLetterQueueSourceArn"
)

// Values returns every known value of MessageSystemAttributeName.
func (MessageSystemAttributeName) Values() []MessageSystemAttributeName {
	return []MessageSystemAttributeName{"All", "SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId", "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn"}
}

// QueueAttributeName names a queue attribute.
type QueueAttributeName string

// Values of QueueAttributeName.
const (
	QueueAttributeNameAll                                   QueueAttributeName = "All"
	QueueAttributeNamePolicy                                QueueAttributeName = "Policy"
	QueueAttributeNameVisibilityTimeout                     QueueAttributeName = "VisibilityTimeout"
	QueueAttributeNameMaximumMessageSize                    QueueAttributeName = "MaximumMessageSize"
	QueueAttributeNameMessageRetentionPeriod                QueueAttributeName = "MessageRetentionPeriod"
	QueueAttributeNameApproximateNumberOfMessages           QueueAttributeName = "ApproximateNumberOfMessages"
	QueueAttributeNameApproximateNumberOfMessagesNotVisible QueueAttributeName = "ApproximateNumberOfMessagesNotVisible"
	QueueAttributeNameCreatedTimestamp                      QueueAttributeName = "CreatedTimestamp"
	QueueAttributeNameLastModifiedTimestamp                 QueueAttributeName = "LastModifiedTimestamp"
	QueueAttributeNameQueueArn                              QueueAttributeName = "QueueArn"
	QueueAttributeNameApproximateNumberOfMessagesDelayed    QueueAttributeName = "ApproximateNumberOfMessagesDelayed"
	QueueAttributeNameDelaySeconds                          QueueAttributeName = "DelaySeconds"
	QueueAttributeNameReceiveMessageWaitTimeSeconds         QueueAttributeName = "ReceiveMessageWaitTimeSeconds"
	QueueAttributeNameRedrivePolicy                         QueueAttributeName = "RedrivePolicy"
	QueueAttributeNameFifoQueue                             QueueAttributeName = "FifoQueue"
	QueueAttributeNameContentBasedDeduplication             QueueAttributeName = "ContentBasedDeduplication"
	QueueAttributeNameKmsMasterKeyId                        QueueAttributeName = "KmsMasterKeyId"
	QueueAttributeNameKmsDataKeyReusePeriodSeconds          QueueAttributeName = "KmsDataKeyReusePeriodSeconds"
	QueueAttributeNameDeduplicationScope                    QueueAttributeName = "DeduplicationScope"
	QueueAttributeNameFifoThroughputLimit                   QueueAttributeName = "FifoThroughputLimit"
	QueueAttributeNameRedriveAllowPolicy                    QueueAttributeName = "RedriveAllowPolicy"
	QueueAttributeNameSqsManagedSseEnabled                  QueueAttributeName = "SqsManagedSseEnabled"
)

// Values returns every known value of QueueAttributeName.
func (QueueAttributeName) Values() []QueueAttributeName {
	return []QueueAttributeName{"All", "Policy", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn", "ApproximateNumberOfMessagesDelayed", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "FifoQueue", "ContentBasedDeduplication", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "DeduplicationScope", "FifoThroughputLimit", "RedriveAllowPolicy", "SqsManagedSseEnabled"}
}
