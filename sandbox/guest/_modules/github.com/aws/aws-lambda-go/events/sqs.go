package events

// SQSEvent is a batch of messages an SQS event source mapping received.
type SQSEvent struct {
	Records []SQSMessage `json:"Records"`
}

// SQSMessage is one received message. Attributes holds system attributes
// (ApproximateReceiveCount, SentTimestamp, ...); MessageAttributes holds the
// sender's own.
type SQSMessage struct {
	MessageId              string                         `json:"messageId"` //nolint:revive // upstream's name
	ReceiptHandle          string                         `json:"receiptHandle"`
	Body                   string                         `json:"body"`
	Md5OfBody              string                         `json:"md5OfBody"`
	Md5OfMessageAttributes string                         `json:"md5OfMessageAttributes"`
	Attributes             map[string]string              `json:"attributes"`
	MessageAttributes      map[string]SQSMessageAttribute `json:"messageAttributes"`
	EventSourceARN         string                         `json:"eventSourceARN"`
	EventSource            string                         `json:"eventSource"`
	AWSRegion              string                         `json:"awsRegion"`
}

// SQSMessageAttribute is a sender-defined message attribute; DataType is
// "String", "Number" or "Binary" (optionally with a ".custom" suffix).
type SQSMessageAttribute struct {
	StringValue      *string  `json:"stringValue,omitempty"`
	BinaryValue      []byte   `json:"binaryValue,omitempty"`
	StringListValues []string `json:"stringListValues"`
	BinaryListValues [][]byte `json:"binaryListValues"`
	DataType         string   `json:"dataType"`
}

// SQSEventResponse reports partial batch failures (the event source mapping
// needs ReportBatchItemFailures): only the listed messages return to the
// queue; the rest are deleted.
type SQSEventResponse struct {
	BatchItemFailures []SQSBatchItemFailure `json:"batchItemFailures"`
}

// SQSBatchItemFailure names a failed message by its MessageId.
type SQSBatchItemFailure struct {
	ItemIdentifier string `json:"itemIdentifier"`
}
