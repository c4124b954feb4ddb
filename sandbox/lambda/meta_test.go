package lambda

import (
	"encoding/json"
	"testing"
)

// FuzzMarshalMeta checks the hand-written metadata encoder against
// encoding/json for any field values.
func FuzzMarshalMeta(f *testing.F) {
	f.Add("c6af9ac6-7b61-11e6-9a41-93e812345678", int64(1700000003000), "arn:aws:lambda:us-east-1:123456789012:function:hello", "Root=1-5bef4de7-ad49;Parent=9a91;Sampled=0", "")
	f.Add("id\"quote", int64(-1), "arn<&>", "trace\n", `{"custom":{"k":"v"}}`)
	f.Add("ü", int64(0), "", "", "")
	f.Fuzz(func(t *testing.T, id string, deadline int64, arn, trace, cc string) {
		m := invocationMeta{RequestID: id, DeadlineMs: deadline, InvokedFunctionArn: arn, TraceID: trace, ClientContext: cc}
		want, err := json.Marshal(m)
		if err != nil {
			t.Skip()
		}
		if got := marshalMeta(m); string(got) != string(want) {
			t.Fatalf("marshalMeta = %s\nencoding/json = %s", got, want)
		}
	})
}

func FuzzNameFromARN(f *testing.F) {
	f.Add("hello")
	f.Add("arn:aws:lambda:us-east-1:123456789012:function:hello")
	f.Add("arn:aws:lambda:us-east-1:123456789012:function:hello:$LATEST")
	f.Add("hello:prod")
	f.Add("arn:short")
	f.Fuzz(func(t *testing.T, s string) {
		name := nameFromARN(s)
		if len(name) > len(s) {
			t.Fatalf("nameFromARN(%q) = %q, longer than its input", s, name)
		}
		// A plain valid name is returned unchanged.
		if functionName.MatchString(s) && name != s {
			t.Fatalf("nameFromARN(%q) = %q", s, name)
		}
	})
}
