package events

// KinesisEvent is a batch of Kinesis Data Streams records delivered by an
// event source mapping, in order per shard.
type KinesisEvent struct {
	Records []KinesisEventRecord `json:"Records"`
}

// KinesisEventRecord wraps one stream record with where it came from.
type KinesisEventRecord struct {
	AwsRegion         string        `json:"awsRegion"`
	EventID           string        `json:"eventID"` // "shardId-…:<sequence number>"
	EventName         string        `json:"eventName"`
	EventSource       string        `json:"eventSource"`
	EventSourceArn    string        `json:"eventSourceARN"`
	EventVersion      string        `json:"eventVersion"`
	InvokeIdentityArn string        `json:"invokeIdentityArn"`
	Kinesis           KinesisRecord `json:"kinesis"`
}

// KinesisRecord is the data record. Data arrives base64-encoded in the JSON
// and is decoded into bytes here.
type KinesisRecord struct {
	ApproximateArrivalTimestamp SecondsEpochTime `json:"approximateArrivalTimestamp"`
	Data                        []byte           `json:"data"`
	EncryptionType              string           `json:"encryptionType,omitempty"`
	PartitionKey                string           `json:"partitionKey"`
	SequenceNumber              string           `json:"sequenceNumber"`
	KinesisSchemaVersion        string           `json:"kinesisSchemaVersion"`
}

// KinesisEventResponse reports partial batch failures to a Kinesis event
// source mapping.
type KinesisEventResponse struct {
	BatchItemFailures []KinesisBatchItemFailure `json:"batchItemFailures"`
}

// KinesisBatchItemFailure names a failed record by its sequence number.
type KinesisBatchItemFailure struct {
	ItemIdentifier string `json:"itemIdentifier"`
}
