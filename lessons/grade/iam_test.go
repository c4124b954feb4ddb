package grade

import (
	"context"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/lessons"
)

// TestIAMPolicyExercise grades the curriculum's first policy exercise with
// the real IAM engine: allow only GetItem and Query on Users and its indexes.
func TestIAMPolicyExercise(t *testing.T) {
	ex := &lessons.Exercise{Kind: lessons.KindPolicy, Dir: "01-iam/03-parc/exercise", Files: []string{"policy.json"}, Checks: []byte(`checks:
  - name: reads allowed
    message: GetItem and Query on Users and its indexes must be allowed.
    matrix:
      - {action: dynamodb:GetItem, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users", allow: true}
      - {action: dynamodb:Query, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users/index/ByEmail", allow: true}
  - name: nothing else
    hidden: true
    message: Least privilege - no other action and no other table.
    matrix:
      - {action: dynamodb:PutItem, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users", allow: false}
      - {action: dynamodb:GetItem, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Orders", allow: false}
  - name: clean policy
    message: The policy should have no security warnings.
    expect: {findings: {forbid: [ERROR, SECURITY_WARNING]}}
`)}
	good := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],
 "Resource":["arn:aws:dynamodb:us-east-1:123456789012:table/Users","arn:aws:dynamodb:us-east-1:123456789012:table/Users/index/*"]}]}`
	star := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}]}`
	broken := "{\"Version\":\"2012-10-17\",\n \"Statement\": [}"
	g := &Grader{Policies: IAMPolicies{}}
	tests := []struct {
		name, policy string
		pass         []bool
		diagLine     int
	}{
		{"least privilege", good, []bool{true, true, true}, 0},
		{"dynamodb star", star, []bool{true, false, true}, 0},
		{"syntax error", broken, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := g.Grade(context.Background(), ex, map[string][]byte{"policy.json": []byte(tt.policy)}, Submit, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.diagLine > 0 {
				if len(v.Diagnostics) == 0 || v.Diagnostics[0].Line != tt.diagLine {
					t.Fatalf("want a diagnostic on line %d, got %+v", tt.diagLine, v.Diagnostics)
				}
				return
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
	// The explanation reaches the learner for a visible failing check.
	one := &lessons.Exercise{Kind: lessons.KindPolicy, Dir: "x", Files: []string{"p.json"}, Checks: []byte(`checks:
  - name: deny delete
    message: DeleteItem must be denied explicitly.
    policy: {action: dynamodb:DeleteItem, resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users"}
    expect: {decision: explicitDeny}
`)}
	v, err := g.Grade(context.Background(), one, map[string][]byte{"p.json": []byte(good)}, Run, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed || !strings.Contains(v.Checks[0].Failure, "expected explicitDeny, got implicitDeny") {
		t.Fatalf("failure: %+v", v.Checks[0])
	}
}
