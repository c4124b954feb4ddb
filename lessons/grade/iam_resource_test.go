package grade

import (
	"context"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/lessons"
)

// TestIAMResourcePolicyExercise grades a policyType: resource exercise with
// the real IAM engine: the learner's document is a function policy, the
// checks' principals are services and users with no identity policies, and
// aws:SourceArn comes from each request's context.
func TestIAMResourcePolicyExercise(t *testing.T) {
	const fn = "arn:aws:lambda:us-east-1:123456789012:function:Orders"
	const api = "arn:aws:execute-api:us-east-1:123456789012:"
	ex := &lessons.Exercise{Kind: lessons.KindPolicy, Dir: "01-iam/06/exercise", Files: []string{"policy.json"},
		Settings: map[string]any{PolicyTypeSetting: "resource"}, Checks: []byte(`checks:
  - name: my API
    message: API abc123 must be allowed.
    matrix:
      - {principal: apigateway.amazonaws.com, action: lambda:InvokeFunction, resource: "` + fn + `", context: {"aws:SourceArn": "` + api + `abc123/Prod/GET/orders"}, allow: true}
  - name: not another API
    message: Another API must be denied.
    matrix:
      - {principal: apigateway.amazonaws.com, action: lambda:InvokeFunction, resource: "` + fn + `", context: {"aws:SourceArn": "` + api + `xyz789/Prod/GET/orders"}, allow: false}
  - name: not without a source ARN
    message: No SourceArn, no invoke.
    matrix:
      - {principal: apigateway.amazonaws.com, action: lambda:InvokeFunction, resource: "` + fn + `", allow: false}
  - name: not a user
    message: Users need their own identity policy.
    matrix:
      - {principal: "arn:aws:iam::123456789012:user/alice", action: lambda:InvokeFunction, resource: "` + fn + `", allow: false}
`)}
	stmt := func(principal, cond string) string {
		s := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":` + principal +
			`,"Action":"lambda:InvokeFunction","Resource":"` + fn + `"`
		if cond != "" {
			s += `,"Condition":` + cond
		}
		return s + `}]}`
	}
	apigw := `{"Service":"apigateway.amazonaws.com"}`
	exact := `{"ArnLike":{"AWS:SourceArn":"` + api + `abc123/Prod/GET/orders"}}`
	tests := []struct {
		name, policy string
		pass         []bool
		diag         string // a substring of the first diagnostic, when the policy is invalid
	}{
		{"service and source ARN", stmt(apigw, exact), []bool{true, true, true, true}, ""},
		{"any API ID", stmt(apigw, `{"ArnLike":{"aws:SourceArn":"`+api+`*/Prod/GET/orders"}}`), []bool{true, false, true, true}, ""},
		{"no condition", stmt(apigw, ""), []bool{true, false, false, true}, ""},
		{"open principal", stmt(`"*"`, ""), []bool{true, false, false, false}, ""},
		{"IfExists admits no key", stmt(apigw, `{"ArnLikeIfExists":{"aws:SourceArn":"`+api+`abc123/Prod/GET/orders"}}`), []bool{true, true, false, true}, ""},
		{"user granted by ARN", stmt(`{"AWS":"arn:aws:iam::123456789012:user/alice"}`, ""), []bool{false, true, true, false}, ""},
		// Principal is required in a resource policy: the identity-policy
		// form of the grant is a diagnostic, not a passing or failing check.
		{"identity policy form", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"` + fn + `"}]}`, nil, "MISSING_PRINCIPAL"},
	}
	g := &Grader{Policies: IAMPolicies{}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := g.Grade(context.Background(), ex, map[string][]byte{"policy.json": []byte(tt.policy)}, Submit, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.diag != "" {
				if len(v.Diagnostics) == 0 || !strings.Contains(v.Diagnostics[0].Message, tt.diag) {
					t.Fatalf("want a diagnostic with %q, got %+v", tt.diag, v.Diagnostics)
				}
				return
			}
			if len(v.Diagnostics) > 0 {
				t.Fatalf("unexpected diagnostics %+v", v.Diagnostics)
			}
			if len(v.Checks) != len(tt.pass) {
				t.Fatalf("got %d checks (%+v)", len(v.Checks), v)
			}
			for i, c := range v.Checks {
				if c.Passed != tt.pass[i] {
					t.Errorf("%s passed=%v, want %v: %s", c.Name, c.Passed, tt.pass[i], c.Failure)
				}
			}
		})
	}
}

// TestPolicyTypeSetting covers the setting's values: identity is the
// default, resource switches the engine, anything else is a broken exercise.
func TestPolicyTypeSetting(t *testing.T) {
	// The same grant as an identity policy: the user is allowed by it, the
	// service principal (which has no identity policies) is not.
	identity := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}]}`
	checks := []byte(`checks:
  - name: user
    message: m
    policy: {principal: "arn:aws:iam::123456789012:user/alice", action: lambda:InvokeFunction, resource: "arn:aws:lambda:us-east-1:123456789012:function:F"}
    expect: {decision: allowed}
`)
	tests := []struct {
		name     string
		settings map[string]any
		wantErr  string
		passed   bool
	}{
		{"no setting", nil, "", true},
		{"identity", map[string]any{PolicyTypeSetting: "identity"}, "", true},
		{"unknown type", map[string]any{PolicyTypeSetting: "trust"}, `"trust"`, false},
		{"not text", map[string]any{PolicyTypeSetting: 3}, "must be text", false},
	}
	g := &Grader{Policies: IAMPolicies{}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := &lessons.Exercise{Kind: lessons.KindPolicy, Dir: "x", Files: []string{"p.json"}, Settings: tt.settings, Checks: checks}
			v, err := g.Grade(context.Background(), ex, map[string][]byte{"p.json": []byte(identity)}, Submit, nil)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if v.Passed != tt.passed {
				t.Fatalf("passed = %v, want %v: %+v", v.Passed, tt.passed, v)
			}
		})
	}
	// An engine without PolicyTyper cannot grade resource policies.
	ex := &lessons.Exercise{Kind: lessons.KindPolicy, Dir: "x", Files: []string{"p.json"}, Settings: map[string]any{PolicyTypeSetting: "resource"}, Checks: checks}
	if _, err := (&Grader{Policies: identityOnly{}}).Grade(context.Background(), ex, map[string][]byte{"p.json": []byte(identity)}, Submit, nil); err == nil || !strings.Contains(err.Error(), "identity policies only") {
		t.Fatalf("err = %v", err)
	}
}

// identityOnly is an IAMPolicies without ForType.
type identityOnly struct{}

func (identityOnly) Evaluate(p []byte, r PolicyRequest) (string, string, error) {
	return IAMPolicies{}.Evaluate(p, r)
}
func (identityOnly) Findings(p []byte) ([]Finding, error) { return IAMPolicies{}.Findings(p) }
