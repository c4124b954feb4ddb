// Package wirejson converts the guest clients' Input/Output structs to and
// from the AWS JSON protocols (awsJson1_0 and awsJson1_1) by reflection.
//
// Those protocols name every member exactly as the SDK names the Go field,
// so one set of rules covers every operation:
//   - a nil pointer, map, slice or interface, an empty enum string and a
//     zero non-pointer number or bool are left out; an empty but non-nil
//     map or slice is sent (as {} or []), as the real SDK does;
//   - []byte is base64; time.Time is epoch seconds;
//   - interface-typed members (unions such as DynamoDB's AttributeValue)
//     are handled by Union hooks supplied by the service package;
//   - the ResultMetadata field of outputs is never on the wire;
//   - a struct tag `wire:"name,always"` renames a member whose wire name
//     differs from the field (SQS's CreateQueue sends Tags as "tags"), and
//     with "always" sends it even when zero: the SDK always writes
//     required non-pointer members (SQS's VisibilityTimeout).
//
// Decoding matches members to fields by exact name, then case-insensitively
// (error bodies say "message" for the Message field), and ignores members
// it does not know, as the SDK does.
package wirejson

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Union converts values of one interface type to and from their JSON form.
// Encode receives a non-nil interface value; Decode the member's decoded
// JSON (objects are map[string]any, arrays []any, numbers json.Number).
// Append and DecodeJSON are the same conversions for the direct codec
// (fast.go): Append writes the JSON encoding/json would write for
// Encode's tree, DecodeJSON reads a non-null value from the Decoder and
// returns what Decode would, or an error to let the tree codec decide.
// Without them values of the union go through the tree codec.
type Union struct {
	Type       reflect.Type
	Encode     func(v any) (any, error)
	Decode     func(tree any) (any, error)
	Append     func(dst []byte, v any) ([]byte, error)
	DecodeJSON func(d *Decoder) (any, error)
}

// Codec encodes and decodes wire JSON with a set of union hooks.
type Codec struct {
	unions map[reflect.Type]Union
	direct map[reflect.Type]Direct
	// directKinds has bit 1<<k set when a Direct type is of kind k, so
	// values of other kinds skip the map lookup.
	directKinds uint32
}

// Direct converts values of one type (a service's hottest, such as
// DynamoDB's item maps) for the direct codec without reflection. Append
// must write what the tree codec writes for the value (which is never a
// nil or absent one: the codec handles those); Decode reads a non-null
// value into v, or returns an error to let the tree codec decide.
type Direct struct {
	Type   reflect.Type
	Append func(dst []byte, v reflect.Value) ([]byte, error)
	Decode func(d *Decoder, v reflect.Value) error
}

// WithDirect adds direct conversions to c and returns it.
func (c *Codec) WithDirect(ds ...Direct) *Codec {
	if c.direct == nil {
		c.direct = map[reflect.Type]Direct{}
	}
	for _, d := range ds {
		c.direct[d.Type] = d
		c.directKinds |= 1 << d.Type.Kind()
	}
	return c
}

// New returns a Codec that knows the given unions.
func New(unions ...Union) *Codec {
	c := &Codec{unions: map[reflect.Type]Union{}}
	for _, u := range unions {
		c.unions[u.Type] = u
	}
	return c
}

var (
	timeType  = reflect.TypeOf(time.Time{})
	bytesType = reflect.TypeOf([]byte(nil))
)

// Marshal encodes an input struct (or pointer to one) as wire JSON. A nil
// input encodes as {}.
func (c *Codec) Marshal(in any) ([]byte, error) {
	v := reflect.ValueOf(in)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return []byte("{}"), nil
		}
		v = v.Elem()
	}
	if b, err := c.marshalDirect(make([]byte, 0, 256), v); err == nil {
		return b, nil
	}
	return c.marshalTree(v)
}

// marshalTree is Marshal by way of ToTree and encoding/json.
func (c *Codec) marshalTree(v reflect.Value) ([]byte, error) {
	tree, _, err := c.ToTree(v)
	if err != nil {
		return nil, err
	}
	if tree == nil {
		return []byte("{}"), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tree); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// ToTree converts v to its JSON tree. present is false when the value is
// absent on the wire (nil, or a zero scalar/enum).
func (c *Codec) ToTree(v reflect.Value) (tree any, present bool, err error) {
	if !v.IsValid() {
		return nil, false, nil
	}
	if u, ok := c.unions[v.Type()]; ok {
		if v.IsNil() {
			return nil, false, nil
		}
		t, err := u.Encode(v.Interface())
		return t, err == nil, err
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil, false, nil
		}
		t, _, err := c.ToTree(v.Elem())
		// A pointer to a zero value is still sent: the caller set it.
		return t, err == nil, err
	case reflect.Struct:
		if v.Type() == timeType {
			return epochSeconds(v.Interface().(time.Time)), true, nil
		}
		obj := map[string]any{}
		for _, f := range infoOf(v.Type()).fields {
			ft, ok, err := c.ToTree(v.Field(f.index))
			if err != nil {
				return nil, false, fmt.Errorf("%s: %w", f.name, err)
			}
			if ok || (ft != nil && f.always) {
				obj[f.name] = ft
			}
		}
		return obj, true, nil
	case reflect.Map:
		if v.IsNil() {
			return nil, false, nil
		}
		obj := make(map[string]any, v.Len())
		it := v.MapRange()
		for it.Next() {
			et, ok, err := c.ToTree(it.Value())
			if err != nil {
				return nil, false, fmt.Errorf("%v: %w", it.Key(), err)
			}
			if ok {
				obj[it.Key().String()] = et
			}
		}
		return obj, true, nil
	case reflect.Slice:
		if v.IsNil() {
			return nil, false, nil
		}
		if v.Type() == bytesType {
			return base64.StdEncoding.EncodeToString(v.Bytes()), true, nil
		}
		arr := make([]any, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			et, ok, err := c.ToTree(v.Index(i))
			if err != nil {
				return nil, false, fmt.Errorf("[%d]: %w", i, err)
			}
			if ok {
				arr = append(arr, et)
			} else {
				arr = append(arr, nil)
			}
		}
		return arr, true, nil
	case reflect.String:
		return v.String(), v.Len() > 0, nil
	case reflect.Bool:
		return v.Bool(), v.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10)), v.Int() != 0, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return json.Number(strconv.FormatUint(v.Uint(), 10)), v.Uint() != 0, nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return "NaN", true, nil
		case math.IsInf(f, 1):
			return "Infinity", true, nil
		case math.IsInf(f, -1):
			return "-Infinity", true, nil
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), f != 0, nil
	}
	return nil, false, fmt.Errorf("cannot encode %s", v.Type())
}

func epochSeconds(t time.Time) json.Number {
	ms := t.UnixMilli()
	if ms%1000 == 0 {
		return json.Number(strconv.FormatInt(ms/1000, 10))
	}
	return json.Number(strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64))
}

// Unmarshal decodes wire JSON into out, a pointer to an output struct. An
// empty body leaves out unchanged.
func (c *Codec) Unmarshal(data []byte, out any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	ov := reflect.ValueOf(out)
	if ov.Kind() == reflect.Pointer && !ov.IsNil() {
		if err := c.unmarshalDirect(data, ov); err == nil {
			return nil
		}
		// Start again from the zero value: the tree codec decides, with
		// its own error if there is one.
		ov.Elem().SetZero()
	}
	return c.unmarshalTree(data, out)
}

// unmarshalTree is Unmarshal by way of Parse and FromTree.
func (c *Codec) unmarshalTree(data []byte, out any) error {
	tree, err := Parse(data)
	if err != nil {
		return err
	}
	return c.FromTree(tree, reflect.ValueOf(out))
}

// Parse decodes JSON into a tree whose numbers are json.Number.
func Parse(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	return tree, nil
}

// FromTree stores tree into v, which must be settable or a pointer.
func (c *Codec) FromTree(tree any, v reflect.Value) error {
	if tree == nil {
		return nil
	}
	if v.Kind() == reflect.Pointer && !v.CanSet() {
		if v.IsNil() {
			return fmt.Errorf("decode into nil %s", v.Type())
		}
		return c.FromTree(tree, v.Elem())
	}
	if u, ok := c.unions[v.Type()]; ok {
		val, err := u.Decode(tree)
		if err != nil {
			return err
		}
		if val != nil {
			v.Set(reflect.ValueOf(val))
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := c.FromTree(tree, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Struct:
		if v.Type() == timeType {
			t, err := parseTime(tree)
			if err != nil {
				return err
			}
			v.Set(reflect.ValueOf(t))
			return nil
		}
		obj, ok := tree.(map[string]any)
		if !ok {
			return typeErr(tree, v)
		}
		info := infoOf(v.Type())
		for name, mt := range obj {
			i, ok := info.member(name)
			if !ok {
				continue
			}
			if err := c.FromTree(mt, v.Field(i)); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	case reflect.Map:
		obj, ok := tree.(map[string]any)
		if !ok {
			return typeErr(tree, v)
		}
		m := reflect.MakeMapWithSize(v.Type(), len(obj))
		for k, et := range obj {
			ev := reflect.New(v.Type().Elem()).Elem()
			if err := c.FromTree(et, ev); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), ev)
		}
		v.Set(m)
		return nil
	case reflect.Slice:
		if v.Type() == bytesType {
			s, ok := tree.(string)
			if !ok {
				return typeErr(tree, v)
			}
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return fmt.Errorf("base64: %w", err)
			}
			v.SetBytes(b)
			return nil
		}
		arr, ok := tree.([]any)
		if !ok {
			return typeErr(tree, v)
		}
		s := reflect.MakeSlice(v.Type(), len(arr), len(arr))
		for i, et := range arr {
			if err := c.FromTree(et, s.Index(i)); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		v.Set(s)
		return nil
	case reflect.String:
		s, ok := tree.(string)
		if !ok {
			return typeErr(tree, v)
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := tree.(bool)
		if !ok {
			return typeErr(tree, v)
		}
		v.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tree.(json.Number)
		if !ok {
			return typeErr(tree, v)
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || v.OverflowInt(i) {
			return fmt.Errorf("number %s does not fit %s", n, v.Type())
		}
		v.SetInt(i)
		return nil
	case reflect.Float32, reflect.Float64:
		f, err := parseFloat(tree)
		if err != nil {
			return err
		}
		v.SetFloat(f)
		return nil
	}
	return fmt.Errorf("cannot decode into %s", v.Type())
}

// fieldInfo is one wire member of a struct.
type fieldInfo struct {
	index  int
	name   string
	always bool
	quoted string // `"name":`, for the direct codec
}

// typeInfo is a struct type's wire members, computed once per type.
type typeInfo struct {
	fields []fieldInfo
	sorted []fieldInfo    // by wire name, as the tree codec writes them
	byName map[string]int // wire name -> field index
}

var infoCache sync.Map // reflect.Type -> *typeInfo

// infoOf lists t's exported fields except ResultMetadata, with their wire
// names from `wire:"name,always"` tags.
func infoOf(t reflect.Type) *typeInfo {
	if v, ok := infoCache.Load(t); ok {
		return v.(*typeInfo)
	}
	info := &typeInfo{byName: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "ResultMetadata" {
			continue
		}
		tag := f.Tag.Get("wire")
		name, opt, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		info.fields = append(info.fields, fieldInfo{index: i, name: name, always: opt == "always", quoted: string(AppendString(nil, name)) + ":"})
		info.byName[name] = i
	}
	info.sorted = sortedFields(info.fields)
	v, _ := infoCache.LoadOrStore(t, info)
	return v.(*typeInfo)
}

// member finds the field for a wire member: by name, then ignoring case
// (error bodies say "message" for Message).
func (info *typeInfo) member(name string) (int, bool) {
	if i, ok := info.byName[name]; ok {
		return i, true
	}
	for _, f := range info.fields {
		if strings.EqualFold(f.name, name) {
			return f.index, true
		}
	}
	return 0, false
}

func parseFloat(tree any) (float64, error) {
	switch x := tree.(type) {
	case json.Number:
		return strconv.ParseFloat(string(x), 64)
	case string:
		switch x {
		case "NaN":
			return math.NaN(), nil
		case "Infinity":
			return math.Inf(1), nil
		case "-Infinity":
			return math.Inf(-1), nil
		}
	}
	return 0, fmt.Errorf("expected a number, got %T", tree)
}

// parseTime reads epoch seconds, keeping millisecond precision in UTC as
// the SDK does.
func parseTime(tree any) (time.Time, error) {
	switch x := tree.(type) {
	case json.Number:
		f, ok := new(big.Float).SetString(string(x))
		if !ok {
			return time.Time{}, fmt.Errorf("bad timestamp %s", x)
		}
		ms, _ := f.Mul(f, big.NewFloat(1000)).Int64()
		return time.UnixMilli(ms).UTC(), nil
	case string:
		return time.Parse(time.RFC3339Nano, x)
	}
	return time.Time{}, fmt.Errorf("expected a timestamp, got %T", tree)
}

func typeErr(tree any, v reflect.Value) error {
	return fmt.Errorf("cannot decode JSON %T into %s", tree, v.Type())
}
