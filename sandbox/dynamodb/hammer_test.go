package dynamodb

import (
	"context"
	"strconv"
	"sync"
	"testing"
)

// TestHammer runs writers, readers, stream subscribers, clones and
// snapshots at once; run with -race to check the locking.
func TestHammer(t *testing.T) {
	svc := seedService(t)
	ctx := context.Background()
	var mu sync.Mutex
	got := 0
	cancel, err := svc.Subscribe("Tbl", func(rs []StreamRecord) { mu.Lock(); got += len(rs); mu.Unlock() })
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	var wg sync.WaitGroup
	const writers, perWriter = 4, 200
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				pk := S("w" + strconv.Itoa(w))
				if _, err := svc.UpdateItem(ctx, &UpdateItemInput{TableName: "Tbl", Key: Item{"pk": pk, "sk": N(strconv.Itoa(i % 10))},
					UpdateExpression: "ADD c :one SET g = :g", ExprParams: ExprParams{ExpressionAttributeValues: Item{":one": N("1"), ":g": S("even")}}}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				if _, err := svc.Query(ctx, &QueryInput{TableName: "Tbl", IndexName: "byG", KeyConditionExpression: "g = :g",
					ExprParams: ExprParams{ExpressionAttributeValues: Item{":g": S("even")}}}); err != nil {
					t.Error(err)
					return
				}
				if i%10 == 0 {
					svc.Clone()
					if _, err := svc.Snapshot(); err != nil {
						t.Error(err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if got != writers*perWriter {
		t.Fatalf("subscriber saw %d records, want %d", got, writers*perWriter)
	}
	for w := range writers {
		out, err := svc.Query(ctx, &QueryInput{TableName: "Tbl", KeyConditionExpression: "pk = :p", ExprParams: ExprParams{ExpressionAttributeValues: Item{":p": S("w" + strconv.Itoa(w))}}})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, it := range out.Items {
			n, _ := strconv.Atoi(it["c"].Str)
			total += n
		}
		if total != perWriter {
			t.Fatalf("writer %d: counters sum to %d, want %d", w, total, perWriter)
		}
	}
}
