package dynamodb

import (
	"context"
	"math"
)

// capacity helpers: DynamoDB's documented unit rules.

func readUnits(size int, consistent bool) float64 {
	u := math.Ceil(float64(size) / 4096)
	if u < 1 {
		u = 1
	}
	if !consistent {
		u /= 2
	}
	return u
}

func writeUnits(size int) float64 {
	u := math.Ceil(float64(size) / 1024)
	if u < 1 {
		u = 1
	}
	return u
}

func checkCapacityMode(mode string) *Error {
	switch mode {
	case "", "NONE", "TOTAL", "INDEXES":
		return nil
	}
	return validationf("1 validation error detected: Value '%s' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]", mode)
}

// consumed builds the ConsumedCapacity block for mode, or nil.
func consumed(t *table, mode string, tableUnits float64, indexUnits map[string]float64, read bool) *ConsumedCapacity {
	if mode == "" || mode == "NONE" {
		return nil
	}
	c := &ConsumedCapacity{TableName: t.name, CapacityUnits: tableUnits}
	for _, u := range indexUnits {
		c.CapacityUnits += u
	}
	if read {
		c.ReadCapacityUnits = c.CapacityUnits
	} else {
		c.WriteCapacityUnits = c.CapacityUnits
	}
	if mode == "INDEXES" {
		tc := &Capacity{CapacityUnits: tableUnits}
		if read {
			tc.ReadCapacityUnits = tableUnits
		} else {
			tc.WriteCapacityUnits = tableUnits
		}
		c.Table = tc
		for name, u := range indexUnits {
			cp := Capacity{CapacityUnits: u}
			if read {
				cp.ReadCapacityUnits = u
			} else {
				cp.WriteCapacityUnits = u
			}
			if ix := t.findIndex(name); ix != nil && ix.local {
				if c.LocalSecondaryIndexes == nil {
					c.LocalSecondaryIndexes = map[string]Capacity{}
				}
				c.LocalSecondaryIndexes[name] = cp
			} else {
				if c.GlobalSecondaryIndexes == nil {
					c.GlobalSecondaryIndexes = map[string]Capacity{}
				}
				c.GlobalSecondaryIndexes[name] = cp
			}
		}
	}
	return c
}

// writeCost returns the table's write units for replacing old by new
// (the larger of the two) and the units each index spends.
func writeCost(t *table, old, nu Item) (float64, map[string]float64) {
	size := max(ItemSize(old), ItemSize(nu))
	var ix map[string]float64
	for _, x := range t.allIndexes() {
		_, inOld := makeEntry(x.schema, old)
		_, inNew := makeEntry(x.schema, nu)
		if !inOld && !inNew {
			continue
		}
		if ix == nil {
			ix = map[string]float64{}
		}
		u := 0.0
		if inOld {
			u += writeUnits(ItemSize(t.projectIndex(x, old)))
		}
		if inNew {
			u += writeUnits(ItemSize(t.projectIndex(x, nu)))
		}
		if inOld && inNew {
			u /= 2 // an in-place index update is one write
		}
		ix[x.name] = u
	}
	return writeUnits(size), ix
}

// prepared is the parsed form of a write's condition.
func parseConditionOpt(src string, ctx *exprCtx) (*cond, *Error) {
	if src == "" {
		return nil, nil
	}
	return parseCondition("ConditionExpression", src, ctx)
}

func checkReturnValuesOnFailure(v string) *Error {
	switch v {
	case "", "NONE", "ALL_OLD":
		return nil
	}
	return validationf("1 validation error detected: Value '%s' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]", v)
}

// conditionCheck evaluates cond against old, returning DynamoDB's error
// (with the old item when asked for) if it fails.
func conditionCheck(c *cond, old Item, onFailure string) *Error {
	if c == nil || evalCond(old, c) {
		return nil
	}
	if onFailure == "ALL_OLD" && old != nil {
		return conditionFailed(old)
	}
	return conditionFailed(nil)
}

func (s *Service) putItem(_ context.Context, in *PutItemInput) (*WriteOutput, *Error) {
	if err := in.legacy.check(); err != nil {
		return nil, err
	}
	switch in.ReturnValues {
	case "", "NONE", "ALL_OLD":
	case "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW":
		return nil, validationf("ReturnValues can only be ALL_OLD or NONE")
	default:
		return nil, validationf("1 validation error detected: Value '%s' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]", in.ReturnValues)
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if err := checkReturnValuesOnFailure(in.ReturnValuesOnConditionCheckFailure); err != nil {
		return nil, err
	}
	if in.Item == nil {
		return nil, validationf("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null")
	}
	if err := validateItem(in.Item); err != nil {
		return nil, err
	}
	ctx := newExprCtx(in.ExprParams)
	if err := ctx.validate(in.ConditionExpression != ""); err != nil {
		return nil, err
	}
	c, err := parseConditionOpt(in.ConditionExpression, ctx)
	if err != nil {
		return nil, err
	}
	if err := ctx.checkUnused(); err != nil {
		return nil, err
	}

	s.mu.Lock()
	t, err := s.lookup(in.TableName)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	key, size, err := t.checkItemSize(in.Item)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	var old Item
	if e := t.items[key]; e != nil {
		old = e.item
	}
	if err := conditionCheck(c, old, in.ReturnValuesOnConditionCheckFailure); err != nil {
		s.mu.Unlock()
		return nil, err
	}
	t.putWith(key, in.Item, size)
	s.emit(t, old, in.Item)
	out := &WriteOutput{}
	if in.ReturnValues == "ALL_OLD" && old != nil {
		out.Attributes = old
	}
	if in.ReturnConsumedCapacity != "" && in.ReturnConsumedCapacity != "NONE" {
		tu, iu := writeCost(t, old, in.Item)
		out.ConsumedCapacity = consumed(t, in.ReturnConsumedCapacity, tu, iu, false)
	}
	s.mu.Unlock()
	s.deliver()
	return out, nil
}

func (s *Service) getItem(_ context.Context, in *GetItemInput) (*GetItemOutput, *Error) {
	if err := in.legacy.check(); err != nil {
		return nil, err
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if in.Key == nil {
		return nil, validationf("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
	}
	if err := validateItem(in.Key); err != nil {
		return nil, err
	}
	var paths []docPath
	if in.ProjectionExpression != "" || in.ExpressionAttributeNames != nil || in.ExpressionAttributeValues != nil {
		ctx := newExprCtx(in.ExprParams)
		if err := ctx.validate(in.ProjectionExpression != ""); err != nil {
			return nil, err
		}
		var err *Error
		if paths, err = parseProjection(in.ProjectionExpression, ctx); err != nil {
			return nil, err
		}
		if err := ctx.checkUnused(); err != nil {
			return nil, err
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookup(in.TableName)
	if err != nil {
		return nil, err
	}
	key, err := t.checkKey(in.Key)
	if err != nil {
		return nil, err
	}
	out := &GetItemOutput{}
	size := 0
	if e := t.items[key]; e != nil {
		out.Item = e.item
		size = e.size
		if paths != nil {
			out.Item = project(e.item, paths)
		}
	}
	if in.ReturnConsumedCapacity != "" && in.ReturnConsumedCapacity != "NONE" {
		out.ConsumedCapacity = consumed(t, in.ReturnConsumedCapacity, readUnits(size, in.ConsistentRead), nil, true)
	}
	return out, nil
}

func (s *Service) deleteItem(_ context.Context, in *DeleteItemInput) (*WriteOutput, *Error) {
	if err := in.legacy.check(); err != nil {
		return nil, err
	}
	switch in.ReturnValues {
	case "", "NONE", "ALL_OLD":
	case "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW":
		return nil, validationf("ReturnValues can only be ALL_OLD or NONE")
	default:
		return nil, validationf("1 validation error detected: Value '%s' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]", in.ReturnValues)
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if err := checkReturnValuesOnFailure(in.ReturnValuesOnConditionCheckFailure); err != nil {
		return nil, err
	}
	if in.Key == nil {
		return nil, validationf("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
	}
	if err := validateItem(in.Key); err != nil {
		return nil, err
	}
	ctx := newExprCtx(in.ExprParams)
	if err := ctx.validate(in.ConditionExpression != ""); err != nil {
		return nil, err
	}
	c, err := parseConditionOpt(in.ConditionExpression, ctx)
	if err != nil {
		return nil, err
	}
	if err := ctx.checkUnused(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	t, err := s.lookup(in.TableName)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	key, err := t.checkKey(in.Key)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	var old Item
	if e := t.items[key]; e != nil {
		old = e.item
	}
	if err := conditionCheck(c, old, in.ReturnValuesOnConditionCheckFailure); err != nil {
		s.mu.Unlock()
		return nil, err
	}
	out := &WriteOutput{}
	if old != nil {
		t.remove(key)
		s.emit(t, old, nil)
		if in.ReturnValues == "ALL_OLD" {
			out.Attributes = old
		}
	}
	if in.ReturnConsumedCapacity != "" && in.ReturnConsumedCapacity != "NONE" {
		tu, iu := writeCost(t, old, nil)
		out.ConsumedCapacity = consumed(t, in.ReturnConsumedCapacity, tu, iu, false)
	}
	s.mu.Unlock()
	s.deliver()
	return out, nil
}

func (s *Service) updateItem(_ context.Context, in *UpdateItemInput) (*WriteOutput, *Error) {
	if err := in.legacy.check(); err != nil {
		return nil, err
	}
	switch in.ReturnValues {
	case "", "NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW":
	default:
		return nil, validationf("1 validation error detected: Value '%s' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]", in.ReturnValues)
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if err := checkReturnValuesOnFailure(in.ReturnValuesOnConditionCheckFailure); err != nil {
		return nil, err
	}
	if in.Key == nil {
		return nil, validationf("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
	}
	if err := validateItem(in.Key); err != nil {
		return nil, err
	}
	ctx := newExprCtx(in.ExprParams)
	if err := ctx.validate(in.ConditionExpression != "" || in.UpdateExpression != ""); err != nil {
		return nil, err
	}
	var actions []updateAction
	if in.UpdateExpression != "" {
		var err *Error
		if actions, err = parseUpdate(in.UpdateExpression, ctx); err != nil {
			return nil, err
		}
	}
	c, err := parseConditionOpt(in.ConditionExpression, ctx)
	if err != nil {
		return nil, err
	}
	if err := ctx.checkUnused(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	t, err := s.lookup(in.TableName)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	key, err := t.checkKey(in.Key)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	var old Item
	if e := t.items[key]; e != nil {
		old = e.item
	}
	out, err := s.applyUpdateLocked(t, key, in.Key, old, c, actions, in.ReturnValuesOnConditionCheckFailure, in.ReturnValues)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if in.ReturnConsumedCapacity != "" && in.ReturnConsumedCapacity != "NONE" {
		tu, iu := writeCost(t, old, out.newItem)
		out.ConsumedCapacity = consumed(t, in.ReturnConsumedCapacity, tu, iu, false)
	}
	s.mu.Unlock()
	s.deliver()
	return &out.WriteOutput, nil
}

type updateResult struct {
	WriteOutput
	newItem Item
}

// computeUpdate checks the condition and computes the new item without
// storing it (transactions validate all actions before writing any).
func (t *table) computeUpdate(keyItem, old Item, c *cond, actions []updateAction, onFailure string) (Item, *Error) {
	if err := conditionCheck(c, old, onFailure); err != nil {
		return nil, err
	}
	for _, a := range actions {
		if t.schema.isKey(a.path[0].name) {
			return nil, invalidParam("Cannot update attribute %s. This attribute is part of the key", a.path[0].name)
		}
	}
	nu, err := applyUpdate(old, keyItem, actions)
	if err != nil {
		return nil, err
	}
	if err := validateNewItem(t, nu); err != nil {
		return nil, err
	}
	return nu, nil
}

// validateNewItem checks an item produced by an update: nesting, index
// key types and size.
func validateNewItem(t *table, nu Item) *Error {
	for _, v := range nu {
		if depth(v) > maxNesting {
			return validationf("Nesting Levels have exceeded supported limits")
		}
	}
	for _, ix := range t.allIndexes() {
		for _, a := range []keyAttr{ix.schema.hash, ix.schema.rng} {
			if a.name == "" {
				continue
			}
			v, ok := nu[a.name]
			if ok && v.Kind != a.kind {
				return invalidParam("Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s", a.name, a.kind, v.Kind, ix.name)
			}
			if ok && (v.Kind == KindS || v.Kind == KindB) && v.Str == "" {
				return validationf("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: %s, IndexKey: %s", ix.name, a.name)
			}
		}
	}
	if ItemSize(nu) > maxItemSize {
		return validationf("Item size to update has exceeded the maximum allowed size")
	}
	return nil
}

func depth(v AttributeValue) int {
	d := 0
	switch v.Kind {
	case KindM:
		for _, e := range v.Map {
			d = max(d, depth(e))
		}
		return d + 1
	case KindL:
		for _, e := range v.List {
			d = max(d, depth(e))
		}
		return d + 1
	}
	return 0
}

func (s *Service) applyUpdateLocked(t *table, key string, keyItem, old Item, c *cond, actions []updateAction, onFailure, rv string) (*updateResult, *Error) {
	nu, err := t.computeUpdate(keyItem, old, c, actions, onFailure)
	if err != nil {
		return nil, err
	}
	t.put(nu)
	s.emit(t, old, nu)
	out := &updateResult{newItem: nu}
	switch rv {
	case "ALL_OLD":
		out.Attributes = old
	case "ALL_NEW":
		out.Attributes = nu
	case "UPDATED_OLD":
		if old != nil {
			out.Attributes = project(old, updatedPaths(actions))
		}
	case "UPDATED_NEW":
		out.Attributes = project(nu, updatedPaths(actions))
	}
	if len(out.Attributes) == 0 {
		out.Attributes = nil
	}
	return out, nil
}
