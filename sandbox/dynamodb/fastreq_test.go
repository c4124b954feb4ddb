package dynamodb

import (
	"encoding/json"
	"reflect"
	"testing"
)

// slowDecode decodes with encoding/json alone (the fallback path).
func slowDecode[T any](b []byte) (*T, error) {
	v := new(T)
	return v, json.Unmarshal(b, v)
}

func checkSame[T any, PT interface {
	*T
	fastDecoder
}](t *testing.T, body string) {
	t.Helper()
	fast := PT(new(T))
	if err := fast.decodeFast([]byte(body)); err != nil {
		return // the slow path will handle it
	}
	slow, err := slowDecode[T]([]byte(body))
	if err != nil {
		t.Fatalf("fast decoder accepted %s, encoding/json rejected it: %v", body, err)
	}
	if !reflect.DeepEqual((*T)(fast), slow) {
		t.Fatalf("decoders disagree on %s:\nfast %+v\nslow %+v", body, fast, slow)
	}
}

var fastSeeds = []string{
	`{"TableName":"T","Key":{"id":{"S":"a"}},"ConsistentRead":true,"ProjectionExpression":"#a, b","ExpressionAttributeNames":{"#a":"a"}}`,
	`{"TableName":"T","Item":{"id":{"S":"a"},"n":{"N":"1"},"l":{"L":[{"M":{"x":{"NULL":true}}}]}},"ConditionExpression":"attribute_not_exists(id)","ReturnValues":"ALL_OLD"}`,
	`{"TableName":"T","Key":{"id":{"S":"a"}},"UpdateExpression":"SET a = :v","ExpressionAttributeValues":{":v":{"SS":["x"]}},"ReturnValues":"UPDATED_NEW"}`,
	`{"TableName":"T","KeyConditionExpression":"id = :v","ExpressionAttributeValues":{":v":{"S":"a"}},"Limit":10,"ScanIndexForward":false,"ExclusiveStartKey":{"id":{"S":"a"}}}`,
	`{"TableName":"T","Limit":1.5}`,
	`{"TableName":null}`,
	`{"tablename":"T"}`,
	`{"TableName":"T","AttributesToGet":["a"]}`,
	`{"TableName":"T","Key":{"id":{"S":"a"}}} `,
	`{"TableName":"T","Key":{"id":{"S":"a"}},"TableName":"U"}`,
}

func TestFastRequestAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range fastSeeds {
		checkSame[GetItemInput](t, s)
		checkSame[PutItemInput](t, s)
		checkSame[UpdateItemInput](t, s)
		checkSame[DeleteItemInput](t, s)
		checkSame[QueryInput](t, s)
	}
	// The fast path really is taken for the common shapes.
	var g GetItemInput
	if err := g.decodeFast([]byte(fastSeeds[0])); err != nil || g.TableName != "T" || !g.ConsistentRead || g.ExpressionAttributeNames["#a"] != "a" {
		t.Fatalf("fast decode: %v %+v", err, g)
	}
	var q QueryInput
	if err := q.decodeFast([]byte(fastSeeds[3])); err != nil || *q.Limit != 10 || *q.ScanIndexForward {
		t.Fatalf("fast decode query: %v %+v", err, q)
	}
}

func FuzzFastRequest(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSame[GetItemInput](t, s)
		checkSame[PutItemInput](t, s)
		checkSame[UpdateItemInput](t, s)
		checkSame[DeleteItemInput](t, s)
		checkSame[QueryInput](t, s)
	})
}
