package iam

import (
	"strings"
	"testing"
	"time"
)

// The decision vectors: each group is a set of policies, and each request in
// it states the expected decision and the rule (Reason) that produced it.

const (
	acct      = "123456789012"
	fnRole    = "arn:aws:iam::123456789012:role/fn-role"
	fnSession = "arn:aws:sts::123456789012:assumed-role/fn-role/fn"
	usersARN  = "arn:aws:dynamodb:us-east-1:123456789012:table/Users"
	ordersARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"
	fnARN     = "arn:aws:lambda:us-east-1:123456789012:function:orders"
	apiARN    = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders"
)

type ctx = map[string][]string

type vreq struct {
	name      string
	principal string // "" = the fn-role session; "user:x", "root", "svc:x", or an ARN
	tags      map[string]string
	action    string
	resource  string
	ctx       ctx
	at        string // RFC 3339 request time
	want      Outcome
	reason    Reason
}

type vgroup struct {
	name     string
	version  string // default 2012-10-17
	identity []string
	boundary string
	resource string
	reqs     []vreq
}

func doc(version string, stmts ...string) string {
	if version == "" {
		version = Version2012
	}
	if version == "none" {
		return `{"Statement":[` + strings.Join(stmts, ",") + `]}`
	}
	return `{"Version":"` + version + `","Statement":[` + strings.Join(stmts, ",") + `]}`
}

func principalFor(t *testing.T, s string, tags map[string]string) Principal {
	t.Helper()
	var p Principal
	var err error
	switch {
	case s == "":
		p, err = RolePrincipal(fnRole, "fn", nil)
	case s == "root":
		p, err = PrincipalFromARN("arn:aws:iam::" + acct + ":root")
	case strings.HasPrefix(s, "user:"):
		p, err = PrincipalFromARN("arn:aws:iam::" + acct + ":user/" + s[5:])
	case strings.HasPrefix(s, "svc:"):
		p, err = PrincipalFromARN(s[4:])
	default:
		p, err = PrincipalFromARN(s)
	}
	if err != nil {
		t.Fatalf("principal %q: %v", s, err)
	}
	p.Tags = tags
	return p
}

func TestDecisionVectors(t *testing.T) {
	total := 0
	for _, g := range vectorGroups {
		var pols Policies
		for i, src := range g.identity {
			pols.Identity = append(pols.Identity, mustParse(t, g.name+"-identity"+string(rune('A'+i)), src))
		}
		if g.boundary != "" {
			pols.Boundary = mustParse(t, g.name+"-boundary", g.boundary)
		}
		if g.resource != "" {
			pols.Resource = mustParse(t, g.name+"-resource", g.resource)
		}
		for _, r := range g.reqs {
			total++
			t.Run(g.name+"/"+r.name, func(t *testing.T) {
				req := Request{Principal: principalFor(t, r.principal, r.tags), Action: r.action, Resource: r.resource, Context: r.ctx}
				if r.at != "" {
					tm, err := time.Parse(time.RFC3339, r.at)
					if err != nil {
						t.Fatal(err)
					}
					req.Time = tm
				}
				d := Evaluate(req, pols)
				if d.Outcome != r.want || d.Reason != r.reason {
					_, x := Explain(req, pols)
					t.Fatalf("got %s (%s), want %s (%s)\n%s", d.Outcome, d.Reason, r.want, r.reason, x.Text())
				}
				// Explain must agree with Evaluate.
				d2, x := Explain(req, pols)
				if d2.Outcome != d.Outcome || d2.Reason != d.Reason || len(d2.Matched) != len(d.Matched) {
					t.Fatalf("Explain disagrees: %v vs %v", d2, d)
				}
				if x.Summary == "" || !strings.Contains(x.Text(), "Decision: "+d.Outcome.String()) {
					t.Fatalf("explanation text incomplete:\n%s", x.Text())
				}
				// Allowed and explicit-deny decisions name the statements behind them.
				if (d.Outcome == ExplicitDeny || d.Reason == ReasonIdentityAllow) && len(d.Matched) == 0 {
					t.Fatalf("%s decision without matched statements", d.Outcome)
				}
				msg := d.AccessDeniedMessage()
				if (msg == "") != (d.Outcome == Allowed) {
					t.Fatalf("AccessDeniedMessage %q for %s", msg, d.Outcome)
				}
			})
		}
	}
	if total < 150 {
		t.Fatalf("only %d decision vectors; the issue asks for at least 150", total)
	}
	t.Logf("%d decision vectors", total)
}

func mustParse(t *testing.T, name, src string) *Policy {
	t.Helper()
	p, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("parse %s: %v\n%s", name, err, src)
	}
	return p
}

const allowAll = `{"Effect":"Allow","Action":"*","Resource":"*"}`

var vectorGroups = []vgroup{
	{
		name: "parc-users-table",
		identity: []string{doc("", `{"Sid":"ReadUsers","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],
			"Resource":["arn:aws:dynamodb:us-east-1:123456789012:table/Users","arn:aws:dynamodb:us-east-1:123456789012:table/Users/index/*"]}`)},
		reqs: []vreq{
			{name: "getitem-users", action: "dynamodb:GetItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "query-users", action: "dynamodb:Query", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "query-index", action: "dynamodb:Query", resource: usersARN + "/index/ByEmail", want: Allowed, reason: ReasonIdentityAllow},
			{name: "putitem-denied", action: "dynamodb:PutItem", resource: usersARN, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "scan-denied", action: "dynamodb:Scan", resource: usersARN, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "other-table", action: "dynamodb:GetItem", resource: ordersARN, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "action-lowercase", action: "dynamodb:getitem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "action-uppercase", action: "DYNAMODB:GETITEM", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "resource-case-sensitive", action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:123456789012:table/users", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "other-region", action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-west-2:123456789012:table/Users", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "other-account", action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:210987654321:table/Users", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "table-prefix-not-enough", action: "dynamodb:GetItem", resource: usersARN + "Archive", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "index-wildcard-needs-index", action: "dynamodb:Query", resource: usersARN + "/index", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "user-principal", principal: "user:alice", action: "dynamodb:GetItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name: "deny-overrides-allow",
		identity: []string{doc("", `{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Users"}`,
			`{"Sid":"NoDeletes","Effect":"Deny","Action":"dynamodb:DeleteItem","Resource":"*"}`)},
		reqs: []vreq{
			{name: "deleteitem-denied", action: "dynamodb:DeleteItem", resource: usersARN, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "deleteitem-lowercase-denied", action: "dynamodb:deleteitem", resource: usersARN, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "deleteitem-other-table-denied", action: "dynamodb:DeleteItem", resource: ordersARN, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "putitem-allowed", action: "dynamodb:PutItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "updateitem-allowed", action: "dynamodb:UpdateItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "putitem-other-table", action: "dynamodb:PutItem", resource: ordersARN, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "other-service", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name: "deny-across-policies",
		identity: []string{
			doc("", `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`),
			doc("", `{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::prod/*"}`,
				`{"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}`),
		},
		reqs: []vreq{
			{name: "delete-prod-denied", action: "s3:DeleteObject", resource: "arn:aws:s3:::prod/a.txt", want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "delete-dev-allowed", action: "s3:DeleteObject", resource: "arn:aws:s3:::dev/a.txt", want: Allowed, reason: ReasonIdentityAllow},
			{name: "put-wrong-region-denied", action: "s3:PutObject", resource: "arn:aws:s3:::dev/a", ctx: ctx{"aws:RequestedRegion": {"us-east-1"}}, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "put-right-region-allowed", action: "s3:PutObject", resource: "arn:aws:s3:::dev/a", ctx: ctx{"aws:RequestedRegion": {"eu-west-1"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "put-region-missing-negated-denies", action: "s3:PutObject", resource: "arn:aws:s3:::dev/a", want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "get-allowed", action: "s3:GetObject", resource: "arn:aws:s3:::prod/a.txt", want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name: "wildcards",
		identity: []string{doc("", `{"Effect":"Allow","Action":["dynamodb:Get*","sqs:?eceiveMessage","s3:*Object"],"Resource":"*"}`,
			`{"Effect":"Allow","Action":"sns:Publish","Resource":"arn:aws:sns:*:123456789012:alerts-??"}`,
			`{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/*:*"}`)},
		reqs: []vreq{
			{name: "star-suffix", action: "dynamodb:GetItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "star-suffix-records", action: "dynamodb:GetRecords", resource: usersARN + "/stream/x", want: Allowed, reason: ReasonIdentityAllow},
			{name: "star-no-match", action: "dynamodb:BatchGetItem", resource: usersARN, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "question-mark", action: "sqs:ReceiveMessage", resource: "arn:aws:sqs:us-east-1:123456789012:q", want: Allowed, reason: ReasonIdentityAllow},
			{name: "question-mark-needs-one-char", action: "sqs:eceiveMessage", resource: "arn:aws:sqs:us-east-1:123456789012:q", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "star-prefix", action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "star-prefix-no-match", action: "s3:ListBucket", resource: "arn:aws:s3:::b", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "resource-question-marks", action: "sns:Publish", resource: "arn:aws:sns:eu-west-1:123456789012:alerts-eu", want: Allowed, reason: ReasonIdentityAllow},
			{name: "resource-question-marks-too-long", action: "sns:Publish", resource: "arn:aws:sns:eu-west-1:123456789012:alerts-eu1", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "resource-region-star", action: "sns:Publish", resource: "arn:aws:sns:ap-south-1:123456789012:alerts-ap", want: Allowed, reason: ReasonIdentityAllow},
			{name: "log-stream", action: "logs:PutLogEvents", resource: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:2026/01/01", want: Allowed, reason: ReasonIdentityAllow},
			{name: "log-stream-other-prefix", action: "logs:PutLogEvents", resource: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:x", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:     "notaction-allow",
		identity: []string{doc("", `{"Effect":"Allow","NotAction":["iam:*","sts:AssumeRole"],"Resource":"*"}`)},
		reqs: []vreq{
			{name: "s3-allowed", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "dynamodb-allowed", action: "dynamodb:PutItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "iam-excluded", action: "iam:CreateUser", resource: "arn:aws:iam::123456789012:user/x", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "iam-excluded-any-case", action: "IAM:createuser", resource: "arn:aws:iam::123456789012:user/x", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "assumerole-excluded", action: "sts:AssumeRole", resource: fnRole, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "other-sts-allowed", action: "sts:GetCallerIdentity", resource: "*", want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name:     "notaction-deny",
		identity: []string{doc("", allowAll, `{"Effect":"Deny","NotAction":["dynamodb:GetItem","dynamodb:Query"],"Resource":"arn:aws:dynamodb:*:*:table/Users*"}`)},
		reqs: []vreq{
			{name: "putitem-denied", action: "dynamodb:PutItem", resource: usersARN, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "getitem-not-denied", action: "dynamodb:GetItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "other-table-not-denied", action: "dynamodb:PutItem", resource: ordersARN, want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name: "notresource",
		identity: []string{doc("", `{"Effect":"Allow","Action":"s3:*","NotResource":["arn:aws:s3:::secret","arn:aws:s3:::secret/*"]}`,
			`{"Effect":"Deny","Action":"dynamodb:*","NotResource":"arn:aws:dynamodb:us-east-1:123456789012:table/Users"}`,
			`{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}`)},
		reqs: []vreq{
			{name: "public-object", action: "s3:GetObject", resource: "arn:aws:s3:::public/a", want: Allowed, reason: ReasonIdentityAllow},
			{name: "secret-object", action: "s3:GetObject", resource: "arn:aws:s3:::secret/a", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "secret-bucket", action: "s3:ListBucket", resource: "arn:aws:s3:::secret", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "deny-notresource-other-table", action: "dynamodb:GetItem", resource: ordersARN, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "deny-notresource-users-ok", action: "dynamodb:GetItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name:     "boundary-core-service-admin",
		identity: []string{doc("", allowAll)},
		boundary: doc("", `{"Effect":"Allow","Action":["s3:*","cloudwatch:*","lambda:*"],"Resource":"*"}`),
		reqs: []vreq{
			{name: "s3-in-both", action: "s3:PutObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "lambda-in-both", action: "lambda:InvokeFunction", resource: fnARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "dynamodb-outside-boundary", action: "dynamodb:GetItem", resource: usersARN, want: ImplicitDeny, reason: ReasonNoBoundaryAllow},
			{name: "iam-outside-boundary", action: "iam:CreateUser", resource: "arn:aws:iam::123456789012:user/x", want: ImplicitDeny, reason: ReasonNoBoundaryAllow},
			{name: "user-principal-too", principal: "user:bob", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:q", want: ImplicitDeny, reason: ReasonNoBoundaryAllow},
		},
	},
	{
		name:     "boundary-needs-identity",
		identity: []string{doc("", `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`)},
		boundary: doc("", `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`),
		reqs: []vreq{
			{name: "identity-and-boundary", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "boundary-alone-grants-nothing", action: "s3:PutObject", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:     "boundary-allows-nothing",
		identity: []string{doc("", allowAll)},
		boundary: doc("", `{"Effect":"Allow","Action":"ses:GetSendQuota","Resource":"*"}`),
		reqs: []vreq{
			{name: "getitem", action: "dynamodb:GetItem", resource: usersARN, want: ImplicitDeny, reason: ReasonNoBoundaryAllow},
			{name: "invoke", action: "lambda:InvokeFunction", resource: fnARN, want: ImplicitDeny, reason: ReasonNoBoundaryAllow},
			{name: "the-one-action", action: "ses:GetSendQuota", resource: "*", want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name:     "boundary-explicit-deny",
		identity: []string{doc("", allowAll)},
		boundary: doc("", allowAll, `{"Effect":"Deny","Action":"iam:*","Resource":"*"}`),
		reqs: []vreq{
			{name: "iam-denied", action: "iam:PassRole", resource: fnRole, want: ExplicitDeny, reason: ReasonDenyBoundary},
			{name: "s3-allowed", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name:     "resource-policy-role-arn",
		resource: doc("", `{"Sid":"ToRole","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/fn-role"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:jobs"}`),
		reqs: []vreq{
			{name: "role-session-allowed", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: Allowed, reason: ReasonResourceRoleAllow},
			{name: "other-session-same-role", principal: "arn:aws:sts::123456789012:assumed-role/fn-role/other", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: Allowed, reason: ReasonResourceRoleAllow},
			{name: "other-role-denied", principal: "arn:aws:sts::123456789012:assumed-role/web-role/fn", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "other-action-denied", action: "sqs:ReceiveMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "user-not-role", principal: "user:fn-role", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:     "resource-policy-role-arn-with-boundary",
		boundary: doc("", `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`),
		resource: doc("", `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/fn-role"},"Action":"sqs:*","Resource":"*"},
			{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/fn-role"},"Action":"s3:GetObject","Resource":"*"}`),
		reqs: []vreq{
			{name: "boundary-implicit-deny-limits-role-grant", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoBoundaryAllow},
			{name: "boundary-allows-role-grant", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonResourceRoleAllow},
		},
	},
	{
		name:     "resource-policy-session-and-user-arn",
		boundary: doc("", `{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}`),
		resource: doc("", `{"Effect":"Allow","Principal":{"AWS":["arn:aws:sts::123456789012:assumed-role/fn-role/fn","arn:aws:iam::123456789012:user/alice"]},"Action":"sqs:SendMessage","Resource":"*"}`),
		reqs: []vreq{
			{name: "session-not-limited-by-boundary", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: Allowed, reason: ReasonResourceAllow},
			{name: "user-not-limited-by-boundary", principal: "user:alice", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: Allowed, reason: ReasonResourceAllow},
			{name: "other-session-of-role", principal: "arn:aws:sts::123456789012:assumed-role/fn-role/other", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:     "resource-policy-account",
		identity: []string{doc("", `{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}`)},
		resource: doc("", `{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["sqs:SendMessage","sqs:ReceiveMessage"],"Resource":"*"},
			{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sqs:DeleteMessage","Resource":"*"}`),
		reqs: []vreq{
			{name: "account-delegates-identity-allows", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: Allowed, reason: ReasonIdentityAllow},
			{name: "account-delegates-identity-silent", action: "sqs:ReceiveMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "root-arn-delegates-too", action: "sqs:DeleteMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "other-account-principal", principal: "arn:aws:sts::210987654321:assumed-role/fn-role/fn", action: "sqs:ReceiveMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:     "resource-policy-account-with-boundary",
		identity: []string{doc("", allowAll)},
		boundary: doc("", `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`),
		resource: doc("", `{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sqs:*","Resource":"*"}`),
		reqs: []vreq{
			{name: "delegation-still-capped", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ImplicitDeny, reason: ReasonNoBoundaryAllow},
		},
	},
	{
		name:     "resource-policy-star",
		boundary: doc("", `{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}`),
		resource: doc("", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"},
			{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::site"}`),
		reqs: []vreq{
			{name: "anyone-get", action: "s3:GetObject", resource: "arn:aws:s3:::site/index.html", want: Allowed, reason: ReasonResourceAllow},
			{name: "aws-star-list", action: "s3:ListBucket", resource: "arn:aws:s3:::site", want: Allowed, reason: ReasonResourceAllow},
			{name: "user-anyone-get", principal: "user:carol", action: "s3:GetObject", resource: "arn:aws:s3:::site/a", want: Allowed, reason: ReasonResourceAllow},
			{name: "not-granted-put", action: "s3:PutObject", resource: "arn:aws:s3:::site/a", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:     "resource-policy-role-with-path",
		resource: doc("", `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/service-role/fn-role"},"Action":"sns:Publish","Resource":"*"}`),
		reqs: []vreq{
			{name: "role-path-must-match-known-role-arn", action: "sns:Publish", resource: "arn:aws:sns:us-east-1:123456789012:t", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:     "resource-policy-deny",
		identity: []string{doc("", allowAll)},
		resource: doc("", `{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"},
			{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:role/fn-role"},"Action":"s3:PutObject","Resource":"*"},
			{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}`),
		reqs: []vreq{
			{name: "deny-everyone", action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k", want: ExplicitDeny, reason: ReasonDenyResource},
			{name: "deny-role", action: "s3:PutObject", resource: "arn:aws:s3:::b/k", want: ExplicitDeny, reason: ReasonDenyResource},
			{name: "deny-role-not-user", principal: "user:alice", action: "s3:PutObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "deny-insecure", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", ctx: ctx{"aws:SecureTransport": {"false"}}, want: ExplicitDeny, reason: ReasonDenyResource},
			{name: "secure-allowed", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", ctx: ctx{"aws:SecureTransport": {"true"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "transport-missing-bool-false-no-deny", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "root-denied-by-resource-policy", principal: "root", action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k", want: ExplicitDeny, reason: ReasonDenyResource},
		},
	},
	{
		name:     "identity-deny-beats-resource-grant",
		identity: []string{doc("", `{"Effect":"Deny","Action":"sqs:SendMessage","Resource":"*"}`)},
		resource: doc("", `{"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::123456789012:assumed-role/fn-role/fn"},"Action":"sqs:*","Resource":"*"}`),
		reqs: []vreq{
			{name: "denied", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "other-action-granted", action: "sqs:ReceiveMessage", resource: "arn:aws:sqs:us-east-1:123456789012:jobs", want: Allowed, reason: ReasonResourceAllow},
		},
	},
	{
		name: "lambda-function-policy",
		resource: doc("", `{"Sid":"ApiInvoke","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction",
			"Resource":"arn:aws:lambda:us-east-1:123456789012:function:orders",
			"Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/orders"}}}`,
			`{"Sid":"Events","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:123456789012:function:orders",
			"Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:events:us-east-1:123456789012:rule/nightly"},"StringEquals":{"aws:SourceAccount":"123456789012"}}}`),
		reqs: []vreq{
			{name: "api-allowed", principal: "svc:apigateway.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders"}}, want: Allowed, reason: ReasonResourceAllow},
			{name: "api-other-stage-allowed", principal: "svc:apigateway.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/orders"}}, want: Allowed, reason: ReasonResourceAllow},
			{name: "api-other-api-denied", principal: "svc:apigateway.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:execute-api:us-east-1:123456789012:zzz999/prod/GET/orders"}}, want: ImplicitDeny, reason: ReasonNoResourceAllow},
			{name: "api-other-method-denied", principal: "svc:apigateway.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/orders"}}, want: ImplicitDeny, reason: ReasonNoResourceAllow},
			{name: "api-no-source-denied", principal: "svc:apigateway.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, want: ImplicitDeny, reason: ReasonNoResourceAllow},
			{name: "other-service-denied", principal: "svc:sns.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders"}}, want: ImplicitDeny, reason: ReasonNoResourceAllow},
			{name: "other-function-denied", principal: "svc:apigateway.amazonaws.com", action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:admin", ctx: ctx{"aws:SourceArn": {"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders"}}, want: ImplicitDeny, reason: ReasonNoResourceAllow},
			{name: "events-rule-allowed", principal: "svc:events.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:events:us-east-1:123456789012:rule/nightly"}, "aws:SourceAccount": {"123456789012"}}, want: Allowed, reason: ReasonResourceAllow},
			{name: "events-wrong-account", principal: "svc:events.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:events:us-east-1:123456789012:rule/nightly"}, "aws:SourceAccount": {"999999999999"}}, want: ImplicitDeny, reason: ReasonNoResourceAllow},
			{name: "arnequals-wildcard-free-mismatch", principal: "svc:events.amazonaws.com", action: "lambda:InvokeFunction", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:events:us-east-1:123456789012:rule/nightly2"}, "aws:SourceAccount": {"123456789012"}}, want: ImplicitDeny, reason: ReasonNoResourceAllow},
			{name: "function-url-action-not-granted", principal: "svc:apigateway.amazonaws.com", action: "lambda:InvokeFunctionUrl", resource: fnARN, ctx: ctx{"aws:SourceArn": {"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders"}}, want: ImplicitDeny, reason: ReasonNoResourceAllow},
		},
	},
	{
		name:     "notprincipal",
		identity: []string{doc("", allowAll)},
		resource: doc("", `{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::123456789012:role/fn-role","arn:aws:iam::123456789012:user/admin"]},"Action":"s3:*","Resource":"*"},
			{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:user/mallory"},"Action":"sns:Publish","Resource":"*"}`),
		reqs: []vreq{
			{name: "listed-role-not-denied", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "listed-user-not-denied", principal: "user:admin", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "everyone-else-denied", principal: "user:bob", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: ExplicitDeny, reason: ReasonDenyResource},
			{name: "allow-notprincipal-others", principal: "user:bob", action: "sns:Publish", resource: "arn:aws:sns:us-east-1:123456789012:t", want: Allowed, reason: ReasonResourceAllow},
		},
	},
	{
		name:     "deny-notprincipal-with-boundary",
		identity: []string{doc("", allowAll)},
		boundary: doc("", allowAll),
		resource: doc("", `{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/fn-role"},"Action":"s3:*","Resource":"*"}`),
		reqs: []vreq{
			{name: "listed-role-still-denied-because-of-boundary", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: ExplicitDeny, reason: ReasonDenyResource},
		},
	},
	{
		name:     "root-user",
		identity: []string{doc("", `{"Effect":"Deny","Action":"*","Resource":"*"}`)},
		boundary: doc("", `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`),
		reqs: []vreq{
			{name: "root-ignores-identity-deny", principal: "root", action: "dynamodb:DeleteTable", resource: usersARN, want: Allowed, reason: ReasonRoot},
			{name: "root-ignores-boundary", principal: "root", action: "iam:CreateUser", resource: "arn:aws:iam::123456789012:user/x", want: Allowed, reason: ReasonRoot},
			{name: "role-denied", action: "dynamodb:DeleteTable", resource: usersARN, want: ExplicitDeny, reason: ReasonDenyIdentity},
		},
	},
	{
		name:     "no-policies",
		identity: nil,
		reqs: []vreq{
			{name: "default-deny", action: "dynamodb:GetItem", resource: usersARN, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "default-deny-user", principal: "user:alice", action: "s3:ListAllMyBuckets", resource: "*", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "root-allowed", principal: "root", action: "s3:ListAllMyBuckets", resource: "*", want: Allowed, reason: ReasonRoot},
			{name: "service-no-resource-policy", principal: "svc:lambda.amazonaws.com", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:q", want: ImplicitDeny, reason: ReasonNoResourceAllow},
		},
	},
	{
		name: "string-conditions",
		identity: []string{doc("",
			`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":["web","ops"]}}}`,
			`{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":["intern","guest"]}}}`,
			`{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"*","Condition":{"StringEqualsIgnoreCase":{"aws:PrincipalTag/level":"ADMIN"}}}`,
			`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"s3:prefix":["home/*","public/?"]}}}`,
			`{"Effect":"Allow","Action":"s3:GetObjectTagging","Resource":"*","Condition":{"StringNotLike":{"aws:UserAgent":"*curl*"}}}`,
			`{"Effect":"Allow","Action":"s3:PutObjectTagging","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:PrincipalTag/team":"web"}}}`,
			`{"Effect":"Allow","Action":"s3:GetBucketTagging","Resource":"*","Condition":{"StringNotEqualsIgnoreCase":{"aws:RequestedRegion":"US-EAST-1"}}}`)},
		reqs: []vreq{
			{name: "equals-first-value", tags: map[string]string{"team": "web"}, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "equals-second-value-or", tags: map[string]string{"team": "ops"}, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "equals-mismatch", tags: map[string]string{"team": "sales"}, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "equals-value-case-sensitive", tags: map[string]string{"team": "Web"}, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "equals-tag-key-case-insensitive", tags: map[string]string{"Team": "web"}, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "equals-missing-key", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "notequals-other", tags: map[string]string{"team": "web"}, action: "s3:PutObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "notequals-listed-nor", tags: map[string]string{"team": "guest"}, action: "s3:PutObject", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "notequals-missing-key-true", action: "s3:PutObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "ignorecase", tags: map[string]string{"level": "admin"}, action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "ignorecase-mismatch", tags: map[string]string{"level": "adm"}, action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "like-star", action: "s3:ListBucket", resource: "arn:aws:s3:::b", ctx: ctx{"s3:prefix": {"home/alice/docs"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "like-question", action: "s3:ListBucket", resource: "arn:aws:s3:::b", ctx: ctx{"s3:prefix": {"public/x"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "like-question-too-long", action: "s3:ListBucket", resource: "arn:aws:s3:::b", ctx: ctx{"s3:prefix": {"public/xy"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "like-context-key-case-insensitive", action: "s3:ListBucket", resource: "arn:aws:s3:::b", ctx: ctx{"S3:Prefix": {"home/x"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "notlike-ok", action: "s3:GetObjectTagging", resource: "arn:aws:s3:::b/k", ctx: ctx{"aws:UserAgent": {"aws-sdk-go-v2"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "notlike-match-fails", action: "s3:GetObjectTagging", resource: "arn:aws:s3:::b/k", ctx: ctx{"aws:UserAgent": {"curl/8.0"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "ifexists-missing-true", action: "s3:PutObjectTagging", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "ifexists-present-mismatch", tags: map[string]string{"team": "ops"}, action: "s3:PutObjectTagging", resource: "arn:aws:s3:::b/k", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "ifexists-present-match", tags: map[string]string{"team": "web"}, action: "s3:PutObjectTagging", resource: "arn:aws:s3:::b/k", want: Allowed, reason: ReasonIdentityAllow},
			{name: "notequals-ignorecase", action: "s3:GetBucketTagging", resource: "arn:aws:s3:::b", ctx: ctx{"aws:RequestedRegion": {"us-east-1"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "notequals-ignorecase-other", action: "s3:GetBucketTagging", resource: "arn:aws:s3:::b", ctx: ctx{"aws:RequestedRegion": {"eu-west-1"}}, want: Allowed, reason: ReasonIdentityAllow},
		},
	},
	{
		name: "numeric-date-bool-conditions",
		identity: []string{doc("",
			`{"Effect":"Allow","Action":"iam:GetUser","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}`,
			`{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*","Condition":{"NumericGreaterThanEquals":{"s3:max-keys":10}}}`,
			`{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*","Condition":{"NumericEquals":{"s3:max-keys":"10"}}}`,
			`{"Effect":"Allow","Action":"iam:ListPolicies","Resource":"*","Condition":{"NumericNotEquals":{"s3:max-keys":["1","2"]}}}`,
			`{"Effect":"Allow","Action":"iam:ListGroups","Resource":"*","Condition":{"NumericLessThanEquals":{"s3:max-keys":"5"},"NumericGreaterThan":{"s3:max-keys":"1"}}}`,
			`{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}}`,
			`{"Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":"*","Condition":{"DateLessThanEquals":{"aws:EpochTime":"1767225600"}}}`,
			`{"Effect":"Allow","Action":"sqs:DeleteMessage","Resource":"*","Condition":{"DateEquals":{"aws:TokenIssueTime":"2026-03-01T12:00:00Z"}}}`,
			`{"Effect":"Allow","Action":"sqs:PurgeQueue","Resource":"*","Condition":{"DateNotEquals":{"aws:TokenIssueTime":"2026-03-01T12:00:00Z"}}}`,
			`{"Effect":"Allow","Action":"sqs:GetQueueUrl","Resource":"*","Condition":{"DateGreaterThanEquals":{"aws:TokenIssueTime":"2026-03-01"}}}`,
			`{"Effect":"Allow","Action":"iam:ChangePassword","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}`,
			`{"Effect":"Allow","Action":"iam:ListAccessKeys","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true}}}`,
			`{"Effect":"Allow","Action":"iam:ListMFADevices","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}`)},
		reqs: []vreq{
			{name: "numeric-less", action: "iam:GetUser", resource: "*", ctx: ctx{"aws:MultiFactorAuthAge": {"120"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "numeric-not-less", action: "iam:GetUser", resource: "*", ctx: ctx{"aws:MultiFactorAuthAge": {"7200"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "numeric-equal-boundary", action: "iam:GetUser", resource: "*", ctx: ctx{"aws:MultiFactorAuthAge": {"3600"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "numeric-not-a-number", action: "iam:GetUser", resource: "*", ctx: ctx{"aws:MultiFactorAuthAge": {"soon"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "numeric-missing", action: "iam:GetUser", resource: "*", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "numeric-ge-json-number", action: "iam:ListUsers", resource: "*", ctx: ctx{"s3:max-keys": {"10"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "numeric-ge-below", action: "iam:ListUsers", resource: "*", ctx: ctx{"s3:max-keys": {"9"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "numeric-equals-decimal", action: "iam:ListRoles", resource: "*", ctx: ctx{"s3:max-keys": {"10.0"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "numeric-notequals", action: "iam:ListPolicies", resource: "*", ctx: ctx{"s3:max-keys": {"3"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "numeric-notequals-listed", action: "iam:ListPolicies", resource: "*", ctx: ctx{"s3:max-keys": {"2"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "numeric-range-and", action: "iam:ListGroups", resource: "*", ctx: ctx{"s3:max-keys": {"5"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "numeric-range-and-fails", action: "iam:ListGroups", resource: "*", ctx: ctx{"s3:max-keys": {"1"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "date-window-from-clock", action: "sqs:SendMessage", resource: "*", at: "2026-06-01T00:00:00Z", want: Allowed, reason: ReasonIdentityAllow},
			{name: "date-window-before", action: "sqs:SendMessage", resource: "*", at: "2025-12-31T23:59:59Z", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "date-window-after", action: "sqs:SendMessage", resource: "*", at: "2027-01-01T00:00:01Z", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "date-context-overrides-clock", action: "sqs:SendMessage", resource: "*", at: "2020-01-01T00:00:00Z", ctx: ctx{"aws:CurrentTime": {"2026-02-02T10:00:00Z"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "date-no-clock-no-key", action: "sqs:SendMessage", resource: "*", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "date-epoch-le", action: "sqs:ReceiveMessage", resource: "*", at: "2025-06-01T00:00:00Z", want: Allowed, reason: ReasonIdentityAllow},
			{name: "date-epoch-after", action: "sqs:ReceiveMessage", resource: "*", at: "2026-06-01T00:00:00Z", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "date-equals-other-zone", action: "sqs:DeleteMessage", resource: "*", ctx: ctx{"aws:TokenIssueTime": {"2026-03-01T13:00:00+01:00"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "date-notequals", action: "sqs:PurgeQueue", resource: "*", ctx: ctx{"aws:TokenIssueTime": {"2026-03-02T12:00:00Z"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "date-day-only", action: "sqs:GetQueueUrl", resource: "*", ctx: ctx{"aws:TokenIssueTime": {"2026-03-01T00:00:01Z"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "bool-true", action: "iam:ChangePassword", resource: "*", ctx: ctx{"aws:MultiFactorAuthPresent": {"true"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "bool-case-insensitive", action: "iam:ChangePassword", resource: "*", ctx: ctx{"aws:MultiFactorAuthPresent": {"True"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "bool-false", action: "iam:ChangePassword", resource: "*", ctx: ctx{"aws:MultiFactorAuthPresent": {"false"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "bool-missing", action: "iam:ChangePassword", resource: "*", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "bool-json-true", action: "iam:ListAccessKeys", resource: "*", ctx: ctx{"aws:SecureTransport": {"true"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "boolifexists-missing", action: "iam:ListMFADevices", resource: "*", want: Allowed, reason: ReasonIdentityAllow},
			{name: "boolifexists-false", action: "iam:ListMFADevices", resource: "*", ctx: ctx{"aws:MultiFactorAuthPresent": {"false"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name: "ip-arn-null-binary-conditions",
		identity: []string{doc("",
			`{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["12.34.56.78/32","10.0.0.0/16","2001:db8::/32"]}}}`,
			`{"Effect":"Deny","Action":"dynamodb:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/fn-*"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:UpdateItem","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin*"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:DeleteItem","Resource":"*","Condition":{"ArnNotEquals":{"aws:SourceArn":"arn:aws:sqs:us-east-1:123456789012:dlq"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:Query","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"true"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:Scan","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"false"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:DescribeTable","Resource":"*","Condition":{"BinaryEquals":{"dynamodb:Attributes":"QmluYXJ5"}}}`)},
		reqs: []vreq{
			{name: "ip-exact-but-outside-deny-range", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"12.34.56.78"}}, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "ip-not-in-list-and-denied", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"12.34.56.79"}}, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "ip-cidr", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.200.3"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "ip-in-10-8-not-in-allow", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.1.0.1"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "ip-missing", action: "dynamodb:GetItem", resource: usersARN, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "ipv6", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"2001:db8::1"}}, want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "arnlike-principal-derived", action: "dynamodb:PutItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "arnlike-principal-other-role", principal: "arn:aws:sts::123456789012:assumed-role/web/x", action: "dynamodb:PutItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "arnnotlike-ok", action: "dynamodb:UpdateItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "arnnotlike-admin", principal: "arn:aws:sts::123456789012:assumed-role/admin-role/x", action: "dynamodb:UpdateItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "arnnotequals-missing-key", action: "dynamodb:DeleteItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "arnnotequals-equal", action: "dynamodb:DeleteItem", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}, "aws:SourceArn": {"arn:aws:sqs:us-east-1:123456789012:dlq"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "null-true-absent", action: "dynamodb:Query", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "null-true-present", action: "dynamodb:Query", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}, "aws:TokenIssueTime": {"2026-01-01T00:00:00Z"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "null-false-present", action: "dynamodb:Scan", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}, "aws:TokenIssueTime": {"2026-01-01T00:00:00Z"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "null-false-absent", action: "dynamodb:Scan", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "binary-equals", action: "dynamodb:DescribeTable", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}, "dynamodb:Attributes": {"QmluYXJ5"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "binary-differs", action: "dynamodb:DescribeTable", resource: usersARN, ctx: ctx{"aws:SourceIp": {"10.0.0.1"}, "dynamodb:Attributes": {"T3RoZXI="}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name: "set-operators",
		identity: []string{doc("",
			`{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:username}"]}}}`,
			`{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}}`,
			`{"Effect":"Allow","Action":"dynamodb:UpdateItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}}`,
			`{"Effect":"Allow","Action":"dynamodb:DeleteItem","Resource":"*","Condition":{"ForAnyValue:StringNotEquals":{"aws:TagKeys":"env"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:Query","Resource":"*","Condition":{"ForAllValues:StringLike":{"dynamodb:Attributes":["Name*","Id"]}}}`,
			`{"Effect":"Allow","Action":"dynamodb:Scan","Resource":"*","Condition":{"StringEquals":{"aws:CalledVia":"cloudformation.amazonaws.com"}}}`,
			`{"Effect":"Allow","Action":"dynamodb:BatchGetItem","Resource":"*","Condition":{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret"]}}}`)},
		reqs: []vreq{
			{name: "leadingkeys-own", principal: "user:alice", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"dynamodb:LeadingKeys": {"alice"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "leadingkeys-other", principal: "user:alice", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"dynamodb:LeadingKeys": {"bob"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "leadingkeys-mixed", principal: "user:alice", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"dynamodb:LeadingKeys": {"alice", "bob"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "forallvalues-missing-key-is-true", principal: "user:alice", action: "dynamodb:GetItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "forallvalues-empty-set-is-true", principal: "user:alice", action: "dynamodb:GetItem", resource: usersARN, ctx: ctx{"dynamodb:LeadingKeys": {}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "foranyvalue-one-hit", action: "dynamodb:PutItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"cost", "team"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "foranyvalue-no-hit", action: "dynamodb:PutItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"cost"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "foranyvalue-missing-is-false", action: "dynamodb:PutItem", resource: usersARN, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "forallvalues-subset", action: "dynamodb:UpdateItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"env"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "forallvalues-extra-value", action: "dynamodb:UpdateItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"env", "cost"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "foranyvalue-notequals-hit", action: "dynamodb:DeleteItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"env", "team"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "foranyvalue-notequals-only-excluded", action: "dynamodb:DeleteItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"env"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "forallvalues-like", action: "dynamodb:Query", resource: usersARN, ctx: ctx{"dynamodb:Attributes": {"NameFirst", "Id"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "forallvalues-like-extra", action: "dynamodb:Query", resource: usersARN, ctx: ctx{"dynamodb:Attributes": {"Name", "Email"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "multivalued-without-qualifier-any", action: "dynamodb:Scan", resource: usersARN, ctx: ctx{"aws:CalledVia": {"athena.amazonaws.com", "cloudformation.amazonaws.com"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "forallvalues-notequals-clean", action: "dynamodb:BatchGetItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"env"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "forallvalues-notequals-secret", action: "dynamodb:BatchGetItem", resource: usersARN, ctx: ctx{"aws:TagKeys": {"env", "secret"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name: "policy-variables",
		identity: []string{doc("",
			`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}`,
			`{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::teams/${aws:PrincipalTag/team}/*"}`,
			`{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::drop/${aws:username, 'anonymous'}/*"}`,
			`{"Effect":"Allow","Action":"s3:GetObjectTagging","Resource":["arn:aws:s3:::odd/${*}","arn:aws:s3:::odd/q${?}","arn:aws:s3:::odd/${$}{x}"]}`,
			`{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"${aws:PrincipalAccount}"}}}`,
			`{"Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":"*","Condition":{"StringLike":{"s3:prefix":"${aws:username}/*"}}}`)},
		reqs: []vreq{
			{name: "own-home", principal: "user:alice", action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/notes.txt", want: Allowed, reason: ReasonIdentityAllow},
			{name: "other-home", principal: "user:alice", action: "s3:GetObject", resource: "arn:aws:s3:::home/bob/notes.txt", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "session-has-no-username", action: "s3:GetObject", resource: "arn:aws:s3:::home/fn/notes.txt", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "literal-variable-text-not-matched", principal: "user:alice", action: "s3:GetObject", resource: "arn:aws:s3:::home/${aws:username}/x", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "principal-tag", tags: map[string]string{"team": "web"}, action: "s3:PutObject", resource: "arn:aws:s3:::teams/web/a", want: Allowed, reason: ReasonIdentityAllow},
			{name: "principal-tag-other", tags: map[string]string{"team": "web"}, action: "s3:PutObject", resource: "arn:aws:s3:::teams/ops/a", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "tag-value-wildcard-is-literal", tags: map[string]string{"team": "*"}, action: "s3:PutObject", resource: "arn:aws:s3:::teams/ops/a", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "default-value", action: "s3:DeleteObject", resource: "arn:aws:s3:::drop/anonymous/a", want: Allowed, reason: ReasonIdentityAllow},
			{name: "default-not-used-when-set", principal: "user:alice", action: "s3:DeleteObject", resource: "arn:aws:s3:::drop/anonymous/a", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "default-value-user", principal: "user:alice", action: "s3:DeleteObject", resource: "arn:aws:s3:::drop/alice/a", want: Allowed, reason: ReasonIdentityAllow},
			{name: "literal-star", action: "s3:GetObjectTagging", resource: "arn:aws:s3:::odd/*", want: Allowed, reason: ReasonIdentityAllow},
			{name: "literal-star-not-wildcard", action: "s3:GetObjectTagging", resource: "arn:aws:s3:::odd/anything", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "literal-question", action: "s3:GetObjectTagging", resource: "arn:aws:s3:::odd/q?", want: Allowed, reason: ReasonIdentityAllow},
			{name: "literal-question-not-wildcard", action: "s3:GetObjectTagging", resource: "arn:aws:s3:::odd/qx", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "literal-dollar", action: "s3:GetObjectTagging", resource: "arn:aws:s3:::odd/${x}", want: Allowed, reason: ReasonIdentityAllow},
			{name: "variable-in-condition", action: "sqs:SendMessage", resource: "*", ctx: ctx{"aws:SourceAccount": {"123456789012"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "variable-in-condition-mismatch", action: "sqs:SendMessage", resource: "*", ctx: ctx{"aws:SourceAccount": {"999999999999"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "variable-in-like", principal: "user:alice", action: "sqs:ReceiveMessage", resource: "*", ctx: ctx{"s3:prefix": {"alice/docs"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "variable-in-like-other", principal: "user:alice", action: "sqs:ReceiveMessage", resource: "*", ctx: ctx{"s3:prefix": {"bob/docs"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name:    "version-2008-variables-literal",
		version: Version2008,
		identity: []string{doc(Version2008, `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}`),
			doc("none", `{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}`)},
		reqs: []vreq{
			{name: "not-substituted", principal: "user:alice", action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/a", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "literal-matches", principal: "user:alice", action: "s3:GetObject", resource: "arn:aws:s3:::home/${aws:username}/a", want: Allowed, reason: ReasonIdentityAllow},
			{name: "missing-version-is-2008", principal: "user:alice", action: "s3:PutObject", resource: "arn:aws:s3:::home/alice/a", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name: "multiple-identity-policies",
		identity: []string{
			doc("", `{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"}`),
			doc("", `{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}`),
			doc("", `{"Effect":"Allow","Action":"logs:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}`),
		},
		reqs: []vreq{
			{name: "first-policy", action: "dynamodb:GetItem", resource: usersARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "second-policy", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:q", want: Allowed, reason: ReasonIdentityAllow},
			{name: "third-with-condition", action: "logs:PutLogEvents", resource: "*", ctx: ctx{"aws:RequestedRegion": {"us-east-1"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "third-condition-fails", action: "logs:PutLogEvents", resource: "*", ctx: ctx{"aws:RequestedRegion": {"eu-west-1"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "none-allows", action: "sns:Publish", resource: "*", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name: "curriculum-cidr-and-mfa",
		identity: []string{doc("",
			`{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"12.34.56.78/32"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}`)},
		reqs: []vreq{
			{name: "both-met", action: "dynamodb:Scan", resource: usersARN, ctx: ctx{"aws:SourceIp": {"12.34.56.78"}, "aws:MultiFactorAuthPresent": {"true"}}, want: Allowed, reason: ReasonIdentityAllow},
			{name: "no-mfa", action: "dynamodb:Scan", resource: usersARN, ctx: ctx{"aws:SourceIp": {"12.34.56.78"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "wrong-ip", action: "dynamodb:Scan", resource: usersARN, ctx: ctx{"aws:SourceIp": {"12.34.56.77"}, "aws:MultiFactorAuthPresent": {"true"}}, want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
	{
		name: "execute-api-arns",
		identity: []string{doc("",
			`{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:*:abc123/prod/GET/*"}`,
			`{"Effect":"Deny","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:*:*:abc123/*/*/admin/*"}`)},
		reqs: []vreq{
			{name: "get-prod", action: "execute-api:Invoke", resource: apiARN, want: Allowed, reason: ReasonIdentityAllow},
			{name: "nested-path", action: "execute-api:Invoke", resource: apiARN + "/42/items", want: Allowed, reason: ReasonIdentityAllow},
			{name: "post-not-allowed", action: "execute-api:Invoke", resource: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/orders", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
			{name: "admin-denied", action: "execute-api:Invoke", resource: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/admin/users", want: ExplicitDeny, reason: ReasonDenyIdentity},
			{name: "star-does-not-span-arn-parts", action: "execute-api:Invoke", resource: "arn:aws:execute-api:us-east-1:123456789012:xyz/abc123/prod/GET/x", want: ImplicitDeny, reason: ReasonNoIdentityAllow},
		},
	},
}

func TestAccessDeniedMessages(t *testing.T) {
	sess, _ := RolePrincipal(fnRole, "fn", nil)
	req := Request{Principal: sess, Action: "dynamodb:GetItem", Resource: usersARN}
	tests := []struct {
		name string
		pols Policies
		want string
	}{
		{"no identity allow", Policies{}, "User: " + fnSession + " is not authorized to perform: dynamodb:GetItem on resource: " + usersARN + " because no identity-based policy allows the dynamodb:GetItem action"},
		{"identity deny", Policies{Identity: []*Policy{MustParse("p", doc("", `{"Effect":"Deny","Action":"*","Resource":"*"}`))}},
			"User: " + fnSession + " is not authorized to perform: dynamodb:GetItem on resource: " + usersARN + " with an explicit deny in an identity-based policy"},
		{"boundary implicit", Policies{Identity: []*Policy{MustParse("p", doc("", allowAll))}, Boundary: MustParse("b", doc("", `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`))},
			"User: " + fnSession + " is not authorized to perform: dynamodb:GetItem on resource: " + usersARN + " because no permissions boundary allows the dynamodb:GetItem action"},
		{"boundary deny", Policies{Identity: []*Policy{MustParse("p", doc("", allowAll))}, Boundary: MustParse("b", doc("", `{"Effect":"Deny","Action":"*","Resource":"*"}`))},
			"User: " + fnSession + " is not authorized to perform: dynamodb:GetItem on resource: " + usersARN + " with an explicit deny in a permissions boundary"},
		{"resource deny", Policies{Identity: []*Policy{MustParse("p", doc("", allowAll))}, Resource: MustParse("r", doc("", `{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}`))},
			"User: " + fnSession + " is not authorized to perform: dynamodb:GetItem on resource: " + usersARN + " with an explicit deny in a resource-based policy"},
		{"allowed", Policies{Identity: []*Policy{MustParse("p", doc("", allowAll))}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Evaluate(req, tt.pols).AccessDeniedMessage(); got != tt.want {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	svc, _ := PrincipalFromARN("apigateway.amazonaws.com")
	d := Evaluate(Request{Principal: svc, Action: "lambda:InvokeFunction", Resource: fnARN}, Policies{})
	if want := "User: apigateway.amazonaws.com is not authorized to perform: lambda:InvokeFunction on resource: " + fnARN + " because no resource-based policy allows the lambda:InvokeFunction action"; d.AccessDeniedMessage() != want {
		t.Fatalf("service: %q", d.AccessDeniedMessage())
	}
}

func TestSessionARN(t *testing.T) {
	tests := []struct{ role, session, want, err string }{
		{fnRole, "fn", fnSession, ""},
		{"arn:aws:iam::123456789012:role/service-role/orders-role", "orders", "arn:aws:sts::123456789012:assumed-role/orders-role/orders", ""},
		{"arn:aws-cn:iam::123456789012:role/r", "s", "arn:aws-cn:sts::123456789012:assumed-role/r/s", ""},
		{"arn:aws:iam::123456789012:user/alice", "s", "", "not a role ARN"},
		{"not-an-arn", "s", "", "not a role ARN"},
		{fnRole, "", "", "session name is empty"},
	}
	for _, tt := range tests {
		got, err := SessionARN(tt.role, tt.session)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("SessionARN(%q, %q) error = %v, want %q", tt.role, tt.session, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("SessionARN(%q, %q) = %q, %v; want %q", tt.role, tt.session, got, err, tt.want)
		}
	}
}

func TestExplainNamesFailedCondition(t *testing.T) {
	pol := MustParse("mfa.json", doc("", `{"Sid":"NeedMFA","Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}`,
		`{"Sid":"Logs","Effect":"Allow","Action":"logs:*","Resource":"*"}`))
	sess, _ := RolePrincipal(fnRole, "fn", nil)
	d, x := Explain(Request{Principal: sess, Action: "dynamodb:GetItem", Resource: usersARN, Context: ctx{"aws:MultiFactorAuthPresent": {"false"}}}, Policies{Identity: []*Policy{pol}})
	if d.Outcome != ImplicitDeny {
		t.Fatalf("outcome %s", d.Outcome)
	}
	if len(x.Statements) != 2 || x.Statements[0].Result != ResultConditionFailed || x.Statements[1].Result != ResultActionMissed {
		t.Fatalf("trace: %+v", x.Statements)
	}
	c := x.Statements[0].Conditions[0]
	if c.Passed || c.Key != "aws:MultiFactorAuthPresent" || c.RequestValues[0] != "false" || c.PolicyValues[0] != "true" {
		t.Fatalf("condition trace: %+v", c)
	}
	text := x.Text()
	for _, want := range []string{`statement "NeedMFA" of identity-based policy mfa.json`, "FAIL Bool aws:MultiFactorAuthPresent", `"true" (request: "false")`, `the action matches none of its Action patterns "logs:*"`} {
		if !strings.Contains(text, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
}

func TestSummaries(t *testing.T) {
	sess, _ := RolePrincipal(fnRole, "fn", nil)
	req := Request{Principal: sess, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:jobs"}
	tests := []struct {
		name string
		pols Policies
		want string
	}{
		{"nothing", Policies{}, "no statement allows"},
		{"boundary only", Policies{Boundary: MustParse("b", doc("", allowAll))}, "never grants anything by itself"},
		{"account delegation", Policies{Resource: MustParse("r", doc("", `{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sqs:*","Resource":"*"}`))}, "only delegates"},
		{"role grant", Policies{Resource: MustParse("r", doc("", `{"Effect":"Allow","Principal":{"AWS":"`+fnRole+`"},"Action":"sqs:*","Resource":"*"}`))}, "names the caller's role"},
		{"boundary cap", Policies{Identity: []*Policy{MustParse("p", doc("", allowAll))}, Boundary: MustParse("b", doc("", `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`))}, "the permissions boundary does not"},
	}
	for _, tt := range tests {
		if got := Evaluate(req, tt.pols).Summary(); !strings.Contains(got, tt.want) {
			t.Errorf("%s: summary %q lacks %q", tt.name, got, tt.want)
		}
	}
}
