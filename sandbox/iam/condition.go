package iam

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"time"
)

type family uint8

const (
	famString family = iota + 1
	famStringIC
	famStringLike
	famNumeric
	famDate
	famBool
	famBinary
	famIP
	famArn
	famNull
)

type cmpKind uint8

const (
	cmpEq cmpKind = iota
	cmpLt
	cmpLe
	cmpGt
	cmpGe
)

type opKind uint8

type opInfo struct {
	name    string
	fam     family
	cmp     cmpKind
	negated bool
}

// operators lists every condition operator IAM defines (without the
// IfExists suffix and set qualifiers, which parseOperator strips).
var operators = []opInfo{
	{}, // zero opKind is "none"
	{"StringEquals", famString, cmpEq, false},
	{"StringNotEquals", famString, cmpEq, true},
	{"StringEqualsIgnoreCase", famStringIC, cmpEq, false},
	{"StringNotEqualsIgnoreCase", famStringIC, cmpEq, true},
	{"StringLike", famStringLike, cmpEq, false},
	{"StringNotLike", famStringLike, cmpEq, true},
	{"NumericEquals", famNumeric, cmpEq, false},
	{"NumericNotEquals", famNumeric, cmpEq, true},
	{"NumericLessThan", famNumeric, cmpLt, false},
	{"NumericLessThanEquals", famNumeric, cmpLe, false},
	{"NumericGreaterThan", famNumeric, cmpGt, false},
	{"NumericGreaterThanEquals", famNumeric, cmpGe, false},
	{"DateEquals", famDate, cmpEq, false},
	{"DateNotEquals", famDate, cmpEq, true},
	{"DateLessThan", famDate, cmpLt, false},
	{"DateLessThanEquals", famDate, cmpLe, false},
	{"DateGreaterThan", famDate, cmpGt, false},
	{"DateGreaterThanEquals", famDate, cmpGe, false},
	{"Bool", famBool, cmpEq, false},
	{"BinaryEquals", famBinary, cmpEq, false},
	{"IpAddress", famIP, cmpEq, false},
	{"NotIpAddress", famIP, cmpEq, true},
	{"ArnEquals", famArn, cmpEq, false},
	{"ArnLike", famArn, cmpEq, false},
	{"ArnNotEquals", famArn, cmpEq, true},
	{"ArnNotLike", famArn, cmpEq, true},
	{"Null", famNull, cmpEq, false},
}

const opNull opKind = 27

func init() {
	if operators[opNull].name != "Null" {
		panic("iam: operator table out of order")
	}
}

type qualifier uint8

const (
	qualNone qualifier = iota
	qualForAnyValue
	qualForAllValues
)

// parseOperator splits "ForAllValues:StringLikeIfExists" into its parts.
// Operator names are case-sensitive in IAM.
func parseOperator(s string) (opKind, qualifier, bool, bool) {
	q := qualNone
	switch {
	case strings.HasPrefix(s, "ForAnyValue:"):
		q, s = qualForAnyValue, s[len("ForAnyValue:"):]
	case strings.HasPrefix(s, "ForAllValues:"):
		q, s = qualForAllValues, s[len("ForAllValues:"):]
	}
	ifx := false
	if base, ok := strings.CutSuffix(s, "IfExists"); ok {
		ifx, s = true, base
	}
	for i := 1; i < len(operators); i++ {
		if operators[i].name == s {
			return opKind(i), q, ifx, true
		}
	}
	return 0, 0, false, false
}

func unknownOperator(s string) string {
	base := s
	if i := strings.LastIndexByte(base, ':'); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(base, "IfExists")
	for _, o := range operators[1:] {
		if strings.EqualFold(o.name, base) {
			return fmt.Sprintf("%q is not a condition operator; operator names are case-sensitive: did you mean %q?", s, o.name)
		}
	}
	names := make([]string, 0, len(operators))
	for _, o := range operators[1:] {
		names = append(names, o.name)
	}
	sort.Strings(names)
	return fmt.Sprintf("%q is not a condition operator. Operators are %s, optionally ending in IfExists and starting with ForAnyValue: or ForAllValues:.", s, strings.Join(names, ", "))
}

// compiledCond is a condition prepared for evaluation.
type compiledCond struct {
	src      *Condition
	info     opInfo
	qual     qualifier
	ifExists bool
	key      string
	values   []condValue
}

type condValue struct {
	raw   string
	tmpl  []tmplPart // non-nil when the value holds policy variables
	num   float64
	numOK bool
	t     time.Time
	tOK   bool
	pfx   netip.Prefix
	pfxOK bool
	bin   []byte
	binOK bool
}

func compileCond(c *Condition, vars bool) compiledCond {
	cc := compiledCond{src: c, info: operators[c.op], qual: c.qualifier, ifExists: c.ifExists, key: c.Key}
	for _, v := range c.Values {
		var cv condValue
		if vars {
			cv.tmpl, _ = parseTemplate(v)
		}
		if cv.tmpl == nil {
			cv = prepareValue(cc.info.fam, escapeNUL(v))
		} else {
			cv.raw = v
		}
		cc.values = append(cc.values, cv)
	}
	return cc
}

func prepareValue(f family, v string) condValue {
	cv := condValue{raw: v}
	switch f {
	case famNumeric:
		cv.num, cv.numOK = parseNumber(v)
	case famDate:
		cv.t, cv.tOK = parseDate(v)
	case famIP:
		cv.pfx, cv.pfxOK = parseIP(v)
	case famBinary:
		b, err := base64.StdEncoding.DecodeString(v)
		cv.bin, cv.binOK = b, err == nil
	}
	return cv
}

func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil
}

// parseDate accepts the ISO 8601 forms IAM documents and epoch seconds.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0).UTC(), true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func parseIP(s string) (netip.Prefix, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, false
		}
		return p.Masked(), true
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a, a.BitLen()), true
}

// condOutcome is why a condition held or failed, for explanations.
type condOutcome struct {
	ok      bool
	missing bool     // the key was absent from the request
	values  []string // request values seen
	note    string
}

// eval evaluates the condition against the request.
func (c *compiledCond) eval(e *evaluator) condOutcome {
	vals, present := e.lookup(c.key)
	if present && len(vals) == 0 {
		present = false
	}
	if c.info.fam == famNull {
		// Null tests presence: "true" means the key must be absent.
		for i := range c.values {
			want, _ := strconv.ParseBool(strings.ToLower(c.values[i].raw))
			if want != present {
				return condOutcome{ok: true, missing: !present, values: vals}
			}
		}
		return condOutcome{ok: false, missing: !present, values: vals, note: nullNote(present)}
	}
	if !present {
		switch {
		case c.ifExists:
			return condOutcome{ok: true, missing: true, note: "the key is absent, and …IfExists treats an absent key as a match"}
		case c.qual == qualForAllValues:
			return condOutcome{ok: true, missing: true, note: "the key is absent: ForAllValues is true for an empty set"}
		case c.qual == qualForAnyValue:
			return condOutcome{ok: false, missing: true, note: "the key is absent: ForAnyValue needs at least one value"}
		case c.info.negated:
			return condOutcome{ok: true, missing: true, note: "the key is absent, and a negated operator is true when there is nothing to compare"}
		default:
			return condOutcome{ok: false, missing: true, note: "the key is absent from the request"}
		}
	}
	// anyMatch: does request value rv match at least one policy value (in the
	// positive sense of the operator)?
	anyMatch := func(rv string) bool {
		for i := range c.values {
			if c.match(e, &c.values[i], rv) {
				return true
			}
		}
		return false
	}
	ok := false
	switch c.qual {
	case qualForAllValues:
		ok = true
		for _, rv := range vals {
			if anyMatch(rv) == c.info.negated {
				ok = false
				break
			}
		}
	case qualForAnyValue:
		for _, rv := range vals {
			if anyMatch(rv) != c.info.negated {
				ok = true
				break
			}
		}
	default:
		hit := false
		for _, rv := range vals {
			if anyMatch(rv) {
				hit = true
				break
			}
		}
		ok = hit != c.info.negated
	}
	out := condOutcome{ok: ok, values: vals}
	if !ok {
		switch {
		case c.qual == qualForAllValues:
			out.note = "ForAllValues needs every request value to satisfy the operator, and at least one does not"
		case c.qual == qualForAnyValue:
			out.note = "ForAnyValue needs at least one request value to satisfy the operator, and none does"
		case c.info.negated:
			out.note = "the request value matches a listed value, which this negated operator excludes"
		default:
			out.note = "the request value matches none of the listed values"
		}
	}
	return out
}

func nullNote(present bool) string {
	if present {
		return "the key is present, but Null: true requires it to be absent"
	}
	return "the key is absent, but Null: false requires it to be present"
}

// match compares one policy value with one request value, positively.
func (c *compiledCond) match(e *evaluator, pv *condValue, rv string) bool {
	if pv.tmpl != nil {
		s, ok := resolve(pv.tmpl, e, c.info.fam == famStringLike || c.info.fam == famArn)
		if !ok {
			return false // an unresolvable variable matches nothing
		}
		v := prepareValue(c.info.fam, s)
		pv = &v
	}
	switch c.info.fam {
	case famString:
		return unescape(pv.raw) == rv
	case famStringIC:
		return strings.EqualFold(unescape(pv.raw), rv)
	case famStringLike:
		return wildMatch(pv.raw, rv, false)
	case famBool:
		return strings.EqualFold(pv.raw, rv)
	case famNumeric:
		n, ok := parseNumber(rv)
		return ok && pv.numOK && compare(cmpFloat(n, pv.num), c.info.cmp)
	case famDate:
		t, ok := parseDate(rv)
		return ok && pv.tOK && compare(t.Compare(pv.t), c.info.cmp)
	case famIP:
		a, err := netip.ParseAddr(strings.TrimSpace(rv))
		return err == nil && pv.pfxOK && pv.pfx.Contains(a.Unmap())
	case famArn:
		return arnMatch(pv.raw, rv)
	case famBinary:
		b, err := base64.StdEncoding.DecodeString(rv)
		if err != nil {
			b = []byte(rv)
		}
		return pv.binOK && bytes.Equal(b, pv.bin)
	}
	return false
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compare applies the operator's comparison to a three-way result r, where
// r compares the request value with the policy value.
func compare(r int, k cmpKind) bool {
	switch k {
	case cmpLt:
		return r < 0
	case cmpLe:
		return r <= 0
	case cmpGt:
		return r > 0
	case cmpGe:
		return r >= 0
	}
	return r == 0
}
