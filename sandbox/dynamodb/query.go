package dynamodb

import (
	"context"
	"math/bits"
)

// maxPage is DynamoDB's 1 MB page size for Query and Scan.
const maxPage = 1 << 20

// keyCond is an analysed KeyConditionExpression.
type keyCond struct {
	pk    AttributeValue
	sk    *cond // nil: whole partition
	skOp  string
	skLo  AttributeValue
	skHi  AttributeValue
	hasLo bool
	hasHi bool
}

// analyseKeyCond checks that c is "hash = :v [AND range-condition]" for
// schema s, with DynamoDB's messages for the usual mistakes.
func analyseKeyCond(c *cond, s keySchema) (*keyCond, *Error) {
	var parts []*cond
	var flatten func(c *cond) *Error
	flatten = func(c *cond) *Error {
		switch c.kind {
		case cAnd:
			if err := flatten(c.sub[0]); err != nil {
				return err
			}
			return flatten(c.sub[1])
		case cOr, cNot, cIn:
			return validationf("Invalid operator used in KeyConditionExpression: %s", map[condKind]string{cOr: "OR", cNot: "NOT", cIn: "IN"}[c.kind])
		}
		parts = append(parts, c)
		return nil
	}
	if err := flatten(c); err != nil {
		return nil, err
	}
	if len(parts) > 2 {
		return nil, validationf("Conditions can be of length 1 or 2 only")
	}
	kc := &keyCond{}
	hashSeen := false
	for _, p := range parts {
		if p.kind == cFunc && p.op != "begins_with" {
			return nil, validationf("Invalid KeyConditionExpression: Invalid function name; function: %s", p.op)
		}
		if p.kind == cCompare && p.op == "<>" {
			return nil, validationf("Unsupported operator on KeyConditionExpression: operator: <>")
		}
		attr := p.operands[0]
		vals := p.operands[1:]
		if p.kind == cCompare && attr.kind != opPath && vals[0].kind == opPath {
			// ":v = pk" is allowed; turn it around.
			attr, vals = vals[0], []*operand{attr}
			p = &cond{kind: cCompare, op: flipOp(p.op), operands: []*operand{attr, vals[0]}}
		}
		if attr.kind != opPath || len(attr.path) != 1 {
			return nil, validationf("Invalid KeyConditionExpression: The key condition must be on a key attribute")
		}
		for _, v := range vals {
			if v.kind != opValue {
				return nil, validationf("Invalid KeyConditionExpression: The key condition must compare a key attribute with a value")
			}
		}
		name := attr.path[0].name
		switch {
		case name == s.hash.name:
			if p.kind != cCompare || p.op != "=" {
				return nil, validationf("Query key condition not supported")
			}
			if hashSeen {
				return nil, validationf("KeyConditionExpressions must only contain one condition per key")
			}
			hashSeen = true
			if vals[0].val.Kind != s.hash.kind {
				return nil, invalidParam("Condition parameter type does not match schema type")
			}
			kc.pk = vals[0].val
		case s.hasRng && name == s.rng.name:
			if kc.sk != nil {
				return nil, validationf("KeyConditionExpressions must only contain one condition per key")
			}
			for _, v := range vals {
				if v.val.Kind != s.rng.kind {
					return nil, invalidParam("Condition parameter type does not match schema type")
				}
			}
			if p.kind == cFunc && s.rng.kind == KindN {
				return nil, validationf("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")
			}
			kc.sk = p
			switch p.kind {
			case cBetween:
				kc.skOp, kc.skLo, kc.skHi, kc.hasLo, kc.hasHi = "BETWEEN", vals[0].val, vals[1].val, true, true
			case cFunc:
				kc.skOp, kc.skLo, kc.hasLo = "begins_with", vals[0].val, true
			default:
				kc.skOp = p.op
				switch p.op {
				case "=":
					kc.skLo, kc.skHi, kc.hasLo, kc.hasHi = vals[0].val, vals[0].val, true, true
				case ">", ">=":
					kc.skLo, kc.hasLo = vals[0].val, true
				case "<", "<=":
					kc.skHi, kc.hasHi = vals[0].val, true
				}
			}
		default:
			// A condition on a non-key attribute belongs in FilterExpression.
			if s.hasRng && kc.sk == nil {
				return nil, validationf("Query condition missed key schema element: %s", s.rng.name)
			}
			return nil, validationf("Query key condition not supported")
		}
	}
	if !hashSeen {
		return nil, validationf("Query condition missed key schema element: %s", s.hash.name)
	}
	return kc, nil
}

func flipOp(op string) string {
	switch op {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return op
}

// readPlan is what Query and Scan share once the request is validated.
type readPlan struct {
	t          *table
	ix         *index
	filter     *cond
	paths      []docPath
	count      bool
	limit      int
	consistent bool
	capMode    string
	allAttrs   bool // LSI queried with ALL_ATTRIBUTES: fetch from the table
}

func (s *Service) planRead(tableName, indexName, selectStr, projection, filter string, limit *int, consistent bool, capMode string, ctx *exprCtx) (*readPlan, *Error) {
	if err := checkCapacityMode(capMode); err != nil {
		return nil, err
	}
	p := &readPlan{consistent: consistent, capMode: capMode, limit: -1}
	if limit != nil {
		if *limit < 1 {
			return nil, validationf("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1", *limit)
		}
		p.limit = *limit
	}
	switch selectStr {
	case "", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES":
		if projection != "" && selectStr != "" {
			return nil, validationf("Cannot specify the ProjectionExpression when choosing to get %s", selectStr)
		}
	case "SPECIFIC_ATTRIBUTES":
		if projection == "" {
			return nil, validationf("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES")
		}
	case "COUNT":
		if projection != "" {
			return nil, validationf("Cannot specify the ProjectionExpression when choosing to get COUNT")
		}
		p.count = true
	default:
		return nil, validationf("1 validation error detected: Value '%s' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]", selectStr)
	}
	if selectStr == "ALL_PROJECTED_ATTRIBUTES" && indexName == "" {
		return nil, validationf("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
	}
	if projection != "" {
		var err *Error
		if p.paths, err = parseProjection(projection, ctx); err != nil {
			return nil, err
		}
	}
	if filter != "" {
		var err *Error
		if p.filter, err = parseCondition("FilterExpression", filter, ctx); err != nil {
			return nil, err
		}
	}
	t, err := s.lookup(tableNameFromARN(tableName))
	if err != nil {
		return nil, err
	}
	p.t = t
	if indexName != "" {
		p.ix = t.findIndex(indexName)
		if p.ix == nil {
			return nil, validationf("The table does not have the specified index: %s", indexName)
		}
		if consistent && !p.ix.local {
			return nil, validationf("Consistent reads are not supported on global secondary indexes")
		}
		if selectStr == "ALL_ATTRIBUTES" && p.ix.projection.ProjectionType != "ALL" {
			if !p.ix.local {
				return nil, invalidParam("Select type ALL_ATTRIBUTES is not supported for global secondary index %s because its projection type is not ALL", indexName)
			}
			p.allAttrs = true
		}
	}
	return p, nil
}

// emit applies projection and filter to one entry; it returns whether
// the item counts.
func (p *readPlan) view(e *entry) Item {
	it := e.item
	if p.ix != nil && !p.allAttrs {
		it = p.t.projectIndex(p.ix, it)
	}
	return it
}

// startEntry builds the tree position of an ExclusiveStartKey.
func (p *readPlan) startEntry(esk Item) (*entry, *Error) {
	if esk == nil {
		return nil, nil
	}
	if err := validateItem(esk); err != nil {
		return nil, err
	}
	bad := validationf("The provided starting key is invalid: The provided key element does not match the schema")
	want := map[string]Kind{p.t.schema.hash.name: p.t.schema.hash.kind}
	if p.t.schema.hasRng {
		want[p.t.schema.rng.name] = p.t.schema.rng.kind
	}
	schema := p.t.schema
	if p.ix != nil {
		schema = p.ix.schema
		want[schema.hash.name] = schema.hash.kind
		if schema.hasRng {
			want[schema.rng.name] = schema.rng.kind
		}
	}
	if len(esk) != len(want) {
		return nil, bad
	}
	for n, k := range want {
		if v, ok := esk[n]; !ok || v.Kind != k {
			return nil, bad
		}
	}
	e, _ := makeEntry(schema, esk)
	if p.ix != nil {
		e.tkey, _ = encodeKey(p.t.schema, esk)
	}
	return e, nil
}

// lastKey is the LastEvaluatedKey for an entry.
func (p *readPlan) lastKey(e *entry) Item {
	k := p.t.schema.keyOf(e.item)
	if p.ix != nil {
		for n, v := range p.ix.schema.keyOf(e.item) {
			k[n] = v
		}
	}
	return k
}

// collector gathers a page.
type collector struct {
	p       *readPlan
	out     *QueryOutput
	size    int
	last    *entry
	stopped bool
}

// add handles one entry in order; it returns false to stop iterating.
func (c *collector) add(e *entry) bool {
	it := c.p.view(e)
	c.out.ScannedCount++
	sz := e.size
	if e.index {
		sz = ItemSize(it)
	}
	c.size += sz
	c.last = e
	if c.p.filter == nil || evalCond(it, c.p.filter) {
		c.out.Count++
		if !c.p.count {
			if c.p.paths != nil {
				it = project(it, c.p.paths)
			}
			c.out.Items = append(c.out.Items, it)
		}
	}
	if c.out.ScannedCount == c.p.limit || c.size >= maxPage {
		c.stopped = true
		return false
	}
	return true
}

func (c *collector) finish() *QueryOutput {
	if c.stopped && c.last != nil {
		c.out.LastEvaluatedKey = c.p.lastKey(c.last)
	}
	if c.out.Items == nil && !c.p.count {
		c.out.Items = []Item{}
	}
	if c.p.capMode != "" && c.p.capMode != "NONE" {
		u := readUnits(c.size, c.p.consistent)
		if c.p.ix != nil {
			c.out.ConsumedCapacity = consumed(c.p.t, c.p.capMode, 0, map[string]float64{c.p.ix.name: u}, true)
		} else {
			c.out.ConsumedCapacity = consumed(c.p.t, c.p.capMode, u, nil, true)
		}
	}
	return c.out
}

func (s *Service) query(_ context.Context, in *QueryInput) (*QueryOutput, *Error) {
	if err := in.legacy.check(); err != nil {
		return nil, err
	}
	if in.KeyConditionExpression == "" {
		return nil, validationf("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
	}
	ctx := newExprCtx(in.ExprParams)
	if err := ctx.validate(true); err != nil {
		return nil, err
	}
	kcond, err := parseCondition("KeyConditionExpression", in.KeyConditionExpression, ctx)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, err := s.planRead(in.TableName, in.IndexName, in.Select, in.ProjectionExpression, in.FilterExpression, in.Limit, in.ConsistentRead, in.ReturnConsumedCapacity, ctx)
	if err != nil {
		return nil, err
	}
	if err := ctx.checkUnused(); err != nil {
		return nil, err
	}
	schema, tree := p.t.schema, p.t.tree
	if p.ix != nil {
		schema, tree = p.ix.schema, p.ix.tree
	}
	kc, err := analyseKeyCond(kcond, schema)
	if err != nil {
		return nil, err
	}
	if p.filter != nil {
		if name := filterKeyAttr(p.filter, schema); name != "" {
			return nil, validationf("Filter Expression can only contain non-primary key attributes: Primary key attribute: %s", name)
		}
	}
	start, err := p.startEntry(in.ExclusiveStartKey)
	if err != nil {
		return nil, err
	}
	forward := in.ScanIndexForward == nil || *in.ScanIndexForward
	pk := string(appendKey(nil, kc.pk))
	if start != nil && start.pk != pk {
		return nil, validationf("The provided starting key is outside query boundaries based on provided conditions")
	}
	h := pkHash(pk)
	col := &collector{p: p, out: &QueryOutput{}}
	matched := false
	visit := func(e *entry) bool {
		if e.pk != pk {
			return false
		}
		if start != nil && !entryLess(start, e) && forward {
			return true
		}
		if start != nil && !forward && !entryLess(e, start) {
			return true
		}
		if kc.sk != nil && !evalCond(e.item, kc.sk) {
			return !matched // the matching range is contiguous
		}
		matched = true
		return col.add(e)
	}
	if forward {
		pivot := &entry{h: h, pk: pk}
		if kc.hasLo {
			pivot.sk = kc.skLo
		}
		if start != nil && start.pk == pk {
			pivot = start
		}
		tree.ascendFrom(pivot, visit)
	} else {
		pivot := &entry{h: h, pk: pk, sk: AttributeValue{Kind: kindMax}}
		if kc.hasHi {
			pivot.sk = kc.skHi
			pivot.tkey = "\xff\xff\xff\xff"
		}
		if start != nil && start.pk == pk {
			pivot = start
		}
		tree.descendFrom(pivot, visit)
	}
	return col.finish(), nil
}

// filterKeyAttr returns a primary key attribute a Query filter uses.
func filterKeyAttr(c *cond, s keySchema) string {
	for _, o := range c.operands {
		if o.kind == opPath && len(o.path) == 1 && s.isKey(o.path[0].name) {
			return o.path[0].name
		}
		for _, a := range o.args {
			if a.kind == opPath && s.isKey(a.path[0].name) {
				return a.path[0].name
			}
		}
	}
	for _, sub := range c.sub {
		if n := filterKeyAttr(sub, s); n != "" {
			return n
		}
	}
	return ""
}

func (s *Service) scan(_ context.Context, in *ScanInput) (*QueryOutput, *Error) {
	if err := in.legacy.check(); err != nil {
		return nil, err
	}
	seg, total := 0, 1
	switch {
	case in.Segment != nil && in.TotalSegments == nil:
		return nil, validationf("The TotalSegments parameter is required but was not present in the request when Segment parameter is present")
	case in.Segment == nil && in.TotalSegments != nil:
		return nil, validationf("The Segment parameter is required but was not present in the request when parameter TotalSegments is present")
	case in.Segment != nil:
		seg, total = *in.Segment, *in.TotalSegments
		if total < 1 || total > 1000000 {
			return nil, validationf("1 validation error detected: Value '%d' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000", total)
		}
		if seg < 0 || seg >= total {
			return nil, validationf("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: %d is not less than TotalSegments: %d", seg, total)
		}
	}
	ctx := newExprCtx(in.ExprParams)
	if err := ctx.validate(in.FilterExpression != "" || in.ProjectionExpression != ""); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, err := s.planRead(in.TableName, in.IndexName, in.Select, in.ProjectionExpression, in.FilterExpression, in.Limit, in.ConsistentRead, in.ReturnConsumedCapacity, ctx)
	if err != nil {
		return nil, err
	}
	if err := ctx.checkUnused(); err != nil {
		return nil, err
	}
	start, err := p.startEntry(in.ExclusiveStartKey)
	if err != nil {
		return nil, err
	}
	tree := p.t.tree
	if p.ix != nil {
		tree = p.ix.tree
	}
	// Segments split the hash space evenly, so each is a contiguous range
	// of the tree.
	lo := segmentBound(seg, total)
	col := &collector{p: p, out: &QueryOutput{}}
	pivot := &entry{h: lo}
	if start != nil {
		pivot = start
	}
	tree.ascendFrom(pivot, func(e *entry) bool {
		if total > 1 && segmentOf(e.h, total) != seg {
			return false
		}
		if start != nil && !entryLess(start, e) {
			return true
		}
		return col.add(e)
	})
	return col.finish(), nil
}

func segmentOf(h uint64, total int) int {
	hi, _ := bits.Mul64(h, uint64(total))
	return int(hi)
}

// segmentBound is the smallest hash in segment seg.
func segmentBound(seg, total int) uint64 {
	if seg == 0 {
		return 0
	}
	// smallest h with floor(h*total/2^64) >= seg: ceil(seg*2^64/total)
	q, r := bits.Div64(uint64(seg), 0, uint64(total))
	if r != 0 {
		q++
	}
	return q
}
