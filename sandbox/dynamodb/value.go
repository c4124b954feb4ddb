package dynamodb

import (
	"encoding/base64"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/learnsls/learnsls/sandbox/internal/jsonstr"
)

// Kind is the data type of an AttributeValue, named as on the wire.
type Kind uint8

// The ten DynamoDB data types. KindInvalid marks a value that failed to
// decode; its Str holds the reason, reported when the request is validated.
const (
	KindInvalid Kind = iota
	KindS
	KindN
	KindB
	KindBOOL
	KindNULL
	KindM
	KindL
	KindSS
	KindNS
	KindBS
)

var kindNames = [...]string{"", "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"}

func (k Kind) String() string { return kindNames[k] }

// AttributeValue is one DynamoDB value. Str holds S, the canonical text of
// N, or the raw bytes of B; Set holds SS, NS (canonical) or BS (raw bytes)
// members. Values stored in a table are never modified in place, so items
// returned by the Go API share memory with the table and must be treated as
// read-only.
type AttributeValue struct {
	Kind Kind
	Str  string
	Bool bool
	List []AttributeValue
	Map  map[string]AttributeValue
	Set  []string
}

// Item is an item or key: attribute name to value.
type Item map[string]AttributeValue

// Constructors for building values in Go (tests, grading seeds).

// S returns a string value.
func S(s string) AttributeValue { return AttributeValue{Kind: KindS, Str: s} }

// N returns a number value; n must be a valid DynamoDB number.
func N(n string) AttributeValue {
	if c, err := canonicalNumber(n); err == nil {
		n = c
	}
	return AttributeValue{Kind: KindN, Str: n}
}

// B returns a binary value.
func B(b []byte) AttributeValue { return AttributeValue{Kind: KindB, Str: string(b)} }

// Bool returns a BOOL value.
func Bool(b bool) AttributeValue { return AttributeValue{Kind: KindBOOL, Bool: b} }

// Null returns the NULL value.
func Null() AttributeValue { return AttributeValue{Kind: KindNULL, Bool: true} }

// L returns a list value.
func L(vs ...AttributeValue) AttributeValue { return AttributeValue{Kind: KindL, List: vs} }

// M returns a map value.
func M(m Item) AttributeValue { return AttributeValue{Kind: KindM, Map: m} }

// SS returns a string set.
func SS(ss ...string) AttributeValue { return AttributeValue{Kind: KindSS, Set: ss} }

// NS returns a number set.
func NS(ns ...string) AttributeValue {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = N(n).Str
	}
	return AttributeValue{Kind: KindNS, Set: out}
}

// UnmarshalJSON decodes DynamoDB's {"S":"x"} form. A value with no or
// several types decodes as KindInvalid so validation can answer with
// DynamoDB's message instead of a decoding error.
func (v *AttributeValue) UnmarshalJSON(data []byte) error {
	r := &jreader{b: data}
	val, err := r.value()
	if err != nil {
		return err
	}
	if err := r.end(); err != nil {
		return err
	}
	*v = val
	return nil
}

// MarshalJSON encodes v in DynamoDB's wire form.
func (v AttributeValue) MarshalJSON() ([]byte, error) {
	return appendValue(nil, v), nil
}

// MarshalJSON encodes the item with its values in DynamoDB's wire form.
func (it Item) MarshalJSON() ([]byte, error) {
	if it == nil {
		return []byte("null"), nil
	}
	return appendItem(nil, it), nil
}

func appendItem(b []byte, it Item) []byte {
	b = append(b, '{')
	keys := make([]string, 0, len(it))
	for k := range it {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendValue(b, it[k])
	}
	return append(b, '}')
}

func appendValue(b []byte, v AttributeValue) []byte {
	switch v.Kind {
	case KindS:
		b = append(b, `{"S":`...)
		b = appendString(b, v.Str)
	case KindN:
		b = append(b, `{"N":`...)
		b = appendString(b, v.Str)
	case KindB:
		b = append(b, `{"B":"`...)
		b = base64.StdEncoding.AppendEncode(b, []byte(v.Str))
		b = append(b, '"')
	case KindBOOL:
		b = append(b, `{"BOOL":`...)
		b = strconv.AppendBool(b, v.Bool)
	case KindNULL:
		b = append(b, `{"NULL":true`...)
	case KindM:
		b = append(b, `{"M":`...)
		b = appendItem(b, v.Map)
	case KindL:
		b = append(b, `{"L":[`...)
		for i, e := range v.List {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, e)
		}
		b = append(b, ']')
	case KindSS, KindNS, KindBS:
		b = append(b, `{"`...)
		b = append(b, v.Kind.String()...)
		b = append(b, `":[`...)
		for i, e := range v.Set {
			if i > 0 {
				b = append(b, ',')
			}
			if v.Kind == KindBS {
				b = append(b, '"')
				b = base64.StdEncoding.AppendEncode(b, []byte(e))
				b = append(b, '"')
			} else {
				b = appendString(b, e)
			}
		}
		b = append(b, ']')
	default:
		return append(b, "{}"...)
	}
	return append(b, '}')
}

// appendString writes s as a JSON string (encoding/json's escaping
// without HTML escaping).
func appendString(b []byte, s string) []byte { return jsonstr.Append(b, s, false) }

// maxNesting is DynamoDB's limit on nested documents.
const maxNesting = 32

// validateValue checks one value the way DynamoDB validates request input
// and canonicalises numbers in place. depth counts enclosing documents.
func validateValue(v *AttributeValue, depth int) *Error {
	if depth > maxNesting {
		return validationf("Nesting Levels have exceeded supported limits")
	}
	switch v.Kind {
	case KindInvalid:
		return validationf("%s", v.Str)
	case KindN:
		c, err := canonicalNumber(v.Str)
		if err != nil {
			return err
		}
		v.Str = c
	case KindNULL:
		if !v.Bool {
			return invalidParam("Null attribute value types must have the value of true")
		}
	case KindSS, KindNS, KindBS:
		if len(v.Set) == 0 {
			switch v.Kind {
			case KindSS:
				return invalidParam("An string set  may not be empty")
			case KindNS:
				return invalidParam("An number set  may not be empty")
			default:
				return invalidParam("Binary sets should not be empty")
			}
		}
		seen := make(map[string]struct{}, len(v.Set))
		set := v.Set
		if v.Kind == KindNS {
			set = make([]string, len(v.Set))
			for i, n := range v.Set {
				c, err := canonicalNumber(n)
				if err != nil {
					return err
				}
				set[i] = c
			}
		}
		for _, m := range set {
			if _, dup := seen[m]; dup {
				return duplicateSetError(v)
			}
			seen[m] = struct{}{}
		}
		v.Set = set
	case KindM:
		for k, e := range v.Map {
			if err := validateValue(&e, depth+1); err != nil {
				return err
			}
			v.Map[k] = e
		}
	case KindL:
		for i := range v.List {
			if err := validateValue(&v.List[i], depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// validateItem validates every value of an item.
func validateItem(it Item) *Error {
	for k, v := range it {
		if err := validateValue(&v, 1); err != nil {
			return err
		}
		switch v.Kind {
		case KindN, KindNS, KindM, KindL: // canonicalised in place
			it[k] = v
		}
	}
	return nil
}

// valueSize follows DynamoDB's documented sizing rules: strings and binary
// by length, numbers by about one byte per two significant digits plus one,
// BOOL/NULL one byte, documents three bytes plus one per element.
func valueSize(v AttributeValue) int {
	switch v.Kind {
	case KindS, KindB:
		return len(v.Str)
	case KindN:
		return numberSize(v.Str)
	case KindBOOL, KindNULL:
		return 1
	case KindSS, KindBS:
		n := 0
		for _, s := range v.Set {
			n += len(s)
		}
		return n
	case KindNS:
		n := 0
		for _, s := range v.Set {
			n += numberSize(s)
		}
		return n
	case KindM:
		n := 3
		for k, e := range v.Map {
			n += len(k) + valueSize(e) + 1
		}
		return n
	case KindL:
		n := 3
		for _, e := range v.List {
			n += valueSize(e) + 1
		}
		return n
	}
	return 0
}

func numberSize(s string) int {
	var buf [160]byte
	_, digits, _, _ := parseDecimalBuf(s, buf[:0])
	return (len(digits)+1)/2 + 1
}

// ItemSize is the size DynamoDB counts for an item: names plus values.
func ItemSize(it Item) int {
	n := 0
	for k, v := range it {
		n += len(k) + valueSize(v)
	}
	return n
}

// maxItemSize is DynamoDB's 400 KB item limit.
const maxItemSize = 400 * 1024

// compareValues orders two scalar values of the same kind (S, N or B) as
// DynamoDB orders sort keys: numerically, by UTF-8 bytes, or by bytes.
func compareValues(a, b AttributeValue) int {
	if a.Kind == KindN {
		return compareNumbers(a.Str, b.Str)
	}
	switch {
	case a.Str < b.Str:
		return -1
	case a.Str > b.Str:
		return 1
	}
	return 0
}

// equalValues reports deep equality; sets compare as sets.
func equalValues(a, b AttributeValue) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case KindS, KindB, KindN:
		return a.Str == b.Str
	case KindBOOL:
		return a.Bool == b.Bool
	case KindNULL:
		return true
	case KindSS, KindNS, KindBS:
		if len(a.Set) != len(b.Set) {
			return false
		}
		for _, x := range a.Set {
			if !slices.Contains(b.Set, x) {
				return false
			}
		}
		return true
	case KindL:
		if len(a.List) != len(b.List) {
			return false
		}
		for i := range a.List {
			if !equalValues(a.List[i], b.List[i]) {
				return false
			}
		}
		return true
	case KindM:
		if len(a.Map) != len(b.Map) {
			return false
		}
		for k, x := range a.Map {
			y, ok := b.Map[k]
			if !ok || !equalValues(x, y) {
				return false
			}
		}
		return true
	}
	return false
}

// cloneValue deep-copies a value so an update can change the copy.
func cloneValue(v AttributeValue) AttributeValue {
	switch v.Kind {
	case KindM:
		m := make(map[string]AttributeValue, len(v.Map))
		for k, e := range v.Map {
			m[k] = cloneValue(e)
		}
		v.Map = m
	case KindL:
		l := make([]AttributeValue, len(v.List))
		for i, e := range v.List {
			l[i] = cloneValue(e)
		}
		v.List = l
	case KindSS, KindNS, KindBS:
		v.Set = slices.Clone(v.Set)
	}
	return v
}

// cloneItem copies the top level of an item (values are immutable).
func cloneItem(it Item) Item {
	out := make(Item, len(it))
	for k, v := range it {
		out[k] = v
	}
	return out
}

// keyBytes encodes a key value to a string that is equal for equal keys.
func appendKey(b []byte, v AttributeValue) []byte {
	b = append(b, byte(v.Kind))
	b = append(b, v.Str...)
	return b
}

// duplicateSetError words a duplicate set member as DynamoDB does,
// listing the members as sent (binary ones in base64).
func duplicateSetError(v *AttributeValue) *Error {
	members := v.Set
	if v.Kind == KindBS {
		members = make([]string, len(v.Set))
		for i, m := range v.Set {
			members[i] = base64.StdEncoding.EncodeToString([]byte(m))
		}
		return invalidParam("Input collection [%s]of type BS contains duplicates.", strings.Join(members, ", "))
	}
	return invalidParam("Input collection [%s] contains duplicates.", strings.Join(members, ", "))
}
