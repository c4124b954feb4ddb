package events

// DynamoDBEvent is a batch of DynamoDB Streams records, delivered by an event
// source mapping in the order the changes happened to each item.
type DynamoDBEvent struct {
	Records []DynamoDBEventRecord `json:"Records"`
}

// DynamoDBEventRecord is one change to one item.
type DynamoDBEventRecord struct {
	AWSRegion string `json:"awsRegion"`
	// Change holds the keys and, depending on the stream's view type, the
	// item's images before and after the change.
	Change         DynamoDBStreamRecord `json:"dynamodb"`
	EventID        string               `json:"eventID"`
	EventName      string               `json:"eventName"` // INSERT, MODIFY or REMOVE
	EventSource    string               `json:"eventSource"`
	EventVersion   string               `json:"eventVersion"`
	EventSourceArn string               `json:"eventSourceARN"` // the stream's ARN
	// UserIdentity is set for deletions made by Time to Live.
	UserIdentity *DynamoDBUserIdentity `json:"userIdentity,omitempty"`
}

// DynamoDBUserIdentity names who made a change; for TTL deletions the type
// is "Service" and the principal "dynamodb.amazonaws.com".
type DynamoDBUserIdentity struct {
	Type        string `json:"type"`
	PrincipalID string `json:"principalId"`
}

// DynamoDBStreamRecord is the stream's description of a change.
type DynamoDBStreamRecord struct {
	ApproximateCreationDateTime SecondsEpochTime                  `json:"ApproximateCreationDateTime,omitempty"`
	Keys                        map[string]DynamoDBAttributeValue `json:"Keys,omitempty"`
	NewImage                    map[string]DynamoDBAttributeValue `json:"NewImage,omitempty"`
	OldImage                    map[string]DynamoDBAttributeValue `json:"OldImage,omitempty"`
	SequenceNumber              string                            `json:"SequenceNumber"`
	SizeBytes                   int64                             `json:"SizeBytes"`
	StreamViewType              string                            `json:"StreamViewType"`
}

// DynamoDBEventResponse reports partial batch failures to a DynamoDB event
// source mapping (with ReportBatchItemFailures enabled).
type DynamoDBEventResponse struct {
	BatchItemFailures []DynamoDBBatchItemFailure `json:"batchItemFailures"`
}

// DynamoDBBatchItemFailure names a failed record by its SequenceNumber.
type DynamoDBBatchItemFailure struct {
	ItemIdentifier string `json:"itemIdentifier"`
}

// DynamoDBKeyType is the role of a key attribute.
type DynamoDBKeyType string

// Key attribute roles.
const (
	DynamoDBKeyTypeHash  DynamoDBKeyType = "HASH"
	DynamoDBKeyTypeRange DynamoDBKeyType = "RANGE"
)

// DynamoDBOperationType is a record's EventName.
type DynamoDBOperationType string

// Record event names.
const (
	DynamoDBOperationTypeInsert DynamoDBOperationType = "INSERT"
	DynamoDBOperationTypeModify DynamoDBOperationType = "MODIFY"
	DynamoDBOperationTypeRemove DynamoDBOperationType = "REMOVE"
)

// DynamoDBSharedIteratorType is where a shard iterator starts (the name,
// typo included, is the upstream package's).
type DynamoDBSharedIteratorType string

// Shard iterator types.
const (
	DynamoDBShardIteratorTypeTrimHorizon         DynamoDBSharedIteratorType = "TRIM_HORIZON"
	DynamoDBShardIteratorTypeLatest              DynamoDBSharedIteratorType = "LATEST"
	DynamoDBShardIteratorTypeAtSequenceNumber    DynamoDBSharedIteratorType = "AT_SEQUENCE_NUMBER"
	DynamoDBShardIteratorTypeAfterSequenceNumber DynamoDBSharedIteratorType = "AFTER_SEQUENCE_NUMBER"
)

// DynamoDBStreamStatus is the state of a table's stream.
type DynamoDBStreamStatus string

// Stream states.
const (
	DynamoDBStreamStatusEnabling  DynamoDBStreamStatus = "ENABLING"
	DynamoDBStreamStatusEnabled   DynamoDBStreamStatus = "ENABLED"
	DynamoDBStreamStatusDisabling DynamoDBStreamStatus = "DISABLING"
	DynamoDBStreamStatusDisabled  DynamoDBStreamStatus = "DISABLED"
)

// DynamoDBStreamViewType says which images a stream record carries.
type DynamoDBStreamViewType string

// Stream view types.
const (
	DynamoDBStreamViewTypeNewImage        DynamoDBStreamViewType = "NEW_IMAGE"
	DynamoDBStreamViewTypeOldImage        DynamoDBStreamViewType = "OLD_IMAGE"
	DynamoDBStreamViewTypeNewAndOldImages DynamoDBStreamViewType = "NEW_AND_OLD_IMAGES"
	DynamoDBStreamViewTypeKeysOnly        DynamoDBStreamViewType = "KEYS_ONLY"
)
