package grade

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Event-driven steps and expectations: put an event on a bus, send to a
// queue, publish to a topic, deliver (run event source mappings, rule
// targets and subscriptions until quiet), then check queue contents
// (dead-letter queues included) and the email outbox.

// PutEventStep puts one event on an EventBridge bus.
type PutEventStep struct {
	Bus        string    `yaml:"bus"` // logical ID or name; default: the default bus
	Source     string    `yaml:"source"`
	DetailType string    `yaml:"detail-type"`
	Detail     yaml.Node `yaml:"detail"`
}

// SendMessageStep sends one message to a queue.
type SendMessageStep struct {
	Queue      string            `yaml:"queue"` // logical ID or name
	Body       string            `yaml:"body"`
	JSON       yaml.Node         `yaml:"json"` // a body given as YAML, sent as JSON
	Attributes map[string]string `yaml:"attributes"`
	GroupID    string            `yaml:"groupId"` // FIFO queues
}

// PublishStep publishes one message to an SNS topic.
type PublishStep struct {
	Topic      string            `yaml:"topic"` // logical ID or ARN
	Message    string            `yaml:"message"`
	JSON       yaml.Node         `yaml:"json"`
	Subject    string            `yaml:"subject"`
	Attributes map[string]string `yaml:"attributes"`
}

// QueueExpect checks a queue's messages after the steps (without
// receiving them).
type QueueExpect struct {
	Name     string      `yaml:"name"` // logical ID or name
	Count    *int        `yaml:"count"`
	Messages []yaml.Node `yaml:"messages"` // bodies, in order: JSON subsets with matchers, or strings
	Contains []string    `yaml:"contains"` // substrings some message body must contain
}

// OutboxExpect checks the emails sent.
type OutboxExpect struct {
	Count           *int   `yaml:"count"`
	To              string `yaml:"to"`              // some email went to this address
	SubjectContains string `yaml:"subjectContains"` // ... with this in the subject
	BodyContains    string `yaml:"bodyContains"`    // ... and this in its text or HTML
}

// EventStack is what event steps need from a stack; stacks without event
// services make those steps fail with a clear message.
type EventStack interface {
	PutEvent(ctx context.Context, bus, source, detailType string, detail []byte) error
	SendMessage(ctx context.Context, queue, body string, attrs map[string]string, groupID string) error
	Publish(ctx context.Context, topic, message, subject string, attrs map[string]string) error
	// Deliver runs deliveries until quiet (without moving the clock).
	Deliver(ctx context.Context) error
	QueueMessages(queue string) ([]QueueMessage, error)
	Outbox() []Email
}

// QueueMessage is a stored message as checks see it.
type QueueMessage struct {
	Body         string
	ReceiveCount int
}

// Email is a sent email as checks see it.
type Email struct {
	From    string
	To      []string
	Subject string
	Text    string
	HTML    string
}

var errNoEvents = errors.New("this sandbox has no event services (SQS, EventBridge, SNS)")

func (r *run) eventStack() (EventStack, error) {
	es, ok := r.stack.(EventStack)
	if !ok {
		return nil, errNoEvents
	}
	return es, nil
}

// eventStep runs an event step; handled is false for other steps.
func (r *run) eventStep(ctx context.Context, s Step) (handled bool, err error) {
	if s.PutEvent == nil && s.SendMessage == nil && s.Publish == nil && !s.Deliver {
		return false, nil
	}
	es, err := r.eventStack()
	if err != nil {
		return true, err
	}
	body := func(text string, n *yaml.Node) (string, error) {
		if n.Kind == 0 {
			return text, nil
		}
		v, err := nodeValue(n)
		if err != nil {
			return "", err
		}
		return compactJSONFull(v), nil
	}
	switch {
	case s.PutEvent != nil:
		p := s.PutEvent
		detail := "{}"
		if p.Detail.Kind != 0 {
			if detail, err = body("", &p.Detail); err != nil {
				return true, fmt.Errorf("putEvent detail: %w", err)
			}
		}
		if err := es.PutEvent(ctx, p.Bus, p.Source, p.DetailType, []byte(detail)); err != nil {
			return true, fmt.Errorf("put event on %s: %w", orOnly(p.Bus, "the default bus"), err)
		}
	case s.SendMessage != nil:
		m := s.SendMessage
		b, err := body(m.Body, &m.JSON)
		if err != nil {
			return true, fmt.Errorf("sendMessage json: %w", err)
		}
		if err := es.SendMessage(ctx, m.Queue, b, m.Attributes, m.GroupID); err != nil {
			return true, fmt.Errorf("send message to %s: %w", m.Queue, err)
		}
	case s.Publish != nil:
		p := s.Publish
		b, err := body(p.Message, &p.JSON)
		if err != nil {
			return true, fmt.Errorf("publish json: %w", err)
		}
		if err := es.Publish(ctx, p.Topic, b, p.Subject, p.Attributes); err != nil {
			return true, fmt.Errorf("publish to %s: %w", p.Topic, err)
		}
	case s.Deliver:
		if err := es.Deliver(ctx); err != nil {
			return true, fmt.Errorf("deliver events: %w", err)
		}
	}
	return true, nil
}

// expectEvents checks queue and outbox expectations.
func (r *run) expectEvents(e *Expect) (failure, expected, actual string) {
	if e.Queue == nil && e.Outbox == nil {
		return "", "", ""
	}
	es, err := r.eventStack()
	if err != nil {
		return err.Error(), "", ""
	}
	if q := e.Queue; q != nil {
		msgs, err := es.QueueMessages(q.Name)
		if err != nil {
			return fmt.Sprintf("queue %s: %v", q.Name, err), "", ""
		}
		var bodies []any
		for _, m := range msgs {
			var v any
			if json.Unmarshal([]byte(m.Body), &v) != nil {
				v = m.Body
			}
			bodies = append(bodies, normalize(v))
		}
		if q.Count != nil && len(msgs) != *q.Count {
			return fmt.Sprintf("expected %d message(s) in queue %s, found %d", *q.Count, q.Name, len(msgs)), "", prettyJSON(bodies)
		}
		if q.Messages != nil {
			var want []any
			for i := range q.Messages {
				v, err := nodeValue(&q.Messages[i])
				if err != nil {
					return err.Error(), "", ""
				}
				want = append(want, v)
			}
			if why := match(want, orEmpty(bodies), "messages"); why != "" {
				return fmt.Sprintf("queue %s: %s", q.Name, why), prettyJSON(want), prettyJSON(bodies)
			}
		}
		for _, sub := range q.Contains {
			found := false
			for _, m := range msgs {
				found = found || strings.Contains(m.Body, sub)
			}
			if !found {
				return fmt.Sprintf("no message in queue %s contains %q", q.Name, sub), "", prettyJSON(bodies)
			}
		}
	}
	if o := e.Outbox; o != nil {
		mails := es.Outbox()
		if o.Count != nil && len(mails) != *o.Count {
			return fmt.Sprintf("expected %d email(s) in the outbox, found %d", *o.Count, len(mails)), "", outboxText(mails)
		}
		if o.To != "" || o.SubjectContains != "" || o.BodyContains != "" {
			ok := false
			for _, m := range mails {
				to := o.To == ""
				for _, a := range m.To {
					to = to || strings.EqualFold(a, o.To) || strings.HasSuffix(strings.ToLower(a), "<"+strings.ToLower(o.To)+">")
				}
				ok = ok || (to && strings.Contains(m.Subject, o.SubjectContains) &&
					(strings.Contains(m.Text, o.BodyContains) || strings.Contains(m.HTML, o.BodyContains)))
			}
			if !ok {
				return fmt.Sprintf("no email in the outbox matches (to %q, subject containing %q, body containing %q)", o.To, o.SubjectContains, o.BodyContains), "", outboxText(mails)
			}
		}
	}
	return "", "", ""
}

func orEmpty(v []any) []any {
	if v == nil {
		return []any{}
	}
	return v
}

func outboxText(mails []Email) string {
	if len(mails) == 0 {
		return "(the outbox is empty)"
	}
	var b strings.Builder
	for _, m := range mails {
		fmt.Fprintf(&b, "to %s: %q\n", strings.Join(m.To, ", "), m.Subject)
	}
	return b.String()
}

// validateEventStep checks an event step's fields.
func validateEventStep(s Step, check string, add func(int, string, ...any)) {
	switch {
	case s.PutEvent != nil:
		if s.PutEvent.Source == "" || s.PutEvent.DetailType == "" {
			add(s.Line, "check %q: putEvent needs source and detail-type", check)
		}
	case s.SendMessage != nil:
		if s.SendMessage.Queue == "" {
			add(s.Line, "check %q: sendMessage needs a queue", check)
		}
		if (s.SendMessage.Body == "") == (s.SendMessage.JSON.Kind == 0) {
			add(s.Line, "check %q: sendMessage takes exactly one of body and json", check)
		}
	case s.Publish != nil:
		if s.Publish.Topic == "" {
			add(s.Line, "check %q: publish needs a topic", check)
		}
		if (s.Publish.Message == "") == (s.Publish.JSON.Kind == 0) {
			add(s.Line, "check %q: publish takes exactly one of message and json", check)
		}
	}
}

// The sandbox stack's event services, for the adapter in sandbox.go.

func (a *stackAdapter) PutEvent(ctx context.Context, bus, source, detailType string, detail []byte) error {
	_, err := a.s.PutEvent(bus, source, detailType, detail)
	return err
}

func (a *stackAdapter) SendMessage(ctx context.Context, queue, body string, attrs map[string]string, groupID string) error {
	_, err := a.s.SendMessage(queue, body, attrs, groupID)
	return err
}

func (a *stackAdapter) Publish(ctx context.Context, topic, message, subject string, attrs map[string]string) error {
	_, err := a.s.Publish(topic, message, subject, attrs)
	return err
}

func (a *stackAdapter) Deliver(ctx context.Context) error {
	_, err := a.s.Drain(ctx)
	return err
}

func (a *stackAdapter) QueueMessages(queue string) ([]QueueMessage, error) {
	msgs, err := a.s.QueueMessages(queue)
	if err != nil {
		return nil, err
	}
	out := make([]QueueMessage, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, QueueMessage{Body: m.Body, ReceiveCount: m.ReceiveCount})
	}
	return out, nil
}

func (a *stackAdapter) Outbox() []Email {
	var out []Email
	for _, m := range a.s.Outbox() {
		out = append(out, Email{From: m.From, To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML})
	}
	return out
}
