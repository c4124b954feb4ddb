package dynamodb

import (
	"context"
	"encoding/json"
	"fmt"
)

// The Go API: one method per operation, taking and returning the same
// shapes as the JSON door. Errors are *Error values. Items returned share
// memory with the table and must be treated as read-only. Items passed to
// a write (PutItem, BatchWriteItem, TransactWriteItems, Seed) are owned by
// the table afterwards: the caller must not modify them (numbers in them
// are canonicalised in place). Copying every item would double the cost
// of a put.

// CreateTable creates a table (ACTIVE at once).
func (s *Service) CreateTable(ctx context.Context, in *CreateTableInput) (*TableOutput, error) {
	return result(s.createTable(ctx, in))
}

// DescribeTable describes a table.
func (s *Service) DescribeTable(ctx context.Context, in *DescribeTableInput) (*DescribeTableOutput, error) {
	return result(s.describeTable(ctx, in))
}

// ListTables lists table names in order, a page at a time.
func (s *Service) ListTables(ctx context.Context, in *ListTablesInput) (*ListTablesOutput, error) {
	return result(s.listTables(ctx, in))
}

// UpdateTable adds or removes GSIs, changes streams, billing or throughput.
func (s *Service) UpdateTable(ctx context.Context, in *UpdateTableInput) (*TableOutput, error) {
	return result(s.updateTable(ctx, in))
}

// DeleteTable deletes a table and its items.
func (s *Service) DeleteTable(ctx context.Context, in *DescribeTableInput) (*TableOutput, error) {
	return result(s.deleteTable(ctx, in))
}

// UpdateTimeToLive enables or disables TTL.
func (s *Service) UpdateTimeToLive(ctx context.Context, in *UpdateTimeToLiveInput) (*UpdateTimeToLiveOutput, error) {
	return result(s.updateTimeToLive(ctx, in))
}

// DescribeTimeToLive reports TTL settings.
func (s *Service) DescribeTimeToLive(ctx context.Context, in *DescribeTableInput) (*DescribeTimeToLiveOutput, error) {
	return result(s.describeTimeToLive(ctx, in))
}

// PutItem writes an item.
func (s *Service) PutItem(ctx context.Context, in *PutItemInput) (*WriteOutput, error) {
	return result(s.putItem(ctx, in))
}

// GetItem reads an item.
func (s *Service) GetItem(ctx context.Context, in *GetItemInput) (*GetItemOutput, error) {
	return result(s.getItem(ctx, in))
}

// UpdateItem updates (or creates) an item.
func (s *Service) UpdateItem(ctx context.Context, in *UpdateItemInput) (*WriteOutput, error) {
	return result(s.updateItem(ctx, in))
}

// DeleteItem deletes an item.
func (s *Service) DeleteItem(ctx context.Context, in *DeleteItemInput) (*WriteOutput, error) {
	return result(s.deleteItem(ctx, in))
}

// Query reads one partition of a table or index.
func (s *Service) Query(ctx context.Context, in *QueryInput) (*QueryOutput, error) {
	return result(s.query(ctx, in))
}

// Scan reads a table or index a page at a time.
func (s *Service) Scan(ctx context.Context, in *ScanInput) (*QueryOutput, error) {
	return result(s.scan(ctx, in))
}

// BatchGetItem reads up to 100 items from one or more tables.
func (s *Service) BatchGetItem(ctx context.Context, in *BatchGetItemInput) (*BatchGetItemOutput, error) {
	return result(s.batchGetItem(ctx, in))
}

// BatchWriteItem puts or deletes up to 25 items.
func (s *Service) BatchWriteItem(ctx context.Context, in *BatchWriteItemInput) (*BatchWriteItemOutput, error) {
	return result(s.batchWriteItem(ctx, in))
}

// TransactGetItems reads up to 100 items atomically.
func (s *Service) TransactGetItems(ctx context.Context, in *TransactGetItemsInput) (*TransactGetItemsOutput, error) {
	return result(s.transactGetItems(ctx, in))
}

// TransactWriteItems applies up to 100 actions atomically.
func (s *Service) TransactWriteItems(ctx context.Context, in *TransactWriteItemsInput) (*TransactWriteItemsOutput, error) {
	return result(s.transactWriteItems(ctx, in))
}

// ExecuteStatement runs one PartiQL statement.
func (s *Service) ExecuteStatement(ctx context.Context, in *ExecuteStatementInput) (*ExecuteStatementOutput, error) {
	return result(s.executeStatement(ctx, in))
}

// BatchExecuteStatement runs up to 25 PartiQL statements.
func (s *Service) BatchExecuteStatement(ctx context.Context, in *BatchExecuteStatementInput) (*BatchExecuteStatementOutput, error) {
	return result(s.batchExecuteStatement(ctx, in))
}

// ExecuteTransaction runs PartiQL statements atomically.
func (s *Service) ExecuteTransaction(ctx context.Context, in *ExecuteTransactionInput) (*ExecuteTransactionOutput, error) {
	return result(s.executeTransaction(ctx, in))
}

// ---- For the web app's table viewer and for grading ----

// TableNames lists all tables in order.
func (s *Service) TableNames() []string {
	out, _ := s.listTables(context.Background(), &ListTablesInput{})
	names := out.TableNames
	for out.LastEvaluatedTableName != "" {
		out, _ = s.listTables(context.Background(), &ListTablesInput{ExclusiveStartTableName: out.LastEvaluatedTableName})
		names = append(names, out.TableNames...)
	}
	return names
}

// Describe returns a table's description; errors.Is(err, ErrNotFound)
// when there is no such table.
func (s *Service) Describe(name string) (*TableDescription, error) {
	out, err := s.describeTable(context.Background(), &DescribeTableInput{TableName: name})
	if err != nil {
		return nil, err
	}
	return out.Table, nil
}

// PartitionKey names a table's partition key attribute; false when there
// is no such table. Unlike Describe it builds nothing: IAM asks it on
// every item call a function makes (dynamodb:LeadingKeys).
func (s *Service) PartitionKey(table string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := s.tables[tableNameFromARN(table)]
	if t == nil {
		return "", false
	}
	return t.schema.hash.name, true
}

// ScanPage returns up to limit items of a table as DynamoDB JSON objects
// ({"id":{"S":"a"}}), starting after the opaque cursor (empty for the
// first page); next is empty on the last page.
func (s *Service) ScanPage(name string, cursor string, limit int) (items []json.RawMessage, next string, err error) {
	in := &ScanInput{TableName: name}
	if limit > 0 {
		in.Limit = &limit
	}
	if cursor != "" {
		var k Item
		if err := json.Unmarshal([]byte(cursor), &k); err != nil {
			return nil, "", fmt.Errorf("dynamodb: scan page: bad cursor: %w", err)
		}
		in.ExclusiveStartKey = k
	}
	out, e := s.scan(context.Background(), in)
	if e != nil {
		return nil, "", e
	}
	for _, it := range out.Items {
		items = append(items, appendItem(nil, it))
	}
	if out.LastEvaluatedKey != nil {
		next = string(appendItem(nil, out.LastEvaluatedKey))
	}
	return items, next, nil
}

// Seed stores items in a table without conditions, indexes and streams
// maintained as for PutItem (grading setups).
func (s *Service) Seed(name string, items []Item) error {
	for i, it := range items {
		if _, err := s.PutItem(context.Background(), &PutItemInput{TableName: name, Item: it}); err != nil {
			return fmt.Errorf("dynamodb: seed %s item %d: %w", name, i, err)
		}
	}
	return nil
}

// SeedJSON is Seed with items in DynamoDB JSON.
func (s *Service) SeedJSON(name string, itemsJSON []byte) error {
	var items []Item
	if err := json.Unmarshal(itemsJSON, &items); err != nil {
		return fmt.Errorf("dynamodb: seed %s: %w", name, err)
	}
	return s.Seed(name, items)
}

// Items returns every item of a table in Scan order.
func (s *Service) Items(name string) ([]Item, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookup(name)
	if err != nil {
		return nil, err
	}
	out := make([]Item, 0, len(t.items))
	t.tree.ascend(func(e *entry) bool {
		out = append(out, e.item)
		return true
	})
	return out, nil
}

// MarshalItem encodes an item as DynamoDB JSON.
func MarshalItem(it Item) []byte { return appendItem(nil, it) }

// UnmarshalItem decodes and validates a DynamoDB JSON item.
func UnmarshalItem(b []byte) (Item, error) {
	var it Item
	if err := json.Unmarshal(b, &it); err != nil {
		return nil, fmt.Errorf("dynamodb: decode item: %w", err)
	}
	if err := validateItem(it); err != nil {
		return nil, err
	}
	return it, nil
}

// ---- DynamoDB Streams, for Go callers (the event source mapping) ----

// ListStreams lists streams, optionally of one table.
func (s *Service) ListStreams(ctx context.Context, in *ListStreamsInput) (*ListStreamsOutput, error) {
	return result(s.listStreams(ctx, in))
}

// DescribeStream describes a stream and its shard.
func (s *Service) DescribeStream(ctx context.Context, in *DescribeStreamInput) (*DescribeStreamOutput, error) {
	return result(s.describeStream(ctx, in))
}

// GetShardIterator returns an iterator into a shard.
func (s *Service) GetShardIterator(ctx context.Context, in *GetShardIteratorInput) (*GetShardIteratorOutput, error) {
	return result(s.getShardIterator(ctx, in))
}

// GetRecords reads records from a shard iterator and returns the next one.
func (s *Service) GetRecords(ctx context.Context, in *GetRecordsInput) (*GetRecordsOutput, error) {
	return result(s.getRecords(ctx, in))
}

// TableStreamARN returns the ARN of a table's current stream, or "" if it
// has none; errors.Is(err, ErrNotFound) when there is no such table.
func (s *Service) TableStreamARN(table string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookup(table)
	if err != nil {
		return "", err
	}
	if t.stream == nil || !t.stream.enabled {
		return "", nil
	}
	return t.stream.arn, nil
}
