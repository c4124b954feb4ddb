package expression

import (
	"fmt"
	"strings"
)

// DynamoDBAttributeType is a type name for AttributeType conditions.
type DynamoDBAttributeType string

// The DynamoDB attribute types.
const (
	String    DynamoDBAttributeType = "S"
	StringSet DynamoDBAttributeType = "SS"
	Number    DynamoDBAttributeType = "N"
	NumberSet DynamoDBAttributeType = "NS"
	Binary    DynamoDBAttributeType = "B"
	BinarySet DynamoDBAttributeType = "BS"
	Boolean   DynamoDBAttributeType = "BOOL"
	Null      DynamoDBAttributeType = "NULL"
	List      DynamoDBAttributeType = "L"
	Map       DynamoDBAttributeType = "M"
)

// condOp is the operation of a ConditionBuilder.
type condOp int

const (
	condUnset condOp = iota
	condEqual
	condNotEqual
	condLess
	condLessEqual
	condGreater
	condGreaterEqual
	condAnd
	condOr
	condNot
	condBetween
	condIn
	condExists
	condNotExists
	condType
	condBeginsWith
	condContains
)

// ConditionBuilder is a condition or filter expression.
type ConditionBuilder struct {
	operandList   []OperandBuilder
	conditionList []ConditionBuilder
	mode          condOp
}

// IsSet reports whether the condition was built by one of the functions
// (false for the zero value).
func (cb ConditionBuilder) IsSet() bool { return cb.mode != condUnset }

func compare(op condOp, left, right OperandBuilder) ConditionBuilder {
	return ConditionBuilder{operandList: []OperandBuilder{left, right}, mode: op}
}

// Equal is left = right.
func Equal(left, right OperandBuilder) ConditionBuilder { return compare(condEqual, left, right) }

// NotEqual is left <> right.
func NotEqual(left, right OperandBuilder) ConditionBuilder { return compare(condNotEqual, left, right) }

// LessThan is left < right.
func LessThan(left, right OperandBuilder) ConditionBuilder { return compare(condLess, left, right) }

// LessThanEqual is left <= right.
func LessThanEqual(left, right OperandBuilder) ConditionBuilder {
	return compare(condLessEqual, left, right)
}

// GreaterThan is left > right.
func GreaterThan(left, right OperandBuilder) ConditionBuilder {
	return compare(condGreater, left, right)
}

// GreaterThanEqual is left >= right.
func GreaterThanEqual(left, right OperandBuilder) ConditionBuilder {
	return compare(condGreaterEqual, left, right)
}

// Equal is nb = right.
func (nb NameBuilder) Equal(right OperandBuilder) ConditionBuilder { return Equal(nb, right) }

// Equal is vb = right.
func (vb ValueBuilder) Equal(right OperandBuilder) ConditionBuilder { return Equal(vb, right) }

// Equal is size = right.
func (sb SizeBuilder) Equal(right OperandBuilder) ConditionBuilder { return Equal(sb, right) }

// NotEqual is nb <> right.
func (nb NameBuilder) NotEqual(right OperandBuilder) ConditionBuilder { return NotEqual(nb, right) }

// NotEqual is vb <> right.
func (vb ValueBuilder) NotEqual(right OperandBuilder) ConditionBuilder { return NotEqual(vb, right) }

// NotEqual is size <> right.
func (sb SizeBuilder) NotEqual(right OperandBuilder) ConditionBuilder { return NotEqual(sb, right) }

// LessThan is nb < right.
func (nb NameBuilder) LessThan(right OperandBuilder) ConditionBuilder { return LessThan(nb, right) }

// LessThan is vb < right.
func (vb ValueBuilder) LessThan(right OperandBuilder) ConditionBuilder { return LessThan(vb, right) }

// LessThan is size < right.
func (sb SizeBuilder) LessThan(right OperandBuilder) ConditionBuilder { return LessThan(sb, right) }

// LessThanEqual is nb <= right.
func (nb NameBuilder) LessThanEqual(right OperandBuilder) ConditionBuilder {
	return LessThanEqual(nb, right)
}

// LessThanEqual is vb <= right.
func (vb ValueBuilder) LessThanEqual(right OperandBuilder) ConditionBuilder {
	return LessThanEqual(vb, right)
}

// LessThanEqual is size <= right.
func (sb SizeBuilder) LessThanEqual(right OperandBuilder) ConditionBuilder {
	return LessThanEqual(sb, right)
}

// GreaterThan is nb > right.
func (nb NameBuilder) GreaterThan(right OperandBuilder) ConditionBuilder {
	return GreaterThan(nb, right)
}

// GreaterThan is vb > right.
func (vb ValueBuilder) GreaterThan(right OperandBuilder) ConditionBuilder {
	return GreaterThan(vb, right)
}

// GreaterThan is size > right.
func (sb SizeBuilder) GreaterThan(right OperandBuilder) ConditionBuilder {
	return GreaterThan(sb, right)
}

// GreaterThanEqual is nb >= right.
func (nb NameBuilder) GreaterThanEqual(right OperandBuilder) ConditionBuilder {
	return GreaterThanEqual(nb, right)
}

// GreaterThanEqual is vb >= right.
func (vb ValueBuilder) GreaterThanEqual(right OperandBuilder) ConditionBuilder {
	return GreaterThanEqual(vb, right)
}

// GreaterThanEqual is size >= right.
func (sb SizeBuilder) GreaterThanEqual(right OperandBuilder) ConditionBuilder {
	return GreaterThanEqual(sb, right)
}

// And joins conditions: (left) AND (right) AND ….
func And(left, right ConditionBuilder, other ...ConditionBuilder) ConditionBuilder {
	return ConditionBuilder{conditionList: append([]ConditionBuilder{left, right}, other...), mode: condAnd}
}

// And joins cb with right and other.
func (cb ConditionBuilder) And(right ConditionBuilder, other ...ConditionBuilder) ConditionBuilder {
	return And(cb, right, other...)
}

// Or joins conditions: (left) OR (right) OR ….
func Or(left, right ConditionBuilder, other ...ConditionBuilder) ConditionBuilder {
	return ConditionBuilder{conditionList: append([]ConditionBuilder{left, right}, other...), mode: condOr}
}

// Or joins cb with right and other.
func (cb ConditionBuilder) Or(right ConditionBuilder, other ...ConditionBuilder) ConditionBuilder {
	return Or(cb, right, other...)
}

// Not negates a condition: NOT (c).
func Not(c ConditionBuilder) ConditionBuilder {
	return ConditionBuilder{conditionList: []ConditionBuilder{c}, mode: condNot}
}

// Not negates cb.
func (cb ConditionBuilder) Not() ConditionBuilder { return Not(cb) }

// Between is op BETWEEN lower AND upper.
func Between(op, lower, upper OperandBuilder) ConditionBuilder {
	return ConditionBuilder{operandList: []OperandBuilder{op, lower, upper}, mode: condBetween}
}

// Between is nb BETWEEN lower AND upper.
func (nb NameBuilder) Between(lower, upper OperandBuilder) ConditionBuilder {
	return Between(nb, lower, upper)
}

// Between is vb BETWEEN lower AND upper.
func (vb ValueBuilder) Between(lower, upper OperandBuilder) ConditionBuilder {
	return Between(vb, lower, upper)
}

// Between is size BETWEEN lower AND upper.
func (sb SizeBuilder) Between(lower, upper OperandBuilder) ConditionBuilder {
	return Between(sb, lower, upper)
}

// In is left IN (right, …).
func In(left, right OperandBuilder, other ...OperandBuilder) ConditionBuilder {
	return ConditionBuilder{operandList: append([]OperandBuilder{left, right}, other...), mode: condIn}
}

// In is nb IN (right, …).
func (nb NameBuilder) In(right OperandBuilder, other ...OperandBuilder) ConditionBuilder {
	return In(nb, right, other...)
}

// In is vb IN (right, …).
func (vb ValueBuilder) In(right OperandBuilder, other ...OperandBuilder) ConditionBuilder {
	return In(vb, right, other...)
}

// In is size IN (right, …).
func (sb SizeBuilder) In(right OperandBuilder, other ...OperandBuilder) ConditionBuilder {
	return In(sb, right, other...)
}

// AttributeExists is attribute_exists (name).
func AttributeExists(nameBuilder NameBuilder) ConditionBuilder {
	return ConditionBuilder{operandList: []OperandBuilder{nameBuilder}, mode: condExists}
}

// AttributeExists is attribute_exists (nb).
func (nb NameBuilder) AttributeExists() ConditionBuilder { return AttributeExists(nb) }

// AttributeNotExists is attribute_not_exists (name).
func AttributeNotExists(nameBuilder NameBuilder) ConditionBuilder {
	return ConditionBuilder{operandList: []OperandBuilder{nameBuilder}, mode: condNotExists}
}

// AttributeNotExists is attribute_not_exists (nb).
func (nb NameBuilder) AttributeNotExists() ConditionBuilder { return AttributeNotExists(nb) }

// AttributeType is attribute_type (name, type).
func AttributeType(nameBuilder NameBuilder, attributeType DynamoDBAttributeType) ConditionBuilder {
	return ConditionBuilder{operandList: []OperandBuilder{nameBuilder, ValueBuilder{value: string(attributeType)}}, mode: condType}
}

// AttributeType is attribute_type (nb, type).
func (nb NameBuilder) AttributeType(attributeType DynamoDBAttributeType) ConditionBuilder {
	return AttributeType(nb, attributeType)
}

// BeginsWith is begins_with (name, prefix).
func BeginsWith(nameBuilder NameBuilder, prefix string) ConditionBuilder {
	return ConditionBuilder{operandList: []OperandBuilder{nameBuilder, ValueBuilder{value: prefix}}, mode: condBeginsWith}
}

// BeginsWith is begins_with (nb, prefix).
func (nb NameBuilder) BeginsWith(prefix string) ConditionBuilder { return BeginsWith(nb, prefix) }

// Contains is contains (name, value).
func Contains(nameBuilder NameBuilder, val any) ConditionBuilder {
	return ConditionBuilder{operandList: []OperandBuilder{nameBuilder, ValueBuilder{value: val}}, mode: condContains}
}

// Contains is contains (nb, value).
func (nb NameBuilder) Contains(val any) ConditionBuilder { return Contains(nb, val) }

var condFormats = map[condOp]string{
	condEqual:        "$c = $c",
	condNotEqual:     "$c <> $c",
	condLess:         "$c < $c",
	condLessEqual:    "$c <= $c",
	condGreater:      "$c > $c",
	condGreaterEqual: "$c >= $c",
	condNot:          "NOT ($c)",
	condBetween:      "$c BETWEEN $c AND $c",
	condExists:       "attribute_exists ($c)",
	condNotExists:    "attribute_not_exists ($c)",
	condType:         "attribute_type ($c, $c)",
	condBeginsWith:   "begins_with ($c, $c)",
	condContains:     "contains ($c, $c)",
}

func (cb ConditionBuilder) buildTree() (node, error) {
	kids := make([]node, 0, len(cb.conditionList)+len(cb.operandList))
	for _, c := range cb.conditionList {
		n, err := c.buildTree()
		if err != nil {
			return node{}, err
		}
		kids = append(kids, n)
	}
	for _, o := range cb.operandList {
		op, err := o.BuildOperand()
		if err != nil {
			return node{}, err
		}
		kids = append(kids, op.node)
	}
	n := node{kids: kids}
	switch cb.mode {
	case condUnset:
		return node{}, newUnsetParameterError("buildTree", "ConditionBuilder")
	case condAnd, condOr:
		if len(cb.conditionList) == 0 {
			return node{}, newInvalidParameterError("compoundBuildCondition", "ConditionBuilder")
		}
		join := " AND "
		if cb.mode == condOr {
			join = " OR "
		}
		n.format = "($c)" + strings.Repeat(join+"($c)", len(cb.conditionList)-1)
	case condIn:
		if len(cb.operandList) < 2 {
			return node{}, newInvalidParameterError("inBuildCondition", "ConditionBuilder")
		}
		n.format = "$c IN ($c" + strings.Repeat(", $c", len(cb.operandList)-2) + ")"
	default:
		f, ok := condFormats[cb.mode]
		if !ok {
			return node{}, fmt.Errorf("buildCondition error: unsupported mode: %v", cb.mode)
		}
		n.format = f
	}
	return n, nil
}
