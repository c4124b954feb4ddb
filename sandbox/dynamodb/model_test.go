package dynamodb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"
)

// TestModel runs random operation sequences against the engine and a
// plain map-based reference model and compares every read.
func TestModel(t *testing.T) {
	for seed := uint64(1); seed <= 8; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { runModel(t, seed, 600) })
	}
}

type modelItem struct {
	pk string
	sk int
	v  int
	g  string // "" when absent (sparse GSI)
}

func (m modelItem) item() Item {
	it := Item{"pk": S(m.pk), "sk": N(strconv.Itoa(m.sk)), "v": N(strconv.Itoa(m.v))}
	if m.g != "" {
		it["g"] = S(m.g)
	}
	return it
}

func runModel(t *testing.T, seed uint64, steps int) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(seed, 99))
	svc := New(Options{})
	_, err := svc.CreateTable(ctx, &CreateTableInput{
		TableName: "Model", BillingMode: "PAY_PER_REQUEST",
		KeySchema:            []KeySchemaElement{{"pk", "HASH"}, {"sk", "RANGE"}},
		AttributeDefinitions: []AttributeDefinition{{"pk", "S"}, {"sk", "N"}, {"g", "S"}},
		GlobalSecondaryIndexes: []SecondaryIndex{{IndexName: "byG", KeySchema: []KeySchemaElement{{"g", "HASH"}},
			Projection: Projection{ProjectionType: "ALL"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	model := map[string]modelItem{}
	mkey := func(pk string, sk int) string { return pk + "|" + strconv.Itoa(sk) }
	pks := []string{"a", "b", "c", "d"}
	randKey := func() (string, int) { return pks[r.IntN(len(pks))], r.IntN(12) - 3 }
	key := func(pk string, sk int) Item { return Item{"pk": S(pk), "sk": N(strconv.Itoa(sk))} }
	vals := func(kv ...any) ExprParams {
		it := Item{}
		for i := 0; i < len(kv); i += 2 {
			it[kv[i].(string)] = kv[i+1].(AttributeValue)
		}
		return ExprParams{ExpressionAttributeValues: it}
	}
	for step := range steps {
		pk, sk := randKey()
		k := mkey(pk, sk)
		cur, exists := model[k]
		switch op := r.IntN(8); op {
		case 0, 1: // put, sometimes with attribute_not_exists
			m := modelItem{pk: pk, sk: sk, v: r.IntN(100)}
			if r.IntN(2) == 0 {
				m.g = []string{"x", "y"}[r.IntN(2)]
			}
			in := &PutItemInput{TableName: "Model", Item: m.item()}
			cond := r.IntN(2) == 0
			if cond {
				in.ConditionExpression = "attribute_not_exists(pk)"
			}
			_, err := svc.PutItem(ctx, in)
			if cond && exists {
				if err == nil {
					t.Fatalf("step %d: conditional put over existing item succeeded", step)
				}
			} else {
				if err != nil {
					t.Fatalf("step %d: put: %v", step, err)
				}
				model[k] = m
			}
		case 2: // delete with condition on v
			limit := r.IntN(100)
			_, err := svc.DeleteItem(ctx, &DeleteItemInput{TableName: "Model", Key: key(pk, sk), ConditionExpression: "v < :l",
				ExprParams: vals(":l", N(strconv.Itoa(limit)))})
			ok := exists && cur.v < limit
			if ok != (err == nil) {
				t.Fatalf("step %d: delete cond v<%d on %+v (exists %v): err %v", step, limit, cur, exists, err)
			}
			if ok {
				delete(model, k)
			}
		case 3: // update ADD, creating the item if needed
			d := r.IntN(10) - 5
			out, err := svc.UpdateItem(ctx, &UpdateItemInput{TableName: "Model", Key: key(pk, sk), UpdateExpression: "ADD v :d",
				ReturnValues: "UPDATED_NEW", ExprParams: vals(":d", N(strconv.Itoa(d)))})
			if err != nil {
				t.Fatalf("step %d: update: %v", step, err)
			}
			if !exists {
				cur = modelItem{pk: pk, sk: sk}
			}
			cur.v += d
			model[k] = cur
			if got := out.Attributes["v"].Str; got != strconv.Itoa(cur.v) {
				t.Fatalf("step %d: UPDATED_NEW v = %s, want %d", step, got, cur.v)
			}
		case 4: // get
			out, err := svc.GetItem(ctx, &GetItemInput{TableName: "Model", Key: key(pk, sk), ConsistentRead: true})
			if err != nil {
				t.Fatal(err)
			}
			if exists != (out.Item != nil) || (exists && string(MarshalItem(out.Item)) != string(MarshalItem(cur.item()))) {
				t.Fatalf("step %d: get %s = %s, model %+v (exists %v)", step, k, MarshalItem(out.Item), cur, exists)
			}
		case 5: // query a range, paging with a random limit and direction
			lo, hi := r.IntN(12)-3, r.IntN(12)-3
			if lo > hi {
				lo, hi = hi, lo
			}
			forward := r.IntN(2) == 0
			var want []string
			for _, m := range model {
				if m.pk == pk && m.sk >= lo && m.sk <= hi && m.v%2 == 0 {
					want = append(want, strconv.Itoa(m.sk))
				}
			}
			sort.Slice(want, func(i, j int) bool {
				a, _ := strconv.Atoi(want[i])
				b, _ := strconv.Atoi(want[j])
				return (a < b) == forward
			})
			limit := 1 + r.IntN(4)
			var got []string
			var start Item
			for pages := 0; ; pages++ {
				out, err := svc.Query(ctx, &QueryInput{TableName: "Model", KeyConditionExpression: "pk = :p AND sk BETWEEN :lo AND :hi",
					FilterExpression: "v / :two", ScanIndexForward: &forward, Limit: &limit, ExclusiveStartKey: start,
					ExprParams: vals(":p", S(pk), ":lo", N(strconv.Itoa(lo)), ":hi", N(strconv.Itoa(hi)), ":two", N("2"))})
				if err == nil {
					t.Fatal("a division in a filter must be a syntax error")
				}
				out, err = svc.Query(ctx, &QueryInput{TableName: "Model", KeyConditionExpression: "pk = :p AND sk BETWEEN :lo AND :hi",
					ScanIndexForward: &forward, Limit: &limit, ExclusiveStartKey: start,
					ExprParams: vals(":p", S(pk), ":lo", N(strconv.Itoa(lo)), ":hi", N(strconv.Itoa(hi)))})
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range out.Items {
					v, _ := strconv.Atoi(it["v"].Str)
					if v%2 == 0 {
						got = append(got, it["sk"].Str)
					}
				}
				if out.LastEvaluatedKey == nil {
					break
				}
				start = out.LastEvaluatedKey
				if pages > 50 {
					t.Fatal("query paging does not end")
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("step %d: query %s [%d,%d] fwd=%v: got %v want %v", step, pk, lo, hi, forward, got, want)
			}
		case 6: // GSI query counts (sparse index)
			g := []string{"x", "y"}[r.IntN(2)]
			want := 0
			for _, m := range model {
				if m.g == g {
					want++
				}
			}
			out, err := svc.Query(ctx, &QueryInput{TableName: "Model", IndexName: "byG", KeyConditionExpression: "g = :g", ExprParams: vals(":g", S(g))})
			if err != nil {
				t.Fatal(err)
			}
			if out.Count != want {
				t.Fatalf("step %d: GSI %s count %d, want %d", step, g, out.Count, want)
			}
		case 7: // scan with filter across 3 segments
			min := r.IntN(100)
			want := 0
			for _, m := range model {
				if m.v >= min {
					want++
				}
			}
			got := 0
			for seg := 0; seg < 3; seg++ {
				total := 3
				out, err := svc.Scan(ctx, &ScanInput{TableName: "Model", FilterExpression: "v >= :m", Segment: &seg, TotalSegments: &total,
					ExprParams: vals(":m", N(strconv.Itoa(min)))})
				if err != nil {
					t.Fatal(err)
				}
				got += out.Count
			}
			if got != want {
				t.Fatalf("step %d: scan v>=%d count %d, want %d", step, min, got, want)
			}
		}
	}
	d, _ := svc.Describe("Model")
	if int(d.ItemCount) != len(model) {
		t.Fatalf("ItemCount %d, model %d", d.ItemCount, len(model))
	}
}
