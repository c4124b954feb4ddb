package dynamodb

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"
)

func TestExpireTTL(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)}
	svc := New(Options{Clock: clock.now})
	ctx := context.Background()
	if _, err := svc.CreateTable(ctx, &CreateTableInput{TableName: "Sessions", BillingMode: "PAY_PER_REQUEST",
		KeySchema: []KeySchemaElement{{"id", "HASH"}}, AttributeDefinitions: []AttributeDefinition{{"id", "S"}},
		StreamSpecification: &StreamSpecification{StreamEnabled: true, StreamViewType: "OLD_IMAGE"}}); err != nil {
		t.Fatal(err)
	}
	var recs []StreamRecord
	cancel, err := svc.Subscribe("Sessions", func(rs []StreamRecord) { recs = append(recs, rs...) })
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	now := clock.t.Unix()
	items := []struct {
		id  string
		exp AttributeValue
	}{
		{"past", N(strconv.FormatInt(now-60, 10))},
		{"future", N(strconv.FormatInt(now+60, 10))},
		{"ancient", N(strconv.FormatInt(now-6*365*24*3600, 10))}, // over five years: ignored
		{"millis", N(strconv.FormatInt((now+60)*1000, 10))},      // far future
		{"string", S("0")}, // not a number: ignored
	}
	for _, it := range items {
		if err := svc.Seed("Sessions", []Item{{"id": S(it.id), "exp": it.exp}}); err != nil {
			t.Fatal(err)
		}
	}
	if n := svc.ExpireTTL(); n != 0 {
		t.Fatalf("TTL disabled but %d deleted", n)
	}
	if _, err := svc.UpdateTimeToLive(ctx, &UpdateTimeToLiveInput{TableName: "Sessions", TimeToLiveSpecification: TimeToLiveSpecification{AttributeName: "exp", Enabled: true}}); err != nil {
		t.Fatal(err)
	}
	recs = nil
	if n := svc.ExpireTTL(); n != 1 {
		t.Fatalf("deleted %d, want 1", n)
	}
	if len(recs) != 1 || recs[0].EventName != "REMOVE" || recs[0].UserIdentity == nil || recs[0].UserIdentity.PrincipalID != "dynamodb.amazonaws.com" || recs[0].Dynamodb.OldImage["id"].Str != "past" {
		t.Fatalf("records %+v", recs)
	}
	clock.advance(2 * time.Minute)
	if n := svc.ExpireTTL(); n != 1 {
		t.Fatalf("after 2 minutes deleted %d, want 1 (future)", n)
	}
	left, _ := svc.Items("Sessions")
	if len(left) != 3 {
		t.Fatalf("left %d items", len(left))
	}
}

func TestGoStreamsAPI(t *testing.T) {
	svc := seedService(t)
	ctx := context.Background()
	arn, err := svc.TableStreamARN("Tbl")
	if err != nil || arn == "" {
		t.Fatalf("arn %q %v", arn, err)
	}
	d, err := svc.DescribeStream(ctx, &DescribeStreamInput{StreamArn: arn})
	if err != nil {
		t.Fatal(err)
	}
	it, err := svc.GetShardIterator(ctx, &GetShardIteratorInput{StreamArn: arn, ShardId: d.StreamDescription.Shards[0].ShardId, ShardIteratorType: "TRIM_HORIZON"})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	next := it.ShardIterator
	for range 10 {
		limit := 7
		out, err := svc.GetRecords(ctx, &GetRecordsInput{ShardIterator: next, Limit: &limit})
		if err != nil {
			t.Fatal(err)
		}
		total += len(out.Records)
		if len(out.Records) == 0 {
			break
		}
		next = out.NextShardIterator
	}
	if total != 20 {
		t.Fatalf("read %d records, want 20 (one per seeded item)", total)
	}
	if _, err := svc.TableStreamARN("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing table: %v", err)
	}
}
