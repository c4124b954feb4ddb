package iam

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the parser and the validator: neither
// may panic, a parse error must carry a position inside the input, and a
// policy that parses must evaluate and explain without trouble.
func FuzzParse(f *testing.F) {
	seeds := []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Users"}]}`,
		`{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":["s3:*"],"NotResource":"arn:aws:s3:::b/${aws:username}/*","Condition":{"ForAllValues:StringLike":{"aws:TagKeys":["a*","${*}"]}}}}`,
		`{"Statement":[{"Effect":"Allow","Principal":{"AWS":["123456789012"],"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:execute-api:*"}}}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","::1"]},"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"Null":{"x:y":true},"DateLessThan":{"aws:CurrentTime":"2027-01-01"}}}]}`,
		`{"Version": "2012-10-17" "Statement": []}`,
		`{"a": "\ud83d\ude00 \u00e9 \"q\"", "b": [1, -2.5e3, true, false, null]}`,
		`[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]`,
		"",
		`{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${aws:username, 'it''s'}/${?}${$}"}]}`,
	}
	actions := []string{"s3:GetObject", "DynamoDB:getitem", "lambda:InvokeFunction", "sqs:SendMessage", "x", ""}
	for i, s := range seeds {
		f.Add([]byte(s), actions[i%len(actions)])
	}
	sess, _ := RolePrincipal("arn:aws:iam::123456789012:role/r", "s", map[string]string{"team": "web"})
	f.Fuzz(func(t *testing.T, src []byte, action string) {
		for _, typ := range []PolicyType{IdentityPolicy, ResourcePolicy} {
			for _, fd := range Validate(src, typ) {
				if fd.IssueCode == "INTERNAL_ERROR" {
					t.Fatalf("validator failed: %s", fd.Details)
				}
			}
		}
		p, err := Parse("fuzz", src)
		if err != nil {
			pe, ok := err.(*ParseError)
			if !ok {
				t.Fatalf("error of type %T", err)
			}
			if strings.Contains(pe.Msg, "internal error") {
				t.Fatalf("parser panicked: %s", pe.Msg)
			}
			if pe.Pos.Line < 1 || pe.Pos.Column < 1 || pe.Pos.Offset > len(src) {
				t.Fatalf("position %+v outside input of %d bytes", pe.Pos, len(src))
			}
			return
		}
		// Evaluate uses the per-service statement index, Explain visits
		// every statement: they must agree for any action.
		req := Request{Principal: sess, Action: action, Resource: "arn:aws:s3:::b/k",
			Context: map[string][]string{"aws:TagKeys": {"a", "b"}, "aws:SourceIp": {"10.1.2.3"}}}
		d := Evaluate(req, Policies{Identity: []*Policy{p}, Resource: p})
		d2, x := Explain(req, Policies{Identity: []*Policy{p}, Resource: p})
		if d.Outcome != d2.Outcome || d.Reason != d2.Reason || len(d.Matched) != len(d2.Matched) {
			t.Fatalf("Evaluate %v and Explain %v disagree", d, d2)
		}
		_ = x.Text()
	})
}

// wildcardRegexp is an independent reference for WildcardMatch.
func wildcardRegexp(p string, fold bool) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`^(?s)`)
	if fold {
		b.WriteString(`(?i)`)
	}
	for _, r := range p {
		switch r {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}

// FuzzWildcardMatch compares the matcher with a regular-expression
// translation of the same pattern.
func FuzzWildcardMatch(f *testing.F) {
	for _, s := range [][2]string{
		{"*", ""}, {"a*b?c", "axxbyc"}, {"arn:aws:s3:::b/*", "arn:aws:s3:::b/k/x"}, {"*a*a*a*", "aaaaaaaaaaaaaaaaaaaaaaab"},
		{"?", "é"}, {"dynamodb:Get*", "dynamodb:GetItem"}, {"a?", "a"}, {"x\x00*", "x\x00y"},
	} {
		f.Add(s[0], s[1], false)
		f.Add(s[0], s[1], true)
	}
	f.Fuzz(func(t *testing.T, pattern, s string, fold bool) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(s) || len(pattern) > 64 || len(s) > 256 {
			return
		}
		if fold {
			// IAM folds ASCII only; keep the reference comparable.
			for _, r := range pattern + s {
				if r >= utf8.RuneSelf {
					return
				}
			}
			pattern = lowerPattern(pattern)
		}
		got := WildcardMatch(pattern, s, fold)
		want := wildcardRegexp(pattern, fold).MatchString(s)
		if got != want {
			t.Fatalf("WildcardMatch(%q, %q, %v) = %v, regexp says %v", pattern, s, fold, got, want)
		}
	})
}
