// Package pattern implements Amazon EventBridge's event-pattern language:
// compiling a pattern (with InvalidEventPatternException-style errors that
// carry a line and column), and matching events against it with a reason
// for the outcome.
//
// Semantics follow EventBridge: fields of a pattern are ANDed, the values in
// a leaf array are ORed, a leaf matches when any element of an event array
// matches, and comparison operators apply to leaf values only.
package pattern

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// SyntaxError is an invalid pattern, positioned at the offending token.
type SyntaxError struct {
	Reason string
	Offset int // byte offset in the pattern
	Line   int // 1-based
	Column int // 1-based, in bytes
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("Event pattern is not valid. Reason: %s at line %d, column %d", e.Reason, e.Line, e.Column)
}

func newSyntaxError(src []byte, off int, reason string) *SyntaxError {
	if off > len(src) {
		off = len(src)
	}
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(src[:off], '\n')
	return &SyntaxError{Reason: reason, Offset: off, Line: line, Column: col}
}

// Pattern is a compiled event pattern. It is immutable and safe for
// concurrent use.
type Pattern struct {
	root *object
	src  string
}

// String returns the pattern's source text.
func (p *Pattern) String() string { return p.src }

type object struct {
	fields []field
	ors    [][]*object // each $or: at least one alternative must match
}

type field struct {
	name string
	obj  *object   // nested pattern, or
	leaf []matcher // leaf alternatives
}

type op uint8

const (
	opExact op = iota
	opPrefix
	opPrefixIC
	opSuffix
	opSuffixIC
	opEqualsIC
	opWildcard
	opAnythingBut // values in vals
	opAnythingButPrefix
	opAnythingButSuffix
	opAnythingButIC
	opAnythingButWildcard
	opNumeric
	opExists
	opCIDR
)

type matcher struct {
	op    op
	val   value   // opExact
	vals  []value // anything-but values
	strs  []string
	lo    float64
	hi    float64
	loInc bool
	hiInc bool
	exist bool
	cidr  netip.Prefix
	src   string // how the matcher reads, for reasons
}

// value is a scalar: string, number, boolean or null.
type value struct {
	k   kind
	s   string
	n   float64
	b   bool
	txt string
}

func (v value) equal(ev any) bool {
	switch v.k {
	case kStr:
		s, ok := ev.(string)
		return ok && s == v.s
	case kNum:
		f, ok := ev.(float64)
		return ok && f == v.n
	case kBool:
		b, ok := ev.(bool)
		return ok && b == v.b
	case kNull:
		return ev == nil
	}
	return false
}

// Compile parses and validates an event pattern.
func Compile(src []byte) (*Pattern, error) {
	n, serr := parseJSON(src)
	if serr != nil {
		return nil, serr
	}
	c := &compiler{src: src}
	if n.kind != kObj {
		return nil, newSyntaxError(src, n.off, "Event pattern must be a JSON object")
	}
	if len(n.keys) == 0 {
		return nil, newSyntaxError(src, n.off, "Event pattern must contain at least one field")
	}
	root := c.object(n)
	if c.err != nil {
		return nil, c.err
	}
	return &Pattern{root: root, src: string(src)}, nil
}

// MustCompile is Compile for patterns known to be valid (tests, built-ins).
func MustCompile(src string) *Pattern {
	p, err := Compile([]byte(src))
	if err != nil {
		panic(err)
	}
	return p
}

type compiler struct {
	src []byte
	err *SyntaxError
}

func (c *compiler) fail(off int, format string, args ...any) {
	if c.err == nil {
		c.err = newSyntaxError(c.src, off, fmt.Sprintf(format, args...))
	}
}

func (c *compiler) object(n *node) *object {
	o := &object{}
	for i, k := range n.keys {
		v := n.vals[i]
		if k == "$or" {
			if v.kind != kArr {
				c.fail(v.off, "Value of $or must be an array of objects")
				return o
			}
			if len(v.arr) < 2 {
				c.fail(v.off, "Value of $or must contain at least 2 objects")
				return o
			}
			var alts []*object
			for _, a := range v.arr {
				if a.kind != kObj || len(a.keys) == 0 {
					c.fail(a.off, "Each member of $or must be a non-empty object")
					return o
				}
				alts = append(alts, c.object(a))
			}
			o.ors = append(o.ors, alts)
			continue
		}
		switch v.kind {
		case kObj:
			if len(v.keys) == 0 {
				c.fail(v.off, "Empty objects are not allowed")
				return o
			}
			o.fields = append(o.fields, field{name: k, obj: c.object(v)})
		case kArr:
			if len(v.arr) == 0 {
				c.fail(v.off, "Empty arrays are not allowed")
				return o
			}
			f := field{name: k}
			for _, m := range v.arr {
				f.leaf = append(f.leaf, c.matcher(m))
			}
			o.fields = append(o.fields, f)
		default:
			c.fail(v.off, "%q must be an object or an array", k)
			return o
		}
	}
	return o
}

func scalar(n *node) value {
	v := value{k: n.kind, s: n.str, n: n.num, b: n.b}
	switch n.kind {
	case kStr:
		v.txt = strconv.Quote(n.str)
	case kNum:
		v.txt = strconv.FormatFloat(n.num, 'g', -1, 64)
	case kBool:
		v.txt = strconv.FormatBool(n.b)
	default:
		v.txt = "null"
	}
	return v
}

func (c *compiler) matcher(n *node) matcher {
	switch n.kind {
	case kStr, kNum, kBool, kNull:
		v := scalar(n)
		return matcher{op: opExact, val: v, src: v.txt}
	case kArr:
		c.fail(n.off, "Match value must be String, number, true, false, or null")
		return matcher{}
	}
	if len(n.keys) != 1 {
		c.fail(n.off, "Only one key allowed in match expression")
		return matcher{}
	}
	name, v, vOff := n.keys[0], n.vals[0], n.vals[0].off
	switch name {
	case "prefix", "suffix":
		if v.kind == kObj {
			s, ok := c.ignoreCase(v, name)
			if !ok {
				return matcher{}
			}
			if name == "prefix" {
				return matcher{op: opPrefixIC, strs: []string{strings.ToLower(s)}, src: fmt.Sprintf("prefix (ignoring case) %q", s)}
			}
			return matcher{op: opSuffixIC, strs: []string{strings.ToLower(s)}, src: fmt.Sprintf("suffix (ignoring case) %q", s)}
		}
		if v.kind != kStr {
			c.fail(vOff, "%s match pattern must be a string", name)
			return matcher{}
		}
		if name == "prefix" {
			return matcher{op: opPrefix, strs: []string{v.str}, src: fmt.Sprintf("prefix %q", v.str)}
		}
		return matcher{op: opSuffix, strs: []string{v.str}, src: fmt.Sprintf("suffix %q", v.str)}
	case "equals-ignore-case":
		if v.kind != kStr {
			c.fail(vOff, "equals-ignore-case match pattern must be a string")
			return matcher{}
		}
		return matcher{op: opEqualsIC, strs: []string{v.str}, src: fmt.Sprintf("equals-ignore-case %q", v.str)}
	case "wildcard":
		if v.kind != kStr {
			c.fail(vOff, "wildcard match pattern must be a string")
			return matcher{}
		}
		if !c.checkWildcard(v) {
			return matcher{}
		}
		return matcher{op: opWildcard, strs: []string{v.str}, src: fmt.Sprintf("wildcard %q", v.str)}
	case "exists":
		if v.kind != kBool {
			c.fail(vOff, "exists match pattern must be either true or false.")
			return matcher{}
		}
		return matcher{op: opExists, exist: v.b, src: fmt.Sprintf("exists %v", v.b)}
	case "cidr":
		if v.kind != kStr {
			c.fail(vOff, "cidr match pattern must be a string")
			return matcher{}
		}
		p, err := netip.ParsePrefix(v.str)
		if err != nil {
			c.fail(vOff, "Nonstandard IP address: %s", v.str)
			return matcher{}
		}
		return matcher{op: opCIDR, cidr: p.Masked(), src: fmt.Sprintf("cidr %q", v.str)}
	case "numeric":
		return c.numeric(v)
	case "anything-but":
		return c.anythingBut(v)
	}
	c.fail(n.kOff[0], "Unrecognized match type %s", name)
	return matcher{}
}

// ignoreCase reads {"equals-ignore-case": "s"} nested in prefix/suffix.
func (c *compiler) ignoreCase(v *node, outer string) (string, bool) {
	if len(v.keys) != 1 || v.keys[0] != "equals-ignore-case" {
		c.fail(v.off, "Unsupported %s pattern: only equals-ignore-case may be nested", outer)
		return "", false
	}
	if v.vals[0].kind != kStr {
		c.fail(v.vals[0].off, "equals-ignore-case match pattern must be a string")
		return "", false
	}
	return v.vals[0].str, true
}

func (c *compiler) checkWildcard(v *node) bool {
	s := v.str
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 >= len(s) || (s[i+1] != '*' && s[i+1] != '\\') {
				c.fail(v.off, "Invalid escape character at pos %d", i)
				return false
			}
			i++
		case '*':
			if i+1 < len(s) && s[i+1] == '*' {
				c.fail(v.off, "Consecutive wildcard characters at pos %d", i+1)
				return false
			}
		}
	}
	return true
}

func (c *compiler) numeric(v *node) matcher {
	if v.kind != kArr || len(v.arr) == 0 {
		c.fail(v.off, "Value of numeric must be an array.")
		return matcher{}
	}
	m := matcher{op: opNumeric, lo: math.Inf(-1), hi: math.Inf(1)}
	var parts []string
	haveLo, haveHi, haveEq := false, false, false
	a := v.arr
	for i := 0; i < len(a); i += 2 {
		if a[i].kind != kStr {
			c.fail(a[i].off, "Invalid member in numeric match: operator must be a string")
			return matcher{}
		}
		opr := a[i].str
		if i+1 >= len(a) || a[i+1].kind != kNum {
			off := a[i].off
			if i+1 < len(a) {
				off = a[i+1].off
			}
			c.fail(off, "Value of %s must be a number", opr)
			return matcher{}
		}
		x := a[i+1].num
		if x < -5e9 || x > 5e9 {
			c.fail(a[i+1].off, "Value of %s must be between -5.0E9 and 5.0E9", opr)
			return matcher{}
		}
		switch opr {
		case "=":
			if haveLo || haveHi || haveEq || len(a) != 2 {
				c.fail(a[i].off, "Invalid member in numeric match: = cannot be combined with other operators")
				return matcher{}
			}
			haveEq = true
			m.lo, m.hi, m.loInc, m.hiInc = x, x, true, true
		case ">", ">=":
			if haveLo || haveEq {
				c.fail(a[i].off, "Invalid member in numeric match: a lower bound is given twice")
				return matcher{}
			}
			haveLo = true
			m.lo, m.loInc = x, opr == ">="
		case "<", "<=":
			if haveHi || haveEq {
				c.fail(a[i].off, "Invalid member in numeric match: an upper bound is given twice")
				return matcher{}
			}
			haveHi = true
			m.hi, m.hiInc = x, opr == "<="
		default:
			c.fail(a[i].off, "Unrecognized numeric range operator: %s", opr)
			return matcher{}
		}
		parts = append(parts, opr+" "+strconv.FormatFloat(x, 'g', -1, 64))
	}
	if haveLo && haveHi && (m.lo > m.hi || (m.lo == m.hi && !(m.loInc && m.hiInc))) {
		c.fail(v.off, "Bottom must be less than top")
		return matcher{}
	}
	m.src = "numeric " + strings.Join(parts, " and ")
	return m
}

func (c *compiler) anythingBut(v *node) matcher {
	switch v.kind {
	case kStr, kNum:
		s := scalar(v)
		return matcher{op: opAnythingBut, vals: []value{s}, src: "anything-but " + s.txt}
	case kArr:
		if len(v.arr) == 0 {
			c.fail(v.off, "Empty arrays are not allowed")
			return matcher{}
		}
		m := matcher{op: opAnythingBut}
		var txt []string
		for _, e := range v.arr {
			if e.kind != kStr && e.kind != kNum {
				c.fail(e.off, "Inside anything but list, start|null|boolean is not supported.")
				return matcher{}
			}
			s := scalar(e)
			m.vals = append(m.vals, s)
			txt = append(txt, s.txt)
		}
		m.src = "anything-but [" + strings.Join(txt, ", ") + "]"
		return m
	case kObj:
		if len(v.keys) != 1 {
			c.fail(v.off, "Only one key allowed in match expression")
			return matcher{}
		}
		name, in := v.keys[0], v.vals[0]
		strs := func(what string) ([]string, bool) {
			var out []string
			switch in.kind {
			case kStr:
				out = []string{in.str}
			case kArr:
				if len(in.arr) == 0 {
					c.fail(in.off, "Empty arrays are not allowed")
					return nil, false
				}
				for _, e := range in.arr {
					if e.kind != kStr {
						c.fail(e.off, "Inside anything-but/%s list, number|start|null|boolean is not supported.", what)
						return nil, false
					}
					out = append(out, e.str)
				}
			default:
				c.fail(in.off, "%s match pattern must be a string", what)
				return nil, false
			}
			return out, true
		}
		switch name {
		case "prefix", "suffix":
			if in.kind != kStr {
				c.fail(in.off, "prefix/suffix match pattern must be a string")
				return matcher{}
			}
			if in.str == "" {
				c.fail(in.off, "Null prefix/suffix not allowed")
				return matcher{}
			}
			if name == "prefix" {
				return matcher{op: opAnythingButPrefix, strs: []string{in.str}, src: fmt.Sprintf("anything-but prefix %q", in.str)}
			}
			return matcher{op: opAnythingButSuffix, strs: []string{in.str}, src: fmt.Sprintf("anything-but suffix %q", in.str)}
		case "equals-ignore-case":
			s, ok := strs(name)
			if !ok {
				return matcher{}
			}
			low := make([]string, len(s))
			for i := range s {
				low[i] = strings.ToLower(s[i])
			}
			return matcher{op: opAnythingButIC, strs: low, src: fmt.Sprintf("anything-but equals-ignore-case %q", s)}
		case "wildcard":
			s, ok := strs(name)
			if !ok {
				return matcher{}
			}
			for _, w := range s {
				if !c.checkWildcard(&node{kind: kStr, off: in.off, str: w}) {
					return matcher{}
				}
			}
			return matcher{op: opAnythingButWildcard, strs: s, src: fmt.Sprintf("anything-but wildcard %q", s)}
		}
		c.fail(v.kOff[0], "Unsupported anything-but pattern: %s", name)
		return matcher{}
	}
	c.fail(v.off, "Value of anything-but must be an array or single string/number value.")
	return matcher{}
}

// ParseEvent decodes an event for matching. Numbers become float64.
func ParseEvent(event []byte) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal(event, &m); err != nil {
		return nil, fmt.Errorf("event is not a JSON object: %w", err)
	}
	if m == nil {
		return nil, fmt.Errorf("event is not a JSON object")
	}
	return m, nil
}

// Matches reports whether a decoded event matches.
func (p *Pattern) Matches(event map[string]any) bool {
	return matchObject(p.root, event, true, nil)
}

// Explain matches and says why: for a match, which fields matched; for no
// match, the first field that did not.
func (p *Pattern) Explain(event map[string]any) (bool, string) {
	var why []string
	if matchObject(p.root, event, true, &why) {
		return true, "every field in the pattern matched the event"
	}
	if len(why) == 0 {
		return false, "the event did not match"
	}
	return false, why[0]
}

// Match compiles a pattern and matches one event: the TestEventPattern
// operation's core. err is a *SyntaxError for an invalid pattern.
func Match(pattern, event []byte) (bool, string, error) {
	p, err := Compile(pattern)
	if err != nil {
		return false, "", err
	}
	ev, err := ParseEvent(event)
	if err != nil {
		return false, "", err
	}
	ok, why := p.Explain(ev)
	return ok, why, nil
}

// note records the first reason for a miss (only when explaining).
func note(why *[]string, path []string, format string, args ...any) {
	if why != nil && len(*why) == 0 {
		*why = append(*why, strings.Join(path, ".")+": "+fmt.Sprintf(format, args...))
	}
}

// matchObject matches o against ev (a map, an array of maps, or absent).
func matchObject(o *object, ev any, present bool, why *[]string, path ...string) bool {
	if arr, ok := ev.([]any); ok && present {
		// Any element of an event array may satisfy the whole sub-pattern.
		for _, e := range arr {
			if matchObject(o, e, true, nil, path...) {
				return true
			}
		}
		if why != nil {
			matchObject(o, nil, false, why, path...)
			if len(*why) == 0 {
				note(why, path, "no element of the array matched")
			}
		}
		return false
	}
	m, _ := ev.(map[string]any)
	for i := range o.fields {
		f := &o.fields[i]
		v, ok := m[f.name]
		var sub []string
		if why != nil { // paths are only needed to explain a miss
			sub = append(path[:len(path):len(path)], f.name)
		}
		if f.obj != nil {
			if ok {
				if _, isObj := v.(map[string]any); !isObj {
					if _, isArr := v.([]any); !isArr {
						// A scalar where the pattern expects fields: only
						// exists:false leaves below it can be satisfied.
						if !matchObject(f.obj, nil, false, nil, sub...) {
							note(why, sub, "the pattern expects an object here but the event has %s", describe(v))
							return false
						}
						continue
					}
				}
			}
			if !matchObject(f.obj, v, ok, why, sub...) {
				return false
			}
			continue
		}
		if !matchLeaf(f.leaf, v, ok) {
			if why != nil {
				alts := make([]string, len(f.leaf))
				for j := range f.leaf {
					alts[j] = f.leaf[j].src
				}
				if !ok {
					note(why, sub, "the field is missing from the event; the pattern wants %s", strings.Join(alts, " or "))
				} else {
					note(why, sub, "%s does not match %s", describe(v), strings.Join(alts, " or "))
				}
			}
			return false
		}
	}
	for _, alts := range o.ors {
		hit := false
		for _, a := range alts {
			if matchObject(a, ev, present, nil, path...) {
				hit = true
				break
			}
		}
		if !hit {
			note(why, append(path[:len(path):len(path)], "$or"), "none of the %d alternatives matched", len(alts))
			return false
		}
	}
	return true
}

func describe(v any) string {
	switch x := v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		if len(x) == 0 {
			return "an empty array"
		}
		b, _ := json.Marshal(x)
		if len(b) > 80 {
			return "an array"
		}
		return "the array " + string(b)
	}
	b, _ := json.Marshal(v)
	if len(b) > 80 {
		b = append(b[:77], "..."...)
	}
	return "the value " + string(b)
}

// hasLeaf reports whether v is (or contains in an array) a scalar: the
// notion of "exists" EventBridge uses, which looks at leaf values only.
func hasLeaf(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		return false
	case []any:
		for _, e := range x {
			if hasLeaf(e) {
				return true
			}
		}
		return false
	}
	return true
}

func matchLeaf(ms []matcher, v any, present bool) bool {
	for i := range ms {
		m := &ms[i]
		if m.op == opExists {
			if m.exist == (present && hasLeaf(v)) {
				return true
			}
			continue
		}
		if !present {
			continue
		}
		if m.matchValue(v) {
			return true
		}
	}
	return false
}

// matchValue applies one matcher to an event value, looking inside arrays.
func (m *matcher) matchValue(v any) bool {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if m.matchValue(e) {
				return true
			}
		}
		return false
	case map[string]any:
		return false
	}
	switch m.op {
	case opExact:
		return m.val.equal(v)
	case opNumeric:
		f, ok := v.(float64)
		if !ok {
			return false
		}
		if f < m.lo || (f == m.lo && !m.loInc) {
			return false
		}
		if f > m.hi || (f == m.hi && !m.hiInc) {
			return false
		}
		return true
	case opAnythingBut:
		for _, x := range m.vals {
			if x.equal(v) {
				return false
			}
		}
		// Only strings and numbers can be "anything but" a value.
		switch v.(type) {
		case string, float64:
			return true
		}
		return false
	}
	s, ok := v.(string)
	if !ok {
		return false
	}
	switch m.op {
	case opPrefix:
		return strings.HasPrefix(s, m.strs[0])
	case opSuffix:
		return strings.HasSuffix(s, m.strs[0])
	case opPrefixIC:
		return len(s) >= len(m.strs[0]) && strings.EqualFold(s[:len(m.strs[0])], m.strs[0])
	case opSuffixIC:
		return len(s) >= len(m.strs[0]) && strings.EqualFold(s[len(s)-len(m.strs[0]):], m.strs[0])
	case opEqualsIC:
		return strings.EqualFold(s, m.strs[0])
	case opWildcard:
		return wildcard(m.strs[0], s)
	case opAnythingButPrefix:
		return !strings.HasPrefix(s, m.strs[0])
	case opAnythingButSuffix:
		return !strings.HasSuffix(s, m.strs[0])
	case opAnythingButIC:
		for _, x := range m.strs {
			if strings.EqualFold(s, x) {
				return false
			}
		}
		return true
	case opAnythingButWildcard:
		for _, w := range m.strs {
			if wildcard(w, s) {
				return false
			}
		}
		return true
	case opCIDR:
		a, err := netip.ParseAddr(s)
		return err == nil && m.cidr.Contains(a.Unmap())
	}
	return false
}

// wildcard matches s against a pattern where * is any run of characters
// and \* and \\ are literal.
func wildcard(pat, s string) bool {
	// Iterative glob with single-star backtracking: linear in practice.
	p, i := 0, 0
	starP, starI := -1, 0
	for i < len(s) {
		if p < len(pat) {
			c := pat[p]
			if c == '*' {
				starP, starI = p, i
				p++
				continue
			}
			lit, w := c, 1
			if c == '\\' && p+1 < len(pat) {
				lit, w = pat[p+1], 2
			}
			if lit == s[i] {
				p += w
				i++
				continue
			}
		}
		if starP < 0 {
			return false
		}
		starI++
		i = starI
		p = starP + 1
	}
	for p < len(pat) && pat[p] == '*' {
		p++
	}
	return p == len(pat)
}
