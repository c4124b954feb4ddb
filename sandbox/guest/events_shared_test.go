package guest_test

// This file is compiled twice: into the host test binary, where
// github.com/aws/aws-lambda-go/events is the real upstream package, and
// (with its package clause rewritten to main) into a native program built
// by sandbox/build, where the same import path is learnsls's guest
// implementation. Comparing the two outputs proves the JSON and the
// accessor behaviour are the same.

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// eventTypes are the types under test, by name; every sample file in
// testdata/events is named <TypeName>[.variant].json.
var eventTypes = map[string]func() any{
	"APIGatewayProxyRequest":                        func() any { return new(events.APIGatewayProxyRequest) },
	"APIGatewayProxyResponse":                       func() any { return new(events.APIGatewayProxyResponse) },
	"APIGatewayV2HTTPRequest":                       func() any { return new(events.APIGatewayV2HTTPRequest) },
	"APIGatewayV2HTTPResponse":                      func() any { return new(events.APIGatewayV2HTTPResponse) },
	"APIGatewayCustomAuthorizerRequest":             func() any { return new(events.APIGatewayCustomAuthorizerRequest) },
	"APIGatewayCustomAuthorizerRequestTypeRequest":  func() any { return new(events.APIGatewayCustomAuthorizerRequestTypeRequest) },
	"APIGatewayCustomAuthorizerResponse":            func() any { return new(events.APIGatewayCustomAuthorizerResponse) },
	"APIGatewayV2CustomAuthorizerV2Request":         func() any { return new(events.APIGatewayV2CustomAuthorizerV2Request) },
	"APIGatewayV2CustomAuthorizerSimpleResponse":    func() any { return new(events.APIGatewayV2CustomAuthorizerSimpleResponse) },
	"APIGatewayV2CustomAuthorizerIAMPolicyResponse": func() any { return new(events.APIGatewayV2CustomAuthorizerIAMPolicyResponse) },
	"DynamoDBEvent":                                 func() any { return new(events.DynamoDBEvent) },
	"DynamoDBEventResponse":                         func() any { return new(events.DynamoDBEventResponse) },
	"SQSEvent":                                      func() any { return new(events.SQSEvent) },
	"SQSEventResponse":                              func() any { return new(events.SQSEventResponse) },
	"SNSEvent":                                      func() any { return new(events.SNSEvent) },
	"EventBridgeEvent":                              func() any { return new(events.EventBridgeEvent) },
	"CloudWatchEvent":                               func() any { return new(events.CloudWatchEvent) },
	"LambdaFunctionURLRequest":                      func() any { return new(events.LambdaFunctionURLRequest) },
	"LambdaFunctionURLResponse":                     func() any { return new(events.LambdaFunctionURLResponse) },
	"KinesisEvent":                                  func() any { return new(events.KinesisEvent) },
	"KinesisEventResponse":                          func() any { return new(events.KinesisEventResponse) },
}

// roundTrip decodes payload into the named type and encodes it again.
func roundTrip(typ string, payload []byte) (string, error) {
	newV, ok := eventTypes[typ]
	if !ok {
		return "", fmt.Errorf("unknown type %q", typ)
	}
	v := newV()
	if err := json.Unmarshal(payload, v); err != nil {
		return "", fmt.Errorf("unmarshal: %v", err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("marshal: %v", err)
	}
	return string(out), nil
}

// badAttributeValues are inputs DynamoDBAttributeValue must reject.
var badAttributeValues = []string{
	`null`, `{}`, `{"S":"a","N":"1"}`, `{"S":1}`, `{"N":true}`, `{"X":"a"}`,
	`{"B":"!!"}`, `{"B":5}`, `{"BOOL":"yes"}`, `{"L":[1]}`, `{"L":{}}`,
	`{"M":[]}`, `{"M":{"a":1}}`, `{"SS":"a"}`, `{"NS":[1]}`, `{"BS":["%%"]}`, `[]`,
}

// describeAttributes exercises DynamoDBAttributeValue: every accessor on
// every attribute of every image in a DynamoDBEvent payload, a wrong
// accessor (which must panic with the same error), the New* constructors,
// and the errors for malformed inputs.
func describeAttributes(payload []byte) string {
	var ev events.DynamoDBEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		return "unmarshal: " + err.Error()
	}
	var b strings.Builder
	for i, r := range ev.Records {
		fmt.Fprintf(&b, "record %d %s at %d.%09d\n", i, r.EventName,
			r.Change.ApproximateCreationDateTime.Unix(), r.Change.ApproximateCreationDateTime.Nanosecond())
		for _, image := range []struct {
			name string
			m    map[string]events.DynamoDBAttributeValue
		}{{"Keys", r.Change.Keys}, {"NewImage", r.Change.NewImage}, {"OldImage", r.Change.OldImage}} {
			describeMap(&b, image.name, image.m)
		}
	}
	built := map[string]events.DynamoDBAttributeValue{
		"b": events.NewBinaryAttribute([]byte{0, 1, 2}), "bool": events.NewBooleanAttribute(true),
		"bs": events.NewBinarySetAttribute([][]byte{{1}, {2}}), "n": events.NewNumberAttribute("12.5"),
		"ns": events.NewNumberSetAttribute([]string{"1", "2"}), "null": events.NewNullAttribute(),
		"s": events.NewStringAttribute("x"), "ss": events.NewStringSetAttribute([]string{"p", "q"}),
		"l": events.NewListAttribute([]events.DynamoDBAttributeValue{events.NewStringAttribute("y")}),
		"m": events.NewMapAttribute(map[string]events.DynamoDBAttributeValue{"k": events.NewNumberAttribute("1e3")}),
	}
	describeMap(&b, "built", built)
	out, err := json.Marshal(built)
	fmt.Fprintf(&b, "built json: %s %v\n", out, err)
	for _, in := range badAttributeValues {
		var av events.DynamoDBAttributeValue
		err := json.Unmarshal([]byte(in), &av)
		fmt.Fprintf(&b, "bad %s: %v\n", in, err)
	}
	return b.String()
}

func describeMap(b *strings.Builder, name string, m map[string]events.DynamoDBAttributeValue) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		describeValue(b, name+"."+k, m[k])
	}
}

func describeValue(b *strings.Builder, path string, av events.DynamoDBAttributeValue) {
	fmt.Fprintf(b, "%s type=%d null=%v str=%q", path, av.DataType(), av.IsNull(), av.String())
	switch av.DataType() {
	case events.DataTypeString:
		fmt.Fprintf(b, " S=%q", av.String())
	case events.DataTypeNumber:
		i64, err1 := av.Int64()
		in, err2 := av.Integer()
		f, err3 := av.Float()
		fmt.Fprintf(b, " N=%s int64=%d,%v integer=%d,%v float=%g,%v", av.Number(), i64, err1, in, err2, f, err3)
	case events.DataTypeBoolean:
		fmt.Fprintf(b, " BOOL=%v", av.Boolean())
	case events.DataTypeBinary:
		fmt.Fprintf(b, " B=%x", av.Binary())
	case events.DataTypeBinarySet:
		fmt.Fprintf(b, " BS=%x", av.BinarySet())
	case events.DataTypeStringSet:
		fmt.Fprintf(b, " SS=%q", av.StringSet())
	case events.DataTypeNumberSet:
		fmt.Fprintf(b, " NS=%q", av.NumberSet())
	case events.DataTypeList:
		fmt.Fprintf(b, " L=%d\n", len(av.List()))
		for i, e := range av.List() {
			describeValue(b, fmt.Sprintf("%s[%d]", path, i), e)
		}
		return
	case events.DataTypeMap:
		fmt.Fprintf(b, " M=%d\n", len(av.Map()))
		describeMap(b, path, av.Map())
		return
	}
	// A wrong accessor must panic with IncompatibleDynamoDBTypeError.
	func() {
		defer func() { fmt.Fprintf(b, " wrong=%v", recover()) }()
		if av.DataType() == events.DataTypeMap {
			av.List()
		} else {
			av.Map()
		}
	}()
	b.WriteString("\n")
}

// decodeAttribute decodes one DynamoDB attribute value from arbitrary
// input and describes the outcome: the re-encoded JSON, or the error.
func decodeAttribute(input string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprintf("panic: %v", r)
		}
	}()
	var av events.DynamoDBAttributeValue
	if err := json.Unmarshal([]byte(input), &av); err != nil {
		return "error: " + err.Error()
	}
	data, err := json.Marshal(av)
	return fmt.Sprintf("ok: %s %v type=%d null=%v", data, err, av.DataType(), av.IsNull())
}
