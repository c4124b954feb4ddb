package wirejson

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

type shape interface{ isShape() }

type circle struct{ R int }

func (circle) isShape() {}

type inner struct {
	Name *string
	N    *int64
}

type input struct {
	Str      *string
	Enum     string
	Count    int32
	Flag     *bool
	Data     []byte
	List     []string
	Map      map[string]string
	Nested   *inner
	Structs  []inner
	At       *time.Time
	Float    *float64
	Shape    shape
	Shapes   []shape
	internal string
	// ResultMetadata is never on the wire.
	ResultMetadata struct{ X int }
}

var testCodec = New(Union{
	Type: reflect.TypeOf((*shape)(nil)).Elem(),
	Encode: func(v any) (any, error) {
		return map[string]any{"circle": json.Number(string(rune('0' + v.(circle).R)))}, nil
	},
	Decode: func(tree any) (any, error) {
		m, _ := tree.(map[string]any)
		num, ok := m["circle"].(json.Number)
		if len(m) != 1 || !ok {
			return nil, errors.New("not a circle")
		}
		n, err := strconv.Atoi(string(num))
		return circle{R: n}, err
	},
})

func ptr[T any](v T) *T { return &v }

func TestMarshal(t *testing.T) {
	at := time.UnixMilli(1700000000123).UTC()
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"nil input", (*input)(nil), `{}`},
		{"zero values are absent", &input{internal: "x"}, `{}`},
		{"required zero is sent", &struct {
			N int32 `wire:",always"`
			M int32
		}{}, `{"N":0}`},
		{"renamed member", &struct {
			Tags map[string]string `wire:"tags"`
		}{Tags: map[string]string{"a": "b"}}, `{"tags":{"a":"b"}}`},
		{"pointers to zero values are present", &input{Str: ptr(""), Flag: ptr(false), Float: ptr(0.0)}, `{"Str":"","Flag":false,"Float":0}`},
		{"empty but non-nil collections are sent", &input{List: []string{}, Map: map[string]string{}, Data: []byte{}}, `{"List":[],"Map":{},"Data":""}`},
		{"scalars", &input{Enum: "ALL", Count: 3, Data: []byte{0xff, 0}}, `{"Enum":"ALL","Count":3,"Data":"/wA="}`},
		{"nested", &input{Nested: &inner{Name: ptr("n")}, Structs: []inner{{N: ptr(int64(-1))}, {}}}, `{"Nested":{"Name":"n"},"Structs":[{"N":-1},{}]}`},
		{"time as epoch seconds", &input{At: &at}, `{"At":1700000000.123}`},
		{"whole seconds", &input{At: ptr(time.Unix(5, 0))}, `{"At":5}`},
		{"unions", &input{Shape: circle{R: 2}, Shapes: []shape{circle{R: 1}, nil}}, `{"Shape":{"circle":2},"Shapes":[{"circle":1},null]}`},
		{"metadata skipped", &input{ResultMetadata: struct{ X int }{1}}, `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := testCodec.Marshal(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			var g, w any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatalf("%v: %s", err, got)
			}
			if err := json.Unmarshal([]byte(tt.want), &w); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestUnmarshal(t *testing.T) {
	body := `{"Str":"s","Enum":"E","Count":7,"Flag":true,"Data":"AQI=","List":["a"],"Map":{"k":"v"},
		"Nested":{"Name":"n","N":9},"Structs":[{}],"At":1700000000.5,"Float":"NaN","Shape":{"circle":3},"unknown":{"x":[1]}}`
	var got input
	if err := testCodec.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if *got.Str != "s" || got.Enum != "E" || got.Count != 7 || !*got.Flag || string(got.Data) != "\x01\x02" ||
		got.List[0] != "a" || got.Map["k"] != "v" || *got.Nested.Name != "n" || *got.Nested.N != 9 || len(got.Structs) != 1 ||
		!got.At.Equal(time.UnixMilli(1700000000500)) || got.At.Location() != time.UTC || *got.Float == *got.Float || got.Shape != (circle{R: 3}) {
		t.Errorf("decoded %+v", got)
	}
	var e struct{ Message *string }
	if err := testCodec.Unmarshal([]byte(`{"message":"lower-case member"}`), &e); err != nil || *e.Message != "lower-case member" {
		t.Errorf("case-insensitive member: %v %v", err, e.Message)
	}
	for _, bad := range []string{`{"Count":"x"}`, `{"Count":1e99}`, `{"Data":"!!"}`, `{"List":{}}`, `[`} {
		var v input
		if err := testCodec.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// FuzzUnmarshal feeds arbitrary bodies to the decoder: it must never
// panic, and whatever it accepts must survive a second round trip.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{}`, `{"Str":"a","Structs":[{"N":1}],"At":1.5}`, `{"Map":{"a":"b"},"Shape":{"circle":1}}`, `null`, `{"Nested":null}`, `{"Count":-2147483648}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		safe := New() // no union hooks: a union member must fail cleanly
		var v input
		if err := safe.Unmarshal(data, &v); err != nil {
			return
		}
		again, err := safe.Marshal(&v)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var w input
		if err := safe.Unmarshal(again, &w); err != nil {
			t.Fatalf("re-decode %s: %v", again, err)
		}
	})
}

func BenchmarkMarshal(b *testing.B) {
	in := &input{Str: ptr("table"), List: []string{"a", "b"}, Map: map[string]string{"#n": "name"}, Nested: &inner{Name: ptr("x")}}
	for b.Loop() {
		if _, err := testCodec.Marshal(in); err != nil {
			b.Fatal(err)
		}
	}
}

// directCodec is testCodec with direct union hooks, so that the direct
// codec handles unions too.
var directCodec = func() *Codec {
	c := New(Union{
		Type:   reflect.TypeOf((*shape)(nil)).Elem(),
		Encode: testCodec.unions[reflect.TypeOf((*shape)(nil)).Elem()].Encode,
		Decode: testCodec.unions[reflect.TypeOf((*shape)(nil)).Elem()].Decode,
		Append: func(dst []byte, v any) ([]byte, error) {
			if r := v.(circle).R; r < 0 || r > 9 {
				return nil, errors.New("radius out of range")
			}
			return append(dst, `{"circle":`+string(rune('0'+v.(circle).R))+`}`...), nil
		},
		DecodeJSON: func(d *Decoder) (any, error) {
			var c circle
			seen := false
			err := d.Object(func(name string) error {
				if name != "circle" || seen {
					return errGiveUp
				}
				seen = true
				n, err := d.Number()
				if err != nil {
					return err
				}
				i, err := strconv.Atoi(n)
				c.R = i
				return err
			})
			if err == nil && !seen {
				err = errGiveUp
			}
			return c, err
		},
	})
	return c
}()

var directSeeds = []string{
	`{}`, `null`, ` `, `{"Str":"a","Structs":[{"N":1}],"At":1.5}`, `{"Map":{"a":"b","c":""},"Shape":{"circle":1}}`,
	`{"Nested":null}`, `{"Count":-2147483648}`, `{"Count":2147483648}`, `{"Count":1.5}`, `{"Float":"NaN"}`, `{"Float":"-Infinity"}`,
	`{"Float":1e400}`, `{"Float":-0.0}`, `{"At":"2024-01-02T03:04:05Z"}`, `{"At":17e8}`, `{"Data":"AQI="}`, `{"Data":"!"}`,
	`{"Str":"\u00e9\ud83d\ude00\n\"\\\u2028<>&"}`, "{\"Str\":\"\xff\"}", `{"List":["a",null,""]}`, `{"Shapes":[{"circle":2},null]}`,
	`{"Str":"a","Str":"b"}`, `{"str":"lower"}`, `{"unknown":[1,{"x":[true,false,null]},"s",-0.5e-3]}`, `{"Count":01}`,
	`{"List":[1]}`, `{"Str":1}`, `{"Flag":true}`, `{"Flag":tru}`, `[1]`, `{"Str":"a"} trailing`, `{"Map":{"a":null}}`,
	`{"Structs":[{},{"Name":"x"}],"Nested":{"N":-7}}`, `{"Str":"tab	inside"}`, `{"Shape":{"square":1}}`, `{"Shape":{}}`,
}

// TestDirectMatchesTree holds the direct codec to the tree codec on the
// seeds of FuzzDirectMatchesTree.
func TestDirectMatchesTree(t *testing.T) {
	for _, s := range directSeeds {
		for _, c := range []*Codec{testCodec, directCodec} {
			if err := c.CompareDirect([]byte(s), new(input), new(input)); err != nil {
				t.Errorf("%s: %v", s, err)
			}
		}
	}
}

// FuzzDirectMatchesTree: whatever the direct codec decodes, it decodes as
// the tree codec does, and it encodes what that decodes to the same bytes.
func FuzzDirectMatchesTree(f *testing.F) {
	for _, s := range directSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := directCodec.CompareDirect(data, new(input), new(input)); err != nil {
			t.Fatal(err)
		}
	})
}

// TestAppendString compares AppendString with encoding/json on the
// characters it treats specially.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", "\"\\/", "\x00\x01\b\f\n\r\t\x1f\x7f", "<>&", "é😀", "\u2028\u2029", "\xff\xfe", "a\xc3", "\xed\xa0\x80"} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		if got, want := string(AppendString(nil, s)), strings.TrimSuffix(buf.String(), "\n"); got != want {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	body := []byte(`{"Str":"table","List":["a","b"],"Map":{"#n":"name"},"Nested":{"Name":"x","N":3},"Count":12}`)
	for b.Loop() {
		var v input
		if err := directCodec.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
	}
}
