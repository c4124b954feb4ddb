package iam

import (
	"encoding/json"
	"reflect"
	"testing"
)

var readObjectSeeds = []string{
	`{}`, ` { } `, `null`, `[1]`, `"s"`, `1`, ``, `{`, `{"a":1,}`, `{"TableName":"t","Key":{"id":{"S":"u1"}}}`,
	`{"a" : [1, {"b":"]}"}] , "c":null,"d":true,"e":-1.5e3,"f":"x\"y\\"}`, `{"a":1,"a":2}`, `{"\u0041":"\u00e9","b":"\ud800"}`,
	"{\"k\":\"\xff\"}", "{\"k\":\"tab\tinside\"}", `{"n":{"S":null},"m":{"S":"x","N":"1"}}`, "\t{\"a\":\n\"b\"\r}\n",
}

// TestReadObject compares readObject and jsonString with json.Unmarshal.
func TestReadObject(t *testing.T) {
	for _, s := range readObjectSeeds {
		checkReadObject(t, []byte(s))
	}
}

func checkReadObject(t *testing.T, data []byte) {
	t.Helper()
	var want map[string]json.RawMessage
	werr := json.Unmarshal(data, &want)
	got, gerr := readObject(data)
	if (werr != nil) != (gerr != nil) || (werr == nil && !reflect.DeepEqual(got, want)) {
		t.Fatalf("readObject(%q) = %q, %v; want %q, %v", data, got, gerr, want, werr)
	}
	for _, raw := range want {
		var ws string
		werr := json.Unmarshal(raw, &ws)
		gs, gerr := jsonString(raw)
		if (werr != nil) != (gerr != nil) || gs != ws {
			t.Fatalf("jsonString(%q) = %q, %v; want %q, %v", raw, gs, gerr, ws, werr)
		}
	}
}

func FuzzReadObject(f *testing.F) {
	for _, s := range readObjectSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(checkReadObject)
}
