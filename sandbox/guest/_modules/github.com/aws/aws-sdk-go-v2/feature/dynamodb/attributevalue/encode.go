package attributevalue

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Marshaler is implemented by types that encode themselves.
type Marshaler interface {
	MarshalDynamoDBAttributeValue() (types.AttributeValue, error)
}

// Marshal encodes a Go value as an AttributeValue.
func Marshal(in interface{}) (types.AttributeValue, error) {
	return NewEncoder().Encode(in)
}

// MarshalWithOptions is Marshal with encoder options.
func MarshalWithOptions(in interface{}, optFns ...func(*EncoderOptions)) (types.AttributeValue, error) {
	return NewEncoder(optFns...).Encode(in)
}

// MarshalMap encodes a struct or map as an item (the M member's map). A
// value that does not encode to a map gives an empty map.
func MarshalMap(in interface{}) (map[string]types.AttributeValue, error) {
	return MarshalMapWithOptions(in)
}

// MarshalMapWithOptions is MarshalMap with encoder options.
func MarshalMapWithOptions(in interface{}, optFns ...func(*EncoderOptions)) (map[string]types.AttributeValue, error) {
	av, err := NewEncoder(optFns...).Encode(in)
	m, ok := av.(*types.AttributeValueMemberM)
	if err != nil || !ok {
		return map[string]types.AttributeValue{}, err
	}
	return m.Value, nil
}

// MarshalList encodes a slice or array as a list of AttributeValues.
func MarshalList(in interface{}) ([]types.AttributeValue, error) {
	return MarshalListWithOptions(in)
}

// MarshalListWithOptions is MarshalList with encoder options.
func MarshalListWithOptions(in interface{}, optFns ...func(*EncoderOptions)) ([]types.AttributeValue, error) {
	av, err := NewEncoder(optFns...).Encode(in)
	l, ok := av.(*types.AttributeValueMemberL)
	if err != nil || !ok {
		return []types.AttributeValue{}, err
	}
	return l.Value, nil
}

// EncoderOptions configures an Encoder.
type EncoderOptions struct {
	// TagKey is an extra struct tag key read after `dynamodbav` (e.g.
	// "json"); its options override.
	TagKey string

	// NullEmptySets encodes empty sets as NULL (default true; DynamoDB
	// rejects empty sets).
	NullEmptySets bool

	// EncodeTime encodes time.Time values (default RFC 3339 S).
	EncodeTime func(time.Time) (types.AttributeValue, error)

	// UseEncodingMarshalers lets encoding.TextMarshaler (→ S) and
	// encoding.BinaryMarshaler (→ B) encode values.
	UseEncodingMarshalers bool

	// OmitNullAttributeValues drops omitempty fields whose Marshaler
	// returned NULL.
	OmitNullAttributeValues bool

	// OmitEmptyTime drops zero times from omitempty fields.
	OmitEmptyTime bool
}

// Encoder encodes Go values as AttributeValues.
type Encoder struct {
	options EncoderOptions
}

// NewEncoder returns an Encoder with the default options changed by optFns.
func NewEncoder(optFns ...func(*EncoderOptions)) *Encoder {
	o := EncoderOptions{TagKey: defaultTagKey, NullEmptySets: true, EncodeTime: encodeTimeRFC3339}
	for _, fn := range optFns {
		fn(&o)
	}
	if o.EncodeTime == nil {
		o.EncodeTime = encodeTimeRFC3339
	}
	return &Encoder{options: o}
}

// Encode encodes in.
func (e *Encoder) Encode(in interface{}) (types.AttributeValue, error) {
	return e.encode(reflect.ValueOf(in), tag{})
}

var (
	timeType           = reflect.TypeOf(time.Time{})
	byteSliceType      = reflect.TypeOf([]byte(nil))
	byteSliceSliceType = reflect.TypeOf([][]byte(nil))
	numberType         = reflect.TypeOf(Number(""))
)

// encode returns nil, nil when the value is to be left out.
func (e *Encoder) encode(v reflect.Value, t tag) (types.AttributeValue, error) {
	if t.Ignore {
		return nil, nil
	}
	if isEmpty(v) {
		if t.OmitEmpty && t.NullEmpty {
			return nil, &InvalidMarshalError{msg: "unable to encode AttributeValue for zero value field with incompatible struct tags, omitempty and nullempty"}
		}
		if t.OmitEmpty {
			return nil, nil
		}
		if isNil(v) || t.NullEmpty {
			return null(), nil
		}
	}

	if v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.IsValid() && !(v.Kind() == reflect.Pointer && v.IsNil()) {
		av, err := e.viaMarshaler(v)
		if err != nil {
			return nil, err
		}
		if av != nil {
			if e.options.OmitNullAttributeValues && t.OmitEmpty && isNullAV(av) {
				return nil, nil
			}
			return av, nil
		}
	}

	switch v.Kind() {
	case reflect.Invalid:
		if t.OmitEmpty {
			return nil, nil
		}
		return null(), nil
	case reflect.Struct:
		return e.encodeStruct(v, t)
	case reflect.Map:
		return e.encodeMap(v, t)
	case reflect.Slice, reflect.Array:
		return e.encodeSlice(v, t)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return nil, nil
	case reflect.Pointer:
		if v.Elem().IsValid() {
			return e.encode(v.Elem(), t)
		}
		if t.OmitEmpty && t.OmitEmptyElem {
			return nil, nil
		}
		return null(), nil
	}
	return e.encodeScalar(v, t)
}

func (e *Encoder) encodeStruct(v reflect.Value, t tag) (types.AttributeValue, error) {
	if factsOf(v.Type()).time {
		tm := v.Convert(timeType).Interface().(time.Time)
		if e.options.OmitEmptyTime && t.OmitEmpty && tm.IsZero() {
			return nil, nil
		}
		if t.AsUnixTime {
			return UnixTime(tm).MarshalDynamoDBAttributeValue()
		}
		return e.options.EncodeTime(tm)
	}
	m := &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}
	for _, f := range fieldsOf(v.Type(), e.options.TagKey).list {
		if f.Name == "" {
			return nil, &InvalidMarshalError{msg: "map key cannot be empty"}
		}
		fv, ok := fieldByIndex(v, f.Index)
		if !ok {
			continue
		}
		av, err := e.encode(fv, f.tag)
		if err != nil {
			return nil, err
		}
		if av != nil {
			m.Value[f.Name] = av
		}
	}
	return m, nil
}

// fieldByIndex follows an embedded-field path; a nil embedded pointer
// means the field does not exist in this value.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

func (e *Encoder) encodeMap(v reflect.Value, t tag) (types.AttributeValue, error) {
	m := &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}
	it := v.MapRange()
	for it.Next() {
		k, err := mapKeyString(it.Key())
		if err != nil {
			return nil, err
		}
		av, err := e.encode(it.Value(), t.elemTag())
		if err != nil {
			return nil, err
		}
		if av != nil {
			m.Value[k] = av
		}
	}
	return m, nil
}

func mapKeyString(k reflect.Value) (string, error) {
	var s string
	if tm, ok := k.Interface().(encoding.TextMarshaler); ok {
		b, err := tm.MarshalText()
		if err != nil {
			return "", fmt.Errorf("failed to marshal text, %w", err)
		}
		s = string(b)
	} else {
		switch k.Kind() {
		case reflect.Bool, reflect.String,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
			reflect.Float32, reflect.Float64:
			s = fmt.Sprint(k.Interface())
		default:
			return "", &InvalidMarshalError{msg: "map key type not supported, must be string, number, bool, or TextMarshaler"}
		}
	}
	if s == "" {
		return "", &InvalidMarshalError{msg: "map key cannot be empty"}
	}
	return s, nil
}

func (e *Encoder) encodeSlice(v reflect.Value, t tag) (types.AttributeValue, error) {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		b := make([]byte, v.Len())
		reflect.Copy(reflect.ValueOf(b), v)
		return &types.AttributeValueMemberB{Value: b}, nil
	}
	emptySet := v.Len() == 0 && e.options.NullEmptySets
	var add func(types.AttributeValue) error
	var out types.AttributeValue
	switch {
	case t.AsBinSet || v.Type() == byteSliceSliceType:
		if emptySet {
			return null(), nil
		}
		bs := &types.AttributeValueMemberBS{Value: make([][]byte, 0, v.Len())}
		out = bs
		add = func(av types.AttributeValue) error {
			b, ok := av.(*types.AttributeValueMemberB)
			if !ok || b == nil || b.Value == nil {
				return &InvalidMarshalError{msg: "binary set must only contain non-nil byte slices"}
			}
			bs.Value = append(bs.Value, b.Value)
			return nil
		}
	case t.AsNumSet:
		if emptySet {
			return null(), nil
		}
		ns := &types.AttributeValueMemberNS{Value: make([]string, 0, v.Len())}
		out = ns
		add = func(av types.AttributeValue) error {
			n, ok := av.(*types.AttributeValueMemberN)
			if !ok || n == nil {
				return &InvalidMarshalError{msg: "number set must only contain non-nil string numbers"}
			}
			ns.Value = append(ns.Value, n.Value)
			return nil
		}
	case t.AsStrSet:
		if emptySet {
			return null(), nil
		}
		ss := &types.AttributeValueMemberSS{Value: make([]string, 0, v.Len())}
		out = ss
		add = func(av types.AttributeValue) error {
			s, ok := av.(*types.AttributeValueMemberS)
			if !ok || s == nil {
				return &InvalidMarshalError{msg: "string set must only contain non-nil strings"}
			}
			ss.Value = append(ss.Value, s.Value)
			return nil
		}
	default:
		l := &types.AttributeValueMemberL{Value: make([]types.AttributeValue, 0, v.Len())}
		out = l
		add = func(av types.AttributeValue) error {
			l.Value = append(l.Value, av)
			return nil
		}
	}
	for i := 0; i < v.Len(); i++ {
		av, err := e.encode(v.Index(i), t.elemTag())
		if err != nil {
			return nil, err
		}
		if av == nil {
			continue
		}
		if err := add(av); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// isNumberType reports whether v is a string-kinded number type such as
// Number or json.Number, which encode as N.
func isNumberType(v reflect.Value) bool {
	return v.Kind() == reflect.String && v.CanInterface() && factsOf(v.Type()).number
}

func (e *Encoder) encodeScalar(v reflect.Value, t tag) (types.AttributeValue, error) {
	if isNumberType(v) {
		if t.AsString {
			return &types.AttributeValueMemberS{Value: v.String()}, nil
		}
		return &types.AttributeValueMemberN{Value: v.String()}, nil
	}
	var n string
	switch v.Kind() {
	case reflect.Bool:
		return &types.AttributeValueMemberBOOL{Value: v.Bool()}, nil
	case reflect.String:
		return &types.AttributeValueMemberS{Value: v.String()}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n = strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n = strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32:
		n = strconv.FormatFloat(v.Float(), 'f', -1, 32)
	case reflect.Float64:
		n = strconv.FormatFloat(v.Float(), 'f', -1, 64)
	default:
		return nil, nil
	}
	if t.AsString {
		return &types.AttributeValueMemberS{Value: n}, nil
	}
	return &types.AttributeValueMemberN{Value: n}, nil
}

// isEmpty is the "zero" test behind omitempty: nil, empty string, false,
// zero number or zero-length array. Structs are never empty, and neither
// is an empty but non-nil slice or map.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid:
		return true
	case reflect.Array:
		return v.Len() == 0
	case reflect.Map, reflect.Slice, reflect.Interface, reflect.Pointer:
		return v.IsNil()
	case reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	}
	return false
}

// isNil reports whether v is a nil reference, which encodes as NULL.
func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid:
		return true
	case reflect.Map, reflect.Slice, reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// viaMarshaler lets v (or its address) encode itself.
func (e *Encoder) viaMarshaler(v reflect.Value) (types.AttributeValue, error) {
	f := factsOf(v.Type())
	if !f.mayMethods {
		return nil, nil // no method set that could hold a marshaler
	}
	if v.Kind() != reflect.Pointer && f.named && v.CanAddr() {
		v = v.Addr()
	}
	if v.Type().NumMethod() == 0 || !v.CanInterface() {
		return nil, nil
	}
	i := v.Interface()
	if m, ok := i.(Marshaler); ok {
		return m.MarshalDynamoDBAttributeValue()
	}
	if !e.options.UseEncodingMarshalers {
		return nil, nil
	}
	if m, ok := i.(encoding.TextMarshaler); ok {
		b, err := m.MarshalText()
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberS{Value: string(b)}, nil
	}
	if m, ok := i.(encoding.BinaryMarshaler); ok {
		b, err := m.MarshalBinary()
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberB{Value: b}, nil
	}
	return nil, nil
}

func null() types.AttributeValue { return &types.AttributeValueMemberNULL{Value: true} }

func isNullAV(av types.AttributeValue) bool {
	n, ok := av.(*types.AttributeValueMemberNULL)
	return ok && n.Value
}

func encodeTimeRFC3339(t time.Time) (types.AttributeValue, error) {
	return &types.AttributeValueMemberS{Value: t.Format(time.RFC3339Nano)}, nil
}

// InvalidMarshalError reports a value that cannot be encoded.
type InvalidMarshalError struct {
	msg string
}

// Error describes the problem.
func (e *InvalidMarshalError) Error() string { return "marshal failed, " + e.msg }

// UnixTime is a time.Time that encodes as N (epoch seconds).
type UnixTime time.Time

// MarshalDynamoDBAttributeValue encodes the time as epoch seconds.
func (u UnixTime) MarshalDynamoDBAttributeValue() (types.AttributeValue, error) {
	return &types.AttributeValueMemberN{Value: strconv.FormatInt(time.Time(u).Unix(), 10)}, nil
}

// UnmarshalDynamoDBAttributeValue decodes epoch seconds.
func (u *UnixTime) UnmarshalDynamoDBAttributeValue(av types.AttributeValue) error {
	n, ok := av.(*types.AttributeValueMemberN)
	if !ok {
		return &UnmarshalTypeError{Value: fmt.Sprintf("%T", av), Type: reflect.TypeOf((*UnixTime)(nil))}
	}
	t, err := decodeUnixTime(n.Value)
	if err != nil {
		return err
	}
	*u = UnixTime(t)
	return nil
}

// String formats the time like time.Time.
func (u UnixTime) String() string { return time.Time(u).String() }
