// Package sns simulates Amazon SNS topics: Publish (with message attributes
// and subjects), subscriptions to Lambda and SQS (with raw message
// delivery), and filter policies on message attributes or on the message
// body (FilterPolicyScope), using EventBridge's pattern engine, whose
// syntax SNS filter policies share. Calls use the wire-JSON shape of the
// guest SDK's SNS client. Deliveries are queued and handed to
// Options.Deliver by Pump, so a stack decides when they land.
package sns

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/learnsls/learnsls/sandbox/events/pattern"
)

// MaxMessageSize is Publish's limit (message plus attributes).
const MaxMessageSize = 262144

// Options configure a Service.
type Options struct {
	Now       func() time.Time
	Region    string
	AccountID string
	Deliver   func(ctx context.Context, d Delivery) error
}

// Delivery is one message bound for one subscription endpoint.
type Delivery struct {
	SubscriptionArn string
	Protocol        string // lambda, sqs
	Endpoint        string // function or queue ARN
	// Payload is the SNSEvent JSON (lambda), the envelope JSON (sqs) or
	// the raw message (sqs with RawMessageDelivery).
	Payload []byte
	// Attributes are passed as SQS message attributes with raw delivery.
	Attributes map[string]MessageAttribute
	Raw        bool
}

// MessageAttribute is a message attribute value.
type MessageAttribute struct {
	DataType    string
	StringValue string `json:",omitempty"`
	BinaryValue []byte `json:",omitempty"`
}

// Service is one account's SNS.
type Service struct {
	opt     Options
	mu      sync.Mutex
	topics  map[string]*topic // by ARN
	pending []Delivery
	failed  []string
	seq     uint64
}

type topic struct {
	arn, name string
	attrs     map[string]string
	subs      []*subscription
}

type subscription struct {
	arn, protocol, endpoint string
	raw                     bool
	policySrc, scope        string
	policy                  *pattern.Pattern
}

// New returns an empty SNS.
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
	return &Service{opt: opt, topics: map[string]*topic{}}
}

// Error is an SNS error.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func invalid(format string, args ...any) *Error {
	return &Error{400, "InvalidParameter", fmt.Sprintf(format, args...)}
}

// Call handles one operation with its wire-JSON body.
func (s *Service) Call(ctx context.Context, op string, body []byte) (status int, resp []byte) {
	defer func() {
		if r := recover(); r != nil {
			status, resp = encodeError(&Error{500, "InternalError", fmt.Sprint("internal error: ", r)})
		}
	}()
	if len(body) == 0 {
		body = []byte("{}")
	}
	h, ok := ops[op]
	if !ok {
		return encodeError(&Error{400, "InvalidAction", "learnsls's SNS does not support " + op})
	}
	out, e := h(s, body)
	if e != nil {
		return encodeError(e)
	}
	b, _ := json.Marshal(out)
	return http.StatusOK, b
}

func encodeError(e *Error) (int, []byte) {
	b, _ := json.Marshal(map[string]string{"__type": e.Code, "code": e.Code, "message": e.Message})
	return e.Status, b
}

type opFunc func(s *Service, body []byte) (any, *Error)

var ops map[string]opFunc

func init() {
	ops = map[string]opFunc{
		"CreateTopic":              opCreateTopic,
		"DeleteTopic":              opDeleteTopic,
		"ListTopics":               opListTopics,
		"Subscribe":                opSubscribe,
		"Unsubscribe":              opUnsubscribe,
		"ListSubscriptionsByTopic": opListSubscriptions,
		"Publish":                  opPublish,
		"PublishBatch":             opPublishBatch,
	}
}

func decode(body []byte, v any) *Error {
	if err := json.Unmarshal(body, v); err != nil {
		return invalid("could not read the request: %v", err)
	}
	return nil
}

var topicName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// CreateTopic creates a topic (idempotent) and returns its ARN.
func (s *Service) CreateTopic(name string, attrs map[string]string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	arn, e := s.createLocked(name, attrs)
	if e != nil {
		return "", e
	}
	return arn, nil
}

func (s *Service) createLocked(name string, attrs map[string]string) (string, *Error) {
	if !topicName.MatchString(strings.TrimSuffix(name, ".fifo")) {
		return "", invalid("Invalid parameter: Topic Name")
	}
	arn := fmt.Sprintf("arn:aws:sns:%s:%s:%s", s.opt.Region, s.opt.AccountID, name)
	if _, ok := s.topics[arn]; !ok {
		s.topics[arn] = &topic{arn: arn, name: name, attrs: attrs}
	}
	return arn, nil
}

func opCreateTopic(s *Service, body []byte) (any, *Error) {
	var in struct {
		Name       string
		Attributes map[string]string
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	arn, e := s.createLocked(in.Name, in.Attributes)
	if e != nil {
		return nil, e
	}
	return map[string]string{"TopicArn": arn}, nil
}

func opDeleteTopic(s *Service, body []byte) (any, *Error) {
	var in struct{ TopicArn string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.topics, in.TopicArn)
	return struct{}{}, nil
}

func opListTopics(s *Service, body []byte) (any, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	arns := make([]string, 0, len(s.topics))
	for a := range s.topics {
		arns = append(arns, a)
	}
	sort.Strings(arns)
	out := []map[string]string{}
	for _, a := range arns {
		out = append(out, map[string]string{"TopicArn": a})
	}
	return map[string]any{"Topics": out}, nil
}

func (s *Service) topic(arn string) (*topic, *Error) {
	t, ok := s.topics[arn]
	if !ok {
		return nil, &Error{404, "NotFound", "Topic does not exist"}
	}
	return t, nil
}

// SubscribeInput is a subscription request.
type SubscribeInput struct {
	TopicArn   string
	Protocol   string
	Endpoint   string
	Attributes map[string]string
}

// Subscribe subscribes an endpoint (template deploys) and returns the ARN.
func (s *Service) Subscribe(in SubscribeInput) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	arn, e := s.subscribeLocked(in)
	if e != nil {
		return "", e
	}
	return arn, nil
}

func (s *Service) subscribeLocked(in SubscribeInput) (string, *Error) {
	t, e := s.topic(in.TopicArn)
	if e != nil {
		return "", e
	}
	switch in.Protocol {
	case "lambda", "sqs":
		if !strings.HasPrefix(in.Endpoint, "arn:aws:"+in.Protocol+":") {
			return "", invalid("Invalid parameter: %s endpoint ARN", strings.ToUpper(in.Protocol[:1])+in.Protocol[1:])
		}
	case "email", "email-json", "http", "https", "sms", "application", "firehose":
		return "", invalid("Invalid parameter: learnsls delivers only to lambda and sqs subscriptions, not %s", in.Protocol)
	default:
		return "", invalid("Invalid parameter: Amazon SNS does not support this protocol string: %s", in.Protocol)
	}
	sub := &subscription{protocol: in.Protocol, endpoint: in.Endpoint, scope: "MessageAttributes"}
	for k, v := range in.Attributes {
		switch k {
		case "RawMessageDelivery":
			sub.raw = v == "true"
		case "FilterPolicy":
			p, err := pattern.Compile([]byte(v))
			if err != nil {
				return "", invalid("Invalid parameter: FilterPolicy: %s", strings.TrimPrefix(err.Error(), "Event pattern is not valid. Reason: "))
			}
			sub.policy, sub.policySrc = p, v
		case "FilterPolicyScope":
			if v != "MessageAttributes" && v != "MessageBody" {
				return "", invalid("Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [%s]. Please use either MessageBody or MessageAttributes", v)
			}
			sub.scope = v
		case "RedrivePolicy", "DeliveryPolicy", "SubscriptionRoleArn":
		default:
			return "", invalid("Invalid parameter: Attributes Reason: Unknown attribute %s", k)
		}
	}
	for _, old := range t.subs {
		if old.protocol == sub.protocol && old.endpoint == sub.endpoint {
			old.raw, old.policy, old.policySrc, old.scope = sub.raw, sub.policy, sub.policySrc, sub.scope
			return old.arn, nil
		}
	}
	s.seq++
	sub.arn = t.arn + ":" + uuidish(fmt.Sprintf("sub/%s/%d", t.arn, s.seq))
	t.subs = append(t.subs, sub)
	return sub.arn, nil
}

func opSubscribe(s *Service, body []byte) (any, *Error) {
	var in SubscribeInput
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	arn, e := s.subscribeLocked(in)
	if e != nil {
		return nil, e
	}
	return map[string]string{"SubscriptionArn": arn}, nil
}

func opUnsubscribe(s *Service, body []byte) (any, *Error) {
	var in struct{ SubscriptionArn string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.topics {
		kept := t.subs[:0]
		for _, sub := range t.subs {
			if sub.arn != in.SubscriptionArn {
				kept = append(kept, sub)
			}
		}
		t.subs = kept
	}
	return struct{}{}, nil
}

func opListSubscriptions(s *Service, body []byte) (any, *Error) {
	var in struct{ TopicArn string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, e := s.topic(in.TopicArn)
	if e != nil {
		return nil, e
	}
	out := []map[string]string{}
	for _, sub := range t.subs {
		out = append(out, map[string]string{"SubscriptionArn": sub.arn, "Protocol": sub.protocol, "Endpoint": sub.endpoint,
			"TopicArn": t.arn, "Owner": s.opt.AccountID})
	}
	return map[string]any{"Subscriptions": out}, nil
}

// PublishInput is a Publish request.
type PublishInput struct {
	TopicArn          string
	TargetArn         string
	Message           string
	Subject           string
	MessageAttributes map[string]MessageAttribute
	MessageStructure  string
}

func opPublish(s *Service, body []byte) (any, *Error) {
	var in PublishInput
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	id, e := s.publish(in)
	if e != nil {
		return nil, e
	}
	return map[string]string{"MessageId": id}, nil
}

// Publish publishes a message (grading steps) and returns its ID.
func (s *Service) Publish(in PublishInput) (string, error) {
	id, e := s.publish(in)
	if e != nil {
		return "", e
	}
	return id, nil
}

func opPublishBatch(s *Service, body []byte) (any, *Error) {
	var in struct {
		TopicArn                   string
		PublishBatchRequestEntries []struct {
			Id string
			PublishInput
		}
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	if len(in.PublishBatchRequestEntries) == 0 || len(in.PublishBatchRequestEntries) > 10 {
		return nil, &Error{400, "TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible."}
	}
	type ok struct{ Id, MessageId string }
	type bad struct {
		Id, Code, Message string
		SenderFault       bool
	}
	out := struct {
		Successful []ok
		Failed     []bad
	}{[]ok{}, []bad{}}
	for _, en := range in.PublishBatchRequestEntries {
		en.TopicArn = in.TopicArn
		id, e := s.publish(en.PublishInput)
		if e != nil {
			out.Failed = append(out.Failed, bad{en.Id, e.Code, e.Message, true})
			continue
		}
		out.Successful = append(out.Successful, ok{en.Id, id})
	}
	return out, nil
}

func (s *Service) publish(in PublishInput) (string, *Error) {
	arn := in.TopicArn
	if arn == "" {
		arn = in.TargetArn
	}
	if in.Message == "" {
		return "", invalid("Invalid parameter: Empty message")
	}
	size := len(in.Message)
	for k, v := range in.MessageAttributes {
		size += len(k) + len(v.DataType) + len(v.StringValue) + len(v.BinaryValue)
		switch {
		case v.DataType == "String" || strings.HasPrefix(v.DataType, "String."):
		case v.DataType == "Number" || strings.HasPrefix(v.DataType, "Number."):
			if _, err := strconv.ParseFloat(v.StringValue, 64); err != nil {
				return "", invalid("Invalid parameter: Message attribute '%s' has an invalid value '%s' for type 'Number'", k, v.StringValue)
			}
		case v.DataType == "Binary" || strings.HasPrefix(v.DataType, "Binary."):
		default:
			return "", invalid("Invalid parameter: The message attribute '%s' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.", k)
		}
	}
	if size > MaxMessageSize {
		return "", invalid("Invalid parameter: Message too long")
	}
	if len(in.Subject) > 100 || strings.ContainsAny(in.Subject, "\r\n") {
		return "", invalid("Invalid parameter: Subject")
	}
	message := in.Message
	if in.MessageStructure == "json" {
		var per map[string]string
		if json.Unmarshal([]byte(in.Message), &per) != nil || per["default"] == "" {
			return "", invalid("Invalid parameter: Message Structure - No default entry in JSON message body")
		}
		message = per["default"]
		_ = per
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, e := s.topic(arn)
	if e != nil {
		return "", e
	}
	s.seq++
	id := uuidish(fmt.Sprintf("msg/%s/%d", s.opt.AccountID, s.seq))
	now := s.opt.Now().UTC()
	for _, sub := range t.subs {
		msg := message
		if in.MessageStructure == "json" {
			var per map[string]string
			json.Unmarshal([]byte(in.Message), &per)
			if v, ok := per[sub.protocol]; ok {
				msg = v
			}
		}
		if sub.policy != nil && !sub.matches(msg, in.MessageAttributes) {
			continue
		}
		s.pending = append(s.pending, s.delivery(t, sub, id, msg, in.Subject, in.MessageAttributes, now))
	}
	return id, nil
}

// matches applies a subscription's filter policy.
func (sub *subscription) matches(msg string, attrs map[string]MessageAttribute) bool {
	if sub.scope == "MessageBody" {
		ev, err := pattern.ParseEvent([]byte(msg))
		return err == nil && sub.policy.Matches(ev)
	}
	ev := map[string]any{}
	for k, a := range attrs {
		switch {
		case a.DataType == "String.Array":
			var arr []any
			if json.Unmarshal([]byte(a.StringValue), &arr) == nil {
				ev[k] = arr
			}
		case strings.HasPrefix(a.DataType, "Number"):
			f, _ := strconv.ParseFloat(a.StringValue, 64)
			ev[k] = f
		case strings.HasPrefix(a.DataType, "String"):
			ev[k] = a.StringValue
		}
	}
	return sub.policy.Matches(ev)
}

func (s *Service) delivery(t *topic, sub *subscription, id, msg, subject string, attrs map[string]MessageAttribute, now time.Time) Delivery {
	d := Delivery{SubscriptionArn: sub.arn, Protocol: sub.protocol, Endpoint: sub.endpoint, Raw: sub.raw}
	ts := now.Format("2006-01-02T15:04:05.000Z")
	cert := fmt.Sprintf("https://sns.%s.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem", s.opt.Region)
	unsub := fmt.Sprintf("https://sns.%s.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=%s", s.opt.Region, sub.arn)
	type attr struct{ Type, Value string }
	ma := map[string]attr{}
	for k, a := range attrs {
		v := a.StringValue
		if strings.HasPrefix(a.DataType, "Binary") {
			b, _ := json.Marshal(a.BinaryValue) // base64, as SNS shows binary values
			v = strings.Trim(string(b), `"`)
		}
		ma[k] = attr{a.DataType, v}
	}
	switch {
	case sub.protocol == "lambda":
		var subj any
		if subject != "" {
			subj = subject
		}
		rec := map[string]any{
			"EventVersion": "1.0", "EventSubscriptionArn": sub.arn, "EventSource": "aws:sns",
			"Sns": map[string]any{"Type": "Notification", "MessageId": id, "TopicArn": t.arn, "Subject": subj, "Message": msg,
				"Timestamp": ts, "SignatureVersion": "1", "Signature": "EXAMPLE", "SigningCertUrl": cert, "UnsubscribeUrl": unsub,
				"MessageAttributes": ma},
		}
		d.Payload, _ = json.Marshal(map[string]any{"Records": []any{rec}})
	case sub.raw:
		d.Payload, d.Attributes = []byte(msg), attrs
	default:
		env := struct {
			Type              string          `json:"Type"`
			MessageId         string          `json:"MessageId"`
			TopicArn          string          `json:"TopicArn"`
			Subject           string          `json:"Subject,omitempty"`
			Message           string          `json:"Message"`
			Timestamp         string          `json:"Timestamp"`
			SignatureVersion  string          `json:"SignatureVersion"`
			Signature         string          `json:"Signature"`
			SigningCertURL    string          `json:"SigningCertURL"`
			UnsubscribeURL    string          `json:"UnsubscribeURL"`
			MessageAttributes map[string]attr `json:"MessageAttributes,omitempty"`
		}{"Notification", id, t.arn, subject, msg, ts, "1", "EXAMPLE", cert, unsub, ma}
		if len(ma) == 0 {
			env.MessageAttributes = nil
		}
		d.Payload, _ = json.Marshal(env)
	}
	return d
}

// Pump hands every queued delivery to Options.Deliver and returns how many
// landed.
func (s *Service) Pump(ctx context.Context) int {
	n := 0
	for {
		s.mu.Lock()
		batch := s.pending
		s.pending = nil
		s.mu.Unlock()
		if len(batch) == 0 {
			return n
		}
		for _, d := range batch {
			var err error
			if s.opt.Deliver == nil {
				err = fmt.Errorf("no delivery configured")
			} else {
				err = s.opt.Deliver(ctx, d)
			}
			if err != nil {
				s.mu.Lock()
				s.failed = append(s.failed, d.SubscriptionArn+": "+err.Error())
				s.mu.Unlock()
				continue
			}
			n++
		}
	}
}

// Failures lists failed deliveries.
func (s *Service) Failures() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.failed...)
}

// Reset drops queued deliveries and failures.
func (s *Service) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending, s.failed = nil, nil
}

func uuidish(seed string) string {
	h := sha256.Sum256([]byte(seed))
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-4" + x[13:16] + "-a" + x[17:20] + "-" + x[20:32]
}
