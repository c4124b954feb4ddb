package dynamodb

import (
	"context"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time. The build machine is
// shared, so wall-clock ns/op inflates under load; every benchmark also
// reports cpu-ns/op (CPU spent per operation, GC included), which does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU starts the CPU clock; call the result when the loop ends.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

// Benchmarks for the performance targets (docs/PERFORMANCE.md):
// Go API GetItem/PutItem ≥ 500k ops/s, Query of 100 items from a
// 1M-item table ≤ 50 µs, JSON door GetItem ≥ 100k ops/s.

func benchTable(b *testing.B, n int) *Service {
	b.Helper()
	svc := New(Options{})
	ctx := context.Background()
	if _, err := svc.CreateTable(ctx, &CreateTableInput{TableName: "Bench", BillingMode: "PAY_PER_REQUEST",
		KeySchema: []KeySchemaElement{{"id", "HASH"}}, AttributeDefinitions: []AttributeDefinition{{"id", "S"}}}); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if _, err := svc.PutItem(ctx, &PutItemInput{TableName: "Bench", Item: Item{"id": S("user-" + strconv.Itoa(i)), "name": S("Ann"), "age": N("42"), "active": Bool(true)}}); err != nil {
			b.Fatal(err)
		}
	}
	return svc
}

func BenchmarkGetItem(b *testing.B) {
	svc := benchTable(b, 100_000)
	ctx := context.Background()
	keys := make([]GetItemInput, 1024)
	for i := range keys {
		keys[i] = GetItemInput{TableName: "Bench", Key: Item{"id": S("user-" + strconv.Itoa(i*97))}}
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		out, err := svc.GetItem(ctx, &keys[i&1023])
		if err != nil || out.Item == nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkPutItem(b *testing.B) {
	svc := benchTable(b, 0)
	ctx := context.Background()
	items := make([]Item, 100_000)
	for i := range items {
		items[i] = Item{"id": S("user-" + strconv.Itoa(i)), "name": S("Ann"), "age": N("42"), "active": Bool(true)}
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		if _, err := svc.PutItem(ctx, &PutItemInput{TableName: "Bench", Item: items[i%len(items)]}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

var (
	bigOnce sync.Once
	bigSvc  *Service
)

// bigTable has 1M items: 10,000 partitions of 100 items each.
func bigTable(b *testing.B) *Service {
	bigOnce.Do(func() {
		svc := New(Options{})
		ctx := context.Background()
		if _, err := svc.CreateTable(ctx, &CreateTableInput{TableName: "Big", BillingMode: "PAY_PER_REQUEST",
			KeySchema:            []KeySchemaElement{{"pk", "HASH"}, {"sk", "RANGE"}},
			AttributeDefinitions: []AttributeDefinition{{"pk", "S"}, {"sk", "N"}}}); err != nil {
			b.Fatal(err)
		}
		for p := range 10_000 {
			pk := S("customer-" + strconv.Itoa(p))
			for s := range 100 {
				if _, err := svc.PutItem(ctx, &PutItemInput{TableName: "Big", Item: Item{"pk": pk, "sk": N(strconv.Itoa(s)), "total": N("19.99")}}); err != nil {
					b.Fatal(err)
				}
			}
		}
		bigSvc = svc
	})
	return bigSvc
}

func BenchmarkQuery100From1M(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 1M-item table")
	}
	svc := bigTable(b)
	ctx := context.Background()
	ins := make([]QueryInput, 64)
	for i := range ins {
		ins[i] = QueryInput{TableName: "Big", KeyConditionExpression: "pk = :p",
			ExprParams: ExprParams{ExpressionAttributeValues: Item{":p": S("customer-" + strconv.Itoa(i*151))}}}
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		in := ins[i&63]
		in.ExpressionAttributeValues = Item{":p": in.ExpressionAttributeValues[":p"]}
		out, err := svc.Query(ctx, &in)
		if err != nil || out.Count != 100 {
			b.Fatal(err, out.Count)
		}
		i++
	}
}

func BenchmarkCallGetItem(b *testing.B) {
	svc := benchTable(b, 100_000)
	ctx := context.Background()
	bodies := make([][]byte, 1024)
	for i := range bodies {
		bodies[i] = []byte(`{"TableName":"Bench","Key":{"id":{"S":"user-` + strconv.Itoa(i*97) + `"}}}`)
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		status, resp := svc.Call(ctx, "GetItem", bodies[i&1023])
		if status != 200 || len(resp) < 20 {
			b.Fatal(status, string(resp))
		}
		i++
	}
}

func BenchmarkCallPutItem(b *testing.B) {
	svc := benchTable(b, 0)
	ctx := context.Background()
	bodies := make([][]byte, 1024)
	for i := range bodies {
		bodies[i] = []byte(`{"TableName":"Bench","Item":{"id":{"S":"user-` + strconv.Itoa(i) + `"},"name":{"S":"Ann"},"age":{"N":"42"}}}`)
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		if status, resp := svc.Call(ctx, "PutItem", bodies[i&1023]); status != 200 {
			b.Fatal(string(resp))
		}
		i++
	}
}
