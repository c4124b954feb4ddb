package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/internal/awscall"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

// The wire format is compared with the real SDK by sandbox/guest's host
// tests; these cover what they cannot: robustness and the client's own
// control flow.

func TestAttributeValueRoundTrip(t *testing.T) {
	item := map[string]types.AttributeValue{
		"s":  &types.AttributeValueMemberS{Value: "x"},
		"n":  &types.AttributeValueMemberN{Value: "-1.5e3"},
		"b":  &types.AttributeValueMemberB{Value: []byte{1, 2}},
		"t":  &types.AttributeValueMemberBOOL{Value: true},
		"z":  &types.AttributeValueMemberNULL{Value: true},
		"ss": &types.AttributeValueMemberSS{Value: []string{"a"}},
		"ns": &types.AttributeValueMemberNS{Value: []string{"1"}},
		"bs": &types.AttributeValueMemberBS{Value: [][]byte{{3}}},
		"l":  &types.AttributeValueMemberL{Value: []types.AttributeValue{&types.AttributeValueMemberS{Value: "e"}}},
		"m":  &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"k": &types.AttributeValueMemberN{Value: "0"}}},
	}
	body, err := wire.Marshal(&GetItemOutput{Item: item})
	if err != nil {
		t.Fatal(err)
	}
	var back GetItemOutput
	if err := wire.Unmarshal(body, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Item, item) {
		t.Errorf("round trip changed the item: %s", body)
	}
}

func TestDecodeErrorBodies(t *testing.T) {
	tests := []struct {
		status    int
		body      string
		wantType  string
		wantCode  string
		wantMsg   string
		wantFault smithy.ErrorFault
	}{
		{400, `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`, "*types.ResourceNotFoundException", "ResourceNotFoundException", "Requested resource not found", smithy.FaultClient},
		{400, `{"__type":"ValidationException:http://internal.amazon.com/","Message":"bad"}`, "*smithy.GenericAPIError", "ValidationException", "bad", smithy.FaultUnknown},
		{500, `{"__type":"InternalServerError","message":"boom"}`, "*types.InternalServerError", "InternalServerError", "boom", smithy.FaultServer},
		{503, `service unavailable`, "*smithy.GenericAPIError", "HTTP503", "service unavailable", smithy.FaultUnknown},
		{400, `{"__type":"ConditionalCheckFailedException","Item":"not a map"}`, "*smithy.GenericAPIError", "ConditionalCheckFailedException", "", smithy.FaultUnknown},
	}
	for _, tt := range tests {
		err := service.DecodeError(tt.status, []byte(tt.body))
		var api smithy.APIError
		if !errors.As(err, &api) {
			t.Fatalf("%s: %T is not an APIError", tt.body, err)
		}
		if got := reflect.TypeOf(api).String(); got != tt.wantType || api.ErrorCode() != tt.wantCode || api.ErrorMessage() != tt.wantMsg || api.ErrorFault() != tt.wantFault {
			t.Errorf("%s: got %s %q %q %v", tt.body, got, api.ErrorCode(), api.ErrorMessage(), api.ErrorFault())
		}
	}
}

// FuzzDecodeOutput decodes arbitrary response bodies: never a panic, and
// anything accepted re-encodes and decodes to the same value.
func FuzzDecodeOutput(f *testing.F) {
	for _, s := range []string{
		`{"Items":[{"a":{"S":"x"}}],"Count":1,"LastEvaluatedKey":{"a":{"N":"1"}}}`,
		`{"Items":[{"a":{"M":{"b":{"L":[{"NULL":true},{"BS":["AA=="]}]}}}}]}`,
		`{"Items":[{"a":{}}]}`, `{"Items":[{"a":{"S":1}}]}`, `{"Items":[{"a":{"S":"x","N":"1"}}]}`,
		`{"ConsumedCapacity":{"CapacityUnits":1.5,"Table":{"ReadCapacityUnits":"NaN"}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var out QueryOutput
		if err := wire.Unmarshal(body, &out); err != nil {
			return
		}
		again, err := wire.Marshal(&out)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var back QueryOutput
		if err := wire.Unmarshal(again, &back); err != nil {
			t.Fatalf("re-decode %s: %v", again, err)
		}
	})
}

// FuzzDecodeError: whatever a service sends as an error body, the client
// returns an APIError and does not panic.
func FuzzDecodeError(f *testing.F) {
	f.Add(400, []byte(`{"__type":"x#TransactionCanceledException","CancellationReasons":[{"Code":"None"}]}`))
	f.Add(500, []byte(`{"__type":"InternalServerError"}`))
	f.Add(400, []byte(`{"__type":"ConditionalCheckFailedException","Item":{"a":{"B":"??"}}}`))
	f.Add(0, []byte{})
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		var api smithy.APIError
		if !errors.As(service.DecodeError(status, body), &api) {
			t.Fatal("not an APIError")
		}
	})
}

func TestInvokeFlow(t *testing.T) {
	var gotOp string
	var gotBody []byte
	restore := awscall.SetTransport(func(ctx context.Context, service, op string, req []byte) (int, []byte, error) {
		gotOp, gotBody = service+"."+op, req
		return 200, []byte(`{"Attributes":{"n":{"N":"2"}}}`), nil
	})
	defer restore()
	c := New(Options{Region: "us-east-1"})
	out, err := c.UpdateItem(context.Background(), &UpdateItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "a"}}})
	if err != nil || gotOp != "dynamodb.UpdateItem" || out.Attributes["n"].(*types.AttributeValueMemberN).Value != "2" {
		t.Fatalf("UpdateItem: %v %s %s %+v", err, gotOp, gotBody, out)
	}

	// A token is generated once and kept by the caller's input.
	tx := &TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{}}
	if _, err := c.TransactWriteItems(context.Background(), tx); err != nil || tx.ClientRequestToken == nil || !strings.Contains(string(gotBody), *tx.ClientRequestToken) {
		t.Errorf("token: %v %s", err, gotBody)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.GetItem(ctx, &GetItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{}})
	var canceled *smithy.CanceledError
	var op *smithy.OperationError
	if !errors.As(err, &canceled) || !errors.As(err, &op) || op.Operation() != "GetItem" {
		t.Errorf("cancelled context: %v", err)
	}
}

func BenchmarkMarshalPutItem(b *testing.B) {
	in := &PutItemInput{TableName: aws.String("orders"), ConditionExpression: aws.String("attribute_not_exists(pk)"), Item: map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "USER#1"}, "sk": &types.AttributeValueMemberN{Value: "1"},
		"tags": &types.AttributeValueMemberSS{Value: []string{"a", "b"}},
		"m":    &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"x": &types.AttributeValueMemberBOOL{Value: true}}},
	}}
	for b.Loop() {
		if _, err := wire.Marshal(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalQueryOutput(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"Count":100,"ScannedCount":100,"Items":[`)
	for i := 0; i < 100; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(`{"pk":{"S":"USER#1"},"sk":{"N":"1"},"name":{"S":"Ada Lovelace"},"tags":{"SS":["a","b"]}}`)
	}
	sb.WriteString(`]}`)
	body := []byte(sb.String())
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		var out QueryOutput
		if err := wire.Unmarshal(body, &out); err != nil {
			b.Fatal(err)
		}
	}
}

// fakeDescribe answers DescribeTable from a list of outcomes.
type fakeDescribe struct {
	outcomes []error // nil means ACTIVE
	status   []types.TableStatus
	calls    int
}

func (f *fakeDescribe) DescribeTable(ctx context.Context, in *DescribeTableInput, _ ...func(*Options)) (*DescribeTableOutput, error) {
	i := f.calls
	f.calls++
	if i >= len(f.outcomes) {
		i = len(f.outcomes) - 1
	}
	if f.outcomes[i] != nil {
		return nil, f.outcomes[i]
	}
	return &DescribeTableOutput{Table: &types.TableDescription{TableStatus: f.status[i]}}, nil
}

func TestTableWaiters(t *testing.T) {
	fast := func(o *TableExistsWaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond }
	notFound := &types.ResourceNotFoundException{}
	f := &fakeDescribe{outcomes: []error{notFound, nil, nil}, status: []types.TableStatus{"", types.TableStatusCreating, types.TableStatusActive}}
	if err := NewTableExistsWaiter(f, fast).Wait(context.Background(), &DescribeTableInput{TableName: aws.String("t")}, time.Second); err != nil || f.calls != 3 {
		t.Errorf("exists: %v after %d calls", err, f.calls)
	}
	f = &fakeDescribe{outcomes: []error{nil}, status: []types.TableStatus{types.TableStatusCreating}}
	if err := NewTableExistsWaiter(f, fast).Wait(context.Background(), &DescribeTableInput{}, 20*time.Millisecond); err == nil || !strings.Contains(err.Error(), "exceeded max wait time for TableExists waiter") {
		t.Errorf("timeout: %v", err)
	}
	boom := errors.New("boom")
	f = &fakeDescribe{outcomes: []error{boom}, status: []types.TableStatus{""}}
	if err := NewTableExistsWaiter(f, fast).Wait(context.Background(), &DescribeTableInput{}, time.Second); !errors.Is(err, boom) {
		t.Errorf("other error: %v", err)
	}
	f = &fakeDescribe{outcomes: []error{nil, notFound}, status: []types.TableStatus{types.TableStatusDeleting, ""}}
	gone := NewTableNotExistsWaiter(f, func(o *TableNotExistsWaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond })
	if err := gone.Wait(context.Background(), &DescribeTableInput{}, time.Second); err != nil || f.calls != 2 {
		t.Errorf("not exists: %v after %d calls", err, f.calls)
	}
	if err := gone.Wait(context.Background(), &DescribeTableInput{}, 0); err == nil {
		t.Error("zero max wait accepted")
	}
}

// directSeeds are response and request bodies for FuzzDirectMatchesTree:
// every AttributeValue member, nulls where they are allowed and where they
// are not, unknown members, and malformed values.
var directSeeds = []string{
	`{"Item":{"id":{"S":"u1"},"name":{"S":"Ada"}}}`,
	`{"Items":[{"a":{"S":"x"}}],"Count":1,"ScannedCount":1,"LastEvaluatedKey":{"a":{"N":"1"}}}`,
	`{"Items":[{"a":{"M":{"b":{"L":[{"NULL":true},{"BS":["AA=="]},{"BOOL":false}]}}}}]}`,
	`{"Item":{"b":{"B":"AQID"},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.5"]},"bs":{"BS":[]},"e":{"SS":[]}}}`,
	`{"Items":[{"a":{}}]}`, `{"Items":[{"a":{"S":1}}]}`, `{"Items":[{"a":{"S":"x","N":"1"}}]}`, `{"Items":[null,{}]}`,
	`{"Item":{"a":null}}`, `{"Item":{"a":{"S":null}}}`, `{"Item":{"a":{"S":"x","N":null}}}`, `{"Item":{"a":{"S":"x","S":null}}}`,
	`{"Item":{"a":{"S":null,"S":"y"}}}`, `{"Item":{"a":{"S":"x","S":"y"}}}`, `{"Item":{"a":{"L":[null]}}}`, `{"Item":{"a":{"M":{"k":null}}}}`,
	`{"Item":{"a":{"M":{"k":{}}}}}`, `{"Item":{"a":{"L":[{}]}}}`, `{"Item":{"a":{"X":{"y":[1,"<&>",2.50]}}}}`, `{"Item":{"a":{"B":"!!"}}}`,
	`{"Item":{"a":{"SS":["a",null]}}}`, `{"Item":{"a":{"BOOL":"true"}}}`, `{"Item":{"a":"S"}}`, `{"Item":[]}`, `{"Item":{"a":{"S":"\u00e9\n\ud83d\ude00"}}}`,
	`{"ConsumedCapacity":{"CapacityUnits":1.5,"TableName":"t","Table":{"ReadCapacityUnits":"NaN"}}}`,
	`{"Attributes":{"n":{"N":"2"}},"ItemCollectionMetrics":{"ItemCollectionKey":{"pk":{"S":"a"}},"SizeEstimateRangeGB":[1,2]}}`,
	`{"TableName":"t","Item":{"id":{"S":"u1"},"age":{"N":"36"}},"ConditionExpression":"attribute_not_exists(id)","ExpressionAttributeNames":{"#n":"name"},"ReturnValues":"ALL_OLD"}`,
	`{"TableName":"t","Key":{"pk":{"S":"a"}},"ConsistentRead":true,"ProjectionExpression":"#n","AttributesToGet":["x"]}`,
	`{"TableName":"t","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S":"c1"},":z":null},"Limit":10,"ScanIndexForward":false,"ExclusiveStartKey":{"pk":{"S":"c1"}}}`,
	`{"Responses":{"t":[{"a":{"N":"1"}}]},"UnprocessedKeys":{"t":{"Keys":[{"a":{"N":"2"}}]}}}`,
	`{"message":"lower-case member"}`, `{"Item":{"a":{"S":"x"}}} trailing`, `{"Item":{"a":{"S":"x"}}`,
}

// TestDirectMatchesTree holds the direct codec and its AttributeValue hooks
// to the tree codec on the seeds of FuzzDirectMatchesTree.
func TestDirectMatchesTree(t *testing.T) {
	for _, s := range directSeeds {
		if err := compareDirect([]byte(s)); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// compareDirect checks one body decoded as each of the hot operations'
// inputs and outputs.
func compareDirect(data []byte) error {
	for _, pair := range [][2]any{
		{new(GetItemOutput), new(GetItemOutput)}, {new(QueryOutput), new(QueryOutput)},
		{new(PutItemInput), new(PutItemInput)}, {new(QueryInput), new(QueryInput)},
		{new(UpdateItemOutput), new(UpdateItemOutput)}, {new(BatchGetItemOutput), new(BatchGetItemOutput)},
	} {
		if err := wire.CompareDirect(data, pair[0], pair[1]); err != nil {
			return fmt.Errorf("%T: %w", pair[0], err)
		}
	}
	return nil
}

// FuzzDirectMatchesTree: the direct codec decodes and encodes DynamoDB
// bodies exactly as the tree codec does.
func FuzzDirectMatchesTree(f *testing.F) {
	for _, s := range directSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := compareDirect(data); err != nil {
			t.Fatal(err)
		}
	})
}

// TestMarshalDirectItems encodes inputs built in Go (not decoded from
// JSON): nil AttributeValues in items and inside M and L, an unknown
// member, a value type the union does not know.
func TestMarshalDirectItems(t *testing.T) {
	in := &PutItemInput{TableName: aws.String("t"), Item: map[string]types.AttributeValue{
		"nil": nil, "s": &types.AttributeValueMemberS{Value: "x"},
		"m": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"z": nil, "a": &types.AttributeValueMemberN{Value: "1"}}},
		"l": &types.AttributeValueMemberL{Value: []types.AttributeValue{nil, &types.AttributeValueMemberNULL{Value: true}}},
		"u": &types.UnknownUnionMember{Tag: "X", Value: []byte(`{"b":1,"a":"<"}`)},
		"e": &types.AttributeValueMemberSS{}, "b": &types.AttributeValueMemberB{}, "bs": &types.AttributeValueMemberBS{Value: [][]byte{{1}, nil}},
	}, ExpressionAttributeNames: map[string]string{"#e": "", "#n": "n"}}
	got, err := wire.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"ExpressionAttributeNames":{"#n":"n"},"Item":{"b":{"B":""},"bs":{"BS":["AQ==",""]},"e":{"SS":[]},"l":{"L":[{},{"NULL":true}]},"m":{"M":{"a":{"N":"1"},"z":{}}},"s":{"S":"x"},"u":{"X":{"a":"<","b":1}}},"TableName":"t"}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := wire.Marshal(&PutItemInput{Item: map[string]types.AttributeValue{"u": &types.UnknownUnionMember{Tag: "X", Value: []byte(`{`)}}}); err == nil {
		t.Error("an unknown member that is not JSON was encoded")
	}
}

func BenchmarkUnmarshalGetItemOutput(b *testing.B) {
	body := []byte(`{"Item":{"id":{"S":"u1"},"name":{"S":"Ada"}}}`)
	b.ReportAllocs()
	for b.Loop() {
		var out GetItemOutput
		if err := wire.Unmarshal(body, &out); err != nil {
			b.Fatal(err)
		}
	}
}
