package jsoncodec

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// Handler-like types, as learners write them.
type greetRequest struct {
	Name string `json:"name"`
}

type greetResponse struct {
	Greeting  string `json:"greeting"`
	RequestID string `json:"requestId"`
}

type derivedEmbedded struct {
	ID     string `json:"id"`
	Shadow string `json:"shadow"`
}

type derivedInner struct {
	A int      `json:"a,omitempty"`
	B []string `json:"b"`
}

type namedString string

type derivedAll struct {
	derivedEmbedded
	Shadow int `json:"shadow"` // beats the embedded one
	S      string
	B      bool    `json:"b,omitempty"`
	I8     int8    `json:"i8"`
	U16    uint16  `json:"u16"`
	F32    float32 `json:"f32"`
	F64    float64 `json:"f64,omitempty"`
	Any    interface{}
	In     derivedInner           `json:"in"`
	Anon   struct{ X string }     `json:"anon"`
	Bytes  []byte                 `json:"bytes"`
	Strs   []string               `json:"strs,omitempty"`
	Anys   []interface{}          `json:"anys"`
	SM     map[string]string      `json:"sm,omitempty"`
	AM     map[string]interface{} `json:"am"`
	T      time.Time              `json:"t"`
	Raw    json.RawMessage        `json:"raw,omitempty"`
	Named  namedString            `json:"named"`
	HTML   string                 `json:"<x>,omitempty"`
	Dash   string                 `json:"-"`
	skip   string
}

type withPointer struct{ P *string }
type withIntSlice struct{ N []int }
type withIntMap struct{ M map[string]int }
type withStringOption struct {
	N int `json:"n,string"`
}
type withNumber struct{ V json.Number }
type withTextMarshaler struct{ IP time.Month } // a named int, no text methods: derivable
type embedsTime struct{ time.Time }
type withEmbeddedPointer struct{ *greetRequest }
type withError struct{ E error }

func TestDeriveAcceptsOnlyExactShapes(t *testing.T) {
	_ = withError{}.E
	_ = derivedAll{}.skip
	tests := []struct {
		typ  reflect.Type
		want bool
	}{
		{reflect.TypeFor[greetRequest](), true},
		{reflect.TypeFor[greetResponse](), true},
		{reflect.TypeFor[derivedAll](), true},
		{reflect.TypeFor[withTextMarshaler](), true},
		{reflect.TypeFor[withPointer](), false},
		{reflect.TypeFor[withIntSlice](), false},
		{reflect.TypeFor[withIntMap](), false},
		{reflect.TypeFor[withStringOption](), false},
		{reflect.TypeFor[withNumber](), false}, // json.Number is special-cased by encoding/json
		{reflect.TypeFor[embedsTime](), false}, // promoted MarshalJSON
		{reflect.TypeFor[withEmbeddedPointer](), false},
		{reflect.TypeFor[withError](), false},
		{reflect.TypeFor[time.Time](), false},
		{reflect.TypeFor[string](), false},
		{reflect.TypeFor[map[string]any](), false},
	}
	for _, tc := range tests {
		for range 2 { // the second answer comes from the cache
			if _, ok := Derive(tc.typ); ok != tc.want {
				t.Errorf("Derive(%s) = %v, want %v", tc.typ, ok, tc.want)
			}
		}
	}
}

// checkDerived decodes and re-encodes data with the derived codec of typ
// and with encoding/json; it reports whether the codec decoded.
func checkDerived(t *testing.T, typ reflect.Type, data []byte) bool {
	t.Helper()
	c, ok := Derive(typ)
	if !ok {
		t.Fatalf("%s is not derivable", typ)
	}
	got, want := reflect.New(typ), reflect.New(typ)
	accepted := c.Decode(data, got.UnsafePointer())
	err := json.Unmarshal(data, want.Interface())
	if !accepted {
		return false
	}
	if err != nil {
		t.Fatalf("%q: codec accepted, encoding/json: %v", data, err)
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		t.Fatalf("%q:\ncodec         %#v\nencoding/json %#v", data, got.Elem().Interface(), want.Elem().Interface())
	}
	for _, esc := range []bool{false, true} {
		out, ok := c.Append(nil, want.UnsafePointer(), esc)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(esc)
		err := enc.Encode(want.Elem().Interface())
		if !ok {
			continue
		}
		if err != nil {
			t.Fatalf("%q: codec encoded, encoding/json: %v", data, err)
		}
		if w := bytes.TrimSuffix(buf.Bytes(), []byte("\n")); !bytes.Equal(out, w) {
			t.Fatalf("%q escapeHTML %v:\ncodec         %s\nencoding/json %s", data, esc, out, w)
		}
	}
	return true
}

var derivedInputs = []string{
	`{}`, `null`,
	`{"id":"i","shadow":3,"S":"s","b":true,"i8":-128,"u16":65535,"f32":1.5,"f64":-2e-7,"Any":{"x":[1,"y",null]}}`,
	`{"in":{"a":1,"b":["x",null]},"anon":{"X":"y","x":"z"},"bytes":"AAEC","strs":[],"anys":[1,{}],"sm":{"k":"v"},"am":{"k":[true]}}`,
	`{"t":"2024-01-02T03:04:05Z","raw":{ "a" : [1, 2] },"named":"n","<x>":"<&>","-":"dash","skip":"s"}`,
	`{"ID":"folded","SHADOW":4,"s":"lower","In":{"B":null},"AM":null,"Strs":null,"raw":null}`,
	`{"sm":{"a":"1"},"sm":{"b":"2"},"strs":["a","b"],"strs":[null],"in":{"a":1},"in":{"b":[]}}`,
	`{"any":{"a":1},"Any":"replaced","anys":[1,2],"anys":[null]}`,
}

func TestDerivedMatchesEncodingJSON(t *testing.T) {
	for _, in := range derivedInputs {
		if !checkDerived(t, reflect.TypeFor[derivedAll](), []byte(in)) {
			t.Errorf("%s: declined", in)
		}
	}
	for _, in := range []string{`{"i8":128}`, `{"u16":-1}`, `{"f32":1e39}`, `{"t":"bad"}`, `{"bytes":[1]}`, `{"S":1}`, `{"anys":{}}`, `{"am":[]}`, `{"sm":{"a":1}}`} {
		if checkDerived(t, reflect.TypeFor[derivedAll](), []byte(in)) {
			t.Errorf("%s: accepted", in)
		}
	}
	if !checkDerived(t, reflect.TypeFor[greetRequest](), []byte(`{"name":"Ada"}`)) {
		t.Error("greetRequest declined")
	}
}

// TestDerivedDeclinesInterfaceHoldingPointer: encoding/json decodes into
// the pointed-to value; the codec says no instead.
func TestDerivedDeclinesInterfaceHoldingPointer(t *testing.T) {
	c, _ := Derive(reflect.TypeFor[derivedAll]())
	s := "old"
	v := derivedAll{Any: &s}
	if c.Decode([]byte(`{"Any":"new"}`), reflect.ValueOf(&v).UnsafePointer()) {
		t.Fatal("decoded into an interface holding a pointer")
	}
}

func FuzzDerived(f *testing.F) {
	for _, in := range derivedInputs {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDerived(t, reflect.TypeFor[derivedAll](), data)
	})
}

func BenchmarkDerived(b *testing.B) {
	in := []byte(`{"name":"Ada Lovelace"}`)
	c, _ := Derive(reflect.TypeFor[greetRequest]())
	b.Run("decode/jsoncodec", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var v greetRequest
			if !c.Decode(in, reflect.ValueOf(&v).UnsafePointer()) {
				b.Fatal("declined")
			}
		}
	})
	b.Run("decode/encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var v greetRequest
			if err := json.Unmarshal(in, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	resp := greetResponse{Greeting: "hello Ada", RequestID: "c6af9ac6-7b61-11e6-9a41-93e812345678"}
	rc, _ := Derive(reflect.TypeFor[greetResponse]())
	b.Run("append/jsoncodec", func(b *testing.B) {
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			var ok bool
			if buf, ok = rc.Append(buf[:0], reflect.ValueOf(&resp).UnsafePointer(), false); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("append/encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(resp); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Embedding and tag edge cases, as in the generator's shapes test.
type shapeBase struct {
	ID     string `json:"id"`
	Name   string
	Shadow string `json:"shadow"`
}

type shapeOther struct {
	Name  string // collides with shapeBase.Name at the same depth: both dropped
	Extra int    `json:"extra,omitempty"`
}

type shapeInner struct {
	Hidden string `json:"hidden"`
}

type derivedShapes struct {
	shapeBase
	shapeOther
	shapeInner
	Shadow int    `json:"shadow"`
	Amb    string `json:"AMB"`
	Amb2   string `json:"amb"`
	Dash   string `json:"-,"`
	Bad    string `json:"a\"b"`
	HTML   string `json:"<&>,omitempty"`
}

var shapeInputs = []string{
	`{"id":"i","Name":"n","shadow":3,"extra":4,"hidden":"h"}`,
	`{"ID":"i","name":"x","SHADOW":5,"Extra":0,"HIDDEN":"h"}`,
	`{"amb":"lower","AMB":"upper","Amb":"folded"}`, `{"aMb":"folded only"}`, `{"":"empty key"}`,
	`{"-":"dash","Bad":"go name","a\"b":"tag","<&>":"html"}`,
	`{"shapeInner":{"hidden":"no"},"shapeBase":{}}`,
}

func TestDerivedShapesMatchEncodingJSON(t *testing.T) {
	for _, in := range shapeInputs {
		if !checkDerived(t, reflect.TypeFor[derivedShapes](), []byte(in)) {
			t.Errorf("%s: declined", in)
		}
	}
}

func FuzzDerivedShapes(f *testing.F) {
	for _, in := range shapeInputs {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDerived(t, reflect.TypeFor[derivedShapes](), data)
	})
}
