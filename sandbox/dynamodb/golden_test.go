package dynamodb

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestWireTranscript runs a scripted session through the in-process door
// on a fixed clock and compares every response with
// testdata/transcript.golden, which doubles as a reference of the wire
// shapes for the guest SDK. Regenerate with go test -run Transcript -update.
func TestWireTranscript(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 4, 5, 6, 7, 8, 0, time.UTC)}
	svc := New(Options{Clock: clock.now, Region: "us-east-1", AccountID: "123456789012"})
	ctx := context.Background()
	script := []struct{ op, body string }{
		{"CreateTable", `{"TableName":"Music","KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Song","KeyType":"RANGE"}],
			"AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"},{"AttributeName":"Song","AttributeType":"S"},{"AttributeName":"Year","AttributeType":"N"}],
			"GlobalSecondaryIndexes":[{"IndexName":"ByYear","KeySchema":[{"AttributeName":"Year","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["Plays"]},
			"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}],
			"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
			"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}`},
		{"PutItem", `{"TableName":"Music","Item":{"Artist":{"S":"Nina"},"Song":{"S":"Sinnerman"},"Year":{"N":"1965"},"Plays":{"N":"10"},"Tags":{"SS":["jazz","soul"]}}}`},
		{"PutItem", `{"TableName":"Music","Item":{"Artist":{"S":"Nina"},"Song":{"S":"Feeling Good"},"Year":{"N":"1965"},"Cover":{"B":"AQID"}}}`},
		{"UpdateItem", `{"TableName":"Music","Key":{"Artist":{"S":"Nina"},"Song":{"S":"Sinnerman"}},"UpdateExpression":"SET Plays = Plays + :one REMOVE Tags","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"ALL_NEW"}`},
		{"GetItem", `{"TableName":"Music","Key":{"Artist":{"S":"Nina"},"Song":{"S":"Feeling Good"}},"ReturnConsumedCapacity":"INDEXES"}`},
		{"Query", `{"TableName":"Music","KeyConditionExpression":"Artist = :a AND begins_with(Song, :s)","ExpressionAttributeValues":{":a":{"S":"Nina"},":s":{"S":"S"}},"ReturnConsumedCapacity":"TOTAL"}`},
		{"Query", `{"TableName":"Music","IndexName":"ByYear","KeyConditionExpression":"#y = :y","ExpressionAttributeNames":{"#y":"Year"},"ExpressionAttributeValues":{":y":{"N":"1965"}},"Limit":1}`},
		{"Scan", `{"TableName":"Music","Select":"COUNT"}`},
		{"DeleteItem", `{"TableName":"Music","Key":{"Artist":{"S":"Nina"},"Song":{"S":"Feeling Good"}},"ConditionExpression":"attribute_exists(Plays)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}`},
		{"TransactWriteItems", `{"TransactItems":[{"ConditionCheck":{"TableName":"Music","Key":{"Artist":{"S":"Nina"},"Song":{"S":"Sinnerman"}},"ConditionExpression":"Plays > :p","ExpressionAttributeValues":{":p":{"N":"100"}}}},
			{"Delete":{"TableName":"Music","Key":{"Artist":{"S":"Nina"},"Song":{"S":"Feeling Good"}}}}]}`},
		{"BatchGetItem", `{"RequestItems":{"Music":{"Keys":[{"Artist":{"S":"Nina"},"Song":{"S":"Sinnerman"}},{"Artist":{"S":"Nobody"},"Song":{"S":"x"}}],"ProjectionExpression":"Song"}}}`},
		{"DescribeTable", `{"TableName":"Music"}`},
		{"ListStreams", `{}`},
		{"ExecuteStatement", `{"Statement":"SELECT Song, Plays FROM Music WHERE Artist = ?","Parameters":[{"S":"Nina"}]}`},
		{"UpdateItem", `{"TableName":"Music","Key":{"Artist":{"S":"Nina"},"Song":{"S":"Sinnerman"}},"UpdateExpression":"SET Plays = :x"}`},
		{"Query", `{"TableName":"Music","KeyConditionExpression":"Artist = :a OR Song = :a","ExpressionAttributeValues":{":a":{"S":"Nina"}}}`},
	}
	var out bytes.Buffer
	for _, step := range script {
		clock.advance(time.Second)
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(step.body)); err != nil {
			t.Fatalf("bad script JSON for %s: %v", step.op, err)
		}
		var status int
		var resp []byte
		if step.op == "ListStreams" {
			status, resp = svc.CallStreams(ctx, step.op, compact.Bytes())
		} else {
			status, resp = svc.Call(ctx, step.op, compact.Bytes())
		}
		fmt.Fprintf(&out, "> %s %s\n< %d %s\n\n", step.op, compact.Bytes(), status, resp)
	}
	// The stream, read through the Streams protocol.
	_, ls := svc.CallStreams(ctx, "ListStreams", []byte(`{}`))
	var streams ListStreamsOutput
	json.Unmarshal(ls, &streams)
	arn := streams.Streams[0].StreamArn
	_, ds := svc.CallStreams(ctx, "DescribeStream", []byte(`{"StreamArn":"`+arn+`"}`))
	fmt.Fprintf(&out, "> DescribeStream\n< %s\n\n", ds)
	var desc DescribeStreamOutput
	json.Unmarshal(ds, &desc)
	_, it := svc.CallStreams(ctx, "GetShardIterator", []byte(`{"StreamArn":"`+arn+`","ShardId":"`+desc.StreamDescription.Shards[0].ShardId+`","ShardIteratorType":"TRIM_HORIZON"}`))
	var iter GetShardIteratorOutput
	json.Unmarshal(it, &iter)
	_, recs := svc.CallStreams(ctx, "GetRecords", []byte(`{"ShardIterator":"`+iter.ShardIterator+`","Limit":3}`))
	var page GetRecordsOutput
	json.Unmarshal(recs, &page)
	page.NextShardIterator = "(opaque)"
	pretty, _ := json.MarshalIndent(page, "", "  ")
	fmt.Fprintf(&out, "> GetRecords (first 3)\n< %s\n", pretty)

	path := filepath.Join("testdata", "transcript.golden")
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Fatalf("transcript differs from %s (run with -update after checking):\n%s", path, out.String())
	}
}
