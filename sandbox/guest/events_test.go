package guest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
)

// guestMain drives the shared functions inside the native guest program:
// it reads requests as JSON on stdin and answers with one result each.
const guestMain = `package main

import (
	"encoding/json"
	"io"
	"os"
)

type request struct {
	Mode    string          ` + "`json:\"mode\"`" + `
	Type    string          ` + "`json:\"type\"`" + `
	Payload json.RawMessage ` + "`json:\"payload\"`" + `
	Input   []byte          ` + "`json:\"input\"`" + `
}

type result struct {
	Out string ` + "`json:\"out\"`" + `
	Err string ` + "`json:\"err\"`" + `
}

// main answers one JSON request after another until stdin closes.
func main() {
	dec := json.NewDecoder(os.Stdin)
	enc := json.NewEncoder(os.Stdout)
	for {
		var r request
		if err := dec.Decode(&r); err == io.EOF {
			return
		} else if err != nil {
			panic(err)
		}
		var res result
		switch r.Mode {
		case "roundtrip":
			payload := []byte(r.Payload)
			if r.Input != nil {
				payload = r.Input // arbitrary bytes, possibly not JSON
			}
			out, err := roundTrip(r.Type, payload)
			res.Out = out
			if err != nil {
				res.Err = err.Error()
			}
		case "attributes":
			res.Out = describeAttributes(r.Payload)
		case "attribute":
			res.Out = decodeAttribute(string(r.Input))
		}
		if err := enc.Encode(res); err != nil {
			panic(err)
		}
	}
}
`

type guestRequest struct {
	Mode    string          `json:"mode"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
	Input   []byte          `json:"input,omitempty"` // bytes: JSON would mangle invalid UTF-8
	sample  string
}

type guestResult struct {
	Out string `json:"out"`
	Err string `json:"err"`
}

// testBuilder returns a Builder whose GOCACHE survives test runs (it is
// content addressed, so sharing it is safe) and whose artifacts do not.
func testBuilder(t testing.TB) *build.Builder {
	t.Helper()
	gocache := os.Getenv("LEARNSLS_TEST_GOCACHE")
	if gocache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		gocache = filepath.Join(dir, "learnsls-test-gocache")
	}
	b, err := build.New(build.Options{CacheDir: t.TempDir(), GoCacheDir: gocache, Timeout: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEventsJSONMatchesUpstream decodes every sample payload into our
// guest events types (in a natively built guest program) and into the real
// github.com/aws/aws-lambda-go/events types (here), encodes both, and
// requires identical bytes, with no field of the sample lost.
func TestEventsJSONMatchesUpstream(t *testing.T) {
	samples, err := filepath.Glob("testdata/events/*.json")
	if err != nil || len(samples) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	var reqs []guestRequest
	covered := map[string]bool{}
	for _, path := range samples {
		typ := strings.SplitN(filepath.Base(path), ".", 2)[0]
		if _, ok := eventTypes[typ]; !ok {
			t.Fatalf("%s: no type %q in eventTypes", path, typ)
		}
		covered[typ] = true
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		reqs = append(reqs, guestRequest{Mode: "roundtrip", Type: typ, Payload: data, sample: path})
		if typ == "DynamoDBEvent" {
			reqs = append(reqs, guestRequest{Mode: "attributes", Type: typ, Payload: data, sample: path + " (attributes)"})
		}
	}
	for typ := range eventTypes {
		if !covered[typ] {
			t.Errorf("no sample in testdata/events for %s", typ)
		}
	}

	g := startGuest(t)
	for _, r := range reqs {
		got := g.call(t, r)
		var want guestResult
		switch r.Mode {
		case "roundtrip":
			payload := []byte(r.Payload)
			if r.Input != nil {
				payload = r.Input // arbitrary bytes, possibly not JSON
			}
			out, err := roundTrip(r.Type, payload)
			want.Out = out
			if err != nil {
				want.Err = err.Error()
			}
		case "attributes":
			want.Out = describeAttributes(r.Payload)
		}
		if want.Err != "" {
			t.Errorf("%s: upstream cannot round-trip the sample: %s", r.sample, want.Err)
			continue
		}
		if got != want {
			t.Errorf("%s: guest output differs from upstream\nguest:    %s %s\nupstream: %s", r.sample, got.Out, got.Err, want.Out)
			continue
		}
		if r.Mode == "roundtrip" {
			if lost := lostFields(t, r.Payload, []byte(got.Out)); len(lost) > 0 {
				t.Errorf("%s: fields of the sample lost in the round trip: %v", r.sample, lost)
			}
		}
	}
}

// guestProc is the shared test code built against the guest events
// package for the host platform, running, answering requests on stdin.
type guestProc struct {
	in  io.WriteCloser
	enc *json.Encoder
	dec *json.Decoder
}

// startGuest builds and starts the guest program; it stops with the test.
func startGuest(t testing.TB) *guestProc {
	t.Helper()
	shared, err := os.ReadFile("events_shared_test.go")
	if err != nil {
		t.Fatal(err)
	}
	shared = bytes.Replace(shared, []byte("package guest_test"), []byte("package main"), 1)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	art, err := testBuilder(t).BuildNative(ctx, build.Source{Files: map[string][]byte{
		"main.go":   []byte(guestMain),
		"shared.go": shared,
	}})
	if err != nil {
		t.Fatalf("build guest program: %v", err)
	}
	cmd := exec.Command(art.Path)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		in.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("guest program: %v", err)
		}
	})
	return &guestProc{in: in, enc: json.NewEncoder(in), dec: json.NewDecoder(out)}
}

func (g *guestProc) call(t testing.TB, r guestRequest) guestResult {
	t.Helper()
	if err := g.enc.Encode(r); err != nil {
		t.Fatalf("send to guest: %v", err)
	}
	var res guestResult
	if err := g.dec.Decode(&res); err != nil {
		t.Fatalf("read from guest: %v", err)
	}
	return res
}

// lostFields lists the paths of sample values that did not survive the
// round trip. A null, empty object or empty array in the sample may come
// back absent or empty; every other leaf must come back equal.
func lostFields(t *testing.T, sample, out []byte) []string {
	t.Helper()
	var a, b any
	if err := json.Unmarshal(sample, &a); err != nil {
		t.Fatalf("sample: %v", err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatalf("output: %v", err)
	}
	var lost []string
	var walk func(path string, a, b any)
	walk = func(path string, a, b any) {
		if isEmptyJSON(a) && isEmptyJSON(b) {
			return
		}
		if b == nil && (a == false || a == "" || a == float64(0)) {
			return // a zero value dropped by omitempty, as upstream does
		}
		switch av := a.(type) {
		case map[string]any:
			bv, _ := b.(map[string]any)
			keys := make([]string, 0, len(av))
			for k := range av {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(path+"."+k, av[k], bv[k])
			}
		case []any:
			bv, _ := b.([]any)
			if len(bv) != len(av) {
				lost = append(lost, path)
				return
			}
			for i := range av {
				walk(path+"["+string(rune('0'+i%10))+"]", av[i], bv[i])
			}
		default:
			if !reflect.DeepEqual(a, b) && !sameTime(a, b) {
				lost = append(lost, path)
			}
		}
	}
	walk("$", a, b)
	return lost
}

func isEmptyJSON(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case map[string]any:
		return len(v) == 0
	case []any:
		return len(v) == 0
	}
	return false
}

// sameTime accepts an RFC 3339 time written differently but equal.
func sameTime(a, b any) bool {
	as, ok1 := a.(string)
	bs, ok2 := b.(string)
	if !ok1 || !ok2 {
		return false
	}
	ta, err1 := time.Parse(time.RFC3339Nano, as)
	tb, err2 := time.Parse(time.RFC3339Nano, bs)
	return err1 == nil && err2 == nil && ta.Equal(tb)
}

func TestLostFields(t *testing.T) {
	tests := []struct {
		name, sample, out string
		want              []string
	}{
		{"same", `{"a":1,"b":{"c":"x"}}`, `{"b":{"c":"x"},"a":1}`, nil},
		{"dropped field", `{"a":1,"b":2}`, `{"a":1}`, []string{"$.b"}},
		{"changed leaf", `{"a":{"b":"x"}}`, `{"a":{"b":"y"}}`, []string{"$.a.b"}},
		{"shorter list", `{"a":[1,2]}`, `{"a":[1]}`, []string{"$.a"}},
		{"null may vanish", `{"a":null,"b":{},"c":[]}`, `{}`, nil},
		{"omitempty zero", `{"a":false,"b":"","c":0}`, `{}`, nil},
		{"true may not vanish", `{"a":true}`, `{}`, []string{"$.a"}},
		{"same instant", `{"t":"2026-11-25T14:03:58.000Z"}`, `{"t":"2026-11-25T14:03:58Z"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lostFields(t, []byte(tt.sample), []byte(tt.out))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("lostFields = %v, want %v", got, tt.want)
			}
		})
	}
}

// attributeSeeds are DynamoDB attribute JSON inputs, valid and not, for
// the differential test and as the fuzz seed corpus.
var attributeSeeds = []string{
	`{"S":"x"}`, `{"N":"-1.5e3"}`, `{"B":"AAEC"}`, `{"BOOL":false}`, `{"NULL":true}`, `{"NULL":false}`, `{"NULL":"x"}`,
	`{"SS":["a","b"]}`, `{"NS":["1"]}`, `{"BS":["AQ=="]}`, `{"SS":[]}`, `{"L":[]}`, `{"M":{}}`,
	`{"L":[{"S":"a"},{"M":{"k":{"N":"1"}}}]}`, `{"M":{"a":{"L":[{"NULL":true}]}}}`,
	`{"SS":[null]}`, `{"NS":["1",null]}`, `{"BS":[null]}`, `{"BS":[1]}`, `{"SS":null}`, `{"L":null}`, `{"M":null}`,
	`{"S":null}`, `{"N":null}`, `{"B":null}`, `{"BOOL":null}`, `{"L":[null]}`, `{"M":{"a":null}}`,
	`{"L":[{}]}`, `{"M":{"a":{"X":1}}}`, `{"L":[{"S":1}]}`, `{"B":"AAE"}`, `{"B":"AA=="}`, `{"BS":["AA","x"]}`,
	`{"S":"a"} `, ` {"S":"\u00e9"}`, `{"S":"a","S":"b"}`, `{"s":"a"}`, `{"":1}`,
	`null`, `true`, `1`, `"S"`, `[]`, `{`, ``, `{"S":"a"}x`,
}

// TestAttributeValueDecodingMatchesUpstream feeds every seed, and
// mutations of them, to our DynamoDBAttributeValue and upstream's, and
// requires the same outcome (same JSON, or the same error).
func TestAttributeValueDecodingMatchesUpstream(t *testing.T) {
	g := startGuest(t)
	inputs := append([]string(nil), attributeSeeds...)
	// Deterministic mutations: every seed cut at every position.
	for _, s := range attributeSeeds {
		for i := 1; i < len(s); i += 3 {
			inputs = append(inputs, s[:i], s[i:])
		}
	}
	for _, in := range inputs {
		checkAttribute(t, g, in)
	}
}

// checkAttribute compares one decoding. Where upstream panics (a BS member
// that is not a string), ours must return an error instead.
func checkAttribute(t *testing.T, g *guestProc, in string) {
	t.Helper()
	got := g.call(t, guestRequest{Mode: "attribute", Input: []byte(in)}).Out
	want := decodeAttribute(in)
	if strings.HasPrefix(want, "panic: ") {
		if !strings.HasPrefix(got, "error: ") {
			t.Errorf("input %q: upstream panics, ours must return an error; got %s", in, got)
		}
		return
	}
	if got != want {
		t.Errorf("input %q:\nguest:    %s\nupstream: %s", in, got, want)
	}
}

func FuzzAttributeValueMatchesUpstream(f *testing.F) {
	for _, s := range attributeSeeds {
		f.Add(s)
	}
	g := startGuest(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkAttribute(t, g, in)
	})
}

// FuzzEventsMatchUpstream decodes arbitrary payloads as each event type,
// in ours and upstream's, and requires the same re-encoded JSON or the
// same error (the messages name types and fields, so they must match too).
func FuzzEventsMatchUpstream(f *testing.F) {
	names := make([]string, 0, len(eventTypes))
	for name := range eventTypes {
		names = append(names, name)
	}
	sort.Strings(names)
	samples, _ := filepath.Glob("testdata/events/*.json")
	for _, path := range samples {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		typ := strings.SplitN(filepath.Base(path), ".", 2)[0]
		f.Add(uint8(sort.SearchStrings(names, typ)), string(data))
	}
	f.Add(uint8(0), `{"requestContext":{"authorizer":{"a":[1,{"b":null}]}},"isBase64Encoded":"no"}`)
	f.Add(uint8(1), `{"dynamodb":1}`)
	g := startGuest(f)
	f.Fuzz(func(t *testing.T, which uint8, payload string) {
		typ := names[int(which)%len(names)]
		var want guestResult
		out, err := roundTrip(typ, []byte(payload))
		want.Out = out
		if err != nil {
			want.Err = err.Error()
		}
		got := g.call(t, guestRequest{Mode: "roundtrip", Type: typ, Input: []byte(payload)})
		if got != want {
			t.Errorf("%s %q:\nguest:    %+v\nupstream: %+v", typ, payload, got, want)
		}
	})
}

// TestEventsBuildForWasm compiles the same program for the learner's
// target, GOOS=wasip1: the events package must build there too.
func TestEventsBuildForWasm(t *testing.T) {
	shared, err := os.ReadFile("events_shared_test.go")
	if err != nil {
		t.Fatal(err)
	}
	shared = bytes.Replace(shared, []byte("package guest_test"), []byte("package main"), 1)
	art, err := testBuilder(t).Build(context.Background(), build.Source{Files: map[string][]byte{
		"main.go":   []byte(guestMain),
		"shared.go": shared,
	}})
	if err != nil {
		t.Fatalf("wasip1 build: %v", err)
	}
	if !bytes.HasPrefix(art.Wasm, []byte("\x00asm")) {
		t.Errorf("not a wasm module")
	}
}
