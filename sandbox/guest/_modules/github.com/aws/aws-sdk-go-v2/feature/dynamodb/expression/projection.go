package expression

import "strings"

// ProjectionBuilder lists the attributes a read returns.
type ProjectionBuilder struct {
	names []NameBuilder
}

// NamesList returns a projection of the given paths.
func NamesList(nameBuilder NameBuilder, namesList ...NameBuilder) ProjectionBuilder {
	return ProjectionBuilder{names: append([]NameBuilder{nameBuilder}, namesList...)}
}

// NamesList returns a projection of nb and the given paths.
func (nb NameBuilder) NamesList(namesList ...NameBuilder) ProjectionBuilder {
	return NamesList(nb, namesList...)
}

// AddNames returns the projection with more paths.
func AddNames(projectionBuilder ProjectionBuilder, namesList ...NameBuilder) ProjectionBuilder {
	projectionBuilder.names = append(projectionBuilder.names, namesList...)
	return projectionBuilder
}

// AddNames returns pb with more paths.
func (pb ProjectionBuilder) AddNames(namesList ...NameBuilder) ProjectionBuilder {
	return AddNames(pb, namesList...)
}

func (pb ProjectionBuilder) buildTree() (node, error) {
	if len(pb.names) == 0 {
		return node{}, newUnsetParameterError("buildTree", "ProjectionBuilder")
	}
	n := node{kids: make([]node, 0, len(pb.names)), format: "$c" + strings.Repeat(", $c", len(pb.names)-1)}
	for _, name := range pb.names {
		op, err := name.BuildOperand()
		if err != nil {
			return node{}, err
		}
		n.kids = append(n.kids, op.node)
	}
	return n, nil
}
