// Package dynamodb simulates Amazon DynamoDB and DynamoDB Streams for one
// account, in memory, speaking DynamoDB's own JSON 1.0 wire protocol.
//
// One engine has three doors:
//
//   - In process: (*Service).Call(ctx, operation, body) takes the
//     operation name (the part of X-Amz-Target after "DynamoDB_20120810.")
//     and the request JSON, and returns the HTTP status and response JSON
//     exactly as DynamoDB would, errors included
//     ({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
//     "message":"The conditional request failed"}). The DynamoDB Streams
//     protocol (ListStreams, DescribeStream, GetShardIterator, GetRecords)
//     is served by (*Service).CallStreams on the same Service; the sandbox
//     routes service "streams.dynamodb" there.
//   - HTTP: *Service is an http.Handler accepting POST with X-Amz-Target
//     DynamoDB_20120810.<Op> or DynamoDBStreams_20120810.<Op>; any
//     credentials and signature are accepted (as DynamoDB Local does) and
//     responses carry x-amzn-RequestId and x-amz-crc32. CallTarget
//     dispatches on a full target for front doors serving several services.
//   - Go: one method per operation (PutItem, Query, …) with the same shapes,
//     plus TableNames, Describe, ScanPage (table viewer), Seed, SeedJSON and
//     Items (grading), Snapshot/Restore (whole state as bytes) and Clone
//     (a cheap independent copy).
//
// Streams: a table created or updated with a StreamSpecification records
// INSERT/MODIFY/REMOVE changes in one shard, kept 24 hours on the injected
// clock. Subscribe(table, fn) pushes each record (with eventSourceARN, as a
// Lambda event carries it) after the write completes; the pull API is the
// Streams protocol above, also as Go methods (ListStreams, DescribeStream,
// GetShardIterator, GetRecords, TableStreamARN). ExpireTTL runs TTL
// deletions at the simulated now.
//
// Values are AttributeValue (ten kinds); numbers keep DynamoDB's 38 digits
// as canonical decimal text, never float64. Items are stored immutably:
// an update builds a new item, so readers may share stored maps. Items live
// in a B-tree ordered by a hash of the partition key, then the sort key,
// which gives Scan DynamoDB's stable unsorted order, Query its sort-key
// order, and parallel Scan segments as contiguous hash ranges.
//
// Expressions are parsed by the hand-written parser in expr.go (names and
// values resolved while parsing) and evaluated in eval.go; PartiQL lives in
// the partiql sub-package (parser) and partiql.go (execution).
//
// Not simulated: throughput limits and throttling, TransactionConflict,
// backups, global tables, the legacy non-expression parameters (rejected
// with a ValidationException naming the expression to use).
package dynamodb
