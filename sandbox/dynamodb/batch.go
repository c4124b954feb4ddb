package dynamodb

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"strings"
	"time"
)

// Batch and transaction limits (DynamoDB's).
const (
	maxBatchGet     = 100
	maxBatchWrite   = 25
	maxTransact     = 100
	maxBatchGetSize = 16 << 20
	txTokenLifetime = 10 * time.Minute
)

// KeysAndAttributes is one table's part of BatchGetItem.
type KeysAndAttributes struct {
	Keys                 []Item `json:"Keys"`
	ProjectionExpression string `json:"ProjectionExpression,omitempty"`
	ConsistentRead       bool   `json:"ConsistentRead,omitempty"`
	ExprParams
	legacy
}

// BatchGetItemInput is BatchGetItem's request.
type BatchGetItemInput struct {
	RequestItems           map[string]*KeysAndAttributes `json:"RequestItems"`
	ReturnConsumedCapacity string                        `json:"ReturnConsumedCapacity,omitempty"`
}

// BatchGetItemOutput is BatchGetItem's response.
type BatchGetItemOutput struct {
	Responses        map[string][]Item             `json:"Responses"`
	UnprocessedKeys  map[string]*KeysAndAttributes `json:"UnprocessedKeys"`
	ConsumedCapacity []ConsumedCapacity            `json:"ConsumedCapacity,omitempty"`
}

func (s *Service) batchGetItem(_ context.Context, in *BatchGetItemInput) (*BatchGetItemOutput, *Error) {
	if len(in.RequestItems) == 0 {
		return nil, validationf("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	total := 0
	paths := map[string][]docPath{}
	for name, ka := range in.RequestItems {
		if ka == nil || len(ka.Keys) == 0 {
			return nil, validationf("1 validation error detected: Value null at 'requestItems.%s.member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1", name)
		}
		if err := ka.legacy.check(); err != nil {
			return nil, err
		}
		total += len(ka.Keys)
		ctx := newExprCtx(ka.ExprParams)
		if err := ctx.validate(ka.ProjectionExpression != ""); err != nil {
			return nil, err
		}
		if ka.ProjectionExpression != "" {
			p, err := parseProjection(ka.ProjectionExpression, ctx)
			if err != nil {
				return nil, err
			}
			paths[name] = p
		}
		if err := ctx.checkUnused(); err != nil {
			return nil, err
		}
		for _, k := range ka.Keys {
			if err := validateItem(k); err != nil {
				return nil, err
			}
		}
	}
	if total > maxBatchGet {
		return nil, validationf("Too many items requested for the BatchGetItem call")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := &BatchGetItemOutput{Responses: map[string][]Item{}, UnprocessedKeys: map[string]*KeysAndAttributes{}}
	size := 0
	for name, ka := range in.RequestItems {
		t, err := s.lookup(tableNameFromARN(name))
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, k := range ka.Keys {
			key, err := t.checkKey(k)
			if err != nil {
				return nil, err
			}
			if seen[key] {
				return nil, validationf("Provided list of item keys contains duplicates")
			}
			seen[key] = true
		}
		units := 0.0
		items := []Item{}
		for _, k := range ka.Keys {
			key, _ := t.checkKey(k)
			if size >= maxBatchGetSize {
				u := out.UnprocessedKeys[name]
				if u == nil {
					u = &KeysAndAttributes{ProjectionExpression: ka.ProjectionExpression, ConsistentRead: ka.ConsistentRead, ExprParams: ka.ExprParams}
					out.UnprocessedKeys[name] = u
				}
				u.Keys = append(u.Keys, k)
				continue
			}
			e := t.items[key]
			if e == nil {
				units += readUnits(0, ka.ConsistentRead)
				continue
			}
			units += readUnits(e.size, ka.ConsistentRead)
			size += e.size
			it := e.item
			if p := paths[name]; p != nil {
				it = project(it, p)
			}
			items = append(items, it)
		}
		out.Responses[name] = items
		if c := consumed(t, in.ReturnConsumedCapacity, units, nil, true); c != nil {
			out.ConsumedCapacity = append(out.ConsumedCapacity, *c)
		}
	}
	return out, nil
}

// WriteRequest is one entry of BatchWriteItem.
type WriteRequest struct {
	PutRequest *struct {
		Item Item `json:"Item"`
	} `json:"PutRequest,omitempty"`
	DeleteRequest *struct {
		Key Item `json:"Key"`
	} `json:"DeleteRequest,omitempty"`
}

// BatchWriteItemInput is BatchWriteItem's request.
type BatchWriteItemInput struct {
	RequestItems                map[string][]WriteRequest `json:"RequestItems"`
	ReturnConsumedCapacity      string                    `json:"ReturnConsumedCapacity,omitempty"`
	ReturnItemCollectionMetrics string                    `json:"ReturnItemCollectionMetrics,omitempty"`
}

// BatchWriteItemOutput is BatchWriteItem's response.
type BatchWriteItemOutput struct {
	UnprocessedItems map[string][]WriteRequest `json:"UnprocessedItems"`
	ConsumedCapacity []ConsumedCapacity        `json:"ConsumedCapacity,omitempty"`
}

func (s *Service) batchWriteItem(_ context.Context, in *BatchWriteItemInput) (*BatchWriteItemOutput, *Error) {
	if len(in.RequestItems) == 0 {
		return nil, validationf("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	total := 0
	for _, reqs := range in.RequestItems {
		total += len(reqs)
		for _, r := range reqs {
			switch {
			case r.PutRequest != nil && r.DeleteRequest == nil:
				if err := validateItem(r.PutRequest.Item); err != nil {
					return nil, err
				}
			case r.DeleteRequest != nil && r.PutRequest == nil:
				if err := validateItem(r.DeleteRequest.Key); err != nil {
					return nil, err
				}
			default:
				return nil, validationf("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
			}
		}
	}
	if total > maxBatchWrite {
		return nil, validationf("Too many items requested for the BatchWriteItem call")
	}
	s.mu.Lock()
	type op struct {
		t   *table
		key string
		put Item
	}
	var ops []op
	for name, reqs := range in.RequestItems {
		t, err := s.lookup(tableNameFromARN(name))
		if err != nil {
			s.mu.Unlock()
			return nil, err
		}
		seen := map[string]bool{}
		for _, r := range reqs {
			var key string
			var err *Error
			if r.PutRequest != nil {
				key, err = t.checkItem(r.PutRequest.Item)
			} else {
				key, err = t.checkKey(r.DeleteRequest.Key)
			}
			if err != nil {
				s.mu.Unlock()
				return nil, err
			}
			if seen[key] {
				s.mu.Unlock()
				return nil, validationf("Provided list of item keys contains duplicates")
			}
			seen[key] = true
			o := op{t: t, key: key}
			if r.PutRequest != nil {
				o.put = r.PutRequest.Item
			}
			ops = append(ops, o)
		}
	}
	out := &BatchWriteItemOutput{UnprocessedItems: map[string][]WriteRequest{}}
	units := map[*table]float64{}
	for _, o := range ops {
		var old Item
		if e := o.t.items[o.key]; e != nil {
			old = e.item
		}
		tu, iu := writeCost(o.t, old, o.put)
		units[o.t] += tu
		for _, u := range iu {
			units[o.t] += u
		}
		if o.put != nil {
			o.t.put(o.put)
			s.emit(o.t, old, o.put)
		} else if old != nil {
			o.t.remove(o.key)
			s.emit(o.t, old, nil)
		}
	}
	for t, u := range units {
		if c := consumed(t, in.ReturnConsumedCapacity, u, nil, false); c != nil {
			out.ConsumedCapacity = append(out.ConsumedCapacity, *c)
		}
	}
	s.mu.Unlock()
	s.deliver()
	return out, nil
}

// Transactions

// TransactGetItemsInput is TransactGetItems's request.
type TransactGetItemsInput struct {
	TransactItems []struct {
		Get *struct {
			TableName            string `json:"TableName"`
			Key                  Item   `json:"Key"`
			ProjectionExpression string `json:"ProjectionExpression,omitempty"`
			ExprParams
		} `json:"Get"`
	} `json:"TransactItems"`
	ReturnConsumedCapacity string `json:"ReturnConsumedCapacity,omitempty"`
}

// ItemResponse is one entry of TransactGetItems's Responses.
type ItemResponse struct {
	Item Item `json:"Item,omitempty"`
}

// TransactGetItemsOutput is TransactGetItems's response.
type TransactGetItemsOutput struct {
	Responses        []ItemResponse     `json:"Responses"`
	ConsumedCapacity []ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

func tooManyTransact(n int) *Error {
	return validationf("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 (got %d)", n)
}

func (s *Service) transactGetItems(_ context.Context, in *TransactGetItemsInput) (*TransactGetItemsOutput, *Error) {
	if len(in.TransactItems) == 0 {
		return nil, validationf("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	if len(in.TransactItems) > maxTransact {
		return nil, tooManyTransact(len(in.TransactItems))
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	paths := make([][]docPath, len(in.TransactItems))
	for i, ti := range in.TransactItems {
		if ti.Get == nil {
			return nil, validationf("1 validation error detected: Value null at 'transactItems.%d.member.get' failed to satisfy constraint: Member must not be null", i+1)
		}
		if err := validateItem(ti.Get.Key); err != nil {
			return nil, err
		}
		ctx := newExprCtx(ti.Get.ExprParams)
		if err := ctx.validate(ti.Get.ProjectionExpression != ""); err != nil {
			return nil, err
		}
		if ti.Get.ProjectionExpression != "" {
			p, err := parseProjection(ti.Get.ProjectionExpression, ctx)
			if err != nil {
				return nil, err
			}
			paths[i] = p
		}
		if err := ctx.checkUnused(); err != nil {
			return nil, err
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := &TransactGetItemsOutput{Responses: make([]ItemResponse, len(in.TransactItems))}
	units := map[*table]float64{}
	seen := map[string]bool{}
	for i, ti := range in.TransactItems {
		t, err := s.lookup(tableNameFromARN(ti.Get.TableName))
		if err != nil {
			return nil, err
		}
		key, err := t.checkKey(ti.Get.Key)
		if err != nil {
			return nil, err
		}
		if seen[t.name+"\x00"+key] {
			return nil, validationf("Transaction request cannot include multiple operations on one item")
		}
		seen[t.name+"\x00"+key] = true
		size := 0
		if e := t.items[key]; e != nil {
			it := e.item
			size = e.size
			if paths[i] != nil {
				it = project(it, paths[i])
			}
			out.Responses[i].Item = it
		}
		units[t] += 2 * readUnits(size, true)
	}
	for t, u := range units {
		if c := consumed(t, in.ReturnConsumedCapacity, u, nil, true); c != nil {
			out.ConsumedCapacity = append(out.ConsumedCapacity, *c)
		}
	}
	return out, nil
}

// TransactWriteItem is one action of TransactWriteItems: exactly one of
// ConditionCheck, Put, Delete, Update.
type TransactWriteItem struct {
	ConditionCheck *TransactAction `json:"ConditionCheck,omitempty"`
	Put            *TransactAction `json:"Put,omitempty"`
	Delete         *TransactAction `json:"Delete,omitempty"`
	Update         *TransactAction `json:"Update,omitempty"`
}

// TransactAction holds the fields of any transactional write action.
type TransactAction struct {
	TableName                           string `json:"TableName"`
	Key                                 Item   `json:"Key,omitempty"`
	Item                                Item   `json:"Item,omitempty"`
	ConditionExpression                 string `json:"ConditionExpression,omitempty"`
	UpdateExpression                    string `json:"UpdateExpression,omitempty"`
	ReturnValuesOnConditionCheckFailure string `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
	ExprParams
}

// TransactWriteItemsInput is TransactWriteItems's request.
type TransactWriteItemsInput struct {
	TransactItems               []TransactWriteItem `json:"TransactItems"`
	ClientRequestToken          string              `json:"ClientRequestToken,omitempty"`
	ReturnConsumedCapacity      string              `json:"ReturnConsumedCapacity,omitempty"`
	ReturnItemCollectionMetrics string              `json:"ReturnItemCollectionMetrics,omitempty"`
}

// TransactWriteItemsOutput is TransactWriteItems's response.
type TransactWriteItemsOutput struct {
	ConsumedCapacity []ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

type txRecord struct {
	hash [32]byte
	at   time.Time
	out  *TransactWriteItemsOutput
}

type txOp struct {
	verb    string
	t       *table
	key     string
	keyItem Item
	item    Item
	cond    *cond
	actions []updateAction
	onFail  string
}

func (s *Service) transactWriteItems(_ context.Context, in *TransactWriteItemsInput) (*TransactWriteItemsOutput, *Error) {
	n := len(in.TransactItems)
	if n == 0 {
		return nil, validationf("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	if n > maxTransact {
		return nil, tooManyTransact(n)
	}
	if err := checkCapacityMode(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if len(in.ClientRequestToken) > 36 {
		return nil, validationf("1 validation error detected: Value '%s' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36", in.ClientRequestToken)
	}
	ops := make([]txOp, n)
	for i, ti := range in.TransactItems {
		var a *TransactAction
		count := 0
		for verb, x := range map[string]*TransactAction{"ConditionCheck": ti.ConditionCheck, "Put": ti.Put, "Delete": ti.Delete, "Update": ti.Update} {
			if x != nil {
				count++
				a, ops[i].verb = x, verb
			}
		}
		if count != 1 {
			return nil, validationf("TransactItems can only contain one of Check, Put, Update or Delete")
		}
		op := &ops[i]
		op.onFail = a.ReturnValuesOnConditionCheckFailure
		if err := checkReturnValuesOnFailure(op.onFail); err != nil {
			return nil, err
		}
		ctx := newExprCtx(a.ExprParams)
		if err := ctx.validate(a.ConditionExpression != "" || a.UpdateExpression != ""); err != nil {
			return nil, err
		}
		switch op.verb {
		case "Put":
			if a.Item == nil {
				return nil, validationf("1 validation error detected: Value null at 'transactItems.%d.member.put.item' failed to satisfy constraint: Member must not be null", i+1)
			}
			if err := validateItem(a.Item); err != nil {
				return nil, err
			}
			op.item = a.Item
		default:
			if a.Key == nil {
				return nil, validationf("1 validation error detected: Value null at 'transactItems.%d.member.key' failed to satisfy constraint: Member must not be null", i+1)
			}
			if err := validateItem(a.Key); err != nil {
				return nil, err
			}
			op.keyItem = a.Key
		}
		if op.verb == "ConditionCheck" && a.ConditionExpression == "" {
			return nil, validationf("The ConditionExpression parameter is required for ConditionCheck")
		}
		if op.verb == "Update" {
			if a.UpdateExpression == "" {
				return nil, validationf("1 validation error detected: Value null at 'transactItems.%d.member.update.updateExpression' failed to satisfy constraint: Member must not be null", i+1)
			}
			acts, err := parseUpdate(a.UpdateExpression, ctx)
			if err != nil {
				return nil, err
			}
			op.actions = acts
		}
		c, err := parseConditionOpt(a.ConditionExpression, ctx)
		if err != nil {
			return nil, err
		}
		op.cond = c
		if err := ctx.checkUnused(); err != nil {
			return nil, err
		}
	}

	s.mu.Lock()
	now := s.now()
	var reqHash [32]byte
	if in.ClientRequestToken != "" {
		b, _ := json.Marshal(in.TransactItems)
		reqHash = sha256.Sum256(b)
		for tok, r := range s.txTokens {
			if now.Sub(r.at) > txTokenLifetime {
				delete(s.txTokens, tok)
			}
		}
		if r, ok := s.txTokens[in.ClientRequestToken]; ok {
			s.mu.Unlock()
			if r.hash != reqHash {
				return nil, &Error{Type: "IdempotentParameterMismatchException", Message: "Specified idempotent parameters do not match the original request", Status: 400}
			}
			return r.out, nil
		}
	}
	seen := map[string]bool{}
	for i := range ops {
		op := &ops[i]
		a := in.TransactItems[i]
		name := ""
		for _, x := range []*TransactAction{a.ConditionCheck, a.Put, a.Delete, a.Update} {
			if x != nil {
				name = x.TableName
			}
		}
		t, err := s.lookup(tableNameFromARN(name))
		if err != nil {
			s.mu.Unlock()
			return nil, err
		}
		op.t = t
		if op.verb == "Put" {
			op.key, err = t.checkItem(op.item)
		} else {
			op.key, err = t.checkKey(op.keyItem)
		}
		if err != nil {
			s.mu.Unlock()
			return nil, err
		}
		if seen[t.name+"\x00"+op.key] {
			s.mu.Unlock()
			return nil, validationf("Transaction request cannot include multiple operations on one item")
		}
		seen[t.name+"\x00"+op.key] = true
	}
	// Check every condition and compute every result before writing.
	reasons := make([]CancellationReason, n)
	results := make([]Item, n)
	olds := make([]Item, n)
	failed := false
	for i := range ops {
		op := &ops[i]
		var old Item
		if e := op.t.items[op.key]; e != nil {
			old = e.item
		}
		olds[i] = old
		reasons[i].Code = "None"
		var err *Error
		switch op.verb {
		case "Update":
			results[i], err = op.t.computeUpdate(op.keyItem, old, op.cond, op.actions, op.onFail)
		default:
			err = conditionCheck(op.cond, old, op.onFail)
			if op.verb == "Put" {
				results[i] = op.item
			}
		}
		if err != nil {
			failed = true
			if err.Type == "ConditionalCheckFailedException" {
				reasons[i] = CancellationReason{Code: "ConditionalCheckFailed", Message: err.Message, Item: err.Item}
			} else {
				reasons[i] = CancellationReason{Code: "ValidationError", Message: err.Message}
			}
		}
	}
	if failed {
		s.mu.Unlock()
		codes := make([]string, n)
		for i, r := range reasons {
			codes[i] = r.Code
		}
		return nil, &Error{
			Type:                "TransactionCanceledException",
			Message:             "Transaction cancelled, please refer cancellation reasons for specific reasons [" + strings.Join(codes, ", ") + "]",
			Status:              400,
			CancellationReasons: reasons,
		}
	}
	units := map[*table]float64{}
	for i := range ops {
		op := &ops[i]
		switch op.verb {
		case "ConditionCheck":
			units[op.t] += 2 * readUnits(ItemSize(olds[i]), true)
			continue
		case "Put", "Update":
			op.t.put(results[i])
			s.emit(op.t, olds[i], results[i])
		case "Delete":
			if olds[i] != nil {
				op.t.remove(op.key)
				s.emit(op.t, olds[i], nil)
			}
		}
		tu, iu := writeCost(op.t, olds[i], results[i])
		units[op.t] += 2 * tu
		for _, u := range iu {
			units[op.t] += 2 * u
		}
	}
	out := &TransactWriteItemsOutput{}
	for t, u := range units {
		if c := consumed(t, in.ReturnConsumedCapacity, u, nil, false); c != nil {
			out.ConsumedCapacity = append(out.ConsumedCapacity, *c)
		}
	}
	if in.ClientRequestToken != "" {
		s.txTokens[in.ClientRequestToken] = txRecord{hash: reqHash, at: now, out: out}
	}
	s.mu.Unlock()
	s.deliver()
	return out, nil
}
