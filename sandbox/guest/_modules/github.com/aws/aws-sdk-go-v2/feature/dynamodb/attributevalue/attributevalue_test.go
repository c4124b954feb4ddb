package attributevalue

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Equivalence with the real package is tested by sandbox/guest's host
// tests; these check robustness and speed.

type benchOrder struct {
	ID      string    `dynamodbav:"pk"`
	Version int       `dynamodbav:"v"`
	Tags    []string  `dynamodbav:"tags,stringset,omitempty"`
	Lines   []line    `dynamodbav:"lines"`
	Created time.Time `dynamodbav:"created"`
	Note    *string   `dynamodbav:"note,omitempty"`
}

type line struct {
	SKU   string
	Price float64
}

// avFromJSON builds an item from fuzz input: {"name": <value>} where a
// string is S, a number N, a bool BOOL, null NULL, an array L and an
// object M.
func avFromJSON(v any) types.AttributeValue {
	switch x := v.(type) {
	case string:
		return &types.AttributeValueMemberS{Value: x}
	case json.Number:
		return &types.AttributeValueMemberN{Value: string(x)}
	case bool:
		return &types.AttributeValueMemberBOOL{Value: x}
	case nil:
		return &types.AttributeValueMemberNULL{Value: true}
	case []any:
		l := &types.AttributeValueMemberL{}
		for _, e := range x {
			l.Value = append(l.Value, avFromJSON(e))
		}
		return l
	case map[string]any:
		m := &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}
		for k, e := range x {
			m.Value[k] = avFromJSON(e)
		}
		return m
	}
	return nil
}

// FuzzUnmarshalMap decodes arbitrary items into a struct, a map and an
// interface: errors are fine, panics are not.
func FuzzUnmarshalMap(f *testing.F) {
	for _, s := range []string{
		`{"pk":"a","v":1,"tags":["x"],"lines":[{"SKU":"s","Price":1.5}],"created":"2024-01-01T00:00:00Z","note":null}`,
		`{"v":1e999,"lines":{"a":1},"created":5}`, `{"PK":true}`, `{"tags":"x","lines":[null,[]]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var tree any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if dec.Decode(&tree) != nil {
			return
		}
		m, ok := avFromJSON(tree).(*types.AttributeValueMemberM)
		if !ok {
			return
		}
		var o benchOrder
		_ = UnmarshalMap(m.Value, &o)
		var anyMap map[string]any
		_ = UnmarshalMap(m.Value, &anyMap)
		var iface any
		_ = Unmarshal(m, &iface)
		// Decoded values always encode again, except empty map keys.
		if _, err := MarshalMap(anyMap); err != nil && !strings.Contains(err.Error(), "map key cannot be empty") {
			t.Fatalf("re-marshal: %v", err)
		}
	})
}

func BenchmarkMarshalMap(b *testing.B) {
	note := "leave at door"
	o := benchOrder{ID: "o1", Version: 3, Tags: []string{"a", "b"}, Lines: []line{{"X", 1.5}, {"Y", 2}}, Created: time.Unix(1700000000, 0).UTC(), Note: &note}
	for b.Loop() {
		if _, err := MarshalMap(o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalMap(b *testing.B) {
	note := "leave at door"
	item, err := MarshalMap(benchOrder{ID: "o1", Version: 3, Tags: []string{"a", "b"}, Lines: []line{{"X", 1.5}, {"Y", 2}}, Created: time.Unix(1700000000, 0).UTC(), Note: &note})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var o benchOrder
		if err := UnmarshalMap(item, &o); err != nil {
			b.Fatal(err)
		}
	}
}
