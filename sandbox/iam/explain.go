package iam

import (
	"fmt"
	"strings"
)

// StatementResult is what happened to one statement.
type StatementResult string

// Statement results.
const (
	ResultMatched         StatementResult = "matched"
	ResultActionMissed    StatementResult = "actionMissed"
	ResultResourceMissed  StatementResult = "resourceMissed"
	ResultPrincipalMissed StatementResult = "principalMissed"
	ResultConditionFailed StatementResult = "conditionFailed"
)

// StatementTrace is one statement's part in a decision.
type StatementTrace struct {
	Kind            PolicyKind       `json:"policyType"`
	Policy          string           `json:"policy"`
	Index           int              `json:"policyIndex"`
	Statement       int              `json:"statement"`
	Sid             string           `json:"sid,omitempty"`
	Effect          string           `json:"effect"`
	Result          StatementResult  `json:"result"`
	ActionPattern   string           `json:"actionPattern,omitempty"`
	ResourcePattern string           `json:"resourcePattern,omitempty"`
	Grant           string           `json:"principalGrant,omitempty"` // resource policies: how the principal was named
	Tried           []string         `json:"patterns,omitempty"`       // the Action, Resource or Principal entries that all missed
	Conditions      []ConditionTrace `json:"conditions,omitempty"`
}

// ConditionTrace is one condition's evaluation.
type ConditionTrace struct {
	Operator      string   `json:"operator"`
	Key           string   `json:"key"`
	PolicyValues  []string `json:"policyValues"`
	RequestValues []string `json:"requestValues"`
	Missing       bool     `json:"keyMissing,omitempty"`
	Passed        bool     `json:"passed"`
	Note          string   `json:"note,omitempty"`
}

// Explanation is a decision with every statement's trace and a summary.
type Explanation struct {
	Decision   Outcome          `json:"decision"`
	Reason     Reason           `json:"reason"`
	Summary    string           `json:"summary"`
	Statements []StatementTrace `json:"statements"`
}

// Explain evaluates the request like Evaluate and also records, for every
// statement of every policy, whether it matched and why not.
func Explain(req Request, p Policies) (Decision, Explanation) {
	e := evaluator{req: &req}
	tr := &trace{}
	d := e.run(&p, tr)
	return d, Explanation{Decision: d.Outcome, Reason: d.Reason, Summary: d.Summary(), Statements: tr.stmts}
}

// Summary is one learner-facing sentence on why the decision came out so.
func (d Decision) Summary() string {
	refs := func(effect string) string {
		var names []string
		for _, m := range d.Matched {
			if m.Effect == effect {
				names = append(names, m.label())
			}
		}
		return strings.Join(names, ", ")
	}
	switch d.Reason {
	case ReasonDenyIdentity, ReasonDenyBoundary, ReasonDenyResource:
		return fmt.Sprintf("Denied explicitly: %s says Deny for this request, and an explicit deny beats every allow.", refs(EffectDeny))
	case ReasonRoot:
		return "Allowed: this is the account's root user, which identity-based policies cannot restrict (only an explicit deny in a resource-based policy could)."
	case ReasonResourceAllow:
		return fmt.Sprintf("Allowed by the resource-based policy (%s): it names this caller directly, so no identity-based allow is needed and a permissions boundary does not limit it.", refs(EffectAllow))
	case ReasonResourceRoleAllow:
		return fmt.Sprintf("Allowed by the resource-based policy (%s): it names the caller's role, which is enough on its own within one account (a permissions boundary, if present, also allows).", refs(EffectAllow))
	case ReasonIdentityAllow:
		return fmt.Sprintf("Allowed by %s, and nothing denies it.", refs(EffectAllow))
	case ReasonNoBoundaryAllow:
		return "Denied implicitly: a policy allows this request, but the permissions boundary does not; the boundary caps what identity-based policies (and grants to the role) can give."
	case ReasonNoResourceAllow:
		return "Denied implicitly: the caller is an AWS service, so only the resource-based policy could allow it, and no statement there matches."
	default:
		var res, bnd bool
		for _, m := range d.Matched {
			res = res || m.Kind == KindResource
			bnd = bnd || m.Kind == KindBoundary
		}
		switch {
		case res:
			return "Denied implicitly: the matching allow is in a resource-based policy that names the whole account, which only delegates to identity-based policies, and none of those allows the request."
		case bnd:
			return "Denied implicitly: the permissions boundary allows this request, but a boundary never grants anything by itself; an identity-based policy must allow it too, and none does."
		}
		return "Denied implicitly: no statement allows this request, and everything not allowed is denied."
	}
}

func (r StatementRef) label() string {
	s := fmt.Sprintf("statement %d", r.Statement)
	if r.Sid != "" {
		s = fmt.Sprintf("statement %q", r.Sid)
	}
	name := r.Policy
	if name == "" {
		name = r.Kind.String()
	} else {
		name = fmt.Sprintf("%s %s", r.Kind, name)
	}
	return s + " of " + name
}

// Text renders the explanation for a learner, one line per statement.
func (x Explanation) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Decision: %s\n%s\n", x.Decision, x.Summary)
	if len(x.Statements) == 0 {
		b.WriteString("\nNo policy statements apply to this principal.\n")
		return b.String()
	}
	b.WriteString("\nStatements:\n")
	for _, s := range x.Statements {
		ref := StatementRef{Kind: s.Kind, Policy: s.Policy, Statement: s.Statement, Sid: s.Sid}
		fmt.Fprintf(&b, "  %s %s: %s\n", effectMark(s), ref.label(), s.describe())
		for _, c := range s.Conditions {
			mark := "ok  "
			if !c.Passed {
				mark = "FAIL"
			}
			req := "absent"
			if !c.Missing {
				req = quoteList(c.RequestValues)
			}
			fmt.Fprintf(&b, "      %s %s %s %s (request: %s)", mark, c.Operator, c.Key, quoteList(c.PolicyValues), req)
			if c.Note != "" {
				fmt.Fprintf(&b, ": %s", c.Note)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func effectMark(s StatementTrace) string {
	if s.Result != ResultMatched {
		return "-"
	}
	if s.Effect == EffectDeny {
		return "✗"
	}
	return "✓"
}

func (s StatementTrace) describe() string {
	switch s.Result {
	case ResultMatched:
		what := "matches"
		if s.Effect == EffectDeny {
			what = "matches and DENIES"
		} else if s.Effect == EffectAllow {
			what = "matches and allows"
		}
		switch s.Grant {
		case "direct":
			what += " (it names this caller directly)"
		case "role":
			what += " (it names the caller's role; a permissions boundary can still limit that)"
		case "account":
			what += " (it names the whole account, which only delegates: an identity-based policy must allow too)"
		}
		return what
	case ResultActionMissed:
		if strings.HasSuffix(s.ActionPattern, "(listed in NotAction)") {
			return fmt.Sprintf("does not apply: the action is excluded by NotAction pattern %s", strings.TrimSuffix(s.ActionPattern, " (listed in NotAction)"))
		}
		return fmt.Sprintf("does not apply: the action matches none of its Action patterns %s", quoteList(s.Tried))
	case ResultResourceMissed:
		if s.ResourcePattern != "" {
			return fmt.Sprintf("does not apply: the resource is excluded by NotResource %s", s.ResourcePattern)
		}
		return fmt.Sprintf("does not apply: the resource matches none of its Resource patterns %s (ARNs compare case-sensitively)", quoteList(s.Tried))
	case ResultPrincipalMissed:
		if len(s.Tried) > 0 {
			return fmt.Sprintf("does not apply: its Principal names %s, not this caller", quoteList(s.Tried))
		}
		return "does not apply: its Principal does not name this caller"
	case ResultConditionFailed:
		if n := len(s.Conditions); n > 0 {
			c := s.Conditions[n-1]
			return fmt.Sprintf("does not apply: its condition %s on %s is not met", c.Operator, c.Key)
		}
		return "does not apply: a condition is not met"
	}
	return string(s.Result)
}

func quoteList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = fmt.Sprintf("%q", v)
	}
	if len(q) == 1 {
		return q[0]
	}
	if len(q) > 6 {
		q = append(q[:6], "…")
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// AccessDeniedMessage is the message AWS puts in an AccessDenied error for
// this decision, e.g. "User: arn:aws:sts::123456789012:assumed-role/R/fn is
// not authorized to perform: dynamodb:GetItem on resource:
// arn:aws:dynamodb:us-east-1:123456789012:table/Users because no
// identity-based policy allows the dynamodb:GetItem action". It is empty for
// an allowed request.
func (d Decision) AccessDeniedMessage() string {
	var ending string
	switch d.Reason {
	case ReasonDenyIdentity:
		ending = "with an explicit deny in an identity-based policy"
	case ReasonDenyBoundary:
		ending = "with an explicit deny in a permissions boundary"
	case ReasonDenyResource:
		ending = "with an explicit deny in a resource-based policy"
	case ReasonNoBoundaryAllow:
		ending = "because no permissions boundary allows the " + d.action + " action"
	case ReasonNoResourceAllow:
		ending = "because no resource-based policy allows the " + d.action + " action"
	case ReasonNoIdentityAllow:
		ending = "because no identity-based policy allows the " + d.action + " action"
	default:
		return ""
	}
	return "User: " + d.principal + " is not authorized to perform: " + d.action + " on resource: " + d.resource + " " + ending
}
