package iam

import (
	"fmt"
	"strings"
	"testing"
)

// benchPolicies builds 10 identity policies of 10 statements each, shaped
// like real execution roles: specific actions on specific ARNs, a few
// wildcards, a condition here and there, and the allow that matches last.
func benchPolicies(b *testing.B) Policies {
	var pols Policies
	for p := 0; p < 10; p++ {
		var stmts []string
		for s := 0; s < 10; s++ {
			switch {
			case p == 9 && s == 9:
				stmts = append(stmts, `{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],"Resource":["arn:aws:dynamodb:us-east-1:123456789012:table/Users","arn:aws:dynamodb:us-east-1:123456789012:table/Users/index/*"]}`)
			case s%4 == 1:
				stmts = append(stmts, fmt.Sprintf(`{"Effect":"Allow","Action":"sqs:Send*","Resource":"arn:aws:sqs:us-east-1:123456789012:queue-%d-%d","Condition":{"StringEquals":{"aws:PrincipalTag/team":"web"}}}`, p, s))
			case s%4 == 2:
				stmts = append(stmts, fmt.Sprintf(`{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::bucket-%d-%d/*"}`, p, s))
			case s%4 == 3:
				stmts = append(stmts, fmt.Sprintf(`{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-%d-%d:*"}`, p, s))
			default:
				stmts = append(stmts, fmt.Sprintf(`{"Effect":"Allow","Action":["dynamodb:PutItem","dynamodb:UpdateItem"],"Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/T%d_%d"}`, p, s))
			}
		}
		src := `{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`
		pol, err := Parse(fmt.Sprintf("p%d", p), []byte(src))
		if err != nil {
			b.Fatal(err)
		}
		pols.Identity = append(pols.Identity, pol)
	}
	return pols
}

// BenchmarkEvaluate100Statements is the target: 10 policies x 10
// statements per request, at most 5 µs.
func BenchmarkEvaluate100Statements(b *testing.B) {
	pols := benchPolicies(b)
	sess, _ := RolePrincipal("arn:aws:iam::123456789012:role/fn-role", "fn", map[string]string{"team": "web"})
	req := Request{Principal: sess, Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users",
		Context: map[string][]string{"aws:SourceIp": {"10.0.0.1"}, "aws:SecureTransport": {"true"}}}
	if !Evaluate(req, pols).Allowed() {
		b.Fatal("benchmark request should be allowed")
	}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(req, pols)
	}
}

// BenchmarkEvaluateDenied measures the implicit-deny path (every statement
// is examined and nothing matches).
func BenchmarkEvaluateDenied(b *testing.B) {
	pols := benchPolicies(b)
	sess, _ := RolePrincipal("arn:aws:iam::123456789012:role/fn-role", "fn", nil)
	req := Request{Principal: sess, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:other"}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(req, pols)
	}
}

func BenchmarkExplain100Statements(b *testing.B) {
	pols := benchPolicies(b)
	sess, _ := RolePrincipal("arn:aws:iam::123456789012:role/fn-role", "fn", nil)
	req := Request{Principal: sess, Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users"}
	b.ReportAllocs()
	for b.Loop() {
		Explain(req, pols)
	}
}

func BenchmarkParse(b *testing.B) {
	src := []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],"Resource":["arn:aws:dynamodb:us-east-1:123456789012:table/Users","arn:aws:dynamodb:us-east-1:123456789012:table/Users/index/*"],"Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:username}"]}}}]}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("p", src); err != nil {
			b.Fatal(err)
		}
	}
}
