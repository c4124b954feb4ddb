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

// IAMPolicies grades policy exercises with the sandbox's IAM engine: the
// learner's document is the identity policy of the requesting principal.
type IAMPolicies struct{}

var _ PolicyEngine = IAMPolicies{}

// Evaluate implements PolicyEngine.
func (IAMPolicies) Evaluate(policy []byte, r PolicyRequest) (string, string, error) {
	p, err := iam.ParseAs("policy.json", policy, iam.IdentityPolicy)
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
	d, x := iam.Explain(req, iam.Policies{Identity: []*iam.Policy{p}})
	return d.Outcome.String(), x.Text(), nil
}

// Findings implements PolicyEngine with Access-Analyzer-style validation;
// a syntax error is an ERROR finding with its position.
func (IAMPolicies) Findings(policy []byte) ([]Finding, error) {
	fs := iam.Validate(policy, iam.IdentityPolicy)
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
