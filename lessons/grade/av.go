package grade

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// toAttributeValue converts a plain JSON value (as a check writes it) to
// DynamoDB JSON: strings S, numbers N, booleans BOOL, null NULL, arrays L,
// objects M. Sets and binary need DynamoDB JSON in the seed itself.
func toAttributeValue(v any) (map[string]any, error) {
	switch t := v.(type) {
	case string:
		return map[string]any{"S": t}, nil
	case float64:
		return map[string]any{"N": strconv.FormatFloat(t, 'f', -1, 64)}, nil
	case bool:
		return map[string]any{"BOOL": t}, nil
	case nil:
		return map[string]any{"NULL": true}, nil
	case []any:
		l := make([]any, 0, len(t))
		for _, e := range t {
			av, err := toAttributeValue(e)
			if err != nil {
				return nil, err
			}
			l = append(l, av)
		}
		return map[string]any{"L": l}, nil
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, e := range t {
			av, err := toAttributeValue(e)
			if err != nil {
				return nil, err
			}
			m[k] = av
		}
		return map[string]any{"M": m}, nil
	}
	return nil, fmt.Errorf("cannot store %T in DynamoDB", v)
}

// itemToAttributeValues converts a plain JSON object to a DynamoDB item.
func itemToAttributeValues(v any) (map[string]any, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("an item must be an object, got %s", describe(v))
	}
	av, err := toAttributeValue(obj)
	if err != nil {
		return nil, err
	}
	return av["M"].(map[string]any), nil
}

// fromAttributeValue converts DynamoDB JSON to plain JSON for comparison and
// display: N becomes a number, sets become sorted arrays, B stays base64.
func fromAttributeValue(av any) any {
	m, ok := av.(map[string]any)
	if !ok || len(m) != 1 {
		return av
	}
	for k, v := range m {
		switch k {
		case "S", "B":
			return v
		case "N":
			s, _ := v.(string)
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return s
			}
			return f
		case "BOOL":
			return v
		case "NULL":
			return nil
		case "L":
			l, _ := v.([]any)
			out := make([]any, len(l))
			for i, e := range l {
				out[i] = fromAttributeValue(e)
			}
			return out
		case "M":
			mm, _ := v.(map[string]any)
			return itemFromAttributeValues(mm)
		case "SS", "BS":
			l, _ := v.([]any)
			out := append([]any(nil), l...)
			sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
			return out
		case "NS":
			l, _ := v.([]any)
			out := make([]any, len(l))
			for i, e := range l {
				out[i] = fromAttributeValue(map[string]any{"N": e})
			}
			sort.Slice(out, func(i, j int) bool { a, _ := out[i].(float64); b, _ := out[j].(float64); return a < b })
			return out
		}
	}
	return av
}

func itemFromAttributeValues(item map[string]any) map[string]any {
	out := make(map[string]any, len(item))
	for k, v := range item {
		out[k] = fromAttributeValue(v)
	}
	return out
}

func compactJSONFull(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
