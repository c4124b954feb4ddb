package dynamodb

import (
	"slices"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/internal/wirejson"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Hand-written wire JSON for the item operations a handler makes on
// nearly every invocation (GetItem, PutItem, UpdateItem, DeleteItem, Query,
// Scan): no reflection at all, where the codec's reflective walk and
// validation were most of a call's guest-side cost. Each encoder writes
// exactly what the codec writes (members in name order, the same
// absent-member rules) and declines (false) when the input uses a member it
// does not cover (legacy Expected, AttributeUpdates, KeyConditions,
// QueryFilter) or misses a required one, so that the codec validates and
// encodes it as before. Decoders likewise decline anything but the usual
// response shape. TestOpCodecsMatchCodec and FuzzOpCodecs hold them to the
// codec.

// encodeOp encodes in for op, or declines.
func encodeOp(op string, in any) ([]byte, bool) {
	w := objWriter{b: make([]byte, 0, 256)}
	w.b = append(w.b, '{')
	var ok bool
	switch in := in.(type) {
	case *GetItemInput:
		ok = w.getItem(in)
	case *PutItemInput:
		ok = w.putItem(in)
	case *UpdateItemInput:
		ok = w.updateItem(in)
	case *DeleteItemInput:
		ok = w.deleteItem(in)
	case *QueryInput:
		ok = w.query(in)
	case *ScanInput:
		ok = w.scan(in)
	}
	if !ok || w.err {
		return nil, false
	}
	return append(w.b, '}'), true
}

// objWriter appends the members of one JSON object; member names are
// plain ASCII and must come in name order.
type objWriter struct {
	b   []byte
	n   int
	err bool // a value the hand-written path does not encode
}

func (w *objWriter) key(name string) {
	if w.n > 0 {
		w.b = append(w.b, ',')
	}
	w.n++
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
}

func (w *objWriter) str(name string, p *string) {
	if p != nil {
		w.key(name)
		w.b = wirejson.AppendString(w.b, *p)
	}
}

// enum writes a non-empty enum value (an empty one is absent).
func (w *objWriter) enum(name, v string) {
	if v != "" {
		w.key(name)
		w.b = wirejson.AppendString(w.b, v)
	}
}

func (w *objWriter) boolPtr(name string, p *bool) {
	if p != nil {
		w.key(name)
		w.b = strconv.AppendBool(w.b, *p)
	}
}

func (w *objWriter) int32Ptr(name string, p *int32) {
	if p != nil {
		w.key(name)
		w.b = strconv.AppendInt(w.b, int64(*p), 10)
	}
}

func (w *objWriter) item(name string, m map[string]types.AttributeValue) {
	if m == nil {
		return
	}
	w.key(name)
	var err error
	if w.b, err = appendItem(w.b, m); err != nil {
		w.err = true
	}
}

// strings writes a list; the codec writes an empty string as null.
func (w *objWriter) strings(name string, l []string) {
	if l == nil {
		return
	}
	w.key(name)
	w.b = append(w.b, '[')
	for i, s := range l {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		if s == "" {
			w.b = append(w.b, "null"...)
			continue
		}
		w.b = wirejson.AppendString(w.b, s)
	}
	w.b = append(w.b, ']')
}

// names writes a map of strings; the codec leaves out empty values.
func (w *objWriter) names(name string, m map[string]string) {
	if m == nil {
		return
	}
	w.key(name)
	var buf [8]string
	keys := buf[:0]
	for k, v := range m {
		if v != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	w.b = append(w.b, '{')
	for i, k := range keys {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = wirejson.AppendString(w.b, k)
		w.b = append(w.b, ':')
		w.b = wirejson.AppendString(w.b, m[k])
	}
	w.b = append(w.b, '}')
}

func (w *objWriter) getItem(in *GetItemInput) bool {
	if in.TableName == nil || in.Key == nil {
		return false
	}
	w.strings("AttributesToGet", in.AttributesToGet)
	w.boolPtr("ConsistentRead", in.ConsistentRead)
	w.names("ExpressionAttributeNames", in.ExpressionAttributeNames)
	w.item("Key", in.Key)
	w.str("ProjectionExpression", in.ProjectionExpression)
	w.enum("ReturnConsumedCapacity", string(in.ReturnConsumedCapacity))
	w.str("TableName", in.TableName)
	return true
}

func (w *objWriter) putItem(in *PutItemInput) bool {
	if in.TableName == nil || in.Item == nil || in.Expected != nil {
		return false
	}
	w.str("ConditionExpression", in.ConditionExpression)
	w.enum("ConditionalOperator", string(in.ConditionalOperator))
	w.names("ExpressionAttributeNames", in.ExpressionAttributeNames)
	w.item("ExpressionAttributeValues", in.ExpressionAttributeValues)
	w.item("Item", in.Item)
	w.enum("ReturnConsumedCapacity", string(in.ReturnConsumedCapacity))
	w.enum("ReturnItemCollectionMetrics", string(in.ReturnItemCollectionMetrics))
	w.enum("ReturnValues", string(in.ReturnValues))
	w.enum("ReturnValuesOnConditionCheckFailure", string(in.ReturnValuesOnConditionCheckFailure))
	w.str("TableName", in.TableName)
	return true
}

func (w *objWriter) updateItem(in *UpdateItemInput) bool {
	if in.TableName == nil || in.Key == nil || in.Expected != nil || in.AttributeUpdates != nil {
		return false
	}
	w.str("ConditionExpression", in.ConditionExpression)
	w.enum("ConditionalOperator", string(in.ConditionalOperator))
	w.names("ExpressionAttributeNames", in.ExpressionAttributeNames)
	w.item("ExpressionAttributeValues", in.ExpressionAttributeValues)
	w.item("Key", in.Key)
	w.enum("ReturnConsumedCapacity", string(in.ReturnConsumedCapacity))
	w.enum("ReturnItemCollectionMetrics", string(in.ReturnItemCollectionMetrics))
	w.enum("ReturnValues", string(in.ReturnValues))
	w.enum("ReturnValuesOnConditionCheckFailure", string(in.ReturnValuesOnConditionCheckFailure))
	w.str("TableName", in.TableName)
	w.str("UpdateExpression", in.UpdateExpression)
	return true
}

func (w *objWriter) deleteItem(in *DeleteItemInput) bool {
	if in.TableName == nil || in.Key == nil || in.Expected != nil {
		return false
	}
	w.str("ConditionExpression", in.ConditionExpression)
	w.enum("ConditionalOperator", string(in.ConditionalOperator))
	w.names("ExpressionAttributeNames", in.ExpressionAttributeNames)
	w.item("ExpressionAttributeValues", in.ExpressionAttributeValues)
	w.item("Key", in.Key)
	w.enum("ReturnConsumedCapacity", string(in.ReturnConsumedCapacity))
	w.enum("ReturnItemCollectionMetrics", string(in.ReturnItemCollectionMetrics))
	w.enum("ReturnValues", string(in.ReturnValues))
	w.enum("ReturnValuesOnConditionCheckFailure", string(in.ReturnValuesOnConditionCheckFailure))
	w.str("TableName", in.TableName)
	return true
}

func (w *objWriter) query(in *QueryInput) bool {
	if in.TableName == nil || in.KeyConditions != nil || in.QueryFilter != nil {
		return false
	}
	w.strings("AttributesToGet", in.AttributesToGet)
	w.enum("ConditionalOperator", string(in.ConditionalOperator))
	w.boolPtr("ConsistentRead", in.ConsistentRead)
	w.item("ExclusiveStartKey", in.ExclusiveStartKey)
	w.names("ExpressionAttributeNames", in.ExpressionAttributeNames)
	w.item("ExpressionAttributeValues", in.ExpressionAttributeValues)
	w.str("FilterExpression", in.FilterExpression)
	w.str("IndexName", in.IndexName)
	w.str("KeyConditionExpression", in.KeyConditionExpression)
	w.int32Ptr("Limit", in.Limit)
	w.str("ProjectionExpression", in.ProjectionExpression)
	w.enum("ReturnConsumedCapacity", string(in.ReturnConsumedCapacity))
	w.boolPtr("ScanIndexForward", in.ScanIndexForward)
	w.enum("Select", string(in.Select))
	w.str("TableName", in.TableName)
	return true
}

func (w *objWriter) scan(in *ScanInput) bool {
	if in.TableName == nil || in.ScanFilter != nil {
		return false
	}
	w.strings("AttributesToGet", in.AttributesToGet)
	w.enum("ConditionalOperator", string(in.ConditionalOperator))
	w.boolPtr("ConsistentRead", in.ConsistentRead)
	w.item("ExclusiveStartKey", in.ExclusiveStartKey)
	w.names("ExpressionAttributeNames", in.ExpressionAttributeNames)
	w.item("ExpressionAttributeValues", in.ExpressionAttributeValues)
	w.str("FilterExpression", in.FilterExpression)
	w.str("IndexName", in.IndexName)
	w.int32Ptr("Limit", in.Limit)
	w.str("ProjectionExpression", in.ProjectionExpression)
	w.enum("ReturnConsumedCapacity", string(in.ReturnConsumedCapacity))
	w.int32Ptr("Segment", in.Segment)
	w.enum("Select", string(in.Select))
	w.str("TableName", in.TableName)
	w.int32Ptr("TotalSegments", in.TotalSegments)
	return true
}

// decodeOp decodes body into out, or declines (leaving out to be reset
// and decoded by the codec).
func decodeOp(body []byte, out any) bool {
	d := wirejson.NewDecoder(body)
	if d.Peek() != '{' {
		return false
	}
	var err error
	switch out := out.(type) {
	case *GetItemOutput:
		err = d.Object(func(name string) error {
			if name != "Item" {
				return errAVGiveUp
			}
			return itemMember(d, &out.Item)
		})
	case *PutItemOutput:
		err = attributesOnly(d, &out.Attributes)
	case *UpdateItemOutput:
		err = attributesOnly(d, &out.Attributes)
	case *DeleteItemOutput:
		err = attributesOnly(d, &out.Attributes)
	case *QueryOutput:
		err = pageMembers(d, &out.Count, &out.Items, &out.LastEvaluatedKey, &out.ScannedCount)
	case *ScanOutput:
		err = pageMembers(d, &out.Count, &out.Items, &out.LastEvaluatedKey, &out.ScannedCount)
	default:
		return false
	}
	return err == nil
}

func itemMember(d *wirejson.Decoder, dst *map[string]types.AttributeValue) error {
	if d.Null() {
		return nil
	}
	m, err := decodeItem(d)
	if err == nil {
		*dst = m
	}
	return err
}

func attributesOnly(d *wirejson.Decoder, dst *map[string]types.AttributeValue) error {
	return d.Object(func(name string) error {
		if name != "Attributes" {
			return errAVGiveUp
		}
		return itemMember(d, dst)
	})
}

func pageMembers(d *wirejson.Decoder, count *int32, items *[]map[string]types.AttributeValue, last *map[string]types.AttributeValue, scanned *int32) error {
	return d.Object(func(name string) error {
		switch name {
		case "Count":
			return int32Member(d, count)
		case "ScannedCount":
			return int32Member(d, scanned)
		case "LastEvaluatedKey":
			return itemMember(d, last)
		case "Items":
			if d.Null() {
				return nil
			}
			if d.Peek() != '[' {
				return errAVGiveUp
			}
			list := make([]map[string]types.AttributeValue, 0, 8)
			err := d.Array(func(int) error {
				var m map[string]types.AttributeValue
				if !d.Null() {
					var err error
					if m, err = decodeItem(d); err != nil {
						return err
					}
				}
				list = append(list, m)
				return nil
			})
			if err == nil {
				*items = list
			}
			return err
		}
		return errAVGiveUp
	})
}

func int32Member(d *wirejson.Decoder, dst *int32) error {
	if d.Null() {
		return nil
	}
	n, err := d.Number()
	if err != nil {
		return err
	}
	v, err := strconv.ParseInt(n, 10, 32)
	if err != nil {
		return errAVGiveUp
	}
	*dst = int32(v)
	return nil
}
