package events

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/aws/aws-lambda-go/internal/jsoncodec"
)

// codecTypes are the types with generated codecs, by name (sample files
// in the samples directory are named <TypeName>[.variant].json).
var codecTypes = []struct {
	name string
	typ  reflect.Type
}{
	{"APIGatewayProxyRequest", reflect.TypeFor[APIGatewayProxyRequest]()},
	{"APIGatewayProxyResponse", reflect.TypeFor[APIGatewayProxyResponse]()},
	{"APIGatewayV2HTTPRequest", reflect.TypeFor[APIGatewayV2HTTPRequest]()},
	{"APIGatewayV2HTTPResponse", reflect.TypeFor[APIGatewayV2HTTPResponse]()},
	{"LambdaFunctionURLRequest", reflect.TypeFor[LambdaFunctionURLRequest]()},
	{"LambdaFunctionURLResponse", reflect.TypeFor[LambdaFunctionURLResponse]()},
	{"APIGatewayCustomAuthorizerRequest", reflect.TypeFor[APIGatewayCustomAuthorizerRequest]()},
	{"APIGatewayCustomAuthorizerRequestTypeRequest", reflect.TypeFor[APIGatewayCustomAuthorizerRequestTypeRequest]()},
	{"APIGatewayCustomAuthorizerResponse", reflect.TypeFor[APIGatewayCustomAuthorizerResponse]()},
	{"APIGatewayV2CustomAuthorizerV2Request", reflect.TypeFor[APIGatewayV2CustomAuthorizerV2Request]()},
	{"APIGatewayV2CustomAuthorizerSimpleResponse", reflect.TypeFor[APIGatewayV2CustomAuthorizerSimpleResponse]()},
	{"APIGatewayV2CustomAuthorizerIAMPolicyResponse", reflect.TypeFor[APIGatewayV2CustomAuthorizerIAMPolicyResponse]()},
	{"SQSEvent", reflect.TypeFor[SQSEvent]()},
	{"SQSEventResponse", reflect.TypeFor[SQSEventResponse]()},
	{"SNSEvent", reflect.TypeFor[SNSEvent]()},
	{"CloudWatchEvent", reflect.TypeFor[CloudWatchEvent]()},
	{"EventBridgeEvent", reflect.TypeFor[EventBridgeEvent]()},
	{"DynamoDBEvent", reflect.TypeFor[DynamoDBEvent]()},
	{"DynamoDBEventResponse", reflect.TypeFor[DynamoDBEventResponse]()},
	{"KinesisEvent", reflect.TypeFor[KinesisEvent]()},
	{"KinesisEventResponse", reflect.TypeFor[KinesisEventResponse]()},
}

func typeNamed(t testing.TB, name string) reflect.Type {
	t.Helper()
	for _, c := range codecTypes {
		if c.name == name {
			return c.typ
		}
	}
	t.Fatalf("no codec type %s", name)
	return nil
}

func codecFor(t testing.TB, typ reflect.Type) jsoncodec.Codec {
	t.Helper()
	c, ok := jsoncodec.Lookup(typ)
	if !ok {
		t.Fatalf("no codec registered for %s", typ)
	}
	return c
}

// checkDecode decodes data into typ with the codec and with encoding/json.
// When the codec accepts, encoding/json must accept too and produce a
// deeply equal value. It reports whether the codec accepted.
func checkDecode(t testing.TB, typ reflect.Type, data []byte) bool {
	t.Helper()
	c := codecFor(t, typ)
	ours := reflect.New(typ)
	ok := c.Decode(data, ours.UnsafePointer())
	want := reflect.New(typ)
	err := json.Unmarshal(data, want.Interface())
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("%s: codec accepted %q, encoding/json: %v", typ.Name(), data, err)
	}
	if !reflect.DeepEqual(ours.Interface(), want.Interface()) {
		t.Fatalf("%s: decoding %q\ncodec:         %#v\nencoding/json: %#v", typ.Name(), data, ours.Elem().Interface(), want.Elem().Interface())
	}
	return true
}

// encodeJSON is what the lambda runtime writes for a handler result v
// without a codec: a json.Encoder's output without its newline.
func encodeJSON(v any, escapeHTML bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// checkEncode appends *p (of type typ) with the codec, both escaping
// modes, and compares with encoding/json. It reports whether the codec
// accepted in both modes.
func checkEncode(t testing.TB, typ reflect.Type, p reflect.Value) bool {
	t.Helper()
	c := codecFor(t, typ)
	accepted := true
	for _, esc := range []bool{false, true} {
		prefix := []byte("prefix")
		got, ok := c.Append(prefix, p.UnsafePointer(), esc)
		want, err := encodeJSON(p.Elem().Interface(), esc)
		if !ok {
			if string(got) != "prefix" {
				t.Fatalf("%s: a declined Append returned %q, not dst", typ.Name(), got)
			}
			accepted = false
			continue
		}
		if err != nil {
			t.Fatalf("%s: codec encoded %q (escapeHTML %v), encoding/json: %v", typ.Name(), got, esc, err)
		}
		if !bytes.HasPrefix(got, prefix) || !bytes.Equal(got[len(prefix):], want) {
			t.Fatalf("%s: escapeHTML %v\ncodec:         %s\nencoding/json: %s", typ.Name(), esc, got, want)
		}
	}
	return accepted
}

// samplesDir holds AWS-shaped sample events: sandbox/guest/testdata/events
// of learnsls (passed in by the host test that runs this package, or
// found relative to the source tree).
func samplesDir(t testing.TB) string {
	if d := os.Getenv("LEARNSLS_EVENT_SAMPLES"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "..", "..", "testdata", "events")
}

type sample struct {
	file string
	typ  reflect.Type
	data []byte
}

func loadSamples(t testing.TB) []sample {
	t.Helper()
	dir := samplesDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) < 20 {
		t.Fatalf("sample events in %s: found %d (%v); set LEARNSLS_EVENT_SAMPLES", dir, len(files), err)
	}
	var out []sample
	for _, f := range files {
		name, _, _ := strings.Cut(filepath.Base(f), ".")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sample{filepath.Base(f), typeNamed(t, name), data})
	}
	return out
}

func TestEveryCodecTypeRegistered(t *testing.T) {
	for _, c := range codecTypes {
		if _, ok := jsoncodec.Lookup(c.typ); !ok {
			t.Errorf("no codec for %s", c.name)
		}
	}
	if _, ok := jsoncodec.Lookup(reflect.TypeFor[SQSMessage]()); ok {
		t.Error("SQSMessage (not a root type) has a codec")
	}
}

// TestSamplesMatchEncodingJSON decodes and re-encodes every sample event
// with the codecs; each must be handled, and equal encoding/json's result.
func TestSamplesMatchEncodingJSON(t *testing.T) {
	samples := loadSamples(t)
	for _, c := range codecTypes {
		found := false
		for _, s := range samples {
			found = found || s.typ == c.typ
		}
		if !found {
			t.Errorf("no sample event for %s", c.name)
		}
	}
	for _, s := range samples {
		t.Run(s.file, func(t *testing.T) {
			if !checkDecode(t, s.typ, s.data) {
				t.Fatalf("codec declined the sample")
			}
			v := reflect.New(s.typ)
			if err := json.Unmarshal(s.data, v.Interface()); err != nil {
				t.Fatal(err)
			}
			if !checkEncode(t, s.typ, v) {
				t.Fatalf("codec declined to encode the sample")
			}
		})
	}
}

// decodeCases are hand-made inputs; handled says whether the codec must
// decode them itself (false: it must decline, which the check also
// verifies against encoding/json's error where there is one).
var decodeCases = []struct {
	name    string
	typ     string
	in      string
	handled bool
}{
	{"folded names", "APIGatewayProxyRequest", `{"RESOURCE":"/r","Path":"/p","httpmethod":"GET","requestcontext":{"STAGE":"prod"}}`, true},
	{"long s folds to S", "APIGatewayProxyRequest", `{"requestContext":{"ſtage":"prod","\u017ftage":"x"}}`, true},
	{"kelvin sign folds to K", "SQSEvent", `{"Records":[{"messageAttributes":{"a":{"dataType":"String","\u212a":1}}}],"records":[]}`, true},
	{"escaped key", "APIGatewayProxyRequest", `{"b\u006fdy":"x","\u0062ODY":"y"}`, true},
	{"exact name beats folded", "APIGatewayProxyRequest", `{"PATH":"a","path":"b","Path":"c"}`, true},
	{"last duplicate wins", "APIGatewayProxyRequest", `{"body":"a","body":"b"}`, true},
	{"null keeps a string", "APIGatewayProxyRequest", `{"body":"a","body":null,"isBase64Encoded":true,"isBase64Encoded":null}`, true},
	{"duplicate maps merge", "APIGatewayProxyRequest", `{"headers":{"a":"1","b":"2"},"headers":{"b":"3","c":null}}`, true},
	{"null map then map", "APIGatewayProxyRequest", `{"headers":{"a":"1"},"headers":null,"headers":{"b":"2"}}`, true},
	{"empty map and slice", "APIGatewayV2HTTPRequest", `{"headers":{},"cookies":[],"pathParameters":null}`, true},
	{"duplicate slices reuse elements", "SQSEvent", `{"Records":[{"messageId":"a","body":"x"},{"body":"y"}],"Records":[{"messageId":"b"}],"Records":[{},{}]}`, true},
	{"duplicate string slices", "APIGatewayV2HTTPRequest", `{"cookies":["a","b"],"cookies":[null],"cookies":[null,null]}`, true},
	{"duplicate structs merge", "APIGatewayProxyRequest", `{"requestContext":{"stage":"a"},"requestContext":{"apiId":"b"},"requestContext":null}`, true},
	{"duplicate pointers merge", "APIGatewayV2HTTPRequest", `{"requestContext":{"authorizer":{"jwt":{"claims":{"a":"b"}}},"authorizer":{"iam":{"accessKey":"k"}}}}`, true},
	{"null pointer", "APIGatewayV2HTTPRequest", `{"requestContext":{"authorizer":{"jwt":{}},"authorizer":null}}`, true},
	{"top-level null", "APIGatewayProxyRequest", `null`, true},
	{"whitespace everywhere", "APIGatewayProxyRequest", " \t\r\n{ \"body\" :\n\"x\" ,\r\"headers\"\t:{ \"a\" : \"b\" } , \"multiValueHeaders\" : { \"m\" : [ \"1\" , \"2\" ] } }\n ", true},
	{"string escapes", "APIGatewayProxyRequest", `{"body":"\"\\\/\b\f\n\r\t\u00e9\u20AC\ud83d\ude00<>&"}`, true},
	{"lone surrogates", "APIGatewayProxyRequest", `{"body":"\ud800x\udc00\ud800\u0041\ud83d\ud83d\ude00\udbff"}`, true},
	{"invalid UTF-8", "APIGatewayProxyRequest", "{\"body\":\"a\xffb\xed\xa0\x80c\xe2\x82\",\"path\":\"\xc3\xa9\xf0\x9f\x98\x80\"}", true},
	{"invalid UTF-8 in key", "APIGatewayProxyRequest", "{\"bod\xff\":\"x\",\"headers\":{\"k\xfe\":\"v\"}}", true},
	{"unknown fields skipped", "APIGatewayProxyRequest", `{"extra":{"a":[1,2.5e-3,-0,true,false,null,"s",{"b":{}}]},"body":"x","more":[]}`, true},
	{"int fields", "APIGatewayProxyRequest", `{"requestContext":{"requestTimeEpoch":-9223372036854775808}}`, true},
	{"int max", "APIGatewayProxyRequest", `{"requestContext":{"requestTimeEpoch":9223372036854775807}}`, true},
	{"negative zero int", "APIGatewayProxyResponse", `{"statusCode":-0}`, true},
	{"int overflow", "APIGatewayProxyRequest", `{"requestContext":{"requestTimeEpoch":9223372036854775808}}`, false},
	{"fraction into int", "APIGatewayProxyResponse", `{"statusCode":200.0}`, false},
	{"exponent into int", "APIGatewayProxyResponse", `{"statusCode":2e2}`, false},
	{"string into int", "APIGatewayProxyResponse", `{"statusCode":"200"}`, false},
	{"number into string", "APIGatewayProxyResponse", `{"body":1}`, false},
	{"string into bool", "APIGatewayProxyResponse", `{"isBase64Encoded":"true"}`, false},
	{"array into map", "APIGatewayProxyResponse", `{"headers":[]}`, false},
	{"object into slice", "APIGatewayV2HTTPResponse", `{"cookies":{}}`, false},
	{"array at top", "APIGatewayProxyResponse", `[]`, false},
	{"interface values", "APIGatewayProxyRequest", `{"requestContext":{"authorizer":{"a":1,"b":[true,null,"x",{"c":-1.5e300}],"c":{},"d":[],"a":2}}}`, true},
	{"interface number overflow", "APIGatewayProxyRequest", `{"requestContext":{"authorizer":{"c":1e400}}}`, false},
	{"base64 bytes", "SQSEvent", `{"Records":[{"messageAttributes":{"a":{"binaryValue":"aGk=","binaryListValues":["","aA==",null],"dataType":"Binary"}}}]}`, true},
	{"base64 with escaped newline", "SQSEvent", `{"Records":[{"messageAttributes":{"a":{"binaryValue":"aG\nk=\r"}}}]}`, true},
	{"bad base64", "SQSEvent", `{"Records":[{"messageAttributes":{"a":{"binaryValue":"a"}}}]}`, false},
	{"bytes as array", "SQSEvent", `{"Records":[{"messageAttributes":{"a":{"binaryValue":[1,2]}}}]}`, false},
	{"pointer string", "SQSEvent", `{"Records":[{"messageAttributes":{"a":{"stringValue":"s"},"b":{"stringValue":null},"c":null}}]}`, true},
	{"time", "SNSEvent", `{"Records":[{"Sns":{"Timestamp":"2019-01-02T12:45:07.000Z"}},{"Sns":{"Timestamp":null}}]}`, true},
	{"bad time", "SNSEvent", `{"Records":[{"Sns":{"Timestamp":"yesterday"}}]}`, false},
	{"raw message", "CloudWatchEvent", `{"detail": { "a" : [ 1 , 2 ] } ,"time":"2024-05-06T07:08:09+02:00"}`, true},
	{"raw message null", "CloudWatchEvent", `{"detail":null}`, true},
	{"dynamodb attribute values", "DynamoDBEvent", `{"Records":[{"dynamodb":{"ApproximateCreationDateTime":1.5e9,"Keys":{"id":{"S":"a"},"n":{"N":"1"}},"NewImage":{"l":{"L":[{"BOOL":true},{"NULL":true}]}}}}]}`, true},
	{"dynamodb epoch null", "DynamoDBEvent", `{"Records":[{"dynamodb":{"ApproximateCreationDateTime":null}}]}`, true},
	{"dynamodb null attribute", "DynamoDBEvent", `{"Records":[{"dynamodb":{"Keys":{"x":null}}}]}`, false},
	{"dynamodb bad attribute", "DynamoDBEvent", `{"Records":[{"dynamodb":{"Keys":{"id":{"Q":"a"}}}}]}`, false},
	{"authorizer policy", "APIGatewayCustomAuthorizerResponse", `{"principalId":"u","policyDocument":{"version":"2012-10-17","statement":[{"action":["a"],"effect":"Allow","resource":["r"]}]},"context":{"n":1}}`, true},
	// Malformed documents: encoding/json rejects them all.
	{"trailing comma in object", "APIGatewayProxyRequest", `{"body":"x",}`, false},
	{"trailing comma in array", "APIGatewayV2HTTPRequest", `{"cookies":["a",]}`, false},
	{"trailing comma in skipped", "APIGatewayProxyRequest", `{"x":[1,]}`, false},
	{"leading comma", "APIGatewayProxyRequest", `{,"body":"x"}`, false},
	{"missing colon", "APIGatewayProxyRequest", `{"body" "x"}`, false},
	{"unterminated", "APIGatewayProxyRequest", `{"body":"x"`, false},
	{"unterminated string", "APIGatewayProxyRequest", `{"body":"x}`, false},
	{"control character", "APIGatewayProxyRequest", "{\"body\":\"a\x01\"}", false},
	{"bad escape", "APIGatewayProxyRequest", `{"body":"\x"}`, false},
	{"single-quote escape", "APIGatewayProxyRequest", `{"body":"\'"}`, false},
	{"short unicode escape", "APIGatewayProxyRequest", `{"body":"\u12"}`, false},
	{"bad unicode after surrogate", "APIGatewayProxyRequest", `{"body":"\ud800\uzzzz"}`, false},
	{"leading zero", "APIGatewayProxyRequest", `{"x":01}`, false},
	{"bare minus", "APIGatewayProxyRequest", `{"x":-}`, false},
	{"dot without digits", "APIGatewayProxyRequest", `{"x":1.}`, false},
	{"leading dot", "APIGatewayProxyRequest", `{"x":.5}`, false},
	{"exponent without digits", "APIGatewayProxyRequest", `{"x":1e+}`, false},
	{"bad literal", "APIGatewayProxyRequest", `{"x":tru}`, false},
	{"literal run-on", "APIGatewayProxyRequest", `{"x":truefalse}`, false},
	{"trailing data", "APIGatewayProxyRequest", `{"body":"x"} x`, false},
	{"second document", "APIGatewayProxyRequest", `{"body":"x"}{}`, false},
	{"empty input", "APIGatewayProxyRequest", ``, false},
	{"only whitespace", "APIGatewayProxyRequest", "  \n", false},
	{"non-string key", "APIGatewayProxyRequest", `{1:2}`, false},
	{"single quotes", "APIGatewayProxyRequest", `{'body':'x'}`, false},
	{"deep nesting", "APIGatewayProxyRequest", `{"x":` + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + `}`, false},
	{"moderate nesting", "APIGatewayProxyRequest", `{"x":` + strings.Repeat(`{"a":[`, 100) + strings.Repeat("]}", 100) + `}`, true},
	{"form feed is not whitespace", "APIGatewayProxyRequest", "{\f}", false},
}

func TestDecodeCases(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			typ := typeNamed(t, tc.typ)
			got := checkDecode(t, typ, []byte(tc.in))
			if got != tc.handled {
				err := json.Unmarshal([]byte(tc.in), reflect.New(typ).Interface())
				t.Errorf("codec accepted = %v, want %v (encoding/json: %v)", got, tc.handled, err)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestEncodeCases encodes hand-built values, including ones JSON decoding
// cannot produce (invalid UTF-8, NaN, values of dynamic types).
func TestEncodeCases(t *testing.T) {
	tricky := "<a href=\"x\">&amp;</a>\u2028\u2029\x00\x1f\x7f\b\f\n\r\t\\ é\xff\xc3"
	cases := []struct {
		name    string
		v       any
		handled bool
	}{
		{"zero proxy response", &APIGatewayProxyResponse{}, true},
		{"proxy response", &APIGatewayProxyResponse{StatusCode: -201, Headers: map[string]string{"b": tricky, "a": "", tricky: "k"}, MultiValueHeaders: map[string][]string{"x": nil, "y": {}, "z": {"1", tricky}}, Body: tricky, IsBase64Encoded: true}, true},
		{"v2 response empty maps", &APIGatewayV2HTTPResponse{Headers: map[string]string{}, MultiValueHeaders: map[string][]string{}, Cookies: []string{}}, true},
		{"v2 request omitempty", &APIGatewayV2HTTPRequest{Cookies: []string{}, QueryStringParameters: map[string]string{}, Body: "", RequestContext: APIGatewayV2HTTPRequestContext{Authorizer: &APIGatewayV2HTTPRequestContextAuthorizerDescription{Lambda: map[string]interface{}{}}}}, true},
		{"authorizer context types", &APIGatewayCustomAuthorizerResponse{Context: map[string]interface{}{
			"s": tricky, "f": 1.5, "big": 1e21, "small": 1e-7, "neg": -0.000001, "f32": float32(3.14), "i": 42, "i64": int64(-7), "u8": uint8(255), "b": false, "nil": nil,
			"m": map[string]interface{}{"x": []interface{}{1.0, "y", nil, map[string]string{"q": "<"}}}, "ss": []string{"a", tricky}, "raw": json.RawMessage(` { "a" : "<b>" } `),
			"nilmap": map[string]interface{}(nil), "nilslice": []interface{}(nil),
		}}, true},
		{"NaN in context", &APIGatewayCustomAuthorizerResponse{Context: map[string]interface{}{"x": math.NaN()}}, false},
		{"infinity in context", &APIGatewayV2CustomAuthorizerSimpleResponse{Context: map[string]interface{}{"x": math.Inf(-1)}}, false},
		{"struct in context", &APIGatewayV2CustomAuthorizerSimpleResponse{Context: map[string]interface{}{"x": struct{ A int }{1}}}, false},
		{"invalid raw message", &CloudWatchEvent{Detail: json.RawMessage(`{"a":}`)}, false},
		{"raw message compacted", &CloudWatchEvent{Detail: json.RawMessage(" [ 1 , \"<\u2028>\" , { } ]\n"), Time: time.Date(2024, 1, 2, 3, 4, 5, 6, time.FixedZone("x", 3600))}, true},
		{"time out of range", &CloudWatchEvent{Time: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, false},
		{"sqs bytes", &SQSEvent{Records: []SQSMessage{{MessageAttributes: map[string]SQSMessageAttribute{"a": {StringValue: ptr(tricky), BinaryValue: []byte{}, BinaryListValues: [][]byte{nil, {0, 1, 2}}}}}}}, true},
		{"sqs batch failures", &SQSEventResponse{BatchItemFailures: []SQSBatchItemFailure{{ItemIdentifier: "a"}}}, true},
		{"dynamodb", &DynamoDBEvent{Records: []DynamoDBEventRecord{{Change: DynamoDBStreamRecord{ApproximateCreationDateTime: SecondsEpochTime{time.Unix(1700000000, 5e8)}, Keys: map[string]DynamoDBAttributeValue{"id": NewStringAttribute(tricky), "n": NewNumberAttribute("1")}}}}}, true},
		{"kinesis", &KinesisEvent{Records: []KinesisEventRecord{{Kinesis: KinesisRecord{Data: []byte("hello")}}}}, true},
		{"function URL response", &LambdaFunctionURLResponse{StatusCode: 200, Cookies: []string{"a=b"}}, true},
		{"iam policy", &APIGatewayV2CustomAuthorizerIAMPolicyResponse{PolicyDocument: APIGatewayCustomAuthorizerPolicy{Version: "2012-10-17", Statement: []IAMPolicyStatement{{Action: []string{"execute-api:Invoke"}, Effect: "Allow"}}}}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := reflect.ValueOf(tc.v)
			if got := checkEncode(t, v.Type().Elem(), v); got != tc.handled {
				t.Errorf("codec accepted = %v, want %v", got, tc.handled)
			}
		})
	}
}

// TestDecodeMergesLikeEncodingJSON decodes the hand-made cases over a
// value already holding a sample event: maps merge, slices reuse their
// elements, pointers are reused, as with encoding/json.
func TestDecodeMergesLikeEncodingJSON(t *testing.T) {
	samples := loadSamples(t)
	for _, tc := range decodeCases {
		if !tc.handled {
			continue
		}
		typ := typeNamed(t, tc.typ)
		for _, s := range samples {
			if s.typ != typ {
				continue
			}
			ours, want := reflect.New(typ), reflect.New(typ)
			if json.Unmarshal(s.data, ours.Interface()) != nil || json.Unmarshal(s.data, want.Interface()) != nil {
				t.Fatalf("%s does not decode", s.file)
			}
			if !codecFor(t, typ).Decode([]byte(tc.in), ours.UnsafePointer()) {
				t.Fatalf("%s over %s: declined", tc.name, s.file)
			}
			if err := json.Unmarshal([]byte(tc.in), want.Interface()); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ours.Interface(), want.Interface()) {
				t.Fatalf("%s over %s:\ncodec:         %#v\nencoding/json: %#v", tc.name, s.file, ours.Elem().Interface(), want.Elem().Interface())
			}
		}
	}
}

func fuzzSeeds(f *testing.F) {
	for _, s := range loadSamples(f) {
		for i, c := range codecTypes {
			if c.typ == s.typ {
				f.Add(uint8(i), s.data)
			}
		}
	}
	for _, tc := range decodeCases {
		for i, c := range codecTypes {
			if c.name == tc.typ {
				f.Add(uint8(i), []byte(tc.in))
			}
		}
	}
}

// FuzzDecode: whenever a codec decodes an input, encoding/json must
// decode it too, to a deeply equal value.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		checkDecode(t, codecTypes[int(which)%len(codecTypes)].typ, data)
	})
}

// FuzzEncode: values encoding/json decodes from the input encode to the
// same bytes with the codec as with a json.Encoder, in both escaping modes.
func FuzzEncode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		typ := codecTypes[int(which)%len(codecTypes)].typ
		v := reflect.New(typ)
		if json.Unmarshal(data, v.Interface()) != nil {
			return
		}
		checkEncode(t, typ, v)
	})
}

func BenchmarkDecode(b *testing.B) {
	for _, file := range []string{"APIGatewayProxyRequest.json", "APIGatewayV2HTTPRequest.json"} {
		data, err := os.ReadFile(filepath.Join(samplesDir(b), file))
		if err != nil {
			b.Fatal(err)
		}
		name, _, _ := strings.Cut(file, ".")
		typ := typeNamed(b, name)
		c := codecFor(b, typ)
		b.Run(name+"/jsoncodec", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				v := reflect.New(typ)
				if !c.Decode(data, v.UnsafePointer()) {
					b.Fatal("declined")
				}
			}
		})
		b.Run(name+"/encoding_json", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				v := reflect.New(typ)
				if err := json.Unmarshal(data, v.Interface()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAppend(b *testing.B) {
	resp := APIGatewayProxyResponse{StatusCode: 200, Headers: map[string]string{"Content-Type": "application/json", "X-Request-Id": "abc"}, Body: `{"message":"hello, world","items":[1,2,3]}`}
	c := codecFor(b, reflect.TypeFor[APIGatewayProxyResponse]())
	b.Run("APIGatewayProxyResponse/jsoncodec", func(b *testing.B) {
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			var ok bool
			if buf, ok = c.Append(buf[:0], unsafe.Pointer(&resp), false); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("APIGatewayProxyResponse/encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := encodeJSON(resp, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}
