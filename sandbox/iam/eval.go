package iam

import (
	"strconv"
	"strings"
	"time"
)

// Request is one authorisation question: may Principal perform Action on
// Resource, given the request Context?
type Request struct {
	Principal Principal
	Action    string // service:Operation, e.g. dynamodb:GetItem
	Resource  string // an ARN, or "*" for actions without a resource
	// Context holds condition keys (aws:SourceIp, aws:SourceArn,
	// dynamodb:LeadingKeys, …); keys compare case-insensitively.
	Context map[string][]string
	// Time, when set, supplies aws:CurrentTime and aws:EpochTime unless the
	// Context gives them. Pass the sandbox's clock; nothing reads time.Now.
	Time time.Time
}

// Policies are the policies that apply to a request.
type Policies struct {
	Identity []*Policy // attached to the principal (inline and managed)
	Boundary *Policy   // the principal's permissions boundary, if any
	Resource *Policy   // the resource's policy (a Lambda function policy, a queue policy, …)
}

// PolicyKind says which role a policy plays in a request.
type PolicyKind uint8

// Policy kinds.
const (
	KindIdentity PolicyKind = iota
	KindBoundary
	KindResource
)

func (k PolicyKind) String() string {
	return [...]string{"identity-based policy", "permissions boundary", "resource-based policy"}[k]
}

// MarshalText names the kind in JSON output.
func (k PolicyKind) MarshalText() ([]byte, error) {
	return []byte([...]string{"identity", "boundary", "resource"}[k]), nil
}

// Outcome is the decision, in the words of IAM's EvalDecision.
type Outcome uint8

// Outcomes.
const (
	ImplicitDeny Outcome = iota
	Allowed
	ExplicitDeny
)

func (o Outcome) String() string {
	return [...]string{"implicitDeny", "allowed", "explicitDeny"}[o]
}

// MarshalText renders the outcome as "allowed", "explicitDeny" or "implicitDeny".
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Reason says which rule produced the decision.
type Reason uint8

// Reasons.
const (
	ReasonNoIdentityAllow   Reason = iota // no identity policy (or resource policy) allows
	ReasonNoBoundaryAllow                 // an allow exists, but the boundary does not allow
	ReasonNoResourceAllow                 // a service principal, and the resource policy does not allow
	ReasonIdentityAllow                   // identity policy allows (and the boundary, if any)
	ReasonResourceAllow                   // the resource policy names the caller (user, session, service, "*")
	ReasonResourceRoleAllow               // the resource policy names the caller's role; the boundary allows or is absent
	ReasonRoot                            // the account root user: identity policies do not restrict it
	ReasonDenyIdentity                    // an identity policy denies
	ReasonDenyBoundary                    // the permissions boundary denies
	ReasonDenyResource                    // the resource policy denies
)

var reasonNames = [...]string{
	"noIdentityAllow", "noBoundaryAllow", "noResourceAllow", "identityAllow", "resourceAllow",
	"resourceRoleAllow", "rootUser", "denyInIdentityPolicy", "denyInBoundary", "denyInResourcePolicy",
}

func (r Reason) String() string { return reasonNames[r] }

// MarshalText renders the reason's name.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// StatementRef names one statement that decided the request.
type StatementRef struct {
	Kind      PolicyKind `json:"policyType"`
	Policy    string     `json:"policy"`      // the policy's Name
	Index     int        `json:"policyIndex"` // position in Policies.Identity (0 otherwise)
	Statement int        `json:"statement"`   // index in the policy's Statement array
	Sid       string     `json:"sid,omitempty"`
	Effect    string     `json:"effect"`
}

// Decision is the result of Evaluate.
type Decision struct {
	Outcome Outcome
	Reason  Reason
	// Matched lists the statements that matched the request: the denies
	// for an explicit deny, the allows that granted access otherwise.
	Matched []StatementRef

	principal, action, resource string
}

// Allowed reports whether the request is allowed.
func (d Decision) Allowed() bool { return d.Outcome == Allowed }

// Evaluate decides a request by IAM's single-account logic:
//  1. an explicit Deny in any policy (identity, boundary, resource) wins;
//  2. the account root user is allowed (identity policies cannot restrict it);
//  3. a resource policy naming the caller's user/session ARN, a service or
//     "*" allows on its own; naming the caller's role allows unless a
//     boundary fails to allow; naming the account only delegates;
//  4. an identity-policy allow counts only if the boundary (if any) allows too;
//  5. otherwise the request is implicitly denied.
//
// Evaluate allocates only the Matched slice; use Explain for the full trace.
func Evaluate(req Request, p Policies) Decision {
	e := evaluator{req: &req}
	return e.run(&p, nil)
}

type evaluator struct {
	req *Request
	// The request resource split into ARN parts once per evaluation.
	resParts [6]string
	resIsARN bool
	// hasBoundary: the caller has a permissions boundary. IAM documents that
	// a Deny with NotPrincipal in a resource policy then always applies.
	hasBoundary bool
}

// trace records, when non-nil, every statement's outcome for Explain.
type trace struct {
	stmts []StatementTrace
}

func (e *evaluator) run(p *Policies, tr *trace) Decision {
	e.resParts, e.resIsARN = splitARN(e.req.Resource)
	e.hasBoundary = p.Boundary != nil
	d := Decision{principal: e.req.Principal.ARN, action: e.req.Action, resource: e.req.Resource}
	root := e.req.Principal.Type == PrincipalRoot
	service := e.req.Principal.Type == PrincipalService

	var denied bool
	var deniedBy PolicyKind
	var idAllow, bAllow bool
	var grant grantKind

	scan := func(pol *Policy, kind PolicyKind, idx int) {
		if pol == nil || pol.compiled == nil {
			return
		}
		cp := pol.compiled
		// Without a trace, visit only the statements that can name the
		// request's service; Explain reports every statement.
		var only []int32
		indexed := tr == nil && cp.byService != nil
		if indexed {
			only = cp.candidates(e.req.Action)
		}
		n := len(cp.stmts)
		if indexed {
			n = len(only)
		}
		for k := 0; k < n; k++ {
			i := k
			if indexed {
				i = int(only[k])
			}
			s := &cp.stmts[i]
			g := grantNone
			res := e.matchStatement(s, cp, kind, &g, tr)
			if tr != nil {
				tr.stmts[len(tr.stmts)-1].Kind = kind
				tr.stmts[len(tr.stmts)-1].Policy = pol.Name
				tr.stmts[len(tr.stmts)-1].Index = idx
			}
			if !res {
				continue
			}
			ref := StatementRef{Kind: kind, Policy: pol.Name, Index: idx, Statement: s.idx, Sid: s.sid, Effect: EffectAllow}
			if s.deny {
				ref.Effect = EffectDeny
				if !denied {
					denied, deniedBy = true, kind
				}
				d.Matched = append(d.Matched, ref)
				continue
			}
			switch kind {
			case KindIdentity:
				idAllow = true
			case KindBoundary:
				bAllow = true
			case KindResource:
				if g > grant {
					grant = g
				}
			}
			d.Matched = append(d.Matched, ref)
		}
	}
	if !root && !service {
		for i, pol := range p.Identity {
			scan(pol, KindIdentity, i)
		}
		scan(p.Boundary, KindBoundary, 0)
	}
	scan(p.Resource, KindResource, 0)

	if denied {
		// Keep only the denies.
		n := 0
		for _, m := range d.Matched {
			if m.Effect == EffectDeny {
				d.Matched[n] = m
				n++
			}
		}
		d.Matched = d.Matched[:n]
		d.Outcome = ExplicitDeny
		d.Reason = [...]Reason{ReasonDenyIdentity, ReasonDenyBoundary, ReasonDenyResource}[deniedBy]
		return d
	}
	boundaryOK := p.Boundary == nil || bAllow || root || service
	// d.Matched holds every matching allow; keep those behind the decision.
	all := d.Matched
	d.Matched = d.Matched[:0]
	keep := func(kinds ...PolicyKind) {
		for _, a := range all {
			for _, k := range kinds {
				if a.Kind == k {
					d.Matched = append(d.Matched, a)
					break
				}
			}
		}
	}
	switch {
	case root:
		d.Outcome, d.Reason = Allowed, ReasonRoot
		keep(KindResource)
	case grant == grantDirect:
		d.Outcome, d.Reason = Allowed, ReasonResourceAllow
		keep(KindResource)
	case grant == grantRole && boundaryOK:
		d.Outcome, d.Reason = Allowed, ReasonResourceRoleAllow
		keep(KindResource, KindBoundary)
	case idAllow && boundaryOK:
		d.Outcome, d.Reason = Allowed, ReasonIdentityAllow
		keep(KindIdentity, KindBoundary)
	default:
		d.Outcome = ImplicitDeny
		switch {
		case (idAllow || grant == grantRole) && !boundaryOK:
			d.Reason = ReasonNoBoundaryAllow
			keep(KindIdentity, KindResource)
		case service:
			d.Reason = ReasonNoResourceAllow
		default:
			d.Reason = ReasonNoIdentityAllow
			keep(KindBoundary, KindResource)
		}
	}
	return d
}

// compiledPolicy is a policy prepared for fast evaluation.
type compiledPolicy struct {
	vars  bool // 2012-10-17: policy variables are substituted
	stmts []compiledStmt
	// byService maps a lower-case service prefix to the statements whose
	// Action can name it (in order); anyService lists the statements that
	// can name every service (NotAction, "*", wildcards in the prefix).
	byService  map[string][]int32
	anyService []int32
}

// candidates returns the statements that may apply to action.
func (cp *compiledPolicy) candidates(action string) []int32 {
	svc, _, ok := strings.Cut(action, ":")
	if !ok || len(svc) > 32 {
		return cp.anyService
	}
	var buf [32]byte
	for i := 0; i < len(svc); i++ {
		buf[i] = lowerASCII(svc[i])
	}
	if l, ok := cp.byService[string(buf[:len(svc)])]; ok {
		return l
	}
	return cp.anyService
}

// index builds byService and anyService.
func (cp *compiledPolicy) index() {
	own := map[string][]int32{}
	for i := range cp.stmts {
		s := &cp.stmts[i]
		any := s.notAction
		seen := map[string]bool{}
		for _, a := range s.src.Action {
			svc, _, ok := strings.Cut(strings.ToLower(a), ":")
			if !ok || hasWildcard(svc) {
				any = true
				continue
			}
			if !seen[svc] {
				seen[svc] = true
				own[svc] = append(own[svc], int32(i))
			}
		}
		if any {
			cp.anyService = append(cp.anyService, int32(i))
		}
	}
	cp.byService = make(map[string][]int32, len(own))
	for svc, list := range own {
		merged := make([]int32, 0, len(list)+len(cp.anyService))
		a, b := list, cp.anyService
		for len(a) > 0 || len(b) > 0 {
			switch {
			case len(b) == 0 || (len(a) > 0 && a[0] < b[0]):
				merged, a = append(merged, a[0]), a[1:]
			case len(a) == 0 || b[0] < a[0]:
				merged, b = append(merged, b[0]), b[1:]
			default: // the same statement in both lists
				merged, a, b = append(merged, a[0]), a[1:], b[1:]
			}
		}
		cp.byService[svc] = merged
	}
}

type compiledStmt struct {
	idx          int
	sid          string
	deny         bool
	notAction    bool
	actions      []actionPattern
	notResource  bool
	resources    []resPattern
	hasResource  bool
	principal    *PrincipalSet
	notPrincipal *PrincipalSet
	conds        []compiledCond
	src          *Statement
}

type resPattern struct {
	pat     string
	tmpl    []tmplPart
	any     bool
	literal bool      // no wildcard: compare as a string
	parts   [6]string // ARN parts of pat, when isARN
	isARN   bool
	prefix  string // literal text before the first wildcard: a quick reject
}

func compile(p *Policy) *compiledPolicy {
	cp := &compiledPolicy{vars: p.Version == Version2012}
	for _, st := range p.Statements {
		cs := compiledStmt{idx: st.Index, sid: st.Sid, deny: st.Effect == EffectDeny, src: st,
			principal: st.Principal, notPrincipal: st.NotPrincipal}
		acts := st.Action
		if st.NotAction != nil {
			cs.notAction, acts = true, st.NotAction
		}
		for _, a := range acts {
			cs.actions = append(cs.actions, newActionPattern(a))
		}
		res := st.Resource
		if st.NotResource != nil {
			cs.notResource, res = true, st.NotResource
		}
		cs.hasResource = st.Resource != nil || st.NotResource != nil
		for _, r := range res {
			rp := resPattern{pat: escapeNUL(r), any: r == "*"}
			if cp.vars {
				rp.tmpl, _ = parseTemplate(r)
			}
			rp.literal = !hasWildcard(rp.pat) && rp.pat == r
			rp.parts, rp.isARN = splitARN(rp.pat)
			if i := strings.IndexAny(rp.pat, "*?\x00"); i >= 0 {
				rp.prefix = rp.pat[:i]
			}
			cs.resources = append(cs.resources, rp)
		}
		for i := range st.Conditions {
			cs.conds = append(cs.conds, compileCond(&st.Conditions[i], cp.vars))
		}
		cp.stmts = append(cp.stmts, cs)
	}
	cp.index()
	return cp
}

// matchStatement reports whether the statement applies to the request. For
// resource policies it also needs the principal to match, and reports how
// (g). With a trace it appends the statement's outcome.
func (e *evaluator) matchStatement(s *compiledStmt, cp *compiledPolicy, kind PolicyKind, g *grantKind, tr *trace) bool {
	var st *StatementTrace
	if tr != nil {
		tr.stmts = append(tr.stmts, StatementTrace{Statement: s.idx, Sid: s.sid, Effect: s.src.Effect})
		st = &tr.stmts[len(tr.stmts)-1]
	}
	// Action.
	hit := false
	for i := range s.actions {
		if s.actions[i].match(e.req.Action) {
			hit = true
			if st != nil {
				st.ActionPattern = s.actions[i].orig
			}
			break
		}
	}
	if hit == s.notAction {
		if st != nil {
			st.Result = ResultActionMissed
			st.Tried = s.src.Action
			if s.notAction {
				st.Tried = nil
			}
			if s.notAction {
				st.ActionPattern = st.ActionPattern + " (listed in NotAction)"
			}
		}
		return false
	}
	// Resource. A statement without Resource (as in a Lambda function
	// policy written by AddPermission) applies to the resource it is attached to.
	if s.hasResource {
		hit = false
		for i := range s.resources {
			if e.matchResource(&s.resources[i]) {
				hit = true
				if st != nil {
					st.ResourcePattern = s.src.resourceList()[i]
				}
				break
			}
		}
		if hit == s.notResource {
			if st != nil {
				st.Result = ResultResourceMissed
				if !s.notResource {
					st.Tried = s.src.Resource
				}
			}
			return false
		}
	}
	// Principal (resource policies only).
	if kind == KindResource {
		switch {
		case s.principal != nil:
			*g = principalGrant(s.principal, &e.req.Principal)
		case s.notPrincipal != nil:
			if principalGrant(s.notPrincipal, &e.req.Principal) == grantNone || (s.deny && e.hasBoundary) {
				*g = grantDirect
			}
		}
		if *g == grantNone {
			if st != nil {
				st.Result = ResultPrincipalMissed
				st.Tried = s.principal.names()
				if s.principal == nil {
					st.Tried = nil
				}
			}
			return false
		}
		if st != nil {
			st.Grant = g.String()
		}
	}
	// Conditions: all must hold.
	for i := range s.conds {
		c := &s.conds[i]
		out := c.eval(e)
		if st != nil {
			st.Conditions = append(st.Conditions, ConditionTrace{
				Operator: c.src.Operator, Key: c.src.Key, PolicyValues: c.src.Values,
				RequestValues: out.values, Missing: out.missing, Passed: out.ok, Note: out.note,
			})
		}
		if !out.ok {
			if st != nil {
				st.Result = ResultConditionFailed
			}
			return false
		}
	}
	if st != nil {
		st.Result = ResultMatched
	}
	return true
}

func (s *Statement) resourceList() []string {
	if s.NotResource != nil {
		return s.NotResource
	}
	return s.Resource
}

func (e *evaluator) matchResource(rp *resPattern) bool {
	if rp.any {
		return true
	}
	if rp.tmpl != nil {
		pat, ok := resolve(rp.tmpl, e, true)
		return ok && arnMatch(pat, e.req.Resource)
	}
	if rp.literal {
		return rp.pat == e.req.Resource
	}
	if !strings.HasPrefix(e.req.Resource, rp.prefix) {
		return false
	}
	if !rp.isARN {
		return wildMatch(rp.pat, e.req.Resource, false)
	}
	if !e.resIsARN {
		return false
	}
	// The resource part differs most often; compare it first.
	for _, i := range [6]int{5, 2, 4, 3, 1, 0} {
		if rp.parts[i] != e.resParts[i] && !wildMatch(rp.parts[i], e.resParts[i], false) {
			return false
		}
	}
	return true
}

// lookup finds a condition key's values: first in the request context
// (exact, then case-insensitive), then among the keys IAM derives from the
// principal and the clock.
func (e *evaluator) lookup(key string) ([]string, bool) {
	ctx := e.req.Context
	if v, ok := ctx[key]; ok {
		return v, true
	}
	for k, v := range ctx {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	p := &e.req.Principal
	single := func(s string) ([]string, bool) {
		if s == "" {
			return nil, false
		}
		return []string{s}, true
	}
	if len(key) < 4 || !strings.EqualFold(key[:4], "aws:") {
		return nil, false
	}
	name := key[4:]
	if len(name) > len("PrincipalTag/") && strings.EqualFold(name[:len("PrincipalTag/")], "PrincipalTag/") {
		tag := name[len("PrincipalTag/"):]
		for k, v := range p.Tags {
			if strings.EqualFold(k, tag) {
				return []string{v}, true
			}
		}
		return nil, false
	}
	switch strings.ToLower(name) {
	case "principalarn":
		switch p.Type {
		case PrincipalAssumedRole:
			return single(p.roleARN())
		case PrincipalService:
			return nil, false
		}
		return single(p.ARN)
	case "principalaccount":
		return single(p.Account)
	case "principaltype":
		return single(p.Type.awsPrincipalType())
	case "username":
		if p.Type == PrincipalUser {
			return single(p.ARN[strings.LastIndexByte(p.ARN, '/')+1:])
		}
	case "principalservicename":
		if p.Type == PrincipalService {
			return single(p.ARN)
		}
	case "principalisawsservice":
		if p.Type == PrincipalService {
			return single("true")
		}
		return single("false")
	case "currenttime":
		if !e.req.Time.IsZero() {
			return single(e.req.Time.UTC().Format(time.RFC3339))
		}
	case "epochtime":
		if !e.req.Time.IsZero() {
			return single(strconv.FormatInt(e.req.Time.Unix(), 10))
		}
	}
	return nil, false
}

// actionPattern is an Action entry prepared for the common shapes: a plain
// name ("dynamodb:GetItem") or a prefix ("dynamodb:Get*") compare without
// the general matcher; actions are compared without regard to ASCII case.
type actionPattern struct {
	orig string // as written, for explanations
	pat  string // lower-case
	kind uint8  // 0 general, 1 literal, 2 prefix (pat without the final *), 3 "*"
}

func newActionPattern(a string) actionPattern {
	p := lowerPattern(escapeNUL(a))
	switch {
	case p == "*":
		return actionPattern{orig: a, kind: 3}
	case !hasWildcard(p) && p == lowerPattern(a):
		return actionPattern{orig: a, pat: p, kind: 1}
	case len(p) > 1 && p[len(p)-1] == '*' && !hasWildcard(p[:len(p)-1]) && strings.IndexByte(p, escByte) < 0:
		return actionPattern{orig: a, pat: p[:len(p)-1], kind: 2}
	}
	return actionPattern{orig: a, pat: p}
}

func (a *actionPattern) match(action string) bool {
	switch a.kind {
	case 1:
		return len(action) == len(a.pat) && equalFoldLower(action, a.pat)
	case 2:
		return len(action) >= len(a.pat) && equalFoldLower(action[:len(a.pat)], a.pat)
	case 3:
		return true
	}
	return wildMatch(a.pat, action, true)
}

// equalFoldLower compares s with lower, which is already lower-case ASCII.
func equalFoldLower(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != lower[i] && lowerASCII(c) != lower[i] {
			return false
		}
	}
	return true
}
