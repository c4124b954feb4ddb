package dynamodb

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

// Options configures a Service.
type Options struct {
	// Clock gives the simulated time (stream retention, TTL, timestamps).
	// Nil means time.Now.
	Clock     func() time.Time
	Region    string // default "us-east-1"
	AccountID string // default "123456789012"
}

// Service is one simulated account's DynamoDB: its tables, indexes and
// streams, in memory. It is safe for concurrent use.
type Service struct {
	clock   func() time.Time
	region  string
	account string

	mu     sync.RWMutex
	tables map[string]*table
	// txTokens remembers TransactWriteItems ClientRequestTokens for ten
	// minutes, as DynamoDB does, to make retries idempotent.
	txTokens map[string]txRecord
	subs     map[int]*subscription
	nextSub  int
	seq      uint64 // stream sequence numbers, service-wide and increasing
	// orphanStreams are streams of deleted tables or replaced by a new
	// stream; they stay readable for 24 hours, as in DynamoDB.
	orphanStreams []*stream
	// pending holds stream records to hand to subscribers once the write
	// lock is released.
	pendingMu sync.Mutex
	pending   []delivery
}

// New returns an empty Service.
func New(o Options) *Service {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.AccountID == "" {
		o.AccountID = "123456789012"
	}
	return &Service{
		clock:    o.Clock,
		region:   o.Region,
		account:  o.AccountID,
		tables:   map[string]*table{},
		txTokens: map[string]txRecord{},
		subs:     map[int]*subscription{},
	}
}

// Region is the service's region.
func (s *Service) Region() string { return s.region }

// AccountID is the simulated account.
func (s *Service) AccountID() string { return s.account }

type opFunc func(s *Service, ctx context.Context, body []byte) (any, *Error)

// op adapts a typed operation to the JSON door.
func op[In any, Out any](f func(s *Service, ctx context.Context, in *In) (*Out, *Error)) opFunc {
	return func(s *Service, ctx context.Context, body []byte) (any, *Error) {
		in := new(In)
		if len(body) == 0 {
			body = []byte("{}")
		}
		fast, ok := any(in).(fastDecoder)
		if !ok || fast.decodeFast(body) != nil {
			in = new(In) // a partial fast decode must not leak into the slow one
			if err := json.Unmarshal(body, in); err != nil {
				return nil, serialization(decodeMessage(err))
			}
		}
		out, e := f(s, ctx, in)
		if e != nil {
			return nil, e
		}
		return out, nil
	}
}

func decodeMessage(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return fmt.Sprintf("Unexpected value type in payload at %s: expected %s", te.Field, te.Type)
	}
	return "Start of structure or map found where not expected."
}

// operations is the JSON door's dispatch table for DynamoDB_20120810.
var operations = map[string]opFunc{}

// streamOperations is the table for DynamoDBStreams_20120810.
var streamOperations = map[string]opFunc{}

func init() {
	operations["CreateTable"] = op((*Service).createTable)
	operations["DescribeTable"] = op((*Service).describeTable)
	operations["ListTables"] = op((*Service).listTables)
	operations["UpdateTable"] = op((*Service).updateTable)
	operations["DeleteTable"] = op((*Service).deleteTable)
	operations["UpdateTimeToLive"] = op((*Service).updateTimeToLive)
	operations["DescribeTimeToLive"] = op((*Service).describeTimeToLive)
	operations["TagResource"] = op((*Service).tagResource)
	operations["UntagResource"] = op((*Service).untagResource)
	operations["ListTagsOfResource"] = op((*Service).listTagsOfResource)
	operations["DescribeEndpoints"] = op((*Service).describeEndpoints)
	operations["DescribeLimits"] = op((*Service).describeLimits)
	operations["PutItem"] = op((*Service).putItem)
	operations["GetItem"] = op((*Service).getItem)
	operations["DeleteItem"] = op((*Service).deleteItem)
	operations["UpdateItem"] = op((*Service).updateItem)
	operations["Query"] = op((*Service).query)
	operations["Scan"] = op((*Service).scan)
	operations["BatchGetItem"] = op((*Service).batchGetItem)
	operations["BatchWriteItem"] = op((*Service).batchWriteItem)
	operations["TransactGetItems"] = op((*Service).transactGetItems)
	operations["TransactWriteItems"] = op((*Service).transactWriteItems)
	operations["ExecuteStatement"] = op((*Service).executeStatement)
	operations["BatchExecuteStatement"] = op((*Service).batchExecuteStatement)
	operations["ExecuteTransaction"] = op((*Service).executeTransaction)

	streamOperations["ListStreams"] = op((*Service).listStreams)
	streamOperations["DescribeStream"] = op((*Service).describeStream)
	streamOperations["GetShardIterator"] = op((*Service).getShardIterator)
	streamOperations["GetRecords"] = op((*Service).getRecords)
}

// Call is the in-process JSON door: operation is the part of X-Amz-Target
// after "DynamoDB_20120810.", body and response are DynamoDB's JSON 1.0
// protocol, and status is the HTTP status DynamoDB would send. Errors come
// back as {"__type":"com.amazonaws.dynamodb.v20120810#…","message":"…"}.
func (s *Service) Call(ctx context.Context, operation string, body []byte) (status int, resp []byte) {
	return s.call(ctx, operations, operation, body)
}

// CallStreams is the in-process door of the DynamoDB Streams protocol
// (target prefix DynamoDBStreams_20120810): ListStreams, DescribeStream,
// GetShardIterator and GetRecords. The sandbox routes the service name
// "streams.dynamodb" here.
func (s *Service) CallStreams(ctx context.Context, operation string, body []byte) (status int, resp []byte) {
	return s.call(ctx, streamOperations, operation, body)
}

func (s *Service) call(ctx context.Context, table map[string]opFunc, operation string, body []byte) (status int, resp []byte) {
	defer func() {
		// Nothing a learner sends may crash the host: a panic becomes
		// DynamoDB's InternalServerError.
		if r := recover(); r != nil {
			status, resp = encodeError(&Error{Type: "InternalServerError", Message: fmt.Sprintf("Internal server error: %v", r), Status: 500})
		}
	}()
	f, ok := table[operation]
	if !ok {
		return encodeError(&Error{Type: "UnknownOperationException", Message: "", Status: 400})
	}
	out, e := f(s, ctx, body)
	if e != nil {
		return encodeError(e)
	}
	if a, ok := out.(jsonAppender); ok {
		return 200, a.appendJSON(make([]byte, 0, 256))
	}
	b, err := json.Marshal(out)
	if err != nil {
		return encodeError(&Error{Type: "InternalServerError", Message: "Internal server error: " + err.Error(), Status: 500})
	}
	return 200, b
}

type wireError struct {
	Type                string               `json:"__type"`
	Message             string               `json:"message"`
	Item                Item                 `json:"Item,omitempty"`
	CancellationReasons []CancellationReason `json:"CancellationReasons,omitempty"`
}

func encodeError(e *Error) (int, []byte) {
	w := wireError{Type: typePrefix + e.Type, Message: e.Message, Item: e.Item, CancellationReasons: e.CancellationReasons}
	if e.Type == "UnknownOperationException" {
		w.Type = "com.amazon.coral.service#UnknownOperationException"
	}
	if e.Type == "SerializationException" {
		w.Type = "com.amazon.coral.service#SerializationException"
	}
	b, _ := json.Marshal(w)
	return e.Status, b
}

// result converts an engine result to the Go API's (value, error) form
// without the typed-nil trap.
func result[T any](out *T, err *Error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Service) now() time.Time { return s.clock() }

// lookup returns a table or DynamoDB's not-found error. Caller holds mu.
func (s *Service) lookup(name string) (*table, *Error) {
	if name == "" {
		return nil, validationf("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
	}
	// DynamoDB accepts a table ARN wherever it takes a table name.
	t := s.tables[tableNameFromARN(name)]
	if t == nil {
		return nil, tableNotFound()
	}
	return t, nil
}
