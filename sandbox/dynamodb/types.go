package dynamodb

import "encoding/json"

// Request and response shapes, with the JSON names of DynamoDB's API.
// The in-process JSON door decodes into these; Go callers fill them in.

// legacy holds the pre-expression parameters, which this simulation
// rejects with a ValidationException naming the expression to use.
type legacy struct {
	Expected            json.RawMessage `json:"Expected,omitempty"`
	AttributesToGet     json.RawMessage `json:"AttributesToGet,omitempty"`
	KeyConditions       json.RawMessage `json:"KeyConditions,omitempty"`
	ScanFilter          json.RawMessage `json:"ScanFilter,omitempty"`
	QueryFilter         json.RawMessage `json:"QueryFilter,omitempty"`
	AttributeUpdates    json.RawMessage `json:"AttributeUpdates,omitempty"`
	ConditionalOperator json.RawMessage `json:"ConditionalOperator,omitempty"`
}

func (l *legacy) check() *Error {
	pairs := []struct {
		name string
		raw  json.RawMessage
		use  string
	}{
		{"Expected", l.Expected, "ConditionExpression"},
		{"AttributesToGet", l.AttributesToGet, "ProjectionExpression"},
		{"KeyConditions", l.KeyConditions, "KeyConditionExpression"},
		{"ScanFilter", l.ScanFilter, "FilterExpression"},
		{"QueryFilter", l.QueryFilter, "FilterExpression"},
		{"AttributeUpdates", l.AttributeUpdates, "UpdateExpression"},
		{"ConditionalOperator", l.ConditionalOperator, "AND/OR inside an expression"},
	}
	for _, p := range pairs {
		if len(p.raw) > 0 && string(p.raw) != "null" {
			return validationf("The legacy parameter %s is not supported by this simulation; use %s instead", p.name, p.use)
		}
	}
	return nil
}

// ExprParams are the expression parameters shared by many operations.
type ExprParams struct {
	ExpressionAttributeNames  map[string]string `json:"ExpressionAttributeNames,omitempty"`
	ExpressionAttributeValues Item              `json:"ExpressionAttributeValues,omitempty"`
}

// ConsumedCapacity reports capacity units as DynamoDB does.
type ConsumedCapacity struct {
	TableName              string              `json:"TableName,omitempty"`
	CapacityUnits          float64             `json:"CapacityUnits"`
	ReadCapacityUnits      float64             `json:"ReadCapacityUnits,omitempty"`
	WriteCapacityUnits     float64             `json:"WriteCapacityUnits,omitempty"`
	Table                  *Capacity           `json:"Table,omitempty"`
	GlobalSecondaryIndexes map[string]Capacity `json:"GlobalSecondaryIndexes,omitempty"`
	LocalSecondaryIndexes  map[string]Capacity `json:"LocalSecondaryIndexes,omitempty"`
}

// Capacity is the per-table or per-index part of ConsumedCapacity.
type Capacity struct {
	CapacityUnits      float64 `json:"CapacityUnits"`
	ReadCapacityUnits  float64 `json:"ReadCapacityUnits,omitempty"`
	WriteCapacityUnits float64 `json:"WriteCapacityUnits,omitempty"`
}

// GetItemInput is GetItem's request.
type GetItemInput struct {
	TableName              string `json:"TableName"`
	Key                    Item   `json:"Key"`
	ConsistentRead         bool   `json:"ConsistentRead,omitempty"`
	ProjectionExpression   string `json:"ProjectionExpression,omitempty"`
	ReturnConsumedCapacity string `json:"ReturnConsumedCapacity,omitempty"`
	ExprParams
	legacy
}

// GetItemOutput is GetItem's response.
type GetItemOutput struct {
	Item             Item              `json:"Item,omitempty"`
	ConsumedCapacity *ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

// PutItemInput is PutItem's request.
type PutItemInput struct {
	TableName                           string `json:"TableName"`
	Item                                Item   `json:"Item"`
	ConditionExpression                 string `json:"ConditionExpression,omitempty"`
	ReturnValues                        string `json:"ReturnValues,omitempty"`
	ReturnValuesOnConditionCheckFailure string `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
	ReturnConsumedCapacity              string `json:"ReturnConsumedCapacity,omitempty"`
	ReturnItemCollectionMetrics         string `json:"ReturnItemCollectionMetrics,omitempty"`
	ExprParams
	legacy
}

// WriteOutput is the response of PutItem, UpdateItem and DeleteItem.
type WriteOutput struct {
	Attributes       Item              `json:"Attributes,omitempty"`
	ConsumedCapacity *ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

// DeleteItemInput is DeleteItem's request.
type DeleteItemInput struct {
	TableName                           string `json:"TableName"`
	Key                                 Item   `json:"Key"`
	ConditionExpression                 string `json:"ConditionExpression,omitempty"`
	ReturnValues                        string `json:"ReturnValues,omitempty"`
	ReturnValuesOnConditionCheckFailure string `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
	ReturnConsumedCapacity              string `json:"ReturnConsumedCapacity,omitempty"`
	ReturnItemCollectionMetrics         string `json:"ReturnItemCollectionMetrics,omitempty"`
	ExprParams
	legacy
}

// UpdateItemInput is UpdateItem's request.
type UpdateItemInput struct {
	TableName                           string `json:"TableName"`
	Key                                 Item   `json:"Key"`
	UpdateExpression                    string `json:"UpdateExpression,omitempty"`
	ConditionExpression                 string `json:"ConditionExpression,omitempty"`
	ReturnValues                        string `json:"ReturnValues,omitempty"`
	ReturnValuesOnConditionCheckFailure string `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
	ReturnConsumedCapacity              string `json:"ReturnConsumedCapacity,omitempty"`
	ReturnItemCollectionMetrics         string `json:"ReturnItemCollectionMetrics,omitempty"`
	ExprParams
	legacy
}

// QueryInput is Query's request.
type QueryInput struct {
	TableName              string `json:"TableName"`
	IndexName              string `json:"IndexName,omitempty"`
	KeyConditionExpression string `json:"KeyConditionExpression,omitempty"`
	FilterExpression       string `json:"FilterExpression,omitempty"`
	ProjectionExpression   string `json:"ProjectionExpression,omitempty"`
	Select                 string `json:"Select,omitempty"`
	Limit                  *int   `json:"Limit,omitempty"`
	ConsistentRead         bool   `json:"ConsistentRead,omitempty"`
	ScanIndexForward       *bool  `json:"ScanIndexForward,omitempty"`
	ExclusiveStartKey      Item   `json:"ExclusiveStartKey,omitempty"`
	ReturnConsumedCapacity string `json:"ReturnConsumedCapacity,omitempty"`
	ExprParams
	legacy
}

// ScanInput is Scan's request.
type ScanInput struct {
	TableName              string `json:"TableName"`
	IndexName              string `json:"IndexName,omitempty"`
	FilterExpression       string `json:"FilterExpression,omitempty"`
	ProjectionExpression   string `json:"ProjectionExpression,omitempty"`
	Select                 string `json:"Select,omitempty"`
	Limit                  *int   `json:"Limit,omitempty"`
	ConsistentRead         bool   `json:"ConsistentRead,omitempty"`
	ExclusiveStartKey      Item   `json:"ExclusiveStartKey,omitempty"`
	Segment                *int   `json:"Segment,omitempty"`
	TotalSegments          *int   `json:"TotalSegments,omitempty"`
	ReturnConsumedCapacity string `json:"ReturnConsumedCapacity,omitempty"`
	ExprParams
	legacy
}

// QueryOutput is the response of Query and Scan.
type QueryOutput struct {
	Items            []Item            `json:"Items,omitempty"`
	Count            int               `json:"Count"`
	ScannedCount     int               `json:"ScannedCount"`
	LastEvaluatedKey Item              `json:"LastEvaluatedKey,omitempty"`
	ConsumedCapacity *ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}
