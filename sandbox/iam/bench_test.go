package iam

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time. The build machine is
// shared, so wall-clock ns/op swings with other people's load; benchmarks
// also report cpu-ns/op, the CPU this process spent per operation.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f b.N times and reports cpu-ns/op besides the usual figures.
func loop(b *testing.B, f func()) {
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
	}
}

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
	loop(b, func() { Evaluate(req, pols) })
}

// BenchmarkEvaluateDenied measures the implicit-deny path (every statement
// is examined and nothing matches).
func BenchmarkEvaluateDenied(b *testing.B) {
	pols := benchPolicies(b)
	sess, _ := RolePrincipal("arn:aws:iam::123456789012:role/fn-role", "fn", nil)
	req := Request{Principal: sess, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:other"}
	loop(b, func() { Evaluate(req, pols) })
}

func BenchmarkExplain100Statements(b *testing.B) {
	pols := benchPolicies(b)
	sess, _ := RolePrincipal("arn:aws:iam::123456789012:role/fn-role", "fn", nil)
	req := Request{Principal: sess, Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users"}
	loop(b, func() { Explain(req, pols) })
}

func BenchmarkParse(b *testing.B) {
	src := []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],"Resource":["arn:aws:dynamodb:us-east-1:123456789012:table/Users","arn:aws:dynamodb:us-east-1:123456789012:table/Users/index/*"],"Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:username}"]}}}]}`)
	loop(b, func() {
		if _, err := Parse("p", src); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkEvaluate100SameService is the worst case for the service index:
// all 100 statements name DynamoDB actions, so every one is examined.
func BenchmarkEvaluate100SameService(b *testing.B) {
	var pols Policies
	for p := 0; p < 10; p++ {
		var stmts []string
		for s := 0; s < 10; s++ {
			if p == 9 && s == 9 {
				stmts = append(stmts, `{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],"Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Users"}`)
				continue
			}
			stmts = append(stmts, fmt.Sprintf(`{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],"Resource":["arn:aws:dynamodb:us-east-1:123456789012:table/T%d_%d","arn:aws:dynamodb:us-east-1:123456789012:table/T%d_%d/index/*"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":"web"}}}`, p, s, p, s))
		}
		pol, err := Parse(fmt.Sprintf("p%d", p), []byte(`{"Version":"2012-10-17","Statement":[`+strings.Join(stmts, ",")+`]}`))
		if err != nil {
			b.Fatal(err)
		}
		pols.Identity = append(pols.Identity, pol)
	}
	sess, _ := RolePrincipal("arn:aws:iam::123456789012:role/fn-role", "fn", map[string]string{"team": "web"})
	req := Request{Principal: sess, Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users"}
	if !Evaluate(req, pols).Allowed() {
		b.Fatal("benchmark request should be allowed")
	}
	loop(b, func() { Evaluate(req, pols) })
}

// BenchmarkCallChecksGetItem is what every DynamoDB call a function makes
// pays before authorisation: reading the request for the table, the
// leading key and the condition keys.
func BenchmarkCallChecksGetItem(b *testing.B) {
	ci := CallInfo{Region: "us-east-1", Account: "123456789012", PartitionKey: func(string) (string, bool) { return "id", true }}
	body := []byte(`{"Key":{"id":{"S":"u1"}},"TableName":"UsersTable"}`)
	loop(b, func() {
		checks, err := CallChecks("dynamodb", "GetItem", body, ci)
		if err != nil || len(checks) != 1 || checks[0].Context["dynamodb:LeadingKeys"][0] != "u1" {
			b.Fatalf("%v %+v", err, checks)
		}
	})
}
