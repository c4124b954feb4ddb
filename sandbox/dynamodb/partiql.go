package dynamodb

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	"github.com/learnsls/learnsls/sandbox/dynamodb/partiql"
)

// PartiQL statements are parsed by the partiql package and compiled here
// into the engine's own condition and update structures, so they share
// their semantics with the expression-based API.

type compiled struct {
	st      *partiql.Statement
	t       *table
	ix      *index
	key     string // encoded primary key (writes and key SELECTs)
	keyItem Item
	cond    *cond
	item    Item // INSERT
	actions []updateAction
	paths   []docPath
	pk      *AttributeValue // SELECT with a partition key equality
}

func partiqlSyntax(err error) *Error {
	var se *partiql.SyntaxError
	if errors.As(err, &se) {
		return validationf("%s", se.Error())
	}
	return validationf("Statement wasn't well formed, can't be processed: %v", err)
}

// constValue turns a literal, parameter or constructor into a value.
func constValue(e partiql.Expr, params []AttributeValue) (AttributeValue, *Error) {
	switch x := e.(type) {
	case *partiql.Literal:
		switch x.Kind {
		case "S":
			return S(x.Text), nil
		case "N":
			c, err := canonicalNumber(x.Text)
			if err != nil {
				return AttributeValue{}, err
			}
			return AttributeValue{Kind: KindN, Str: c}, nil
		case "BOOL":
			return Bool(x.Bool), nil
		case "NULL":
			return Null(), nil
		}
		return AttributeValue{}, validationf("Unsupported literal %s", x.Kind)
	case *partiql.Param:
		if x.N >= len(params) {
			return AttributeValue{}, validationf("Number of parameters in request and statement don't match.")
		}
		return params[x.N], nil
	case *partiql.Tuple:
		m := map[string]AttributeValue{}
		for _, f := range x.Fields {
			v, err := constValue(f.Value, params)
			if err != nil {
				return v, err
			}
			m[f.Key] = v
		}
		return AttributeValue{Kind: KindM, Map: m}, nil
	case *partiql.List:
		l := []AttributeValue{}
		for _, el := range x.Elems {
			v, err := constValue(el, params)
			if err != nil {
				return v, err
			}
			l = append(l, v)
		}
		return AttributeValue{Kind: KindL, List: l}, nil
	case *partiql.Bag:
		var set []string
		var kind Kind
		for _, el := range x.Elems {
			v, err := constValue(el, params)
			if err != nil {
				return v, err
			}
			if kind != 0 && v.Kind != kind || (v.Kind != KindS && v.Kind != KindN && v.Kind != KindB) {
				return v, validationf("Unsupported set: all elements must be strings, numbers or binaries of one type")
			}
			kind = v.Kind
			set = append(set, v.Str)
		}
		sk := map[Kind]Kind{KindS: KindSS, KindN: KindNS, KindB: KindBS}[kind]
		v := AttributeValue{Kind: sk, Set: set}
		if err := validateValue(&v, 1); err != nil {
			return v, err
		}
		return v, nil
	}
	return AttributeValue{}, validationf("Unsupported expression: a value was expected")
}

func toDocPath(p partiql.Path) docPath {
	out := make(docPath, len(p))
	for i, e := range p {
		out[i] = pathElem{name: e.Name, index: e.Index, isIdx: e.IsIndex}
	}
	return out
}

// operandOf compiles a value-or-path expression.
func operandOf(e partiql.Expr, params []AttributeValue) (*operand, *Error) {
	switch x := e.(type) {
	case *partiql.PathExpr:
		return &operand{kind: opPath, path: toDocPath(x.Path)}, nil
	case *partiql.Call:
		if x.Name == "size" && len(x.Args) == 1 {
			a, err := operandOf(x.Args[0], params)
			if err != nil {
				return nil, err
			}
			return &operand{kind: opSize, args: []*operand{a}}, nil
		}
		return nil, validationf("Unsupported function in this position: %s", x.Name)
	case *partiql.Binary:
		if x.Op == "+" || x.Op == "-" {
			l, err := operandOf(x.L, params)
			if err != nil {
				return nil, err
			}
			r, err := operandOf(x.R, params)
			if err != nil {
				return nil, err
			}
			k := opPlus
			if x.Op == "-" {
				k = opMinus
			}
			return &operand{kind: k, args: []*operand{l, r}, text: x.Op}, nil
		}
	}
	v, err := constValue(e, params)
	if err != nil {
		return nil, err
	}
	return &operand{kind: opValue, val: v}, nil
}

// condOf compiles a WHERE clause.
func condOf(e partiql.Expr, params []AttributeValue) (*cond, *Error) {
	switch x := e.(type) {
	case *partiql.Binary:
		switch x.Op {
		case "AND", "OR":
			l, err := condOf(x.L, params)
			if err != nil {
				return nil, err
			}
			r, err := condOf(x.R, params)
			if err != nil {
				return nil, err
			}
			k := cAnd
			if x.Op == "OR" {
				k = cOr
			}
			return &cond{kind: k, sub: []*cond{l, r}}, nil
		case "=", "<>", "<", "<=", ">", ">=":
			l, err := operandOf(x.L, params)
			if err != nil {
				return nil, err
			}
			r, err := operandOf(x.R, params)
			if err != nil {
				return nil, err
			}
			return &cond{kind: cCompare, op: x.Op, operands: []*operand{l, r}}, nil
		}
	case *partiql.Not:
		c, err := condOf(x.X, params)
		if err != nil {
			return nil, err
		}
		return &cond{kind: cNot, sub: []*cond{c}}, nil
	case *partiql.Between:
		ops := make([]*operand, 3)
		for i, a := range []partiql.Expr{x.X, x.Lo, x.Hi} {
			o, err := operandOf(a, params)
			if err != nil {
				return nil, err
			}
			ops[i] = o
		}
		return &cond{kind: cBetween, operands: ops}, nil
	case *partiql.In:
		x0, err := operandOf(x.X, params)
		if err != nil {
			return nil, err
		}
		c := &cond{kind: cIn, operands: []*operand{x0}}
		for _, a := range x.List {
			o, err := operandOf(a, params)
			if err != nil {
				return nil, err
			}
			c.operands = append(c.operands, o)
		}
		return c, nil
	case *partiql.Is:
		p, ok := x.X.(*partiql.PathExpr)
		if !ok {
			return nil, validationf("IS MISSING and IS NULL need an attribute path")
		}
		path := &operand{kind: opPath, path: toDocPath(p.Path)}
		var c *cond
		if x.What == "MISSING" {
			c = &cond{kind: cFunc, op: "attribute_not_exists", operands: []*operand{path}}
		} else {
			c = &cond{kind: cFunc, op: "attribute_type", operands: []*operand{path, {kind: opValue, val: S("NULL")}}}
		}
		if x.Not {
			c = &cond{kind: cNot, sub: []*cond{c}}
		}
		return c, nil
	case *partiql.Call:
		n, ok := conditionFuncs[x.Name]
		if !ok || len(x.Args) != n {
			return nil, validationf("Unsupported function or wrong number of arguments: %s", x.Name)
		}
		c := &cond{kind: cFunc, op: x.Name}
		for _, a := range x.Args {
			o, err := operandOf(a, params)
			if err != nil {
				return nil, err
			}
			c.operands = append(c.operands, o)
		}
		if c.operands[0].kind != opPath {
			return nil, validationf("%s needs an attribute path as its first argument", x.Name)
		}
		if x.Name == "attribute_type" && (c.operands[1].kind != opValue || !validTypeName(c.operands[1].val.Str)) {
			return nil, validationf("attribute_type needs a type name such as 'S' or 'N'")
		}
		return c, nil
	}
	return nil, validationf("Unsupported condition in WHERE clause")
}

// keyEqualities collects "attr = value" conjuncts at the top of a WHERE.
func keyEqualities(c *cond, out map[string]AttributeValue) {
	if c == nil {
		return
	}
	switch c.kind {
	case cAnd:
		keyEqualities(c.sub[0], out)
		keyEqualities(c.sub[1], out)
	case cCompare:
		if c.op != "=" {
			return
		}
		a, b := c.operands[0], c.operands[1]
		if a.kind != opPath {
			a, b = b, a
		}
		if a.kind == opPath && len(a.path) == 1 && b.kind == opValue {
			out[a.path[0].name] = b.val
		}
	}
}

// compile parses and binds a statement. Caller holds mu.
func (s *Service) compile(src string, params []AttributeValue) (*compiled, *Error) {
	st, perr := partiql.Parse(src)
	if perr != nil {
		return nil, partiqlSyntax(perr)
	}
	if st.Params != len(params) {
		return nil, validationf("Number of parameters in request and statement don't match.")
	}
	for i := range params {
		if err := validateValue(&params[i], 1); err != nil {
			return nil, err
		}
	}
	t := s.tables[st.Table]
	if t == nil {
		return nil, tableNotFound()
	}
	c := &compiled{st: st, t: t}
	if st.Index != "" {
		if c.ix = t.findIndex(st.Index); c.ix == nil {
			return nil, validationf("The table does not have the specified index: %s", st.Index)
		}
	}
	if st.Where != nil {
		cd, err := condOf(st.Where, params)
		if err != nil {
			return nil, err
		}
		c.cond = cd
	}
	for _, p := range st.Projection {
		c.paths = append(c.paths, toDocPath(p))
	}
	eq := map[string]AttributeValue{}
	keyEqualities(c.cond, eq)
	schema := t.schema
	if c.ix != nil {
		schema = c.ix.schema
	}
	if v, ok := eq[schema.hash.name]; ok && v.Kind == schema.hash.kind {
		c.pk = &v
	}
	switch st.Kind {
	case partiql.Insert:
		v, err := constValue(st.Value, params)
		if err != nil {
			return nil, err
		}
		if v.Kind != KindM {
			return nil, validationf("Unsupported operation: Insert expects a tuple value such as {'id': 'a'}")
		}
		if err := validateItem(v.Map); err != nil {
			return nil, err
		}
		key, err := t.checkItem(v.Map)
		if err != nil {
			return nil, err
		}
		c.item, c.key = v.Map, key
	case partiql.Update, partiql.Delete:
		k := Item{}
		for _, a := range []keyAttr{t.schema.hash, t.schema.rng} {
			if a.name == "" {
				continue
			}
			v, ok := eq[a.name]
			if !ok || v.Kind != a.kind {
				return nil, validationf("Where clause does not contain a mandatory equality on all key attributes")
			}
			k[a.name] = v
		}
		key, err := t.checkKey(k)
		if err != nil {
			return nil, err
		}
		c.key, c.keyItem = key, k
		for _, a := range st.Sets {
			o, err := operandOf(a.Value, params)
			if err != nil {
				return nil, err
			}
			c.actions = append(c.actions, updateAction{verb: "SET", path: toDocPath(a.Path), value: o})
		}
		for _, p := range st.Removes {
			c.actions = append(c.actions, updateAction{verb: "REMOVE", path: toDocPath(p)})
		}
	}
	return c, nil
}

// fullKey reports whether a SELECT names one item by its whole key, and
// returns the encoded key.
func (c *compiled) fullKey() (string, bool) {
	if c.ix != nil {
		return "", false
	}
	eq := map[string]AttributeValue{}
	keyEqualities(c.cond, eq)
	k := Item{}
	for _, a := range []keyAttr{c.t.schema.hash, c.t.schema.rng} {
		if a.name == "" {
			continue
		}
		v, ok := eq[a.name]
		if !ok || v.Kind != a.kind {
			return "", false
		}
		k[a.name] = v
	}
	key, err := c.t.checkKey(k)
	return key, err == nil
}

// writeResult computes the outcome of a write statement on old without
// storing it: the new item (nil for a delete) or an error.
func (c *compiled) writeResult(old Item) (Item, *Error) {
	switch c.st.Kind {
	case partiql.Insert:
		if old != nil {
			return nil, &Error{Type: "DuplicateItemException", Message: "Duplicate primary key exists in table", Status: 400}
		}
		return c.item, nil
	case partiql.Update:
		// The WHERE clause, key equality included, is the condition: an
		// absent item fails it, as in DynamoDB.
		return c.t.computeUpdate(c.keyItem, old, c.cond, c.actions, "")
	case partiql.Delete:
		if old == nil {
			return nil, nil
		}
		if err := conditionCheck(c.cond, old, ""); err != nil {
			return nil, err
		}
		return nil, nil
	}
	return nil, validationf("Unsupported statement")
}

// apply stores a computed result. Caller holds mu.
func (s *Service) applyWrite(c *compiled, old, nu Item) {
	switch {
	case nu != nil:
		c.t.put(nu)
		s.emit(c.t, old, nu)
	case old != nil:
		c.t.remove(c.key)
		s.emit(c.t, old, nil)
	}
}

func (c *compiled) returning(old, nu Item) Item {
	switch c.st.Returning {
	case "ALL OLD *":
		return old
	case "ALL NEW *":
		return nu
	case "MODIFIED OLD *", "MODIFIED NEW *":
		src := nu
		if strings.Contains(c.st.Returning, "OLD") {
			src = old
		}
		if src == nil {
			return nil
		}
		return project(src, updatedPaths(c.actions))
	}
	return nil
}

func (s *Service) executeStatement(_ context.Context, in *ExecuteStatementInput) (*ExecuteStatementOutput, *Error) {
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(in.Statement)), "SELECT") {
		s.mu.RLock()
		defer s.mu.RUnlock()
		c, err := s.compile(in.Statement, in.Parameters)
		if err != nil {
			return nil, err
		}
		return s.selectPage(c, in)
	}
	s.mu.Lock()
	c, err := s.compile(in.Statement, in.Parameters)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	var old Item
	if e := c.t.items[c.key]; e != nil {
		old = e.item
	}
	nu, err := c.writeResult(old)
	if err != nil {
		s.mu.Unlock()
		if err.Type == "ConditionalCheckFailedException" && in.ReturnValuesOnConditionCheckFailure == "ALL_OLD" {
			err.Item = old
		}
		return nil, err
	}
	s.applyWrite(c, old, nu)
	out := &ExecuteStatementOutput{Items: []Item{}}
	if r := c.returning(old, nu); r != nil {
		out.Items = append(out.Items, r)
	}
	if in.ReturnConsumedCapacity != "" && in.ReturnConsumedCapacity != "NONE" {
		tu, iu := writeCost(c.t, old, nu)
		out.ConsumedCapacity = consumed(c.t, in.ReturnConsumedCapacity, tu, iu, false)
	}
	s.mu.Unlock()
	s.deliver()
	return out, nil
}

// selectPage runs a SELECT as a Query (partition key given) or a Scan,
// with the whole WHERE clause as filter. Caller holds mu.
func (s *Service) selectPage(c *compiled, in *ExecuteStatementInput) (*ExecuteStatementOutput, *Error) {
	p := &readPlan{t: c.t, ix: c.ix, filter: c.cond, paths: c.paths, limit: -1, consistent: in.ConsistentRead, capMode: in.ReturnConsumedCapacity}
	if in.Limit != nil {
		if *in.Limit < 1 {
			return nil, validationf("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1", *in.Limit)
		}
		p.limit = *in.Limit
	}
	var start *entry
	if in.NextToken != "" {
		raw, err := base64.StdEncoding.DecodeString(in.NextToken)
		var k Item
		if err == nil {
			err = json.Unmarshal(raw, &k)
		}
		if err != nil {
			return nil, validationf("Invalid NextToken")
		}
		var e *Error
		if start, e = p.startEntry(k); e != nil {
			return nil, validationf("Invalid NextToken")
		}
	}
	tree := c.t.tree
	if c.ix != nil {
		tree = c.ix.tree
	}
	col := &collector{p: p, out: &QueryOutput{}}
	visit := func(e *entry) bool {
		if start != nil && !entryLess(start, e) {
			return true
		}
		return col.add(e)
	}
	if c.pk != nil {
		pk := string(appendKey(nil, *c.pk))
		pivot := &entry{h: pkHash(pk), pk: pk}
		if start != nil {
			pivot = start
		}
		tree.ascendFrom(pivot, func(e *entry) bool {
			if e.pk != pk {
				return false
			}
			return visit(e)
		})
	} else {
		pivot := &entry{}
		if start != nil {
			pivot = start
		}
		tree.ascendFrom(pivot, visit)
	}
	q := col.finish()
	out := &ExecuteStatementOutput{Items: q.Items, ConsumedCapacity: q.ConsumedCapacity}
	if q.LastEvaluatedKey != nil {
		out.LastEvaluatedKey = q.LastEvaluatedKey
		out.NextToken = base64.StdEncoding.EncodeToString(appendItem(nil, q.LastEvaluatedKey))
	}
	return out, nil
}

func batchErrorCode(e *Error) string {
	switch e.Type {
	case "ConditionalCheckFailedException":
		return "ConditionalCheckFailed"
	case "DuplicateItemException":
		return "DuplicateItem"
	case "ResourceNotFoundException":
		return "ResourceNotFound"
	case "TransactionConflictException":
		return "TransactionConflict"
	}
	return "ValidationError"
}

func (s *Service) batchExecuteStatement(_ context.Context, in *BatchExecuteStatementInput) (*BatchExecuteStatementOutput, *Error) {
	if len(in.Statements) == 0 || len(in.Statements) > 25 {
		return nil, validationf("1 validation error detected: Value at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25 and greater than or equal to 1")
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	out := &BatchExecuteStatementOutput{Responses: make([]BatchStatementResponse, len(in.Statements))}
	s.mu.Lock()
	for i, bs := range in.Statements {
		r := &out.Responses[i]
		fail := func(e *Error) {
			r.Error = &BatchStatementError{Code: batchErrorCode(e), Message: e.Message, Item: e.Item}
		}
		c, err := s.compile(bs.Statement, bs.Parameters)
		if err != nil {
			fail(err)
			continue
		}
		r.TableName = c.t.name
		if c.st.Kind == partiql.Select {
			key, ok := c.fullKey()
			if !ok {
				fail(validationf("Select statements within BatchExecuteStatement must specify the full primary key of one item"))
				continue
			}
			if e := c.t.items[key]; e != nil && (c.cond == nil || evalCond(e.item, c.cond)) {
				r.Item = e.item
				if c.paths != nil {
					r.Item = project(e.item, c.paths)
				}
			}
			continue
		}
		var old Item
		if e := c.t.items[c.key]; e != nil {
			old = e.item
		}
		nu, err := c.writeResult(old)
		if err != nil {
			if err.Type == "ConditionalCheckFailedException" && bs.ReturnValuesOnConditionCheckFailure == "ALL_OLD" {
				err.Item = old
			}
			fail(err)
			continue
		}
		s.applyWrite(c, old, nu)
	}
	s.mu.Unlock()
	s.deliver()
	return out, nil
}

func (s *Service) executeTransaction(_ context.Context, in *ExecuteTransactionInput) (*ExecuteTransactionOutput, *Error) {
	n := len(in.TransactStatements)
	if n == 0 || n > maxTransact {
		return nil, tooManyTransact(n)
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	s.mu.Lock()
	cs := make([]*compiled, n)
	reads, writes := 0, 0
	seen := map[string]bool{}
	for i, ps := range in.TransactStatements {
		c, err := s.compile(ps.Statement, ps.Parameters)
		if err != nil {
			s.mu.Unlock()
			return nil, err
		}
		if c.st.Kind == partiql.Select {
			reads++
			key, ok := c.fullKey()
			if !ok {
				s.mu.Unlock()
				return nil, validationf("Select statements in a transaction must specify the full primary key of one item")
			}
			c.key = key
		} else {
			writes++
		}
		if seen[c.t.name+"\x00"+c.key] {
			s.mu.Unlock()
			return nil, validationf("Transaction request cannot include multiple operations on one item")
		}
		seen[c.t.name+"\x00"+c.key] = true
		cs[i] = c
	}
	if reads > 0 && writes > 0 {
		s.mu.Unlock()
		return nil, validationf("Transaction must contain either all reads or all writes")
	}
	out := &ExecuteTransactionOutput{}
	if reads > 0 {
		for _, c := range cs {
			var it Item
			if e := c.t.items[c.key]; e != nil && (c.cond == nil || evalCond(e.item, c.cond)) {
				it = e.item
				if c.paths != nil {
					it = project(it, c.paths)
				}
			}
			out.Responses = append(out.Responses, ItemResponse{Item: it})
		}
		s.mu.Unlock()
		return out, nil
	}
	olds := make([]Item, n)
	news := make([]Item, n)
	reasons := make([]CancellationReason, n)
	failed := false
	for i, c := range cs {
		if e := c.t.items[c.key]; e != nil {
			olds[i] = e.item
		}
		reasons[i].Code = "None"
		nu, err := c.writeResult(olds[i])
		if err != nil {
			failed = true
			reasons[i] = CancellationReason{Code: batchErrorCode(err), Message: err.Message}
			if err.Type == "ConditionalCheckFailedException" && in.TransactStatements[i].ReturnValuesOnConditionCheckFailure == "ALL_OLD" {
				reasons[i].Item = olds[i]
			}
		}
		news[i] = nu
	}
	if failed {
		s.mu.Unlock()
		codes := make([]string, n)
		for i, r := range reasons {
			codes[i] = r.Code
		}
		return nil, &Error{Type: "TransactionCanceledException", Status: 400, CancellationReasons: reasons,
			Message: "Transaction cancelled, please refer cancellation reasons for specific reasons [" + strings.Join(codes, ", ") + "]"}
	}
	for i, c := range cs {
		s.applyWrite(c, olds[i], news[i])
	}
	s.mu.Unlock()
	s.deliver()
	return out, nil
}
