package dynamodb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// PutItemInput is the input of PutItem.
type PutItemInput struct {
	Item                                map[string]types.AttributeValue
	TableName                           *string
	ConditionExpression                 *string
	ConditionalOperator                 types.ConditionalOperator
	Expected                            map[string]types.ExpectedAttributeValue
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           map[string]types.AttributeValue
	ReturnConsumedCapacity              types.ReturnConsumedCapacity
	ReturnItemCollectionMetrics         types.ReturnItemCollectionMetrics
	ReturnValues                        types.ReturnValue
	ReturnValuesOnConditionCheckFailure types.ReturnValuesOnConditionCheckFailure
}

// PutItemOutput is the result of PutItem.
type PutItemOutput struct {
	Attributes            map[string]types.AttributeValue
	ConsumedCapacity      *types.ConsumedCapacity
	ItemCollectionMetrics *types.ItemCollectionMetrics
}

// PutItem creates a new item, or replaces an old item with a new item.
func (c *Client) PutItem(ctx context.Context, params *PutItemInput, optFns ...func(*Options)) (*PutItemOutput, error) {
	if params == nil {
		params = &PutItemInput{}
	}
	out := &PutItemOutput{}
	if err := c.invoke(ctx, "PutItem", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// GetItemInput is the input of GetItem.
type GetItemInput struct {
	Key                      map[string]types.AttributeValue
	TableName                *string
	AttributesToGet          []string
	ConsistentRead           *bool
	ExpressionAttributeNames map[string]string
	ProjectionExpression     *string
	ReturnConsumedCapacity   types.ReturnConsumedCapacity
}

// GetItemOutput is the result of GetItem.
type GetItemOutput struct {
	ConsumedCapacity *types.ConsumedCapacity
	Item             map[string]types.AttributeValue
}

// GetItem returns the attributes of the item with the given primary key (no Item when there is none).
func (c *Client) GetItem(ctx context.Context, params *GetItemInput, optFns ...func(*Options)) (*GetItemOutput, error) {
	if params == nil {
		params = &GetItemInput{}
	}
	out := &GetItemOutput{}
	if err := c.invoke(ctx, "GetItem", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateItemInput is the input of UpdateItem.
type UpdateItemInput struct {
	Key                                 map[string]types.AttributeValue
	TableName                           *string
	AttributeUpdates                    map[string]types.AttributeValueUpdate
	ConditionExpression                 *string
	ConditionalOperator                 types.ConditionalOperator
	Expected                            map[string]types.ExpectedAttributeValue
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           map[string]types.AttributeValue
	ReturnConsumedCapacity              types.ReturnConsumedCapacity
	ReturnItemCollectionMetrics         types.ReturnItemCollectionMetrics
	ReturnValues                        types.ReturnValue
	ReturnValuesOnConditionCheckFailure types.ReturnValuesOnConditionCheckFailure
	UpdateExpression                    *string
}

// UpdateItemOutput is the result of UpdateItem.
type UpdateItemOutput struct {
	Attributes            map[string]types.AttributeValue
	ConsumedCapacity      *types.ConsumedCapacity
	ItemCollectionMetrics *types.ItemCollectionMetrics
}

// UpdateItem edits an existing item's attributes, or adds a new item if none exists, with an update expression.
func (c *Client) UpdateItem(ctx context.Context, params *UpdateItemInput, optFns ...func(*Options)) (*UpdateItemOutput, error) {
	if params == nil {
		params = &UpdateItemInput{}
	}
	out := &UpdateItemOutput{}
	if err := c.invoke(ctx, "UpdateItem", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteItemInput is the input of DeleteItem.
type DeleteItemInput struct {
	Key                                 map[string]types.AttributeValue
	TableName                           *string
	ConditionExpression                 *string
	ConditionalOperator                 types.ConditionalOperator
	Expected                            map[string]types.ExpectedAttributeValue
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           map[string]types.AttributeValue
	ReturnConsumedCapacity              types.ReturnConsumedCapacity
	ReturnItemCollectionMetrics         types.ReturnItemCollectionMetrics
	ReturnValues                        types.ReturnValue
	ReturnValuesOnConditionCheckFailure types.ReturnValuesOnConditionCheckFailure
}

// DeleteItemOutput is the result of DeleteItem.
type DeleteItemOutput struct {
	Attributes            map[string]types.AttributeValue
	ConsumedCapacity      *types.ConsumedCapacity
	ItemCollectionMetrics *types.ItemCollectionMetrics
}

// DeleteItem deletes the item with the given primary key.
func (c *Client) DeleteItem(ctx context.Context, params *DeleteItemInput, optFns ...func(*Options)) (*DeleteItemOutput, error) {
	if params == nil {
		params = &DeleteItemInput{}
	}
	out := &DeleteItemOutput{}
	if err := c.invoke(ctx, "DeleteItem", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// QueryInput is the input of Query.
type QueryInput struct {
	TableName                 *string
	AttributesToGet           []string
	ConditionalOperator       types.ConditionalOperator
	ConsistentRead            *bool
	ExclusiveStartKey         map[string]types.AttributeValue
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues map[string]types.AttributeValue
	FilterExpression          *string
	IndexName                 *string
	KeyConditionExpression    *string
	KeyConditions             map[string]types.Condition
	Limit                     *int32
	ProjectionExpression      *string
	QueryFilter               map[string]types.Condition
	ReturnConsumedCapacity    types.ReturnConsumedCapacity
	ScanIndexForward          *bool
	Select                    types.Select
}

// QueryOutput is the result of Query.
type QueryOutput struct {
	ConsumedCapacity *types.ConsumedCapacity
	Count            int32
	Items            []map[string]types.AttributeValue
	LastEvaluatedKey map[string]types.AttributeValue
	ScannedCount     int32
}

// Query returns the items with one partition key value, optionally narrowed by sort key, from a table or index, one page at a time.
func (c *Client) Query(ctx context.Context, params *QueryInput, optFns ...func(*Options)) (*QueryOutput, error) {
	if params == nil {
		params = &QueryInput{}
	}
	out := &QueryOutput{}
	if err := c.invoke(ctx, "Query", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// QueryAPIClient is the part of Client that calls Query; paginators take it, and tests can fake it.
type QueryAPIClient interface {
	Query(context.Context, *QueryInput, ...func(*Options)) (*QueryOutput, error)
}

var _ QueryAPIClient = (*Client)(nil)

// ScanInput is the input of Scan.
type ScanInput struct {
	TableName                 *string
	AttributesToGet           []string
	ConditionalOperator       types.ConditionalOperator
	ConsistentRead            *bool
	ExclusiveStartKey         map[string]types.AttributeValue
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues map[string]types.AttributeValue
	FilterExpression          *string
	IndexName                 *string
	Limit                     *int32
	ProjectionExpression      *string
	ReturnConsumedCapacity    types.ReturnConsumedCapacity
	ScanFilter                map[string]types.Condition
	Segment                   *int32
	Select                    types.Select
	TotalSegments             *int32
}

// ScanOutput is the result of Scan.
type ScanOutput struct {
	ConsumedCapacity *types.ConsumedCapacity
	Count            int32
	Items            []map[string]types.AttributeValue
	LastEvaluatedKey map[string]types.AttributeValue
	ScannedCount     int32
}

// Scan reads every item of a table or index, one page at a time.
func (c *Client) Scan(ctx context.Context, params *ScanInput, optFns ...func(*Options)) (*ScanOutput, error) {
	if params == nil {
		params = &ScanInput{}
	}
	out := &ScanOutput{}
	if err := c.invoke(ctx, "Scan", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ScanAPIClient is the part of Client that calls Scan; paginators take it, and tests can fake it.
type ScanAPIClient interface {
	Scan(context.Context, *ScanInput, ...func(*Options)) (*ScanOutput, error)
}

var _ ScanAPIClient = (*Client)(nil)

// BatchGetItemInput is the input of BatchGetItem.
type BatchGetItemInput struct {
	RequestItems           map[string]types.KeysAndAttributes
	ReturnConsumedCapacity types.ReturnConsumedCapacity
}

// BatchGetItemOutput is the result of BatchGetItem.
type BatchGetItemOutput struct {
	ConsumedCapacity []types.ConsumedCapacity
	Responses        map[string][]map[string]types.AttributeValue
	UnprocessedKeys  map[string]types.KeysAndAttributes
}

// BatchGetItem reads up to 100 items from one or more tables; keys it could not read come back in UnprocessedKeys.
func (c *Client) BatchGetItem(ctx context.Context, params *BatchGetItemInput, optFns ...func(*Options)) (*BatchGetItemOutput, error) {
	if params == nil {
		params = &BatchGetItemInput{}
	}
	out := &BatchGetItemOutput{}
	if err := c.invoke(ctx, "BatchGetItem", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchGetItemAPIClient is the part of Client that calls BatchGetItem; paginators take it, and tests can fake it.
type BatchGetItemAPIClient interface {
	BatchGetItem(context.Context, *BatchGetItemInput, ...func(*Options)) (*BatchGetItemOutput, error)
}

var _ BatchGetItemAPIClient = (*Client)(nil)

// BatchWriteItemInput is the input of BatchWriteItem.
type BatchWriteItemInput struct {
	RequestItems                map[string][]types.WriteRequest
	ReturnConsumedCapacity      types.ReturnConsumedCapacity
	ReturnItemCollectionMetrics types.ReturnItemCollectionMetrics
}

// BatchWriteItemOutput is the result of BatchWriteItem.
type BatchWriteItemOutput struct {
	ConsumedCapacity      []types.ConsumedCapacity
	ItemCollectionMetrics map[string][]types.ItemCollectionMetrics
	UnprocessedItems      map[string][]types.WriteRequest
}

// BatchWriteItem puts or deletes up to 25 items in one or more tables; writes it could not make come back in UnprocessedItems.
func (c *Client) BatchWriteItem(ctx context.Context, params *BatchWriteItemInput, optFns ...func(*Options)) (*BatchWriteItemOutput, error) {
	if params == nil {
		params = &BatchWriteItemInput{}
	}
	out := &BatchWriteItemOutput{}
	if err := c.invoke(ctx, "BatchWriteItem", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// TransactGetItemsInput is the input of TransactGetItems.
type TransactGetItemsInput struct {
	TransactItems          []types.TransactGetItem
	ReturnConsumedCapacity types.ReturnConsumedCapacity
}

// TransactGetItemsOutput is the result of TransactGetItems.
type TransactGetItemsOutput struct {
	ConsumedCapacity []types.ConsumedCapacity
	Responses        []types.ItemResponse
}

// TransactGetItems reads up to 100 items atomically.
func (c *Client) TransactGetItems(ctx context.Context, params *TransactGetItemsInput, optFns ...func(*Options)) (*TransactGetItemsOutput, error) {
	if params == nil {
		params = &TransactGetItemsInput{}
	}
	out := &TransactGetItemsOutput{}
	if err := c.invoke(ctx, "TransactGetItems", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// TransactWriteItemsInput is the input of TransactWriteItems.
type TransactWriteItemsInput struct {
	TransactItems               []types.TransactWriteItem
	ClientRequestToken          *string
	ReturnConsumedCapacity      types.ReturnConsumedCapacity
	ReturnItemCollectionMetrics types.ReturnItemCollectionMetrics
}

// TransactWriteItemsOutput is the result of TransactWriteItems.
type TransactWriteItemsOutput struct {
	ConsumedCapacity      []types.ConsumedCapacity
	ItemCollectionMetrics map[string][]types.ItemCollectionMetrics
}

// TransactWriteItems applies up to 100 puts, updates, deletes and condition checks atomically: all succeed or none does.
func (c *Client) TransactWriteItems(ctx context.Context, params *TransactWriteItemsInput, optFns ...func(*Options)) (*TransactWriteItemsOutput, error) {
	if params == nil {
		params = &TransactWriteItemsInput{}
	}
	out := &TransactWriteItemsOutput{}
	if err := c.invoke(ctx, "TransactWriteItems", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ExecuteStatementInput is the input of ExecuteStatement.
type ExecuteStatementInput struct {
	Statement                           *string
	ConsistentRead                      *bool
	Limit                               *int32
	NextToken                           *string
	Parameters                          []types.AttributeValue
	ReturnConsumedCapacity              types.ReturnConsumedCapacity
	ReturnValuesOnConditionCheckFailure types.ReturnValuesOnConditionCheckFailure
}

// ExecuteStatementOutput is the result of ExecuteStatement.
type ExecuteStatementOutput struct {
	ConsumedCapacity *types.ConsumedCapacity
	Items            []map[string]types.AttributeValue
	LastEvaluatedKey map[string]types.AttributeValue
	NextToken        *string
}

// ExecuteStatement runs one PartiQL statement.
func (c *Client) ExecuteStatement(ctx context.Context, params *ExecuteStatementInput, optFns ...func(*Options)) (*ExecuteStatementOutput, error) {
	if params == nil {
		params = &ExecuteStatementInput{}
	}
	out := &ExecuteStatementOutput{}
	if err := c.invoke(ctx, "ExecuteStatement", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchExecuteStatementInput is the input of BatchExecuteStatement.
type BatchExecuteStatementInput struct {
	Statements             []types.BatchStatementRequest
	ReturnConsumedCapacity types.ReturnConsumedCapacity
}

// BatchExecuteStatementOutput is the result of BatchExecuteStatement.
type BatchExecuteStatementOutput struct {
	ConsumedCapacity []types.ConsumedCapacity
	Responses        []types.BatchStatementResponse
}

// BatchExecuteStatement runs up to 25 PartiQL statements, each succeeding or failing on its own.
func (c *Client) BatchExecuteStatement(ctx context.Context, params *BatchExecuteStatementInput, optFns ...func(*Options)) (*BatchExecuteStatementOutput, error) {
	if params == nil {
		params = &BatchExecuteStatementInput{}
	}
	out := &BatchExecuteStatementOutput{}
	if err := c.invoke(ctx, "BatchExecuteStatement", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ExecuteTransactionInput is the input of ExecuteTransaction.
type ExecuteTransactionInput struct {
	TransactStatements     []types.ParameterizedStatement
	ClientRequestToken     *string
	ReturnConsumedCapacity types.ReturnConsumedCapacity
}

// ExecuteTransactionOutput is the result of ExecuteTransaction.
type ExecuteTransactionOutput struct {
	ConsumedCapacity []types.ConsumedCapacity
	Responses        []types.ItemResponse
}

// ExecuteTransaction runs up to 100 PartiQL statements as one transaction.
func (c *Client) ExecuteTransaction(ctx context.Context, params *ExecuteTransactionInput, optFns ...func(*Options)) (*ExecuteTransactionOutput, error) {
	if params == nil {
		params = &ExecuteTransactionInput{}
	}
	out := &ExecuteTransactionOutput{}
	if err := c.invoke(ctx, "ExecuteTransaction", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// CreateTableInput is the input of CreateTable.
type CreateTableInput struct {
	TableName                 *string
	AttributeDefinitions      []types.AttributeDefinition
	BillingMode               types.BillingMode
	DeletionProtectionEnabled *bool
	GlobalSecondaryIndexes    []types.GlobalSecondaryIndex
	KeySchema                 []types.KeySchemaElement
	LocalSecondaryIndexes     []types.LocalSecondaryIndex
	OnDemandThroughput        *types.OnDemandThroughput
	ProvisionedThroughput     *types.ProvisionedThroughput
	ResourcePolicy            *string
	SSESpecification          *types.SSESpecification
	StreamSpecification       *types.StreamSpecification
	TableClass                types.TableClass
	Tags                      []types.Tag
	WarmThroughput            *types.WarmThroughput
}

// CreateTableOutput is the result of CreateTable.
type CreateTableOutput struct {
	TableDescription *types.TableDescription
}

// CreateTable creates a table.
func (c *Client) CreateTable(ctx context.Context, params *CreateTableInput, optFns ...func(*Options)) (*CreateTableOutput, error) {
	if params == nil {
		params = &CreateTableInput{}
	}
	out := &CreateTableOutput{}
	if err := c.invoke(ctx, "CreateTable", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DescribeTableInput is the input of DescribeTable.
type DescribeTableInput struct {
	TableName *string
}

// DescribeTableOutput is the result of DescribeTable.
type DescribeTableOutput struct {
	Table *types.TableDescription
}

// DescribeTable describes a table: keys, indexes, status, stream and size.
func (c *Client) DescribeTable(ctx context.Context, params *DescribeTableInput, optFns ...func(*Options)) (*DescribeTableOutput, error) {
	if params == nil {
		params = &DescribeTableInput{}
	}
	out := &DescribeTableOutput{}
	if err := c.invoke(ctx, "DescribeTable", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DescribeTableAPIClient is the part of Client that calls DescribeTable; paginators take it, and tests can fake it.
type DescribeTableAPIClient interface {
	DescribeTable(context.Context, *DescribeTableInput, ...func(*Options)) (*DescribeTableOutput, error)
}

var _ DescribeTableAPIClient = (*Client)(nil)

// ListTablesInput is the input of ListTables.
type ListTablesInput struct {
	ExclusiveStartTableName *string
	Limit                   *int32
}

// ListTablesOutput is the result of ListTables.
type ListTablesOutput struct {
	LastEvaluatedTableName *string
	TableNames             []string
}

// ListTables lists table names, one page at a time.
func (c *Client) ListTables(ctx context.Context, params *ListTablesInput, optFns ...func(*Options)) (*ListTablesOutput, error) {
	if params == nil {
		params = &ListTablesInput{}
	}
	out := &ListTablesOutput{}
	if err := c.invoke(ctx, "ListTables", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ListTablesAPIClient is the part of Client that calls ListTables; paginators take it, and tests can fake it.
type ListTablesAPIClient interface {
	ListTables(context.Context, *ListTablesInput, ...func(*Options)) (*ListTablesOutput, error)
}

var _ ListTablesAPIClient = (*Client)(nil)

// UpdateTableInput is the input of UpdateTable.
type UpdateTableInput struct {
	TableName                   *string
	AttributeDefinitions        []types.AttributeDefinition
	BillingMode                 types.BillingMode
	DeletionProtectionEnabled   *bool
	GlobalSecondaryIndexUpdates []types.GlobalSecondaryIndexUpdate
	OnDemandThroughput          *types.OnDemandThroughput
	ProvisionedThroughput       *types.ProvisionedThroughput
	SSESpecification            *types.SSESpecification
	StreamSpecification         *types.StreamSpecification
	TableClass                  types.TableClass
	WarmThroughput              *types.WarmThroughput
}

// UpdateTableOutput is the result of UpdateTable.
type UpdateTableOutput struct {
	TableDescription *types.TableDescription
}

// UpdateTable changes a table's billing, throughput, indexes or stream.
func (c *Client) UpdateTable(ctx context.Context, params *UpdateTableInput, optFns ...func(*Options)) (*UpdateTableOutput, error) {
	if params == nil {
		params = &UpdateTableInput{}
	}
	out := &UpdateTableOutput{}
	if err := c.invoke(ctx, "UpdateTable", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteTableInput is the input of DeleteTable.
type DeleteTableInput struct {
	TableName *string
}

// DeleteTableOutput is the result of DeleteTable.
type DeleteTableOutput struct {
	TableDescription *types.TableDescription
}

// DeleteTable deletes a table and all its items.
func (c *Client) DeleteTable(ctx context.Context, params *DeleteTableInput, optFns ...func(*Options)) (*DeleteTableOutput, error) {
	if params == nil {
		params = &DeleteTableInput{}
	}
	out := &DeleteTableOutput{}
	if err := c.invoke(ctx, "DeleteTable", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateTimeToLiveInput is the input of UpdateTimeToLive.
type UpdateTimeToLiveInput struct {
	TableName               *string
	TimeToLiveSpecification *types.TimeToLiveSpecification
}

// UpdateTimeToLiveOutput is the result of UpdateTimeToLive.
type UpdateTimeToLiveOutput struct {
	TimeToLiveSpecification *types.TimeToLiveSpecification
}

// UpdateTimeToLive turns Time to Live on or off for a table attribute.
func (c *Client) UpdateTimeToLive(ctx context.Context, params *UpdateTimeToLiveInput, optFns ...func(*Options)) (*UpdateTimeToLiveOutput, error) {
	if params == nil {
		params = &UpdateTimeToLiveInput{}
	}
	out := &UpdateTimeToLiveOutput{}
	if err := c.invoke(ctx, "UpdateTimeToLive", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DescribeTimeToLiveInput is the input of DescribeTimeToLive.
type DescribeTimeToLiveInput struct {
	TableName *string
}

// DescribeTimeToLiveOutput is the result of DescribeTimeToLive.
type DescribeTimeToLiveOutput struct {
	TimeToLiveDescription *types.TimeToLiveDescription
}

// DescribeTimeToLive describes a table's Time to Live setting.
func (c *Client) DescribeTimeToLive(ctx context.Context, params *DescribeTimeToLiveInput, optFns ...func(*Options)) (*DescribeTimeToLiveOutput, error) {
	if params == nil {
		params = &DescribeTimeToLiveInput{}
	}
	out := &DescribeTimeToLiveOutput{}
	if err := c.invoke(ctx, "DescribeTimeToLive", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}
