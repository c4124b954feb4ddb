package attributevalue

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Unmarshaler is implemented by types that decode themselves.
type Unmarshaler interface {
	UnmarshalDynamoDBAttributeValue(types.AttributeValue) error
}

// Unmarshal decodes av into out, which must be a non-nil pointer.
func Unmarshal(av types.AttributeValue, out interface{}) error {
	return NewDecoder().Decode(av, out)
}

// UnmarshalWithOptions is Unmarshal with decoder options.
func UnmarshalWithOptions(av types.AttributeValue, out interface{}, optFns ...func(options *DecoderOptions)) error {
	return NewDecoder(optFns...).Decode(av, out)
}

// UnmarshalMap decodes an item into out (a pointer to a struct or map).
func UnmarshalMap(m map[string]types.AttributeValue, out interface{}) error {
	return NewDecoder().Decode(&types.AttributeValueMemberM{Value: m}, out)
}

// UnmarshalMapWithOptions is UnmarshalMap with decoder options.
func UnmarshalMapWithOptions(m map[string]types.AttributeValue, out interface{}, optFns ...func(options *DecoderOptions)) error {
	return NewDecoder(optFns...).Decode(&types.AttributeValueMemberM{Value: m}, out)
}

// UnmarshalList decodes a list into out (a pointer to a slice or array).
func UnmarshalList(l []types.AttributeValue, out interface{}) error {
	return NewDecoder().Decode(&types.AttributeValueMemberL{Value: l}, out)
}

// UnmarshalListWithOptions is UnmarshalList with decoder options.
func UnmarshalListWithOptions(l []types.AttributeValue, out interface{}, optFns ...func(options *DecoderOptions)) error {
	return NewDecoder(optFns...).Decode(&types.AttributeValueMemberL{Value: l}, out)
}

// UnmarshalListOfMaps decodes items (Query/Scan's Items) into out, a
// pointer to a slice of structs or maps.
func UnmarshalListOfMaps(l []map[string]types.AttributeValue, out interface{}) error {
	return UnmarshalListOfMapsWithOptions(l, out)
}

// UnmarshalListOfMapsWithOptions is UnmarshalListOfMaps with decoder
// options.
func UnmarshalListOfMapsWithOptions(l []map[string]types.AttributeValue, out interface{}, optFns ...func(options *DecoderOptions)) error {
	items := make([]types.AttributeValue, len(l))
	for i, m := range l {
		items[i] = &types.AttributeValueMemberM{Value: m}
	}
	return UnmarshalListWithOptions(items, out, optFns...)
}

// DecodeTimeAttributes chooses how S and N values decode into time.Time.
type DecodeTimeAttributes struct {
	// S parses strings (default RFC 3339).
	S func(string) (time.Time, error)
	// N parses numbers (default epoch seconds).
	N func(string) (time.Time, error)
}

// DecoderOptions configures a Decoder.
type DecoderOptions struct {
	// TagKey is an extra struct tag key read after `dynamodbav`.
	TagKey string

	// UseNumber decodes N into interface{} as Number instead of float64.
	UseNumber bool

	// DecodeTime decodes time.Time values.
	DecodeTime DecodeTimeAttributes

	// UseEncodingUnmarshalers lets encoding.TextUnmarshaler (from S) and
	// encoding.BinaryUnmarshaler (from B) decode values.
	UseEncodingUnmarshalers bool

	// FixUnmarshalIndividualSetValues hands set elements one at a time to
	// an element type's Unmarshaler (instead of the whole set).
	FixUnmarshalIndividualSetValues bool
}

// Decoder decodes AttributeValues into Go values.
type Decoder struct {
	options DecoderOptions
}

// NewDecoder returns a Decoder with the default options changed by optFns.
func NewDecoder(optFns ...func(*DecoderOptions)) *Decoder {
	o := DecoderOptions{TagKey: defaultTagKey, DecodeTime: DecodeTimeAttributes{S: decodeTimeRFC3339, N: decodeUnixTime}}
	for _, fn := range optFns {
		fn(&o)
	}
	if o.DecodeTime.S == nil {
		o.DecodeTime.S = decodeTimeRFC3339
	}
	if o.DecodeTime.N == nil {
		o.DecodeTime.N = decodeUnixTime
	}
	return &Decoder{options: o}
}

// Decode decodes av into out, which must be a non-nil pointer.
func (d *Decoder) Decode(av types.AttributeValue, out interface{}, opts ...func(*Decoder)) error {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return &InvalidUnmarshalError{Type: reflect.TypeOf(out)}
	}
	return d.decode(av, v, tag{})
}

var (
	stringInterfaceMapType = reflect.TypeOf(map[string]interface{}(nil))
	textUnmarshalerType    = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

func (d *Decoder) decode(av types.AttributeValue, v reflect.Value, t tag) error {
	if _, isNull := av.(*types.AttributeValueMemberNULL); av == nil || isNull {
		u, target := indirect[Unmarshaler](v, true, false)
		if u != nil {
			return u.UnmarshalDynamoDBAttributeValue(av)
		}
		if target.IsValid() && target.CanSet() {
			target.Set(reflect.Zero(target.Type()))
		}
		return nil
	}
	orig := v
	u, v := indirect[Unmarshaler](v, false, false)
	if u != nil {
		return u.UnmarshalDynamoDBAttributeValue(av)
	}
	if d.options.UseEncodingUnmarshalers {
		switch x := av.(type) {
		case *types.AttributeValueMemberS:
			if tu, _ := indirect[encoding.TextUnmarshaler](orig, false, false); tu != nil {
				return tu.UnmarshalText([]byte(x.Value))
			}
		case *types.AttributeValueMemberB:
			if bu, _ := indirect[encoding.BinaryUnmarshaler](orig, false, false); bu != nil {
				return bu.UnmarshalBinary(x.Value)
			}
		}
	}
	switch x := av.(type) {
	case *types.AttributeValueMemberB:
		return d.decodeBinary(x.Value, v)
	case *types.AttributeValueMemberBOOL:
		switch v.Kind() {
		case reflect.Bool, reflect.Interface:
			v.Set(reflect.ValueOf(x.Value).Convert(v.Type()))
			return nil
		}
		return &UnmarshalTypeError{Value: "bool", Type: v.Type()}
	case *types.AttributeValueMemberBS:
		return d.decodeSet(v, "binary set", len(x.Value), reflect.ValueOf(x.Value),
			func(i int) types.AttributeValue { return &types.AttributeValueMemberB{Value: x.Value[i]} }, x,
			func(i int, e reflect.Value) error { return d.decodeBinary(x.Value[i], e) })
	case *types.AttributeValueMemberL:
		return d.decodeList(x.Value, v)
	case *types.AttributeValueMemberM:
		return d.decodeMap(x.Value, v)
	case *types.AttributeValueMemberN:
		return d.decodeNumber(x.Value, v, t)
	case *types.AttributeValueMemberNS:
		var whole reflect.Value
		if d.options.UseNumber {
			ns := make([]Number, len(x.Value))
			for i, n := range x.Value {
				ns[i] = Number(n)
			}
			whole = reflect.ValueOf(ns)
		} else {
			fs := make([]float64, len(x.Value))
			for i, n := range x.Value {
				f, err := strconv.ParseFloat(n, 64)
				if err != nil {
					return err
				}
				fs[i] = f
			}
			whole = reflect.ValueOf(fs)
		}
		return d.decodeSet(v, "number set", len(x.Value), whole,
			func(i int) types.AttributeValue { return &types.AttributeValueMemberN{Value: x.Value[i]} }, x,
			func(i int, e reflect.Value) error { return d.decodeNumber(x.Value[i], e, tag{}) })
	case *types.AttributeValueMemberS:
		return d.decodeString(x.Value, v, t)
	case *types.AttributeValueMemberSS:
		return d.decodeSet(v, "string set", len(x.Value), reflect.ValueOf(append([]string(nil), x.Value...)),
			func(i int) types.AttributeValue { return &types.AttributeValueMemberS{Value: x.Value[i]} }, x,
			func(i int, e reflect.Value) error { return d.decodeString(x.Value[i], e, tag{}) })
	}
	return fmt.Errorf("unsupported AttributeValue type, %T", av)
}

func (d *Decoder) decodeBinary(b []byte, v reflect.Value) error {
	if v.Kind() == reflect.Interface {
		v.Set(reflect.ValueOf(append([]byte{}, b...)))
		return nil
	}
	if (v.Kind() != reflect.Slice && v.Kind() != reflect.Array) || v.Type().Elem().Kind() != reflect.Uint8 {
		return &UnmarshalTypeError{Value: "binary", Type: v.Type()}
	}
	if v.Kind() == reflect.Array {
		reflect.Copy(v, reflect.ValueOf(b))
		return nil
	}
	s := reflect.MakeSlice(v.Type(), len(b), len(b))
	reflect.Copy(s, reflect.ValueOf(b))
	v.Set(s)
	return nil
}

// decodeSet decodes a set of n elements into a slice, an array or an
// interface (which receives whole). Element types with an Unmarshaler
// receive the whole set (one, the set's AttributeValue) unless
// FixUnmarshalIndividualSetValues asks for elem(i), as in the real package.
func (d *Decoder) decodeSet(v reflect.Value, what string, n int, whole reflect.Value,
	elem func(int) types.AttributeValue, set types.AttributeValue, decodeElem func(int, reflect.Value) error) error {
	isArray := false
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() || v.Cap() < n {
			v.Set(reflect.MakeSlice(v.Type(), 0, n))
		}
	case reflect.Array:
		isArray = true
	case reflect.Interface:
		v.Set(whole)
		return nil
	default:
		return &UnmarshalTypeError{Value: what, Type: v.Type()}
	}
	for i := 0; i < v.Cap() && i < n; i++ {
		if !isArray {
			v.SetLen(i + 1)
		}
		u, e := indirect[Unmarshaler](v.Index(i), false, false)
		if u != nil {
			if !d.options.FixUnmarshalIndividualSetValues {
				return u.UnmarshalDynamoDBAttributeValue(set)
			}
			if err := u.UnmarshalDynamoDBAttributeValue(elem(i)); err != nil {
				return err
			}
			continue
		}
		if err := decodeElem(i, e); err != nil {
			return err
		}
	}
	return nil
}

func (d *Decoder) decodeNumber(n string, v reflect.Value, t tag) error {
	switch v.Kind() {
	case reflect.Interface:
		if d.options.UseNumber {
			v.Set(reflect.ValueOf(Number(n)))
			return nil
		}
		f, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(f))
		return nil
	case reflect.String:
		v.SetString(n)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(n, 10, 64)
		if err != nil {
			return err
		}
		if v.OverflowInt(i) {
			return &UnmarshalTypeError{Value: "number overflow, " + n, Type: v.Type()}
		}
		v.SetInt(i)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := strconv.ParseUint(n, 10, 64)
		if err != nil {
			return err
		}
		if v.OverflowUint(u) {
			return &UnmarshalTypeError{Value: "number overflow, " + n, Type: v.Type()}
		}
		v.SetUint(u)
		return nil
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return err
		}
		if v.OverflowFloat(f) {
			return &UnmarshalTypeError{Value: "number overflow, " + n, Type: v.Type()}
		}
		v.SetFloat(f)
		return nil
	}
	if v.Kind() == reflect.Struct && factsOf(v.Type()).time { // only a struct converts to time.Time
		parse := d.options.DecodeTime.N
		if t.AsUnixTime {
			parse = decodeUnixTime
		}
		tm, err := parse(n)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(tm).Convert(v.Type()))
		return nil
	}
	return &UnmarshalTypeError{Value: "number", Type: v.Type()}
}

func (d *Decoder) decodeString(s string, v reflect.Value, t tag) error {
	if t.AsString {
		return d.decodeNumber(s, v, t)
	}
	if v.Kind() == reflect.Struct && factsOf(v.Type()).time { // only a struct converts to time.Time
		tm, err := d.options.DecodeTime.S(s)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(tm).Convert(v.Type()))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Interface:
		v.Set(reflect.ValueOf(s).Convert(v.Type()))
	default:
		return &UnmarshalTypeError{Value: "string", Type: v.Type()}
	}
	return nil
}

func (d *Decoder) decodeList(l []types.AttributeValue, v reflect.Value) error {
	isArray := false
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() || v.Cap() < len(l) {
			v.Set(reflect.MakeSlice(v.Type(), 0, len(l)))
		}
	case reflect.Array:
		isArray = true
	case reflect.Interface:
		s := make([]interface{}, len(l))
		for i, av := range l {
			if err := d.decode(av, reflect.ValueOf(&s[i]).Elem(), tag{}); err != nil {
				return err
			}
		}
		v.Set(reflect.ValueOf(s))
		return nil
	default:
		return &UnmarshalTypeError{Value: "list", Type: v.Type()}
	}
	for i := 0; i < v.Cap() && i < len(l); i++ {
		if !isArray {
			v.SetLen(i + 1)
		}
		if err := d.decode(l[i], v.Index(i), tag{}); err != nil {
			return err
		}
	}
	return nil
}

func (d *Decoder) decodeMap(m map[string]types.AttributeValue, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		fields := fieldsOf(v.Type(), d.options.TagKey)
		for k, av := range m {
			f, ok := fields.lookup(k)
			if !ok {
				continue
			}
			if err := d.decode(av, fieldByIndexAlloc(v, f.Index), f.tag); err != nil {
				return err
			}
		}
		return nil
	case reflect.Interface:
		v.Set(reflect.MakeMap(stringInterfaceMapType))
		v = v.Elem()
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	default:
		return &UnmarshalTypeError{Value: "map", Type: v.Type()}
	}
	keyType, elemType := v.Type().Key(), v.Type().Elem()
	decodeKey, err := d.mapKeyDecoder(keyType)
	if err != nil {
		return err
	}
	for k, av := range m {
		key := reflect.New(keyType).Elem()
		_, target := indirect[Unmarshaler](key, false, true)
		if err := decodeKey(k, target); err != nil {
			return &UnmarshalTypeError{Value: fmt.Sprintf("map key %q", k), Type: keyType, Err: err}
		}
		elem := reflect.New(elemType).Elem()
		if err := d.decode(av, elem, tag{}); err != nil {
			return err
		}
		v.SetMapIndex(key, elem)
	}
	return nil
}

func (d *Decoder) mapKeyDecoder(kt reflect.Type) (func(string, reflect.Value) error, error) {
	if reflect.PointerTo(kt).Implements(textUnmarshalerType) || kt.Implements(textUnmarshalerType) {
		return func(s string, k reflect.Value) error {
			if !k.CanAddr() {
				return fmt.Errorf("cannot take address of map key, %v", k.Type())
			}
			return k.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
		}, nil
	}
	switch kt.Kind() {
	case reflect.Bool:
		return func(s string, k reflect.Value) error {
			b, err := strconv.ParseBool(s)
			if err != nil {
				return err
			}
			k.SetBool(b)
			return nil
		}, nil
	case reflect.String:
		return func(s string, k reflect.Value) error { return d.decodeString(s, k, tag{}) }, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return func(s string, k reflect.Value) error { return d.decodeNumber(s, k, tag{}) }, nil
	}
	return nil, &UnmarshalTypeError{Value: "map key must be string, number, bool, or TextUnmarshaler", Type: kt}
}

// fieldByIndexAlloc follows an embedded-field path, allocating nil
// embedded struct pointers on the way.
func fieldByIndexAlloc(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// indirect walks v through pointers (allocating nil ones) and non-empty
// interfaces to the value to set, stopping early at a type that
// implements U. With forNull it stops at the first settable pointer, so
// that a NULL sets the pointer itself to nil. This follows
// encoding/json's indirect.
func indirect[U any](v reflect.Value, forNull, skipU bool) (U, reflect.Value) {
	var zero U
	v0 := v
	haveAddr := false
	if v.Kind() != reflect.Pointer && v.Type().Name() != "" && v.CanAddr() {
		haveAddr = true
		v = v.Addr()
	}
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			e := v.Elem()
			if e.Kind() == reflect.Pointer && !e.IsNil() && (!forNull || e.Elem().Kind() == reflect.Pointer) {
				haveAddr = false
				v = e
				continue
			}
			if e.Kind() != reflect.Pointer && e.IsValid() {
				return zero, e
			}
		}
		if v.Kind() != reflect.Pointer {
			break
		}
		if forNull && v.CanSet() {
			break
		}
		if v.Elem().Kind() == reflect.Interface && v.Elem().Elem() == v {
			v = v.Elem()
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if !skipU && v.Type().NumMethod() > 0 && v.CanInterface() {
			if u, ok := v.Interface().(U); ok {
				return u, reflect.Value{}
			}
		}
		if haveAddr {
			v = v0
			haveAddr = false
		} else {
			v = v.Elem()
		}
	}
	return zero, v
}

// Number is a DynamoDB number kept as its decimal string (see
// DecoderOptions.UseNumber); it also encodes as N.
type Number string

// Float64 parses the number as a float64.
func (n Number) Float64() (float64, error) { return strconv.ParseFloat(string(n), 64) }

// Int64 parses the number as an int64.
func (n Number) Int64() (int64, error) { return strconv.ParseInt(string(n), 10, 64) }

// Uint64 parses the number as a uint64.
func (n Number) Uint64() (uint64, error) { return strconv.ParseUint(string(n), 10, 64) }

// String returns the number's text.
func (n Number) String() string { return string(n) }

// UnmarshalTypeError reports a value that does not fit the Go type.
type UnmarshalTypeError struct {
	Value string
	Type  reflect.Type
	Err   error
}

// Unwrap returns the cause, if any.
func (e *UnmarshalTypeError) Unwrap() error { return e.Err }

// Error describes the mismatch.
func (e *UnmarshalTypeError) Error() string {
	return fmt.Sprintf("unmarshal failed, cannot unmarshal %s into Go value type %s", e.Value, e.Type.String())
}

// InvalidUnmarshalError reports a Decode target that is not a non-nil
// pointer.
type InvalidUnmarshalError struct {
	Type reflect.Type
}

// Error describes the problem.
func (e *InvalidUnmarshalError) Error() string {
	var msg string
	switch {
	case e.Type == nil:
		msg = "cannot unmarshal to nil value"
	case e.Type.Kind() != reflect.Pointer:
		msg = "cannot unmarshal to non-pointer value, got " + e.Type.String()
	default:
		msg = "cannot unmarshal to nil value, " + e.Type.String()
	}
	return "unmarshal failed, " + msg
}

// UnmarshalError reports a value that could not be parsed.
type UnmarshalError struct {
	Err   error
	Value string
	Type  reflect.Type
}

// Unwrap returns the cause.
func (e *UnmarshalError) Unwrap() error { return e.Err }

// Error describes the problem.
func (e *UnmarshalError) Error() string {
	return fmt.Sprintf("unmarshal failed, cannot unmarshal %q into %s, %v", e.Value, e.Type.String(), e.Err)
}

func decodeTimeRFC3339(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, &UnmarshalError{Err: err, Value: s, Type: timeType}
	}
	return t, nil
}

func decodeUnixTime(n string) (time.Time, error) {
	sec, err := strconv.ParseInt(n, 10, 64)
	if err != nil {
		return time.Time{}, &UnmarshalError{Err: err, Value: n, Type: timeType}
	}
	return time.Unix(sec, 0), nil
}
