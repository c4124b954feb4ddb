package dynamodb

import (
	"errors"
	"strconv"
)

// Fast decoding of the hottest requests (GetItem, PutItem, UpdateItem,
// DeleteItem, Query). Only the common, well-formed shape is handled here:
// any unknown or legacy member, null, or type surprise makes the decoder
// give up, and the request is decoded again by encoding/json, so error
// behaviour is exactly the reflective decoder's. FuzzFastRequest checks
// that both decoders agree whenever the fast one succeeds.

var errFallback = errors.New("dynamodb: use the reflective decoder")

type fastDecoder interface {
	decodeFast(b []byte) error
}

// object walks the members of a JSON object, calling member for each key.
func (r *jreader) object(member func(key string) error) error {
	if err := r.expect('{'); err != nil {
		return errFallback
	}
	if r.peek() == '}' {
		r.i++
		return r.end()
	}
	for {
		k, err := r.str()
		if err != nil {
			return errFallback
		}
		if err := r.expect(':'); err != nil {
			return errFallback
		}
		if r.peek() == 'n' {
			return errFallback // null members: leave them to encoding/json
		}
		if err := member(k); err != nil {
			return errFallback
		}
		switch r.peek() {
		case ',':
			r.i++
		case '}':
			r.i++
			return r.end()
		default:
			return errFallback
		}
	}
}

func (r *jreader) strInto(dst *string) error {
	s, err := r.str()
	*dst = s
	return err
}

func (r *jreader) boolInto(dst *bool) error {
	lit, err := r.literal()
	if err != nil || lit == "null" {
		return errFallback
	}
	*dst = lit == "true"
	return nil
}

func (r *jreader) itemInto(dst *Item) error {
	it, err := r.item()
	if err != nil || it == nil {
		return errFallback
	}
	*dst = it
	return nil
}

func (r *jreader) intInto(dst **int) error {
	r.ws()
	start := r.i
	if r.i < len(r.b) && r.b[r.i] == '-' {
		r.i++
	}
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		r.i++
	}
	n, err := strconv.Atoi(string(r.b[start:r.i]))
	if err != nil || (r.i < len(r.b) && (r.b[r.i] == '.' || r.b[r.i] == 'e' || r.b[r.i] == 'E')) {
		return errFallback
	}
	*dst = &n
	return nil
}

func (r *jreader) boolPtrInto(dst **bool) error {
	var b bool
	if err := r.boolInto(&b); err != nil {
		return err
	}
	*dst = &b
	return nil
}

func (r *jreader) namesInto(dst *map[string]string) error {
	m := map[string]string{}
	if err := r.expect('{'); err != nil {
		return errFallback
	}
	if r.peek() == '}' {
		r.i++
		*dst = m
		return nil
	}
	for {
		k, err := r.str()
		if err != nil {
			return errFallback
		}
		if err := r.expect(':'); err != nil {
			return errFallback
		}
		v, err := r.str()
		if err != nil {
			return errFallback
		}
		m[k] = v
		switch r.peek() {
		case ',':
			r.i++
		case '}':
			r.i++
			*dst = m
			return nil
		default:
			return errFallback
		}
	}
}

// exprMember decodes the members every expression-using request shares.
func (r *jreader) exprMember(k string, p *ExprParams) (bool, error) {
	switch k {
	case "ExpressionAttributeNames":
		return true, r.namesInto(&p.ExpressionAttributeNames)
	case "ExpressionAttributeValues":
		return true, r.itemInto(&p.ExpressionAttributeValues)
	}
	return false, nil
}

func (in *GetItemInput) decodeFast(b []byte) error {
	r := &jreader{b: b}
	return r.object(func(k string) error {
		switch k {
		case "TableName":
			return r.strInto(&in.TableName)
		case "Key":
			return r.itemInto(&in.Key)
		case "ConsistentRead":
			return r.boolInto(&in.ConsistentRead)
		case "ProjectionExpression":
			return r.strInto(&in.ProjectionExpression)
		case "ReturnConsumedCapacity":
			return r.strInto(&in.ReturnConsumedCapacity)
		}
		if ok, err := r.exprMember(k, &in.ExprParams); ok {
			return err
		}
		return errFallback
	})
}

func (in *PutItemInput) decodeFast(b []byte) error {
	r := &jreader{b: b}
	return r.object(func(k string) error {
		switch k {
		case "TableName":
			return r.strInto(&in.TableName)
		case "Item":
			return r.itemInto(&in.Item)
		case "ConditionExpression":
			return r.strInto(&in.ConditionExpression)
		case "ReturnValues":
			return r.strInto(&in.ReturnValues)
		case "ReturnValuesOnConditionCheckFailure":
			return r.strInto(&in.ReturnValuesOnConditionCheckFailure)
		case "ReturnConsumedCapacity":
			return r.strInto(&in.ReturnConsumedCapacity)
		case "ReturnItemCollectionMetrics":
			return r.strInto(&in.ReturnItemCollectionMetrics)
		}
		if ok, err := r.exprMember(k, &in.ExprParams); ok {
			return err
		}
		return errFallback
	})
}

func (in *DeleteItemInput) decodeFast(b []byte) error {
	r := &jreader{b: b}
	return r.object(func(k string) error {
		switch k {
		case "TableName":
			return r.strInto(&in.TableName)
		case "Key":
			return r.itemInto(&in.Key)
		case "ConditionExpression":
			return r.strInto(&in.ConditionExpression)
		case "ReturnValues":
			return r.strInto(&in.ReturnValues)
		case "ReturnValuesOnConditionCheckFailure":
			return r.strInto(&in.ReturnValuesOnConditionCheckFailure)
		case "ReturnConsumedCapacity":
			return r.strInto(&in.ReturnConsumedCapacity)
		case "ReturnItemCollectionMetrics":
			return r.strInto(&in.ReturnItemCollectionMetrics)
		}
		if ok, err := r.exprMember(k, &in.ExprParams); ok {
			return err
		}
		return errFallback
	})
}

func (in *UpdateItemInput) decodeFast(b []byte) error {
	r := &jreader{b: b}
	return r.object(func(k string) error {
		switch k {
		case "TableName":
			return r.strInto(&in.TableName)
		case "Key":
			return r.itemInto(&in.Key)
		case "UpdateExpression":
			return r.strInto(&in.UpdateExpression)
		case "ConditionExpression":
			return r.strInto(&in.ConditionExpression)
		case "ReturnValues":
			return r.strInto(&in.ReturnValues)
		case "ReturnValuesOnConditionCheckFailure":
			return r.strInto(&in.ReturnValuesOnConditionCheckFailure)
		case "ReturnConsumedCapacity":
			return r.strInto(&in.ReturnConsumedCapacity)
		case "ReturnItemCollectionMetrics":
			return r.strInto(&in.ReturnItemCollectionMetrics)
		}
		if ok, err := r.exprMember(k, &in.ExprParams); ok {
			return err
		}
		return errFallback
	})
}

func (in *QueryInput) decodeFast(b []byte) error {
	r := &jreader{b: b}
	return r.object(func(k string) error {
		switch k {
		case "TableName":
			return r.strInto(&in.TableName)
		case "IndexName":
			return r.strInto(&in.IndexName)
		case "KeyConditionExpression":
			return r.strInto(&in.KeyConditionExpression)
		case "FilterExpression":
			return r.strInto(&in.FilterExpression)
		case "ProjectionExpression":
			return r.strInto(&in.ProjectionExpression)
		case "Select":
			return r.strInto(&in.Select)
		case "Limit":
			return r.intInto(&in.Limit)
		case "ConsistentRead":
			return r.boolInto(&in.ConsistentRead)
		case "ScanIndexForward":
			return r.boolPtrInto(&in.ScanIndexForward)
		case "ExclusiveStartKey":
			return r.itemInto(&in.ExclusiveStartKey)
		case "ReturnConsumedCapacity":
			return r.strInto(&in.ReturnConsumedCapacity)
		}
		if ok, err := r.exprMember(k, &in.ExprParams); ok {
			return err
		}
		return errFallback
	})
}
