package dynamodb

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/internal/wirejson"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// wire is the JSON 1.0 codec for this service: the generic rules of
// wirejson plus the AttributeValue union.
var wire = wirejson.New(wirejson.Union{
	Type:   reflect.TypeOf((*types.AttributeValue)(nil)).Elem(),
	Encode: func(v any) (any, error) { return avToTree(v.(types.AttributeValue)) },
	Decode: func(tree any) (any, error) {
		av, err := avFromTree(tree)
		if err != nil || av == nil {
			return nil, err
		}
		return av, nil
	},
	Append: func(dst []byte, v any) ([]byte, error) { return appendAV(dst, v.(types.AttributeValue)) },
	DecodeJSON: func(d *wirejson.Decoder) (any, error) {
		av, err := decodeAV(d)
		if err != nil || av == nil {
			return nil, err
		}
		return av, nil
	},
}).WithDirect(wirejson.Direct{
	Type: reflect.TypeFor[map[string]types.AttributeValue](),
	Append: func(dst []byte, v reflect.Value) ([]byte, error) {
		return appendItem(dst, v.Interface().(map[string]types.AttributeValue))
	},
	Decode: func(d *wirejson.Decoder, v reflect.Value) error {
		m, err := decodeItem(d)
		if err == nil {
			v.Set(reflect.ValueOf(m))
		}
		return err
	},
})

// appendItem writes an item (or key) map as the tree codec does: sorted
// keys, members holding a nil AttributeValue left out.
func appendItem(dst []byte, m map[string]types.AttributeValue) ([]byte, error) {
	var buf [8]string
	keys := buf[:0]
	for k, av := range m {
		if av != nil {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	dst = append(dst, '{')
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = wirejson.AppendString(dst, k)
		dst = append(dst, ':')
		var err error
		if dst, err = appendAV(dst, m[k]); err != nil {
			return nil, err
		}
	}
	return append(dst, '}'), nil
}

// decodeItem reads an item (or key) map; a null or empty member is a nil
// AttributeValue, as the tree codec leaves it.
func decodeItem(d *wirejson.Decoder) (map[string]types.AttributeValue, error) {
	if d.Peek() != '{' {
		return nil, errAVGiveUp
	}
	m := make(map[string]types.AttributeValue, 8)
	err := d.Object(func(k string) error {
		if d.Null() {
			m[k] = nil
			return nil
		}
		av, err := decodeAV(d)
		m[k] = av
		return err
	})
	return m, err
}

// appendAV writes the JSON encoding/json writes for avToTree(av), without
// building the tree: AttributeValues are most of what a DynamoDB call
// sends.
func appendAV(dst []byte, av types.AttributeValue) ([]byte, error) {
	switch v := av.(type) {
	case *types.AttributeValueMemberS:
		dst = append(dst, `{"S":`...)
		dst = wirejson.AppendString(dst, v.Value)
	case *types.AttributeValueMemberN:
		dst = append(dst, `{"N":`...)
		dst = wirejson.AppendString(dst, v.Value)
	case *types.AttributeValueMemberB:
		dst = append(dst, `{"B":"`...)
		dst = base64.StdEncoding.AppendEncode(dst, v.Value)
		dst = append(dst, '"')
	case *types.AttributeValueMemberBOOL:
		dst = append(dst, `{"BOOL":`...)
		dst = strconv.AppendBool(dst, v.Value)
	case *types.AttributeValueMemberNULL:
		dst = append(dst, `{"NULL":`...)
		dst = strconv.AppendBool(dst, v.Value)
	case *types.AttributeValueMemberSS:
		dst = appendStrings(append(dst, `{"SS":`...), v.Value)
	case *types.AttributeValueMemberNS:
		dst = appendStrings(append(dst, `{"NS":`...), v.Value)
	case *types.AttributeValueMemberBS:
		dst = append(dst, `{"BS":[`...)
		for i, b := range v.Value {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, '"')
			dst = base64.StdEncoding.AppendEncode(dst, b)
			dst = append(dst, '"')
		}
		dst = append(dst, ']')
	case *types.AttributeValueMemberL:
		dst = append(dst, `{"L":[`...)
		for i, e := range v.Value {
			if i > 0 {
				dst = append(dst, ',')
			}
			var err error
			if dst, err = appendAV(dst, e); err != nil {
				return nil, err
			}
		}
		dst = append(dst, ']')
	case *types.AttributeValueMemberM:
		dst = append(dst, `{"M":{`...)
		keys := make([]string, 0, len(v.Value))
		for k := range v.Value {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = wirejson.AppendString(dst, k)
			dst = append(dst, ':')
			var err error
			if dst, err = appendAV(dst, v.Value[k]); err != nil {
				return nil, err
			}
		}
		dst = append(dst, '}')
	case nil:
		return append(dst, "{}"...), nil
	default:
		// Unknown members and mistakes: the tree codec's encoding and
		// errors.
		tree, err := avToTree(av)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(tree); err != nil {
			return nil, err
		}
		return append(dst, bytes.TrimRight(buf.Bytes(), "\n")...), nil
	}
	return append(dst, '}'), nil
}

func appendStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = wirejson.AppendString(dst, s)
	}
	return append(dst, ']')
}

// errAVGiveUp hands an AttributeValue the direct decoder does not take
// (two type members, an unknown tag) to the tree codec, which reports it
// or keeps it as an UnknownUnionMember.
var errAVGiveUp = errors.New("dynamodb: AttributeValue left to the tree codec")

// decodeAV reads one AttributeValue as avFromTree would from its tree
// (the caller has consumed a null).
func decodeAV(d *wirejson.Decoder) (types.AttributeValue, error) {
	var out types.AttributeValue
	err := d.Object(func(tag string) error {
		if d.Null() {
			if out != nil {
				return errAVGiveUp // {"S":"a","S":null}: the later member wins
			}
			return nil // a null member is no member
		}
		if out != nil {
			return errAVGiveUp
		}
		var err error
		out, err = decodeAVMember(d, tag)
		if err == nil && out == nil {
			err = errAVGiveUp
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func decodeAVMember(d *wirejson.Decoder, tag string) (types.AttributeValue, error) {
	switch tag {
	case "S":
		s, err := d.String()
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberS{Value: s}, nil
	case "N":
		s, err := d.String()
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberN{Value: s}, nil
	case "B":
		b, err := decodeB64(d)
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberB{Value: b}, nil
	case "BOOL":
		b, err := d.Bool()
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberBOOL{Value: b}, nil
	case "NULL":
		b, err := d.Bool()
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberNULL{Value: b}, nil
	case "SS", "NS":
		ss := []string{}
		err := d.Array(func(int) error {
			s, err := d.String()
			ss = append(ss, s)
			return err
		})
		if err != nil {
			return nil, err
		}
		if tag == "SS" {
			return &types.AttributeValueMemberSS{Value: ss}, nil
		}
		return &types.AttributeValueMemberNS{Value: ss}, nil
	case "BS":
		bs := [][]byte{}
		err := d.Array(func(int) error {
			b, err := decodeB64(d)
			bs = append(bs, b)
			return err
		})
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberBS{Value: bs}, nil
	case "L":
		l := []types.AttributeValue{}
		err := d.Array(func(int) error {
			av, err := decodeAV(d) // a null element fails, as in avFromTree
			if err != nil {
				return err
			}
			l = append(l, av)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberL{Value: l}, nil
	case "M":
		m := map[string]types.AttributeValue{}
		err := d.Object(func(k string) error {
			av, err := decodeAV(d) // a null element fails, as in avFromTree
			if err != nil {
				return err
			}
			m[k] = av
			return nil
		})
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberM{Value: m}, nil
	}
	return nil, errAVGiveUp
}

func decodeB64(d *wirejson.Decoder) ([]byte, error) {
	s, err := d.String()
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(s)
}

// avToTree encodes one AttributeValue as its one-member JSON object:
// {"S":"x"}, {"N":"1"}, {"B":"<base64>"}, {"M":{…}}, …
func avToTree(av types.AttributeValue) (any, error) {
	switch v := av.(type) {
	case *types.AttributeValueMemberS:
		return map[string]any{"S": v.Value}, nil
	case *types.AttributeValueMemberN:
		return map[string]any{"N": v.Value}, nil
	case *types.AttributeValueMemberB:
		return map[string]any{"B": b64(v.Value)}, nil
	case *types.AttributeValueMemberBOOL:
		return map[string]any{"BOOL": v.Value}, nil
	case *types.AttributeValueMemberNULL:
		return map[string]any{"NULL": v.Value}, nil
	case *types.AttributeValueMemberSS:
		return map[string]any{"SS": strs(v.Value)}, nil
	case *types.AttributeValueMemberNS:
		return map[string]any{"NS": strs(v.Value)}, nil
	case *types.AttributeValueMemberBS:
		arr := make([]any, len(v.Value))
		for i, b := range v.Value {
			arr[i] = b64(b)
		}
		return map[string]any{"BS": arr}, nil
	case *types.AttributeValueMemberL:
		arr := make([]any, len(v.Value))
		for i, e := range v.Value {
			t, err := avToTree(e)
			if err != nil {
				return nil, fmt.Errorf("L[%d]: %w", i, err)
			}
			arr[i] = t
		}
		return map[string]any{"L": arr}, nil
	case *types.AttributeValueMemberM:
		obj := make(map[string]any, len(v.Value))
		for k, e := range v.Value {
			t, err := avToTree(e)
			if err != nil {
				return nil, fmt.Errorf("M[%q]: %w", k, err)
			}
			obj[k] = t
		}
		return map[string]any{"M": obj}, nil
	case *types.UnknownUnionMember:
		var raw any
		if err := json.Unmarshal(v.Value, &raw); err != nil {
			return nil, fmt.Errorf("unknown member %s: %w", v.Tag, err)
		}
		return map[string]any{v.Tag: raw}, nil
	case nil:
		// The SDK writes an empty union for a nil value; DynamoDB then
		// rejects the request, which is the lesson to learn.
		return map[string]any{}, nil
	}
	return nil, fmt.Errorf("unsupported AttributeValue %T (use a *types.AttributeValueMember… pointer)", av)
}

// b64 encodes bytes; nil bytes are an absent member, encoded as "" like
// the SDK's blob writer.
func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func strs(ss []string) []any {
	arr := make([]any, len(ss))
	for i, s := range ss {
		arr[i] = s
	}
	return arr
}

// avFromTree decodes the JSON form of one AttributeValue.
func avFromTree(tree any) (types.AttributeValue, error) {
	obj, ok := tree.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("AttributeValue: expected an object, got %T", tree)
	}
	keys := make([]string, 0, len(obj))
	for k, v := range obj {
		if v != nil {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	if len(keys) > 1 {
		sort.Strings(keys)
		return nil, fmt.Errorf("AttributeValue: more than one type member (%s)", strings.Join(keys, ", "))
	}
	tag := keys[0]
	val := obj[tag]
	switch tag {
	case "S":
		s, ok := val.(string)
		if !ok {
			return nil, badMember(tag, val)
		}
		return &types.AttributeValueMemberS{Value: s}, nil
	case "N":
		s, ok := val.(string)
		if !ok {
			return nil, badMember(tag, val)
		}
		return &types.AttributeValueMemberN{Value: s}, nil
	case "B":
		b, err := unb64(val)
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberB{Value: b}, nil
	case "BOOL", "NULL":
		b, ok := val.(bool)
		if !ok {
			return nil, badMember(tag, val)
		}
		if tag == "BOOL" {
			return &types.AttributeValueMemberBOOL{Value: b}, nil
		}
		return &types.AttributeValueMemberNULL{Value: b}, nil
	case "SS", "NS":
		arr, ok := val.([]any)
		if !ok {
			return nil, badMember(tag, val)
		}
		ss := make([]string, len(arr))
		for i, e := range arr {
			if ss[i], ok = e.(string); !ok {
				return nil, badMember(tag, val)
			}
		}
		if tag == "SS" {
			return &types.AttributeValueMemberSS{Value: ss}, nil
		}
		return &types.AttributeValueMemberNS{Value: ss}, nil
	case "BS":
		arr, ok := val.([]any)
		if !ok {
			return nil, badMember(tag, val)
		}
		bs := make([][]byte, len(arr))
		for i, e := range arr {
			b, err := unb64(e)
			if err != nil {
				return nil, err
			}
			bs[i] = b
		}
		return &types.AttributeValueMemberBS{Value: bs}, nil
	case "L":
		arr, ok := val.([]any)
		if !ok {
			return nil, badMember(tag, val)
		}
		l := make([]types.AttributeValue, len(arr))
		for i, e := range arr {
			av, err := avFromTree(e)
			if err != nil {
				return nil, err
			}
			l[i] = av
		}
		return &types.AttributeValueMemberL{Value: l}, nil
	case "M":
		m, ok := val.(map[string]any)
		if !ok {
			return nil, badMember(tag, val)
		}
		out := make(map[string]types.AttributeValue, len(m))
		for k, e := range m {
			av, err := avFromTree(e)
			if err != nil {
				return nil, err
			}
			out[k] = av
		}
		return &types.AttributeValueMemberM{Value: out}, nil
	}
	raw, _ := json.Marshal(val)
	return &types.UnknownUnionMember{Tag: tag, Value: raw}, nil
}

func unb64(v any) ([]byte, error) {
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("AttributeValue: binary must be a base64 string, got %T", v)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("AttributeValue: binary: %w", err)
	}
	return b, nil
}

func badMember(tag string, v any) error {
	return fmt.Errorf("AttributeValue: member %s has the wrong JSON type %T", tag, v)
}

// newModelledError returns a pointer to a zero value of the error type
// for code, or nil when DynamoDB's model has no type for it.
func newModelledError(code string) any {
	switch code {
	case "ConditionalCheckFailedException":
		return &types.ConditionalCheckFailedException{}
	case "DuplicateItemException":
		return &types.DuplicateItemException{}
	case "IdempotentParameterMismatchException":
		return &types.IdempotentParameterMismatchException{}
	case "IndexNotFoundException":
		return &types.IndexNotFoundException{}
	case "InternalServerError":
		return &types.InternalServerError{}
	case "ItemCollectionSizeLimitExceededException":
		return &types.ItemCollectionSizeLimitExceededException{}
	case "LimitExceededException":
		return &types.LimitExceededException{}
	case "ProvisionedThroughputExceededException":
		return &types.ProvisionedThroughputExceededException{}
	case "ReplicatedWriteConflictException":
		return &types.ReplicatedWriteConflictException{}
	case "RequestLimitExceeded":
		return &types.RequestLimitExceeded{}
	case "ResourceInUseException":
		return &types.ResourceInUseException{}
	case "ResourceNotFoundException":
		return &types.ResourceNotFoundException{}
	case "TableAlreadyExistsException":
		return &types.TableAlreadyExistsException{}
	case "TableInUseException":
		return &types.TableInUseException{}
	case "TableNotFoundException":
		return &types.TableNotFoundException{}
	case "ThrottlingException":
		return &types.ThrottlingException{}
	case "TransactionCanceledException":
		return &types.TransactionCanceledException{}
	case "TransactionConflictException":
		return &types.TransactionConflictException{}
	case "TransactionInProgressException":
		return &types.TransactionInProgressException{}
	}
	return nil
}
