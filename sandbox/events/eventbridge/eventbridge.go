// Package eventbridge simulates Amazon EventBridge: event buses (default
// and custom), PutEvents, rules with event patterns (sandbox/events/pattern)
// or schedules (rate/cron on the caller's clock), targets with Input,
// InputPath and InputTransformer, and TestEventPattern. Calls arrive as AWS
// JSON 1.1 bodies (X-Amz-Target: AWSEvents.<Op>) through Call or ServeHTTP.
//
// Matched events are queued, not delivered inside PutEvents: Pump hands
// them to Options.Deliver, so a stack decides when (deterministically in
// grading, on a timer when serving) and how (Lambda, SQS, ...) they land.
package eventbridge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/learnsls/learnsls/sandbox/events/pattern"
)

// MaxPutEventsSize is PutEvents' limit on the total entry size.
const MaxPutEventsSize = 256 * 1024

// Options configure a Service.
type Options struct {
	Now       func() time.Time
	Region    string
	AccountID string
	// Deliver sends one matched event to one target; Pump calls it.
	Deliver func(ctx context.Context, d Delivery) error
}

// Delivery is one event bound for one target.
type Delivery struct {
	Bus     string
	Rule    string
	RuleARN string
	Target  Target
	Payload []byte // the event, or the target's transformed input
	Event   []byte // the original event
}

// Target is a rule target.
type Target struct {
	Id               string
	Arn              string
	RoleArn          string            `json:",omitempty"`
	Input            string            `json:",omitempty"`
	InputPath        string            `json:",omitempty"`
	InputTransformer *InputTransformer `json:",omitempty"`
	SqsParameters    *struct {
		MessageGroupId string
	} `json:",omitempty"`
	DeadLetterConfig *struct{ Arn string } `json:",omitempty"`
}

// InputTransformer rewrites the event for a target.
type InputTransformer struct {
	InputPathsMap map[string]string `json:",omitempty"`
	InputTemplate string
}

// Service is one account's EventBridge.
type Service struct {
	opt Options

	mu       sync.Mutex
	buses    map[string]*bus
	pending  []Delivery
	failed   []Failure
	seq      uint64
	lastTick time.Time
	put      []json.RawMessage // every accepted event, for checks
}

// Failure is a delivery that the target refused.
type Failure struct {
	Delivery Delivery
	Err      string
}

type bus struct {
	name  string
	arn   string
	rules map[string]*rule
	set   *pattern.RuleSet
}

type rule struct {
	name, arn, bus string
	patternSrc     string
	scheduleSrc    string
	sched          *schedule
	created        time.Time
	state          string
	description    string
	targets        []Target
}

// New returns EventBridge with the default bus.
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
	s := &Service{opt: opt, buses: map[string]*bus{}, lastTick: opt.Now()}
	s.buses["default"] = s.newBus("default")
	return s
}

func (s *Service) newBus(name string) *bus {
	return &bus{name: name, arn: fmt.Sprintf("arn:aws:events:%s:%s:event-bus/%s", s.opt.Region, s.opt.AccountID, name),
		rules: map[string]*rule{}, set: pattern.NewRuleSet()}
}

// Error is an EventBridge error.
type Error struct {
	Status  int
	Type    string
	Message string
}

func (e *Error) Error() string { return e.Type + ": " + e.Message }

func validation(format string, args ...any) *Error {
	return &Error{400, "ValidationException", fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) *Error {
	return &Error{400, "ResourceNotFoundException", fmt.Sprintf(format, args...)}
}

// busName accepts a name or an ARN; "" is the default bus.
func busName(ref string) string {
	if ref == "" {
		return "default"
	}
	if i := strings.Index(ref, ":event-bus/"); i >= 0 {
		return ref[i+len(":event-bus/"):]
	}
	return ref
}

func (s *Service) bus(ref string) (*bus, *Error) {
	b, ok := s.buses[busName(ref)]
	if !ok {
		return nil, notFound("Event bus %s does not exist.", busName(ref))
	}
	return b, nil
}

// Call handles one operation with its JSON body.
func (s *Service) Call(ctx context.Context, op string, body []byte) (status int, resp []byte) {
	defer func() {
		if r := recover(); r != nil {
			status, resp = encodeError(&Error{500, "InternalException", fmt.Sprint("internal error: ", r)})
		}
	}()
	if len(body) == 0 {
		body = []byte("{}")
	}
	h, ok := ops[op]
	if !ok {
		return encodeError(&Error{400, "UnknownOperationException", "learnsls's EventBridge does not support " + op})
	}
	out, e := h(s, body)
	if e != nil {
		return encodeError(e)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return encodeError(&Error{500, "InternalException", err.Error()})
	}
	return http.StatusOK, b
}

func encodeError(e *Error) (int, []byte) {
	b, _ := json.Marshal(map[string]string{"__type": e.Type, "message": e.Message})
	return e.Status, b
}

// TargetPrefix is the X-Amz-Target prefix of EventBridge's protocol.
const TargetPrefix = "AWSEvents."

// ServeHTTP is the HTTP door (AWS JSON 1.1). Credentials are not checked.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
	if r.Method != http.MethodPost || !strings.HasPrefix(target, TargetPrefix) {
		w.WriteHeader(400)
		w.Write([]byte(`{"__type":"UnknownOperationException","message":"POST an AWS JSON 1.1 request with X-Amz-Target: AWSEvents.<Operation>"}`))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 2<<20))
	if err != nil {
		w.WriteHeader(400)
		return
	}
	st, resp := s.Call(r.Context(), target[len(TargetPrefix):], body)
	w.WriteHeader(st)
	w.Write(resp)
}

type opFunc func(s *Service, body []byte) (any, *Error)

var ops map[string]opFunc

func init() {
	ops = map[string]opFunc{
		"CreateEventBus":    opCreateEventBus,
		"DeleteEventBus":    opDeleteEventBus,
		"DescribeEventBus":  opDescribeEventBus,
		"ListEventBuses":    opListEventBuses,
		"PutRule":           opPutRule,
		"DescribeRule":      opDescribeRule,
		"DeleteRule":        opDeleteRule,
		"ListRules":         opListRules,
		"EnableRule":        func(s *Service, b []byte) (any, *Error) { return opSetState(s, b, "ENABLED") },
		"DisableRule":       func(s *Service, b []byte) (any, *Error) { return opSetState(s, b, "DISABLED") },
		"PutTargets":        opPutTargets,
		"RemoveTargets":     opRemoveTargets,
		"ListTargetsByRule": opListTargets,
		"PutEvents":         opPutEvents,
		"TestEventPattern":  opTestEventPattern,
	}
}

func decode(body []byte, v any) *Error {
	if err := json.Unmarshal(body, v); err != nil {
		return &Error{400, "SerializationException", "could not read the request body: " + err.Error()}
	}
	return nil
}

var nameRE = regexp.MustCompile(`^[\.\-_A-Za-z0-9]{1,64}$`)

func opCreateEventBus(s *Service, body []byte) (any, *Error) {
	var in struct{ Name string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	if !nameRE.MatchString(in.Name) || in.Name == "default" {
		return nil, validation("1 validation error detected: Value '%s' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+", in.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.buses[in.Name]; ok {
		return nil, &Error{400, "ResourceAlreadyExistsException", fmt.Sprintf("Event bus %s already exists.", in.Name)}
	}
	b := s.newBus(in.Name)
	s.buses[in.Name] = b
	return map[string]string{"EventBusArn": b.arn}, nil
}

// CreateBus creates a custom bus (template deploys) and returns its ARN.
func (s *Service) CreateBus(name string) (string, error) {
	s.mu.Lock()
	if b, ok := s.buses[name]; ok {
		s.mu.Unlock()
		return b.arn, nil
	}
	s.mu.Unlock()
	st, resp := s.Call(context.Background(), "CreateEventBus", mustJSON(map[string]string{"Name": name}))
	if st != 200 {
		return "", fmt.Errorf("create event bus %s: %s", name, resp)
	}
	var out struct{ EventBusArn string }
	json.Unmarshal(resp, &out)
	return out.EventBusArn, nil
}

func opDeleteEventBus(s *Service, body []byte) (any, *Error) {
	var in struct{ Name string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	if in.Name == "default" {
		return nil, validation("Cannot delete event bus default.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.buses, in.Name)
	return struct{}{}, nil
}

func opDescribeEventBus(s *Service, body []byte) (any, *Error) {
	var in struct{ Name string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, e := s.bus(in.Name)
	if e != nil {
		return nil, e
	}
	return map[string]string{"Name": b.name, "Arn": b.arn}, nil
}

func opListEventBuses(s *Service, body []byte) (any, *Error) {
	var in struct{ NamePrefix string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]string
	for _, n := range sortedKeys(s.buses) {
		if strings.HasPrefix(n, in.NamePrefix) {
			out = append(out, map[string]string{"Name": n, "Arn": s.buses[n].arn})
		}
	}
	return map[string]any{"EventBuses": out}, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// RuleInput is a PutRule request.
type RuleInput struct {
	Name               string
	EventBusName       string `json:",omitempty"`
	EventPattern       string `json:",omitempty"`
	ScheduleExpression string `json:",omitempty"`
	State              string `json:",omitempty"`
	Description        string `json:",omitempty"`
	RoleArn            string `json:",omitempty"`
}

func opPutRule(s *Service, body []byte) (any, *Error) {
	var in RuleInput
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	arn, e := s.putRule(in)
	if e != nil {
		return nil, e
	}
	return map[string]string{"RuleArn": arn}, nil
}

// PutRule creates or updates a rule and returns its ARN.
func (s *Service) PutRule(in RuleInput) (string, error) {
	arn, e := s.putRule(in)
	if e != nil {
		return "", e
	}
	return arn, nil
}

func (s *Service) putRule(in RuleInput) (string, *Error) {
	if !nameRE.MatchString(in.Name) {
		return "", validation("1 validation error detected: Value '%s' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+", in.Name)
	}
	if in.EventPattern == "" && in.ScheduleExpression == "" {
		return "", validation("Parameter(s) EventPattern or ScheduleExpression must be specified.")
	}
	r := &rule{name: in.Name, patternSrc: in.EventPattern, scheduleSrc: in.ScheduleExpression, state: in.State, description: in.Description}
	if r.state == "" {
		r.state = "ENABLED"
	}
	if r.state != "ENABLED" && r.state != "DISABLED" {
		return "", validation("1 validation error detected: Value '%s' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]", r.state)
	}
	var p *pattern.Pattern
	if in.EventPattern != "" {
		var err error
		if p, err = pattern.Compile([]byte(in.EventPattern)); err != nil {
			return "", &Error{400, "InvalidEventPatternException", err.Error()}
		}
	}
	if in.ScheduleExpression != "" {
		if busName(in.EventBusName) != "default" {
			return "", validation("ScheduleExpression is supported only on the default event bus.")
		}
		sc, err := parseSchedule(in.ScheduleExpression)
		if err != nil {
			return "", validation("%s", err.Error())
		}
		r.sched = sc
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, e := s.bus(in.EventBusName)
	if e != nil {
		return "", e
	}
	r.bus = b.name
	if b.name == "default" {
		r.arn = fmt.Sprintf("arn:aws:events:%s:%s:rule/%s", s.opt.Region, s.opt.AccountID, in.Name)
	} else {
		r.arn = fmt.Sprintf("arn:aws:events:%s:%s:rule/%s/%s", s.opt.Region, s.opt.AccountID, b.name, in.Name)
	}
	r.created = s.opt.Now()
	if old, ok := b.rules[in.Name]; ok {
		r.targets, r.created = old.targets, old.created
		if old.scheduleSrc == in.ScheduleExpression {
			r.created = old.created
		} else {
			r.created = s.opt.Now()
		}
	}
	b.rules[in.Name] = r
	b.set.Remove(in.Name)
	if p != nil && r.state == "ENABLED" {
		b.set.Add(in.Name, p)
	}
	return r.arn, nil
}

func (s *Service) findRule(name, busRef string) (*bus, *rule, *Error) {
	b, e := s.bus(busRef)
	if e != nil {
		return nil, nil, e
	}
	r, ok := b.rules[name]
	if !ok {
		return nil, nil, notFound("Rule %s does not exist on EventBus %s.", name, b.name)
	}
	return b, r, nil
}

func (r *rule) describe() map[string]any {
	out := map[string]any{"Name": r.name, "Arn": r.arn, "EventBusName": r.bus, "State": r.state}
	if r.patternSrc != "" {
		out["EventPattern"] = r.patternSrc
	}
	if r.scheduleSrc != "" {
		out["ScheduleExpression"] = r.scheduleSrc
	}
	if r.description != "" {
		out["Description"] = r.description
	}
	return out
}

func opDescribeRule(s *Service, body []byte) (any, *Error) {
	var in struct{ Name, EventBusName string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, e := s.findRule(in.Name, in.EventBusName)
	if e != nil {
		return nil, e
	}
	return r.describe(), nil
}

func opDeleteRule(s *Service, body []byte) (any, *Error) {
	var in struct{ Name, EventBusName string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, r, e := s.findRule(in.Name, in.EventBusName)
	if e != nil {
		return struct{}{}, nil // deleting a missing rule succeeds
	}
	if len(r.targets) > 0 {
		return nil, validation("Rule can't be deleted since it has targets.")
	}
	delete(b.rules, in.Name)
	b.set.Remove(in.Name)
	return struct{}{}, nil
}

func opListRules(s *Service, body []byte) (any, *Error) {
	var in struct{ NamePrefix, EventBusName string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, e := s.bus(in.EventBusName)
	if e != nil {
		return nil, e
	}
	out := []map[string]any{}
	for _, n := range sortedKeys(b.rules) {
		if strings.HasPrefix(n, in.NamePrefix) {
			out = append(out, b.rules[n].describe())
		}
	}
	return map[string]any{"Rules": out}, nil
}

func opSetState(s *Service, body []byte, state string) (any, *Error) {
	var in struct{ Name, EventBusName string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, r, e := s.findRule(in.Name, in.EventBusName)
	if e != nil {
		return nil, e
	}
	r.state = state
	b.set.Remove(r.name)
	if state == "ENABLED" && r.patternSrc != "" {
		b.set.Add(r.name, pattern.MustCompile(r.patternSrc))
	}
	return struct{}{}, nil
}

func opPutTargets(s *Service, body []byte) (any, *Error) {
	var in struct {
		Rule, EventBusName string
		Targets            []Target
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	if e := s.putTargets(in.Rule, in.EventBusName, in.Targets); e != nil {
		return nil, e
	}
	return map[string]any{"FailedEntryCount": 0, "FailedEntries": []any{}}, nil
}

// PutTargets adds or replaces targets of a rule.
func (s *Service) PutTargets(ruleName, busRef string, targets []Target) error {
	if e := s.putTargets(ruleName, busRef, targets); e != nil {
		return e
	}
	return nil
}

func (s *Service) putTargets(ruleName, busRef string, targets []Target) *Error {
	if len(targets) == 0 || len(targets) > 10 {
		return validation("1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length between 1 and 10")
	}
	for _, t := range targets {
		if t.Id == "" || t.Arn == "" {
			return validation("Target Id and Arn are required.")
		}
		n := 0
		if t.Input != "" {
			n++
			if !json.Valid([]byte(t.Input)) {
				return validation("Input is not valid JSON.")
			}
		}
		if t.InputPath != "" {
			n++
		}
		if t.InputTransformer != nil {
			n++
			if t.InputTransformer.InputTemplate == "" {
				return validation("InputTemplate is required in InputTransformer.")
			}
		}
		if n > 1 {
			return validation("Only one of Input, InputPath, or InputTransformer may be specified for a target.")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, e := s.findRule(ruleName, busRef)
	if e != nil {
		return e
	}
	for _, t := range targets {
		replaced := false
		for i := range r.targets {
			if r.targets[i].Id == t.Id {
				r.targets[i], replaced = t, true
			}
		}
		if !replaced {
			if len(r.targets) >= 5 {
				return &Error{400, "LimitExceededException", "The requested resource exceeds the maximum number allowed."}
			}
			r.targets = append(r.targets, t)
		}
	}
	return nil
}

func opRemoveTargets(s *Service, body []byte) (any, *Error) {
	var in struct {
		Rule, EventBusName string
		Ids                []string
	}
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, e := s.findRule(in.Rule, in.EventBusName)
	if e != nil {
		return nil, e
	}
	kept := r.targets[:0]
	for _, t := range r.targets {
		drop := false
		for _, id := range in.Ids {
			drop = drop || t.Id == id
		}
		if !drop {
			kept = append(kept, t)
		}
	}
	r.targets = kept
	return map[string]any{"FailedEntryCount": 0, "FailedEntries": []any{}}, nil
}

func opListTargets(s *Service, body []byte) (any, *Error) {
	var in struct{ Rule, EventBusName string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, e := s.findRule(in.Rule, in.EventBusName)
	if e != nil {
		return nil, e
	}
	return map[string]any{"Targets": append([]Target{}, r.targets...)}, nil
}

// Entry is one PutEvents entry.
type Entry struct {
	Source       string
	DetailType   string
	Detail       string
	Resources    []string
	EventBusName string
	Time         *float64 `json:",omitempty"` // epoch seconds, as the SDK sends
}

// EntryResult is one entry's outcome.
type EntryResult struct {
	EventId      string `json:",omitempty"`
	ErrorCode    string `json:",omitempty"`
	ErrorMessage string `json:",omitempty"`
}

// PutEventsResult is PutEvents' answer.
type PutEventsResult struct {
	FailedEntryCount int
	Entries          []EntryResult
}

func opPutEvents(s *Service, body []byte) (any, *Error) {
	var in struct{ Entries []Entry }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	r, e := s.putEvents(in.Entries)
	if e != nil {
		return nil, e
	}
	return r, nil
}

// PutEvents puts entries on their buses (grading steps, other services).
func (s *Service) PutEvents(entries []Entry) (PutEventsResult, error) {
	r, e := s.putEvents(entries)
	if e != nil {
		return r, e
	}
	return r, nil
}

// entrySize is AWS's documented PutEvents entry size calculation.
func entrySize(e Entry) int {
	n := 0
	if e.Time != nil {
		n += 14
	}
	n += len(e.Source) + len(e.DetailType) + len(e.Detail)
	for _, r := range e.Resources {
		n += len(r)
	}
	return n
}

func (s *Service) putEvents(entries []Entry) (PutEventsResult, *Error) {
	if len(entries) == 0 || len(entries) > 10 {
		return PutEventsResult{}, validation("1 validation error detected: Value '[...]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10")
	}
	total := 0
	for _, e := range entries {
		total += entrySize(e)
	}
	if total > MaxPutEventsSize {
		return PutEventsResult{}, validation("Total size of the entries in the request is over the limit.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	res := PutEventsResult{Entries: make([]EntryResult, len(entries))}
	now := s.opt.Now().UTC()
	for i, e := range entries {
		fail := func(code, msg string) {
			res.Entries[i] = EntryResult{ErrorCode: code, ErrorMessage: msg}
			res.FailedEntryCount++
		}
		switch {
		case e.Source == "":
			fail("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.")
			continue
		case e.DetailType == "":
			fail("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.")
			continue
		case e.Detail == "":
			fail("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.")
			continue
		case strings.HasPrefix(e.Source, "aws."):
			fail("NotAuthorizedForSourceException", "Not authorized for the source.")
			continue
		}
		var detail map[string]any
		if json.Unmarshal([]byte(e.Detail), &detail) != nil || detail == nil {
			fail("MalformedDetail", "Detail is malformed.")
			continue
		}
		b, err := s.bus(e.EventBusName)
		if err != nil {
			fail("ResourceNotFoundException", err.Message)
			continue
		}
		at := now
		if e.Time != nil {
			at = time.Unix(0, int64(*e.Time*1e9)).UTC()
		}
		id := s.newID()
		ev := Event{Version: "0", ID: id, DetailType: e.DetailType, Source: e.Source, Account: s.opt.AccountID,
			Time: at.Format("2006-01-02T15:04:05Z"), Region: s.opt.Region, Resources: e.Resources, Detail: json.RawMessage(e.Detail)}
		if ev.Resources == nil {
			ev.Resources = []string{}
		}
		s.dispatch(b, ev)
		res.Entries[i] = EntryResult{EventId: id}
	}
	return res, nil
}

// Event is an EventBridge event, with AWS's field names and order.
type Event struct {
	Version    string          `json:"version"`
	ID         string          `json:"id"`
	DetailType string          `json:"detail-type"`
	Source     string          `json:"source"`
	Account    string          `json:"account"`
	Time       string          `json:"time"`
	Region     string          `json:"region"`
	Resources  []string        `json:"resources"`
	Detail     json.RawMessage `json:"detail"`
}

// dispatch matches an event against a bus's rules and queues deliveries.
// Callers hold s.mu.
func (s *Service) dispatch(b *bus, ev Event) {
	raw, _ := json.Marshal(ev)
	if len(s.put) < 10000 {
		s.put = append(s.put, raw)
	}
	m, err := pattern.ParseEvent(raw)
	if err != nil {
		return
	}
	for _, name := range b.set.MatchingRules(nil, m) {
		r := b.rules[name]
		s.queueTargets(b, r, raw, m)
	}
}

func (s *Service) queueTargets(b *bus, r *rule, raw []byte, m map[string]any) {
	for _, t := range r.targets {
		payload, err := transform(t, raw, m, r, s.opt.Now())
		if err != nil {
			s.failed = append(s.failed, Failure{Delivery: Delivery{Bus: b.name, Rule: r.name, RuleARN: r.arn, Target: t, Event: raw}, Err: err.Error()})
			continue
		}
		s.pending = append(s.pending, Delivery{Bus: b.name, Rule: r.name, RuleARN: r.arn, Target: t, Payload: payload, Event: raw})
	}
}

func (s *Service) newID() string {
	s.seq++
	h := sha256.Sum256([]byte(fmt.Sprintf("events/%s/%d", s.opt.AccountID, s.seq)))
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-4" + x[13:16] + "-a" + x[17:20] + "-" + x[20:32]
}

func opTestEventPattern(s *Service, body []byte) (any, *Error) {
	var in struct{ EventPattern, Event string }
	if e := decode(body, &in); e != nil {
		return nil, e
	}
	p, err := pattern.Compile([]byte(in.EventPattern))
	if err != nil {
		return nil, &Error{400, "InvalidEventPatternException", err.Error()}
	}
	ev, err := pattern.ParseEvent([]byte(in.Event))
	if err != nil {
		return nil, validation("Parameter Event is not valid.")
	}
	// TestEventPattern wants a whole event, envelope included.
	for _, f := range []string{"id", "account", "source", "time", "region", "detail-type"} {
		if _, ok := ev[f]; !ok {
			return nil, validation("Parameter Event is not valid. Reason: Provided Event is missing required field %s.", f)
		}
	}
	return map[string]bool{"Result": p.Matches(ev)}, nil
}

// Tick fires scheduled rules due up to the clock's now.
func (s *Service) Tick() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opt.Now()
	after := s.lastTick
	s.lastTick = now
	b := s.buses["default"]
	for _, name := range sortedKeys(b.rules) {
		r := b.rules[name]
		if r.sched == nil || r.state != "ENABLED" {
			continue
		}
		for _, at := range r.sched.fires(r.created, after, now, 1000) {
			ev := Event{Version: "0", ID: s.newID(), DetailType: "Scheduled Event", Source: "aws.events", Account: s.opt.AccountID,
				Time: at.UTC().Format("2006-01-02T15:04:05Z"), Region: s.opt.Region, Resources: []string{r.arn}, Detail: json.RawMessage("{}")}
			raw, _ := json.Marshal(ev)
			m, _ := pattern.ParseEvent(raw)
			s.queueTargets(b, r, raw, m)
		}
	}
}

// Pending is the number of queued deliveries.
func (s *Service) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// Pump fires due schedules and delivers every queued event; it returns the
// number delivered. Failed deliveries are recorded (see Failures).
func (s *Service) Pump(ctx context.Context) int {
	s.Tick()
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
			if ctx.Err() != nil {
				return n
			}
			var err error
			if s.opt.Deliver == nil {
				err = fmt.Errorf("no delivery configured")
			} else {
				err = s.opt.Deliver(ctx, d)
			}
			if err != nil {
				s.mu.Lock()
				s.failed = append(s.failed, Failure{Delivery: d, Err: err.Error()})
				s.mu.Unlock()
				continue
			}
			n++
		}
	}
}

// Failures lists deliveries that failed.
func (s *Service) Failures() []Failure {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Failure(nil), s.failed...)
}

// Events lists every event accepted by PutEvents, oldest first.
func (s *Service) Events() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.put...)
}

// Reset drops queued deliveries, failures and the event log (grading's
// reset between checks); buses and rules stay.
func (s *Service) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending, s.failed, s.put = nil, nil, nil
	s.lastTick = s.opt.Now()
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
