package dynamodb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	stypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
	"github.com/aws/smithy-go"
)

// The conformance suite drives the engine with the real aws-sdk-go-v2
// client (real serialisation, signing and error decoding) through both
// doors: HTTP over loopback, and the in-process JSON door reached by an
// http.RoundTripper that hands the request body to Service.Call.

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

type harness struct {
	svc     *Service
	clock   *fakeClock
	db      *ddb.Client
	streams *dynamodbstreams.Client
}

// inProcess is an http.RoundTripper that calls the in-process JSON door.
type inProcess struct{ svc *Service }

func (p inProcess) RoundTrip(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	status, resp := p.svc.CallTarget(r.Context(), r.Header.Get("X-Amz-Target"), body)
	return &http.Response{
		StatusCode:    status,
		Header:        http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body:          io.NopCloser(bytes.NewReader(resp)),
		ContentLength: int64(len(resp)),
		Request:       r,
	}, nil
}

type door struct {
	name  string
	setup func(t *testing.T, svc *Service) (endpoint string, hc aws.HTTPClient)
}

var doors = []door{
	{"http", func(t *testing.T, svc *Service) (string, aws.HTTPClient) {
		srv := httptest.NewServer(svc)
		t.Cleanup(srv.Close)
		return srv.URL, srv.Client()
	}},
	{"inprocess", func(t *testing.T, svc *Service) (string, aws.HTTPClient) {
		return "http://in-process.invalid", &http.Client{Transport: inProcess{svc}}
	}},
}

func newHarness(t *testing.T, d door) *harness {
	clock := &fakeClock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	svc := New(Options{Clock: clock.now, Region: "eu-west-1", AccountID: "111122223333"})
	endpoint, hc := d.setup(t, svc)
	cfg := aws.Config{
		Region:           "eu-west-1",
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		HTTPClient:       hc,
		RetryMaxAttempts: 1,
	}
	return &harness{
		svc:     svc,
		clock:   clock,
		db:      ddb.NewFromConfig(cfg, func(o *ddb.Options) { o.BaseEndpoint = aws.String(endpoint) }),
		streams: dynamodbstreams.NewFromConfig(cfg, func(o *dynamodbstreams.Options) { o.BaseEndpoint = aws.String(endpoint) }),
	}
}

// TestConformance runs every scenario through both doors.
func TestConformance(t *testing.T) {
	scenarios := []struct {
		name string
		run  func(t *testing.T, h *harness)
	}{
		{"ControlPlane", scenarioControlPlane},
		{"ItemsAndConditions", scenarioItems},
		{"UpdateExpressions", scenarioUpdate},
		{"QueryScanIndexes", scenarioQuery},
		{"BatchAndTransactions", scenarioBatchTx},
		{"Streams", scenarioStreams},
		{"Validation", scenarioValidation},
		{"PartiQL", scenarioPartiQL},
	}
	for _, d := range doors {
		for _, sc := range scenarios {
			t.Run(d.name+"/"+sc.name, func(t *testing.T) { runScenario(t, newHarness(t, d), sc.run) })
		}
	}
}

var bg = context.Background()

func str(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }
func num(n string) types.AttributeValue { return &types.AttributeValueMemberN{Value: n} }

// apiErr asserts err is an API error with the given code and message
// (message compared by prefix when it ends with "…").
func apiErr(t *testing.T, err error, code, msg string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("want %s error, got %v", code, err)
	}
	if ae.ErrorCode() != code {
		t.Fatalf("error code = %s (%s), want %s", ae.ErrorCode(), ae.ErrorMessage(), code)
	}
	if p, ok := strings.CutSuffix(msg, "…"); ok {
		if !strings.HasPrefix(ae.ErrorMessage(), p) {
			t.Fatalf("message = %q, want prefix %q", ae.ErrorMessage(), p)
		}
	} else if ae.ErrorMessage() != msg {
		t.Fatalf("message = %q, want %q", ae.ErrorMessage(), msg)
	}
}

// must returns v or aborts the scenario; the panic is turned into a test
// failure by runScenario.
func must[T any](v T, err error) T {
	if err != nil {
		panic(mustError{err})
	}
	return v
}

type mustError struct{ err error }

func runScenario(t *testing.T, h *harness, run func(*testing.T, *harness)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if me, ok := r.(mustError); ok {
				t.Fatalf("unexpected error: %v", me.err)
			}
			panic(r)
		}
	}()
	run(t, h)
}

// createOrders makes a table with pk/sk, a GSI on status and an LSI on
// total, streams on.
func createOrders(t *testing.T, h *harness) {
	t.Helper()
	must(h.db.CreateTable(bg, &ddb.CreateTableInput{
		TableName: aws.String("Orders"),
		KeySchema: []types.KeySchemaElement{
			{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange},
		},
		AttributeDefinitions: []types.AttributeDefinition{
			{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeTypeN},
			{AttributeName: aws.String("status"), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String("total"), AttributeType: types.ScalarAttributeTypeN},
		},
		BillingMode: types.BillingModePayPerRequest,
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{{
			IndexName:  aws.String("byStatus"),
			KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("status"), KeyType: types.KeyTypeHash}},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeKeysOnly},
		}},
		LocalSecondaryIndexes: []types.LocalSecondaryIndex{{
			IndexName: aws.String("byTotal"),
			KeySchema: []types.KeySchemaElement{
				{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash},
				{AttributeName: aws.String("total"), KeyType: types.KeyTypeRange},
			},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeInclude, NonKeyAttributes: []string{"note"}},
		}},
		StreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewAndOldImages},
	}))
}

func createSimple(t *testing.T, h *harness, name string) {
	t.Helper()
	must(h.db.CreateTable(bg, &ddb.CreateTableInput{
		TableName:             aws.String(name),
		KeySchema:             []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions:  []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
		ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(5)},
	}))
}

func scenarioControlPlane(t *testing.T, h *harness) {
	createOrders(t, h)
	d := must(h.db.DescribeTable(bg, &ddb.DescribeTableInput{TableName: aws.String("Orders")})).Table
	if d.TableStatus != types.TableStatusActive || aws.ToString(d.TableArn) != "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders" {
		t.Fatalf("status %s arn %s", d.TableStatus, aws.ToString(d.TableArn))
	}
	if d.BillingModeSummary == nil || d.BillingModeSummary.BillingMode != types.BillingModePayPerRequest {
		t.Fatalf("billing %+v", d.BillingModeSummary)
	}
	if !strings.HasPrefix(aws.ToString(d.LatestStreamArn), aws.ToString(d.TableArn)+"/stream/2026-01-02T03:04:05.000") || aws.ToString(d.LatestStreamLabel) != "2026-01-02T03:04:05.000" {
		t.Fatalf("stream arn %s label %s", aws.ToString(d.LatestStreamArn), aws.ToString(d.LatestStreamLabel))
	}
	if len(d.GlobalSecondaryIndexes) != 1 || d.GlobalSecondaryIndexes[0].IndexStatus != types.IndexStatusActive || len(d.LocalSecondaryIndexes) != 1 {
		t.Fatalf("indexes %+v %+v", d.GlobalSecondaryIndexes, d.LocalSecondaryIndexes)
	}
	if !d.CreationDateTime.Equal(h.clock.t) {
		t.Fatalf("creation %v", d.CreationDateTime)
	}
	_, err := h.db.CreateTable(bg, &ddb.CreateTableInput{
		TableName: aws.String("Orders"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}},
	})
	var inUse *types.ResourceInUseException
	if !errors.As(err, &inUse) || aws.ToString(inUse.Message) != "Table already exists: Orders" {
		t.Fatalf("duplicate create: %v", err)
	}
	for i := range 5 {
		createSimple(t, h, fmt.Sprintf("t%02d", i))
	}
	var names []string
	p := ddb.NewListTablesPaginator(h.db, &ddb.ListTablesInput{Limit: aws.Int32(2)})
	pages := 0
	for p.HasMorePages() {
		out := must(p.NextPage(bg))
		names = append(names, out.TableNames...)
		pages++
	}
	if strings.Join(names, ",") != "Orders,t00,t01,t02,t03,t04" || pages != 3 {
		t.Fatalf("list tables %v in %d pages", names, pages)
	}
	// UpdateTable: add a GSI over existing data, then remove it.
	must(h.db.PutItem(bg, &ddb.PutItemInput{TableName: aws.String("Orders"), Item: map[string]types.AttributeValue{"pk": str("a"), "sk": num("1"), "cust": str("c1")}}))
	must(h.db.UpdateTable(bg, &ddb.UpdateTableInput{
		TableName:            aws.String("Orders"),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("cust"), AttributeType: types.ScalarAttributeTypeS}},
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Create: &types.CreateGlobalSecondaryIndexAction{
			IndexName: aws.String("byCust"), KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("cust"), KeyType: types.KeyTypeHash}},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
		}}},
	}))
	q := must(h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), IndexName: aws.String("byCust"),
		KeyConditionExpression: aws.String("cust = :c"), ExpressionAttributeValues: map[string]types.AttributeValue{":c": str("c1")}}))
	if q.Count != 1 {
		t.Fatalf("new GSI not backfilled: %d", q.Count)
	}
	must(h.db.UpdateTable(bg, &ddb.UpdateTableInput{TableName: aws.String("Orders"),
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Delete: &types.DeleteGlobalSecondaryIndexAction{IndexName: aws.String("byCust")}}}}))
	_, err = h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), IndexName: aws.String("byCust"),
		KeyConditionExpression: aws.String("cust = :c"), ExpressionAttributeValues: map[string]types.AttributeValue{":c": str("c1")}})
	apiErr(t, err, "ValidationException", "The table does not have the specified index: byCust")
	// TTL
	must(h.db.UpdateTimeToLive(bg, &ddb.UpdateTimeToLiveInput{TableName: aws.String("t00"),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String("exp"), Enabled: aws.Bool(true)}}))
	ttl := must(h.db.DescribeTimeToLive(bg, &ddb.DescribeTimeToLiveInput{TableName: aws.String("t00")}))
	if ttl.TimeToLiveDescription.TimeToLiveStatus != types.TimeToLiveStatusEnabled || aws.ToString(ttl.TimeToLiveDescription.AttributeName) != "exp" {
		t.Fatalf("ttl %+v", ttl.TimeToLiveDescription)
	}
	// Tags
	arn := d.TableArn
	must(h.db.TagResource(bg, &ddb.TagResourceInput{ResourceArn: arn, Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("dev")}, {Key: aws.String("team"), Value: aws.String("a")}}}))
	must(h.db.UntagResource(bg, &ddb.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"team"}}))
	tags := must(h.db.ListTagsOfResource(bg, &ddb.ListTagsOfResourceInput{ResourceArn: arn}))
	if len(tags.Tags) != 1 || aws.ToString(tags.Tags[0].Key) != "env" {
		t.Fatalf("tags %+v", tags.Tags)
	}
	// Delete
	del := must(h.db.DeleteTable(bg, &ddb.DeleteTableInput{TableName: aws.String("t01")}))
	if del.TableDescription.TableStatus != types.TableStatusDeleting {
		t.Fatalf("delete status %s", del.TableDescription.TableStatus)
	}
	_, err = h.db.DescribeTable(bg, &ddb.DescribeTableInput{TableName: aws.String("t01")})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) || aws.ToString(nf.Message) != "Requested resource not found: Table: t01 not found" {
		t.Fatalf("describe deleted: %v", err)
	}
}

func scenarioItems(t *testing.T, h *harness) {
	createSimple(t, h, "Users")
	tbl := aws.String("Users")
	item := map[string]types.AttributeValue{
		"id":    str("u1"),
		"age":   num("0042.500"),
		"big":   num("1E+3"),
		"tiny":  num("-0.000001230"),
		"ok":    &types.AttributeValueMemberBOOL{Value: true},
		"nil":   &types.AttributeValueMemberNULL{Value: true},
		"bin":   &types.AttributeValueMemberB{Value: []byte{0, 1, 2, 255}},
		"tags":  &types.AttributeValueMemberSS{Value: []string{"a", "b"}},
		"nums":  &types.AttributeValueMemberNS{Value: []string{"1", "2.50"}},
		"blobs": &types.AttributeValueMemberBS{Value: [][]byte{{1}, {2}}},
		"doc": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{
			"list": &types.AttributeValueMemberL{Value: []types.AttributeValue{str("x"), num("7")}},
		}},
	}
	out := must(h.db.PutItem(bg, &ddb.PutItemInput{TableName: tbl, Item: item, ReturnValues: types.ReturnValueAllOld,
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}))
	if out.Attributes != nil || out.ConsumedCapacity == nil || aws.ToFloat64(out.ConsumedCapacity.CapacityUnits) != 1 {
		t.Fatalf("put: %+v %+v", out.Attributes, out.ConsumedCapacity)
	}
	got := must(h.db.GetItem(bg, &ddb.GetItemInput{TableName: tbl, Key: map[string]types.AttributeValue{"id": str("u1")},
		ConsistentRead: aws.Bool(true), ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}))
	numbers := map[string]string{"age": "42.5", "big": "1000", "tiny": "-0.00000123"}
	for k, want := range numbers {
		if v := got.Item[k].(*types.AttributeValueMemberN).Value; v != want {
			t.Errorf("%s = %s, want %s", k, v, want)
		}
	}
	if b := got.Item["bin"].(*types.AttributeValueMemberB).Value; !bytes.Equal(b, []byte{0, 1, 2, 255}) {
		t.Errorf("binary %v", b)
	}
	if l := got.Item["doc"].(*types.AttributeValueMemberM).Value["list"].(*types.AttributeValueMemberL).Value; len(l) != 2 {
		t.Errorf("list %v", l)
	}
	if aws.ToFloat64(got.ConsumedCapacity.CapacityUnits) != 1 {
		t.Errorf("consistent read units %v", aws.ToFloat64(got.ConsumedCapacity.CapacityUnits))
	}
	// Projection with nested paths and list index.
	p := must(h.db.GetItem(bg, &ddb.GetItemInput{TableName: tbl, Key: map[string]types.AttributeValue{"id": str("u1")},
		ProjectionExpression: aws.String("#d.#l[1], age"), ExpressionAttributeNames: map[string]string{"#d": "doc", "#l": "list"}}))
	if len(p.Item) != 2 || p.Item["doc"].(*types.AttributeValueMemberM).Value["list"].(*types.AttributeValueMemberL).Value[0].(*types.AttributeValueMemberN).Value != "7" {
		t.Fatalf("projection %#v", p.Item)
	}
	// Missing item: no Item.
	miss := must(h.db.GetItem(bg, &ddb.GetItemInput{TableName: tbl, Key: map[string]types.AttributeValue{"id": str("nope")}}))
	if miss.Item != nil {
		t.Fatalf("missing item returned %v", miss.Item)
	}
	// Conditional put failing, with the old item returned.
	_, err := h.db.PutItem(bg, &ddb.PutItemInput{TableName: tbl, Item: map[string]types.AttributeValue{"id": str("u1")},
		ConditionExpression:                 aws.String("attribute_not_exists(id)"),
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld})
	var ccf *types.ConditionalCheckFailedException
	if !errors.As(err, &ccf) || aws.ToString(ccf.Message) != "The conditional request failed" || ccf.Item["age"] == nil {
		t.Fatalf("conditional put: %v (item %v)", err, ccf)
	}
	// Conditions of every kind on the stored item.
	conds := []struct {
		expr string
		vals map[string]types.AttributeValue
		ok   bool
	}{
		{"age > :n", map[string]types.AttributeValue{":n": num("42.49")}, true},
		{"age BETWEEN :a AND :b", map[string]types.AttributeValue{":a": num("1"), ":b": num("42.5")}, true},
		{"age IN (:a, :b)", map[string]types.AttributeValue{":a": num("1"), ":b": num("42.50")}, true},
		{"begins_with(id, :p)", map[string]types.AttributeValue{":p": str("u")}, true},
		{"contains(tags, :t) AND contains(nums, :n)", map[string]types.AttributeValue{":t": str("b"), ":n": num("2.5")}, true},
		{"attribute_type(doc, :m)", map[string]types.AttributeValue{":m": str("M")}, true},
		{"size(tags) = :two AND size(doc.list) = :two", map[string]types.AttributeValue{":two": num("2")}, true},
		{"NOT attribute_exists(nope) AND (ok = :t OR age < :z)", map[string]types.AttributeValue{":t": &types.AttributeValueMemberBOOL{Value: true}, ":z": num("0")}, true},
		{"age <> :n", map[string]types.AttributeValue{":n": num("42.5")}, false},
		{"age < :s", map[string]types.AttributeValue{":s": str("zzz")}, false},
	}
	for _, c := range conds {
		_, err := h.db.DeleteItem(bg, &ddb.DeleteItemInput{TableName: tbl, Key: map[string]types.AttributeValue{"id": str("u1")},
			ConditionExpression: aws.String("NOT (" + c.expr + ")"), ExpressionAttributeValues: c.vals})
		// The negated condition fails exactly when the condition holds.
		if c.ok != (err != nil) {
			t.Errorf("%s: holds=%v but delete err=%v", c.expr, c.ok, err)
		}
		if err == nil {
			must(h.db.PutItem(bg, &ddb.PutItemInput{TableName: tbl, Item: item}))
		}
	}
	del := must(h.db.DeleteItem(bg, &ddb.DeleteItemInput{TableName: tbl, Key: map[string]types.AttributeValue{"id": str("u1")}, ReturnValues: types.ReturnValueAllOld}))
	if del.Attributes["id"].(*types.AttributeValueMemberS).Value != "u1" {
		t.Fatalf("delete ALL_OLD %v", del.Attributes)
	}
	_, err = h.db.GetItem(bg, &ddb.GetItemInput{TableName: aws.String("Missing"), Key: map[string]types.AttributeValue{"id": str("x")}})
	apiErr(t, err, "ResourceNotFoundException", "Requested resource not found")
}

func scenarioUpdate(t *testing.T, h *harness) {
	createSimple(t, h, "Counters")
	tbl := aws.String("Counters")
	key := map[string]types.AttributeValue{"id": str("c")}
	up := func(expr string, vals map[string]types.AttributeValue, rv types.ReturnValue) (*ddb.UpdateItemOutput, error) {
		return h.db.UpdateItem(bg, &ddb.UpdateItemInput{TableName: tbl, Key: key, UpdateExpression: aws.String(expr),
			ExpressionAttributeValues: vals, ReturnValues: rv})
	}
	out := must(up("SET n = if_not_exists(n, :zero) + :one, l = :l, m = :m ADD s :s", map[string]types.AttributeValue{
		":zero": num("0"), ":one": num("1"), ":l": &types.AttributeValueMemberL{Value: []types.AttributeValue{str("a")}},
		":m": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"x": num("1")}},
		":s": &types.AttributeValueMemberSS{Value: []string{"p", "q"}}}, types.ReturnValueAllNew))
	if out.Attributes["n"].(*types.AttributeValueMemberN).Value != "1" || len(out.Attributes) != 5 {
		t.Fatalf("first update %v", out.Attributes)
	}
	out = must(up("SET n = n + :big, l = list_append(l, :more), m.y = :s2 REMOVE m.x DELETE s :p", map[string]types.AttributeValue{
		":big": num("99999999999999999999999999999999999998"), ":more": &types.AttributeValueMemberL{Value: []types.AttributeValue{str("b")}},
		":s2": str("yy"), ":p": &types.AttributeValueMemberSS{Value: []string{"p"}}}, types.ReturnValueUpdatedNew))
	if v := out.Attributes["n"].(*types.AttributeValueMemberN).Value; v != "99999999999999999999999999999999999999" {
		t.Fatalf("38-digit sum = %s", v)
	}
	if _, ok := out.Attributes["id"]; ok {
		t.Fatalf("UPDATED_NEW returned the key: %v", out.Attributes)
	}
	all := must(h.db.GetItem(bg, &ddb.GetItemInput{TableName: tbl, Key: key})).Item
	if l := all["l"].(*types.AttributeValueMemberL).Value; len(l) != 2 {
		t.Fatalf("list_append %v", l)
	}
	m := all["m"].(*types.AttributeValueMemberM).Value
	if _, ok := m["x"]; ok || m["y"].(*types.AttributeValueMemberS).Value != "yy" {
		t.Fatalf("map after update %v", m)
	}
	if s := all["s"].(*types.AttributeValueMemberSS).Value; len(s) != 1 || s[0] != "q" {
		t.Fatalf("set after DELETE %v", s)
	}
	// Overflow past 38 digits is an error.
	_, err := up("SET n = n + :tenth", map[string]types.AttributeValue{":tenth": num("0.1")}, "")
	apiErr(t, err, "ValidationException", "Attempting to store more than 38 significant digits in a Number")
	_, err = up("SET id = :v", map[string]types.AttributeValue{":v": str("x")}, "")
	apiErr(t, err, "ValidationException", "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key")
	_, err = up("SET a.b = :v", map[string]types.AttributeValue{":v": str("x")}, "")
	apiErr(t, err, "ValidationException", "The document path provided in the update expression is invalid for update")
	_, err = up("SET l = :v REMOVE l[0]", map[string]types.AttributeValue{":v": str("x")}, "")
	apiErr(t, err, "ValidationException", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l], path two: [l, [0]]")
	_, err = up("SET x = ", nil, "")
	apiErr(t, err, "ValidationException", `Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "= "`)
	_, err = up("SET name = :v", map[string]types.AttributeValue{":v": str("x")}, "")
	apiErr(t, err, "ValidationException", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name")
	_, err = up("SET a = :v", map[string]types.AttributeValue{":v": str("x"), ":w": str("y")}, "")
	apiErr(t, err, "ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}")
	_, err = up("SET a = :nope", map[string]types.AttributeValue{":v": str("x")}, "")
	apiErr(t, err, "ValidationException", "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope")
	// A failed conditional update changes nothing and reports the old item.
	_, err = h.db.UpdateItem(bg, &ddb.UpdateItemInput{TableName: tbl, Key: key, UpdateExpression: aws.String("SET z = :v"),
		ConditionExpression: aws.String("n < :v"), ExpressionAttributeValues: map[string]types.AttributeValue{":v": num("5")},
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld})
	var ccf *types.ConditionalCheckFailedException
	if !errors.As(err, &ccf) || ccf.Item["n"] == nil {
		t.Fatalf("conditional update: %v", err)
	}
}

func putOrder(t *testing.T, h *harness, pk string, sk int, status string, total int) {
	t.Helper()
	it := map[string]types.AttributeValue{"pk": str(pk), "sk": num(strconv.Itoa(sk)), "total": num(strconv.Itoa(total)), "note": str("n"), "other": str("o")}
	if status != "" {
		it["status"] = str(status)
	}
	must(h.db.PutItem(bg, &ddb.PutItemInput{TableName: aws.String("Orders"), Item: it}))
}

func scenarioQuery(t *testing.T, h *harness) {
	createOrders(t, h)
	for i := 1; i <= 30; i++ {
		status := ""
		if i%3 == 0 {
			status = "open"
		}
		putOrder(t, h, "A", i, status, 100-i)
	}
	putOrder(t, h, "B", 5, "open", 1)
	kv := func(kvs ...any) map[string]types.AttributeValue {
		m := map[string]types.AttributeValue{}
		for i := 0; i < len(kvs); i += 2 {
			m[kvs[i].(string)] = kvs[i+1].(types.AttributeValue)
		}
		return m
	}
	sks := func(items []map[string]types.AttributeValue) []string {
		var out []string
		for _, it := range items {
			out = append(out, it["sk"].(*types.AttributeValueMemberN).Value)
		}
		return out
	}
	cases := []struct {
		name    string
		in      ddb.QueryInput
		want    string
		count   int32
		scanned int32
	}{
		{"numeric order", ddb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND sk BETWEEN :a AND :b"), ExpressionAttributeValues: kv(":p", str("A"), ":a", num("9"), ":b", num("11"))}, "9,10,11", 3, 3},
		{"descending with limit", ddb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND sk < :b"), ScanIndexForward: aws.Bool(false), Limit: aws.Int32(2), ExpressionAttributeValues: kv(":p", str("A"), ":b", num("20"))}, "19,18", 2, 2},
		{"filter counts scanned", ddb.QueryInput{KeyConditionExpression: aws.String("#p = :p"), FilterExpression: aws.String("attribute_exists(#s)"), ExpressionAttributeNames: map[string]string{"#p": "pk", "#s": "status"}, ExpressionAttributeValues: kv(":p", str("A")), Limit: aws.Int32(6)}, "3,6", 2, 6},
		{"greater equal", ddb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND sk >= :a"), ExpressionAttributeValues: kv(":p", str("A"), ":a", num("29"))}, "29,30", 2, 2},
	}
	for _, c := range cases {
		in := c.in
		in.TableName = aws.String("Orders")
		out := must(h.db.Query(bg, &in))
		if got := strings.Join(sks(out.Items), ","); got != c.want || out.Count != c.count || out.ScannedCount != c.scanned {
			t.Errorf("%s: got %s count %d scanned %d; want %s %d %d", c.name, got, out.Count, out.ScannedCount, c.want, c.count, c.scanned)
		}
	}
	// Paginator walks all pages through LastEvaluatedKey.
	pg := ddb.NewQueryPaginator(h.db, &ddb.QueryInput{TableName: aws.String("Orders"), KeyConditionExpression: aws.String("pk = :p"),
		ExpressionAttributeValues: kv(":p", str("A")), Limit: aws.Int32(7)})
	var all []string
	for pg.HasMorePages() {
		all = append(all, sks(must(pg.NextPage(bg)).Items)...)
	}
	if len(all) != 30 || all[0] != "1" || all[29] != "30" {
		t.Fatalf("paginated %v", all)
	}
	// GSI: sparse, KEYS_ONLY.
	g := must(h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), IndexName: aws.String("byStatus"),
		KeyConditionExpression: aws.String("#s = :o"), ExpressionAttributeNames: map[string]string{"#s": "status"}, ExpressionAttributeValues: kv(":o", str("open"))}))
	if g.Count != 11 {
		t.Fatalf("GSI count %d", g.Count)
	}
	for _, it := range g.Items {
		if len(it) != 3 || it["note"] != nil {
			t.Fatalf("KEYS_ONLY projection returned %v", it)
		}
	}
	// LSI ordered by total, INCLUDE projection.
	l := must(h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), IndexName: aws.String("byTotal"),
		KeyConditionExpression: aws.String("pk = :p AND #t < :t"), ExpressionAttributeNames: map[string]string{"#t": "total"}, ExpressionAttributeValues: kv(":p", str("A"), ":t", num("73"))}))
	if l.Count != 3 || l.Items[0]["total"].(*types.AttributeValueMemberN).Value != "70" || l.Items[0]["note"] == nil || l.Items[0]["other"] != nil {
		t.Fatalf("LSI %v", l.Items)
	}
	// Select COUNT.
	c := must(h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), Select: types.SelectCount,
		KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: kv(":p", str("B"))}))
	if c.Count != 1 || c.Items != nil {
		t.Fatalf("COUNT %d %v", c.Count, c.Items)
	}
	// Parallel scan: segments partition the table.
	seen := map[string]bool{}
	for seg := int32(0); seg < 4; seg++ {
		sp := ddb.NewScanPaginator(h.db, &ddb.ScanInput{TableName: aws.String("Orders"), Segment: aws.Int32(seg), TotalSegments: aws.Int32(4), Limit: aws.Int32(5)})
		for sp.HasMorePages() {
			for _, it := range must(sp.NextPage(bg)).Items {
				k := it["pk"].(*types.AttributeValueMemberS).Value + it["sk"].(*types.AttributeValueMemberN).Value
				if seen[k] {
					t.Fatalf("item %s in two segments", k)
				}
				seen[k] = true
			}
		}
	}
	if len(seen) != 31 {
		t.Fatalf("parallel scan saw %d items", len(seen))
	}
	// Errors.
	_, err := h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), KeyConditionExpression: aws.String("sk = :a"), ExpressionAttributeValues: kv(":a", num("1"))})
	apiErr(t, err, "ValidationException", "Query condition missed key schema element: pk")
	_, err = h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), KeyConditionExpression: aws.String("pk = :a"), ExpressionAttributeValues: kv(":a", num("1"))})
	apiErr(t, err, "ValidationException", "One or more parameter values were invalid: Condition parameter type does not match schema type")
	_, err = h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), KeyConditionExpression: aws.String("pk = :a"), FilterExpression: aws.String("sk > :a"), ExpressionAttributeValues: kv(":a", str("A"))})
	apiErr(t, err, "ValidationException", "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk")
	_, err = h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), IndexName: aws.String("byStatus"), ConsistentRead: aws.Bool(true),
		KeyConditionExpression: aws.String("#s = :o"), ExpressionAttributeNames: map[string]string{"#s": "status"}, ExpressionAttributeValues: kv(":o", str("open"))})
	apiErr(t, err, "ValidationException", "Consistent reads are not supported on global secondary indexes")
}

func scenarioBatchTx(t *testing.T, h *harness) {
	createSimple(t, h, "Acct")
	tbl := "Acct"
	var writes []types.WriteRequest
	for i := range 25 {
		writes = append(writes, types.WriteRequest{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"id": str(fmt.Sprint(i)), "bal": num("10")}}})
	}
	bw := must(h.db.BatchWriteItem(bg, &ddb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{tbl: writes}}))
	if len(bw.UnprocessedItems) != 0 {
		t.Fatalf("unprocessed %v", bw.UnprocessedItems)
	}
	_, err := h.db.BatchWriteItem(bg, &ddb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{tbl: append(writes, writes[0])}})
	apiErr(t, err, "ValidationException", "Too many items requested for the BatchWriteItem call")
	var keys []map[string]types.AttributeValue
	for i := range 30 {
		keys = append(keys, map[string]types.AttributeValue{"id": str(fmt.Sprint(i))})
	}
	bg1 := must(h.db.BatchGetItem(bg, &ddb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{tbl: {Keys: keys, ProjectionExpression: aws.String("id")}}}))
	if n := len(bg1.Responses[tbl]); n != 25 || len(bg1.UnprocessedKeys) != 0 || len(bg1.Responses[tbl][0]) != 1 {
		t.Fatalf("batch get %d items", n)
	}
	_, err = h.db.BatchGetItem(bg, &ddb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{tbl: {Keys: append(keys[:1], keys[0])}}})
	apiErr(t, err, "ValidationException", "Provided list of item keys contains duplicates")
	// A transfer that succeeds.
	transfer := func(from, to string, amt string, token string) error {
		_, err := h.db.TransactWriteItems(bg, &ddb.TransactWriteItemsInput{ClientRequestToken: aws.String(token), TransactItems: []types.TransactWriteItem{
			{Update: &types.Update{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str(from)},
				UpdateExpression: aws.String("SET bal = bal - :a"), ConditionExpression: aws.String("bal >= :a"),
				ExpressionAttributeValues: map[string]types.AttributeValue{":a": num(amt)}, ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}},
			{Update: &types.Update{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str(to)},
				UpdateExpression: aws.String("SET bal = bal + :a"), ExpressionAttributeValues: map[string]types.AttributeValue{":a": num(amt)}}},
			{ConditionCheck: &types.ConditionCheck{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str("2")}, ConditionExpression: aws.String("attribute_exists(id)")}},
		}})
		return err
	}
	if err := transfer("0", "1", "4", "tok-1"); err != nil {
		t.Fatal(err)
	}
	// Same token, same request: idempotent (no second transfer).
	if err := transfer("0", "1", "4", "tok-1"); err != nil {
		t.Fatal(err)
	}
	// Same token, other request.
	apiErr(t, transfer("0", "1", "5", "tok-1"), "IdempotentParameterMismatchException", "Specified idempotent parameters do not match the original request")
	err = transfer("0", "1", "7", "tok-2")
	var tce *types.TransactionCanceledException
	if !errors.As(err, &tce) {
		t.Fatalf("want TransactionCanceledException, got %v", err)
	}
	if aws.ToString(tce.Message) != "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None, None]" {
		t.Fatalf("message %q", aws.ToString(tce.Message))
	}
	if len(tce.CancellationReasons) != 3 || aws.ToString(tce.CancellationReasons[0].Code) != "ConditionalCheckFailed" ||
		tce.CancellationReasons[0].Item["bal"].(*types.AttributeValueMemberN).Value != "6" || aws.ToString(tce.CancellationReasons[1].Code) != "None" {
		t.Fatalf("reasons %+v", tce.CancellationReasons)
	}
	tg := must(h.db.TransactGetItems(bg, &ddb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{
		{Get: &types.Get{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str("0")}}},
		{Get: &types.Get{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str("1")}}},
		{Get: &types.Get{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str("zz")}}},
	}}))
	if tg.Responses[0].Item["bal"].(*types.AttributeValueMemberN).Value != "6" || tg.Responses[1].Item["bal"].(*types.AttributeValueMemberN).Value != "14" || tg.Responses[2].Item != nil {
		t.Fatalf("after transfer %v", tg.Responses)
	}
	_, err = h.db.TransactWriteItems(bg, &ddb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Delete: &types.Delete{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str("3")}}},
		{Delete: &types.Delete{TableName: aws.String(tbl), Key: map[string]types.AttributeValue{"id": str("3")}}},
	}})
	apiErr(t, err, "ValidationException", "Transaction request cannot include multiple operations on one item")
}

func scenarioStreams(t *testing.T, h *harness) {
	createOrders(t, h)
	var pushed []StreamRecord
	cancel, err := h.svc.Subscribe("Orders", func(rs []StreamRecord) { pushed = append(pushed, rs...) })
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	putOrder(t, h, "S", 1, "", 10)
	putOrder(t, h, "S", 1, "", 10) // no change: no record
	putOrder(t, h, "S", 1, "open", 11)
	must(h.db.DeleteItem(bg, &ddb.DeleteItemInput{TableName: aws.String("Orders"), Key: map[string]types.AttributeValue{"pk": str("S"), "sk": num("1")}}))
	ls := must(h.streams.ListStreams(bg, &dynamodbstreams.ListStreamsInput{TableName: aws.String("Orders")}))
	if len(ls.Streams) != 1 {
		t.Fatalf("streams %v", ls.Streams)
	}
	arn := ls.Streams[0].StreamArn
	ds := must(h.streams.DescribeStream(bg, &dynamodbstreams.DescribeStreamInput{StreamArn: arn}))
	if ds.StreamDescription.StreamStatus != stypes.StreamStatusEnabled || len(ds.StreamDescription.Shards) != 1 {
		t.Fatalf("describe stream %+v", ds.StreamDescription)
	}
	it := must(h.streams.GetShardIterator(bg, &dynamodbstreams.GetShardIteratorInput{StreamArn: arn,
		ShardId: ds.StreamDescription.Shards[0].ShardId, ShardIteratorType: stypes.ShardIteratorTypeTrimHorizon}))
	recs := must(h.streams.GetRecords(bg, &dynamodbstreams.GetRecordsInput{ShardIterator: it.ShardIterator}))
	var names []string
	for _, r := range recs.Records {
		names = append(names, string(r.EventName))
	}
	if strings.Join(names, ",") != "INSERT,MODIFY,REMOVE" {
		t.Fatalf("events %v", names)
	}
	mod := recs.Records[1].Dynamodb
	if mod.OldImage["total"].(*stypes.AttributeValueMemberN).Value != "10" || mod.NewImage["total"].(*stypes.AttributeValueMemberN).Value != "11" ||
		mod.StreamViewType != stypes.StreamViewTypeNewAndOldImages || aws.ToString(recs.Records[1].EventSource) != "aws:dynamodb" {
		t.Fatalf("modify record %+v", mod)
	}
	if aws.ToString(mod.SequenceNumber) <= aws.ToString(recs.Records[0].Dynamodb.SequenceNumber) {
		t.Fatal("sequence numbers do not increase")
	}
	if len(pushed) != 3 || pushed[2].EventName != "REMOVE" || pushed[0].EventSourceARN != aws.ToString(arn) {
		t.Fatalf("subscription got %+v", pushed)
	}
	// Nothing new: an empty page and a next iterator.
	next := must(h.streams.GetRecords(bg, &dynamodbstreams.GetRecordsInput{ShardIterator: recs.NextShardIterator}))
	if len(next.Records) != 0 || next.NextShardIterator == nil {
		t.Fatalf("second page %+v", next)
	}
	// 24-hour retention on the simulated clock.
	h.clock.advance(25 * time.Hour)
	putOrder(t, h, "S", 2, "", 1)
	it = must(h.streams.GetShardIterator(bg, &dynamodbstreams.GetShardIteratorInput{StreamArn: arn,
		ShardId: ds.StreamDescription.Shards[0].ShardId, ShardIteratorType: stypes.ShardIteratorTypeTrimHorizon}))
	recs = must(h.streams.GetRecords(bg, &dynamodbstreams.GetRecordsInput{ShardIterator: it.ShardIterator}))
	if len(recs.Records) != 1 {
		t.Fatalf("after 25h: %d records", len(recs.Records))
	}
	// Iterators expire after 15 minutes.
	h.clock.advance(16 * time.Minute)
	_, err = h.streams.GetRecords(bg, &dynamodbstreams.GetRecordsInput{ShardIterator: it.ShardIterator})
	apiErr(t, err, "ExpiredIteratorException", "Iterator expired…")
}

func scenarioValidation(t *testing.T, h *harness) {
	createOrders(t, h)
	tbl := aws.String("Orders")
	cases := []struct {
		name string
		item map[string]types.AttributeValue
		msg  string
	}{
		{"missing key", map[string]types.AttributeValue{"pk": str("a")}, "One or more parameter values were invalid: Missing the key sk in the item"},
		{"wrong key type", map[string]types.AttributeValue{"pk": str("a"), "sk": str("1")}, "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S"},
		{"empty key", map[string]types.AttributeValue{"pk": str(""), "sk": num("1")}, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"},
		{"empty set", map[string]types.AttributeValue{"pk": str("a"), "sk": num("1"), "s": &types.AttributeValueMemberSS{Value: []string{}}}, "One or more parameter values were invalid: An string set  may not be empty"},
		{"bad number", map[string]types.AttributeValue{"pk": str("a"), "sk": num("1x")}, "The parameter cannot be converted to a numeric value: 1x"},
		{"too big number", map[string]types.AttributeValue{"pk": str("a"), "sk": num("1E126")}, "Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{"too small number", map[string]types.AttributeValue{"pk": str("a"), "sk": num("1E-131")}, "Number underflow. Attempting to store a number with magnitude smaller than supported range"},
		{"index key type", map[string]types.AttributeValue{"pk": str("a"), "sk": num("1"), "status": num("1")}, "One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: byStatus"},
		{"too large", map[string]types.AttributeValue{"pk": str("a"), "sk": num("1"), "big": str(strings.Repeat("x", 400*1024))}, "Item size has exceeded the maximum allowed size"},
	}
	for _, c := range cases {
		_, err := h.db.PutItem(bg, &ddb.PutItemInput{TableName: tbl, Item: c.item})
		t.Run(c.name, func(t *testing.T) { apiErr(t, err, "ValidationException", c.msg) })
	}
	// Empty strings are fine outside keys; nesting is limited to 32.
	must(h.db.PutItem(bg, &ddb.PutItemInput{TableName: tbl, Item: map[string]types.AttributeValue{"pk": str("a"), "sk": num("1"), "e": str("")}}))
	var deep types.AttributeValue = str("x")
	for range 33 {
		deep = &types.AttributeValueMemberL{Value: []types.AttributeValue{deep}}
	}
	_, err := h.db.PutItem(bg, &ddb.PutItemInput{TableName: tbl, Item: map[string]types.AttributeValue{"pk": str("a"), "sk": num("2"), "d": deep}})
	apiErr(t, err, "ValidationException", "Nesting Levels have exceeded supported limits")
	_, err = h.db.GetItem(bg, &ddb.GetItemInput{TableName: tbl, Key: map[string]types.AttributeValue{"pk": str("a")}})
	apiErr(t, err, "ValidationException", "The provided key element does not match the schema")
	_, err = h.db.GetItem(bg, &ddb.GetItemInput{TableName: tbl, Key: map[string]types.AttributeValue{"pk": str("a"), "sk": num("1")}, AttributesToGet: []string{"pk"}})
	apiErr(t, err, "ValidationException", "The legacy parameter AttributesToGet is not supported by this simulation; use ProjectionExpression instead")
	_, err = h.db.Scan(bg, &ddb.ScanInput{TableName: tbl, FilterExpression: aws.String("a = :v AND"), ExpressionAttributeValues: map[string]types.AttributeValue{":v": str("x")}})
	apiErr(t, err, "ValidationException", `Invalid FilterExpression: Syntax error; token: "<EOF>", near: "AND"`)
	_, err = h.db.Scan(bg, &ddb.ScanInput{TableName: tbl, FilterExpression: aws.String("foo(a)")})
	apiErr(t, err, "ValidationException", "Invalid FilterExpression: Invalid function name; function: foo")
	_, err = h.db.Scan(bg, &ddb.ScanInput{TableName: tbl, FilterExpression: aws.String("#a = :v"), ExpressionAttributeValues: map[string]types.AttributeValue{":v": str("x")}})
	apiErr(t, err, "ValidationException", "Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: #a")
	_, err = h.db.Scan(bg, &ddb.ScanInput{TableName: tbl, ProjectionExpression: aws.String("a"), ExpressionAttributeNames: map[string]string{"#u": "x"}})
	apiErr(t, err, "ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: keys: {#u}")
}

func scenarioPartiQL(t *testing.T, h *harness) {
	createSimple(t, h, "Books")
	must(h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`INSERT INTO "Books" VALUE {'id': ?, 'title': 'Go', 'pages': 300, 'tags': <<'a','b'>>}`),
		Parameters: []types.AttributeValue{str("b1")}}))
	_, err := h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`INSERT INTO Books VALUE {'id': 'b1'}`)})
	apiErr(t, err, "DuplicateItemException", "Duplicate primary key exists in table")
	must(h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`UPDATE "Books" SET pages = pages + 10 SET title = 'Go!' WHERE id = 'b1'`)}))
	out := must(h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`SELECT title, pages FROM "Books" WHERE id = 'b1' AND pages > 305`)}))
	if len(out.Items) != 1 || out.Items[0]["pages"].(*types.AttributeValueMemberN).Value != "310" || out.Items[0]["title"].(*types.AttributeValueMemberS).Value != "Go!" {
		t.Fatalf("select %v", out.Items)
	}
	_, err = h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`UPDATE Books SET pages = 1 WHERE id = 'nope'`)})
	apiErr(t, err, "ConditionalCheckFailedException", "The conditional request failed")
	bo := must(h.db.BatchExecuteStatement(bg, &ddb.BatchExecuteStatementInput{Statements: []types.BatchStatementRequest{
		{Statement: aws.String(`INSERT INTO Books VALUE {'id': 'b2'}`)},
		{Statement: aws.String(`SELECT * FROM Books WHERE id = 'b1'`)},
		{Statement: aws.String(`INSERT INTO Books VALUE {'id': 'b1'}`)},
	}}))
	if bo.Responses[0].Error != nil || bo.Responses[1].Item["id"] == nil || bo.Responses[2].Error == nil || bo.Responses[2].Error.Code != types.BatchStatementErrorCodeEnumDuplicateItem {
		t.Fatalf("batch %+v", bo.Responses)
	}
	_, err = h.db.ExecuteTransaction(bg, &ddb.ExecuteTransactionInput{TransactStatements: []types.ParameterizedStatement{
		{Statement: aws.String(`DELETE FROM Books WHERE id = 'b2'`)},
		{Statement: aws.String(`UPDATE Books SET pages = 0 WHERE id = 'b1' AND pages < 10`)},
	}})
	var tce *types.TransactionCanceledException
	if !errors.As(err, &tce) || len(tce.CancellationReasons) != 2 || aws.ToString(tce.CancellationReasons[1].Code) != "ConditionalCheckFailed" {
		t.Fatalf("transaction: %v", err)
	}
	must(h.db.ExecuteTransaction(bg, &ddb.ExecuteTransactionInput{TransactStatements: []types.ParameterizedStatement{
		{Statement: aws.String(`DELETE FROM Books WHERE id = 'b2'`)},
	}}))
	all := must(h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`SELECT id FROM Books`)}))
	var ids []string
	for _, it := range all.Items {
		ids = append(ids, it["id"].(*types.AttributeValueMemberS).Value)
	}
	sort.Strings(ids)
	if strings.Join(ids, ",") != "b1" {
		t.Fatalf("ids %v", ids)
	}
	// Paging with Limit and NextToken.
	for i := range 5 {
		must(h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`INSERT INTO Books VALUE {'id': ?, 'n': ?}`),
			Parameters: []types.AttributeValue{str(fmt.Sprint("p", i)), num(fmt.Sprint(i))}}))
	}
	seen := 0
	var next *string
	for pages := 0; ; pages++ {
		out := must(h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`SELECT * FROM Books WHERE begins_with(id, 'p')`),
			Limit: aws.Int32(2), NextToken: next}))
		seen += len(out.Items)
		if out.NextToken == nil {
			break
		}
		next = out.NextToken
		if pages > 10 {
			t.Fatal("paging does not end")
		}
	}
	if seen != 5 {
		t.Fatalf("paged select saw %d items", seen)
	}
	_, err = h.db.ExecuteStatement(bg, &ddb.ExecuteStatementInput{Statement: aws.String(`SELEC * FROM Books`)})
	apiErr(t, err, "ValidationException", "Statement wasn't well formed, can't be processed: …")
}
