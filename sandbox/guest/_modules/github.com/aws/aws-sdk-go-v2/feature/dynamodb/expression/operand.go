package expression

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Operand is a built operand; builders produce it, learners rarely touch it.
type Operand struct {
	node node
}

// OperandBuilder is anything that can stand as an operand: a name, a
// value, a size, a key or an arithmetic/function expression.
type OperandBuilder interface {
	BuildOperand() (Operand, error)
}

// NameBuilder is an attribute path such as "address.city" or "items[0]".
type NameBuilder struct {
	names []string
}

// Name returns a path, split at dots: Name("a.b") is attribute b of map a.
// Use NameNoDotSplit for a top-level name that contains dots.
func Name(name string) NameBuilder {
	if name == "" {
		return NameBuilder{}
	}
	return NameBuilder{names: strings.Split(name, ".")}
}

// NameNoDotSplit returns a top-level attribute name taken literally.
func NameNoDotSplit(name string) NameBuilder {
	return NameBuilder{names: []string{name}}
}

// AppendName returns the path nb followed by field; a field starting with
// list indexes ("[2]") indexes nb's last element instead of adding one.
func (nb NameBuilder) AppendName(field NameBuilder) NameBuilder {
	names := append(append(make([]string, 0, len(nb.names)+len(field.names)), nb.names...), field.names...)
	if len(nb.names) == 0 || len(field.names) == 0 {
		return NameBuilder{names: names}
	}
	last := len(nb.names) - 1
	first := last + 1
	for rest := names[first]; strings.HasPrefix(rest, "["); {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			break
		}
		names[last] += rest[:end+1]
		rest = rest[end+1:]
		names[first] = rest
		if rest == "" {
			names = append(names[:first], names[first+1:]...)
			break
		}
	}
	return NameBuilder{names: names}
}

// BuildOperand checks the path (non-empty parts, balanced numeric list
// indexes) and turns each part into a name placeholder.
func (nb NameBuilder) BuildOperand() (Operand, error) {
	if len(nb.names) == 0 {
		return Operand{}, newUnsetParameterError("BuildOperand", "NameBuilder")
	}
	invalid := newInvalidParameterError("BuildOperand", "NameBuilder")
	n := node{names: []string{}}
	parts := make([]string, 0, len(nb.names))
	for _, word := range nb.names {
		if word == "" {
			return Operand{}, invalid
		}
		if !validIndexes(word) {
			return Operand{}, invalid
		}
		suffix := ""
		if strings.HasSuffix(word, "]") {
			i := strings.IndexByte(word, '[')
			word, suffix = word[:i], word[i:]
		}
		if word == "" {
			return Operand{}, invalid
		}
		n.names = append(n.names, word)
		parts = append(parts, "$n"+suffix)
	}
	n.format = strings.Join(parts, ".")
	return Operand{node: n}, nil
}

// validIndexes reports whether every [..] in word is balanced, in order,
// and holds a non-empty decimal number.
func validIndexes(word string) bool {
	var opens, closes []int
	for i := 0; i < len(word); i++ {
		switch word[i] {
		case '[':
			opens = append(opens, i)
		case ']':
			closes = append(closes, i)
		}
	}
	if len(opens) != len(closes) {
		return false
	}
	for k := range closes {
		if opens[k] > closes[k] {
			return false
		}
		digits := word[opens[k]+1 : closes[k]]
		if digits == "" {
			return false
		}
		for _, c := range []byte(digits) {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}

// ValueBuilderOptions configures how a ValueBuilder marshals its value.
type ValueBuilderOptions struct {
	EncoderOptions []func(*attributevalue.EncoderOptions)
}

// ValueBuilder is a value, marshalled with attributevalue (or used as is
// when it already is an AttributeValue).
type ValueBuilder struct {
	value   any
	options ValueBuilderOptions
}

// Value returns an operand for a Go value.
func Value(value any) ValueBuilder { return ValueBuilder{value: value} }

// ValueWithOptions returns an operand for a Go value marshalled with the
// given encoder options.
func ValueWithOptions(value any, optFns ...func(*ValueBuilderOptions)) ValueBuilder {
	var o ValueBuilderOptions
	for _, fn := range optFns {
		fn(&o)
	}
	return ValueBuilder{value: value, options: o}
}

// BuildOperand marshals the value into a value placeholder.
func (vb ValueBuilder) BuildOperand() (Operand, error) {
	var av types.AttributeValue
	switch v := vb.value.(type) {
	case types.AttributeValueMemberS:
		av = &v
	case types.AttributeValueMemberN:
		av = &v
	case types.AttributeValueMemberB:
		av = &v
	case types.AttributeValueMemberSS:
		av = &v
	case types.AttributeValueMemberNS:
		av = &v
	case types.AttributeValueMemberBS:
		av = &v
	case types.AttributeValueMemberM:
		av = &v
	case types.AttributeValueMemberL:
		av = &v
	case types.AttributeValueMemberNULL:
		av = &v
	case types.AttributeValueMemberBOOL:
		av = &v
	case types.AttributeValue:
		av = v
	default:
		var err error
		if av, err = attributevalue.MarshalWithOptions(vb.value, vb.options.EncoderOptions...); err != nil {
			return Operand{}, newInvalidParameterError("BuildOperand", "ValueBuilder")
		}
	}
	return Operand{node: node{values: []types.AttributeValue{av}, format: "$v"}}, nil
}

// SizeBuilder is size(path).
type SizeBuilder struct {
	nameBuilder NameBuilder
}

// Size returns size(nb).
func (nb NameBuilder) Size() SizeBuilder { return SizeBuilder{nameBuilder: nb} }

// Size returns size(nameBuilder).
func Size(nameBuilder NameBuilder) SizeBuilder { return nameBuilder.Size() }

// BuildOperand renders "size (path)".
func (sb SizeBuilder) BuildOperand() (Operand, error) {
	op, err := sb.nameBuilder.BuildOperand()
	op.node.format = "size (" + op.node.format + ")"
	return op, err
}

// KeyBuilder is a key attribute in a key condition.
type KeyBuilder struct {
	key string
}

// Key returns the key attribute named key (never split at dots).
func Key(key string) KeyBuilder { return KeyBuilder{key: key} }

// BuildOperand renders the key as a name placeholder.
func (kb KeyBuilder) BuildOperand() (Operand, error) {
	if kb.key == "" {
		return Operand{}, newUnsetParameterError("BuildOperand", "KeyBuilder")
	}
	return Operand{node: node{names: []string{kb.key}, format: "$n"}}, nil
}

// setFunc is the operation of a SetValueBuilder.
type setFunc int

const (
	setUnset setFunc = iota
	setPlus
	setMinus
	setListAppend
	setIfNotExists
)

var setFormats = map[setFunc]string{
	setPlus:        "$c + $c",
	setMinus:       "$c - $c",
	setListAppend:  "list_append($c, $c)",
	setIfNotExists: "if_not_exists($c, $c)",
}

// SetValueBuilder is a value computed in a SET action: a + b, a - b,
// list_append(a, b) or if_not_exists(path, v).
type SetValueBuilder struct {
	leftOperand  OperandBuilder
	rightOperand OperandBuilder
	mode         setFunc
}

// Plus returns left + right.
func Plus(left, right OperandBuilder) SetValueBuilder {
	return SetValueBuilder{leftOperand: left, rightOperand: right, mode: setPlus}
}

// Plus returns nb + right.
func (nb NameBuilder) Plus(right OperandBuilder) SetValueBuilder { return Plus(nb, right) }

// Plus returns vb + right.
func (vb ValueBuilder) Plus(right OperandBuilder) SetValueBuilder { return Plus(vb, right) }

// Minus returns left - right.
func Minus(left, right OperandBuilder) SetValueBuilder {
	return SetValueBuilder{leftOperand: left, rightOperand: right, mode: setMinus}
}

// Minus returns nb - right.
func (nb NameBuilder) Minus(right OperandBuilder) SetValueBuilder { return Minus(nb, right) }

// Minus returns vb - right.
func (vb ValueBuilder) Minus(right OperandBuilder) SetValueBuilder { return Minus(vb, right) }

// ListAppend returns list_append(left, right).
func ListAppend(left, right OperandBuilder) SetValueBuilder {
	return SetValueBuilder{leftOperand: left, rightOperand: right, mode: setListAppend}
}

// ListAppend returns list_append(nb, right).
func (nb NameBuilder) ListAppend(right OperandBuilder) SetValueBuilder { return ListAppend(nb, right) }

// ListAppend returns list_append(vb, right).
func (vb ValueBuilder) ListAppend(right OperandBuilder) SetValueBuilder { return ListAppend(vb, right) }

// IfNotExists returns if_not_exists(name, setValue).
func IfNotExists(name NameBuilder, setValue OperandBuilder) SetValueBuilder {
	return SetValueBuilder{leftOperand: name, rightOperand: setValue, mode: setIfNotExists}
}

// IfNotExists returns if_not_exists(nb, right).
func (nb NameBuilder) IfNotExists(right OperandBuilder) SetValueBuilder {
	return IfNotExists(nb, right)
}

// BuildOperand renders the function or arithmetic.
func (svb SetValueBuilder) BuildOperand() (Operand, error) {
	if svb.mode == setUnset {
		return Operand{}, newUnsetParameterError("BuildOperand", "SetValueBuilder")
	}
	left, err := svb.leftOperand.BuildOperand()
	if err != nil {
		return Operand{}, err
	}
	right, err := svb.rightOperand.BuildOperand()
	if err != nil {
		return Operand{}, err
	}
	return Operand{node: node{kids: []node{left.node, right.node}, format: setFormats[svb.mode]}}, nil
}
