package dynamodb

import (
	"context"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestNumbers(t *testing.T) {
	cases := []struct {
		in, want, err string
	}{
		{"0", "0", ""},
		{"-0.000", "0", ""},
		{"007", "7", ""},
		{"1.50", "1.5", ""},
		{"+1e3", "1000", ""},
		{"1.23E-5", "0.0000123", ""},
		{"-12.5e1", "-125", ""},
		{".5", "0.5", ""},
		{"5.", "5", ""},
		{"12345678901234567890123456789012345678", "12345678901234567890123456789012345678", ""},
		{"1E-130", "0." + strings.Repeat("0", 129) + "1", ""},
		{"9.9999999999999999999999999999999999999E+125", "99999999999999999999999999999999999999" + strings.Repeat("0", 88), ""},
		{"123456789012345678901234567890123456789", "", "Attempting to store more than 38 significant digits in a Number"},
		{"1E126", "", "Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{"1E-131", "", "Number underflow. Attempting to store a number with magnitude smaller than supported range"},
		{"abc", "", "The parameter cannot be converted to a numeric value: abc"},
		{"1e", "", "The parameter cannot be converted to a numeric value: 1e"},
		{"", "", "The parameter cannot be converted to a numeric value: "},
		{"1.2.3", "", "The parameter cannot be converted to a numeric value: 1.2.3"},
	}
	for _, c := range cases {
		got, err := canonicalNumber(c.in)
		msg := ""
		if err != nil {
			msg = err.Message
		}
		if got != c.want || msg != c.err {
			t.Errorf("canonicalNumber(%q) = %q, %q; want %q, %q", c.in, got, msg, c.want, c.err)
		}
	}
}

func TestCompareNumbersAndSortOrder(t *testing.T) {
	ordered := []string{"-1000", "-2.5", "-2", "-0.001", "0", "0.001", "0.01", "1", "1.5", "2", "10", "100"}
	for i := range ordered {
		for j := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := compareNumbers(ordered[i], ordered[j]); got != want {
				t.Errorf("compare(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	// Strings order by UTF-8 bytes: upper case, lower case, then non-ASCII.
	if !(compareValues(S("Z"), S("a")) < 0 && compareValues(S("a"), S("é")) < 0 && compareValues(S("ab"), S("b")) < 0) {
		t.Error("string order is not UTF-8 byte order")
	}
	if compareValues(B([]byte{0x7f}), B([]byte{0x80})) >= 0 {
		t.Error("binary must compare unsigned")
	}
}

func TestAddNumbers(t *testing.T) {
	cases := []struct{ a, b, want, err string }{
		{"1", "2", "3", ""},
		{"0.1", "0.2", "0.3", ""},
		{"-5", "5", "0", ""},
		{"9E125", "1E125", "", "Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{"99999999999999999999999999999999999999", "0.1", "", "Attempting to store more than 38 significant digits in a Number"},
	}
	for _, c := range cases {
		got, err := addNumbers(c.a, c.b, false)
		msg := ""
		if err != nil {
			msg = err.Message
		}
		if got != c.want || msg != c.err {
			t.Errorf("%s + %s = %q %q; want %q %q", c.a, c.b, got, msg, c.want, c.err)
		}
	}
}

func TestItemSize(t *testing.T) {
	cases := []struct {
		item Item
		want int
	}{
		{Item{"id": S("abc")}, 5},
		{Item{"n": N("12345")}, 1 + 4},
		{Item{"b": Bool(true), "z": Null()}, 4},
		{Item{"m": M(Item{"k": S("v")})}, 1 + 3 + 1 + 1 + 1},
		{Item{"l": L(S("ab"), S("c"))}, 1 + 3 + 3 + 2},
		{Item{"ss": SS("a", "bc")}, 2 + 3},
	}
	for _, c := range cases {
		if got := ItemSize(c.item); got != c.want {
			t.Errorf("ItemSize(%v) = %d, want %d", MarshalItem(c.item), got, c.want)
		}
	}
}

func TestJSONDoorErrorShapes(t *testing.T) {
	svc := New(Options{})
	ctx := context.Background()
	cases := []struct {
		op, body string
		status   int
		want     string
	}{
		{"CreateTable", `{"TableName":"Tbl","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}`, 200, ""},
		{"PutItem", `{"TableName":"Tbl","Item":{"id":{"S":"a"}}}`, 200, `{}`},
		{"PutItem", `{"TableName":"Tbl","Item":{"id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(id)"}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}`},
		{"PutItem", `{"TableName":"Tbl","Item":{"id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"id":{"S":"a"}}}`},
		{"GetItem", `{"TableName":"Nope","Key":{"id":{"S":"a"}}}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`},
		{"GetItem", `{"TableName":"Tbl","Key":{"id":{"S":"a","N":"1"}}}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"}`},
		{"GetItem", `{"TableName":"Tbl","Key":{"id":{}}}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"}`},
		{"GetItem", `{"TableName":"Tbl","Key":{"id":{"S":"a"}}}`, 200, `{"Item":{"id":{"S":"a"}}}`},
		{"GetItem", `{"TableName":`, 400, `{"__type":"com.amazon.coral.service#SerializationException","message":"Start of structure or map found where not expected."}`},
		{"Frobnicate", `{}`, 400, `{"__type":"com.amazon.coral.service#UnknownOperationException","message":""}`},
		{"TransactWriteItems", `{"TransactItems":[{"ConditionCheck":{"TableName":"Tbl","Key":{"id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},{"Put":{"TableName":"Tbl","Item":{"id":{"S":"b"}}}}]}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","message":"Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]","CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"The conditional request failed","Item":{"id":{"S":"a"}}},{"Code":"None"}]}`},
	}
	for _, c := range cases {
		status, resp := svc.Call(ctx, c.op, []byte(c.body))
		if status != c.status || (c.want != "" && string(resp) != c.want) {
			t.Errorf("%s %s:\n got %d %s\nwant %d %s", c.op, c.body, status, resp, c.status, c.want)
		}
	}
}

func TestHTTPDoorHeaders(t *testing.T) {
	svc := New(Options{})
	srv := httptest.NewServer(svc)
	defer srv.Close()
	req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(`{}`))
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != `{"TableNames":[]}` || resp.StatusCode != 200 {
		t.Fatalf("body %s status %d", body, resp.StatusCode)
	}
	if got := resp.Header.Get("X-Amz-Crc32"); got != strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10) {
		t.Errorf("crc32 header %s", got)
	}
	if id := resp.Header.Get("X-Amzn-Requestid"); len(id) != 52 {
		t.Errorf("request id %q", id)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/x-amz-json-1.0" {
		t.Errorf("content type %s", ct)
	}
}

func seedService(t *testing.T) *Service {
	t.Helper()
	clock := &fakeClock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	svc := New(Options{Clock: clock.now})
	ctx := context.Background()
	_, err := svc.CreateTable(ctx, &CreateTableInput{
		TableName:            "Tbl",
		KeySchema:            []KeySchemaElement{{"pk", "HASH"}, {"sk", "RANGE"}},
		AttributeDefinitions: []AttributeDefinition{{"pk", "S"}, {"sk", "N"}, {"g", "S"}},
		BillingMode:          "PAY_PER_REQUEST",
		GlobalSecondaryIndexes: []SecondaryIndex{{IndexName: "byG", KeySchema: []KeySchemaElement{{"g", "HASH"}, {"sk", "RANGE"}},
			Projection: Projection{ProjectionType: "ALL"}}},
		StreamSpecification: &StreamSpecification{StreamEnabled: true, StreamViewType: "NEW_IMAGE"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		it := Item{"pk": S("p" + strconv.Itoa(i%3)), "sk": N(strconv.Itoa(i)), "v": L(S("x"), M(Item{"n": N("1.50")}))}
		if i%2 == 0 {
			it["g"] = S("even")
		}
		if err := svc.Seed("Tbl", []Item{it}); err != nil {
			t.Fatal(err)
		}
	}
	return svc
}

func dump(t *testing.T, svc *Service) string {
	t.Helper()
	items, err := svc.Items("Tbl")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, it := range items {
		b.Write(MarshalItem(it))
		b.WriteByte('\n')
	}
	q, err := svc.Query(context.Background(), &QueryInput{TableName: "Tbl", IndexName: "byG", KeyConditionExpression: "g = :g",
		ExprParams: ExprParams{ExpressionAttributeValues: Item{":g": S("even")}}})
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString("gsi " + strconv.Itoa(q.Count))
	return b.String()
}

func TestSnapshotRestore(t *testing.T) {
	svc := seedService(t)
	before := dump(t, svc)
	snap, err := svc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	other := New(Options{})
	if err := other.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, other); after != before {
		t.Fatalf("restored state differs:\n%s\nvs\n%s", after, before)
	}
	d1, _ := svc.Describe("Tbl")
	d2, _ := other.Describe("Tbl")
	j1, _ := json.Marshal(d1)
	j2, _ := json.Marshal(d2)
	if string(j1) != string(j2) {
		t.Fatalf("descriptions differ:\n%s\n%s", j1, j2)
	}
	if err := other.Restore([]byte(`{"version":9}`)); err == nil {
		t.Fatal("unknown snapshot version accepted")
	}
}

func TestCloneIsIndependent(t *testing.T) {
	svc := seedService(t)
	before := dump(t, svc)
	c := svc.Clone()
	ctx := context.Background()
	if _, err := c.DeleteItem(ctx, &DeleteItemInput{TableName: "Tbl", Key: Item{"pk": S("p0"), "sk": N("0")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateItem(ctx, &UpdateItemInput{TableName: "Tbl", Key: Item{"pk": S("p1"), "sk": N("1")}, UpdateExpression: "SET g = :g",
		ExprParams: ExprParams{ExpressionAttributeValues: Item{":g": S("even")}}}); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, svc); got != before {
		t.Fatal("writing to a clone changed the original")
	}
	if got := dump(t, c); got == before || !strings.HasSuffix(got, "gsi 10") {
		t.Fatalf("clone did not change as expected: %s", got)
	}
}

func TestViewerAPI(t *testing.T) {
	svc := seedService(t)
	if names := svc.TableNames(); len(names) != 1 || names[0] != "Tbl" {
		t.Fatalf("names %v", names)
	}
	var all []json.RawMessage
	cursor := ""
	for pages := 0; ; pages++ {
		items, next, err := svc.ScanPage("Tbl", cursor, 7)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, items...)
		if next == "" {
			break
		}
		cursor = next
		if pages > 10 {
			t.Fatal("no end")
		}
	}
	if len(all) != 20 {
		t.Fatalf("scanned %d", len(all))
	}
	if _, err := svc.Describe("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("describe missing: %v", err)
	}
	for _, name := range []string{"Tbl", "arn:aws:dynamodb:us-east-1:123456789012:table/Tbl"} {
		if pk, ok := svc.PartitionKey(name); !ok || pk != "pk" {
			t.Errorf("PartitionKey(%s) = %q, %v", name, pk, ok)
		}
	}
	if pk, ok := svc.PartitionKey("nope"); ok {
		t.Errorf("PartitionKey of a missing table = %q", pk)
	}
	if err := svc.SeedJSON("Tbl", []byte(`[{"pk":{"S":"x"},"sk":{"N":"1"}}]`)); err != nil {
		t.Fatal(err)
	}
	if err := svc.SeedJSON("Tbl", []byte(`[{"pk":{"S":"x"}}]`)); err == nil || !strings.Contains(err.Error(), "Missing the key sk") {
		t.Fatalf("bad seed: %v", err)
	}
}

func TestSubscribeRequiresStream(t *testing.T) {
	svc := New(Options{})
	if _, err := svc.Subscribe("none", func([]StreamRecord) {}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("got %v", err)
	}
}

func TestSetValidation(t *testing.T) {
	cases := []struct {
		v   AttributeValue
		msg string
	}{
		{SS("a", "a"), "One or more parameter values were invalid: Input collection [a, a] contains duplicates."},
		{AttributeValue{Kind: KindBS, Set: []string{"b", "b"}}, "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates."},
		{AttributeValue{Kind: KindSS}, "One or more parameter values were invalid: An string set  may not be empty"},
		{AttributeValue{Kind: KindNS}, "One or more parameter values were invalid: An number set  may not be empty"},
		{AttributeValue{Kind: KindBS}, "One or more parameter values were invalid: Binary sets should not be empty"},
		{AttributeValue{Kind: KindNULL}, "One or more parameter values were invalid: Null attribute value types must have the value of true"},
	}
	for _, c := range cases {
		v := c.v
		if err := validateValue(&v, 1); err == nil || err.Message != c.msg {
			t.Errorf("%s: got %v, want %s", MarshalItem(Item{"v": c.v}), err, c.msg)
		}
	}
}

func TestConsumedCapacity(t *testing.T) {
	svc := New(Options{})
	ctx := context.Background()
	call := func(op, body string) string {
		t.Helper()
		status, resp := svc.Call(ctx, op, []byte(body))
		if status != 200 {
			t.Fatalf("%s: %s", op, resp)
		}
		return string(resp)
	}
	call("CreateTable", `{"TableName":"Cap","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}]}`)
	big := strings.Repeat("x", 5000) // 5 KB: 5 write units, 2 strongly consistent read units
	cases := []struct {
		op, body, want string
	}{
		{"PutItem", `{"TableName":"Cap","Item":{"id":{"S":"a"},"v":{"S":"` + big + `"}},"ReturnConsumedCapacity":"TOTAL"}`, `{"ConsumedCapacity":{"TableName":"Cap","CapacityUnits":5,"WriteCapacityUnits":5}}`},
		{"GetItem", `{"TableName":"Cap","Key":{"id":{"S":"a"}},"ProjectionExpression":"id","ConsistentRead":true,"ReturnConsumedCapacity":"TOTAL"}`, `{"Item":{"id":{"S":"a"}},"ConsumedCapacity":{"TableName":"Cap","CapacityUnits":2,"ReadCapacityUnits":2}}`},
		{"GetItem", `{"TableName":"Cap","Key":{"id":{"S":"a"}},"ProjectionExpression":"id","ReturnConsumedCapacity":"INDEXES"}`, `{"Item":{"id":{"S":"a"}},"ConsumedCapacity":{"TableName":"Cap","CapacityUnits":1,"ReadCapacityUnits":1,"Table":{"CapacityUnits":1,"ReadCapacityUnits":1}}}`},
		{"GetItem", `{"TableName":"Cap","Key":{"id":{"S":"none"}},"ReturnConsumedCapacity":"TOTAL"}`, `{"ConsumedCapacity":{"TableName":"Cap","CapacityUnits":0.5,"ReadCapacityUnits":0.5}}`},
		{"TransactWriteItems", `{"TransactItems":[{"Put":{"TableName":"Cap","Item":{"id":{"S":"b"}}}}],"ReturnConsumedCapacity":"TOTAL"}`, `{"ConsumedCapacity":[{"TableName":"Cap","CapacityUnits":2,"WriteCapacityUnits":2}]}`},
		{"TransactGetItems", `{"TransactItems":[{"Get":{"TableName":"Cap","Key":{"id":{"S":"a"}}}}],"ReturnConsumedCapacity":"TOTAL"}`, ""},
	}
	for _, c := range cases {
		got := call(c.op, c.body)
		if c.want != "" && got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.op, got, c.want)
		}
	}
	var tg TransactGetItemsOutput
	json.Unmarshal([]byte(call(cases[5].op, cases[5].body)), &tg)
	if len(tg.ConsumedCapacity) != 1 || tg.ConsumedCapacity[0].CapacityUnits != 4 {
		t.Errorf("transactional read of 5 KB: %+v, want 4 units", tg.ConsumedCapacity)
	}
}

func TestExpressionParameterChecks(t *testing.T) {
	svc := New(Options{})
	ctx := context.Background()
	svc.Call(ctx, "CreateTable", []byte(`{"TableName":"Chk","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}]}`))
	cases := []struct{ op, body, msg string }{
		{"GetItem", `{"TableName":"Chk","Key":{"id":{"S":"a"}},"ProjectionExpression":"id","ExpressionAttributeValues":{":v":{"S":"x"}}}`, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"},
		{"GetItem", `{"TableName":"Chk","Key":{"id":{"S":"a"}},"ExpressionAttributeNames":{"#a":"x"}}`, "ExpressionAttributeNames can only be specified when using expressions"},
		{"Scan", `{"TableName":"Chk","ExpressionAttributeValues":{":v":{"S":"x"}}}`, "ExpressionAttributeValues can only be specified when using expressions"},
		{"Scan", `{"TableName":"Chk","FilterExpression":"a = :v","ExpressionAttributeValues":{}}`, "ExpressionAttributeValues must not be empty"},
		{"Scan", `{"TableName":"Chk","FilterExpression":"a = :v","ExpressionAttributeValues":{":v":{"SS":[]}}}`, "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v"},
		{"Scan", `{"TableName":"Chk","FilterExpression":"a = :v","ExpressionAttributeValues":{"v":{"S":"x"}}}`, `ExpressionAttributeValues contains invalid key: Syntax error; key: "v"`},
		{"Scan", `{"TableName":"Chk","ProjectionExpression":"#a","ExpressionAttributeNames":{"#a":"x","b":"y"}}`, `ExpressionAttributeNames contains invalid key: Syntax error; key: "b"`},
		{"Query", `{"TableName":"Chk"}`, "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."},
		{"Query", `{"TableName":"Chk","KeyConditionExpression":"id = :a","ExpressionAttributeValues":{":a":{"S":"a"}},"ExclusiveStartKey":{"id":{"S":"b"}}}`, "The provided starting key is outside query boundaries based on provided conditions"},
		{"Query", `{"TableName":"Chk","KeyConditionExpression":"id = :a","ExpressionAttributeValues":{":a":{"S":"a"}},"ExclusiveStartKey":{"nope":{"S":"b"}}}`, "The provided starting key is invalid: The provided key element does not match the schema"},
		{"Scan", `{"TableName":"Chk","Segment":1}`, "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"},
		{"Scan", `{"TableName":"Chk","Segment":2,"TotalSegments":2}`, "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2"},
		{"Scan", `{"TableName":"Chk","Select":"SPECIFIC_ATTRIBUTES"}`, "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"},
		{"PutItem", `{"TableName":"Chk","Item":{"id":{"S":"a"}},"ReturnValues":"ALL_NEW"}`, "ReturnValues can only be ALL_OLD or NONE"},
	}
	for _, c := range cases {
		status, resp := svc.Call(ctx, c.op, []byte(c.body))
		var e wireError
		json.Unmarshal(resp, &e)
		if status != 400 || e.Message != c.msg {
			t.Errorf("%s %s:\n got %d %s\nwant %s", c.op, c.body, status, resp, c.msg)
		}
	}
}

func TestTableARNAsName(t *testing.T) {
	svc := seedService(t)
	d, _ := svc.Describe("Tbl")
	out, err := svc.GetItem(context.Background(), &GetItemInput{TableName: d.TableArn, Key: Item{"pk": S("p0"), "sk": N("0")}})
	if err != nil || out.Item == nil {
		t.Fatalf("GetItem by ARN: %v", err)
	}
}

func TestSnapshotKeepsOrphanStreams(t *testing.T) {
	svc := seedService(t)
	ctx := context.Background()
	if _, err := svc.DeleteTable(ctx, &DescribeTableInput{TableName: "Tbl"}); err != nil {
		t.Fatal(err)
	}
	snap, err := svc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	other := New(Options{Clock: svc.clock})
	if err := other.Restore(snap); err != nil {
		t.Fatal(err)
	}
	ls, err := other.ListStreams(ctx, &ListStreamsInput{})
	if err != nil || len(ls.Streams) != 1 {
		t.Fatalf("streams after restore: %+v %v", ls, err)
	}
	d, err := other.DescribeStream(ctx, &DescribeStreamInput{StreamArn: ls.Streams[0].StreamArn})
	if err != nil {
		t.Fatal(err)
	}
	ks := d.StreamDescription.KeySchema
	if d.StreamDescription.StreamStatus != "DISABLED" || len(ks) != 2 || ks[0].AttributeName != "pk" || ks[1].KeyType != "RANGE" {
		t.Fatalf("restored orphan stream %+v", d.StreamDescription)
	}
}
