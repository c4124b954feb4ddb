package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/learnsls/learnsls/sandbox/iam"
)

// defaultPrincipal is who `learnsls iam simulate` asks for when --principal
// is not given: a function's role session, the identity learners' code runs as.
const defaultPrincipal = "arn:aws:sts::123456789012:assumed-role/MyFunctionRole/MyFunction"

const iamUsage = `Usage:
  learnsls iam simulate --policy p.json [--policy more.json]... [--boundary b.json]
                        [--resource-policy r.json] [--principal ARN] [--principal-tag k=v]...
                        --action service:Operation --resource ARN [--context key=value]...
                        [--time RFC3339] [--json]
  learnsls iam validate [--type identity|resource] [--json] p.json...

simulate decides one request the way IAM does and explains which statements
matched or missed and why. validate checks policies like IAM Access Analyzer
and exits 1 if any finding is an error.
`

// runIAM dispatches `learnsls iam simulate|validate`.
func runIAM(ctx context.Context, env Env) int {
	if len(env.Args) == 0 || env.Args[0] == "-h" || env.Args[0] == "--help" || env.Args[0] == "help" {
		io.WriteString(env.Stdout, iamUsage)
		if len(env.Args) == 0 {
			return 2
		}
		return 0
	}
	sub, rest := env.Args[0], env.Args[1:]
	switch sub {
	case "simulate":
		return runIAMSimulate(env, rest)
	case "validate":
		return runIAMValidate(env, rest)
	default:
		fmt.Fprintf(env.Stderr, "learnsls iam: unknown sub-command %q\n\n%s", sub, iamUsage)
		return 2
	}
}

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// parseInterspersed lets flags follow positional arguments
// (`learnsls iam validate p.json --json`), which flag.Parse alone stops at.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

func loadPolicy(path string, typ iam.PolicyType) (*iam.Policy, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read policy: %w", err)
	}
	return iam.ParseAs(path, src, typ)
}

func keyValue(s, flagName string) (string, string, error) {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return "", "", fmt.Errorf("--%s %q: write key=value, e.g. --%s aws:SourceIp=203.0.113.7", flagName, s, flagName)
	}
	return k, v, nil
}

// simulateOutput is the --json form of `learnsls iam simulate`.
type simulateOutput struct {
	Decision          iam.Outcome        `json:"decision"`
	Reason            iam.Reason         `json:"reason"`
	MatchedStatements []iam.StatementRef `json:"matchedStatements"`
	Explanation       iam.Explanation    `json:"explanation"`
	AccessDenied      string             `json:"accessDeniedMessage,omitempty"`
}

func runIAMSimulate(env Env, args []string) int {
	fl := flag.NewFlagSet("iam simulate", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	var policies, contexts, tags listFlag
	fl.Var(&policies, "policy", "identity-based policy `file` (repeat for several)")
	boundary := fl.String("boundary", "", "permissions boundary policy `file`")
	resourcePolicy := fl.String("resource-policy", "", "resource-based policy `file` of the target resource")
	principal := fl.String("principal", defaultPrincipal, "caller `ARN` (user, role session, root) or a service such as apigateway.amazonaws.com")
	fl.Var(&tags, "principal-tag", "caller tag `key=value` (repeat), for aws:PrincipalTag/key")
	action := fl.String("action", "", "the `action`, e.g. dynamodb:GetItem")
	resource := fl.String("resource", "", "the resource `ARN` (or * for actions without one)")
	fl.Var(&contexts, "context", "request condition key `key=value` (repeat; repeat a key for several values)")
	at := fl.String("time", "", "request `time` (RFC 3339) for aws:CurrentTime and aws:EpochTime")
	asJSON := fl.Bool("json", false, "print the decision as JSON")
	fl.Usage = func() { io.WriteString(fl.Output(), iamUsage+"\nFlags of simulate:\n"); fl.PrintDefaults() }
	pos, err := parseInterspersed(fl, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "learnsls iam simulate: unexpected argument %q; name policy files with --policy\n", pos[0])
		return 2
	}
	if *action == "" || *resource == "" {
		fmt.Fprintln(env.Stderr, "learnsls iam simulate: --action and --resource are required, e.g. --action dynamodb:GetItem --resource arn:aws:dynamodb:us-east-1:123456789012:table/Users")
		return 2
	}

	var pols iam.Policies
	fail := func(err error) int {
		fmt.Fprintf(env.Stderr, "learnsls iam simulate: %v\n", err)
		return 1
	}
	for _, path := range policies {
		p, err := loadPolicy(path, iam.IdentityPolicy)
		if err != nil {
			return fail(err)
		}
		pols.Identity = append(pols.Identity, p)
	}
	if *boundary != "" {
		if pols.Boundary, err = loadPolicy(*boundary, iam.IdentityPolicy); err != nil {
			return fail(err)
		}
	}
	if *resourcePolicy != "" {
		if pols.Resource, err = loadPolicy(*resourcePolicy, iam.ResourcePolicy); err != nil {
			return fail(err)
		}
	}
	who, err := iam.PrincipalFromARN(*principal)
	if err != nil {
		return fail(err)
	}
	for _, t := range tags {
		k, v, err := keyValue(t, "principal-tag")
		if err != nil {
			return fail(err)
		}
		if who.Tags == nil {
			who.Tags = map[string]string{}
		}
		who.Tags[k] = v
	}
	req := iam.Request{Principal: who, Action: *action, Resource: *resource}
	for _, c := range contexts {
		k, v, err := keyValue(c, "context")
		if err != nil {
			return fail(err)
		}
		if req.Context == nil {
			req.Context = map[string][]string{}
		}
		req.Context[k] = append(req.Context[k], v)
	}
	if *at != "" {
		if req.Time, err = time.Parse(time.RFC3339, *at); err != nil {
			return fail(fmt.Errorf("--time %q: use RFC 3339, e.g. 2026-01-31T12:00:00Z", *at))
		}
	}

	d, x := iam.Explain(req, pols)
	if *asJSON {
		out := simulateOutput{Decision: d.Outcome, Reason: d.Reason, MatchedStatements: d.Matched, Explanation: x, AccessDenied: d.AccessDeniedMessage()}
		if out.MatchedStatements == nil {
			out.MatchedStatements = []iam.StatementRef{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fail(err)
		}
		return 0
	}
	fmt.Fprintf(env.Stdout, "Request: %s may %s on %s?\n", who.ARN, *action, *resource)
	io.WriteString(env.Stdout, x.Text())
	if msg := d.AccessDeniedMessage(); msg != "" {
		fmt.Fprintf(env.Stdout, "\nThe caller would see AccessDenied:\n  %s\n", msg)
	}
	return 0
}

// validateOutput is one file's entry in `learnsls iam validate --json`.
type validateOutput struct {
	File     string        `json:"file"`
	Findings []iam.Finding `json:"findings"`
}

func runIAMValidate(env Env, args []string) int {
	fl := flag.NewFlagSet("iam validate", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	typ := fl.String("type", "identity", "how the policy is used: `identity` (attached to a user or role) or resource (attached to a resource)")
	asJSON := fl.Bool("json", false, "print findings as JSON")
	fl.Usage = func() { io.WriteString(fl.Output(), iamUsage+"\nFlags of validate:\n"); fl.PrintDefaults() }
	files, err := parseInterspersed(fl, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(env.Stderr, "learnsls iam validate: name at least one policy file")
		return 2
	}
	var pt iam.PolicyType
	switch *typ {
	case "identity":
		pt = iam.IdentityPolicy
	case "resource":
		pt = iam.ResourcePolicy
	default:
		fmt.Fprintf(env.Stderr, "learnsls iam validate: --type %q: use identity or resource\n", *typ)
		return 2
	}
	code := 0
	var all []validateOutput
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(env.Stderr, "learnsls iam validate: read policy: %v\n", err)
			code = 1
			continue
		}
		fs := iam.Validate(src, pt)
		if iam.HasErrors(fs) {
			code = 1
		}
		if *asJSON {
			if fs == nil {
				fs = []iam.Finding{}
			}
			all = append(all, validateOutput{File: f, Findings: fs})
			continue
		}
		if len(fs) == 0 {
			fmt.Fprintf(env.Stdout, "%s: no findings\n", f)
			continue
		}
		for _, fd := range fs {
			loc := iam.Location{}
			if len(fd.Locations) > 0 {
				loc = fd.Locations[0]
			}
			fmt.Fprintf(env.Stdout, "%s:%d:%d: %s %s at %s: %s\n", f, loc.Span.Start.Line, loc.Span.Start.Column,
				fd.Type, fd.IssueCode, loc.Path, fd.Details)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			fmt.Fprintf(env.Stderr, "learnsls iam validate: %v\n", err)
			return 1
		}
	}
	return code
}
