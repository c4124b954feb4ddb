package dynamodb

import (
	"encoding/json"
	"testing"
)

func TestItemJSONDecode(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{`{"a":{"S":"x\"y\u00e9\ud83d\ude00"}}`, `{"a":{"S":"x\"yé😀"}}`, ""},
		{` { "b" : { "B" : "AAH/" } , "n":{"N":"1"}} `, `{"b":{"B":"AAH/"},"n":{"N":"1"}}`, ""},
		{`{"l":{"L":[{"BOOL":true},{"NULL":true},{"M":{}},{"L":[]}]}}`, `{"l":{"L":[{"BOOL":true},{"NULL":true},{"M":{}},{"L":[]}]}}`, ""},
		{`{"s":{"SS":["a","b"],"S":null}}`, `{"s":{"SS":["a","b"]}}`, ""},
		{`{"x":{"S":"a","unknown":[1,{"z":null}]}}`, `{"x":{"S":"a"}}`, ""},
		{`{"a":{"S":1}}`, "", "dynamodb: malformed JSON in attribute value"},
		{`{"a":{"B":"!!"}}`, "", "dynamodb: invalid base64 in binary value"},
		{`{"a":{"S":"x"}`, "", "unexpected end of JSON input"},
	}
	for _, c := range cases {
		var it Item
		err := json.Unmarshal([]byte(c.in), &it)
		got, msg := "", ""
		if err != nil {
			msg = err.Error()
		} else {
			got = string(MarshalItem(it))
		}
		if got != c.want || msg != c.err {
			t.Errorf("%s:\n got %s %s\nwant %s %s", c.in, got, msg, c.want, c.err)
		}
	}
}

func FuzzItemJSON(f *testing.F) {
	for _, s := range []string{`{"a":{"S":"x"}}`, `{"a":{"M":{"b":{"L":[{"N":"1"},{"BS":["AA=="]}]}}}}`, `{"a":{"S":"\u00e9"}}`, `{"a":{}}`, `{`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var it Item
		if json.Unmarshal([]byte(s), &it) != nil || validateItem(it) != nil {
			return
		}
		// Whatever decodes and validates must survive a round trip.
		b := MarshalItem(it)
		var again Item
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("re-decode %s: %v", b, err)
		}
		if b2 := MarshalItem(again); string(b2) != string(b) {
			t.Fatalf("round trip changed %s to %s", b, b2)
		}
	})
}
