package expression

import (
	"fmt"
	"strings"
)

// keyOp is the operation of a KeyConditionBuilder.
type keyOp int

const (
	keyUnset keyOp = iota
	keyInvalid
	keyEqual
	keyLess
	keyLessEqual
	keyGreater
	keyGreaterEqual
	keyAnd
	keyBetween
	keyBeginsWith
)

// KeyConditionBuilder is a Query key condition: the partition key equal to
// a value, optionally AND a condition on the sort key.
type KeyConditionBuilder struct {
	operandList      []OperandBuilder
	keyConditionList []KeyConditionBuilder
	mode             keyOp
}

// IsSet reports whether the key condition was built by one of the
// functions.
func (kcb KeyConditionBuilder) IsSet() bool { return kcb.mode != keyUnset }

func keyCompare(op keyOp, k KeyBuilder, v ValueBuilder) KeyConditionBuilder {
	return KeyConditionBuilder{operandList: []OperandBuilder{k, v}, mode: op}
}

// KeyEqual is key = value.
func KeyEqual(k KeyBuilder, v ValueBuilder) KeyConditionBuilder { return keyCompare(keyEqual, k, v) }

// KeyLessThan is key < value.
func KeyLessThan(k KeyBuilder, v ValueBuilder) KeyConditionBuilder { return keyCompare(keyLess, k, v) }

// KeyLessThanEqual is key <= value.
func KeyLessThanEqual(k KeyBuilder, v ValueBuilder) KeyConditionBuilder {
	return keyCompare(keyLessEqual, k, v)
}

// KeyGreaterThan is key > value.
func KeyGreaterThan(k KeyBuilder, v ValueBuilder) KeyConditionBuilder {
	return keyCompare(keyGreater, k, v)
}

// KeyGreaterThanEqual is key >= value.
func KeyGreaterThanEqual(k KeyBuilder, v ValueBuilder) KeyConditionBuilder {
	return keyCompare(keyGreaterEqual, k, v)
}

// Equal is kb = value.
func (kb KeyBuilder) Equal(v ValueBuilder) KeyConditionBuilder { return KeyEqual(kb, v) }

// LessThan is kb < value.
func (kb KeyBuilder) LessThan(v ValueBuilder) KeyConditionBuilder { return KeyLessThan(kb, v) }

// LessThanEqual is kb <= value.
func (kb KeyBuilder) LessThanEqual(v ValueBuilder) KeyConditionBuilder {
	return KeyLessThanEqual(kb, v)
}

// GreaterThan is kb > value.
func (kb KeyBuilder) GreaterThan(v ValueBuilder) KeyConditionBuilder { return KeyGreaterThan(kb, v) }

// GreaterThanEqual is kb >= value.
func (kb KeyBuilder) GreaterThanEqual(v ValueBuilder) KeyConditionBuilder {
	return KeyGreaterThanEqual(kb, v)
}

// KeyAnd joins key conditions: every one but the last must be an equality
// (the partition key), and the last may be any sort key condition.
// Anything else makes Build fail.
func KeyAnd(keyConditions ...KeyConditionBuilder) KeyConditionBuilder {
	if len(keyConditions) < 2 {
		return KeyConditionBuilder{mode: keyInvalid}
	}
	if keyConditions[0].mode == keyAnd {
		keyConditions = append(append([]KeyConditionBuilder(nil), keyConditions[0].keyConditionList...), keyConditions[1:]...)
	}
	for _, kc := range keyConditions[:len(keyConditions)-1] {
		if kc.mode != keyEqual {
			return KeyConditionBuilder{mode: keyInvalid}
		}
	}
	if keyConditions[len(keyConditions)-1].mode == keyAnd {
		return KeyConditionBuilder{mode: keyInvalid}
	}
	return KeyConditionBuilder{keyConditionList: keyConditions, mode: keyAnd}
}

// And joins kcb and right (see KeyAnd).
func (kcb KeyConditionBuilder) And(right KeyConditionBuilder) KeyConditionBuilder {
	return KeyAnd(kcb, right)
}

// KeyBetween is key BETWEEN lower AND upper.
func KeyBetween(k KeyBuilder, lower, upper ValueBuilder) KeyConditionBuilder {
	return KeyConditionBuilder{operandList: []OperandBuilder{k, lower, upper}, mode: keyBetween}
}

// Between is kb BETWEEN lower AND upper.
func (kb KeyBuilder) Between(lower, upper ValueBuilder) KeyConditionBuilder {
	return KeyBetween(kb, lower, upper)
}

// KeyBeginsWith is begins_with (key, prefix).
func KeyBeginsWith(k KeyBuilder, prefix string) KeyConditionBuilder {
	return KeyConditionBuilder{operandList: []OperandBuilder{k, ValueBuilder{value: prefix}}, mode: keyBeginsWith}
}

// BeginsWith is begins_with (kb, prefix).
func (kb KeyBuilder) BeginsWith(prefix string) KeyConditionBuilder { return KeyBeginsWith(kb, prefix) }

var keyFormats = map[keyOp]string{
	keyEqual:        "$c = $c",
	keyLess:         "$c < $c",
	keyLessEqual:    "$c <= $c",
	keyGreater:      "$c > $c",
	keyGreaterEqual: "$c >= $c",
	keyBetween:      "$c BETWEEN $c AND $c",
	keyBeginsWith:   "begins_with ($c, $c)",
}

func (kcb KeyConditionBuilder) buildTree() (node, error) {
	kids := make([]node, 0, len(kcb.keyConditionList)+len(kcb.operandList))
	for _, kc := range kcb.keyConditionList {
		n, err := kc.buildTree()
		if err != nil {
			return node{}, err
		}
		kids = append(kids, n)
	}
	for _, o := range kcb.operandList {
		op, err := o.BuildOperand()
		if err != nil {
			return node{}, err
		}
		kids = append(kids, op.node)
	}
	n := node{kids: kids}
	switch kcb.mode {
	case keyUnset:
		return node{}, newUnsetParameterError("buildTree", "KeyConditionBuilder")
	case keyInvalid:
		return node{}, fmt.Errorf("buildKeyCondition error: invalid key condition constructed")
	case keyAnd:
		if len(kids) == 0 {
			return node{}, newInvalidParameterError("andBuildKeyCondition", "KeyConditionBuilder")
		}
		n.format = strings.Repeat("($c) AND ", len(kids)-1) + "($c)"
	default:
		f, ok := keyFormats[kcb.mode]
		if !ok {
			return node{}, fmt.Errorf("buildKeyCondition error: unsupported mode: %v", kcb.mode)
		}
		n.format = f
	}
	return n, nil
}
