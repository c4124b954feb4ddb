package dynamodb

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
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
})

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
