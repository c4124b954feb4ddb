package events

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// DynamoDBAttributeValue is one attribute of an item in a stream record, in
// DynamoDB's typed JSON ({"S": "text"}, {"N": "42"}, {"M": {...}}, ...).
// Read it with the accessor for its DataType; an accessor for another type
// panics with an IncompatibleDynamoDBTypeError, as upstream does.
type DynamoDBAttributeValue struct {
	value    interface{}
	dataType DynamoDBDataType
}

// DynamoDBDataType is the type of a DynamoDBAttributeValue.
type DynamoDBDataType int

// The attribute types, in upstream's order (their numeric values show when
// printed).
const (
	DataTypeBinary DynamoDBDataType = iota
	DataTypeBoolean
	DataTypeBinarySet
	DataTypeList
	DataTypeMap
	DataTypeNumber
	DataTypeNumberSet
	DataTypeNull
	DataTypeString
	DataTypeStringSet
)

// typeLabels are the JSON keys of the attribute types.
var typeLabels = map[DynamoDBDataType]string{
	DataTypeBinary: "B", DataTypeBoolean: "BOOL", DataTypeBinarySet: "BS",
	DataTypeList: "L", DataTypeMap: "M", DataTypeNumber: "N",
	DataTypeNumberSet: "NS", DataTypeNull: "NULL", DataTypeString: "S",
	DataTypeStringSet: "SS",
}

// UnsupportedDynamoDBTypeError is returned when decoding meets an unknown
// type key.
type UnsupportedDynamoDBTypeError struct {
	Type string
}

func (e UnsupportedDynamoDBTypeError) Error() string {
	return fmt.Sprintf("unsupported DynamoDB attribute type, %v", e.Type)
}

// IncompatibleDynamoDBTypeError is the panic value of an accessor called
// for a type the attribute does not have.
type IncompatibleDynamoDBTypeError struct {
	Requested DynamoDBDataType
	Actual    DynamoDBDataType
}

func (e IncompatibleDynamoDBTypeError) Error() string {
	return fmt.Sprintf("accessor called for incompatible type, requested type %v but actual type was %v", e.Requested, e.Actual)
}

func (av DynamoDBAttributeValue) must(t DynamoDBDataType) {
	if av.dataType != t {
		panic(IncompatibleDynamoDBTypeError{Requested: t, Actual: av.dataType})
	}
}

// DataType reports the attribute's type.
func (av DynamoDBAttributeValue) DataType() DynamoDBDataType { return av.dataType }

// IsNull reports whether the attribute holds no value ({"NULL": true}).
func (av DynamoDBAttributeValue) IsNull() bool { return av.value == nil }

// Binary returns a B attribute's bytes.
func (av DynamoDBAttributeValue) Binary() []byte {
	av.must(DataTypeBinary)
	return av.value.([]byte)
}

// Boolean returns a BOOL attribute's value.
func (av DynamoDBAttributeValue) Boolean() bool {
	av.must(DataTypeBoolean)
	return av.value.(bool)
}

// BinarySet returns a BS attribute's members.
func (av DynamoDBAttributeValue) BinarySet() [][]byte {
	av.must(DataTypeBinarySet)
	return av.value.([][]byte)
}

// List returns an L attribute's elements.
func (av DynamoDBAttributeValue) List() []DynamoDBAttributeValue {
	av.must(DataTypeList)
	return av.value.([]DynamoDBAttributeValue)
}

// Map returns an M attribute's members.
func (av DynamoDBAttributeValue) Map() map[string]DynamoDBAttributeValue {
	av.must(DataTypeMap)
	return av.value.(map[string]DynamoDBAttributeValue)
}

// Number returns an N attribute's value as written (DynamoDB numbers are
// decimal strings of up to 38 digits).
func (av DynamoDBAttributeValue) Number() string {
	av.must(DataTypeNumber)
	return av.value.(string)
}

// Int64 parses an N attribute as a whole number.
func (av DynamoDBAttributeValue) Int64() (int64, error) {
	return strconv.ParseInt(av.Number(), 10, 64)
}

// Integer parses an N attribute as a whole number, truncating a fraction.
func (av DynamoDBAttributeValue) Integer() (int64, error) {
	n := av.Number()
	if i, err := strconv.ParseInt(n, 10, 64); err == nil {
		return i, nil
	}
	f, err := strconv.ParseFloat(n, 64)
	return int64(f), err
}

// Float parses an N attribute as a float64.
func (av DynamoDBAttributeValue) Float() (float64, error) {
	return strconv.ParseFloat(av.Number(), 64)
}

// NumberSet returns an NS attribute's members.
func (av DynamoDBAttributeValue) NumberSet() []string {
	av.must(DataTypeNumberSet)
	return av.value.([]string)
}

// String returns an S attribute's text; for other types it returns a
// debugging representation, so the type satisfies fmt.Stringer safely.
func (av DynamoDBAttributeValue) String() string {
	if av.dataType == DataTypeString {
		return av.value.(string)
	}
	type plain DynamoDBAttributeValue // no String method: no recursion
	return fmt.Sprintf("%v", plain(av))
}

// StringSet returns an SS attribute's members.
func (av DynamoDBAttributeValue) StringSet() []string {
	av.must(DataTypeStringSet)
	return av.value.([]string)
}

// NewBinaryAttribute returns a B attribute.
func NewBinaryAttribute(v []byte) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeBinary}
}

// NewBooleanAttribute returns a BOOL attribute.
func NewBooleanAttribute(v bool) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeBoolean}
}

// NewBinarySetAttribute returns a BS attribute.
func NewBinarySetAttribute(v [][]byte) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeBinarySet}
}

// NewListAttribute returns an L attribute.
func NewListAttribute(v []DynamoDBAttributeValue) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeList}
}

// NewMapAttribute returns an M attribute.
func NewMapAttribute(v map[string]DynamoDBAttributeValue) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeMap}
}

// NewNumberAttribute returns an N attribute; v is a decimal string.
func NewNumberAttribute(v string) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeNumber}
}

// NewNumberSetAttribute returns an NS attribute.
func NewNumberSetAttribute(v []string) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeNumberSet}
}

// NewNullAttribute returns a NULL attribute.
func NewNullAttribute() DynamoDBAttributeValue {
	return DynamoDBAttributeValue{dataType: DataTypeNull}
}

// NewStringAttribute returns an S attribute.
func NewStringAttribute(v string) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeString}
}

// NewStringSetAttribute returns an SS attribute.
func NewStringSetAttribute(v []string) DynamoDBAttributeValue {
	return DynamoDBAttributeValue{value: v, dataType: DataTypeStringSet}
}

// MarshalJSON writes the attribute in DynamoDB's typed JSON.
func (av DynamoDBAttributeValue) MarshalJSON() ([]byte, error) {
	label, ok := typeLabels[av.dataType]
	if !ok {
		return nil, fmt.Errorf("DynamoDBAttributeValue: unknown data type %d", av.dataType)
	}
	var inner []byte
	var err error
	if av.dataType == DataTypeNull {
		inner = []byte("true")
	} else {
		inner, err = json.Marshal(av.value)
		if err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	b.WriteString(`{"`)
	b.WriteString(label)
	b.WriteString(`":`)
	b.Write(inner)
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads DynamoDB's typed JSON: an object with exactly one
// type key.
func (av *DynamoDBAttributeValue) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		// Report the error as a decoder into a generic map words it, which
		// is what handlers written against upstream see.
		var generic map[string]interface{}
		if gerr := json.Unmarshal(b, &generic); gerr != nil {
			return gerr
		}
		return err
	}
	if m == nil {
		return errors.New("DynamoDBAttributeValue: does not contain a map")
	}
	if len(m) != 1 {
		return errors.New("DynamoDBAttributeValue: map must contain a single type")
	}
	for label, raw := range m {
		return av.decode(label, raw)
	}
	return nil
}

func (av *DynamoDBAttributeValue) decode(label string, raw json.RawMessage) error {
	*av = DynamoDBAttributeValue{dataType: DataTypeNull}
	switch label {
	case "NULL":
		return nil
	case "S", "N":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil || isNull(raw) {
			return fmt.Errorf("DynamoDBAttributeValue: %s type should contain a string", label)
		}
		av.value, av.dataType = s, DataTypeString
		if label == "N" {
			av.dataType = DataTypeNumber
		}
	case "SS", "NS":
		ss, ok := stringList(raw)
		if !ok {
			return fmt.Errorf("DynamoDBAttributeValue: %s type should contain a list of strings", label)
		}
		av.value, av.dataType = ss, DataTypeStringSet
		if label == "NS" {
			av.dataType = DataTypeNumberSet
		}
	case "BOOL":
		var v bool
		if err := json.Unmarshal(raw, &v); err != nil || isNull(raw) {
			return errors.New("DynamoDBAttributeValue: BOOL type should contain a boolean")
		}
		av.value, av.dataType = v, DataTypeBoolean
	case "B":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil || isNull(raw) {
			return errors.New("DynamoDBAttributeValue: B type should contain a base64 string")
		}
		data, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return err
		}
		av.value, av.dataType = data, DataTypeBinary
	case "BS":
		// Upstream panics on a non-string member; an error is kinder.
		ss, ok := stringList(raw)
		if !ok {
			return errors.New("DynamoDBAttributeValue: BS type should contain a list of base64 strings")
		}
		set := make([][]byte, len(ss))
		for i, s := range ss {
			data, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return err
			}
			set[i] = data
		}
		av.value, av.dataType = set, DataTypeBinarySet
	case "L":
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil || items == nil {
			return errors.New("DynamoDBAttributeValue: L type should contain a list")
		}
		list := make([]DynamoDBAttributeValue, len(items))
		for i, item := range items {
			if !isObject(item) {
				return errors.New("DynamoDBAttributeValue: element of a list is not an DynamoDBAttributeValue")
			}
			if err := list[i].UnmarshalJSON(item); err != nil {
				return errors.New("DynamoDBAttributeValue: unmarshal of child DynamoDBAttributeValue failed")
			}
		}
		av.value, av.dataType = list, DataTypeList
	case "M":
		var members map[string]json.RawMessage
		if err := json.Unmarshal(raw, &members); err != nil || members == nil {
			return errors.New("DynamoDBAttributeValue: M type should contain a map")
		}
		out := make(map[string]DynamoDBAttributeValue, len(members))
		for k, member := range members {
			if !isObject(member) {
				return errors.New("DynamoDBAttributeValue: element of a map is not an DynamoDBAttributeValue")
			}
			var v DynamoDBAttributeValue
			if err := v.UnmarshalJSON(member); err != nil {
				return errors.New("DynamoDBAttributeValue: unmarshal of child DynamoDBAttributeValue failed")
			}
			out[k] = v
		}
		av.value, av.dataType = out, DataTypeMap
	default:
		return UnsupportedDynamoDBTypeError{Type: label}
	}
	return nil
}

// stringList decodes a JSON array whose members are all strings (null
// members included in "not strings").
func stringList(raw json.RawMessage) ([]string, bool) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return nil, false
	}
	out := make([]string, len(items))
	for i, item := range items {
		if isNull(item) || json.Unmarshal(item, &out[i]) != nil {
			return nil, false
		}
	}
	return out, true
}

func isObject(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '{'
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }
