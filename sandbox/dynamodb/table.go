package dynamodb

import (
	"time"

	"github.com/google/btree"
)

// KeySchemaElement, AttributeDefinition, Projection and friends are the
// wire shapes of the control plane, shared by requests and descriptions.
type KeySchemaElement struct {
	AttributeName string `json:"AttributeName"`
	KeyType       string `json:"KeyType"`
}

// AttributeDefinition names a key attribute and its scalar type.
type AttributeDefinition struct {
	AttributeName string `json:"AttributeName"`
	AttributeType string `json:"AttributeType"`
}

// Projection says which attributes an index copies.
type Projection struct {
	ProjectionType   string   `json:"ProjectionType,omitempty"`
	NonKeyAttributes []string `json:"NonKeyAttributes,omitempty"`
}

// ProvisionedThroughput is accepted and reported; it is never enforced.
type ProvisionedThroughput struct {
	ReadCapacityUnits  int64 `json:"ReadCapacityUnits"`
	WriteCapacityUnits int64 `json:"WriteCapacityUnits"`
}

// StreamSpecification turns a table's stream on or off.
type StreamSpecification struct {
	StreamEnabled  bool   `json:"StreamEnabled"`
	StreamViewType string `json:"StreamViewType,omitempty"`
}

// keyAttr is one key attribute and its declared type.
type keyAttr struct {
	name string
	kind Kind
}

// keySchema is a partition key and an optional sort key.
type keySchema struct {
	hash   keyAttr
	rng    keyAttr
	hasRng bool
}

func (k keySchema) elements() []KeySchemaElement {
	out := []KeySchemaElement{{AttributeName: k.hash.name, KeyType: "HASH"}}
	if k.hasRng {
		out = append(out, KeySchemaElement{AttributeName: k.rng.name, KeyType: "RANGE"})
	}
	return out
}

func (k keySchema) isKey(name string) bool {
	return name == k.hash.name || (k.hasRng && name == k.rng.name)
}

// entry is a position in an ordered tree: the base table's or an index's.
// Trees order by a hash of the partition key (as DynamoDB scans do, so a
// Scan's order is stable but not sorted), then the partition key, then the
// sort key, then (for indexes, whose keys need not be unique) the base
// table's primary key.
type entry struct {
	h     uint64
	pk    string // encoded partition key
	sk    AttributeValue
	tkey  string // encoded base-table primary key
	item  Item   // the item (base table); for indexes, the base item
	size  int
	index bool
}

// kindMax marks a seek pivot after every sort key of a partition.
const kindMax Kind = 255

func entryLess(a, b *entry) bool {
	if a.h != b.h {
		return a.h < b.h
	}
	if a.pk != b.pk {
		return a.pk < b.pk
	}
	if a.sk.Kind != b.sk.Kind {
		// Only seek pivots differ in kind: KindInvalid sorts before every
		// sort key, kindMax after.
		return a.sk.Kind < b.sk.Kind
	}
	if a.sk.Kind != KindInvalid && a.sk.Kind != kindMax {
		if c := compareValues(a.sk, b.sk); c != 0 {
			return c < 0
		}
	}
	return a.tkey < b.tkey
}

// index is a GSI or LSI with its own ordered tree of entries.
type index struct {
	name       string
	local      bool
	schema     keySchema
	projection Projection
	throughput *ProvisionedThroughput
	tree       tree
	created    time.Time
}

// table is one DynamoDB table.
type table struct {
	name        string
	id          string
	arn         string
	schema      keySchema
	attrDefs    []AttributeDefinition
	billing     string
	throughput  ProvisionedThroughput
	created     time.Time
	gsis        []*index
	lsis        []*index
	items       map[string]*entry
	tree        tree
	sizeBytes   int64
	stream      *stream
	streamSpec  *StreamSpecification
	ttlAttr     string
	ttlEnabled  bool
	tags        map[string]string
	deletionPro bool
}

// tree is an ordered set of entries. The B-tree holds the partition-key
// hash inline next to the pointer, so most comparisons never touch the
// entry itself (a cache miss each).
type tree struct{ bt *btree.BTreeG[treeItem] }

type treeItem struct {
	h uint64
	e *entry
}

func itemLess(a, b treeItem) bool {
	if a.h != b.h {
		return a.h < b.h
	}
	return entryLess(a.e, b.e)
}

func newTree() tree { return tree{btree.NewG(32, itemLess)} }

func (t tree) put(e *entry) { t.bt.ReplaceOrInsert(treeItem{e.h, e}) }
func (t tree) del(e *entry) { t.bt.Delete(treeItem{e.h, e}) }

// Len is the number of entries.
func (t tree) Len() int { return t.bt.Len() }

// Clone is a lazy copy-on-write copy (it marks t copy-on-write too).
func (t tree) Clone() tree { return tree{t.bt.Clone()} }

func (t tree) ascend(fn func(*entry) bool) {
	t.bt.Ascend(func(it treeItem) bool { return fn(it.e) })
}

func (t tree) ascendFrom(pivot *entry, fn func(*entry) bool) {
	t.bt.AscendGreaterOrEqual(treeItem{pivot.h, pivot}, func(it treeItem) bool { return fn(it.e) })
}

func (t tree) descendFrom(pivot *entry, fn func(*entry) bool) {
	t.bt.DescendLessOrEqual(treeItem{pivot.h, pivot}, func(it treeItem) bool { return fn(it.e) })
}

// pkHash spreads partition keys as DynamoDB's hashing does. It is
// deterministic (FNV-1a with a final avalanche step), so a table's Scan
// order, its parallel-scan segments and the IDs derived from it are the
// same in every process: a LastEvaluatedKey or a saved snapshot stays
// meaningful, and lesson outputs are reproducible.
func pkHash(pk string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(pk); i++ {
		h ^= uint64(pk[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// encodeKey returns the map key of an item's primary key under schema s.
// ok is false when an attribute is missing.
func encodeKey(s keySchema, it Item) (string, bool) {
	hv, ok := it[s.hash.name]
	if !ok {
		return "", false
	}
	var buf [64]byte
	b := appendKey(buf[:0], hv)
	if s.hasRng {
		rv, ok := it[s.rng.name]
		if !ok {
			return "", false
		}
		b = append(b, 0)
		b = appendKey(b, rv)
	}
	return string(b), true
}

// makeEntry builds the tree entry for item under schema s; ok is false if
// the item lacks one of the key attributes (a sparse index skips it).
func makeEntry(s keySchema, it Item) (*entry, bool) {
	hv, ok := it[s.hash.name]
	if !ok || hv.Kind != s.hash.kind {
		return nil, false
	}
	pk := string(appendKey(nil, hv))
	e := &entry{h: pkHash(pk), pk: pk, item: it}
	if s.hasRng {
		rv, ok := it[s.rng.name]
		if !ok || rv.Kind != s.rng.kind {
			return nil, false
		}
		e.sk = rv
	}
	return e, true
}

// put stores item (already validated) and maintains every index. It
// returns the previous item, or nil.
func (t *table) put(it Item) Item {
	key, _ := encodeKey(t.schema, it)
	return t.putWith(key, it, ItemSize(it))
}

// putWith is put when the caller already has the encoded key and size.
func (t *table) putWith(key string, it Item, size int) Item {
	old := t.items[key]
	var oldItem Item
	if old != nil {
		oldItem = old.item
		t.unindex(key, oldItem)
		t.sizeBytes -= int64(old.size)
	}
	// Entries are never changed once in a tree, so a cloned tree (see
	// Service.Clone) can share them; a new entry replaces the old one.
	e := &entry{item: it, size: size, sk: AttributeValue{}}
	if old != nil {
		e.h, e.pk, e.sk = old.h, old.pk, old.sk
		t.items[key] = e
	} else {
		e, _ = makeEntry(t.schema, it)
		e.size = size
		t.items[key] = e
	}
	t.tree.put(e)
	t.sizeBytes += int64(size)
	t.reindex(key, it)
	return oldItem
}

// remove deletes the item with the encoded key and returns it, or nil.
func (t *table) remove(key string) Item {
	e := t.items[key]
	if e == nil {
		return nil
	}
	t.unindex(key, e.item)
	delete(t.items, key)
	t.tree.del(e)
	t.sizeBytes -= int64(e.size)
	return e.item
}

func (t *table) allIndexes() []*index {
	if len(t.lsis) == 0 {
		return t.gsis
	}
	if len(t.gsis) == 0 {
		return t.lsis
	}
	return append(append([]*index(nil), t.gsis...), t.lsis...)
}

func (t *table) unindex(key string, it Item) {
	for _, ix := range t.allIndexes() {
		if e, ok := makeEntry(ix.schema, it); ok {
			e.tkey = key
			ix.tree.del(e)
		}
	}
}

func (t *table) reindex(key string, it Item) {
	for _, ix := range t.allIndexes() {
		if e, ok := makeEntry(ix.schema, it); ok {
			e.tkey = key
			e.index = true
			ix.tree.put(e)
		}
	}
}

// fill builds a new index from the table's items (UpdateTable adding a GSI).
func (t *table) fill(ix *index) {
	t.tree.ascend(func(b *entry) bool {
		if e, ok := makeEntry(ix.schema, b.item); ok {
			e.tkey, _ = encodeKey(t.schema, b.item)
			e.index = true
			ix.tree.put(e)
		}
		return true
	})
}

func (t *table) findIndex(name string) *index {
	for _, ix := range t.allIndexes() {
		if ix.name == name {
			return ix
		}
	}
	return nil
}

// keyOf extracts just the primary key attributes of an item.
func (s keySchema) keyOf(it Item) Item {
	k := Item{s.hash.name: it[s.hash.name]}
	if s.hasRng {
		k[s.rng.name] = it[s.rng.name]
	}
	return k
}

// checkKey validates a Key parameter (GetItem, DeleteItem, UpdateItem…):
// exactly the key attributes, of the declared types.
func (t *table) checkKey(k Item) (string, *Error) {
	want := 1
	if t.schema.hasRng {
		want = 2
	}
	if len(k) != want {
		return "", validationf("The provided key element does not match the schema")
	}
	for _, a := range []keyAttr{t.schema.hash, t.schema.rng}[:want] {
		v, ok := k[a.name]
		if !ok || v.Kind != a.kind {
			return "", validationf("The provided key element does not match the schema")
		}
		if err := checkKeyValue(a.name, v, a == t.schema.hash); err != nil {
			return "", err
		}
	}
	key, _ := encodeKey(t.schema, k)
	return key, nil
}

func checkKeyValue(name string, v AttributeValue, hash bool) *Error {
	if (v.Kind == KindS || v.Kind == KindB) && v.Str == "" {
		return validationf("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty %s value. Key: %s", map[Kind]string{KindS: "string", KindB: "binary"}[v.Kind], name)
	}
	if hash && len(v.Str) > 2048 {
		return invalidParam("Size of hashkey has exceeded the maximum size limit of2048 bytes")
	}
	if !hash && len(v.Str) > 1024 {
		return invalidParam("Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
	}
	return nil
}

// checkItem validates a whole item for PutItem and friends: key
// attributes present and typed, index keys typed, size within 400 KB.
func (t *table) checkItem(it Item) (string, *Error) {
	key, _, err := t.checkItemSize(it)
	return key, err
}

// checkItemSize is checkItem that also returns the item's size.
func (t *table) checkItemSize(it Item) (string, int, *Error) {
	for _, a := range []keyAttr{t.schema.hash, t.schema.rng} {
		if a.name == "" {
			continue
		}
		v, ok := it[a.name]
		if !ok {
			return "", 0, invalidParam("Missing the key %s in the item", a.name)
		}
		if v.Kind != a.kind {
			return "", 0, invalidParam("Type mismatch for key %s expected: %s actual: %s", a.name, a.kind, v.Kind)
		}
		if err := checkKeyValue(a.name, v, a == t.schema.hash); err != nil {
			return "", 0, err
		}
	}
	for _, ix := range t.allIndexes() {
		for _, a := range []keyAttr{ix.schema.hash, ix.schema.rng} {
			if a.name == "" {
				continue
			}
			v, ok := it[a.name]
			if !ok {
				continue
			}
			if v.Kind != a.kind {
				return "", 0, invalidParam("Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s", a.name, a.kind, v.Kind, ix.name)
			}
			if (v.Kind == KindS || v.Kind == KindB) && v.Str == "" {
				return "", 0, validationf("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: %s, IndexKey: %s", ix.name, a.name)
			}
		}
	}
	size := ItemSize(it)
	if size > maxItemSize {
		return "", 0, validationf("Item size has exceeded the maximum allowed size")
	}
	key, _ := encodeKey(t.schema, it)
	return key, size, nil
}

// project returns the attributes an index query may return for a base
// item: keys plus the projection.
func (t *table) projectIndex(ix *index, it Item) Item {
	if ix.projection.ProjectionType == "ALL" {
		return it
	}
	out := Item{}
	for _, s := range []keySchema{t.schema, ix.schema} {
		for _, a := range []keyAttr{s.hash, s.rng} {
			if v, ok := it[a.name]; ok && a.name != "" {
				out[a.name] = v
			}
		}
	}
	if ix.projection.ProjectionType == "INCLUDE" {
		for _, n := range ix.projection.NonKeyAttributes {
			if v, ok := it[n]; ok {
				out[n] = v
			}
		}
	}
	return out
}

func (ix *index) arn(t *table) string { return t.arn + "/index/" + ix.name }
