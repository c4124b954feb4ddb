package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestIAMSimulate(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"read.json": `{"Version":"2012-10-17","Statement":[{"Sid":"ReadUsers","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],
			"Resource":["arn:aws:dynamodb:us-east-1:123456789012:table/Users","arn:aws:dynamodb:us-east-1:123456789012:table/Users/index/*"]}]}`,
		"deny.json":     `{"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Action":"dynamodb:DeleteItem","Resource":"*"}]}`,
		"boundary.json": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`,
		"fn.json": `{"Version":"2012-10-17","Statement":[{"Sid":"Api","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction",
			"Resource":"arn:aws:lambda:us-east-1:123456789012:function:orders","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:execute-api:us-east-1:123456789012:abc/*"}}}]}`,
		"broken.json": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\" \"Action\": \"s3:*\"}\n  ]\n}",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	users := "arn:aws:dynamodb:us-east-1:123456789012:table/Users"

	t.Run("allowed text", func(t *testing.T) {
		code, out, _ := runCLI("iam", "simulate", "--policy", p("read.json"), "--action", "dynamodb:GetItem", "--resource", users)
		if code != 0 || !strings.Contains(out, "Decision: allowed") || !strings.Contains(out, `statement "ReadUsers"`) {
			t.Fatalf("code %d\n%s", code, out)
		}
	})
	t.Run("explicit deny json", func(t *testing.T) {
		code, out, errs := runCLI("iam", "simulate", "--policy", p("read.json"), "--policy", p("deny.json"), "--action", "dynamodb:DeleteItem", "--resource", users, "--json")
		if code != 0 {
			t.Fatalf("code %d: %s", code, errs)
		}
		var got struct {
			Decision          string `json:"decision"`
			Reason            string `json:"reason"`
			MatchedStatements []struct {
				Sid    string `json:"sid"`
				Effect string `json:"effect"`
			} `json:"matchedStatements"`
			Explanation struct {
				Summary    string            `json:"summary"`
				Statements []json.RawMessage `json:"statements"`
			} `json:"explanation"`
			AccessDenied string `json:"accessDeniedMessage"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if got.Decision != "explicitDeny" || got.Reason != "denyInIdentityPolicy" || len(got.MatchedStatements) != 1 || got.MatchedStatements[0].Sid != "NoDelete" ||
			len(got.Explanation.Statements) != 2 || !strings.HasSuffix(got.AccessDenied, "with an explicit deny in an identity-based policy") {
			t.Fatalf("unexpected output:\n%s", out)
		}
	})
	t.Run("implicit deny by boundary", func(t *testing.T) {
		code, out, _ := runCLI("iam", "simulate", "--policy", p("read.json"), "--boundary", p("boundary.json"), "--action", "dynamodb:GetItem", "--resource", users, "--json")
		if code != 0 || !strings.Contains(out, `"decision": "implicitDeny"`) || !strings.Contains(out, "because no permissions boundary allows the dynamodb:GetItem action") {
			t.Fatalf("code %d\n%s", code, out)
		}
	})
	t.Run("service principal with context", func(t *testing.T) {
		code, out, _ := runCLI("iam", "simulate", "--resource-policy", p("fn.json"), "--principal", "apigateway.amazonaws.com",
			"--action", "lambda:InvokeFunction", "--resource", "arn:aws:lambda:us-east-1:123456789012:function:orders",
			"--context", "aws:SourceArn=arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/orders")
		if code != 0 || !strings.Contains(out, "Decision: allowed") {
			t.Fatalf("code %d\n%s", code, out)
		}
		_, out, _ = runCLI("iam", "simulate", "--resource-policy", p("fn.json"), "--principal", "apigateway.amazonaws.com",
			"--action", "lambda:InvokeFunction", "--resource", "arn:aws:lambda:us-east-1:123456789012:function:orders")
		if !strings.Contains(out, "Decision: implicitDeny") || !strings.Contains(out, "FAIL ArnLike aws:SourceArn") {
			t.Fatalf("missing source ARN should fail the condition:\n%s", out)
		}
	})
	t.Run("broken policy names file line column", func(t *testing.T) {
		code, _, errs := runCLI("iam", "simulate", "--policy", p("broken.json"), "--action", "s3:GetObject", "--resource", "*")
		if code != 1 || !strings.Contains(errs, "broken.json:4:24:") {
			t.Fatalf("code %d: %s", code, errs)
		}
	})
	t.Run("missing action is a usage error", func(t *testing.T) {
		if code, _, errs := runCLI("iam", "simulate", "--policy", p("read.json")); code != 2 || !strings.Contains(errs, "--action and --resource are required") {
			t.Fatalf("code %d: %s", code, errs)
		}
	})
	t.Run("bad context", func(t *testing.T) {
		if code, _, errs := runCLI("iam", "simulate", "--action", "s3:GetObject", "--resource", "*", "--context", "novalue"); code != 1 || !strings.Contains(errs, "key=value") {
			t.Fatalf("code %d: %s", code, errs)
		}
	})
}

func TestIAMValidate(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good.json": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Users"}]}`,
		"bad.json":  "{\"Version\":\"2012-10-17\",\n\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItems\",\"Resource\":\"*\"}]}",
		"warn.json": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}`,
		"res.json":  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`,
	})
	p := func(name string) string { return filepath.Join(dir, name) }

	if code, out, _ := runCLI("iam", "validate", p("good.json")); code != 0 || !strings.Contains(out, "no findings") {
		t.Fatalf("good: %d %s", code, out)
	}
	code, out, _ := runCLI("iam", "validate", p("bad.json"))
	if code != 1 || !strings.Contains(out, "bad.json:2:41: ERROR INVALID_ACTION at Statement[0].Action:") {
		t.Fatalf("bad: %d %s", code, out)
	}
	code, out, _ = runCLI("iam", "validate", p("warn.json"), "--json")
	var got []struct {
		File     string `json:"file"`
		Findings []struct {
			Type string `json:"findingType"`
			Code string `json:"issueCode"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 || len(got) != 1 || got[0].Findings[0].Code != "PASS_ROLE_WITH_STAR_IN_RESOURCE" || got[0].Findings[0].Type != "SECURITY_WARNING" {
		t.Fatalf("warn: %d %v %s", code, err, out)
	}
	if code, out, _ := runCLI("iam", "validate", "--type", "resource", p("res.json")); code != 1 || !strings.Contains(out, "MISSING_PRINCIPAL") {
		t.Fatalf("resource: %d %s", code, out)
	}
	if code, _, errs := runCLI("iam", "validate", "--type", "bucket", p("res.json")); code != 2 || !strings.Contains(errs, "identity or resource") {
		t.Fatalf("bad type: %d %s", code, errs)
	}
	if code, _, errs := runCLI("iam", "validate", p("missing.json")); code != 1 || !strings.Contains(errs, "missing.json") {
		t.Fatalf("missing file: %d %s", code, errs)
	}
	if code, _, _ := runCLI("iam", "frobnicate"); code != 2 {
		t.Fatalf("unknown sub-command: %d", code)
	}
}
