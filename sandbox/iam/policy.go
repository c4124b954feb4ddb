package iam

import (
	"errors"
	"fmt"
	"strings"
)

// Policy versions. Policy variables are only substituted under Version2012;
// under Version2008 (and when Version is missing) "${...}" is literal text.
const (
	Version2012 = "2012-10-17"
	Version2008 = "2008-10-17"
)

// Effect of a statement.
const (
	EffectAllow = "Allow"
	EffectDeny  = "Deny"
)

// Policy is a parsed policy document. Parsing is lenient: every element it
// could read is kept, and problems become findings (see Validate).
type Policy struct {
	// Name identifies the policy in explanations (a file name, a role's
	// policy name); it is not part of the JSON.
	Name       string
	Version    string
	ID         string
	Statements []*Statement

	src        []byte
	lineStarts []int
	root       *node
	findings   []Finding // structural findings met while reading
	compiled   *compiledPolicy
}

// Statement is one statement of a policy. A nil slice means the element is
// absent; an empty non-nil slice means it was present but empty.
type Statement struct {
	Index        int
	Sid          string
	Effect       string
	Principal    *PrincipalSet
	NotPrincipal *PrincipalSet
	Action       []string
	NotAction    []string
	Resource     []string
	NotResource  []string
	Conditions   []Condition

	node *node
}

// PrincipalSet is a Principal or NotPrincipal element.
type PrincipalSet struct {
	Wildcard      bool // "Principal": "*"
	AWS           []string
	Service       []string
	Federated     []string
	CanonicalUser []string
}

// Condition is one (operator, key, values) triple of a Condition block.
// Several keys under one operator, and several operators, are ANDed; several
// values for one key are ORed (NORed for negated operators).
type Condition struct {
	Operator string   // as written, e.g. "ForAnyValue:StringLikeIfExists"
	Key      string   // as written, e.g. "aws:PrincipalTag/team"
	Values   []string // numbers and booleans keep their JSON text

	op        opKind
	qualifier qualifier
	ifExists  bool
	valueKind []nodeKind
}

// ParseError is returned by Parse when a document cannot be used: invalid
// JSON, or a finding of type ERROR. Its message names line and column.
type ParseError struct {
	Name     string // file or policy name, may be empty
	Pos      Pos
	Msg      string
	Findings []Finding
}

func (e *ParseError) Error() string {
	prefix := ""
	if e.Name != "" {
		prefix = e.Name + ":"
	}
	return fmt.Sprintf("%s%d:%d: %s", prefix, e.Pos.Line, e.Pos.Column, e.Msg)
}

// ErrInvalidPolicy matches every *ParseError with errors.Is.
var ErrInvalidPolicy = errors.New("invalid policy")

// Is lets errors.Is(err, ErrInvalidPolicy) recognise parse errors.
func (e *ParseError) Is(target error) bool { return target == ErrInvalidPolicy }

// Parse reads a policy document and compiles it for evaluation. It fails on
// invalid JSON and on structural errors (unknown elements, missing Effect,
// wrong JSON types, unknown condition operators); catalog checks (unknown
// actions, ARN formats) are left to Validate, since AWS itself accepts
// unknown actions in identity policies. name labels the policy in errors
// and explanations.
func Parse(name string, src []byte) (pol *Policy, err error) {
	defer func() {
		// Learner input must never crash the host.
		if r := recover(); r != nil {
			pol, err = nil, &ParseError{Name: name, Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("internal error reading the policy: %v", r)}
		}
	}()
	p, synErr := read(name, src)
	if synErr != nil {
		return nil, &ParseError{Name: name, Pos: synErr.Pos, Msg: synErr.Msg, Findings: []Finding{syntaxFinding(synErr)}}
	}
	for _, f := range p.findings {
		if f.Type == FindingError {
			var errs []Finding
			for _, g := range p.findings {
				if g.Type == FindingError {
					errs = append(errs, g)
				}
			}
			pos := Pos{Line: 1, Column: 1}
			if len(f.Locations) > 0 {
				pos = f.Locations[0].Span.Start
			}
			return nil, &ParseError{Name: name, Pos: pos, Msg: f.Details, Findings: errs}
		}
	}
	p.compiled = compile(p)
	return p, nil
}

// ParseAs is Parse plus the rules that depend on how the policy is used:
// an identity-based policy (or boundary) may not name a Principal and must
// name resources; a resource-based policy must name a Principal. Statements
// of resource-based policies may omit Resource: they then apply to the
// resource the policy is attached to.
func ParseAs(name string, src []byte, typ PolicyType) (*Policy, error) {
	p, err := Parse(name, src)
	if err != nil {
		return nil, err
	}
	for _, st := range p.Statements {
		var f *Finding
		switch {
		case typ == IdentityPolicy && (st.Principal != nil || st.NotPrincipal != nil):
			n, path := elem(st, "Principal", -1)
			if st.Principal == nil {
				n, path = elem(st, "NotPrincipal", -1)
			}
			fd := p.finding(FindingError, "UNSUPPORTED_PRINCIPAL", n, path, "An identity-based policy cannot name a Principal: it applies to whoever it is attached to. Remove the element.")
			f = &fd
		case typ == IdentityPolicy && st.Resource == nil && st.NotResource == nil:
			n, path := elem(st, "", -1)
			fd := p.finding(FindingError, "MISSING_RESOURCE", n, path, "This statement names no resources. Add \"Resource\" with ARNs (or \"*\" for actions that take no resource).")
			f = &fd
		case typ == ResourcePolicy && st.Principal == nil && st.NotPrincipal == nil:
			n, path := elem(st, "", -1)
			fd := p.finding(FindingError, "MISSING_PRINCIPAL", n, path, "A statement in a resource-based policy must say who it applies to. Add a Principal.")
			f = &fd
		}
		if f != nil {
			return nil, &ParseError{Name: name, Pos: f.Locations[0].Span.Start, Msg: f.Details, Findings: []Finding{*f}}
		}
	}
	return p, nil
}

// MustParse is Parse for policies written in Go source (tests, built-in
// templates); it panics on error.
func MustParse(name, src string) *Policy {
	p, err := Parse(name, []byte(src))
	if err != nil {
		panic(err)
	}
	return p
}

// read parses JSON and walks it into a Policy, recording structural findings.
func read(name string, src []byte) (*Policy, *SyntaxError) {
	root, synErr := parseJSON(src)
	if synErr != nil {
		return nil, synErr
	}
	p := &Policy{Name: name, src: src, root: root}
	r := reader{p: p}
	r.document(root)
	return p, nil
}

type reader struct {
	p *Policy
}

func (r *reader) add(t FindingType, code string, n *node, path Path, details string) {
	r.p.findings = append(r.p.findings, r.p.finding(t, code, n, path, details))
}

func (r *reader) mismatch(n *node, path Path, want string) {
	r.add(FindingError, "DATA_TYPE_MISMATCH", n, path,
		fmt.Sprintf("%s must be %s, but it is %s %s.", path.Element(), want, article(n.kind.String()), n.kind))
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

func (r *reader) document(root *node) {
	if root.kind != kindObject {
		r.mismatch(root, nil, "a JSON object")
		return
	}
	var stmt *node
	seen := map[string]bool{}
	for _, m := range root.obj {
		path := Path{{Key: m.key}}
		if !r.dupKey(seen, m, path) {
			continue
		}
		switch m.key {
		case "Version":
			if m.val.kind != kindString {
				r.mismatch(m.val, path, "a string")
				continue
			}
			r.p.Version = m.val.str
			if m.val.str != Version2012 && m.val.str != Version2008 {
				r.add(FindingError, "INVALID_VERSION", m.val, path,
					fmt.Sprintf("Version %q is not a policy language version. Use \"2012-10-17\" (the current one, which also enables policy variables).", m.val.str))
			}
		case "Id":
			if m.val.kind != kindString {
				r.mismatch(m.val, path, "a string")
				continue
			}
			r.p.ID = m.val.str
		case "Statement":
			stmt = m.val
		default:
			r.add(FindingError, "INVALID_POLICY_ELEMENT", nil, path, unknownElement(m.key, []string{"Version", "Id", "Statement"}))
			r.p.findings[len(r.p.findings)-1].Locations[0].Span = r.p.span(m.keyStart, m.val.end)
		}
	}
	if stmt == nil {
		r.add(FindingError, "MISSING_STATEMENT", root, nil, "The policy has no Statement. Add \"Statement\": [ ... ] with at least one statement.")
		return
	}
	path := Path{{Key: "Statement"}}
	switch stmt.kind {
	case kindObject:
		r.statement(stmt, 0, path)
	case kindArray:
		if len(stmt.arr) == 0 {
			r.add(FindingError, "MISSING_STATEMENT", stmt, path, "The Statement array is empty, so the policy says nothing. Add at least one statement.")
		}
		for i, s := range stmt.arr {
			r.statement(s, i, path.Index(i))
		}
	default:
		r.mismatch(stmt, path, "an object or an array of objects")
	}
}

// dupKey reports a key repeated in one object (IAM rejects these, and
// encoding/json would silently keep the last). It returns false for a repeat.
func (r *reader) dupKey(seen map[string]bool, m member, path Path) bool {
	lk := strings.ToLower(m.key)
	if seen[lk] {
		r.add(FindingError, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", nil, path,
			fmt.Sprintf("The key %q appears more than once in the same object (keys are compared without regard to case). Keep one.", m.key))
		r.p.findings[len(r.p.findings)-1].Locations[0].Span = r.p.span(m.keyStart, m.keyEnd)
		return false
	}
	seen[lk] = true
	return true
}

func unknownElement(key string, known []string) string {
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return fmt.Sprintf("%q is not a policy element, but %q is: element names are case-sensitive.", key, k)
		}
	}
	for _, k := range known {
		if strings.EqualFold(strings.TrimSuffix(key, "s"), k) || strings.EqualFold(key, k+"s") {
			return fmt.Sprintf("%q is not a policy element; did you mean %q? (It takes a single value or an array.)", key, k)
		}
	}
	if c := closest(key, known); c != "" {
		return fmt.Sprintf("%q is not a policy element; did you mean %q?", key, c)
	}
	return fmt.Sprintf("%q is not a policy element here. Allowed: %s.", key, strings.Join(known, ", "))
}

var statementElements = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}

func (r *reader) statement(n *node, idx int, path Path) {
	st := &Statement{Index: idx, node: n}
	r.p.Statements = append(r.p.Statements, st)
	if n.kind != kindObject {
		r.mismatch(n, path, "an object")
		return
	}
	seen := map[string]bool{}
	for _, m := range n.obj {
		mp := path.Key(m.key)
		if !r.dupKey(seen, m, mp) {
			continue
		}
		switch m.key {
		case "Sid":
			if m.val.kind != kindString {
				r.mismatch(m.val, mp, "a string")
				continue
			}
			st.Sid = m.val.str
		case "Effect":
			if m.val.kind != kindString {
				r.mismatch(m.val, mp, "a string")
				continue
			}
			st.Effect = m.val.str
			if st.Effect != EffectAllow && st.Effect != EffectDeny {
				hint := ""
				if strings.EqualFold(st.Effect, EffectAllow) || strings.EqualFold(st.Effect, EffectDeny) {
					hint = " The value is case-sensitive."
				}
				r.add(FindingError, "INVALID_EFFECT", m.val, mp, fmt.Sprintf("Effect must be \"Allow\" or \"Deny\", not %q.%s", st.Effect, hint))
			}
		case "Action":
			st.Action = r.strings(m.val, mp)
		case "NotAction":
			st.NotAction = r.strings(m.val, mp)
		case "Resource":
			st.Resource = r.strings(m.val, mp)
		case "NotResource":
			st.NotResource = r.strings(m.val, mp)
		case "Principal":
			st.Principal = r.principal(m.val, mp)
		case "NotPrincipal":
			st.NotPrincipal = r.principal(m.val, mp)
		case "Condition":
			st.Conditions = r.conditions(m.val, mp)
		default:
			r.add(FindingError, "INVALID_POLICY_ELEMENT", nil, mp, unknownElement(m.key, statementElements))
			r.p.findings[len(r.p.findings)-1].Locations[0].Span = r.p.span(m.keyStart, m.val.end)
		}
	}
	if _, ok := n.member("Effect"); !ok {
		r.add(FindingError, "MISSING_EFFECT", n, path, "This statement has no Effect. Add \"Effect\": \"Allow\" or \"Effect\": \"Deny\".")
	}
	_, hasA := n.member("Action")
	_, hasNA := n.member("NotAction")
	switch {
	case !hasA && !hasNA:
		r.add(FindingError, "MISSING_ACTION", n, path, "This statement names no actions. Add \"Action\" with actions such as \"dynamodb:GetItem\".")
	case hasA && hasNA:
		r.add(FindingError, "UNSUPPORTED_ELEMENT_COMBINATION", n, path, "A statement can have Action or NotAction, not both.")
	}
	_, hasR := n.member("Resource")
	_, hasNR := n.member("NotResource")
	if hasR && hasNR {
		r.add(FindingError, "UNSUPPORTED_ELEMENT_COMBINATION", n, path, "A statement can have Resource or NotResource, not both.")
	}
	_, hasP := n.member("Principal")
	_, hasNP := n.member("NotPrincipal")
	if hasP && hasNP {
		r.add(FindingError, "UNSUPPORTED_ELEMENT_COMBINATION", n, path, "A statement can have Principal or NotPrincipal, not both.")
	}
}

// member finds a key in an object node.
func (n *node) member(key string) (member, bool) {
	if n == nil || n.kind != kindObject {
		return member{}, false
	}
	for _, m := range n.obj {
		if m.key == key {
			return m, true
		}
	}
	return member{}, false
}

// strings reads a string-or-array-of-strings element.
func (r *reader) strings(n *node, path Path) []string {
	switch n.kind {
	case kindString:
		return []string{n.str}
	case kindArray:
		out := make([]string, 0, len(n.arr))
		for i, e := range n.arr {
			if e.kind != kindString {
				r.mismatch(e, path.Index(i), "a string")
				continue
			}
			out = append(out, e.str)
		}
		return out
	default:
		r.mismatch(n, path, "a string or an array of strings")
		return []string{}
	}
}

func (r *reader) principal(n *node, path Path) *PrincipalSet {
	ps := &PrincipalSet{}
	if n.kind == kindString {
		if n.str != "*" {
			r.add(FindingError, "INVALID_PRINCIPAL_FORMAT", n, path,
				fmt.Sprintf("A principal given as a plain string must be \"*\". Name principals in an object, e.g. {\"AWS\": %q}.", n.str))
		}
		ps.Wildcard = n.str == "*"
		return ps
	}
	if n.kind != kindObject {
		r.mismatch(n, path, "\"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:role/Name\"}")
		return ps
	}
	for _, m := range n.obj {
		mp := path.Key(m.key)
		vals := r.strings(m.val, mp)
		switch m.key {
		case "AWS":
			ps.AWS = append(ps.AWS, vals...)
		case "Service":
			ps.Service = append(ps.Service, vals...)
		case "Federated":
			ps.Federated = append(ps.Federated, vals...)
		case "CanonicalUser":
			ps.CanonicalUser = append(ps.CanonicalUser, vals...)
		default:
			r.add(FindingError, "INVALID_PRINCIPAL_KEY", nil, mp,
				fmt.Sprintf("%q is not a kind of principal. Use AWS, Service, Federated or CanonicalUser.", m.key))
			r.p.findings[len(r.p.findings)-1].Locations[0].Span = r.p.span(m.keyStart, m.keyEnd)
		}
	}
	return ps
}

func (r *reader) conditions(n *node, path Path) []Condition {
	if n.kind != kindObject {
		r.mismatch(n, path, "an object of operators, e.g. {\"StringEquals\": {\"aws:PrincipalTag/team\": \"web\"}}")
		return nil
	}
	if len(n.obj) == 0 {
		r.add(FindingSuggestion, "EMPTY_OBJECT_CONDITION", n, path, "The Condition object is empty and has no effect; remove it.")
	}
	var out []Condition
	for _, om := range n.obj {
		op := path.Key(om.key)
		kind, q, ifx, ok := parseOperator(om.key)
		if !ok {
			r.add(FindingError, "INVALID_CONDITION_OPERATOR", nil, op, unknownOperator(om.key))
			r.p.findings[len(r.p.findings)-1].Locations[0].Span = r.p.span(om.keyStart, om.keyEnd)
			continue
		}
		if kind == opNull && ifx {
			r.add(FindingError, "NULL_WITH_IF_EXISTS", nil, op, "NullIfExists does not exist: Null already tests whether the key is present. Use Null.")
			r.p.findings[len(r.p.findings)-1].Locations[0].Span = r.p.span(om.keyStart, om.keyEnd)
			continue
		}
		if om.val.kind != kindObject {
			r.mismatch(om.val, op, "an object of condition keys and values")
			continue
		}
		if len(om.val.obj) == 0 {
			r.add(FindingSuggestion, "EMPTY_OBJECT_CONDITION", om.val, op, fmt.Sprintf("The %s block names no condition keys and has no effect; remove it.", om.key))
		}
		for _, km := range om.val.obj {
			kp := op.Key(km.key)
			c := Condition{Operator: om.key, Key: km.key, op: kind, qualifier: q, ifExists: ifx}
			switch km.val.kind {
			case kindString, kindNumber, kindBool:
				c.Values = []string{scalarText(km.val)}
				c.valueKind = []nodeKind{km.val.kind}
			case kindArray:
				if len(km.val.arr) == 0 {
					r.add(FindingSuggestion, "EMPTY_ARRAY_CONDITION", km.val, kp, fmt.Sprintf("The condition key %s has no values, so this condition can never be true.", km.key))
				}
				for i, e := range km.val.arr {
					switch e.kind {
					case kindString, kindNumber, kindBool:
						c.Values = append(c.Values, scalarText(e))
						c.valueKind = append(c.valueKind, e.kind)
					default:
						r.mismatch(e, kp.Index(i), "a string, number or boolean")
					}
				}
			default:
				r.mismatch(km.val, kp, "a string, number, boolean or an array of them")
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

func scalarText(n *node) string {
	switch n.kind {
	case kindBool:
		if n.b {
			return "true"
		}
		return "false"
	default:
		return n.str
	}
}
