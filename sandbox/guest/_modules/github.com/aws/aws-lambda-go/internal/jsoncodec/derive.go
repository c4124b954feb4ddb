package jsoncodec

import (
	"cmp"
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unsafe"
)

// derived caches Derive's answers (a codec, or none) by type.
var derived sync.Map // reflect.Type -> *Codec (nil: not derivable)

// Derive returns a codec for a struct type without generated code (a
// handler's own event or result type): its Struct table is built once
// with reflection and decoding and encoding then walk the table like
// generated ones. Only shapes whose encoding/json behaviour the table
// reproduces exactly are accepted: fields of basic kinds, interface{},
// nested structs, []byte, []string, map[string]string,
// map[string]interface{}, []interface{}, time.Time and json.RawMessage.
// Any other field type (pointers, other slices and maps, types with JSON
// or text methods, json.Number, `string` or omitzero tag options) makes the whole type
// not derivable; the caller then uses encoding/json.
func Derive(t reflect.Type) (Codec, bool) {
	if c, ok := derived.Load(t); ok {
		if c == (*Codec)(nil) {
			return Codec{}, false
		}
		return *c.(*Codec), true
	}
	var c *Codec
	if s := deriveStruct(t, nil); s != nil {
		sc := StructCodec(s)
		c = &sc
	}
	derived.Store(t, c)
	if c == nil {
		return Codec{}, false
	}
	return *c, true
}

var (
	marshalerType       = reflect.TypeFor[json.Marshaler]()
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textMarshalerType   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
	rawMessageType      = reflect.TypeFor[json.RawMessage]()
	numberType          = reflect.TypeFor[json.Number]() // special-cased by encoding/json
)

// hasMethods reports whether t (or *t) has JSON or text methods, which
// encoding/json would call.
func hasMethods(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(marshalerType) || p.Implements(unmarshalerType) ||
		p.Implements(textMarshalerType) || p.Implements(textUnmarshalerType)
}

var basicKinds = map[reflect.Kind]Kind{
	reflect.String: KString, reflect.Bool: KBool,
	reflect.Int: KInt, reflect.Int8: KInt8, reflect.Int16: KInt16, reflect.Int32: KInt32, reflect.Int64: KInt64,
	reflect.Uint: KUint, reflect.Uint8: KUint8, reflect.Uint16: KUint16, reflect.Uint32: KUint32, reflect.Uint64: KUint64, reflect.Uintptr: KUintptr,
	reflect.Float32: KFloat32, reflect.Float64: KFloat64,
}

// deriveStruct builds the table of struct type t, or returns nil. path
// holds the struct types being built, to refuse recursive types.
func deriveStruct(t reflect.Type, path []reflect.Type) *Struct {
	if t.Kind() != reflect.Struct || hasMethods(t) || slices.Contains(path, t) {
		return nil
	}
	path = append(path, t)
	fields, ok := typeFields(t)
	if !ok {
		return nil
	}
	s := &Struct{}
	seen := map[string]bool{}
	for _, f := range fields {
		df := Field{Name: f.name, Off: f.off, Omit: f.omitEmpty, Key: `"` + f.name + `":`, KeyHTML: `"` + htmlEscape(f.name) + `":`}
		if fold := string(Fold(nil, []byte(f.name))); !seen[fold] {
			seen[fold] = true
			df.Fold = fold
		}
		ft := f.typ
		switch {
		case ft == timeType:
			df.Kind, df.Dec, df.Enc = KFunc, decodeTime, appendTime
		case ft == rawMessageType:
			df.Kind, df.Dec, df.Enc, df.Empty = KFunc, decodeRawMessage, appendRawMessage, emptyBytes
		case hasMethods(ft) || ft == numberType:
			return nil
		case ft.Kind() == reflect.Struct:
			sub := deriveStruct(ft, path)
			if sub == nil {
				return nil
			}
			df.Kind, df.Struct = KStruct, sub
		case ft.Kind() == reflect.Interface:
			if ft.NumMethod() != 0 {
				return nil
			}
			df.Kind = KAny
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Uint8 && !hasMethods(ft.Elem()):
			df.Kind, df.Dec, df.Enc, df.Empty = KFunc, decodeBytes, appendBytes, emptyBytes
		case ft.Kind() == reflect.Slice && ft.Elem() == reflect.TypeFor[string]():
			df.Kind, df.Dec, df.Enc, df.Empty = KFunc, decodeStrings, appendStrings, emptyStrings
		case ft.Kind() == reflect.Slice && ft.Elem() == reflect.TypeFor[any]():
			df.Kind, df.Dec, df.Enc, df.Empty = KFunc, decodeAnys, appendAnys, emptyAnys
		case ft.Kind() == reflect.Map && ft.Key() == reflect.TypeFor[string]() && ft.Elem() == reflect.TypeFor[string]():
			df.Kind, df.Dec, df.Enc, df.Empty = KFunc, decodeStringMap, appendStringMap, emptyStringMap
		case ft.Kind() == reflect.Map && ft.Key() == reflect.TypeFor[string]() && ft.Elem() == reflect.TypeFor[any]():
			df.Kind, df.Dec, df.Enc, df.Empty = KFunc, decodeAnyMap, appendAnyMap, emptyAnyMap
		default:
			k, ok := basicKinds[ft.Kind()]
			if !ok {
				return nil
			}
			df.Kind = k
		}
		s.Fields = append(s.Fields, df)
	}
	return s
}

type derivedField struct {
	name      string
	tagged    bool
	index     []int
	typ       reflect.Type
	off       uintptr
	omitEmpty bool
}

// typeFields is encoding/json's typeFields for the shapes Derive accepts:
// embedded pointers and the `string` and omitzero options are refused.
func typeFields(t reflect.Type) ([]derivedField, bool) {
	type level struct {
		typ   reflect.Type
		index []int
		off   uintptr
	}
	current := []level{}
	next := []level{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	var fields []derivedField
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				if sf.Anonymous {
					ft := sf.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !isValidTag(name) {
					name = ""
				}
				omitEmpty := false
				for _, o := range strings.Split(opts, ",") {
					switch o {
					case "omitempty":
						omitEmpty = true
					case "string", "omitzero":
						return nil, false
					}
				}
				index := append(slices.Clone(f.index), i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					fl := derivedField{name: name, tagged: tagged, index: index, typ: sf.Type, off: f.off + sf.Offset, omitEmpty: omitEmpty}
					fields = append(fields, fl)
					if count[f.typ] > 1 {
						fields = append(fields, fl)
					}
					continue
				}
				if sf.Type.Kind() == reflect.Pointer {
					return nil, false // embedded pointer: allocation on decode
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, level{typ: ft, index: index, off: f.off + sf.Offset})
				}
			}
		}
	}
	slices.SortFunc(fields, func(a, b derivedField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		fi := fields[i]
		for advance = 1; i+advance < len(fields); advance++ {
			if fields[i+advance].name != fi.name {
				break
			}
		}
		if advance == 1 {
			out = append(out, fi)
			continue
		}
		if dom := fields[i : i+advance]; len(dom[0].index) != len(dom[1].index) || dom[0].tagged != dom[1].tagged {
			out = append(out, dom[0])
		}
	}
	fields = out
	slices.SortFunc(fields, func(a, b derivedField) int { return slices.Compare(a.index, b.index) })
	return fields, true
}

// isValidTag is encoding/json's rule for usable tag names.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func htmlEscape(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '<' || c == '>' || c == '&' {
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

// The field functions of the types Derive handles besides basic kinds.

func decodeTime(d *Decoder, p unsafe.Pointer) bool {
	raw, ok := d.Raw()
	return ok && (*time.Time)(p).UnmarshalJSON(raw) == nil
}

func appendTime(b []byte, p unsafe.Pointer, _ bool) ([]byte, bool) {
	return AppendTime(b, *(*time.Time)(p))
}

func decodeRawMessage(d *Decoder, p unsafe.Pointer) bool {
	raw, ok := d.Raw()
	return ok && (*json.RawMessage)(p).UnmarshalJSON(raw) == nil
}

func appendRawMessage(b []byte, p unsafe.Pointer, esc bool) ([]byte, bool) {
	m := *(*json.RawMessage)(p)
	if m == nil {
		return append(b, "null"...), true
	}
	return AppendMarshaled(b, m, esc)
}

func emptyBytes(p unsafe.Pointer) bool { return len(*(*[]byte)(p)) == 0 }

func decodeBytes(d *Decoder, p unsafe.Pointer) bool { return d.Bytes((*[]byte)(p)) }

func appendBytes(b []byte, p unsafe.Pointer, _ bool) ([]byte, bool) {
	if v := *(*[]byte)(p); v != nil {
		return AppendBase64(b, v), true
	}
	return append(b, "null"...), true
}

func emptyStrings(p unsafe.Pointer) bool { return len(*(*[]string)(p)) == 0 }

func decodeStrings(d *Decoder, p unsafe.Pointer) bool {
	v := (*[]string)(p)
	switch d.Peek() {
	case 'n':
		if !d.Null() {
			return false
		}
		*v = nil
		return true
	case '[':
	default:
		return false
	}
	if !d.Open() {
		return false
	}
	s := (*v)[:0]
	for i := 0; ; i++ {
		st := d.Next(i, ']')
		if st == Fail {
			return false
		}
		if st == Done {
			break
		}
		if len(s) < cap(s) { // reuse elements as encoding/json does
			s = s[:len(s)+1]
		} else {
			s = append(s, "")
		}
		if !d.String(&s[len(s)-1]) {
			return false
		}
	}
	if len(s) == 0 {
		s = make([]string, 0)
	}
	*v = s
	return true
}

func appendStrings(b []byte, p unsafe.Pointer, esc bool) ([]byte, bool) {
	return AppendAny(b, *(*[]string)(p), esc)
}

func emptyAnys(p unsafe.Pointer) bool { return len(*(*[]any)(p)) == 0 }

func decodeAnys(d *Decoder, p unsafe.Pointer) bool {
	v := (*[]any)(p)
	switch d.Peek() {
	case 'n':
		if !d.Null() {
			return false
		}
		*v = nil
		return true
	case '[':
	default:
		return false
	}
	if !d.Open() {
		return false
	}
	s := (*v)[:0]
	for i := 0; ; i++ {
		st := d.Next(i, ']')
		if st == Fail {
			return false
		}
		if st == Done {
			break
		}
		if len(s) < cap(s) {
			s = s[:len(s)+1]
		} else {
			s = append(s, nil)
		}
		if !d.Any(&s[len(s)-1]) {
			return false
		}
	}
	if len(s) == 0 {
		s = make([]any, 0)
	}
	*v = s
	return true
}

func appendAnys(b []byte, p unsafe.Pointer, esc bool) ([]byte, bool) {
	return AppendAny(b, *(*[]any)(p), esc)
}

func emptyStringMap(p unsafe.Pointer) bool { return len(*(*map[string]string)(p)) == 0 }

func decodeStringMap(d *Decoder, p unsafe.Pointer) bool {
	v := (*map[string]string)(p)
	switch d.Peek() {
	case 'n':
		if !d.Null() {
			return false
		}
		*v = nil
		return true
	case '{':
	default:
		return false
	}
	if !d.Open() {
		return false
	}
	if *v == nil {
		*v = make(map[string]string)
	}
	m := *v
	for i := 0; ; i++ {
		kb, st := d.Key(i)
		if st == Fail {
			return false
		}
		if st == Done {
			return true
		}
		k := d.Str(kb)
		var e string
		if !d.String(&e) {
			return false
		}
		m[k] = e
	}
}

func appendStringMap(b []byte, p unsafe.Pointer, esc bool) ([]byte, bool) {
	return AppendAny(b, *(*map[string]string)(p), esc)
}

func emptyAnyMap(p unsafe.Pointer) bool { return len(*(*map[string]any)(p)) == 0 }

func decodeAnyMap(d *Decoder, p unsafe.Pointer) bool {
	v := (*map[string]any)(p)
	switch d.Peek() {
	case 'n':
		if !d.Null() {
			return false
		}
		*v = nil
		return true
	case '{':
	default:
		return false
	}
	if !d.Open() {
		return false
	}
	if *v == nil {
		*v = make(map[string]any)
	}
	m := *v
	for i := 0; ; i++ {
		kb, st := d.Key(i)
		if st == Fail {
			return false
		}
		if st == Done {
			return true
		}
		k := d.Str(kb)
		var e any
		if !d.Any(&e) {
			return false
		}
		m[k] = e
	}
}

func appendAnyMap(b []byte, p unsafe.Pointer, esc bool) ([]byte, bool) {
	return AppendAny(b, *(*map[string]any)(p), esc)
}
