package wirejson

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The direct codec: Go values straight to JSON bytes and JSON bytes straight
// to Go values, with no intermediate tree and no encoding/json on the way.
// Guest code runs as WebAssembly, where every allocation and reflective
// call of the tree codec costs several times what it does natively, and a
// DynamoDB call is made on nearly every warm invocation.
//
// It produces exactly what the tree codec (ToTree + encoding/json,
// Parse + FromTree) produces; whenever it meets something it does not
// handle — an error of any kind, an unusual type — it gives up and the
// tree codec runs instead, so errors keep their wording and the rare paths
// keep one implementation. FuzzDirectMatchesTree holds the two together.

// errGiveUp makes the direct codec hand the value to the tree codec.
var errGiveUp = errors.New("wirejson: direct codec gives up")

// AppendString appends s as a JSON string, escaped exactly as
// encoding/json escapes with HTML escaping off.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// marshalDirect appends the wire JSON of the struct v.
func (c *Codec) marshalDirect(dst []byte, v reflect.Value) ([]byte, error) {
	if v.Kind() != reflect.Struct || v.Type() == timeType {
		return nil, errGiveUp
	}
	return c.appendValue(dst, v)
}

// treeNil reports whether ToTree gives v a nil tree (written as null).
func treeNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid:
		return true
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// present reports whether ToTree counts v as present on the wire.
func (c *Codec) present(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return !v.IsNil()
	case reflect.Struct:
		return true
	case reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0 // NaN and the infinities are sent too
	}
	return false
}

// appendValue appends the JSON that encoding/json writes for ToTree(v).
func (c *Codec) appendValue(dst []byte, v reflect.Value) ([]byte, error) {
	if treeNil(v) {
		return append(dst, "null"...), nil
	}
	if c.directKinds&(1<<v.Kind()) != 0 {
		if dt, ok := c.direct[v.Type()]; ok {
			return dt.Append(dst, v)
		}
	}
	if len(c.unions) > 0 && v.Kind() == reflect.Interface {
		if u, ok := c.unions[v.Type()]; ok {
			if u.Append == nil {
				return nil, errGiveUp
			}
			return u.Append(dst, v.Interface())
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return c.appendValue(dst, v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			return append(dst, epochSeconds(v.Interface().(time.Time))...), nil
		}
		dst = append(dst, '{')
		first := true
		for _, f := range infoOf(v.Type()).sorted {
			fv := v.Field(f.index)
			if !c.present(fv) && !(f.always && !treeNil(fv)) {
				if !c.encodable(fv) {
					return nil, errGiveUp
				}
				continue
			}
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = append(dst, f.quoted...)
			var err error
			if dst, err = c.appendValue(dst, fv); err != nil {
				return nil, err
			}
		}
		return append(dst, '}'), nil
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return nil, errGiveUp
		}
		type entry struct {
			k string
			v reflect.Value
		}
		entries := make([]entry, 0, v.Len())
		it := v.MapRange()
		for it.Next() {
			entries = append(entries, entry{it.Key().String(), it.Value()})
		}
		if len(entries) > 1 {
			slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.k, b.k) })
		}
		dst = append(dst, '{')
		first := true
		for _, e := range entries {
			if !c.present(e.v) {
				if !c.encodable(e.v) {
					return nil, errGiveUp
				}
				continue
			}
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = AppendString(dst, e.k)
			dst = append(dst, ':')
			var err error
			if dst, err = c.appendValue(dst, e.v); err != nil {
				return nil, err
			}
		}
		return append(dst, '}'), nil
	case reflect.Slice:
		if v.Type() == bytesType {
			return appendBase64(dst, v.Bytes()), nil
		}
		dst = append(dst, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				dst = append(dst, ',')
			}
			ev := v.Index(i)
			var err error
			if !c.present(ev) {
				if !c.encodable(ev) {
					return nil, errGiveUp
				}
				dst = append(dst, "null"...)
				continue
			}
			if dst, err = c.appendValue(dst, ev); err != nil {
				return nil, err
			}
		}
		return append(dst, ']'), nil
	case reflect.String:
		return AppendString(dst, v.String()), nil
	case reflect.Bool:
		return strconv.AppendBool(dst, v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(dst, v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(dst, v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return append(dst, `"NaN"`...), nil
		case math.IsInf(f, 1):
			return append(dst, `"Infinity"`...), nil
		case math.IsInf(f, -1):
			return append(dst, `"-Infinity"`...), nil
		}
		return strconv.AppendFloat(dst, f, 'g', -1, 64), nil
	}
	return nil, errGiveUp
}

// encodable reports whether a value left off the wire would still have
// encoded without error (ToTree visits absent members too, and fails on
// the kinds it cannot encode even when they are zero).
func (c *Codec) encodable(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Struct:
		return true
	}
	return false
}

var base64Std = base64.StdEncoding

func appendBase64(dst []byte, b []byte) []byte {
	dst = append(dst, '"')
	dst = base64Std.AppendEncode(dst, b)
	return append(dst, '"')
}

// Decoder reads one JSON document value by value. Union hooks use it to
// read their members; it validates as it goes, and any error it returns
// (syntax or not) sends the whole document to the tree codec.
type Decoder struct {
	data  []byte
	pos   int
	depth int
}

// NewDecoder returns a Decoder reading data.
func NewDecoder(data []byte) *Decoder { return &Decoder{data: data} }

// maxDepth matches encoding/json's nesting limit.
const maxDepth = 10000

// ErrSyntax is returned for input the Decoder cannot read.
var ErrSyntax = errors.New("wirejson: syntax error")

func (d *Decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// Peek returns the first byte of the next value ('{', '[', '"', 't', 'f',
// 'n', '-' or a digit), or 0 at the end of the input.
func (d *Decoder) Peek() byte {
	d.ws()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

// Null consumes a null and reports whether there was one.
func (d *Decoder) Null() bool {
	if d.Peek() == 'n' && len(d.data)-d.pos >= 4 && string(d.data[d.pos:d.pos+4]) == "null" {
		d.pos += 4
		return true
	}
	return false
}

// Object reads an object, calling member for each member name; member
// must read the member's value.
func (d *Decoder) Object(member func(name string) error) error {
	if d.Peek() != '{' {
		return ErrSyntax
	}
	if d.depth++; d.depth > maxDepth {
		return ErrSyntax
	}
	d.pos++
	if d.Peek() == '}' {
		d.pos++
		d.depth--
		return nil
	}
	for {
		if d.Peek() != '"' {
			return ErrSyntax
		}
		name, err := d.String()
		if err != nil {
			return err
		}
		if d.Peek() != ':' {
			return ErrSyntax
		}
		d.pos++
		if err := member(name); err != nil {
			return err
		}
		switch d.Peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			d.depth--
			return nil
		default:
			return ErrSyntax
		}
	}
}

// Array reads an array, calling elem for each element; elem must read the
// element's value.
func (d *Decoder) Array(elem func(i int) error) error {
	if d.Peek() != '[' {
		return ErrSyntax
	}
	if d.depth++; d.depth > maxDepth {
		return ErrSyntax
	}
	d.pos++
	if d.Peek() == ']' {
		d.pos++
		d.depth--
		return nil
	}
	for i := 0; ; i++ {
		if err := elem(i); err != nil {
			return err
		}
		switch d.Peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			d.depth--
			return nil
		default:
			return ErrSyntax
		}
	}
}

// String reads a string.
func (d *Decoder) String() (string, error) {
	if d.Peek() != '"' {
		return "", ErrSyntax
	}
	start := d.pos
	d.pos++
	simple := true
	for d.pos < len(d.data) {
		b := d.data[d.pos]
		switch {
		case b == '"':
			d.pos++
			if simple {
				return string(d.data[start+1 : d.pos-1]), nil
			}
			var s string
			if err := json.Unmarshal(d.data[start:d.pos], &s); err != nil {
				return "", ErrSyntax
			}
			return s, nil
		case b == '\\':
			simple = false
			d.pos += 2
		case b < 0x20:
			return "", ErrSyntax
		case b >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				simple = false
			}
			d.pos += size
		default:
			d.pos++
		}
	}
	return "", ErrSyntax
}

// Number reads a number and returns its text.
func (d *Decoder) Number() (string, error) {
	d.ws()
	start := d.pos
	p := d.pos
	data := d.data
	if p < len(data) && data[p] == '-' {
		p++
	}
	switch {
	case p < len(data) && data[p] == '0':
		p++
	case p < len(data) && data[p] >= '1' && data[p] <= '9':
		for p < len(data) && data[p] >= '0' && data[p] <= '9' {
			p++
		}
	default:
		return "", ErrSyntax
	}
	if p < len(data) && data[p] == '.' {
		p++
		if p >= len(data) || data[p] < '0' || data[p] > '9' {
			return "", ErrSyntax
		}
		for p < len(data) && data[p] >= '0' && data[p] <= '9' {
			p++
		}
	}
	if p < len(data) && (data[p] == 'e' || data[p] == 'E') {
		p++
		if p < len(data) && (data[p] == '+' || data[p] == '-') {
			p++
		}
		if p >= len(data) || data[p] < '0' || data[p] > '9' {
			return "", ErrSyntax
		}
		for p < len(data) && data[p] >= '0' && data[p] <= '9' {
			p++
		}
	}
	d.pos = p
	return string(data[start:p]), nil
}

// Bool reads true or false.
func (d *Decoder) Bool() (bool, error) {
	switch d.Peek() {
	case 't':
		if len(d.data)-d.pos >= 4 && string(d.data[d.pos:d.pos+4]) == "true" {
			d.pos += 4
			return true, nil
		}
	case 'f':
		if len(d.data)-d.pos >= 5 && string(d.data[d.pos:d.pos+5]) == "false" {
			d.pos += 5
			return false, nil
		}
	}
	return false, ErrSyntax
}

// Skip reads and discards one value.
func (d *Decoder) Skip() error {
	switch d.Peek() {
	case '{':
		return d.Object(func(string) error { return d.Skip() })
	case '[':
		return d.Array(func(int) error { return d.Skip() })
	case '"':
		_, err := d.String()
		return err
	case 't', 'f':
		_, err := d.Bool()
		return err
	case 'n':
		if d.Null() {
			return nil
		}
		return ErrSyntax
	}
	_, err := d.Number()
	return err
}

// unmarshalDirect decodes data into out (a non-nil pointer).
func (c *Codec) unmarshalDirect(data []byte, out reflect.Value) error {
	d := &Decoder{data: data}
	if d.Null() {
		return nil
	}
	return c.decodeValue(d, out.Elem())
}

// decodeValue reads one value into v, as FromTree stores its tree.
func (c *Codec) decodeValue(d *Decoder, v reflect.Value) error {
	if d.Null() {
		return nil
	}
	if c.directKinds&(1<<v.Kind()) != 0 {
		if dt, ok := c.direct[v.Type()]; ok {
			return dt.Decode(d, v)
		}
	}
	if len(c.unions) > 0 && v.Kind() == reflect.Interface {
		if u, ok := c.unions[v.Type()]; ok {
			if u.DecodeJSON == nil {
				return errGiveUp
			}
			val, err := u.DecodeJSON(d)
			if err != nil {
				return err
			}
			if val != nil {
				v.Set(reflect.ValueOf(val))
			}
			return nil
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := c.decodeValue(d, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Struct:
		if v.Type() == timeType {
			var tree any
			if d.Peek() == '"' {
				s, err := d.String()
				if err != nil {
					return err
				}
				tree = s
			} else {
				n, err := d.Number()
				if err != nil {
					return err
				}
				tree = json.Number(n)
			}
			t, err := parseTime(tree)
			if err != nil {
				return err
			}
			v.Set(reflect.ValueOf(t))
			return nil
		}
		info := infoOf(v.Type())
		return d.Object(func(name string) error {
			i, ok := info.byName[name]
			if !ok {
				if _, ok := info.member(name); ok {
					// Matched ignoring case ("message" in error bodies):
					// the tree codec decides, as when "message" and
					// "Message" are both there.
					return errGiveUp
				}
				return d.Skip()
			}
			return c.decodeValue(d, v.Field(i))
		})
	case reflect.Map:
		if d.Peek() != '{' {
			return errGiveUp
		}
		t := v.Type()
		if t.Key().Kind() != reflect.String {
			return errGiveUp
		}
		m := reflect.MakeMap(t)
		et, kt := t.Elem(), t.Key()
		stringKeys := kt == reflect.TypeFor[string]()
		err := d.Object(func(name string) error {
			ev := reflect.New(et).Elem()
			if err := c.decodeValue(d, ev); err != nil {
				return err
			}
			kv := reflect.ValueOf(name)
			if !stringKeys {
				kv = kv.Convert(kt)
			}
			m.SetMapIndex(kv, ev)
			return nil
		})
		if err != nil {
			return err
		}
		v.Set(m)
		return nil
	case reflect.Slice:
		if v.Type() == bytesType {
			s, err := d.String()
			if err != nil {
				return err
			}
			b, err := base64Std.DecodeString(s)
			if err != nil {
				return err
			}
			v.SetBytes(b)
			return nil
		}
		if d.Peek() != '[' {
			return errGiveUp
		}
		t := v.Type()
		s := reflect.MakeSlice(t, 0, 4)
		err := d.Array(func(i int) error {
			s = reflect.Append(s, reflect.Zero(t.Elem()))
			return c.decodeValue(d, s.Index(i))
		})
		if err != nil {
			return err
		}
		v.Set(s)
		return nil
	case reflect.String:
		s, err := d.String()
		if err != nil {
			return err
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		b, err := d.Bool()
		if err != nil {
			return err
		}
		v.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := d.Number()
		if err != nil {
			return err
		}
		i, err := strconv.ParseInt(n, 10, 64)
		if err != nil || v.OverflowInt(i) {
			return errGiveUp
		}
		v.SetInt(i)
		return nil
	case reflect.Float32, reflect.Float64:
		var tree any
		if d.Peek() == '"' { // "NaN", "Infinity", "-Infinity"
			s, err := d.String()
			if err != nil {
				return err
			}
			tree = s
		} else {
			n, err := d.Number()
			if err != nil {
				return err
			}
			tree = json.Number(n)
		}
		f, err := parseFloat(tree)
		if err != nil {
			return err
		}
		v.SetFloat(f)
		return nil
	}
	return errGiveUp
}

// sortedFields lists fields in wire-name order, the order encoding/json
// writes the keys of the tree codec's objects.
func sortedFields(fields []fieldInfo) []fieldInfo {
	s := slices.Clone(fields)
	slices.SortStableFunc(s, func(a, b fieldInfo) int { return strings.Compare(a.name, b.name) })
	// Two fields with one wire name: the tree keeps the later one.
	out := s[:0]
	for i, f := range s {
		if i+1 < len(s) && s[i+1].name == f.name {
			continue
		}
		out = append(out, f)
	}
	return out
}

// CompareDirect decodes data into a and b (pointers to zero values of one
// type) with the direct and the tree codec, re-encodes b with both
// encoders, and describes the first difference, or returns nil. Services'
// tests use it to hold their union and direct hooks to the tree codec.
func (c *Codec) CompareDirect(data []byte, a, b any) error {
	treeErr := c.unmarshalTree(data, b)
	directErr := c.unmarshalDirect(data, reflect.ValueOf(a))
	switch {
	case directErr == nil && treeErr != nil:
		return fmt.Errorf("direct decoder accepts what the tree decoder rejects (%v)", treeErr)
	case treeErr != nil:
		return nil
	case directErr == nil && !reflect.DeepEqual(a, b):
		// NaN is not DeepEqual to itself: compare encodings.
		ea, _ := c.marshalTree(reflect.ValueOf(a).Elem())
		eb, _ := c.marshalTree(reflect.ValueOf(b).Elem())
		if !bytes.Equal(ea, eb) {
			return fmt.Errorf("decoders differ:\ndirect %s\ntree   %s", ea, eb)
		}
	}
	v := reflect.ValueOf(b).Elem()
	want, treeErr := c.marshalTree(v)
	got, directErr := c.marshalDirect(nil, v)
	switch {
	case directErr != nil:
		return nil
	case treeErr != nil:
		return fmt.Errorf("direct encoder accepts what the tree encoder rejects (%v)", treeErr)
	case !bytes.Equal(got, want):
		return fmt.Errorf("encoders differ:\ndirect %s\ntree   %s", got, want)
	}
	return nil
}
