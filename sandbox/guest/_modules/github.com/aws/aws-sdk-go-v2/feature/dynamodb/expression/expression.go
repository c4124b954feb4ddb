// Package expression is learnsls's stand-in for
// github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression: builders for
// DynamoDB condition, filter, key condition, projection and update
// expressions that fill in ExpressionAttributeNames (#0, #1, …) and
// ExpressionAttributeValues (:0, :1, …) for you.
//
//	keyCond := expression.Key("pk").Equal(expression.Value("USER#1"))
//	expr, err := expression.NewBuilder().WithKeyCondition(keyCond).Build()
//	out, err := db.Query(ctx, &dynamodb.QueryInput{
//		TableName:                 aws.String("orders"),
//		KeyConditionExpression:    expr.KeyCondition(),
//		ExpressionAttributeNames:  expr.Names(),
//		ExpressionAttributeValues: expr.Values(),
//	})
//
// The placeholders are numbered exactly as the real package numbers them,
// so the requests are identical: the expressions are rendered in the order
// condition, filter, keyCondition, projection, update; every distinct name
// gets one placeholder; every value gets its own.
package expression

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// kind names one of the five expressions a Builder can hold; they are
// rendered in the (alphabetical) order of these names.
type kind string

const (
	kindCondition    kind = "condition"
	kindFilter       kind = "filter"
	kindKeyCondition kind = "keyCondition"
	kindProjection   kind = "projection"
	kindUpdate       kind = "update"
)

// treeBuilder is implemented by the builders a Builder holds.
type treeBuilder interface {
	buildTree() (node, error)
}

// Builder collects the expressions of one request. The zero value (or
// NewBuilder()) is empty. Like the real package, With… returns the builder
// but also records into the map it shares with copies of it once it has
// one, so code that ignores the result behaves the same here and on AWS.
type Builder struct {
	trees map[kind]treeBuilder
}

// NewBuilder returns an empty Builder.
func NewBuilder() Builder { return Builder{} }

func (b Builder) with(k kind, t treeBuilder) Builder {
	if b.trees == nil {
		b.trees = map[kind]treeBuilder{}
	}
	b.trees[k] = t
	return b
}

// WithCondition sets the condition expression (ConditionExpression).
func (b Builder) WithCondition(c ConditionBuilder) Builder { return b.with(kindCondition, c) }

// WithFilter sets the filter expression (FilterExpression).
func (b Builder) WithFilter(c ConditionBuilder) Builder { return b.with(kindFilter, c) }

// WithKeyCondition sets the key condition (KeyConditionExpression).
func (b Builder) WithKeyCondition(k KeyConditionBuilder) Builder {
	return b.with(kindKeyCondition, k)
}

// WithProjection sets the projection (ProjectionExpression).
func (b Builder) WithProjection(p ProjectionBuilder) Builder { return b.with(kindProjection, p) }

// WithUpdate sets the update expression (UpdateExpression).
func (b Builder) WithUpdate(u UpdateBuilder) Builder { return b.with(kindUpdate, u) }

// Build renders every expression and assigns the placeholders.
func (b Builder) Build() (Expression, error) {
	if b.trees == nil {
		return Expression{}, newUnsetParameterError("Build", "Builder")
	}
	kinds := make([]string, 0, len(b.trees))
	for k := range b.trees {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	var al aliases
	out := Expression{exprs: map[kind]string{}}
	for _, k := range kinds {
		n, err := b.trees[kind(k)].buildTree()
		if err != nil {
			return Expression{}, err
		}
		s, err := n.render(&al)
		if err != nil {
			return Expression{}, err
		}
		out.exprs[kind(k)] = s
	}
	if len(al.names) > 0 {
		out.names = make(map[string]string, len(al.names))
		for i, n := range al.names {
			out.names["#"+strconv.Itoa(i)] = n
		}
	}
	if len(al.values) > 0 {
		out.values = make(map[string]types.AttributeValue, len(al.values))
		for i, v := range al.values {
			out.values[":"+strconv.Itoa(i)] = v
		}
	}
	return out, nil
}

// Expression is a built set of expressions with their placeholders. Pass
// its methods' results straight into an Input struct.
type Expression struct {
	exprs  map[kind]string
	names  map[string]string
	values map[string]types.AttributeValue
}

func (e Expression) get(k kind) *string {
	s, ok := e.exprs[k]
	if !ok {
		return nil
	}
	return &s
}

// Condition returns the condition expression, or nil when none was set.
func (e Expression) Condition() *string { return e.get(kindCondition) }

// Filter returns the filter expression, or nil.
func (e Expression) Filter() *string { return e.get(kindFilter) }

// KeyCondition returns the key condition expression, or nil.
func (e Expression) KeyCondition() *string { return e.get(kindKeyCondition) }

// Projection returns the projection expression, or nil.
func (e Expression) Projection() *string { return e.get(kindProjection) }

// Update returns the update expression, or nil.
func (e Expression) Update() *string { return e.get(kindUpdate) }

// Names returns ExpressionAttributeNames (nil when there are none).
func (e Expression) Names() map[string]string { return e.names }

// Values returns ExpressionAttributeValues (nil when there are none).
func (e Expression) Values() map[string]types.AttributeValue { return e.values }

// node is one piece of an expression: a format in which $n, $v and $c
// stand for the next name, value and child, in order.
type node struct {
	names  []string
	values []types.AttributeValue
	kids   []node
	format string
}

// aliases collects the placeholders of one Build.
type aliases struct {
	names  []string
	values []types.AttributeValue
}

func (al *aliases) name(n string) string {
	for i, have := range al.names {
		if have == n {
			return "#" + strconv.Itoa(i)
		}
	}
	al.names = append(al.names, n)
	return "#" + strconv.Itoa(len(al.names)-1)
}

func (al *aliases) value(v types.AttributeValue) string {
	al.values = append(al.values, v)
	return ":" + strconv.Itoa(len(al.values)-1)
}

// render expands the node's format depth first, assigning placeholders in
// the order they appear in the text.
func (n node) render(al *aliases) (string, error) {
	var out []byte
	var ni, vi, ci int
	f := n.format
	for i := 0; i < len(f); i++ {
		if f[i] != '$' {
			out = append(out, f[i])
			continue
		}
		if i+1 == len(f) {
			return "", fmt.Errorf("buildexprNode error: invalid escape character")
		}
		i++
		switch f[i] {
		case 'n':
			if ni >= len(n.names) {
				return "", fmt.Errorf("substitutePath error: exprNode []names out of range")
			}
			out = append(out, al.name(n.names[ni])...)
			ni++
		case 'v':
			if vi >= len(n.values) {
				return "", fmt.Errorf("substituteValue error: exprNode []values out of range")
			}
			out = append(out, al.value(n.values[vi])...)
			vi++
		case 'c':
			if ci >= len(n.kids) {
				return "", fmt.Errorf("substituteChild error: exprNode []children out of range")
			}
			s, err := n.kids[ci].render(al)
			if err != nil {
				return "", err
			}
			out = append(out, s...)
			ci++
		default:
			return "", fmt.Errorf("buildexprNode error: invalid escape rune %#v", f[i])
		}
	}
	return string(out), nil
}

// InvalidParameterError reports a builder given an invalid argument, such
// as a malformed attribute path.
type InvalidParameterError struct {
	parameterType string
	functionName  string
}

// Error reads "<function> error: invalid parameter: <type>".
func (e InvalidParameterError) Error() string {
	return fmt.Sprintf("%s error: invalid parameter: %s", e.functionName, e.parameterType)
}

func newInvalidParameterError(fn, param string) InvalidParameterError {
	return InvalidParameterError{parameterType: param, functionName: fn}
}

// UnsetParameterError reports a builder used without being set up, such
// as an empty Builder or a zero NameBuilder.
type UnsetParameterError struct {
	parameterType string
	functionName  string
}

// Error reads "<function> error: unset parameter: <type>".
func (e UnsetParameterError) Error() string {
	return fmt.Sprintf("%s error: unset parameter: %s", e.functionName, e.parameterType)
}

func newUnsetParameterError(fn, param string) UnsetParameterError {
	return UnsetParameterError{parameterType: param, functionName: fn}
}
