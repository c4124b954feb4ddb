package dynamodb

import (
	"slices"
	"strings"
)

// resolve follows a document path into an item.
func resolve(it Item, p docPath) (AttributeValue, bool) {
	v, ok := it[p[0].name]
	if !ok || p[0].isIdx {
		return AttributeValue{}, false
	}
	for _, e := range p[1:] {
		if e.isIdx {
			if v.Kind != KindL || e.index >= len(v.List) {
				return AttributeValue{}, false
			}
			v = v.List[e.index]
		} else {
			if v.Kind != KindM {
				return AttributeValue{}, false
			}
			v, ok = v.Map[e.name]
			if !ok {
				return AttributeValue{}, false
			}
		}
	}
	return v, true
}

// evalOperand gives an operand's value in a condition; ok is false for a
// missing attribute (which makes most comparisons false).
func evalOperand(it Item, o *operand) (AttributeValue, bool) {
	switch o.kind {
	case opValue:
		return o.val, true
	case opPath:
		return resolve(it, o.path)
	case opSize:
		v, ok := resolve(it, o.args[0].path)
		if !ok {
			return AttributeValue{}, false
		}
		n := 0
		switch v.Kind {
		case KindS, KindB:
			n = len(v.Str)
		case KindSS, KindNS, KindBS:
			n = len(v.Set)
		case KindL:
			n = len(v.List)
		case KindM:
			n = len(v.Map)
		default:
			return AttributeValue{}, false
		}
		return AttributeValue{Kind: KindN, Str: itoa(n)}, true
	}
	return AttributeValue{}, false
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// evalCond evaluates a condition against an item (nil item: no item).
func evalCond(it Item, c *cond) bool {
	switch c.kind {
	case cAnd:
		return evalCond(it, c.sub[0]) && evalCond(it, c.sub[1])
	case cOr:
		return evalCond(it, c.sub[0]) || evalCond(it, c.sub[1])
	case cNot:
		return !evalCond(it, c.sub[0])
	case cCompare:
		a, aok := evalOperand(it, c.operands[0])
		b, bok := evalOperand(it, c.operands[1])
		if !aok || !bok {
			return c.op == "<>" && (aok || bok)
		}
		switch c.op {
		case "=":
			return equalValues(a, b)
		case "<>":
			return !equalValues(a, b)
		}
		if a.Kind != b.Kind || !isScalarKey(a.Kind) {
			return false
		}
		r := compareValues(a, b)
		switch c.op {
		case "<":
			return r < 0
		case "<=":
			return r <= 0
		case ">":
			return r > 0
		case ">=":
			return r >= 0
		}
	case cBetween:
		x, ok1 := evalOperand(it, c.operands[0])
		lo, ok2 := evalOperand(it, c.operands[1])
		hi, ok3 := evalOperand(it, c.operands[2])
		if !ok1 || !ok2 || !ok3 || x.Kind != lo.Kind || x.Kind != hi.Kind || !isScalarKey(x.Kind) {
			return false
		}
		return compareValues(x, lo) >= 0 && compareValues(x, hi) <= 0
	case cIn:
		x, ok := evalOperand(it, c.operands[0])
		if !ok {
			return false
		}
		for _, o := range c.operands[1:] {
			if v, ok := evalOperand(it, o); ok && equalValues(x, v) {
				return true
			}
		}
		return false
	case cFunc:
		v, exists := resolve(it, c.operands[0].path)
		switch c.op {
		case "attribute_exists":
			return exists
		case "attribute_not_exists":
			return !exists
		case "attribute_type":
			return exists && v.Kind.String() == c.operands[1].val.Str
		case "begins_with":
			prefix, ok := evalOperand(it, c.operands[1])
			if !exists || !ok || v.Kind != prefix.Kind || (v.Kind != KindS && v.Kind != KindB) {
				return false
			}
			return strings.HasPrefix(v.Str, prefix.Str)
		case "contains":
			x, ok := evalOperand(it, c.operands[1])
			if !exists || !ok {
				return false
			}
			switch v.Kind {
			case KindS, KindB:
				return x.Kind == v.Kind && strings.Contains(v.Str, x.Str)
			case KindSS:
				return x.Kind == KindS && slices.Contains(v.Set, x.Str)
			case KindNS:
				return x.Kind == KindN && slices.Contains(v.Set, x.Str)
			case KindBS:
				return x.Kind == KindB && slices.Contains(v.Set, x.Str)
			case KindL:
				for _, e := range v.List {
					if equalValues(e, x) {
						return true
					}
				}
			}
			return false
		}
	}
	return false
}

// project builds the item holding only the given paths. Paths are first
// merged into a mask, so a[0].b and a[0].c land in one list element, and
// list elements keep their original order (their indexes are compacted).
func project(it Item, paths []docPath) Item {
	root := &projMask{}
	for _, p := range paths {
		root.add(p)
	}
	out := Item{}
	for name, m := range root.names {
		if v, ok := it[name]; ok {
			if pv, ok := m.extract(v); ok {
				out[name] = pv
			}
		}
	}
	return out
}

// projMask is a tree of requested document paths.
type projMask struct {
	leaf    bool // the whole value is wanted
	names   map[string]*projMask
	indexes map[int]*projMask
}

func (m *projMask) add(p docPath) {
	for _, e := range p {
		if m.leaf {
			return
		}
		var next *projMask
		if e.isIdx {
			if m.indexes == nil {
				m.indexes = map[int]*projMask{}
			}
			if next = m.indexes[e.index]; next == nil {
				next = &projMask{}
				m.indexes[e.index] = next
			}
		} else {
			if m.names == nil {
				m.names = map[string]*projMask{}
			}
			if next = m.names[e.name]; next == nil {
				next = &projMask{}
				m.names[e.name] = next
			}
		}
		m = next
	}
	m.leaf, m.names, m.indexes = true, nil, nil
}

func (m *projMask) extract(v AttributeValue) (AttributeValue, bool) {
	if m.leaf {
		return v, true
	}
	switch {
	case m.names != nil && v.Kind == KindM:
		out := map[string]AttributeValue{}
		for name, sub := range m.names {
			if c, ok := v.Map[name]; ok {
				if pv, ok := sub.extract(c); ok {
					out[name] = pv
				}
			}
		}
		if len(out) == 0 {
			return v, false
		}
		return AttributeValue{Kind: KindM, Map: out}, true
	case m.indexes != nil && v.Kind == KindL:
		idx := make([]int, 0, len(m.indexes))
		for i := range m.indexes {
			idx = append(idx, i)
		}
		slices.Sort(idx)
		var out []AttributeValue
		for _, i := range idx {
			if i < len(v.List) {
				if pv, ok := m.indexes[i].extract(v.List[i]); ok {
					out = append(out, pv)
				}
			}
		}
		if len(out) == 0 {
			return v, false
		}
		return AttributeValue{Kind: KindL, List: out}, true
	}
	return v, false
}

// updateError is an UpdateItem failure with DynamoDB's message.
func updateErr(msg string) *Error { return validationf("%s", msg) }

var (
	errInvalidPath = "The document path provided in the update expression is invalid for update"
	errMissingAttr = "The provided expression refers to an attribute that does not exist in the item"
	errOperandType = "An operand in the update expression has an incorrect data type"
)

// evalSetValue computes the right-hand side of a SET action against the
// item as it was before the update.
func evalSetValue(it Item, o *operand) (AttributeValue, *Error) {
	switch o.kind {
	case opValue:
		return o.val, nil
	case opPath:
		v, ok := resolve(it, o.path)
		if !ok {
			return v, updateErr(errMissingAttr)
		}
		return v, nil
	case opIfNotExists:
		if v, ok := resolve(it, o.args[0].path); ok {
			return v, nil
		}
		return evalSetValue(it, o.args[1])
	case opListAppend:
		a, err := evalSetValue(it, o.args[0])
		if err != nil {
			return a, err
		}
		b, err := evalSetValue(it, o.args[1])
		if err != nil {
			return b, err
		}
		if a.Kind != KindL || b.Kind != KindL {
			return a, validationf("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: %s", firstNonList(a, b))
		}
		l := make([]AttributeValue, 0, len(a.List)+len(b.List))
		l = append(append(l, a.List...), b.List...)
		return AttributeValue{Kind: KindL, List: l}, nil
	case opPlus, opMinus:
		a, err := evalSetValue(it, o.args[0])
		if err != nil {
			return a, err
		}
		b, err := evalSetValue(it, o.args[1])
		if err != nil {
			return b, err
		}
		if a.Kind != KindN || b.Kind != KindN {
			bad := a.Kind
			if a.Kind == KindN {
				bad = b.Kind
			}
			return a, validationf("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: %s, operand type: %s", o.text, bad)
		}
		n, e := addNumbers(a.Str, b.Str, o.kind == opMinus)
		if e != nil {
			return a, e
		}
		return AttributeValue{Kind: KindN, Str: n}, nil
	}
	return AttributeValue{}, updateErr(errOperandType)
}

func firstNonList(a, b AttributeValue) Kind {
	if a.Kind != KindL {
		return a.Kind
	}
	return b.Kind
}

// applyUpdate runs update actions on a copy of old (nil when absent) and
// returns the new item. All right-hand sides see the old item, as in
// DynamoDB.
func applyUpdate(old Item, key Item, actions []updateAction) (Item, *Error) {
	src := old
	if src == nil {
		src = Item{}
	}
	type pending struct {
		a   updateAction
		val AttributeValue
	}
	vals := make([]pending, 0, len(actions))
	for _, a := range actions {
		pd := pending{a: a}
		if a.verb == "SET" {
			v, err := evalSetValue(src, a.value)
			if err != nil {
				return nil, err
			}
			pd.val = v
		} else if a.value != nil {
			pd.val = a.value.val
		}
		vals = append(vals, pd)
	}
	nu := make(Item, len(src)+len(actions))
	for k, v := range src {
		nu[k] = v
	}
	for k, kv := range key {
		nu[k] = kv
	}
	// REMOVE of list elements must use the old indexes, so apply them last
	// and in descending index order.
	var removes []docPath
	for _, pd := range vals {
		a := pd.a
		var err *Error
		switch a.verb {
		case "SET":
			err = setPath(nu, a.path, func(cur AttributeValue, exists bool) (AttributeValue, bool, *Error) {
				return pd.val, true, nil
			})
		case "REMOVE":
			removes = append(removes, a.path)
		case "ADD":
			err = setPath(nu, a.path, func(cur AttributeValue, exists bool) (AttributeValue, bool, *Error) {
				return addValue(cur, exists, pd.val)
			})
		case "DELETE":
			err = setPath(nu, a.path, func(cur AttributeValue, exists bool) (AttributeValue, bool, *Error) {
				return deleteFromSet(cur, exists, pd.val)
			})
		}
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(removes, func(a, b docPath) int {
		// later list indexes first
		la, lb := a[len(a)-1], b[len(b)-1]
		if la.isIdx && lb.isIdx {
			return lb.index - la.index
		}
		return 0
	})
	for _, p := range removes {
		if err := setPath(nu, p, func(AttributeValue, bool) (AttributeValue, bool, *Error) {
			return AttributeValue{}, false, nil
		}); err != nil {
			return nil, err
		}
	}
	return nu, nil
}

func addValue(cur AttributeValue, exists bool, v AttributeValue) (AttributeValue, bool, *Error) {
	if v.Kind != KindN && v.Kind != KindSS && v.Kind != KindNS && v.Kind != KindBS {
		return cur, true, validationf("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: %s", v.Kind)
	}
	if !exists {
		return v, true, nil
	}
	if cur.Kind != v.Kind {
		return cur, true, validationf("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: %s", cur.Kind)
	}
	if v.Kind == KindN {
		n, err := addNumbers(cur.Str, v.Str, false)
		if err != nil {
			return cur, true, err
		}
		return AttributeValue{Kind: KindN, Str: n}, true, nil
	}
	set := slices.Clone(cur.Set)
	for _, m := range v.Set {
		if !slices.Contains(set, m) {
			set = append(set, m)
		}
	}
	return AttributeValue{Kind: cur.Kind, Set: set}, true, nil
}

func deleteFromSet(cur AttributeValue, exists bool, v AttributeValue) (AttributeValue, bool, *Error) {
	if v.Kind != KindSS && v.Kind != KindNS && v.Kind != KindBS {
		return cur, exists, validationf("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: %s", v.Kind)
	}
	if !exists {
		return cur, false, nil
	}
	if cur.Kind != v.Kind {
		return cur, true, validationf("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: %s", cur.Kind)
	}
	var set []string
	for _, m := range cur.Set {
		if !slices.Contains(v.Set, m) {
			set = append(set, m)
		}
	}
	if len(set) == 0 {
		return cur, false, nil
	}
	return AttributeValue{Kind: cur.Kind, Set: set}, true, nil
}

// setPath rewrites the value at p inside it (copying every document on the
// way, since stored values are shared): f gets the current value and
// returns the new one and whether it should exist.
func setPath(it Item, p docPath, f func(AttributeValue, bool) (AttributeValue, bool, *Error)) *Error {
	cur, exists := it[p[0].name]
	if len(p) == 1 {
		nv, keep, err := f(cur, exists)
		if err != nil {
			return err
		}
		if keep {
			it[p[0].name] = nv
		} else {
			delete(it, p[0].name)
		}
		return nil
	}
	if !exists {
		return updateErr(errInvalidPath)
	}
	nv, err := setIn(cur, p[1:], f)
	if err != nil {
		return err
	}
	it[p[0].name] = nv
	return nil
}

func setIn(parent AttributeValue, p docPath, f func(AttributeValue, bool) (AttributeValue, bool, *Error)) (AttributeValue, *Error) {
	e := p[0]
	if e.isIdx {
		if parent.Kind != KindL {
			return parent, updateErr(errInvalidPath)
		}
		l := slices.Clone(parent.List)
		exists := e.index < len(l)
		var cur AttributeValue
		if exists {
			cur = l[e.index]
		}
		if len(p) == 1 {
			nv, keep, err := f(cur, exists)
			if err != nil {
				return parent, err
			}
			switch {
			case keep && exists:
				l[e.index] = nv
			case keep:
				l = append(l, nv) // past the end: appended, as DynamoDB does
			case exists:
				l = slices.Delete(l, e.index, e.index+1)
			}
			return AttributeValue{Kind: KindL, List: l}, nil
		}
		if !exists {
			return parent, updateErr(errInvalidPath)
		}
		nv, err := setIn(cur, p[1:], f)
		if err != nil {
			return parent, err
		}
		l[e.index] = nv
		return AttributeValue{Kind: KindL, List: l}, nil
	}
	if parent.Kind != KindM {
		return parent, updateErr(errInvalidPath)
	}
	m := make(map[string]AttributeValue, len(parent.Map)+1)
	for k, v := range parent.Map {
		m[k] = v
	}
	cur, exists := m[e.name]
	if len(p) == 1 {
		nv, keep, err := f(cur, exists)
		if err != nil {
			return parent, err
		}
		if keep {
			m[e.name] = nv
		} else {
			delete(m, e.name)
		}
		return AttributeValue{Kind: KindM, Map: m}, nil
	}
	if !exists {
		return parent, updateErr(errInvalidPath)
	}
	nv, err := setIn(cur, p[1:], f)
	if err != nil {
		return parent, err
	}
	m[e.name] = nv
	return AttributeValue{Kind: KindM, Map: m}, nil
}

// updatedNames lists the top-level attributes an update touches, for
// ReturnValues UPDATED_OLD / UPDATED_NEW.
func updatedPaths(actions []updateAction) []docPath {
	out := make([]docPath, len(actions))
	for i, a := range actions {
		out[i] = a.path
	}
	return out
}
