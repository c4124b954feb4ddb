package expression

import (
	"sort"
	"strings"
)

// UpdateBuilder is an update expression: SET, REMOVE, ADD and DELETE
// actions, rendered in the order ADD, DELETE, REMOVE, SET (each clause on
// its own line), as the real package does.
type UpdateBuilder struct {
	operationList map[string][]updateAction
}

// updateAction is one action of an update expression.
type updateAction struct {
	name  NameBuilder
	value OperandBuilder
	verb  string
}

// with records an action. As in the real package the map is shared by
// copies of the builder, so `u.Set(…)` without reassigning u still adds
// the action once u has one.
func (ub UpdateBuilder) with(a updateAction) UpdateBuilder {
	if ub.operationList == nil {
		ub.operationList = map[string][]updateAction{}
	}
	ub.operationList[a.verb] = append(ub.operationList[a.verb], a)
	return ub
}

// Set returns an update with SET name = operand.
func Set(name NameBuilder, operandBuilder OperandBuilder) UpdateBuilder {
	return UpdateBuilder{}.Set(name, operandBuilder)
}

// Set adds SET name = operand.
func (ub UpdateBuilder) Set(name NameBuilder, operandBuilder OperandBuilder) UpdateBuilder {
	return ub.with(updateAction{name: name, value: operandBuilder, verb: "SET"})
}

// Remove returns an update with REMOVE name.
func Remove(name NameBuilder) UpdateBuilder { return UpdateBuilder{}.Remove(name) }

// Remove adds REMOVE name.
func (ub UpdateBuilder) Remove(name NameBuilder) UpdateBuilder {
	return ub.with(updateAction{name: name, verb: "REMOVE"})
}

// Add returns an update with ADD name value (numbers and sets).
func Add(name NameBuilder, value ValueBuilder) UpdateBuilder { return UpdateBuilder{}.Add(name, value) }

// Add adds ADD name value.
func (ub UpdateBuilder) Add(name NameBuilder, value ValueBuilder) UpdateBuilder {
	return ub.with(updateAction{name: name, value: value, verb: "ADD"})
}

// Delete returns an update with DELETE name value (removes set elements).
func Delete(name NameBuilder, value ValueBuilder) UpdateBuilder {
	return UpdateBuilder{}.Delete(name, value)
}

// Delete adds DELETE name value.
func (ub UpdateBuilder) Delete(name NameBuilder, value ValueBuilder) UpdateBuilder {
	return ub.with(updateAction{name: name, value: value, verb: "DELETE"})
}

func (a updateAction) build() (node, error) {
	path, err := a.name.BuildOperand()
	if err != nil {
		return node{}, err
	}
	n := node{kids: []node{path.node}, format: "$c"}
	if a.verb == "REMOVE" {
		return n, nil
	}
	val, err := a.value.BuildOperand()
	if err != nil {
		return node{}, err
	}
	n.kids = append(n.kids, val.node)
	if a.verb == "SET" {
		n.format += " = $c"
	} else {
		n.format += " $c"
	}
	return n, nil
}

func (ub UpdateBuilder) buildTree() (node, error) {
	if ub.operationList == nil {
		return node{}, newUnsetParameterError("buildTree", "UpdateBuilder")
	}
	verbs := make([]string, 0, len(ub.operationList))
	for v := range ub.operationList {
		verbs = append(verbs, v)
	}
	sort.Strings(verbs)
	out := node{kids: []node{}}
	for _, verb := range verbs {
		actions := ub.operationList[verb]
		clause := node{kids: make([]node, 0, len(actions)), format: "$c" + strings.Repeat(", $c", len(actions)-1)}
		for _, a := range actions {
			n, err := a.build()
			if err != nil {
				return node{}, err
			}
			clause.kids = append(clause.kids, n)
		}
		out.format += verb + " $c\n"
		out.kids = append(out.kids, clause)
	}
	return out, nil
}
