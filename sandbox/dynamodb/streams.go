package dynamodb

import (
	"context"
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// streamRetention is how long DynamoDB keeps stream records.
const streamRetention = 24 * time.Hour

// iteratorLifetime is how long a shard iterator stays valid.
const iteratorLifetime = 15 * time.Minute

// StreamRecord is one change record, with the JSON names DynamoDB Streams
// and Lambda's DynamoDB event use.
type StreamRecord struct {
	EventID        string        `json:"eventID"`
	EventName      string        `json:"eventName"`
	EventVersion   string        `json:"eventVersion"`
	EventSource    string        `json:"eventSource"`
	AwsRegion      string        `json:"awsRegion"`
	Dynamodb       StreamChange  `json:"dynamodb"`
	EventSourceARN string        `json:"eventSourceARN,omitempty"`
	UserIdentity   *UserIdentity `json:"userIdentity,omitempty"`
	at             time.Time
}

// StreamChange is the "dynamodb" part of a stream record.
type StreamChange struct {
	ApproximateCreationDateTime float64 `json:"ApproximateCreationDateTime"`
	Keys                        Item    `json:"Keys"`
	NewImage                    Item    `json:"NewImage,omitempty"`
	OldImage                    Item    `json:"OldImage,omitempty"`
	SequenceNumber              string  `json:"SequenceNumber"`
	SizeBytes                   int     `json:"SizeBytes"`
	StreamViewType              string  `json:"StreamViewType"`
}

// UserIdentity marks records of deletions done by TTL.
type UserIdentity struct {
	Type        string `json:"type"`
	PrincipalID string `json:"principalId"`
}

type stream struct {
	arn, label string
	viewType   string
	tableName  string
	schema     keySchema
	created    time.Time
	enabled    bool
	disabledAt time.Time
	shardID    string
	firstSeq   string
	records    []StreamRecord
}

func (s *Service) newStream(t *table, viewType string) *stream {
	now := s.now()
	label := now.UTC().Format("2006-01-02T15:04:05.000")
	st := &stream{
		arn:       t.arn + "/stream/" + label,
		label:     label,
		viewType:  viewType,
		tableName: t.name,
		schema:    t.schema,
		created:   now,
		enabled:   true,
		shardID:   fmt.Sprintf("shardId-%020d-%08x", now.UnixMilli(), uint32(pkHash(t.arn+label))),
	}
	st.firstSeq = s.nextSeq()
	return st
}

func (s *Service) nextSeq() string {
	s.seq++
	return fmt.Sprintf("%021d", s.seq*100)
}

func (st *stream) disable(now time.Time) {
	if st != nil && st.enabled {
		st.enabled = false
		st.disabledAt = now
	}
}

// trim drops records older than the retention period.
func (st *stream) trim(now time.Time) {
	cut := 0
	for cut < len(st.records) && now.Sub(st.records[cut].at) > streamRetention {
		cut++
	}
	if cut > 0 {
		st.records = append([]StreamRecord(nil), st.records[cut:]...)
	}
}

type subscription struct {
	table string
	fn    func([]StreamRecord)
}

type delivery struct {
	fn      func([]StreamRecord)
	records []StreamRecord
}

// emit records a change (old or nu may be nil). Caller holds mu.
func (s *Service) emit(t *table, old, nu Item) {
	s.emitAs(t, old, nu, nil)
}

func (s *Service) emitAs(t *table, old, nu Item, who *UserIdentity) {
	st := t.stream
	if st == nil || !st.enabled {
		return
	}
	name := "MODIFY"
	switch {
	case old == nil && nu == nil:
		return
	case old == nil:
		name = "INSERT"
	case nu == nil:
		name = "REMOVE"
	case equalValues(AttributeValue{Kind: KindM, Map: old}, AttributeValue{Kind: KindM, Map: nu}):
		// DynamoDB writes no record for a write that changes nothing.
		return
	}
	src := nu
	if src == nil {
		src = old
	}
	now := s.now()
	seq := s.nextSeq()
	rec := StreamRecord{
		EventID:      fmt.Sprintf("%016x%016x", pkHash(seq+t.arn), pkHash(seq)),
		EventName:    name,
		EventVersion: "1.1",
		EventSource:  "aws:dynamodb",
		AwsRegion:    s.region,
		UserIdentity: who,
		at:           now,
		Dynamodb: StreamChange{
			ApproximateCreationDateTime: float64(now.Unix()),
			Keys:                        t.schema.keyOf(src),
			SequenceNumber:              seq,
			StreamViewType:              st.viewType,
		},
	}
	size := ItemSize(rec.Dynamodb.Keys)
	if st.viewType == "NEW_IMAGE" || st.viewType == "NEW_AND_OLD_IMAGES" {
		rec.Dynamodb.NewImage = nu
		size += ItemSize(nu)
	}
	if st.viewType == "OLD_IMAGE" || st.viewType == "NEW_AND_OLD_IMAGES" {
		rec.Dynamodb.OldImage = old
		size += ItemSize(old)
	}
	rec.Dynamodb.SizeBytes = size
	st.trim(now)
	st.records = append(st.records, rec)
	for _, sub := range s.subs {
		if sub.table == t.name {
			r := rec
			r.EventSourceARN = st.arn
			s.pendingMu.Lock()
			s.pending = append(s.pending, delivery{sub.fn, []StreamRecord{r}})
			s.pendingMu.Unlock()
		}
	}
}

// deliver hands queued records to subscribers; called without mu held so
// a subscriber may call back into the service.
func (s *Service) deliver() {
	s.pendingMu.Lock()
	if len(s.pending) == 0 {
		s.pendingMu.Unlock()
		return
	}
	ds := s.pending
	s.pending = nil
	s.pendingMu.Unlock()
	for _, d := range ds {
		d.fn(d.records)
	}
}

// Subscribe calls fn with the stream records of every later change to the
// table, in order, after the write that caused them has completed. The
// table must have a stream enabled. Records carry eventSourceARN as in a
// Lambda event. fn runs on the writing goroutine, outside the service's
// lock (so it may call the service), and should hand records off rather
// than block. The returned function cancels the subscription.
func (s *Service) Subscribe(tableName string, fn func([]StreamRecord)) (cancel func(), err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tables[tableName]
	if t == nil {
		return nil, tableNotFound()
	}
	if t.stream == nil || !t.stream.enabled {
		return nil, validationf("Table %s has no enabled stream", tableName)
	}
	s.nextSub++
	id := s.nextSub
	s.subs[id] = &subscription{table: tableName, fn: fn}
	return func() {
		s.mu.Lock()
		delete(s.subs, id)
		s.mu.Unlock()
	}, nil
}

// findStream looks a stream up by ARN. Caller holds mu.
func (s *Service) findStream(arn string) *stream {
	for _, t := range s.tables {
		if t.stream != nil && t.stream.arn == arn {
			return t.stream
		}
	}
	for _, st := range s.orphanStreams {
		if st.arn == arn {
			return st
		}
	}
	return nil
}

func streamNotFound(arn string) *Error {
	return notFound("Requested resource not found: Stream: " + arn + " not found")
}

// ListStreamsInput is ListStreams's request.
type ListStreamsInput struct {
	TableName               string `json:"TableName,omitempty"`
	Limit                   *int   `json:"Limit,omitempty"`
	ExclusiveStartStreamArn string `json:"ExclusiveStartStreamArn,omitempty"`
}

// StreamSummary is one entry of ListStreams.
type StreamSummary struct {
	StreamArn   string `json:"StreamArn"`
	TableName   string `json:"TableName"`
	StreamLabel string `json:"StreamLabel"`
}

// ListStreamsOutput is ListStreams's response.
type ListStreamsOutput struct {
	Streams                []StreamSummary `json:"Streams"`
	LastEvaluatedStreamArn string          `json:"LastEvaluatedStreamArn,omitempty"`
}

func (s *Service) listStreams(_ context.Context, in *ListStreamsInput) (*ListStreamsOutput, *Error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	now := s.now()
	var all []*stream
	for _, t := range s.tables {
		if t.stream != nil {
			all = append(all, t.stream)
		}
	}
	for _, st := range s.orphanStreams {
		if now.Sub(st.disabledAt) <= streamRetention || st.enabled {
			all = append(all, st)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].arn < all[j].arn })
	out := &ListStreamsOutput{Streams: []StreamSummary{}}
	limit := 100
	if in.Limit != nil {
		limit = *in.Limit
	}
	for _, st := range all {
		if in.TableName != "" && st.tableName != in.TableName {
			continue
		}
		if in.ExclusiveStartStreamArn != "" && st.arn <= in.ExclusiveStartStreamArn {
			continue
		}
		if len(out.Streams) == limit {
			out.LastEvaluatedStreamArn = out.Streams[limit-1].StreamArn
			break
		}
		out.Streams = append(out.Streams, StreamSummary{st.arn, st.tableName, st.label})
	}
	return out, nil
}

// DescribeStreamInput is DescribeStream's request.
type DescribeStreamInput struct {
	StreamArn             string `json:"StreamArn"`
	Limit                 *int   `json:"Limit,omitempty"`
	ExclusiveStartShardId string `json:"ExclusiveStartShardId,omitempty"`
}

// Shard describes the stream's shard.
type Shard struct {
	ShardId             string `json:"ShardId"`
	SequenceNumberRange struct {
		StartingSequenceNumber string `json:"StartingSequenceNumber"`
		EndingSequenceNumber   string `json:"EndingSequenceNumber,omitempty"`
	} `json:"SequenceNumberRange"`
	ParentShardId string `json:"ParentShardId,omitempty"`
}

// StreamDescription is DescribeStream's payload.
type StreamDescription struct {
	StreamArn               string             `json:"StreamArn"`
	StreamLabel             string             `json:"StreamLabel"`
	StreamStatus            string             `json:"StreamStatus"`
	StreamViewType          string             `json:"StreamViewType"`
	CreationRequestDateTime float64            `json:"CreationRequestDateTime"`
	TableName               string             `json:"TableName"`
	KeySchema               []KeySchemaElement `json:"KeySchema"`
	Shards                  []Shard            `json:"Shards"`
}

// DescribeStreamOutput is DescribeStream's response.
type DescribeStreamOutput struct {
	StreamDescription StreamDescription `json:"StreamDescription"`
}

func (s *Service) describeStream(_ context.Context, in *DescribeStreamInput) (*DescribeStreamOutput, *Error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.findStream(in.StreamArn)
	if st == nil {
		return nil, streamNotFound(in.StreamArn)
	}
	status := "ENABLED"
	if !st.enabled {
		status = "DISABLED"
	}
	sh := Shard{ShardId: st.shardID}
	sh.SequenceNumberRange.StartingSequenceNumber = st.firstSeq
	if !st.enabled && len(st.records) > 0 {
		sh.SequenceNumberRange.EndingSequenceNumber = st.records[len(st.records)-1].Dynamodb.SequenceNumber
	}
	shards := []Shard{sh}
	if in.ExclusiveStartShardId == st.shardID {
		shards = []Shard{}
	}
	return &DescribeStreamOutput{StreamDescription: StreamDescription{
		StreamArn: st.arn, StreamLabel: st.label, StreamStatus: status, StreamViewType: st.viewType,
		CreationRequestDateTime: epoch(st.created), TableName: st.tableName, KeySchema: st.schema.elements(), Shards: shards,
	}}, nil
}

// GetShardIteratorInput is GetShardIterator's request.
type GetShardIteratorInput struct {
	StreamArn         string `json:"StreamArn"`
	ShardId           string `json:"ShardId"`
	ShardIteratorType string `json:"ShardIteratorType"`
	SequenceNumber    string `json:"SequenceNumber,omitempty"`
}

// GetShardIteratorOutput is GetShardIterator's response.
type GetShardIteratorOutput struct {
	ShardIterator string `json:"ShardIterator"`
}

// An iterator is "arn|shard|afterSeq|issuedUnixNano", base64-encoded:
// opaque to clients, as DynamoDB's are.
func makeIterator(arn, shard, after string, issued time.Time) string {
	return base64.RawURLEncoding.EncodeToString([]byte(arn + "|" + shard + "|" + after + "|" + strconv.FormatInt(issued.UnixNano(), 10)))
}

func (s *Service) getShardIterator(_ context.Context, in *GetShardIteratorInput) (*GetShardIteratorOutput, *Error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.findStream(in.StreamArn)
	if st == nil {
		return nil, streamNotFound(in.StreamArn)
	}
	if in.ShardId != st.shardID {
		return nil, notFound("Requested resource not found: Shard does not exist")
	}
	now := s.now()
	st.trim(now)
	after := ""
	switch in.ShardIteratorType {
	case "TRIM_HORIZON":
		after = ""
	case "LATEST":
		if n := len(st.records); n > 0 {
			after = st.records[n-1].Dynamodb.SequenceNumber
		} else {
			after = st.firstSeq
		}
	case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER":
		if in.SequenceNumber == "" {
			return nil, validationf("Must specify a sequence number when using %s", in.ShardIteratorType)
		}
		after = in.SequenceNumber
		if in.ShardIteratorType == "AT_SEQUENCE_NUMBER" {
			n, err := strconv.ParseUint(in.SequenceNumber, 10, 64)
			if err != nil || n == 0 {
				return nil, validationf("Invalid SequenceNumber: %s", in.SequenceNumber)
			}
			after = fmt.Sprintf("%021d", n-1)
		}
	default:
		return nil, validationf("1 validation error detected: Value '%s' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]", in.ShardIteratorType)
	}
	return &GetShardIteratorOutput{ShardIterator: makeIterator(st.arn, st.shardID, after, now)}, nil
}

// GetRecordsInput is GetRecords's request.
type GetRecordsInput struct {
	ShardIterator string `json:"ShardIterator"`
	Limit         *int   `json:"Limit,omitempty"`
}

// GetRecordsOutput is GetRecords's response.
type GetRecordsOutput struct {
	Records           []StreamRecord `json:"Records"`
	NextShardIterator string         `json:"NextShardIterator,omitempty"`
}

func (s *Service) getRecords(_ context.Context, in *GetRecordsInput) (*GetRecordsOutput, *Error) {
	raw, err := base64.RawURLEncoding.DecodeString(in.ShardIterator)
	parts := strings.Split(string(raw), "|")
	if err != nil || len(parts) != 4 {
		return nil, validationf("Invalid ShardIterator")
	}
	issued, _ := strconv.ParseInt(parts[3], 10, 64)
	limit := 1000
	if in.Limit != nil {
		if *in.Limit < 1 || *in.Limit > 1000 {
			return nil, validationf("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000", *in.Limit)
		}
		limit = *in.Limit
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if now.Sub(time.Unix(0, issued)) > iteratorLifetime {
		return nil, &Error{Type: "ExpiredIteratorException", Message: "Iterator expired. The iterator was created at time " + time.Unix(0, issued).UTC().Format(time.RFC1123) + " while right now it is " + now.UTC().Format(time.RFC1123) + " which is further in the future than the tolerated delay of 900000 milliseconds.", Status: 400}
	}
	st := s.findStream(parts[0])
	if st == nil {
		return nil, streamNotFound(parts[0])
	}
	st.trim(now)
	after := parts[2]
	out := &GetRecordsOutput{Records: []StreamRecord{}}
	last := after
	for _, r := range st.records {
		if after != "" && r.Dynamodb.SequenceNumber <= after {
			continue
		}
		if len(out.Records) == limit {
			break
		}
		out.Records = append(out.Records, r)
		last = r.Dynamodb.SequenceNumber
	}
	// A disabled stream's shard is closed: once drained, no next iterator.
	drained := len(st.records) == 0 || last >= st.records[len(st.records)-1].Dynamodb.SequenceNumber
	if st.enabled || !drained {
		out.NextShardIterator = makeIterator(st.arn, st.shardID, last, now)
	}
	return out, nil
}
