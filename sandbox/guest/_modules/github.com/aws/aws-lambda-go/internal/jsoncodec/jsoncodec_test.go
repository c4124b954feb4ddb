package jsoncodec

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"unsafe"
)

func TestRegisterLookup(t *testing.T) {
	type local struct{ A int }
	typ := reflect.TypeFor[local]()
	if _, ok := Lookup(typ); ok {
		t.Fatal("found a codec before registering one")
	}
	calls := 0
	Register(typ, Codec{Decode: func([]byte, unsafe.Pointer) bool { calls++; return true }})
	c, ok := Lookup(typ)
	if !ok || c.Decode == nil {
		t.Fatal("registered codec not found")
	}
	c.Decode(nil, nil)
	if calls != 1 {
		t.Fatalf("Lookup returned another codec (calls = %d)", calls)
	}
	if _, ok := Lookup(reflect.TypeFor[*local]()); ok {
		t.Error("a pointer type shares its element's codec")
	}
}

// decodeString runs the string decoder on a whole document.
func decodeString(data []byte) (string, bool) {
	d := NewDecoder(data)
	var s string
	ok := d.String(&s) && d.End()
	return s, ok
}

// stringCases cover escapes, surrogates and invalid UTF-8, the places
// where unquoting has special rules.
var stringCases = []string{
	`""`, `"plain ascii, long enough for the word loop"`, `"\"\\\/\b\f\n\r\t"`,
	`"\u0000\u001f\u00e9\u20ac\uFFFF"`, `"\ud83d\ude00"`, `"\ud800"`, `"\udc00\ud800"`, `"\ud800\u0041"`,
	`"\ud800\ud800\udc00"`, "\"\xff\xfe\"", "\"\xed\xa0\x80\"", "\"\xe2\x82\"", "\"é😀\"", "\"abcdefgh\xffabcdefgh\"",
	`"\x"`, `"\'"`, `"\u12"`, `"\u12G4"`, "\"a\x01\"", "\"a\x7f\"", `"unterminated`, `"a" x`, `null`, `1`, ` "ws" `,
}

func TestStringMatchesEncodingJSON(t *testing.T) {
	for _, in := range stringCases {
		checkString(t, []byte(in))
	}
}

func checkString(t *testing.T, data []byte) {
	t.Helper()
	got, ok := decodeString(data)
	var want string
	err := json.Unmarshal(data, &want)
	if ok != (err == nil) {
		t.Fatalf("%q: codec ok = %v, encoding/json error = %v", data, ok, err)
	}
	if ok && got != want {
		t.Fatalf("%q: codec %q, encoding/json %q", data, got, want)
	}
}

func FuzzString(f *testing.F) {
	for _, s := range stringCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkString(t, data) })
}

// checkAny decodes into an empty interface with both decoders; the codec
// may decline only documents encoding/json rejects or nests very deeply.
func checkAny(t *testing.T, data []byte) {
	t.Helper()
	d := NewDecoder(data)
	var got any
	ok := d.Any(&got) && d.End()
	var want any
	err := json.Unmarshal(data, &want)
	if ok && err != nil {
		t.Fatalf("%q: codec accepted, encoding/json: %v", data, err)
	}
	if ok && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: codec %#v, encoding/json %#v", data, got, want)
	}
	if !ok && err == nil && bytes.Count(data, []byte("[")) < maxDepth && bytes.Count(data, []byte("{")) < maxDepth {
		t.Fatalf("%q: codec declined a document encoding/json accepts", data)
	}
}

var anyCases = []string{
	`null`, `true`, `false`, `0`, `-0`, `-0.0e-0`, `1e308`, `1e309`, `-1e400`, `123456789012345678901234567890`,
	`"s"`, `[]`, `{}`, `[1,"a",null,[{}]]`, `{"a":1,"a":{"b":[]},"A":2}`, ` { "k" : [ 1 , 2 ] } `,
	`[1,]`, `{"a":1,}`, `{"a"}`, `{"a":}`, `[`, `]`, `01`, `1.`, `.1`, `-`, `1e`, `1e+`, `tru`, `nul`, `[1 2]`, `{"a":1 "b":2}`,
	"\t\n\r 1 \t\n\r", "\f1", `1 2`,
}

func TestAnyMatchesEncodingJSON(t *testing.T) {
	for _, in := range anyCases {
		checkAny(t, []byte(in))
	}
}

func FuzzAny(f *testing.F) {
	for _, s := range anyCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkAny(t, data) })
}

func TestNumbers(t *testing.T) {
	for _, in := range []string{`0`, `-0`, `1`, `-1`, `127`, `128`, `-128`, `-129`, `255`, `256`, `32767`, `2147483648`, `9223372036854775807`, `9223372036854775808`, `-9223372036854775809`, `18446744073709551615`, `18446744073709551616`, `1.5`, `1e2`, `-1E-2`, `3.4e38`, `3.5e38`, `1e-46`, `"1"`, `null`, `true`, `01`, `-`} {
		checkNumber[int](t, in, func(d *Decoder, p *int) bool { return Int(d, p) })
		checkNumber[int8](t, in, func(d *Decoder, p *int8) bool { return Int(d, p) })
		checkNumber[int32](t, in, func(d *Decoder, p *int32) bool { return Int(d, p) })
		checkNumber[int64](t, in, func(d *Decoder, p *int64) bool { return Int(d, p) })
		checkNumber[uint8](t, in, func(d *Decoder, p *uint8) bool { return Uint(d, p) })
		checkNumber[uint64](t, in, func(d *Decoder, p *uint64) bool { return Uint(d, p) })
		checkNumber[float32](t, in, func(d *Decoder, p *float32) bool { return Float(d, p, 32) })
		checkNumber[float64](t, in, func(d *Decoder, p *float64) bool { return Float(d, p, 64) })
		checkNumber[bool](t, in, func(d *Decoder, p *bool) bool { return d.Bool(p) })
	}
}

func checkNumber[T comparable](t *testing.T, in string, dec func(*Decoder, *T) bool) {
	t.Helper()
	var got, want T
	d := NewDecoder([]byte(in))
	ok := dec(&d, &got) && d.End()
	err := json.Unmarshal([]byte(in), &want)
	if ok != (err == nil) || got != want {
		t.Errorf("%T %s: codec %v, %v; encoding/json %v, %v", got, in, got, ok, want, err)
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "<a>&amp;", "\u2028\u2029", "\x00\x1f\x7f\b\f\n\r\t\"\\", "\xff\xc3", "é😀", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, esc := range []bool{false, true} {
			got := AppendString([]byte("x"), s, esc)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(esc)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			if want := "x" + string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); string(got) != want {
				t.Fatalf("AppendString(%q, %v) = %s, want %s", s, esc, got, want)
			}
		}
	})
}

func FuzzAppendFloat(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, 3.4e38, 1e-45} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		got, ok := AppendFloat(nil, v, 64)
		want, err := json.Marshal(v)
		if ok != (err == nil) || string(got) != string(want) {
			t.Fatalf("AppendFloat(%v, 64) = %s, %v; encoding/json %s, %v", v, got, ok, want, err)
		}
		v32 := float32(v)
		got, ok = AppendFloat(nil, float64(v32), 32)
		want, err = json.Marshal(v32)
		if ok != (err == nil) || string(got) != string(want) {
			t.Fatalf("AppendFloat(%v, 32) = %s, %v; encoding/json %s, %v", v32, got, ok, want, err)
		}
	})
}

func TestAppendFloatRefusesNaNAndInf(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, ok := AppendFloat(nil, v, 64); ok {
			t.Errorf("AppendFloat(%v) accepted", v)
		}
	}
}

// FuzzAppendMarshaled compares with encoding/json's handling of a
// MarshalJSON result (here json.RawMessage's): validated, compacted,
// HTML-escaped on request.
func FuzzAppendMarshaled(f *testing.F) {
	for _, s := range []string{`{}`, ` [ 1 , "a b" , { "c" : null } ] `, `"<\u2028>&"`, "\"\xe2\x80\xa8\xe2\x80\xa9\"", `{"a":}`, ``, `1 2`, `"\\"<"`, "\"\xe2\x80\"", `"\u003c"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, esc := range []bool{false, true} {
			got, ok := AppendMarshaled([]byte("x"), raw, esc)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(esc)
			err := enc.Encode(json.RawMessage(raw))
			if !ok {
				if err == nil && bytes.Count(raw, []byte("[")) < maxDepth && bytes.Count(raw, []byte("{")) < maxDepth {
					t.Fatalf("%q: declined, encoding/json accepts", raw)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%q: accepted, encoding/json: %v", raw, err)
			}
			if want := "x" + string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); string(got) != want {
				t.Fatalf("%q escapeHTML %v: %s, want %s", raw, esc, got, want)
			}
		}
	})
}

func TestFold(t *testing.T) {
	// The smallest rune of each fold set: 'ſ' and the Kelvin sign fold to
	// ASCII, 'ß' (whose set is {ß, ẞ}) stays, invalid UTF-8 becomes U+FFFD.
	for in, want := range map[string]string{"body": "BODY", "ſtage": "STAGE", "\u212aey": "KEY", "Straße": "STRAßE", "é": "É", "a\xffb": "A\ufffdB"} {
		if got := string(Fold(nil, []byte(in))); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
