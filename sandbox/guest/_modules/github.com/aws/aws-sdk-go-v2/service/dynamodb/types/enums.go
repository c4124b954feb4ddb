package types

// AttributeAction is the action of a legacy AttributeValueUpdate.
type AttributeAction string

// Values of AttributeAction.
const (
	AttributeActionAdd    AttributeAction = "ADD"
	AttributeActionPut    AttributeAction = "PUT"
	AttributeActionDelete AttributeAction = "DELETE"
)

// Values returns every known value of AttributeAction.
func (AttributeAction) Values() []AttributeAction {
	return []AttributeAction{"ADD", "PUT", "DELETE"}
}

// BatchStatementErrorCodeEnum is the error code of one failed statement in BatchExecuteStatement.
type BatchStatementErrorCodeEnum string

// Values of BatchStatementErrorCodeEnum.
const (
	BatchStatementErrorCodeEnumConditionalCheckFailed          BatchStatementErrorCodeEnum = "ConditionalCheckFailed"
	BatchStatementErrorCodeEnumItemCollectionSizeLimitExceeded BatchStatementErrorCodeEnum = "ItemCollectionSizeLimitExceeded"
	BatchStatementErrorCodeEnumRequestLimitExceeded            BatchStatementErrorCodeEnum = "RequestLimitExceeded"
	BatchStatementErrorCodeEnumValidationError                 BatchStatementErrorCodeEnum = "ValidationError"
	BatchStatementErrorCodeEnumProvisionedThroughputExceeded   BatchStatementErrorCodeEnum = "ProvisionedThroughputExceeded"
	BatchStatementErrorCodeEnumTransactionConflict             BatchStatementErrorCodeEnum = "TransactionConflict"
	BatchStatementErrorCodeEnumThrottlingError                 BatchStatementErrorCodeEnum = "ThrottlingError"
	BatchStatementErrorCodeEnumInternalServerError             BatchStatementErrorCodeEnum = "InternalServerError"
	BatchStatementErrorCodeEnumResourceNotFound                BatchStatementErrorCodeEnum = "ResourceNotFound"
	BatchStatementErrorCodeEnumAccessDenied                    BatchStatementErrorCodeEnum = "AccessDenied"
	BatchStatementErrorCodeEnumDuplicateItem                   BatchStatementErrorCodeEnum = "DuplicateItem"
)

// Values returns every known value of BatchStatementErrorCodeEnum.
func (BatchStatementErrorCodeEnum) Values() []BatchStatementErrorCodeEnum {
	return []BatchStatementErrorCodeEnum{"ConditionalCheckFailed", "ItemCollectionSizeLimitExceeded", "RequestLimitExceeded", "ValidationError", "ProvisionedThroughputExceeded", "TransactionConflict", "ThrottlingError", "InternalServerError", "ResourceNotFound", "AccessDenied", "DuplicateItem"}
}

// BillingMode is how a table is billed: provisioned capacity or on demand.
type BillingMode string

// Values of BillingMode.
const (
	BillingModeProvisioned   BillingMode = "PROVISIONED"
	BillingModePayPerRequest BillingMode = "PAY_PER_REQUEST"
)

// Values returns every known value of BillingMode.
func (BillingMode) Values() []BillingMode {
	return []BillingMode{"PROVISIONED", "PAY_PER_REQUEST"}
}

// ComparisonOperator is the operator of a legacy Condition.
type ComparisonOperator string

// Values of ComparisonOperator.
const (
	ComparisonOperatorEq          ComparisonOperator = "EQ"
	ComparisonOperatorNe          ComparisonOperator = "NE"
	ComparisonOperatorIn          ComparisonOperator = "IN"
	ComparisonOperatorLe          ComparisonOperator = "LE"
	ComparisonOperatorLt          ComparisonOperator = "LT"
	ComparisonOperatorGe          ComparisonOperator = "GE"
	ComparisonOperatorGt          ComparisonOperator = "GT"
	ComparisonOperatorBetween     ComparisonOperator = "BETWEEN"
	ComparisonOperatorNotNull     ComparisonOperator = "NOT_NULL"
	ComparisonOperatorNull        ComparisonOperator = "NULL"
	ComparisonOperatorContains    ComparisonOperator = "CONTAINS"
	ComparisonOperatorNotContains ComparisonOperator = "NOT_CONTAINS"
	ComparisonOperatorBeginsWith  ComparisonOperator = "BEGINS_WITH"
)

// Values returns every known value of ComparisonOperator.
func (ComparisonOperator) Values() []ComparisonOperator {
	return []ComparisonOperator{"EQ", "NE", "IN", "LE", "LT", "GE", "GT", "BETWEEN", "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH"}
}

// ConditionalOperator joins legacy conditions.
type ConditionalOperator string

// Values of ConditionalOperator.
const (
	ConditionalOperatorAnd ConditionalOperator = "AND"
	ConditionalOperatorOr  ConditionalOperator = "OR"
)

// Values returns every known value of ConditionalOperator.
func (ConditionalOperator) Values() []ConditionalOperator {
	return []ConditionalOperator{"AND", "OR"}
}

// IndexStatus is the state of a global secondary index.
type IndexStatus string

// Values of IndexStatus.
const (
	IndexStatusCreating IndexStatus = "CREATING"
	IndexStatusUpdating IndexStatus = "UPDATING"
	IndexStatusDeleting IndexStatus = "DELETING"
	IndexStatusActive   IndexStatus = "ACTIVE"
)

// Values returns every known value of IndexStatus.
func (IndexStatus) Values() []IndexStatus {
	return []IndexStatus{"CREATING", "UPDATING", "DELETING", "ACTIVE"}
}

// KeyType is the role of a key attribute: partition (HASH) or sort (RANGE) key.
type KeyType string

// Values of KeyType.
const (
	KeyTypeHash  KeyType = "HASH"
	KeyTypeRange KeyType = "RANGE"
)

// Values returns every known value of KeyType.
func (KeyType) Values() []KeyType {
	return []KeyType{"HASH", "RANGE"}
}

// ProjectionType says which attributes an index copies.
type ProjectionType string

// Values of ProjectionType.
const (
	ProjectionTypeAll      ProjectionType = "ALL"
	ProjectionTypeKeysOnly ProjectionType = "KEYS_ONLY"
	ProjectionTypeInclude  ProjectionType = "INCLUDE"
)

// Values returns every known value of ProjectionType.
func (ProjectionType) Values() []ProjectionType {
	return []ProjectionType{"ALL", "KEYS_ONLY", "INCLUDE"}
}

// ReplicaStatus is the state of a global table replica.
type ReplicaStatus string

// Values of ReplicaStatus.
const (
	ReplicaStatusCreating                          ReplicaStatus = "CREATING"
	ReplicaStatusCreationFailed                    ReplicaStatus = "CREATION_FAILED"
	ReplicaStatusUpdating                          ReplicaStatus = "UPDATING"
	ReplicaStatusDeleting                          ReplicaStatus = "DELETING"
	ReplicaStatusActive                            ReplicaStatus = "ACTIVE"
	ReplicaStatusRegionDisabled                    ReplicaStatus = "REGION_DISABLED"
	ReplicaStatusInaccessibleEncryptionCredentials ReplicaStatus = "INACCESSIBLE_ENCRYPTION_CREDENTIALS"
	ReplicaStatusArchiving                         ReplicaStatus = "ARCHIVING"
	ReplicaStatusArchived                          ReplicaStatus = "ARCHIVED"
	ReplicaStatusReplicationNotAuthorized          ReplicaStatus = "REPLICATION_NOT_AUTHORIZED"
)

// Values returns every known value of ReplicaStatus.
func (ReplicaStatus) Values() []ReplicaStatus {
	return []ReplicaStatus{"CREATING", "CREATION_FAILED", "UPDATING", "DELETING", "ACTIVE", "REGION_DISABLED", "INACCESSIBLE_ENCRYPTION_CREDENTIALS", "ARCHIVING", "ARCHIVED", "REPLICATION_NOT_AUTHORIZED"}
}

// ReturnConsumedCapacity asks for the capacity an operation consumed.
type ReturnConsumedCapacity string

// Values of ReturnConsumedCapacity.
const (
	ReturnConsumedCapacityIndexes ReturnConsumedCapacity = "INDEXES"
	ReturnConsumedCapacityTotal   ReturnConsumedCapacity = "TOTAL"
	ReturnConsumedCapacityNone    ReturnConsumedCapacity = "NONE"
)

// Values returns every known value of ReturnConsumedCapacity.
func (ReturnConsumedCapacity) Values() []ReturnConsumedCapacity {
	return []ReturnConsumedCapacity{"INDEXES", "TOTAL", "NONE"}
}

// ReturnItemCollectionMetrics asks for item collection sizes after a write.
type ReturnItemCollectionMetrics string

// Values of ReturnItemCollectionMetrics.
const (
	ReturnItemCollectionMetricsSize ReturnItemCollectionMetrics = "SIZE"
	ReturnItemCollectionMetricsNone ReturnItemCollectionMetrics = "NONE"
)

// Values returns every known value of ReturnItemCollectionMetrics.
func (ReturnItemCollectionMetrics) Values() []ReturnItemCollectionMetrics {
	return []ReturnItemCollectionMetrics{"SIZE", "NONE"}
}

// ReturnValue says which item attributes a write returns.
type ReturnValue string

// Values of ReturnValue.
const (
	ReturnValueNone       ReturnValue = "NONE"
	ReturnValueAllOld     ReturnValue = "ALL_OLD"
	ReturnValueUpdatedOld ReturnValue = "UPDATED_OLD"
	ReturnValueAllNew     ReturnValue = "ALL_NEW"
	ReturnValueUpdatedNew ReturnValue = "UPDATED_NEW"
)

// Values returns every known value of ReturnValue.
func (ReturnValue) Values() []ReturnValue {
	return []ReturnValue{"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"}
}

// ReturnValuesOnConditionCheckFailure says whether a failed condition returns the item.
type ReturnValuesOnConditionCheckFailure string

// Values of ReturnValuesOnConditionCheckFailure.
const (
	ReturnValuesOnConditionCheckFailureAllOld ReturnValuesOnConditionCheckFailure = "ALL_OLD"
	ReturnValuesOnConditionCheckFailureNone   ReturnValuesOnConditionCheckFailure = "NONE"
)

// Values returns every known value of ReturnValuesOnConditionCheckFailure.
func (ReturnValuesOnConditionCheckFailure) Values() []ReturnValuesOnConditionCheckFailure {
	return []ReturnValuesOnConditionCheckFailure{"ALL_OLD", "NONE"}
}

// SSEStatus is the state of server-side encryption.
type SSEStatus string

// Values of SSEStatus.
const (
	SSEStatusEnabling  SSEStatus = "ENABLING"
	SSEStatusEnabled   SSEStatus = "ENABLED"
	SSEStatusDisabling SSEStatus = "DISABLING"
	SSEStatusDisabled  SSEStatus = "DISABLED"
	SSEStatusUpdating  SSEStatus = "UPDATING"
)

// Values returns every known value of SSEStatus.
func (SSEStatus) Values() []SSEStatus {
	return []SSEStatus{"ENABLING", "ENABLED", "DISABLING", "DISABLED", "UPDATING"}
}

// SSEType is the kind of server-side encryption.
type SSEType string

// Values of SSEType.
const (
	SSETypeAes256 SSEType = "AES256"
	SSETypeKms    SSEType = "KMS"
)

// Values returns every known value of SSEType.
func (SSEType) Values() []SSEType {
	return []SSEType{"AES256", "KMS"}
}

// ScalarAttributeType is the type of a key attribute: S, N or B.
type ScalarAttributeType string

// Values of ScalarAttributeType.
const (
	ScalarAttributeTypeS ScalarAttributeType = "S"
	ScalarAttributeTypeN ScalarAttributeType = "N"
	ScalarAttributeTypeB ScalarAttributeType = "B"
)

// Values returns every known value of ScalarAttributeType.
func (ScalarAttributeType) Values() []ScalarAttributeType {
	return []ScalarAttributeType{"S", "N", "B"}
}

// Select says which attributes Query and Scan return.
type Select string

// Values of Select.
const (
	SelectAllAttributes          Select = "ALL_ATTRIBUTES"
	SelectAllProjectedAttributes Select = "ALL_PROJECTED_ATTRIBUTES"
	SelectSpecificAttributes     Select = "SPECIFIC_ATTRIBUTES"
	SelectCount                  Select = "COUNT"
)

// Values returns every known value of Select.
func (Select) Values() []Select {
	return []Select{"ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"}
}

// StreamViewType says what a stream record holds.
type StreamViewType string

// Values of StreamViewType.
const (
	StreamViewTypeNewImage        StreamViewType = "NEW_IMAGE"
	StreamViewTypeOldImage        StreamViewType = "OLD_IMAGE"
	StreamViewTypeNewAndOldImages StreamViewType = "NEW_AND_OLD_IMAGES"
	StreamViewTypeKeysOnly        StreamViewType = "KEYS_ONLY"
)

// Values returns every known value of StreamViewType.
func (StreamViewType) Values() []StreamViewType {
	return []StreamViewType{"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"}
}

// TableClass is a table's storage class.
type TableClass string

// Values of TableClass.
const (
	TableClassStandard                 TableClass = "STANDARD"
	TableClassStandardInfrequentAccess TableClass = "STANDARD_INFREQUENT_ACCESS"
)

// Values returns every known value of TableClass.
func (TableClass) Values() []TableClass {
	return []TableClass{"STANDARD", "STANDARD_INFREQUENT_ACCESS"}
}

// TableStatus is the state of a table.
type TableStatus string

// Values of TableStatus.
const (
	TableStatusCreating                          TableStatus = "CREATING"
	TableStatusUpdating                          TableStatus = "UPDATING"
	TableStatusDeleting                          TableStatus = "DELETING"
	TableStatusActive                            TableStatus = "ACTIVE"
	TableStatusInaccessibleEncryptionCredentials TableStatus = "INACCESSIBLE_ENCRYPTION_CREDENTIALS"
	TableStatusArchiving                         TableStatus = "ARCHIVING"
	TableStatusArchived                          TableStatus = "ARCHIVED"
	TableStatusReplicationNotAuthorized          TableStatus = "REPLICATION_NOT_AUTHORIZED"
)

// Values returns every known value of TableStatus.
func (TableStatus) Values() []TableStatus {
	return []TableStatus{"CREATING", "UPDATING", "DELETING", "ACTIVE", "INACCESSIBLE_ENCRYPTION_CREDENTIALS", "ARCHIVING", "ARCHIVED", "REPLICATION_NOT_AUTHORIZED"}
}

// TimeToLiveStatus is the state of a table's TTL setting.
type TimeToLiveStatus string

// Values of TimeToLiveStatus.
const (
	TimeToLiveStatusEnabling  TimeToLiveStatus = "ENABLING"
	TimeToLiveStatusDisabling TimeToLiveStatus = "DISABLING"
	TimeToLiveStatusEnabled   TimeToLiveStatus = "ENABLED"
	TimeToLiveStatusDisabled  TimeToLiveStatus = "DISABLED"
)

// Values returns every known value of TimeToLiveStatus.
func (TimeToLiveStatus) Values() []TimeToLiveStatus {
	return []TimeToLiveStatus{"ENABLING", "DISABLING", "ENABLED", "DISABLED"}
}
