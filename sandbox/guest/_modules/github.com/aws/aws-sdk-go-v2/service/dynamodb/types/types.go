package types

import "time"

// ArchivalSummary describes an archived table.
type ArchivalSummary struct {
	ArchivalBackupArn *string
	ArchivalDateTime  *time.Time
	ArchivalReason    *string
}

// AttributeDefinition declares the type of an attribute used in a key of
// the table or of an index.
type AttributeDefinition struct {
	AttributeName *string
	AttributeType ScalarAttributeType
}

// AttributeValueUpdate is a legacy UpdateItem change (AttributeUpdates).
type AttributeValueUpdate struct {
	Action AttributeAction
	Value  AttributeValue
}

// BatchStatementError is why one statement of BatchExecuteStatement failed.
type BatchStatementError struct {
	Code    BatchStatementErrorCodeEnum
	Item    map[string]AttributeValue
	Message *string
}

// BatchStatementRequest is one PartiQL statement of BatchExecuteStatement.
type BatchStatementRequest struct {
	Statement                           *string
	ConsistentRead                      *bool
	Parameters                          []AttributeValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
}

// BatchStatementResponse is the result of one statement of
// BatchExecuteStatement.
type BatchStatementResponse struct {
	Error     *BatchStatementError
	Item      map[string]AttributeValue
	TableName *string
}

// BillingModeSummary says how a table is billed.
type BillingModeSummary struct {
	BillingMode                       BillingMode
	LastUpdateToPayPerRequestDateTime *time.Time
}

// CancellationReason says why one action of a cancelled transaction failed
// ("None" for the actions that did not).
type CancellationReason struct {
	Code    *string
	Item    map[string]AttributeValue
	Message *string
}

// Capacity is the capacity consumed on one table or index.
type Capacity struct {
	CapacityUnits      *float64
	ReadCapacityUnits  *float64
	WriteCapacityUnits *float64
}

// Condition is a legacy comparison (KeyConditions, QueryFilter, ScanFilter).
type Condition struct {
	ComparisonOperator ComparisonOperator
	AttributeValueList []AttributeValue
}

// ConditionCheck is a transaction action that only checks a condition.
type ConditionCheck struct {
	ConditionExpression                 *string
	Key                                 map[string]AttributeValue
	TableName                           *string
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           map[string]AttributeValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
}

// ConsumedCapacity is the capacity an operation consumed, when asked for
// with ReturnConsumedCapacity.
type ConsumedCapacity struct {
	CapacityUnits          *float64
	GlobalSecondaryIndexes map[string]Capacity
	LocalSecondaryIndexes  map[string]Capacity
	ReadCapacityUnits      *float64
	Table                  *Capacity
	TableName              *string
	WriteCapacityUnits     *float64
}

// CreateGlobalSecondaryIndexAction adds an index in UpdateTable.
type CreateGlobalSecondaryIndexAction struct {
	IndexName             *string
	KeySchema             []KeySchemaElement
	Projection            *Projection
	OnDemandThroughput    *OnDemandThroughput
	ProvisionedThroughput *ProvisionedThroughput
	WarmThroughput        *WarmThroughput
}

// Delete is a transaction action that deletes an item.
type Delete struct {
	Key                                 map[string]AttributeValue
	TableName                           *string
	ConditionExpression                 *string
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           map[string]AttributeValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
}

// DeleteGlobalSecondaryIndexAction removes an index in UpdateTable.
type DeleteGlobalSecondaryIndexAction struct {
	IndexName *string
}

// DeleteRequest is a delete inside BatchWriteItem.
type DeleteRequest struct {
	Key map[string]AttributeValue
}

// ExpectedAttributeValue is a legacy condition (Expected).
type ExpectedAttributeValue struct {
	AttributeValueList []AttributeValue
	ComparisonOperator ComparisonOperator
	Exists             *bool
	Value              AttributeValue
}

// Get is a transaction action that reads an item.
type Get struct {
	Key                      map[string]AttributeValue
	TableName                *string
	ExpressionAttributeNames map[string]string
	ProjectionExpression     *string
}

// GlobalSecondaryIndex declares a global secondary index in CreateTable.
type GlobalSecondaryIndex struct {
	IndexName             *string
	KeySchema             []KeySchemaElement
	Projection            *Projection
	OnDemandThroughput    *OnDemandThroughput
	ProvisionedThroughput *ProvisionedThroughput
	WarmThroughput        *WarmThroughput
}

// GlobalSecondaryIndexDescription describes a global secondary index.
type GlobalSecondaryIndexDescription struct {
	Backfilling           *bool
	IndexArn              *string
	IndexName             *string
	IndexSizeBytes        *int64
	IndexStatus           IndexStatus
	ItemCount             *int64
	KeySchema             []KeySchemaElement
	OnDemandThroughput    *OnDemandThroughput
	Projection            *Projection
	ProvisionedThroughput *ProvisionedThroughputDescription
	WarmThroughput        *GlobalSecondaryIndexWarmThroughputDescription
}

// GlobalSecondaryIndexUpdate is one index change in UpdateTable: set
// exactly one of Create, Update or Delete.
type GlobalSecondaryIndexUpdate struct {
	Create *CreateGlobalSecondaryIndexAction
	Delete *DeleteGlobalSecondaryIndexAction
	Update *UpdateGlobalSecondaryIndexAction
}

// GlobalSecondaryIndexWarmThroughputDescription describes an index's warm
// throughput.
type GlobalSecondaryIndexWarmThroughputDescription struct {
	ReadUnitsPerSecond  *int64
	Status              IndexStatus
	WriteUnitsPerSecond *int64
}

// ItemCollectionMetrics estimates the size of an item collection (items
// sharing a partition key in a table with local secondary indexes).
type ItemCollectionMetrics struct {
	ItemCollectionKey   map[string]AttributeValue
	SizeEstimateRangeGB []float64
}

// ItemResponse is one item read by TransactGetItems or ExecuteTransaction.
type ItemResponse struct {
	Item map[string]AttributeValue
}

// KeySchemaElement is one attribute of a table's or index's primary key.
type KeySchemaElement struct {
	AttributeName *string
	KeyType       KeyType
}

// KeysAndAttributes lists the keys BatchGetItem reads from one table.
type KeysAndAttributes struct {
	Keys                     []map[string]AttributeValue
	AttributesToGet          []string
	ConsistentRead           *bool
	ExpressionAttributeNames map[string]string
	ProjectionExpression     *string
}

// LocalSecondaryIndex declares a local secondary index in CreateTable.
type LocalSecondaryIndex struct {
	IndexName  *string
	KeySchema  []KeySchemaElement
	Projection *Projection
}

// LocalSecondaryIndexDescription describes a local secondary index.
type LocalSecondaryIndexDescription struct {
	IndexArn       *string
	IndexName      *string
	IndexSizeBytes *int64
	ItemCount      *int64
	KeySchema      []KeySchemaElement
	Projection     *Projection
}

// OnDemandThroughput caps an on-demand table's or index's throughput.
type OnDemandThroughput struct {
	MaxReadRequestUnits  *int64
	MaxWriteRequestUnits *int64
}

// ParameterizedStatement is one PartiQL statement of ExecuteTransaction.
type ParameterizedStatement struct {
	Statement                           *string
	Parameters                          []AttributeValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
}

// Projection says which attributes an index copies from the table.
type Projection struct {
	NonKeyAttributes []string
	ProjectionType   ProjectionType
}

// ProvisionedThroughput sets read and write capacity units.
type ProvisionedThroughput struct {
	ReadCapacityUnits  *int64
	WriteCapacityUnits *int64
}

// ProvisionedThroughputDescription describes provisioned capacity.
type ProvisionedThroughputDescription struct {
	LastDecreaseDateTime   *time.Time
	LastIncreaseDateTime   *time.Time
	NumberOfDecreasesToday *int64
	ReadCapacityUnits      *int64
	WriteCapacityUnits     *int64
}

// Put is a transaction action that writes an item.
type Put struct {
	Item                                map[string]AttributeValue
	TableName                           *string
	ConditionExpression                 *string
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           map[string]AttributeValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
}

// PutRequest is a put inside BatchWriteItem.
type PutRequest struct {
	Item map[string]AttributeValue
}

// RestoreSummary describes a restored table's origin.
type RestoreSummary struct {
	RestoreDateTime   *time.Time
	RestoreInProgress *bool
	SourceBackupArn   *string
	SourceTableArn    *string
}

// SSEDescription describes a table's server-side encryption.
type SSEDescription struct {
	InaccessibleEncryptionDateTime *time.Time
	KMSMasterKeyArn                *string
	SSEType                        SSEType
	Status                         SSEStatus
}

// SSESpecification requests server-side encryption settings.
type SSESpecification struct {
	Enabled        *bool
	KMSMasterKeyId *string
	SSEType        SSEType
}

// StreamSpecification turns a table's stream on or off and chooses what
// its records hold.
type StreamSpecification struct {
	StreamEnabled  *bool
	StreamViewType StreamViewType
}

// TableClassSummary describes a table's storage class.
type TableClassSummary struct {
	LastUpdateDateTime *time.Time
	TableClass         TableClass
}

// TableDescription describes a table: keys, indexes, stream, status, size.
type TableDescription struct {
	ArchivalSummary           *ArchivalSummary
	AttributeDefinitions      []AttributeDefinition
	BillingModeSummary        *BillingModeSummary
	CreationDateTime          *time.Time
	DeletionProtectionEnabled *bool
	GlobalSecondaryIndexes    []GlobalSecondaryIndexDescription
	GlobalTableVersion        *string
	ItemCount                 *int64
	KeySchema                 []KeySchemaElement
	LatestStreamArn           *string
	LatestStreamLabel         *string
	LocalSecondaryIndexes     []LocalSecondaryIndexDescription
	OnDemandThroughput        *OnDemandThroughput
	ProvisionedThroughput     *ProvisionedThroughputDescription
	RestoreSummary            *RestoreSummary
	SSEDescription            *SSEDescription
	StreamSpecification       *StreamSpecification
	TableArn                  *string
	TableClassSummary         *TableClassSummary
	TableId                   *string
	TableName                 *string
	TableSizeBytes            *int64
	TableStatus               TableStatus
	WarmThroughput            *TableWarmThroughputDescription
}

// TableWarmThroughputDescription describes a table's warm throughput.
type TableWarmThroughputDescription struct {
	ReadUnitsPerSecond  *int64
	Status              TableStatus
	WriteUnitsPerSecond *int64
}

// Tag is a key/value label on a table.
type Tag struct {
	Key   *string
	Value *string
}

// ThrottlingReason says which limit a throttled request hit.
type ThrottlingReason struct {
	Reason   *string `wire:"reason"`
	Resource *string `wire:"resource"`
}

// TimeToLiveDescription describes a table's TTL setting.
type TimeToLiveDescription struct {
	AttributeName    *string
	TimeToLiveStatus TimeToLiveStatus
}

// TimeToLiveSpecification turns TTL on or off for an attribute.
type TimeToLiveSpecification struct {
	AttributeName *string
	Enabled       *bool
}

// TransactGetItem is one read of TransactGetItems.
type TransactGetItem struct {
	Get *Get
}

// TransactWriteItem is one action of TransactWriteItems: set exactly one
// of ConditionCheck, Delete, Put or Update.
type TransactWriteItem struct {
	ConditionCheck *ConditionCheck
	Delete         *Delete
	Put            *Put
	Update         *Update
}

// Update is a transaction action that updates an item.
type Update struct {
	Key                                 map[string]AttributeValue
	TableName                           *string
	UpdateExpression                    *string
	ConditionExpression                 *string
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           map[string]AttributeValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
}

// UpdateGlobalSecondaryIndexAction changes an index's throughput.
type UpdateGlobalSecondaryIndexAction struct {
	IndexName             *string
	OnDemandThroughput    *OnDemandThroughput
	ProvisionedThroughput *ProvisionedThroughput
	WarmThroughput        *WarmThroughput
}

// WarmThroughput requests pre-warmed throughput.
type WarmThroughput struct {
	ReadUnitsPerSecond  *int64
	WriteUnitsPerSecond *int64
}

// WriteRequest is one write of BatchWriteItem: set exactly one of
// PutRequest or DeleteRequest.
type WriteRequest struct {
	DeleteRequest *DeleteRequest
	PutRequest    *PutRequest
}
