package iam

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/findings/*.golden from the current output")

// TestFindingsGolden validates every testdata/findings/*.json (as a
// resource-based policy when its name starts with "resource-") and compares
// the findings with the .golden file beside it.
func TestFindingsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/findings/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			typ := IdentityPolicy
			if strings.HasPrefix(filepath.Base(f), "resource-") {
				typ = ResourcePolicy
			}
			fs := Validate(src, typ)
			if fs == nil {
				fs = []Finding{}
			}
			got, err := json.MarshalIndent(fs, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("findings differ from %s (run go test -update after checking):\n%s", golden, got)
			}
			// Every span must lie inside the document and point at text.
			for _, fd := range fs {
				for _, loc := range fd.Locations {
					if loc.Span.Start.Offset > loc.Span.End.Offset || loc.Span.End.Offset > len(src) {
						t.Errorf("%s: bad span %+v", fd.IssueCode, loc.Span)
					}
				}
			}
		})
	}
}

// TestValidateExpectedCodes pins, per fixture, the issue codes the issue
// text asks for, so a golden file updated carelessly cannot drop a check.
func TestValidateExpectedCodes(t *testing.T) {
	want := map[string][]string{
		"invalid-json.json":                {"JSON_SYNTAX_ERROR"},
		"unknown-element.json":             {"INVALID_POLICY_ELEMENT"},
		"missing-elements.json":            {"MISSING_EFFECT", "MISSING_ACTION", "MISSING_RESOURCE", "INVALID_EFFECT", "DATA_TYPE_MISMATCH"},
		"empty-statement.json":             {"MISSING_STATEMENT"},
		"actions.json":                     {"INVALID_ACTION", "INVALID_SERVICE_IN_ACTION", "SERVICE_NOT_SIMULATED", "WILDCARD_IN_SERVICE_NAME", "REDUNDANT_ACTION"},
		"arns.json":                        {"INVALID_ARN_PREFIX", "MISSING_ARN_FIELD", "INVALID_PARTITION", "MISSING_ARN_REGION", "INVALID_ARN_ACCOUNT", "INVALID_ARN_REGION", "ARN_REGION_NOT_ALLOWED", "ARN_ACCOUNT_NOT_ALLOWED", "INVALID_ARN_RESOURCE"},
		"resource-type-mismatch.json":      {"RESOURCE_TYPE_MISMATCH"},
		"principal-in-identity.json":       {"UNSUPPORTED_PRINCIPAL"},
		"not-elements.json":                {"ALLOW_WITH_NOT_ACTION", "ALLOW_WITH_NOT_RESOURCE", "UNSUPPORTED_ELEMENT_COMBINATION"},
		"passrole-and-admin.json":          {"PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", "PASS_ROLE_WITH_STAR_IN_RESOURCE", "PASS_ROLE_WITH_NOT_RESOURCE", "OVERLY_PERMISSIVE_ACTION_AND_RESOURCE"},
		"conditions.json":                  {"INVALID_CONDITION_OPERATOR", "NULL_WITH_IF_EXISTS", "INVALID_GLOBAL_CONDITION_KEY", "INVALID_CONDITION_KEY_FORMAT", "INVALID_SERVICE_CONDITION_KEY", "CONDITION_KEY_FOR_ANOTHER_SERVICE", "WILDCARD_WITHOUT_LIKE_OPERATOR", "TYPE_MISMATCH_IP_RANGE", "TYPE_MISMATCH_BOOLEAN", "TYPE_MISMATCH_NUMBER", "TYPE_MISMATCH_DATE", "TYPE_MISMATCH", "FORALLVALUES_WITH_SINGLE_VALUED_KEY", "MISSING_QUALIFIER", "EMPTY_OBJECT_CONDITION"},
		"variables.json":                   {"VARIABLE_UNSUPPORTED_IN_ELEMENT", "MISSING_BRACE_IN_VARIABLE", "EMPTY_VARIABLE", "MISSING_QUOTE_IN_VARIABLE"},
		"variables-2008.json":              {"VARIABLE_UNSUPPORTED_IN_VERSION"},
		"missing-version.json":             {"MISSING_VERSION"},
		"bad-version.json":                 {"INVALID_VERSION"},
		"duplicate-sid-and-redundant.json": {"UNIQUE_SIDS_RECOMMENDED", "REDUNDANT_STATEMENT", "REDUNDANT_ACTION", "UNSUPPORTED_SID", "EMPTY_SID_VALUE", "EMPTY_ARRAY_ACTION"},
		"resource-principals.json":         {"MISSING_PRINCIPAL", "UNSUPPORTED_WILDCARD_IN_PRINCIPAL", "INVALID_PRINCIPAL_FORMAT", "INVALID_SERVICE_PRINCIPAL_FORMAT", "INVALID_PRINCIPAL_KEY", "ALLOW_WITH_NOT_PRINCIPAL", "UNIQUE_SIDS_REQUIRED"},
		"resource-lambda-permission.json":  {},
		"clean-curriculum.json":            {},
		"not-an-object.json":               {"DATA_TYPE_MISMATCH"},
		"duplicate-keys.json":              {"DUPLICATE_KEYS_WITH_DIFFERENT_CASE"},
	}
	for file, codes := range want {
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata/findings", file))
			if err != nil {
				t.Fatal(err)
			}
			typ := IdentityPolicy
			if strings.HasPrefix(file, "resource-") {
				typ = ResourcePolicy
			}
			got := map[string]bool{}
			for _, f := range Validate(src, typ) {
				got[f.IssueCode] = true
				if f.Details == "" || len(f.Locations) == 0 {
					t.Errorf("%s has no details or location", f.IssueCode)
				}
			}
			for _, c := range codes {
				if !got[c] {
					t.Errorf("missing %s; got %v", c, got)
				}
			}
			if len(codes) == 0 && len(got) != 0 {
				t.Errorf("clean policy has findings: %v", got)
			}
		})
	}
}

func TestParseErrorsCarryLineAndColumn(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"missing comma", "{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}", 3, 3, "expected , or }"},
		{"trailing comma", "{\"Statement\": [\n  {\"Effect\": \"Allow\"},\n]}", 3, 1, "trailing comma"},
		{"single quotes", "{'Version': 1}", 1, 2, "expected a quoted key"},
		{"unterminated string", "{\"Version\": \"2012-10-17}", 1, 13, "never closed"},
		{"empty", "   ", 1, 4, "empty"},
		{"bare word", "{\"Effect\": Allow}", 1, 12, "double quotes"},
		{"garbage after", "{} x", 1, 4, "after the end"},
		{"bad escape", `{"Sid": "a\qb"}`, 1, 11, "not a JSON escape"},
		{"unknown element is an error", "{\"Version\":\"2012-10-17\",\n\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\n  \"Princpal\":\"*\"}]}", 3, 3, "not a policy element"},
		{"bad effect", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Permit\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", 1, 47, "Allow"},
		{"unknown operator", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEqual\":{\"a:b\":\"c\"}}}}", 1, 99, "not a condition operator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.json", []byte(tt.src))
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalidPolicy) {
				t.Fatalf("want *ParseError, got %v", err)
			}
			if pe.Pos.Line != tt.line || pe.Pos.Column != tt.col || !strings.Contains(pe.Msg, tt.msg) {
				t.Fatalf("got %d:%d %q; want %d:%d containing %q", pe.Pos.Line, pe.Pos.Column, pe.Msg, tt.line, tt.col, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "p.json:") {
				t.Fatalf("error %q does not name the file", err)
			}
		})
	}
}

func TestParseElements(t *testing.T) {
	p := MustParse("x", `{"Version":"2012-10-17","Id":"doc1","Statement":{"Sid":"S","Effect":"Allow",
		"Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/r"],"Service":"lambda.amazonaws.com","Federated":"cognito-identity.amazonaws.com","CanonicalUser":"abc"},
		"Action":"sqs:SendMessage","Resource":["arn:aws:sqs:us-east-1:123456789012:q"],
		"Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}}}`)
	if p.Version != Version2012 || p.ID != "doc1" || len(p.Statements) != 1 {
		t.Fatalf("policy: %+v", p)
	}
	s := p.Statements[0]
	if s.Sid != "S" || s.Effect != EffectAllow || len(s.Action) != 1 || len(s.Resource) != 1 || s.NotAction != nil {
		t.Fatalf("statement: %+v", s)
	}
	pr := s.Principal
	if len(pr.AWS) != 2 || pr.Service[0] != "lambda.amazonaws.com" || pr.Federated[0] != "cognito-identity.amazonaws.com" || pr.CanonicalUser[0] != "abc" || pr.Wildcard {
		t.Fatalf("principal: %+v", pr)
	}
	if len(s.Conditions) != 2 || s.Conditions[0].Values[0] != "10" || s.Conditions[1].Values[0] != "true" {
		t.Fatalf("conditions: %+v", s.Conditions)
	}
	star := MustParse("y", `{"Statement":[{"Effect":"Deny","Principal":"*","NotAction":["s3:*"],"NotResource":"arn:aws:s3:::b"}]}`)
	if !star.Statements[0].Principal.Wildcard || star.Statements[0].NotAction[0] != "s3:*" || star.Statements[0].NotResource[0] != "arn:aws:s3:::b" || star.Version != "" {
		t.Fatalf("star policy: %+v", star.Statements[0])
	}
}

func TestWildcardMatch(t *testing.T) {
	tests := []struct {
		p, s string
		fold bool
		want bool
	}{
		{"*", "", false, true},
		{"*", "anything", false, true},
		{"a*c", "abbbc", false, true},
		{"a*c", "abbbd", false, false},
		{"a?c", "abc", false, true},
		{"a?c", "ac", false, false},
		{"a?c", "aéc", false, true},
		{"*a*b*", "xxaxxbxx", false, true},
		{"*a*b", "xxaxxbxxc", false, false},
		{"dynamodb:get*", "DynamoDB:GetItem", true, true},
		{"dynamodb:get*", "DynamoDB:GetItem", false, false},
		{"Table/Users", "Table/users", false, false},
		{"**", "x", false, true},
		{"a*", "a", false, true},
	}
	for _, tt := range tests {
		p := tt.p
		if tt.fold {
			p = lowerPattern(p)
		}
		if got := WildcardMatch(p, tt.s, tt.fold); got != tt.want {
			t.Errorf("WildcardMatch(%q, %q, %v) = %v", tt.p, tt.s, tt.fold, got)
		}
	}
}

func TestParseAs(t *testing.T) {
	tests := []struct {
		name, src string
		typ       PolicyType
		code      string
	}{
		{"identity ok", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`, IdentityPolicy, ""},
		{"identity with principal", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}`, IdentityPolicy, "UNSUPPORTED_PRINCIPAL"},
		{"identity without resource", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}`, IdentityPolicy, "MISSING_RESOURCE"},
		{"resource without principal", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`, ResourcePolicy, "MISSING_PRINCIPAL"},
		{"resource without resource element", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"lambda:InvokeFunction"}]}`, ResourcePolicy, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAs("p.json", []byte(tt.src), tt.typ)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var pe *ParseError
			if !errors.As(err, &pe) || len(pe.Findings) != 1 || pe.Findings[0].IssueCode != tt.code || pe.Pos.Line != 1 {
				t.Fatalf("want %s, got %v", tt.code, err)
			}
		})
	}
}

func TestPolicySizeQuota(t *testing.T) {
	var stmts []string
	for i := 0; i < 70; i++ {
		stmts = append(stmts, `{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Table`+strings.Repeat("x", 10)+string(rune('a'+i%26))+`"}`)
	}
	big := []byte(`{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`)
	has := func(fs []Finding) bool {
		for _, f := range fs {
			if f.IssueCode == "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA" {
				return true
			}
		}
		return false
	}
	if !has(Validate(big, IdentityPolicy)) {
		t.Fatalf("a %d-byte policy should exceed the quota", len(big))
	}
	small := []byte(`{"Version":"2012-10-17","Statement":[` + strings.Join(stmts[:5], ",") + `]}`)
	if has(Validate(small, IdentityPolicy)) {
		t.Fatal("a small policy flagged as too big")
	}
}

func ExampleValidate() {
	fs := Validate([]byte(`{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "dynamodb:GetItems", "Resource": "*"}]
}`), IdentityPolicy)
	for _, f := range fs {
		loc := f.Locations[0]
		fmt.Printf("%d:%d %s %s %s\n", loc.Span.Start.Line, loc.Span.Start.Column, f.Type, f.IssueCode, loc.Path)
		fmt.Println(f.Details)
	}
	// Output:
	// 3:47 ERROR INVALID_ACTION Statement[0].Action
	// "dynamodb:GetItems" is not a dynamodb action: did you mean dynamodb:GetItem?
}

func TestPositionsMatchSlowScan(t *testing.T) {
	src := []byte("{\n  \"a\": 1,\r\n\n  \"b\": [\n\"x\"]}\n")
	p := &Policy{src: src}
	for off := 0; off <= len(src); off++ {
		if got, want := p.pos(off), posOf(src, off); got != want {
			t.Fatalf("offset %d: got %+v want %+v", off, got, want)
		}
	}
}
