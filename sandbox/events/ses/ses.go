// Package ses is the sandbox's email service: SendEmail (the SES v2 wire
// JSON the guest SDK's sesv2 client sends, or the v1 shape) records the
// message in an outbox that checks and the UI read. Nothing leaves the
// machine.
package ses

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/mail"
	"sync"
	"time"
)

// Email is one sent message as the outbox keeps it.
type Email struct {
	MessageID string    `json:"messageId"`
	Time      time.Time `json:"time"`
	From      string    `json:"from"`
	To        []string  `json:"to"`
	Cc        []string  `json:"cc,omitempty"`
	Bcc       []string  `json:"bcc,omitempty"`
	ReplyTo   []string  `json:"replyTo,omitempty"`
	Subject   string    `json:"subject"`
	Text      string    `json:"text,omitempty"`
	HTML      string    `json:"html,omitempty"`
	Raw       string    `json:"raw,omitempty"`
	Template  string    `json:"template,omitempty"`
	Data      string    `json:"templateData,omitempty"`
}

// Outbox records sent email.
type Outbox struct {
	now    func() time.Time
	region string
	mu     sync.Mutex
	sent   []Email
	seq    int
}

// New returns an empty outbox.
func New(now func() time.Time, region string) *Outbox {
	if now == nil {
		now = time.Now
	}
	return &Outbox{now: now, region: region}
}

type content struct{ Data string }

// sendInput covers SES v2's SendEmail and v1's SendEmail field names.
type sendInput struct {
	FromEmailAddress string
	Source           string
	Destination      struct{ ToAddresses, CcAddresses, BccAddresses []string }
	ReplyToAddresses []string
	Content          struct {
		Simple *struct {
			Subject content
			Body    struct{ Text, Html *content }
		}
		Raw      *struct{ Data []byte }
		Template *struct{ TemplateName, TemplateData string }
	}
	Message *struct {
		Subject content
		Body    struct{ Text, Html *content }
	}
}

// Call handles SendEmail; other operations are refused.
func (o *Outbox) Call(ctx context.Context, op string, body []byte) (int, []byte) {
	fail := func(status int, typ, msg string) (int, []byte) {
		b, _ := json.Marshal(map[string]string{"__type": typ, "message": msg})
		return status, b
	}
	if op != "SendEmail" {
		return fail(400, "BadRequestException", "learnsls's SES supports SendEmail only, not "+op)
	}
	var in sendInput
	if err := json.Unmarshal(body, &in); err != nil {
		return fail(400, "BadRequestException", "could not read the request: "+err.Error())
	}
	e := Email{From: in.FromEmailAddress, To: in.Destination.ToAddresses, Cc: in.Destination.CcAddresses,
		Bcc: in.Destination.BccAddresses, ReplyTo: in.ReplyToAddresses}
	if e.From == "" {
		e.From = in.Source
	}
	simple := in.Content.Simple
	if simple == nil && in.Message != nil {
		simple = in.Message
	}
	switch {
	case simple != nil:
		e.Subject = simple.Subject.Data
		if simple.Body.Text != nil {
			e.Text = simple.Body.Text.Data
		}
		if simple.Body.Html != nil {
			e.HTML = simple.Body.Html.Data
		}
	case in.Content.Raw != nil:
		e.Raw = string(in.Content.Raw.Data)
	case in.Content.Template != nil:
		e.Template, e.Data = in.Content.Template.TemplateName, in.Content.Template.TemplateData
	default:
		return fail(400, "BadRequestException", "Content is required: give Simple, Raw or Template content.")
	}
	if e.From == "" && e.Raw == "" {
		return fail(400, "BadRequestException", "FromEmailAddress is required.")
	}
	if len(e.To)+len(e.Cc)+len(e.Bcc) == 0 && e.Raw == "" {
		return fail(400, "BadRequestException", "Missing required field Destination: give at least one address.")
	}
	if len(e.To)+len(e.Cc)+len(e.Bcc) > 50 {
		return fail(400, "BadRequestException", "Recipient count exceeds 50.")
	}
	for _, a := range append(append(append([]string{e.From}, e.To...), e.Cc...), e.Bcc...) {
		if a == "" {
			continue
		}
		if _, err := mail.ParseAddress(a); err != nil {
			return fail(400, "BadRequestException", fmt.Sprintf("Illegal address: %s", a))
		}
	}
	o.mu.Lock()
	o.seq++
	h := sha256.Sum256([]byte(fmt.Sprint("ses/", o.seq)))
	e.MessageID = fmt.Sprintf("0100%s-%s-000000", hex.EncodeToString(h[:8]), hex.EncodeToString(h[8:16]))
	e.Time = o.now().UTC()
	o.sent = append(o.sent, e)
	o.mu.Unlock()
	b, _ := json.Marshal(map[string]string{"MessageId": e.MessageID})
	return 200, b
}

// Sent lists the outbox, oldest first.
func (o *Outbox) Sent() []Email {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Email(nil), o.sent...)
}

// Reset empties the outbox.
func (o *Outbox) Reset() {
	o.mu.Lock()
	o.sent = nil
	o.mu.Unlock()
}
