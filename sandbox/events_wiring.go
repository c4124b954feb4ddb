package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/learnsls/learnsls/sandbox/dynamodb"
	"github.com/learnsls/learnsls/sandbox/events/esm"
	"github.com/learnsls/learnsls/sandbox/events/eventbridge"
	"github.com/learnsls/learnsls/sandbox/events/ses"
	"github.com/learnsls/learnsls/sandbox/events/sns"
	"github.com/learnsls/learnsls/sandbox/events/sqs"
	"github.com/learnsls/learnsls/sandbox/iam"
	"github.com/learnsls/learnsls/sandbox/lambda"
	"github.com/learnsls/learnsls/sandbox/sam"
)

// eventServices are the stack's event-driven services: SQS, EventBridge,
// SNS and the SES outbox, plus the SQS event source mappings. Deliveries
// between them happen in Drain (which Advance calls), never inside a call,
// so a function that publishes is not re-entered and grading is
// deterministic.
type eventServices struct {
	sqs    *sqs.Service
	events *eventbridge.Service
	sns    *sns.Service
	ses    *ses.Outbox

	mu       sync.Mutex
	policies map[string]string // queue URL or topic ARN -> resource policy JSON
	sqsMaps  []*sqsMapping
	failures []string
	seq      int
	retries  []asyncInvoke // async invocations waiting for their retry
}

// asyncInvoke is an asynchronous invocation (from EventBridge or SNS) that
// failed and will be retried, as Lambda does: twice, one and then two
// minutes later.
type asyncInvoke struct {
	principal, source, fnARN string
	payload                  []byte
	attempt                  int
	due                      time.Time
}

type sqsMapping struct {
	logicalID string
	fnName    string
	enabled   bool
	m         *esm.SQSMapping
}

func (s *Stack) newEventServices() *eventServices {
	now := s.clock.Now
	ev := &eventServices{
		sqs: sqs.New(sqs.Options{Now: now, Region: s.opt.Region, AccountID: s.opt.AccountID, RealTimeWait: s.clock.real}),
		ses: ses.New(now, s.opt.Region),
	}
	ev.events = eventbridge.New(eventbridge.Options{Now: now, Region: s.opt.Region, AccountID: s.opt.AccountID, Deliver: s.deliverRuleTarget})
	ev.sns = sns.New(sns.Options{Now: now, Region: s.opt.Region, AccountID: s.opt.AccountID, Deliver: s.deliverSNS})
	return ev
}

// events returns the stack's event services, creating them on first use.
func (s *Stack) events() *eventServices {
	s.evOnce.Do(func() { s.ev = s.newEventServices() })
	return s.ev
}

// SQS is the stack's queue service (for checks, the UI and `learnsls local`).
func (s *Stack) SQS() *sqs.Service { return s.events().sqs }

// EventBridge is the stack's EventBridge.
func (s *Stack) EventBridge() *eventbridge.Service { return s.events().events }

// SNS is the stack's SNS.
func (s *Stack) SNS() *sns.Service { return s.events().sns }

// Outbox lists the email SendEmail calls recorded, oldest first.
func (s *Stack) Outbox() []ses.Email { return s.events().ses.Sent() }

// invokeFromService invokes a function on behalf of an AWS service: the
// function's resource policy must allow the service principal for the
// source ARN, as on AWS.
func (s *Stack) invokeFromService(ctx context.Context, principal, sourceARN, functionARN string, payload []byte) (*lambda.InvokeResult, error) {
	name := functionARN[strings.LastIndex(functionARN, ":")+1:]
	s.mu.Lock()
	policy := s.fnPolicies[name]
	s.mu.Unlock()
	if err := iam.ServiceInvoke(principal, sourceARN, s.opt.AccountID, functionARN, policy); err != nil {
		s.mu.Lock()
		s.denials = append(s.denials, err.Error())
		s.mu.Unlock()
		return nil, err
	}
	return s.lambda.Invoke(ctx, name, payload)
}

// invokeAsync invokes a function asynchronously: the caller's delivery
// succeeds once Lambda accepts the event; a function error schedules a
// retry on the clock (at most two).
func (s *Stack) invokeAsync(ctx context.Context, a asyncInvoke) error {
	res, err := s.invokeFromService(ctx, a.principal, a.source, a.fnARN, a.payload)
	if err != nil {
		return err
	}
	if res.FunctionError != "" && a.attempt < 2 {
		a.attempt++
		a.due = s.clock.Now().Add(time.Duration(a.attempt) * time.Minute)
		ev := s.events()
		ev.mu.Lock()
		ev.retries = append(ev.retries, a)
		ev.mu.Unlock()
	}
	return nil
}

// retryDue runs async retries whose time has come.
func (s *Stack) retryDue(ctx context.Context) int {
	ev := s.events()
	now := s.clock.Now()
	ev.mu.Lock()
	var due, later []asyncInvoke
	for _, a := range ev.retries {
		if !now.Before(a.due) {
			due = append(due, a)
		} else {
			later = append(later, a)
		}
	}
	ev.retries = later
	ev.mu.Unlock()
	for _, a := range due {
		_ = s.invokeAsync(ctx, a)
	}
	return len(due)
}

// deliverRuleTarget sends an EventBridge rule's event to its target.
func (s *Stack) deliverRuleTarget(ctx context.Context, d eventbridge.Delivery) error {
	arn := d.Target.Arn
	switch {
	case strings.HasPrefix(arn, "arn:aws:lambda:"):
		return s.invokeAsync(ctx, asyncInvoke{principal: "events.amazonaws.com", source: d.RuleARN, fnARN: arn, payload: d.Payload})
	case strings.HasPrefix(arn, "arn:aws:sqs:"):
		in := sqs.SendInput{MessageBody: string(d.Payload)}
		if d.Target.SqsParameters != nil {
			in.MessageGroupId = d.Target.SqsParameters.MessageGroupId
			if in.MessageGroupId != "" {
				in.MessageDeduplicationId = eventID(d.Event)
			}
		}
		_, err := s.events().sqs.Send(arn, in, "AIDAIEVENTBRIDGEEXAMPLE")
		return err
	case strings.HasPrefix(arn, "arn:aws:sns:"):
		_, err := s.events().sns.Publish(sns.PublishInput{TopicArn: arn, Message: string(d.Payload)})
		return err
	case strings.Contains(arn, ":event-bus/"):
		var e eventbridge.Event
		if err := json.Unmarshal(d.Event, &e); err != nil {
			return err
		}
		_, err := s.events().events.PutEvents([]eventbridge.Entry{{EventBusName: arn, Source: e.Source, DetailType: e.DetailType,
			Detail: string(e.Detail), Resources: e.Resources}})
		return err
	}
	return fmt.Errorf("target %s: learnsls delivers to Lambda, SQS, SNS and event buses only", arn)
}

func eventID(ev []byte) string {
	var e struct {
		ID string `json:"id"`
	}
	json.Unmarshal(ev, &e)
	return e.ID
}

// deliverSNS sends one SNS message to a subscription endpoint.
func (s *Stack) deliverSNS(ctx context.Context, d sns.Delivery) error {
	topic := d.SubscriptionArn[:strings.LastIndex(d.SubscriptionArn, ":")]
	switch d.Protocol {
	case "lambda":
		return s.invokeAsync(ctx, asyncInvoke{principal: "sns.amazonaws.com", source: topic, fnARN: d.Endpoint, payload: d.Payload})
	case "sqs":
		in := sqs.SendInput{MessageBody: string(d.Payload)}
		if d.Raw && len(d.Attributes) > 0 {
			in.MessageAttributes = map[string]sqs.MessageAttribute{}
			for k, a := range d.Attributes {
				in.MessageAttributes[k] = sqs.MessageAttribute{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: a.BinaryValue}
			}
		}
		_, err := s.events().sqs.Send(d.Endpoint, in, "AIDAISNSEXAMPLE")
		return err
	}
	return fmt.Errorf("protocol %s is not delivered by learnsls", d.Protocol)
}

// deployEvents creates the template's queues, topics, subscriptions, buses,
// rules and SQS event source mappings. It returns the logical IDs it wired.
func (s *Stack) deployEvents(m *sam.Model, byName map[string]sam.Function) ([]string, error) {
	ev := s.events()
	var wired []string
	for _, r := range m.Resources {
		var err error
		switch r.Type {
		case "AWS::SQS::Queue":
			err = ev.deployQueue(r)
		case "AWS::SNS::Topic":
			_, err = ev.sns.CreateTopic(r.Attributes["TopicName"], nil)
			if err == nil {
				subs, _ := r.Properties["Subscription"].([]any)
				for _, x := range subs {
					sp, _ := x.(map[string]any)
					if _, err = ev.sns.Subscribe(sns.SubscribeInput{TopicArn: r.PhysicalID, Protocol: str(sp["Protocol"]), Endpoint: str(sp["Endpoint"])}); err != nil {
						break
					}
				}
			}
		case "AWS::SNS::Subscription":
			attrs := map[string]string{}
			if fp, ok := r.Properties["FilterPolicy"]; ok {
				attrs["FilterPolicy"] = jsonText(fp)
			}
			if sc := str(r.Properties["FilterPolicyScope"]); sc != "" {
				attrs["FilterPolicyScope"] = sc
			}
			if raw, ok := r.Properties["RawMessageDelivery"]; ok {
				attrs["RawMessageDelivery"] = fmt.Sprint(raw)
			}
			_, err = ev.sns.Subscribe(sns.SubscribeInput{TopicArn: str(r.Properties["TopicArn"]), Protocol: str(r.Properties["Protocol"]),
				Endpoint: str(r.Properties["Endpoint"]), Attributes: attrs})
		case "AWS::Events::EventBus":
			_, err = ev.events.CreateBus(r.PhysicalID)
		case "AWS::Events::Rule":
			err = ev.deployRule(r)
		case "AWS::SQS::QueuePolicy":
			err = ev.deployResourcePolicy(r, "Queues")
		case "AWS::SNS::TopicPolicy":
			err = ev.deployResourcePolicy(r, "Topics")
		case "AWS::Lambda::EventSourceMapping":
			if !strings.HasPrefix(str(r.Properties["EventSourceArn"]), "arn:aws:sqs:") {
				continue
			}
			err = s.deploySQSMapping(r, byName)
		default:
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s (%s): %w", r.LogicalID, r.Type, err)
		}
		wired = append(wired, r.LogicalID)
	}
	return wired, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// jsonText turns a template value that holds JSON (an object, or JSON
// already as a string) into JSON text.
func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func (ev *eventServices) deployQueue(r *sam.Resource) error {
	name := r.Attributes["QueueName"]
	attrs := map[string]string{}
	for _, k := range []string{"VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize"} {
		if v, ok := r.Properties[k]; ok {
			attrs[k] = fmt.Sprint(v)
		}
	}
	for _, k := range []string{"FifoQueue", "ContentBasedDeduplication"} {
		if v, ok := r.Properties[k]; ok {
			attrs[k] = fmt.Sprint(v)
		}
	}
	if rp, ok := r.Properties["RedrivePolicy"]; ok {
		attrs["RedrivePolicy"] = jsonText(rp)
	}
	if attrs["FifoQueue"] == "false" {
		delete(attrs, "FifoQueue")
	}
	if strings.HasSuffix(name, ".fifo") {
		attrs["FifoQueue"] = "true"
	}
	body, _ := json.Marshal(map[string]any{"QueueName": name, "Attributes": attrs})
	if st, resp := ev.sqs.Call(context.Background(), "CreateQueue", body); st != http.StatusOK {
		if !strings.Contains(string(resp), "QueueNameExists") {
			return fmt.Errorf("create queue %s: %s", name, resp)
		}
		// Redeploy with changed attributes: update in place.
		delete(attrs, "FifoQueue")
		body, _ = json.Marshal(map[string]any{"QueueUrl": name, "Attributes": attrs})
		if st, resp := ev.sqs.Call(context.Background(), "SetQueueAttributes", body); st != http.StatusOK {
			return fmt.Errorf("update queue %s: %s", name, resp)
		}
	}
	return nil
}

// deployResourcePolicy records an AWS::SQS::QueuePolicy or
// AWS::SNS::TopicPolicy as the resource policy of each queue (by URL) or
// topic (by ARN) it lists; a queue also gets it as its Policy attribute,
// as GetQueueAttributes shows on AWS. The simulated services do not yet
// evaluate these policies when EventBridge or SNS deliver: delivery
// between resources of one stack is allowed either way.
func (ev *eventServices) deployResourcePolicy(r *sam.Resource, listKey string) error {
	doc := jsonText(r.Properties["PolicyDocument"])
	targets, _ := r.Properties[listKey].([]any)
	for _, x := range targets {
		ref := str(x)
		if ref == "" {
			return fmt.Errorf("%s lists %v, which is not a %s", listKey, x, strings.ToLower(strings.TrimSuffix(listKey, "s")))
		}
		if listKey == "Queues" {
			body, _ := json.Marshal(map[string]any{"QueueUrl": ref, "Attributes": map[string]string{"Policy": doc}})
			if st, resp := ev.sqs.Call(context.Background(), "SetQueueAttributes", body); st != http.StatusOK {
				return fmt.Errorf("set policy of queue %s: %s", ref, resp)
			}
		} else if !ev.hasTopic(ref) {
			return fmt.Errorf("topic %s does not exist", ref)
		}
		ev.mu.Lock()
		if ev.policies == nil {
			ev.policies = map[string]string{}
		}
		ev.policies[ref] = doc
		ev.mu.Unlock()
	}
	return nil
}

func (ev *eventServices) hasTopic(arn string) bool {
	_, resp := ev.sns.Call(context.Background(), "ListTopics", []byte("{}"))
	var out struct{ Topics []struct{ TopicArn string } }
	json.Unmarshal(resp, &out)
	for _, t := range out.Topics {
		if t.TopicArn == arn {
			return true
		}
	}
	return false
}

// ResourcePolicy returns the policy document (JSON) an AWS::SQS::QueuePolicy
// or AWS::SNS::TopicPolicy attached to a queue (by URL) or topic (by ARN).
func (s *Stack) ResourcePolicy(ref string) (string, bool) {
	ev := s.events()
	ev.mu.Lock()
	defer ev.mu.Unlock()
	p, ok := ev.policies[ref]
	return p, ok
}

func (ev *eventServices) deployRule(r *sam.Resource) error {
	in := eventbridge.RuleInput{Name: r.PhysicalID, EventBusName: str(r.Properties["EventBusName"]), State: str(r.Properties["State"]),
		ScheduleExpression: str(r.Properties["ScheduleExpression"]), Description: str(r.Properties["Description"])}
	if p, ok := r.Properties["EventPattern"]; ok {
		in.EventPattern = jsonText(p)
	}
	if in.State == "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" {
		in.State = "ENABLED"
	}
	if _, err := ev.events.PutRule(in); err != nil {
		return err
	}
	targets, _ := r.Properties["Targets"].([]any)
	var ts []eventbridge.Target
	for _, x := range targets {
		tp, _ := x.(map[string]any)
		t := eventbridge.Target{Id: str(tp["Id"]), Arn: str(tp["Arn"]), Input: str(tp["Input"]), InputPath: str(tp["InputPath"])}
		if it, ok := tp["InputTransformer"].(map[string]any); ok {
			t.InputTransformer = &eventbridge.InputTransformer{InputTemplate: str(it["InputTemplate"]), InputPathsMap: map[string]string{}}
			if pm, ok := it["InputPathsMap"].(map[string]any); ok {
				for k, v := range pm {
					t.InputTransformer.InputPathsMap[k] = str(v)
				}
			}
		}
		if sp, ok := tp["SqsParameters"].(map[string]any); ok {
			t.SqsParameters = &struct{ MessageGroupId string }{str(sp["MessageGroupId"])}
		}
		ts = append(ts, t)
	}
	if len(ts) == 0 {
		return nil
	}
	return ev.events.PutTargets(in.Name, in.EventBusName, ts)
}

func (s *Stack) deploySQSMapping(r *sam.Resource, byName map[string]sam.Function) error {
	ev := s.events()
	queueARN := str(r.Properties["EventSourceArn"])
	fn := str(r.Properties["FunctionName"])
	fn = fn[strings.LastIndex(fn, ":")+1:]
	f, ok := byName[fn]
	if !ok {
		return fmt.Errorf("function %s is not in this stack", fn)
	}
	if _, err := ev.sqs.VisibilityTimeout(queueARN); err != nil {
		return fmt.Errorf("queue %s does not exist", queueARN)
	}
	// Lambda polls with the function's role; without the permissions,
	// CreateEventSourceMapping fails, and so does the deploy.
	sess, err := s.session(f.Name)
	if err != nil {
		return err
	}
	for _, action := range []string{"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"} {
		if err := sess.Authorize(action, queueARN, nil, nil); err != nil {
			return fmt.Errorf("The provided execution role does not have permissions to call %s on SQS", strings.TrimPrefix(action, "sqs:"))
		}
	}
	mp := &esm.SQSMapping{Queue: ev.sqs, QueueARN: queueARN, Region: s.opt.Region, Now: s.clock.Now}
	if n, err := strconv.Atoi(fmt.Sprint(r.Properties["BatchSize"])); err == nil {
		mp.BatchSize = n
	}
	if n, err := strconv.Atoi(fmt.Sprint(r.Properties["MaximumBatchingWindowInSeconds"])); err == nil {
		mp.MaximumBatchingWindow = time.Duration(n) * time.Second
	}
	if l, ok := r.Properties["FunctionResponseTypes"].([]any); ok {
		for _, x := range l {
			mp.ReportBatchItemFailures = mp.ReportBatchItemFailures || x == "ReportBatchItemFailures"
		}
	}
	if fc, ok := r.Properties["FilterCriteria"]; ok {
		if mp.Filters, err = esm.CompileFilters(fc); err != nil {
			return fmt.Errorf("Invalid filter pattern definition. %w", err)
		}
	}
	name := f.Name
	mp.Invoke = func(ctx context.Context, payload []byte) ([]byte, bool, error) {
		res, err := s.lambda.Invoke(ctx, name, payload)
		if err != nil {
			return nil, false, err
		}
		return res.Payload, res.FunctionError != "", nil
	}
	enabled := true
	if b, ok := r.Properties["Enabled"].(bool); ok {
		enabled = b
	}
	ev.mu.Lock()
	kept := ev.sqsMaps[:0]
	for _, old := range ev.sqsMaps {
		if old.logicalID != r.LogicalID {
			kept = append(kept, old)
		}
	}
	ev.sqsMaps = append(kept, &sqsMapping{logicalID: r.LogicalID, fnName: f.Name, enabled: enabled, m: mp})
	ev.mu.Unlock()
	return nil
}

// pumpEventServices delivers one round: due schedules and queued events,
// SNS messages, and SQS batches to their functions. It returns how many
// deliveries and invocations happened.
func (s *Stack) pumpEventServices(ctx context.Context) int {
	ev := s.events()
	n := ev.events.Pump(ctx)
	n += ev.sns.Pump(ctx)
	n += s.retryDue(ctx)
	ev.mu.Lock()
	maps := append([]*sqsMapping(nil), ev.sqsMaps...)
	ev.mu.Unlock()
	for _, m := range maps {
		if !m.enabled {
			continue
		}
		r, err := m.m.Poll(ctx)
		n += r.Invocations
		if err != nil && !errors.Is(err, context.Canceled) {
			ev.mu.Lock()
			ev.failures = append(ev.failures, fmt.Sprintf("%s: %v", m.logicalID, err))
			ev.mu.Unlock()
		}
	}
	return n
}

// Drain delivers events until the stack is quiet: stream records, rule
// targets, SNS messages and SQS batches, repeating while one delivery
// causes another (a function that publishes, say). Messages waiting for a
// visibility timeout or a batching window stay until the clock moves.
func (s *Stack) Drain(ctx context.Context) (int, error) {
	total := 0
	for round := 0; round < 100; round++ {
		n, err := s.PumpEvents(ctx)
		if err != nil {
			return total + n, err
		}
		n += s.pumpEventServices(ctx)
		total += n
		if n == 0 {
			return total, nil
		}
	}
	return total, nil
}

// resetEvents empties queues, the outbox and pending deliveries.
func (s *Stack) resetEvents() {
	ev := s.events()
	ev.sqs.Reset()
	ev.events.Reset()
	ev.sns.Reset()
	ev.ses.Reset()
	ev.mu.Lock()
	ev.failures, ev.retries = nil, nil
	ev.mu.Unlock()
}

// callEvents serves a guest's call to an event service (after IAM).
func (s *Stack) callEvents(ctx context.Context, req lambda.AWSRequest) (lambda.AWSResponse, bool) {
	ev := s.events()
	var st int
	var body []byte
	switch req.Service {
	case "sqs":
		st, body = ev.sqs.Call(ctx, req.Operation, req.Body)
	case "sns":
		st, body = ev.sns.Call(ctx, req.Operation, req.Body)
	case "events":
		st, body = ev.events.Call(ctx, req.Operation, req.Body)
	case "ses", "sesv2", "email":
		st, body = ev.ses.Call(ctx, req.Operation, req.Body)
	default:
		return lambda.AWSResponse{}, false
	}
	return lambda.AWSResponse{Status: st, Body: body}, true
}

// isEventService reports whether a guest service name is served here.
func isEventService(service string) bool {
	switch service {
	case "sqs", "sns", "events", "ses", "sesv2", "email":
		return true
	}
	return false
}

// QueueMessages lists a queue's messages (by logical ID, name or URL)
// without receiving them.
func (s *Stack) QueueMessages(queue string) ([]sqs.QueueMessage, error) {
	ref := queue
	if m := s.Model(); m != nil {
		if r := m.Resource(queue); r != nil && r.Type == "AWS::SQS::Queue" {
			ref = r.Attributes["QueueName"]
		}
	}
	return s.events().sqs.Peek(ref)
}

// resolveRef maps a logical ID of the deployed template to its physical ID
// (queue URL, topic ARN, bus name); other values are returned unchanged.
func (s *Stack) resolveRef(id string) string {
	if m := s.Model(); m != nil {
		if r := m.Resource(id); r != nil {
			return r.PhysicalID
		}
	}
	return id
}

// PutEvent puts one event on a bus (logical ID or name; "" for default).
func (s *Stack) PutEvent(bus, source, detailType string, detail []byte) (string, error) {
	if len(detail) == 0 {
		detail = []byte("{}")
	}
	res, err := s.events().events.PutEvents([]eventbridge.Entry{{EventBusName: s.resolveRef(bus), Source: source, DetailType: detailType, Detail: string(detail)}})
	if err != nil {
		return "", err
	}
	if res.FailedEntryCount > 0 {
		return "", fmt.Errorf("%s: %s", res.Entries[0].ErrorCode, res.Entries[0].ErrorMessage)
	}
	return res.Entries[0].EventId, nil
}

// SendMessage sends a message to a queue (logical ID, name or URL).
func (s *Stack) SendMessage(queue, body string, attrs map[string]string, groupID string) (string, error) {
	ref := queue
	if m := s.Model(); m != nil {
		if r := m.Resource(queue); r != nil && r.Type == "AWS::SQS::Queue" {
			ref = r.Attributes["QueueName"]
		}
	}
	in := sqs.SendInput{MessageBody: body, MessageGroupId: groupID}
	if groupID != "" {
		ev := s.events()
		ev.mu.Lock()
		ev.seq++
		in.MessageDeduplicationId = "learnsls-check-" + strconv.Itoa(ev.seq)
		ev.mu.Unlock()
	}
	for k, v := range attrs {
		if in.MessageAttributes == nil {
			in.MessageAttributes = map[string]sqs.MessageAttribute{}
		}
		in.MessageAttributes[k] = sqs.MessageAttribute{DataType: "String", StringValue: v}
	}
	r, err := s.events().sqs.Send(ref, in, s.opt.AccountID)
	return r.MessageId, err
}

// Publish publishes to a topic (logical ID or ARN).
func (s *Stack) Publish(topic, message, subject string, attrs map[string]string) (string, error) {
	in := sns.PublishInput{TopicArn: s.resolveRef(topic), Message: message, Subject: subject}
	for k, v := range attrs {
		if in.MessageAttributes == nil {
			in.MessageAttributes = map[string]sns.MessageAttribute{}
		}
		in.MessageAttributes[k] = sns.MessageAttribute{DataType: "String", StringValue: v}
	}
	return s.events().sns.Publish(in)
}

// sendStreamFailure sends the record Lambda writes to an event source
// mapping's on-failure destination when it discards a stream batch: the
// batch's position in the stream, not the records themselves.
func (s *Stack) sendStreamFailure(ctx context.Context, sm *streamMapping, batch []dynamodb.StreamRecord, attempts int) {
	fnARN := fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", s.opt.Region, s.opt.AccountID, sm.fnName)
	first, last := batch[0].Dynamodb, batch[len(batch)-1].Dynamodb
	when := func(sec float64) string {
		return time.Unix(int64(sec), 0).UTC().Format("2006-01-02T15:04:05Z")
	}
	rec := map[string]any{
		"requestContext": map[string]any{"requestId": eventIDFor(batch), "functionArn": fnARN,
			"condition": "RetryAttemptsExhausted", "approximateInvokeCount": attempts},
		"responseContext": map[string]any{"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
		"version":         "1.0",
		"timestamp":       s.clock.Now().UTC().Format("2006-01-02T15:04:05.000Z"),
		"DDBStreamBatchInfo": map[string]any{"shardId": "shardId-00000000000000000000-00000000",
			"startSequenceNumber": first.SequenceNumber, "endSequenceNumber": last.SequenceNumber,
			"approximateArrivalOfFirstRecord": when(first.ApproximateCreationDateTime),
			"approximateArrivalOfLastRecord":  when(last.ApproximateCreationDateTime),
			"batchSize":                       len(batch), "streamArn": sm.streamARN},
	}
	body, _ := json.Marshal(rec)
	var err error
	switch {
	case strings.HasPrefix(sm.onFailure, "arn:aws:sqs:"):
		_, err = s.events().sqs.Send(sm.onFailure, sqs.SendInput{MessageBody: string(body)}, "AIDAILAMBDAEXAMPLE")
	case strings.HasPrefix(sm.onFailure, "arn:aws:sns:"):
		_, err = s.events().sns.Publish(sns.PublishInput{TopicArn: sm.onFailure, Message: string(body)})
	default:
		err = fmt.Errorf("on-failure destination %s must be an SQS queue or SNS topic", sm.onFailure)
	}
	if err != nil {
		ev := s.events()
		ev.mu.Lock()
		ev.failures = append(ev.failures, fmt.Sprintf("%s on-failure destination: %v", sm.m.LogicalID, err))
		ev.mu.Unlock()
	}
}

func eventIDFor(batch []dynamodb.StreamRecord) string {
	return batch[0].EventID
}
