package apigateway

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func ptr(s string) *string { return &s }

// eventV1Cases and eventV2Cases cover what json.Marshal treats specially:
// nil and empty maps, nil slices, nil pointers, HTML characters, control
// characters, invalid UTF-8, U+2028, authorizer contexts.
func eventV1Cases(s string) []eventV1 {
	full := eventV1{
		Resource: "/users/{id}", Path: "/users/" + s, HTTPMethod: "GET",
		Headers:                         map[string]string{"Accept": "*/*", "X-" + s: s, "B": ""},
		MultiValueHeaders:               map[string][]string{"Accept": {"*/*"}, "X-" + s: {s, "2"}, "Empty": nil, "Zero": {}},
		QueryStringParameters:           map[string]string{"q": s},
		MultiValueQueryStringParameters: map[string][]string{"q": {s, "<&>"}},
		PathParameters:                  map[string]string{"id": s}, StageVariables: map[string]string{},
		RequestContext: requestContextV1{ResourceID: "abc123", ResourcePath: "/users/{id}", HTTPMethod: "GET", ExtendedRequestID: "e",
			RequestTime: "01/Jan/2026:00:00:00 +0000", Path: "/Prod/users/" + s, AccountID: "123456789012", Protocol: "HTTP/1.1",
			Stage: "Prod", DomainPrefix: "api", RequestTimeEpoch: 1767225600000, RequestID: "r",
			Identity:   identityV1{SourceIP: "127.0.0.1", UserAgent: s, User: ptr(s), Caller: ptr("")},
			DomainName: "api.execute-api.us-east-1.amazonaws.com", APIID: "api",
			Authorizer: map[string]any{"principalId": s, "n": 1.5, "list": []any{"<", nil, true}}},
		Body: ptr(s + "\u2028\u2029"), IsBase64Encoded: true,
	}
	return []eventV1{{}, full, {Headers: map[string]string{}, MultiValueHeaders: map[string][]string{}, RequestContext: requestContextV1{Authorizer: map[string]any{}}}}
}

func eventV2Cases(s string) []eventV2 {
	full := eventV2{
		Version: "2.0", RouteKey: "GET /users/{id}", RawPath: "/users/" + s, RawQueryString: "q=" + s,
		Cookies: []string{"a=" + s, ""}, Headers: map[string]string{"accept": "*/*", s: s},
		QueryStringParameters: map[string]string{"q": s}, PathParameters: map[string]string{"id": s}, StageVariables: map[string]string{"v": s},
		RequestContext: requestContextV2{AccountID: "123456789012", APIID: "api", Authorizer: map[string]any{"jwt": map[string]any{"claims": map[string]any{"sub": s}}},
			DomainName: "d", DomainPrefix: "p", HTTP: httpV2{Method: "GET", Path: "/users/" + s, Protocol: "HTTP/1.1", SourceIP: "::1", UserAgent: s},
			RequestID: "r", RouteKey: "GET /users/{id}", Stage: "$default", Time: "t", TimeEpoch: -1},
		Body: s, IsBase64Encoded: true,
	}
	return []eventV2{{}, full, {Cookies: []string{}, Headers: map[string]string{}, QueryStringParameters: map[string]string{}}}
}

var eventStrings = []string{"", "plain", `"quoted" \back\slash/`, "<script>&amp;</script>", "\x00\x01\b\f\n\r\t\x1f\x7f", "é😀", "\u2028\u2029", "\xff\xfe", "a\xc3", "\xed\xa0\x80"}

func checkEventJSON(t *testing.T, s string) {
	t.Helper()
	for _, ev := range eventV1Cases(s) {
		want, werr := json.Marshal(ev)
		got, gerr := ev.appendJSON(nil)
		if (werr != nil) != (gerr != nil) || !bytes.Equal(got, want) {
			t.Fatalf("v1 %q:\ngot  %s (%v)\nwant %s (%v)", s, got, gerr, want, werr)
		}
	}
	for _, ev := range eventV2Cases(s) {
		want, werr := json.Marshal(ev)
		got, gerr := ev.appendJSON(nil)
		if (werr != nil) != (gerr != nil) || !bytes.Equal(got, want) {
			t.Fatalf("v2 %q:\ngot  %s (%v)\nwant %s (%v)", s, got, gerr, want, werr)
		}
	}
}

// TestEventJSONMatchesMarshal holds the hand-written event encoders to
// json.Marshal, byte for byte.
func TestEventJSONMatchesMarshal(t *testing.T) {
	for _, s := range eventStrings {
		checkEventJSON(t, s)
	}
	// An authorizer context encoding/json cannot encode is an error for both.
	ev := eventV1{RequestContext: requestContextV1{Authorizer: map[string]any{"f": func() {}}}}
	if _, err := ev.appendJSON(nil); err == nil {
		t.Error("unencodable authorizer context accepted")
	}
}

func FuzzEventJSON(f *testing.F) {
	for _, s := range eventStrings {
		f.Add(s)
	}
	f.Fuzz(checkEventJSON)
}

func BenchmarkEventV1JSON(b *testing.B) {
	ev := eventV1Cases("u1")[1]
	ev.RequestContext.Authorizer = nil
	b.Run("marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = json.Marshal(ev)
		}
	})
	b.Run("append", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = ev.appendJSON(make([]byte, 0, 1536))
		}
	})
}

// onlyKeysByMap is the obvious form of onlyKeys, for valid JSON.
func onlyKeysByMap(data []byte, known map[string]bool) bool {
	var raw map[string]json.RawMessage
	if json.Unmarshal(data, &raw) != nil {
		return true
	}
	for k := range raw {
		if !known[k] {
			return false
		}
	}
	return true
}

var onlyKeysSeeds = []string{
	`{}`, ` { } `, `null`, `[1]`, `"s"`, `{"statusCode":200}`, `{"statusCode":200,"extra":1}`, `{"extra":{"statusCode":1}}`,
	`{"body":"}\",\"x\":1","headers":{"a":"b"}}`, `{"status\u0043ode":200}`, `{"headers":{"x":[1,{"y":"]"}]},"bad":null}`,
	`{"multiValueHeaders":{"a":["b","c"]},"isBase64Encoded":false,"body":"\\"}`, `{"statusCode":200,"StatusCode":200}`,
	"{\"body\":\"a\\\\\",\"zz\":1}", `{"body":"x"  ,  "statusCode" : 1 }`,
}

// TestOnlyKeys compares onlyKeys with decoding into a map on valid JSON.
func TestOnlyKeys(t *testing.T) {
	for _, s := range onlyKeysSeeds {
		if !json.Valid([]byte(s)) {
			t.Fatalf("seed %s is not JSON", s)
		}
		if got, want := onlyKeys([]byte(s), v1Keys), onlyKeysByMap([]byte(s), v1Keys); got != want {
			t.Errorf("onlyKeys(%s) = %v, want %v", s, got, want)
		}
	}
}

func FuzzOnlyKeys(f *testing.F) {
	for _, s := range onlyKeysSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := onlyKeys(data, v1Keys) // must not panic on anything
		if json.Valid(data) && got != onlyKeysByMap(data, v1Keys) {
			t.Fatalf("onlyKeys(%s) = %v", data, got)
		}
	})
}

var proxyV1Seeds = []string{
	`{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\"id\":\"u1\",\"name\":\"Ada\"}"}`,
	`{"statusCode":204,"headers":null,"multiValueHeaders":{"Set-Cookie":["a=1","b=2"],"X":[],"Y":null},"body":"","isBase64Encoded":false}`,
	`{}`, `null`, ` {"statusCode" : -1 , "isBase64Encoded" : true } `, `{"statusCode":200.0}`, `{"statusCode":2e2}`, `{"statusCode":"200"}`,
	`{"statusCode":01}`, `{"statusCode":99999999999999999999}`, `{"statusCode":null,"statusCode":200}`, `{"headers":{"a":"1"},"headers":{"b":"2"}}`,
	`{"headers":{"a":null}}`, `{"headers":{"a":"1","a":"2"}}`, `{"multiValueHeaders":{"a":[null,"x"]}}`, `{"body":"\ud83d\ude00 \u00e9 \\ \/"}`,
	"{\"body\":\"\xff\"}", "{\"body\":\"tab\there\"}", `{"body":"x"} trailing`, `{"body":"x",}`, `{"isBase64Encoded":null}`,
	`{"isBase64Encoded":"true"}`, `{"stat\u0075sCode":200}`, `{"body":"\ud800"}`, `[]`, `{"headers":{"\u00e9":"\n"}}`, `{"statusCode":-0}`,
}

// TestDecodeProxyV1 compares decodeProxyV1 with json.Unmarshal.
func TestDecodeProxyV1(t *testing.T) {
	for _, s := range proxyV1Seeds {
		checkProxyV1(t, []byte(s))
	}
}

func checkProxyV1(t *testing.T, data []byte) {
	t.Helper()
	var want proxyResponse
	werr := json.Unmarshal(data, &want)
	got, gerr := decodeProxyV1(data)
	if (werr != nil) != (gerr != nil) || (werr == nil && !reflect.DeepEqual(got, want)) {
		t.Fatalf("decodeProxyV1(%q) = %+v, %v; want %+v, %v", data, got, gerr, want, werr)
	}
}

func FuzzDecodeProxyV1(f *testing.F) {
	for _, s := range proxyV1Seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(checkProxyV1)
}

// TestTraceID checks the trace header against the format it was written
// with before: fmt's %08x of the epoch seconds.
func TestTraceID(t *testing.T) {
	for _, sec := range []int64{0, 1, 0xfffffff, 1767225600, 1 << 40, -5} {
		now := time.Unix(sec, 0)
		got := traceID(now)
		want := fmt.Sprintf("Root=1-%08x-", sec)
		if !strings.HasPrefix(got, want) || len(got) != len(want)+24 {
			t.Errorf("traceID(%d) = %s, want %s + 24 hex digits", sec, got, want)
		}
	}
}
