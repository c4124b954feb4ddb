package grade

import (
	"fmt"
	"strings"

	"github.com/learnsls/learnsls/sandbox/iam"
)

// DefaultPolicyPrincipal is who makes the requests of a policy check that
// names no principal: a Lambda function's role session, the usual caller in
// this course.
const DefaultPolicyPrincipal = "arn:aws:sts::123456789012:assumed-role/LearnerRole/learner"

// IAMPolicies grades policy exercises with the sandbox's IAM engine. With
// Resource false the learner's document is the identity policy of the
// requesting principal; with Resource true it is the policy of the requested
// resource (a function policy, a queue policy, …) and the principal has no
// identity policies, so only the learner's document can allow — which is
// how a service principal such as apigateway.amazonaws.com invokes a function.
type IAMPolicies struct {
	Resource bool
}

var (
	_ PolicyEngine = IAMPolicies{}
	_ PolicyTyper  = IAMPolicies{}
)

// PolicyTypeSetting is the exercise.yaml setting that says how a policy
// exercise uses the learner's document: "identity" (the default) or
// "resource".
const PolicyTypeSetting = "policyType"

// ForType implements PolicyTyper.
func (IAMPolicies) ForType(typ string) (PolicyEngine, error) {
	switch typ {
	case "", string(iam.IdentityPolicy):
		return IAMPolicies{}, nil
	case string(iam.ResourcePolicy):
		return IAMPolicies{Resource: true}, nil
	}
	return nil, fmt.Errorf("%s %q: want %q or %q", PolicyTypeSetting, typ, iam.IdentityPolicy, iam.ResourcePolicy)
}

func (e IAMPolicies) policyType() iam.PolicyType {
	if e.Resource {
		return iam.ResourcePolicy
	}
	return iam.IdentityPolicy
}

// Evaluate implements PolicyEngine.
func (e IAMPolicies) Evaluate(policy []byte, r PolicyRequest) (string, string, error) {
	p, err := iam.ParseAs("policy.json", policy, e.policyType())
	if err != nil {
		return "", "", fmt.Errorf("parse policy: %w", err)
	}
	arn := r.Principal
	if arn == "" {
		arn = DefaultPolicyPrincipal
	}
	principal, err := iam.PrincipalFromARN(arn)
	if err != nil {
		return "", "", fmt.Errorf("principal %q: %w", arn, err)
	}
	req := iam.Request{Principal: principal, Action: r.Action, Resource: r.Resource}
	if len(r.Context) > 0 {
		req.Context = make(map[string][]string, len(r.Context))
		for k, v := range r.Context {
			req.Context[k] = strings.Split(v, ",")
		}
	}
	pols := iam.Policies{Identity: []*iam.Policy{p}}
	if e.Resource {
		pols = iam.Policies{Resource: p}
	}
	d, x := iam.Explain(req, pols)
	return d.Outcome.String(), x.Text(), nil
}

// Findings implements PolicyEngine with Access-Analyzer-style validation;
// a syntax error is an ERROR finding with its position.
func (e IAMPolicies) Findings(policy []byte) ([]Finding, error) {
	fs := iam.Validate(policy, e.policyType())
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		g := Finding{Code: f.IssueCode, Severity: string(f.Type), Message: f.Details}
		if len(f.Locations) > 0 {
			loc := f.Locations[0]
			g.Path = loc.Path.String()
			g.Line, g.Col = loc.Span.Start.Line, loc.Span.Start.Column
		}
		out = append(out, g)
	}
	return out, nil
}
