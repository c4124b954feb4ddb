package jsoncodec

import (
	"strconv"
	"sync"
	"unsafe"
)

// Kind says how a struct field is decoded and encoded: directly by the
// struct walker for the common kinds, or by the field's Dec and Enc
// functions (generated per type) for KFunc.
type Kind uint8

// Field kinds. The basic kinds cover named types of the same underlying
// kind too: their memory is laid out alike.
const (
	KString Kind = iota
	KBool
	KInt
	KInt8
	KInt16
	KInt32
	KInt64
	KUint
	KUint8
	KUint16
	KUint32
	KUint64
	KUintptr
	KFloat32
	KFloat64
	KAny    // interface{}
	KStruct // Struct
	KFunc   // Dec, Enc (and Empty for omitempty)
)

// Field is one JSON member of a struct, as encoding/json's typeFields
// finds it (promoted fields included, hidden ones left out).
type Field struct {
	Name    string  // JSON name
	Fold    string  // folded name; "" if an earlier field folds alike
	Off     uintptr // offset from the start of the outer struct
	Kind    Kind
	Omit    bool   // omitempty
	Key     string // `"name":`
	KeyHTML string // `"name":` with <, > and & escaped
	Struct  *Struct
	Dec     func(d *Decoder, p unsafe.Pointer) bool
	Enc     func(b []byte, p unsafe.Pointer, escapeHTML bool) ([]byte, bool)
	Empty   func(p unsafe.Pointer) bool // omitempty's test for KFunc; nil: never empty
}

// Struct describes a struct type's JSON members in field order. Generated
// code declares one per struct type as static data, which costs far less
// WebAssembly than a generated function per struct.
type Struct struct {
	Fields []Field
}

// StructCodec returns the Codec of a struct type described by s.
func StructCodec(s *Struct) Codec {
	return Codec{
		Decode: func(data []byte, p unsafe.Pointer) bool {
			d := getDecoder(data)
			ok := DecodeStruct(d, p, s) && d.End()
			putDecoder(d)
			return ok
		},
		Append: func(dst []byte, p unsafe.Pointer, escapeHTML bool) ([]byte, bool) {
			if b, ok := AppendStruct(dst, p, s, escapeHTML); ok {
				return b, true
			}
			return dst, false
		},
	}
}

// decoders recycles Decoders: one escapes to the heap (field functions
// are called through pointers), and in WebAssembly an allocation costs
// more than the pool.
var decoders = sync.Pool{New: func() any { return new(Decoder) }}

func getDecoder(data []byte) *Decoder {
	d := decoders.Get().(*Decoder)
	d.data = data
	return d
}

func putDecoder(d *Decoder) {
	scratch := d.scratch[:0]
	if cap(scratch) > 64<<10 {
		scratch = nil // do not keep a huge buffer alive
	}
	*d = Decoder{scratch: scratch}
	decoders.Put(d)
}

// field finds the index of the member a key names, or -1: the exact name
// first, then the first field with the same folded name, as encoding/json
// does. Members usually arrive in field order (AWS's and encoding/json's
// order), so the field after the previous match is tried first.
func (s *Struct) field(k []byte, next int) int {
	if next < len(s.Fields) && s.Fields[next].Name == string(k) {
		return next
	}
	for i := range s.Fields {
		if n := s.Fields[i].Name; len(n) == len(k) && n[0] == k[0] && n == string(k) {
			return i
		}
	}
	var buf [64]byte
	fk := Fold(buf[:0], k)
	for i := range s.Fields {
		if f := &s.Fields[i]; f.Fold != "" && len(f.Fold) == len(fk) && f.Fold == string(fk) {
			return i
		}
	}
	return -1
}

// DecodeStruct decodes an object (or null, which changes nothing) into
// the struct at p: known members by their field's kind, others skipped.
func DecodeStruct(d *Decoder, p unsafe.Pointer, s *Struct) bool {
	switch d.Peek() {
	case 'n':
		return d.Null()
	case '{':
	default:
		return false
	}
	if !d.Open() {
		return false
	}
	next := 0
	for i := 0; ; i++ {
		k, st := d.Key(i)
		if st != More {
			return st == Done
		}
		fi := s.field(k, next)
		if fi < 0 {
			if !d.Skip() {
				return false
			}
			continue
		}
		next = fi + 1
		f := &s.Fields[fi]
		fp := unsafe.Add(p, f.Off)
		if f.Kind == KString {
			if !d.String((*string)(fp)) {
				return false
			}
		} else if !decodeField(d, fp, f) {
			return false
		}
	}
}

func decodeField(d *Decoder, fp unsafe.Pointer, f *Field) bool {
	switch f.Kind {
	case KString:
		return d.String((*string)(fp))
	case KBool:
		return d.Bool((*bool)(fp))
	case KInt:
		return Int(d, (*int)(fp))
	case KInt8:
		return Int(d, (*int8)(fp))
	case KInt16:
		return Int(d, (*int16)(fp))
	case KInt32:
		return Int(d, (*int32)(fp))
	case KInt64:
		return Int(d, (*int64)(fp))
	case KUint:
		return Uint(d, (*uint)(fp))
	case KUint8:
		return Uint(d, (*uint8)(fp))
	case KUint16:
		return Uint(d, (*uint16)(fp))
	case KUint32:
		return Uint(d, (*uint32)(fp))
	case KUint64:
		return Uint(d, (*uint64)(fp))
	case KUintptr:
		return Uint(d, (*uintptr)(fp))
	case KFloat32:
		return Float(d, (*float32)(fp), 32)
	case KFloat64:
		return Float(d, (*float64)(fp), 64)
	case KAny:
		return d.Any((*any)(fp))
	case KStruct:
		return DecodeStruct(d, fp, f.Struct)
	case KFunc:
		return f.Dec(d, fp)
	}
	return false
}

// empty is encoding/json's omitempty test.
func (f *Field) empty(fp unsafe.Pointer) bool {
	switch f.Kind {
	case KString:
		return len(*(*string)(fp)) == 0
	case KBool:
		return !*(*bool)(fp)
	case KInt:
		return *(*int)(fp) == 0
	case KInt8:
		return *(*int8)(fp) == 0
	case KInt16:
		return *(*int16)(fp) == 0
	case KInt32:
		return *(*int32)(fp) == 0
	case KInt64:
		return *(*int64)(fp) == 0
	case KUint:
		return *(*uint)(fp) == 0
	case KUint8:
		return *(*uint8)(fp) == 0
	case KUint16:
		return *(*uint16)(fp) == 0
	case KUint32:
		return *(*uint32)(fp) == 0
	case KUint64:
		return *(*uint64)(fp) == 0
	case KUintptr:
		return *(*uintptr)(fp) == 0
	case KFloat32:
		return *(*float32)(fp) == 0
	case KFloat64:
		return *(*float64)(fp) == 0
	case KAny:
		return *(*any)(fp) == nil
	case KFunc:
		return f.Empty != nil && f.Empty(fp)
	}
	return false // structs are never empty
}

// AppendStruct appends the struct at p as encoding/json does for a value
// that is not addressable.
func AppendStruct(b []byte, p unsafe.Pointer, s *Struct, escapeHTML bool) ([]byte, bool) {
	sep := byte('{')
	for i := range s.Fields {
		f := &s.Fields[i]
		fp := unsafe.Add(p, f.Off)
		if f.Omit && f.empty(fp) {
			continue
		}
		b = append(b, sep)
		sep = ','
		if escapeHTML {
			b = append(b, f.KeyHTML...)
		} else {
			b = append(b, f.Key...)
		}
		var ok bool
		if b, ok = appendField(b, fp, f, escapeHTML); !ok {
			return b, false
		}
	}
	if sep == '{' {
		b = append(b, '{')
	}
	return append(b, '}'), true
}

func appendField(b []byte, fp unsafe.Pointer, f *Field, esc bool) ([]byte, bool) {
	switch f.Kind {
	case KString:
		return AppendString(b, *(*string)(fp), esc), true
	case KBool:
		return AppendBool(b, *(*bool)(fp)), true
	case KInt:
		return strconv.AppendInt(b, int64(*(*int)(fp)), 10), true
	case KInt8:
		return strconv.AppendInt(b, int64(*(*int8)(fp)), 10), true
	case KInt16:
		return strconv.AppendInt(b, int64(*(*int16)(fp)), 10), true
	case KInt32:
		return strconv.AppendInt(b, int64(*(*int32)(fp)), 10), true
	case KInt64:
		return strconv.AppendInt(b, *(*int64)(fp), 10), true
	case KUint:
		return strconv.AppendUint(b, uint64(*(*uint)(fp)), 10), true
	case KUint8:
		return strconv.AppendUint(b, uint64(*(*uint8)(fp)), 10), true
	case KUint16:
		return strconv.AppendUint(b, uint64(*(*uint16)(fp)), 10), true
	case KUint32:
		return strconv.AppendUint(b, uint64(*(*uint32)(fp)), 10), true
	case KUint64:
		return strconv.AppendUint(b, *(*uint64)(fp), 10), true
	case KUintptr:
		return strconv.AppendUint(b, uint64(*(*uintptr)(fp)), 10), true
	case KFloat32:
		return AppendFloat(b, float64(*(*float32)(fp)), 32)
	case KFloat64:
		return AppendFloat(b, *(*float64)(fp), 64)
	case KAny:
		return AppendAny(b, *(*any)(fp), esc)
	case KStruct:
		return AppendStruct(b, fp, f.Struct, esc)
	case KFunc:
		return f.Enc(b, fp, esc)
	}
	return b, false
}
