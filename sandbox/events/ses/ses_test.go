package ses

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestSendEmail(t *testing.T) {
	o := New(func() time.Time { return time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC) }, "us-east-1")
	tests := []struct {
		body   string
		status int
		errSub string
	}{
		{`{"FromEmailAddress":"shop@example.com","Destination":{"ToAddresses":["ana@example.com"]},"Content":{"Simple":{"Subject":{"Data":"Welcome"},"Body":{"Text":{"Data":"Hi Ana"}}}}}`, 200, ""},
		{`{"Source":"shop@example.com","Destination":{"ToAddresses":["bo@example.com"]},"Message":{"Subject":{"Data":"v1"},"Body":{"Html":{"Data":"<p>x</p>"}}}}`, 200, ""},
		{`{"FromEmailAddress":"shop@example.com","Content":{"Simple":{"Subject":{"Data":"x"},"Body":{}}}}`, 400, "Destination"},
		{`{"FromEmailAddress":"shop@example.com","Destination":{"ToAddresses":["not an address"]},"Content":{"Simple":{"Subject":{"Data":"x"},"Body":{}}}}`, 400, "Illegal address"},
		{`{"FromEmailAddress":"shop@example.com","Destination":{"ToAddresses":["a@example.com"]}}`, 400, "Content is required"},
		{`nope`, 400, "could not read"},
	}
	for _, tt := range tests {
		st, resp := o.Call(context.Background(), "SendEmail", []byte(tt.body))
		if st != tt.status || (tt.errSub != "" && !strings.Contains(string(resp), tt.errSub)) {
			t.Errorf("%s: %d %s", tt.body, st, resp)
		}
	}
	sent := o.Sent()
	if len(sent) != 2 || sent[0].To[0] != "ana@example.com" || sent[0].Subject != "Welcome" || sent[0].Text != "Hi Ana" || sent[1].HTML != "<p>x</p>" || sent[1].From != "shop@example.com" {
		t.Fatalf("outbox %+v", sent)
	}
	o.Reset()
	if len(o.Sent()) != 0 {
		t.Fatal("reset kept mail")
	}
}
