package dynamodb

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/internal/awscall"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// opInputs are inputs with every member the hand-written encoders cover
// set (and the edge cases of each), plus inputs they must decline.
func opInputs() []any {
	item := map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "u1"}, "nil": nil,
		"n": &types.AttributeValueMemberN{Value: "1"}, "<&>": &types.AttributeValueMemberSS{Value: []string{"\u2028", ""}}}
	names := map[string]string{"#n": "name", "#e": "", "#é": "\x00"}
	values := map[string]types.AttributeValue{":v": &types.AttributeValueMemberBOOL{Value: true}}
	t, s, e := aws.String("Users"), aws.String("x = :v"), aws.String("")
	yes, no, zero, n := aws.Bool(true), aws.Bool(false), aws.Int32(0), aws.Int32(-7)
	return []any{
		&GetItemInput{TableName: t, Key: item},
		&GetItemInput{TableName: t, Key: map[string]types.AttributeValue{}, AttributesToGet: []string{"a", "", "b"}, ConsistentRead: no,
			ExpressionAttributeNames: names, ProjectionExpression: e, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal},
		&GetItemInput{TableName: t, AttributesToGet: []string{}, ExpressionAttributeNames: map[string]string{}},
		&GetItemInput{Key: item}, &GetItemInput{},
		&PutItemInput{TableName: t, Item: item},
		&PutItemInput{TableName: t, Item: item, ConditionExpression: s, ConditionalOperator: types.ConditionalOperatorAnd, ExpressionAttributeNames: names,
			ExpressionAttributeValues: values, ReturnConsumedCapacity: "INDEXES", ReturnItemCollectionMetrics: "SIZE", ReturnValues: types.ReturnValueAllOld,
			ReturnValuesOnConditionCheckFailure: "ALL_OLD"},
		&PutItemInput{TableName: t, Item: item, Expected: map[string]types.ExpectedAttributeValue{"a": {Exists: no}}},
		&PutItemInput{Item: item},
		&UpdateItemInput{TableName: t, Key: item, UpdateExpression: aws.String("SET #n = :v"), ConditionExpression: s, ExpressionAttributeNames: names,
			ExpressionAttributeValues: values, ReturnValues: types.ReturnValueUpdatedNew, ConditionalOperator: "OR", ReturnConsumedCapacity: "TOTAL",
			ReturnItemCollectionMetrics: "NONE", ReturnValuesOnConditionCheckFailure: "NONE"},
		&UpdateItemInput{TableName: t, Key: item, AttributeUpdates: map[string]types.AttributeValueUpdate{}},
		&UpdateItemInput{TableName: t},
		&DeleteItemInput{TableName: t, Key: item, ConditionExpression: s, ExpressionAttributeNames: names, ExpressionAttributeValues: values,
			ReturnValues: "ALL_OLD", ConditionalOperator: "AND", ReturnConsumedCapacity: "TOTAL", ReturnItemCollectionMetrics: "SIZE", ReturnValuesOnConditionCheckFailure: "ALL_OLD"},
		&DeleteItemInput{TableName: t, Key: item, Expected: map[string]types.ExpectedAttributeValue{}},
		&QueryInput{TableName: t, KeyConditionExpression: s, ExpressionAttributeValues: values},
		&QueryInput{TableName: t, AttributesToGet: []string{"a"}, ConditionalOperator: "AND", ConsistentRead: yes, ExclusiveStartKey: item,
			ExpressionAttributeNames: names, ExpressionAttributeValues: values, FilterExpression: s, IndexName: aws.String("byName"),
			KeyConditionExpression: s, Limit: zero, ProjectionExpression: s, ReturnConsumedCapacity: "TOTAL", ScanIndexForward: no, Select: types.SelectCount},
		&QueryInput{TableName: t, KeyConditions: map[string]types.Condition{"a": {}}},
		&QueryInput{TableName: t, QueryFilter: map[string]types.Condition{}},
		&QueryInput{},
		&ScanInput{TableName: t},
		&ScanInput{TableName: t, AttributesToGet: []string{"a"}, ConditionalOperator: "AND", ConsistentRead: yes, ExclusiveStartKey: item,
			ExpressionAttributeNames: names, ExpressionAttributeValues: values, FilterExpression: s, IndexName: aws.String("i"), Limit: n,
			ProjectionExpression: s, ReturnConsumedCapacity: "TOTAL", Segment: zero, Select: "ALL_ATTRIBUTES", TotalSegments: n},
		&ScanInput{TableName: t, ScanFilter: map[string]types.Condition{}},
		&BatchGetItemInput{},
	}
}

// checkEncodeOp requires encodeOp to write what the codec writes, and to
// accept only inputs that validate.
func checkEncodeOp(in any) error {
	got, ok := encodeOp("", in)
	if !ok {
		return nil
	}
	if err := awscall.Validate(in, required); err != nil {
		return fmt.Errorf("%T: accepted an input that fails validation: %v", in, err)
	}
	want, err := wire.Marshal(in)
	if err != nil {
		return fmt.Errorf("%T: accepted an input the codec rejects: %v", in, err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("%T:\nhand  %s\ncodec %s", in, got, want)
	}
	return nil
}

// checkDecodeOp requires decodeOp to decode what the codec decodes.
func checkDecodeOp(body []byte, a, b any) error {
	if !decodeOp(body, a) {
		return nil
	}
	if err := wire.Unmarshal(body, b); err != nil {
		return fmt.Errorf("%T: accepted %s, which the codec rejects: %v", a, body, err)
	}
	if !reflect.DeepEqual(a, b) {
		return fmt.Errorf("%T: %s decodes differently:\nhand  %+v\ncodec %+v", a, body, a, b)
	}
	return nil
}

func TestOpCodecsMatchCodec(t *testing.T) {
	accepted := 0
	for _, in := range opInputs() {
		if err := checkEncodeOp(in); err != nil {
			t.Error(err)
		}
		if _, ok := encodeOp("", in); ok {
			accepted++
		}
	}
	if accepted != 10 {
		t.Errorf("encodeOp accepted %d inputs, want the 10 it covers", accepted)
	}
	for _, body := range append(directSeeds, `{"Count":2,"Items":[{"a":{"S":"x"}},null],"ScannedCount":5,"LastEvaluatedKey":null}`,
		`{"Attributes":{"n":{"N":"2"}}}`, `{"Item":null}`, `{"Count":2147483648}`, `{"Count":"1"}`, `{"Items":{}}`) {
		if err := compareOps([]byte(body)); err != nil {
			t.Error(err)
		}
	}
}

func compareOps(body []byte) error {
	for _, pair := range [][2]any{
		{new(GetItemOutput), new(GetItemOutput)}, {new(PutItemOutput), new(PutItemOutput)}, {new(UpdateItemOutput), new(UpdateItemOutput)},
		{new(DeleteItemOutput), new(DeleteItemOutput)}, {new(QueryOutput), new(QueryOutput)}, {new(ScanOutput), new(ScanOutput)},
	} {
		if err := checkDecodeOp(body, pair[0], pair[1]); err != nil {
			return err
		}
	}
	// The same body as an input, decoded by the codec, then encoded both ways.
	for _, in := range []any{new(GetItemInput), new(PutItemInput), new(UpdateItemInput), new(DeleteItemInput), new(QueryInput), new(ScanInput)} {
		if wire.Unmarshal(body, in) == nil {
			if err := checkEncodeOp(in); err != nil {
				return err
			}
		}
	}
	return nil
}

// FuzzOpCodecs: the hand-written encoders and decoders agree with the
// codec on whatever they accept.
func FuzzOpCodecs(f *testing.F) {
	for _, s := range directSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if err := compareOps(body); err != nil {
			t.Fatal(err)
		}
	})
}
