// Package sqs simulates Amazon SQS on a clock the caller controls: standard
// and FIFO queues, visibility timeouts (so at-least-once delivery and its
// duplicates are visible), delays, retention, dead-letter redrive by
// maxReceiveCount, FIFO ordering per message group and the five-minute
// deduplication window. Calls arrive as SQS's AWS JSON 1.0 bodies through
// Call (in-process) or ServeHTTP (X-Amz-Target: AmazonSQS.<Op>).
package sqs

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Defaults and limits, as SQS documents them.
const (
	DefaultVisibility = 30 * time.Second
	DefaultRetention  = 4 * 24 * time.Hour
	MaxMessageSize    = 262144
	dedupWindow       = 5 * time.Minute
)

// Options configure a Service.
type Options struct {
	Now       func() time.Time // the simulated clock; default time.Now
	Region    string           // default us-east-1
	AccountID string           // default 123456789012
	// URLBase, when set, replaces https://sqs.<region>.amazonaws.com in
	// queue URLs (learnsls local serves queues at its own address).
	URLBase string
	// RealTimeWait makes ReceiveMessage's WaitTimeSeconds wait in real time
	// (learnsls local). Without it an empty receive returns at once: on a
	// simulated clock nothing can arrive while one call waits.
	RealTimeWait bool
}

// Service is one account's SQS.
type Service struct {
	opt Options

	mu     sync.Mutex
	queues map[string]*queue // by name
	seq    uint64            // message and receipt counter
	notify chan struct{}     // closed and replaced when a message is sent
}

// ErrNotFound is returned for a queue that does not exist.
var ErrNotFound = errors.New("the specified queue does not exist")

// New returns an empty SQS.
func New(opt Options) *Service {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Region == "" {
		opt.Region = "us-east-1"
	}
	if opt.AccountID == "" {
		opt.AccountID = "123456789012"
	}
	return &Service{opt: opt, queues: map[string]*queue{}, notify: make(chan struct{})}
}

type queue struct {
	name       string
	arn        string
	url        string
	created    time.Time
	attrs      map[string]string // as set, for GetQueueAttributes
	fifo       bool
	contentDup bool
	visibility time.Duration
	retention  time.Duration
	delay      time.Duration
	waitTime   time.Duration
	maxSize    int
	dlqARN     string
	maxReceive int
	msgs       []*message          // in send order
	dedup      map[string]dedupRec // FIFO: dedup ID -> first send
	fifoSeq    uint64
}

type dedupRec struct {
	at        time.Time
	messageID string
	seq       string
}

// MessageAttribute is a message attribute value.
type MessageAttribute struct {
	DataType    string `json:"DataType"`
	StringValue string `json:"StringValue,omitempty"`
	BinaryValue []byte `json:"BinaryValue,omitempty"`
}

type message struct {
	id           string
	body         string
	attrs        map[string]MessageAttribute
	sysAttrs     map[string]string // AWSTraceHeader etc.
	sent         time.Time
	visibleAt    time.Time
	receives     int
	firstReceive time.Time
	handle       string // current receipt handle ("" when never received)
	inFlight     bool
	group        string
	dedupID      string
	seqNum       string
	senderID     string
	deadLetter   string // source queue ARN when redriven
}

// Error is an SQS error with its JSON-protocol type and query code.
type Error struct {
	Status    int
	Type      string // e.g. QueueDoesNotExist
	QueryCode string // e.g. AWS.SimpleQueueService.NonExistentQueue
	Message   string
	Sender    bool
}

func (e *Error) Error() string { return e.Type + ": " + e.Message }

func errf(typ, query, format string, args ...any) *Error {
	return &Error{Status: 400, Type: typ, QueryCode: query, Message: fmt.Sprintf(format, args...), Sender: true}
}

func invalidParam(format string, args ...any) *Error {
	return errf("InvalidParameterValue", "InvalidParameterValue", format, args...)
}

func noQueue() *Error {
	return errf("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.")
}

// ARN returns the ARN a queue name has in this account.
func (s *Service) ARN(name string) string {
	return fmt.Sprintf("arn:aws:sqs:%s:%s:%s", s.opt.Region, s.opt.AccountID, name)
}

// URL returns the URL a queue name has in this account.
func (s *Service) URL(name string) string {
	base := s.opt.URLBase
	if base == "" {
		base = fmt.Sprintf("https://sqs.%s.amazonaws.com", s.opt.Region)
	}
	return strings.TrimSuffix(base, "/") + "/" + s.opt.AccountID + "/" + name
}

var queueName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`)

// lookup finds a queue by URL, ARN or name. Callers hold s.mu.
func (s *Service) lookup(ref string) (*queue, *Error) {
	name := ref
	if strings.HasPrefix(ref, "arn:") {
		name = ref[strings.LastIndex(ref, ":")+1:]
	} else if i := strings.LastIndex(ref, "/"); i >= 0 {
		name = ref[i+1:]
	}
	q, ok := s.queues[name]
	if !ok {
		return nil, noQueue()
	}
	return q, nil
}

func (s *Service) newID() string {
	s.seq++
	// Deterministic, UUID-shaped IDs keep grading output stable.
	h := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", s.opt.AccountID, s.seq)))
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-4" + x[13:16] + "-a" + x[17:20] + "-" + x[20:32]
}

// CreateQueue creates a queue (idempotent for identical attributes) and
// returns its URL.
func (s *Service) CreateQueue(name string, attrs map[string]string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.createLocked(name, attrs); e != nil {
		return "", e
	}
	return s.URL(name), nil
}

func (s *Service) createLocked(name string, attrs map[string]string) *Error {
	base := strings.TrimSuffix(name, ".fifo")
	if !queueName.MatchString(base) || len(name) > 80 {
		return invalidParam("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
	}
	fifo := strings.HasSuffix(name, ".fifo")
	if v, ok := attrs["FifoQueue"]; ok && v == "true" && !fifo {
		return errf("InvalidAttributeName", "InvalidParameterValue", "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.")
	}
	if fifo && attrs["FifoQueue"] != "true" {
		return invalidParam("The attribute FifoQueue must be set to true for a queue whose name ends with .fifo")
	}
	if q, ok := s.queues[name]; ok {
		for k, v := range attrs {
			if q.attrs[k] != v {
				return errf("QueueNameExists", "QueueAlreadyExists", "A queue already exists with the same name and a different value for attribute %s", k)
			}
		}
		return nil
	}
	q := &queue{name: name, arn: s.ARN(name), url: s.URL(name), created: s.opt.Now(), fifo: fifo,
		attrs: map[string]string{}, visibility: DefaultVisibility, retention: DefaultRetention, maxSize: MaxMessageSize,
		dedup: map[string]dedupRec{}}
	if e := q.setAttributes(attrs, s); e != nil {
		return e
	}
	s.queues[name] = q
	return nil
}

func (q *queue) setAttributes(attrs map[string]string, s *Service) *Error {
	num := func(k, v string, lo, hi int) (int, *Error) {
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			return 0, errf("InvalidAttributeValue", "InvalidAttributeValue", "Invalid value for the parameter %s.", k)
		}
		return n, nil
	}
	for k, v := range attrs {
		switch k {
		case "VisibilityTimeout":
			n, e := num(k, v, 0, 43200)
			if e != nil {
				return e
			}
			q.visibility = time.Duration(n) * time.Second
		case "MessageRetentionPeriod":
			n, e := num(k, v, 60, 1209600)
			if e != nil {
				return e
			}
			q.retention = time.Duration(n) * time.Second
		case "DelaySeconds":
			n, e := num(k, v, 0, 900)
			if e != nil {
				return e
			}
			q.delay = time.Duration(n) * time.Second
		case "ReceiveMessageWaitTimeSeconds":
			n, e := num(k, v, 0, 20)
			if e != nil {
				return e
			}
			q.waitTime = time.Duration(n) * time.Second
		case "MaximumMessageSize":
			n, e := num(k, v, 1024, 262144)
			if e != nil {
				return e
			}
			q.maxSize = n
		case "RedrivePolicy":
			if v == "" {
				q.dlqARN, q.maxReceive = "", 0
				break
			}
			var rp struct {
				DeadLetterTargetArn string `json:"deadLetterTargetArn"`
				MaxReceiveCount     any    `json:"maxReceiveCount"`
			}
			if err := json.Unmarshal([]byte(v), &rp); err != nil || rp.DeadLetterTargetArn == "" {
				return errf("InvalidAttributeValue", "InvalidAttributeValue", "Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.")
			}
			n := 0
			switch m := rp.MaxReceiveCount.(type) {
			case float64:
				n = int(m)
			case string:
				n, _ = strconv.Atoi(m)
			}
			if n < 1 || n > 1000 {
				return errf("InvalidAttributeValue", "InvalidAttributeValue", "Invalid value for the parameter RedrivePolicy. Reason: Invalid value for maxReceiveCount: %v, valid values are from 1 to 1000 both inclusive.", rp.MaxReceiveCount)
			}
			dlq, e := s.lookup(rp.DeadLetterTargetArn)
			if e != nil {
				return errf("InvalidAttributeValue", "InvalidAttributeValue", "Value %s for parameter RedrivePolicy is invalid. Reason: Dead-letter target does not exist.", v)
			}
			if dlq.fifo != q.fifo {
				return errf("InvalidAttributeValue", "InvalidAttributeValue", "Value %s for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be same type of queue as the source.", v)
			}
			q.dlqARN, q.maxReceive = rp.DeadLetterTargetArn, n
		case "FifoQueue":
			if v != "true" && v != "false" {
				return errf("InvalidAttributeValue", "InvalidAttributeValue", "Invalid value for the parameter FifoQueue.")
			}
		case "ContentBasedDeduplication":
			if !q.fifo {
				return errf("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute ContentBasedDeduplication.")
			}
			q.contentDup = v == "true"
		case "Policy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "RedriveAllowPolicy",
			"DeduplicationScope", "FifoThroughputLimit":
		default:
			return errf("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute %s.", k)
		}
		q.attrs[k] = v
	}
	return nil
}

// Call handles one SQS operation with its JSON 1.0 body.
func (s *Service) Call(ctx context.Context, op string, body []byte) (status int, resp []byte) {
	defer func() {
		// Nothing a learner sends may crash the process.
		if r := recover(); r != nil {
			status, resp = encodeError(&Error{Status: 500, Type: "InternalError", Message: fmt.Sprint("internal error: ", r)})
		}
	}()
	if len(body) == 0 {
		body = []byte("{}")
	}
	h, ok := ops[op]
	if !ok {
		return encodeError(&Error{Status: 400, Type: "UnknownOperationException", Message: "learnsls's SQS does not support " + op})
	}
	out, e := h(ctx, s, body)
	if e != nil {
		return encodeError(e)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return encodeError(&Error{Status: 500, Type: "InternalError", Message: err.Error()})
	}
	return http.StatusOK, b
}

func encodeError(e *Error) (int, []byte) {
	b, _ := json.Marshal(map[string]string{"__type": "com.amazonaws.sqs#" + e.Type, "message": e.Message})
	return e.Status, b
}

type opFunc func(ctx context.Context, s *Service, body []byte) (any, *Error)

var ops map[string]opFunc

func init() {
	ops = map[string]opFunc{
		"CreateQueue":                  opCreateQueue,
		"GetQueueUrl":                  opGetQueueURL,
		"DeleteQueue":                  opDeleteQueue,
		"ListQueues":                   opListQueues,
		"GetQueueAttributes":           opGetQueueAttributes,
		"SetQueueAttributes":           opSetQueueAttributes,
		"PurgeQueue":                   opPurgeQueue,
		"SendMessage":                  opSendMessage,
		"SendMessageBatch":             opSendMessageBatch,
		"ReceiveMessage":               opReceiveMessage,
		"DeleteMessage":                opDeleteMessage,
		"DeleteMessageBatch":           opDeleteMessageBatch,
		"ChangeMessageVisibility":      opChangeVisibility,
		"ChangeMessageVisibilityBatch": opChangeVisibilityBatch,
	}
}

func decode(body []byte, v any) *Error {
	if err := json.Unmarshal(body, v); err != nil {
		return &Error{Status: 400, Type: "SerializationException", Message: "could not read the request body: " + err.Error()}
	}
	return nil
}

func opCreateQueue(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueName  string
		Attributes map[string]string
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.createLocked(in.QueueName, in.Attributes); e != nil {
		return nil, e
	}
	return map[string]string{"QueueUrl": s.URL(in.QueueName)}, nil
}

func opGetQueueURL(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct{ QueueName string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.queues[in.QueueName]; !ok {
		return nil, noQueue()
	}
	return map[string]string{"QueueUrl": s.URL(in.QueueName)}, nil
}

func opDeleteQueue(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct{ QueueUrl string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(in.QueueUrl)
	if e != nil {
		return nil, e
	}
	delete(s.queues, q.name)
	return struct{}{}, nil
}

func opListQueues(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct{ QueueNamePrefix string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var urls []string
	for name := range s.queues {
		if strings.HasPrefix(name, in.QueueNamePrefix) {
			urls = append(urls, s.URL(name))
		}
	}
	sort.Strings(urls)
	if len(urls) == 0 {
		return struct{}{}, nil
	}
	return map[string][]string{"QueueUrls": urls}, nil
}

func opGetQueueAttributes(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueUrl       string
		AttributeNames []string
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(in.QueueUrl)
	if e != nil {
		return nil, e
	}
	all := q.attributes(s.opt.Now())
	out := map[string]string{}
	for _, n := range in.AttributeNames {
		if n == "All" {
			out = all
			break
		}
		v, ok := all[n]
		if !ok {
			if n == "RedrivePolicy" || n == "ContentBasedDeduplication" || n == "Policy" {
				continue
			}
			return nil, errf("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute %s.", n)
		}
		out[n] = v
	}
	if len(out) == 0 {
		return struct{}{}, nil
	}
	return map[string]any{"Attributes": out}, nil
}

func (q *queue) attributes(now time.Time) map[string]string {
	visible, inflight, delayed := 0, 0, 0
	for _, m := range q.msgs {
		switch {
		case m.inFlight && now.Before(m.visibleAt):
			inflight++
		case now.Before(m.visibleAt):
			delayed++
		default:
			visible++
		}
	}
	secs := func(d time.Duration) string { return strconv.Itoa(int(d / time.Second)) }
	a := map[string]string{
		"QueueArn":                              q.arn,
		"ApproximateNumberOfMessages":           strconv.Itoa(visible),
		"ApproximateNumberOfMessagesNotVisible": strconv.Itoa(inflight),
		"ApproximateNumberOfMessagesDelayed":    strconv.Itoa(delayed),
		"CreatedTimestamp":                      strconv.FormatInt(q.created.Unix(), 10),
		"LastModifiedTimestamp":                 strconv.FormatInt(q.created.Unix(), 10),
		"VisibilityTimeout":                     secs(q.visibility),
		"MaximumMessageSize":                    strconv.Itoa(q.maxSize),
		"MessageRetentionPeriod":                secs(q.retention),
		"DelaySeconds":                          secs(q.delay),
		"ReceiveMessageWaitTimeSeconds":         secs(q.waitTime),
		"SqsManagedSseEnabled":                  "true",
	}
	if q.fifo {
		a["FifoQueue"] = "true"
		a["ContentBasedDeduplication"] = strconv.FormatBool(q.contentDup)
	}
	if q.dlqARN != "" {
		b, _ := json.Marshal(map[string]any{"deadLetterTargetArn": q.dlqARN, "maxReceiveCount": q.maxReceive})
		a["RedrivePolicy"] = string(b)
	}
	if p, ok := q.attrs["Policy"]; ok {
		a["Policy"] = p
	}
	return a
}

func opSetQueueAttributes(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueUrl   string
		Attributes map[string]string
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(in.QueueUrl)
	if e != nil {
		return nil, e
	}
	return struct{}{}, q.setAttributes(in.Attributes, s)
}

func opPurgeQueue(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct{ QueueUrl string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(in.QueueUrl)
	if e != nil {
		return nil, e
	}
	q.msgs = nil
	return struct{}{}, nil
}

// SendInput is one message to send.
type SendInput struct {
	MessageBody             string
	DelaySeconds            *int
	MessageAttributes       map[string]MessageAttribute
	MessageSystemAttributes map[string]MessageAttribute
	MessageGroupId          string
	MessageDeduplicationId  string
}

// SendResult is what SendMessage answers.
type SendResult struct {
	MessageId              string
	MD5OfMessageBody       string
	MD5OfMessageAttributes string `json:",omitempty"`
	SequenceNumber         string `json:",omitempty"`
}

func opSendMessage(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueUrl string
		SendInput
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	r, e := s.send(in.QueueUrl, in.SendInput, "")
	if e != nil {
		return nil, e
	}
	return r, nil
}

// Send sends one message to a queue given by URL, ARN or name; sender is
// the SenderId attribute (an account or role session ID).
func (s *Service) Send(queueRef string, in SendInput, sender string) (SendResult, error) {
	r, e := s.send(queueRef, in, sender)
	if e != nil {
		return r, e
	}
	return r, nil
}

func validBody(b string) bool {
	if !utf8.ValidString(b) {
		return false
	}
	for _, r := range b {
		if !(r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)) {
			return false
		}
	}
	return true
}

func (s *Service) send(ref string, in SendInput, sender string) (SendResult, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(ref)
	if e != nil {
		return SendResult{}, e
	}
	if in.MessageBody == "" {
		return SendResult{}, errf("MissingParameter", "MissingParameter", "The request must contain the parameter MessageBody.")
	}
	if !validBody(in.MessageBody) {
		return SendResult{}, errf("InvalidMessageContents", "InvalidMessageContents", "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF")
	}
	size := len(in.MessageBody)
	for k, v := range in.MessageAttributes {
		size += len(k) + len(v.DataType) + len(v.StringValue) + len(v.BinaryValue)
		if v.DataType == "" {
			return SendResult{}, invalidParam("The message attribute '%s' must contain a non-empty attribute type.", k)
		}
		if !strings.HasPrefix(v.DataType, "Binary") && v.StringValue == "" {
			return SendResult{}, invalidParam("The message attribute '%s' must contain a non-empty message attribute value for message attribute type '%s'.", k, v.DataType)
		}
	}
	if len(in.MessageAttributes) > 10 {
		return SendResult{}, invalidParam("Number of message attributes [%d] exceeds the allowed maximum [10].", len(in.MessageAttributes))
	}
	if size > q.maxSize {
		return SendResult{}, invalidParam("One or more parameters are invalid. Reason: Message must be shorter than %d bytes.", q.maxSize)
	}
	now := s.opt.Now()
	delay := q.delay
	if in.DelaySeconds != nil {
		if q.fifo {
			return SendResult{}, invalidParam("Value %d for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.", *in.DelaySeconds)
		}
		if *in.DelaySeconds < 0 || *in.DelaySeconds > 900 {
			return SendResult{}, invalidParam("Value %d for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.", *in.DelaySeconds)
		}
		delay = time.Duration(*in.DelaySeconds) * time.Second
	}
	res := SendResult{MD5OfMessageBody: md5Hex([]byte(in.MessageBody))}
	if len(in.MessageAttributes) > 0 {
		res.MD5OfMessageAttributes = MD5OfMessageAttributes(in.MessageAttributes)
	}
	m := &message{body: in.MessageBody, attrs: in.MessageAttributes, sent: now, visibleAt: now.Add(delay), senderID: sender}
	if m.senderID == "" {
		m.senderID = s.opt.AccountID
	}
	if v, ok := in.MessageSystemAttributes["AWSTraceHeader"]; ok {
		m.sysAttrs = map[string]string{"AWSTraceHeader": v.StringValue}
	}
	if q.fifo {
		if in.MessageGroupId == "" {
			return SendResult{}, errf("MissingParameter", "MissingParameter", "The request must contain the parameter MessageGroupId.")
		}
		dedup := in.MessageDeduplicationId
		if dedup == "" {
			if !q.contentDup {
				return SendResult{}, invalidParam("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
			}
			h := sha256.Sum256([]byte(in.MessageBody))
			dedup = hex.EncodeToString(h[:])
		}
		for k, d := range q.dedup {
			if now.Sub(d.at) >= dedupWindow {
				delete(q.dedup, k)
			}
		}
		if d, ok := q.dedup[dedup]; ok {
			// A duplicate inside the window is accepted but not enqueued.
			res.MessageId, res.SequenceNumber = d.messageID, d.seq
			return res, nil
		}
		q.fifoSeq++
		m.group, m.dedupID = in.MessageGroupId, dedup
		m.seqNum = fmt.Sprintf("%020d", 18800000000000000000/10+q.fifoSeq)
		res.SequenceNumber = m.seqNum
		m.id = s.newID()
		q.dedup[dedup] = dedupRec{at: now, messageID: m.id, seq: m.seqNum}
	} else {
		if in.MessageGroupId != "" {
			// Standard queues accept a group ID (fair queues) and ignore it
			// for ordering.
			m.group = in.MessageGroupId
		}
		if in.MessageDeduplicationId != "" {
			return SendResult{}, invalidParam("The request include parameter MessageDeduplicationId which is not valid for this queue type")
		}
		m.id = s.newID()
	}
	res.MessageId = m.id
	q.msgs = append(q.msgs, m)
	close(s.notify)
	s.notify = make(chan struct{})
	return res, nil
}

func opSendMessageBatch(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueUrl string
		Entries  []struct {
			Id string
			SendInput
		}
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	if len(in.Entries) == 0 {
		return nil, errf("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", "There should be at least one SendMessageBatchRequestEntry in the request.")
	}
	if len(in.Entries) > 10 {
		return nil, errf("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10. You have sent %d.", len(in.Entries))
	}
	seen, total := map[string]bool{}, 0
	for _, e := range in.Entries {
		if seen[e.Id] {
			return nil, errf("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id %s repeated.", e.Id)
		}
		if !batchID.MatchString(e.Id) {
			return nil, errf("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
		}
		seen[e.Id] = true
		total += len(e.MessageBody)
	}
	if total > MaxMessageSize {
		return nil, errf("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", "Batch requests cannot be longer than 262144 bytes. You have sent %d bytes.", total)
	}
	s.mu.Lock()
	_, e := s.lookup(in.QueueUrl)
	s.mu.Unlock()
	if e != nil {
		return nil, e
	}
	type ok struct {
		Id string
		SendResult
	}
	out := struct {
		Successful []ok
		Failed     []batchFailure
	}{Successful: []ok{}, Failed: []batchFailure{}}
	for _, en := range in.Entries {
		r, e := s.send(in.QueueUrl, en.SendInput, "")
		if e != nil {
			out.Failed = append(out.Failed, batchFailure{Id: en.Id, Code: e.Type, Message: e.Message, SenderFault: true})
			continue
		}
		out.Successful = append(out.Successful, ok{Id: en.Id, SendResult: r})
	}
	return out, nil
}

var batchID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`)

type batchFailure struct {
	Id          string
	Code        string
	Message     string
	SenderFault bool
}

// Message is a received message, as ReceiveMessage returns it.
type Message struct {
	MessageId              string
	ReceiptHandle          string
	MD5OfBody              string
	Body                   string
	Attributes             map[string]string           `json:",omitempty"`
	MD5OfMessageAttributes string                      `json:",omitempty"`
	MessageAttributes      map[string]MessageAttribute `json:",omitempty"`
}

// ReceiveInput is a ReceiveMessage request.
type ReceiveInput struct {
	QueueUrl                    string
	MaxNumberOfMessages         int
	VisibilityTimeout           *int
	WaitTimeSeconds             *int
	AttributeNames              []string
	MessageSystemAttributeNames []string
	MessageAttributeNames       []string
	ReceiveRequestAttemptId     string
}

func opReceiveMessage(ctx context.Context, s *Service, body []byte) (any, *Error) {
	var in ReceiveInput
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	msgs, e := s.receive(ctx, in)
	if e != nil {
		return nil, e
	}
	if len(msgs) == 0 {
		return struct{}{}, nil
	}
	return map[string]any{"Messages": msgs}, nil
}

// Receive receives messages (the ReceiveMessage operation) for in-process
// pollers such as Lambda's event source mappings.
func (s *Service) Receive(ctx context.Context, in ReceiveInput) ([]Message, error) {
	m, e := s.receive(ctx, in)
	if e != nil {
		return nil, e
	}
	return m, nil
}

func (s *Service) receive(ctx context.Context, in ReceiveInput) ([]Message, *Error) {
	max := in.MaxNumberOfMessages
	if max == 0 {
		max = 1
	}
	if max < 1 || max > 10 {
		return nil, invalidParam("Value %d for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.", max)
	}
	if in.VisibilityTimeout != nil && (*in.VisibilityTimeout < 0 || *in.VisibilityTimeout > 43200) {
		return nil, invalidParam("Value %d for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.", *in.VisibilityTimeout)
	}
	if in.WaitTimeSeconds != nil && (*in.WaitTimeSeconds < 0 || *in.WaitTimeSeconds > 20) {
		return nil, invalidParam("Value %d for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.", *in.WaitTimeSeconds)
	}
	var deadline time.Time
	for first := true; ; first = false {
		s.mu.Lock()
		q, e := s.lookup(in.QueueUrl)
		if e != nil {
			s.mu.Unlock()
			return nil, e
		}
		if first {
			wait := q.waitTime
			if in.WaitTimeSeconds != nil {
				wait = time.Duration(*in.WaitTimeSeconds) * time.Second
			}
			deadline = time.Now().Add(wait)
		}
		msgs := s.receiveLocked(q, in, max)
		notify := s.notify
		s.mu.Unlock()
		if len(msgs) > 0 || !s.opt.RealTimeWait {
			return msgs, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			return msgs, nil
		}
		// Wake on a new message, or poll for visibility timeouts expiring.
		select {
		case <-ctx.Done():
			return nil, nil
		case <-notify:
		case <-time.After(min(left, 200*time.Millisecond)):
		}
	}
}

func (s *Service) receiveLocked(q *queue, in ReceiveInput, max int) []Message {
	now := s.opt.Now()
	vis := q.visibility
	if in.VisibilityTimeout != nil {
		vis = time.Duration(*in.VisibilityTimeout) * time.Second
	}
	s.expire(q, now)
	wantAttr := func(name string) bool {
		for _, l := range [][]string{in.AttributeNames, in.MessageSystemAttributeNames} {
			for _, n := range l {
				if n == "All" || n == name {
					return true
				}
			}
		}
		return false
	}
	wantMsgAttr := func(name string) bool {
		for _, n := range in.MessageAttributeNames {
			if n == "All" || n == ".*" || n == name || (strings.HasSuffix(n, ".*") && strings.HasPrefix(name, strings.TrimSuffix(n, "*"))) {
				return true
			}
		}
		return false
	}
	blocked := map[string]bool{} // FIFO groups with a message in flight
	if q.fifo {
		for _, m := range q.msgs {
			if m.inFlight && now.Before(m.visibleAt) {
				blocked[m.group] = true
			}
		}
	}
	var out []Message
	// FIFO: as many messages of one group as possible, then the next
	// group's, each group in order and never past an in-flight message.
	served := map[string]bool{}
	for {
		group := ""
		s.receivePass(q, now, vis, max, blocked, served, &group, &out, wantAttr, wantMsgAttr)
		if !q.fifo || group == "" || len(out) >= max {
			return out
		}
		served[group] = true
	}
}

func (s *Service) receivePass(q *queue, now time.Time, vis time.Duration, max int, blocked, served map[string]bool, group *string,
	out *[]Message, wantAttr, wantMsgAttr func(string) bool) {
	for i := 0; i < len(q.msgs) && len(*out) < max; i++ {
		m := q.msgs[i]
		if now.Before(m.visibleAt) {
			if q.fifo {
				blocked[m.group] = true // keep the group's order
			}
			continue
		}
		if q.fifo {
			if blocked[m.group] || served[m.group] {
				continue
			}
			if *group != "" && m.group != *group {
				continue
			}
			*group = m.group
		}
		if q.dlqARN != "" && m.receives >= q.maxReceive {
			// The receive after maxReceiveCount moves the message to the
			// dead-letter queue instead of returning it.
			if dlq, e := s.lookup(q.dlqARN); e == nil {
				q.msgs = append(q.msgs[:i], q.msgs[i+1:]...)
				i--
				m.inFlight, m.handle = false, ""
				m.visibleAt = now
				m.deadLetter = q.arn
				dlq.msgs = append(dlq.msgs, m)
				continue
			}
		}
		m.receives++
		if m.receives == 1 {
			m.firstReceive = now
		}
		s.seq++
		m.handle = receiptHandle(m.id, s.seq)
		m.inFlight = true
		m.visibleAt = now.Add(vis)
		rm := Message{MessageId: m.id, ReceiptHandle: m.handle, MD5OfBody: md5Hex([]byte(m.body)), Body: m.body}
		attrs := map[string]string{
			"SenderId":                         m.senderID,
			"SentTimestamp":                    strconv.FormatInt(m.sent.UnixMilli(), 10),
			"ApproximateReceiveCount":          strconv.Itoa(m.receives),
			"ApproximateFirstReceiveTimestamp": strconv.FormatInt(m.firstReceive.UnixMilli(), 10),
		}
		if q.fifo {
			attrs["MessageGroupId"] = m.group
			attrs["MessageDeduplicationId"] = m.dedupID
			attrs["SequenceNumber"] = m.seqNum
		}
		if m.deadLetter != "" {
			attrs["DeadLetterQueueSourceArn"] = m.deadLetter
		}
		for k, v := range m.sysAttrs {
			attrs[k] = v
		}
		for k, v := range attrs {
			if wantAttr(k) {
				if rm.Attributes == nil {
					rm.Attributes = map[string]string{}
				}
				rm.Attributes[k] = v
			}
		}
		for k, v := range m.attrs {
			if wantMsgAttr(k) {
				if rm.MessageAttributes == nil {
					rm.MessageAttributes = map[string]MessageAttribute{}
				}
				rm.MessageAttributes[k] = v
			}
		}
		if len(rm.MessageAttributes) > 0 {
			rm.MD5OfMessageAttributes = MD5OfMessageAttributes(rm.MessageAttributes)
		}
		*out = append(*out, rm)
	}
}

// expire drops messages past the retention period.
func (s *Service) expire(q *queue, now time.Time) {
	kept := q.msgs[:0]
	for _, m := range q.msgs {
		if now.Sub(m.sent) < q.retention {
			kept = append(kept, m)
		}
	}
	for i := len(kept); i < len(q.msgs); i++ {
		q.msgs[i] = nil
	}
	q.msgs = kept
}

func receiptHandle(id string, n uint64) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s#%d", id, n)))
	return "AQEB" + hex.EncodeToString(h[:]) + "#" + id + "#" + strconv.FormatUint(n, 10)
}

// findHandle finds the message a receipt handle was issued for; stale is
// true when the message has been received again since.
func (q *queue) findHandle(h string) (idx int, stale bool, e *Error) {
	parts := strings.Split(h, "#")
	if len(parts) != 3 || !strings.HasPrefix(h, "AQEB") {
		return -1, false, errf("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", "The input receipt handle \"%s\" is not a valid receipt handle.", h)
	}
	for i, m := range q.msgs {
		if m.id == parts[1] {
			return i, m.handle != h, nil
		}
	}
	return -1, true, nil // already deleted (or expired): succeeds quietly
}

func opDeleteMessage(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct{ QueueUrl, ReceiptHandle string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	return struct{}{}, s.delete(in.QueueUrl, in.ReceiptHandle)
}

// Delete deletes a received message by its receipt handle.
func (s *Service) Delete(queueRef, handle string) error {
	if e := s.delete(queueRef, handle); e != nil {
		return e
	}
	return nil
}

func (s *Service) delete(ref, handle string) *Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(ref)
	if e != nil {
		return e
	}
	i, stale, e := q.findHandle(handle)
	if e != nil {
		return e
	}
	// A handle from an earlier receive succeeds without deleting, as on SQS.
	if i >= 0 && !stale {
		q.msgs = append(q.msgs[:i], q.msgs[i+1:]...)
	}
	return nil
}

func opDeleteMessageBatch(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueUrl string
		Entries  []struct{ Id, ReceiptHandle string }
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	if len(in.Entries) == 0 {
		return nil, errf("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", "There should be at least one DeleteMessageBatchRequestEntry in the request.")
	}
	if len(in.Entries) > 10 {
		return nil, errf("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10. You have sent %d.", len(in.Entries))
	}
	type ok struct{ Id string }
	out := struct {
		Successful []ok
		Failed     []batchFailure
	}{Successful: []ok{}, Failed: []batchFailure{}}
	for _, en := range in.Entries {
		if e := s.delete(in.QueueUrl, en.ReceiptHandle); e != nil {
			if e.Type == "QueueDoesNotExist" {
				return nil, e
			}
			out.Failed = append(out.Failed, batchFailure{Id: en.Id, Code: e.Type, Message: e.Message, SenderFault: true})
			continue
		}
		out.Successful = append(out.Successful, ok{en.Id})
	}
	return out, nil
}

func opChangeVisibility(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueUrl, ReceiptHandle string
		VisibilityTimeout       int
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	return struct{}{}, s.changeVisibility(in.QueueUrl, in.ReceiptHandle, in.VisibilityTimeout)
}

// ChangeVisibility sets a received message's visibility timeout from now.
func (s *Service) ChangeVisibility(queueRef, handle string, seconds int) error {
	if e := s.changeVisibility(queueRef, handle, seconds); e != nil {
		return e
	}
	return nil
}

func (s *Service) changeVisibility(ref, handle string, secs int) *Error {
	if secs < 0 || secs > 43200 {
		return invalidParam("Value %d for parameter VisibilityTimeout is invalid. Reason: VisibilityTimeout must be an integer between 0 and 43200.", secs)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(ref)
	if e != nil {
		return e
	}
	i, stale, e := q.findHandle(handle)
	if e != nil {
		return e
	}
	now := s.opt.Now()
	if i < 0 || stale || !q.msgs[i].inFlight || !now.Before(q.msgs[i].visibleAt) {
		return errf("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", "Message does not exist or is not available for visibility timeout change.")
	}
	q.msgs[i].visibleAt = now.Add(time.Duration(secs) * time.Second)
	if secs == 0 {
		q.msgs[i].inFlight = false
	}
	return nil
}

func opChangeVisibilityBatch(_ context.Context, s *Service, body []byte) (any, *Error) {
	var in struct {
		QueueUrl string
		Entries  []struct {
			Id, ReceiptHandle string
			VisibilityTimeout int
		}
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	if len(in.Entries) == 0 {
		return nil, errf("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", "There should be at least one ChangeMessageVisibilityBatchRequestEntry in the request.")
	}
	if len(in.Entries) > 10 {
		return nil, errf("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10. You have sent %d.", len(in.Entries))
	}
	type ok struct{ Id string }
	out := struct {
		Successful []ok
		Failed     []batchFailure
	}{Successful: []ok{}, Failed: []batchFailure{}}
	for _, en := range in.Entries {
		if e := s.changeVisibility(in.QueueUrl, en.ReceiptHandle, en.VisibilityTimeout); e != nil {
			out.Failed = append(out.Failed, batchFailure{Id: en.Id, Code: e.Type, Message: e.Message, SenderFault: true})
			continue
		}
		out.Successful = append(out.Successful, ok{en.Id})
	}
	return out, nil
}

// QueueMessage is a stored message as checks and the UI see it (without
// receiving it).
type QueueMessage struct {
	MessageID         string                      `json:"messageId"`
	Body              string                      `json:"body"`
	MessageAttributes map[string]MessageAttribute `json:"messageAttributes,omitempty"`
	ReceiveCount      int                         `json:"receiveCount"`
	InFlight          bool                        `json:"inFlight"`
	GroupID           string                      `json:"groupId,omitempty"`
}

// Peek lists a queue's stored messages (visible, in flight or delayed) in
// order, without receiving them.
func (s *Service) Peek(queueRef string) ([]QueueMessage, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(queueRef)
	if e != nil {
		return nil, e
	}
	now := s.opt.Now()
	s.expire(q, now)
	out := make([]QueueMessage, 0, len(q.msgs))
	for _, m := range q.msgs {
		out = append(out, QueueMessage{MessageID: m.id, Body: m.body, MessageAttributes: m.attrs, ReceiveCount: m.receives,
			InFlight: m.inFlight && now.Before(m.visibleAt), GroupID: m.group})
	}
	return out, nil
}

// Queues lists queue names, sorted.
func (s *Service) Queues() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.queues))
	for n := range s.queues {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// VisibilityTimeout returns a queue's default visibility timeout.
func (s *Service) VisibilityTimeout(queueRef string) (time.Duration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(queueRef)
	if e != nil {
		return 0, e
	}
	return q.visibility, nil
}

// Reset empties every queue (grading's reset between checks), keeping the
// queues and their attributes.
func (s *Service) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range s.queues {
		q.msgs, q.dedup = nil, map[string]dedupRec{}
	}
}

func md5Hex(b []byte) string {
	h := md5.Sum(b)
	return hex.EncodeToString(h[:])
}

// MD5OfMessageAttributes is SQS's digest of message attributes: names
// sorted, each name, data type and value length-prefixed, with a transport
// byte (1 string, 2 binary) before the value. SDKs verify it.
func MD5OfMessageAttributes(attrs map[string]MessageAttribute) string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	h := md5.New()
	put := func(b []byte) {
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(b)))
		h.Write(l[:])
		h.Write(b)
	}
	for _, n := range names {
		a := attrs[n]
		put([]byte(n))
		put([]byte(a.DataType))
		if strings.HasPrefix(a.DataType, "Binary") {
			h.Write([]byte{2})
			put(a.BinaryValue)
		} else {
			h.Write([]byte{1})
			put([]byte(a.StringValue))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Visible counts the messages a receive could return now, and reports
// when the oldest of them was sent (for batching windows).
func (s *Service) Visible(queueRef string) (n int, oldest time.Time, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, e := s.lookup(queueRef)
	if e != nil {
		return 0, time.Time{}, e
	}
	now := s.opt.Now()
	s.expire(q, now)
	for _, m := range q.msgs {
		if !now.Before(m.visibleAt) {
			if n == 0 || m.sent.Before(oldest) {
				oldest = m.sent
			}
			n++
		}
	}
	return n, oldest, nil
}
