package iam

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// PolicyType says how a policy is used; some checks depend on it.
type PolicyType string

// Policy types, as Access Analyzer's ValidatePolicy names them in spirit.
const (
	IdentityPolicy PolicyType = "identity" // attached to a user or role (also boundaries)
	ResourcePolicy PolicyType = "resource" // attached to a resource (function policy, queue policy, …)
)

// Validate checks a policy document like IAM Access Analyzer's policy
// validation and returns its findings, most important location first. Issue
// codes follow Access Analyzer's (the check title in upper snake case);
// where Access Analyzer has no matching check, the code is our own and the
// README lists it. Validate never panics on learner input.
func Validate(src []byte, typ PolicyType) (out []Finding) {
	defer func() {
		if r := recover(); r != nil {
			out = append(out, Finding{Type: FindingError, IssueCode: "INTERNAL_ERROR",
				Details: fmt.Sprintf("The validator failed on this policy (%v); please report it.", r)})
		}
	}()
	p, synErr := read("", src)
	if synErr != nil {
		return []Finding{syntaxFinding(synErr)}
	}
	v := validator{p: p, typ: typ}
	v.fs = append(v.fs, p.findings...)
	v.run()
	sort.SliceStable(v.fs, func(i, j int) bool {
		a, b := v.fs[i], v.fs[j]
		ao, bo := firstOffset(a), firstOffset(b)
		if ao != bo {
			return ao < bo
		}
		return a.Type.rank() < b.Type.rank()
	})
	return v.fs
}

func firstOffset(f Finding) int {
	if len(f.Locations) == 0 {
		return -1
	}
	return f.Locations[0].Span.Start.Offset
}

type validator struct {
	p   *Policy
	typ PolicyType
	fs  []Finding
}

func (v *validator) add(t FindingType, code string, n *node, path Path, format string, args ...any) {
	v.fs = append(v.fs, v.p.finding(t, code, n, path, fmt.Sprintf(format, args...)))
}

// elem returns the node and path of a statement element, or of its i-th
// array entry when the element is an array.
func elem(st *Statement, name string, i int) (*node, Path) {
	path := Path{{Key: "Statement"}}
	root := st.node
	if root == nil {
		return nil, path
	}
	path = path.Index(st.Index)
	m, ok := root.member(name)
	if !ok {
		return root, path
	}
	path = path.Key(name)
	if m.val.kind == kindArray && i >= 0 && i < len(m.val.arr) {
		return m.val.arr[i], path.Index(i)
	}
	return m.val, path
}

// stmtPath fixes paths for policies whose Statement is a single object:
// Access Analyzer's path then has no index.
func (v *validator) fixPath(path Path) Path {
	if m, ok := v.p.root.member("Statement"); ok && m.val.kind == kindObject && len(path) > 1 && path[1].IsIdx {
		return append(Path{path[0]}, path[2:]...)
	}
	return path
}

func (v *validator) run() {
	p := v.p
	if _, ok := p.root.member("Version"); !ok && p.root.kind == kindObject {
		v.add(FindingWarning, "MISSING_VERSION", p.root, nil,
			"The policy has no Version, so IAM reads it with the old 2008-10-17 language, where policy variables are plain text. Add \"Version\": \"2012-10-17\".")
	}
	// IAM counts a managed policy's size without whitespace.
	if v.typ == IdentityPolicy {
		n := 0
		for _, c := range p.src {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				n++
			}
		}
		if n > 6144 {
			v.add(FindingWarning, "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", p.root, nil,
				"The policy has %d characters (not counting whitespace); a managed policy may have at most 6,144. Combine statements or use wildcards with care.", n)
		}
	}
	sids := map[string]int{}
	for _, st := range p.Statements {
		if st.node == nil || st.node.kind != kindObject {
			continue
		}
		v.statement(st)
		if st.Sid != "" {
			if first, dup := sids[st.Sid]; dup {
				n, path := elem(st, "Sid", -1)
				if v.typ == ResourcePolicy {
					v.add(FindingError, "UNIQUE_SIDS_REQUIRED", n, v.fixPath(path), "Statement %d has the same Sid %q as statement %d. Sids must be unique in a resource-based policy.", st.Index, st.Sid, first)
				} else {
					v.add(FindingWarning, "UNIQUE_SIDS_RECOMMENDED", n, v.fixPath(path), "Statement %d has the same Sid %q as statement %d. Give each statement its own Sid so explanations can tell them apart.", st.Index, st.Sid, first)
				}
			} else {
				sids[st.Sid] = st.Index
			}
		}
	}
	v.redundantStatements()
	for i := range v.fs {
		for j := range v.fs[i].Locations {
			v.fs[i].Locations[j].Path = v.fixPath(v.fs[i].Locations[j].Path)
		}
	}
}

var sidPattern = regexp.MustCompile(`^[A-Za-z0-9]*$`)

func (v *validator) statement(st *Statement) {
	_, path := elem(st, "", -1)
	allow := st.Effect == EffectAllow
	if m, ok := st.node.member("Sid"); ok && m.val.kind == kindString {
		if st.Sid == "" {
			v.add(FindingSuggestion, "EMPTY_SID_VALUE", m.val, path.Key("Sid"), "The Sid is empty; remove it or give the statement a name.")
		} else if v.typ == IdentityPolicy && !sidPattern.MatchString(st.Sid) {
			v.add(FindingError, "UNSUPPORTED_SID", m.val, path.Key("Sid"), "In identity-based policies a Sid may contain only letters and digits; %q has other characters.", st.Sid)
		}
	}
	// Principal rules depend on the policy type.
	for _, name := range []string{"Principal", "NotPrincipal"} {
		m, ok := st.node.member(name)
		if !ok {
			continue
		}
		if v.typ == IdentityPolicy {
			v.add(FindingError, "UNSUPPORTED_PRINCIPAL", m.val, path.Key(name),
				"An identity-based policy cannot name a %s: it applies to whoever it is attached to. Remove the element (principals belong in resource-based and trust policies).", name)
			continue
		}
		v.principal(m.val, path.Key(name))
	}
	if v.typ == ResourcePolicy && st.Principal == nil && st.NotPrincipal == nil {
		v.add(FindingError, "MISSING_PRINCIPAL", st.node, path, "A statement in a resource-based policy must say who it applies to. Add a Principal, e.g. {\"AWS\": \"arn:aws:iam::123456789012:role/Name\"} or {\"Service\": \"apigateway.amazonaws.com\"}.")
	}
	if v.typ == IdentityPolicy && st.Resource == nil && st.NotResource == nil {
		v.add(FindingError, "MISSING_RESOURCE", st.node, path, "This statement names no resources. Add \"Resource\" with ARNs (or \"*\" for actions that take no resource).")
	}
	if allow && st.NotPrincipal != nil {
		n, p := elem(st, "NotPrincipal", -1)
		v.add(FindingSecurityWarning, "ALLOW_WITH_NOT_PRINCIPAL", n, p, "Allow with NotPrincipal grants access to every principal except the ones listed, including anonymous users. Name the principals you mean in Principal instead.")
	}
	if allow && st.NotAction != nil {
		n, p := elem(st, "NotAction", -1)
		v.add(FindingSecurityWarning, "ALLOW_WITH_NOT_ACTION", n, p, "Allow with NotAction allows every action of every service except the ones listed, including actions added to AWS later. List the actions you mean in Action instead.")
	}
	if allow && st.NotResource != nil {
		n, p := elem(st, "NotResource", -1)
		v.add(FindingSecurityWarning, "ALLOW_WITH_NOT_RESOURCE", n, p, "Allow with NotResource allows the actions on every resource except the ones listed, including resources created later. List the resources you mean in Resource instead.")
	}
	for _, name := range []string{"Action", "NotAction", "Resource", "NotResource"} {
		if m, ok := st.node.member(name); ok && m.val.kind == kindArray && len(m.val.arr) == 0 {
			v.add(FindingSuggestion, "EMPTY_ARRAY_"+strings.ToUpper(strings.TrimPrefix(name, "Not")), m.val, path.Key(name),
				"The %s array is empty, so this statement can never apply. Add entries or remove the statement.", name)
		}
	}
	if m, ok := st.node.member("Principal"); ok && m.val.kind == kindObject && len(m.val.obj) == 0 {
		v.add(FindingSuggestion, "EMPTY_OBJECT_PRINCIPAL", m.val, path.Key("Principal"), "The Principal object is empty, so this statement applies to nobody.")
	}
	actions := v.actions(st)
	v.resources(st, actions)
	v.passRole(st, allow)
	v.conditions(st, actions)
}

// knownOtherServices are real AWS service prefixes the sandbox does not
// simulate; actions for them are legal but have no effect here.
var knownOtherServices = map[string]bool{
	"ec2": true, "kms": true, "cloudwatch": true, "xray": true, "ssm": true, "secretsmanager": true, "states": true,
	"cognito-idp": true, "cognito-identity": true, "apigateway": true, "cloudformation": true, "kinesis": true, "ecr": true,
	"ecs": true, "rds": true, "route53": true, "glue": true, "athena": true, "firehose": true, "appsync": true,
	"codecommit": true, "codebuild": true, "codepipeline": true, "codedeploy": true, "cloudfront": true, "organizations": true,
	"acm": true, "elasticloadbalancing": true, "autoscaling": true, "cloudtrail": true, "config": true, "tag": true,
	"scheduler": true, "pipes": true, "schemas": true, "elasticache": true, "es": true, "sso": true, "access-analyzer": true,
}

// actionHints point learners from API operations that are not IAM actions
// to the action that authorises them.
var actionHints = map[string]string{
	"sqs:sendmessagebatch":             "batch sends are authorised by sqs:SendMessage",
	"sqs:deletemessagebatch":           "batch deletes are authorised by sqs:DeleteMessage",
	"sqs:changemessagevisibilitybatch": "authorised by sqs:ChangeMessageVisibility",
	"dynamodb:transactwriteitems":      "transactions are authorised per item by dynamodb:PutItem, UpdateItem, DeleteItem and ConditionCheckItem",
	"dynamodb:transactgetitems":        "transactions are authorised per item by dynamodb:GetItem",
	"dynamodb:executestatement":        "PartiQL statements are authorised by dynamodb:PartiQLSelect, PartiQLInsert, PartiQLUpdate and PartiQLDelete",
	"lambda:invoke":                    "did you mean lambda:InvokeFunction?",
	"s3:listobjects":                   "listing objects is authorised by s3:ListBucket",
	"s3:listobjectsv2":                 "listing objects is authorised by s3:ListBucket",
	"s3:headobject":                    "HeadObject is authorised by s3:GetObject",
	"s3:headbucket":                    "HeadBucket is authorised by s3:ListBucket",
	"events:putevent":                  "did you mean events:PutEvents?",
	"logs:putlogevent":                 "did you mean logs:PutLogEvents?",
	"sns:publishbatch":                 "batch publishes are authorised by sns:Publish",
	"execute-api:invokeapi":            "did you mean execute-api:Invoke?",
}

// expandedAction is a concrete catalog action a statement's pattern covers.
type expandedAction struct {
	svc    *Service
	name   string
	rtypes []string
}

// actions checks the Action/NotAction entries and returns, for an Action
// element made only of catalog services, the concrete actions it covers
// (nil when the set is open, e.g. "*" or an unknown service).
func (v *validator) actions(st *Statement) []expandedAction {
	list, name := st.Action, "Action"
	if st.NotAction != nil {
		list, name = st.NotAction, "NotAction"
	}
	var out []expandedAction
	open := name == "NotAction"
	for i, a := range list {
		n, path := elem(st, name, i)
		if a == "*" {
			open = true
			continue
		}
		if strings.Contains(a, "${") {
			v.add(FindingError, "VARIABLE_UNSUPPORTED_IN_ELEMENT", n, path, "Policy variables work only in Resource and Condition values, not in %s.", name)
			open = true
			continue
		}
		svcName, op, ok := strings.Cut(a, ":")
		if !ok || svcName == "" || op == "" || strings.Contains(op, ":") {
			v.add(FindingError, "INVALID_ACTION", n, path, "%q is not an action. Actions are written service:Operation, e.g. \"dynamodb:GetItem\".", a)
			open = true
			continue
		}
		if hasWildcard(svcName) {
			v.add(FindingSuggestion, "WILDCARD_IN_SERVICE_NAME", n, path, "The service part of %q contains a wildcard, which may match services you did not intend. Name each service.", a)
			open = true
			continue
		}
		svc := Catalog[strings.ToLower(svcName)]
		if svc == nil {
			if knownOtherServices[strings.ToLower(svcName)] {
				v.add(FindingSuggestion, "SERVICE_NOT_SIMULATED", n, path, "%q belongs to a real AWS service that this course does not simulate; it has no effect in the sandbox.", a)
			} else {
				names := make([]string, 0, len(Catalog))
				for n := range Catalog {
					names = append(names, n)
				}
				hint := "Check the spelling (prefixes are lower-case, e.g. dynamodb, lambda, sqs, s3)."
				if c := closest(svcName, names); c != "" {
					hint = "Did you mean " + c + "?"
				}
				v.add(FindingError, "INVALID_SERVICE_IN_ACTION", n, path, "The service prefix %q in %q is not an AWS service. %s", svcName, a, hint)
			}
			open = true
			continue
		}
		if hasWildcard(op) {
			matched := 0
			for act, rt := range svc.Actions {
				if wildMatch(lowerPattern(op), act, true) {
					matched++
					out = append(out, expandedAction{svc, act, rt})
				}
			}
			if matched == 0 {
				v.add(FindingError, "INVALID_ACTION", n, path, "%q matches no %s action.", a, svc.Prefix)
			}
			continue
		}
		canon, rt, ok := svc.LookupAction(op)
		if !ok {
			hint := actionHints[strings.ToLower(a)]
			if hint == "" {
				names := make([]string, 0, len(svc.Actions))
				for n := range svc.Actions {
					names = append(names, n)
				}
				if c := closest(op, names); c != "" {
					hint = "did you mean " + svc.Prefix + ":" + c + "?"
				} else {
					hint = "check the spelling against the service's list of actions"
				}
			}
			if !strings.HasSuffix(hint, "?") {
				hint += "."
			}
			v.add(FindingError, "INVALID_ACTION", n, path, "%q is not a %s action: %s", a, svc.Prefix, hint)
			continue
		}
		out = append(out, expandedAction{svc, canon, rt})
	}
	// Redundant entries: an entry already covered by another one.
	if len(list) > maxPairwise {
		list = nil
	}
	for i, a := range list {
		for j, b := range list {
			if i == j || !covers(b, a, true) || (covers(a, b, true) && j > i) {
				continue
			}
			n, path := elem(st, name, i)
			v.add(FindingSuggestion, "REDUNDANT_ACTION", n, path, "%q is already covered by %q in the same statement; remove it.", a, b)
			break
		}
	}
	if open {
		return nil
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].svc.Prefix != out[j].svc.Prefix {
			return out[i].svc.Prefix < out[j].svc.Prefix
		}
		return out[i].name < out[j].name
	})
	return out
}

// covers reports whether pattern b matches everything pattern a matches
// (approximately: a is treated as a literal string).
func covers(b, a string, fold bool) bool {
	if fold {
		return strings.EqualFold(a, b) || wildMatch(lowerPattern(escapeNUL(b)), a, true)
	}
	return a == b || wildMatch(escapeNUL(b), a, false)
}

var (
	regionPattern  = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$`)
	accountPattern = regexp.MustCompile(`^[0-9]{12}$`)
)

func (v *validator) resources(st *Statement, actions []expandedAction) {
	list, name := st.Resource, "Resource"
	if st.NotResource != nil {
		list, name = st.NotResource, "NotResource"
	}
	for i, r := range list {
		n, path := elem(st, name, i)
		if v.variables(r, n, path) {
			continue // checked as a template; ARN checks would misfire
		}
		if r == "*" {
			continue
		}
		if !strings.HasPrefix(r, "arn:") {
			v.add(FindingError, "INVALID_ARN_PREFIX", n, path, "%q is not an ARN. Resources are \"*\" or ARNs starting with arn:, e.g. arn:aws:dynamodb:us-east-1:123456789012:table/Users.", r)
			continue
		}
		parts, ok := splitARN(r)
		if !ok {
			v.add(FindingError, "MISSING_ARN_FIELD", n, path, "%q has fewer than the six parts of an ARN: arn:partition:service:region:account:resource.", r)
			continue
		}
		if !hasWildcard(parts[1]) && parts[1] != "aws" && parts[1] != "aws-cn" && parts[1] != "aws-us-gov" {
			v.add(FindingError, "INVALID_PARTITION", n, path, "%q is not a partition; use aws (or aws-cn, aws-us-gov).", parts[1])
			continue
		}
		svc := Catalog[parts[2]]
		if svc == nil {
			continue // a service we do not simulate: nothing more to check
		}
		region, account := parts[3], parts[4]
		before := len(v.fs)
		noRegion, noAccount := svc.NoRegion, svc.NoAccount
		if svc.Prefix == "s3" && (strings.HasPrefix(parts[5], "accesspoint/") || strings.HasPrefix(parts[5], "job/")) {
			noRegion, noAccount = false, false // these s3 ARNs do carry both
		}
		if svc.Prefix == "dynamodb" && strings.HasPrefix(parts[5], "global-table/") {
			noRegion = true
		}
		switch {
		case noRegion && region != "" && !hasWildcard(region):
			v.add(FindingError, "ARN_REGION_NOT_ALLOWED", n, path, "%s ARNs have no Region: leave the fourth part empty (%s).", svc.Prefix, sampleARN(svc))
		case !noRegion && region == "":
			v.add(FindingError, "MISSING_ARN_REGION", n, path, "%s ARNs need a Region in the fourth part (e.g. us-east-1, or * for any).", svc.Prefix)
		case !noRegion && !hasWildcard(region) && !regionPattern.MatchString(region):
			v.add(FindingError, "INVALID_ARN_REGION", n, path, "%q is not a Region such as us-east-1.", region)
		}
		switch {
		case noAccount && account != "" && !hasWildcard(account):
			v.add(FindingError, "ARN_ACCOUNT_NOT_ALLOWED", n, path, "%s ARNs have no account ID: leave the fifth part empty (%s).", svc.Prefix, sampleARN(svc))
		case !noAccount && account == "":
			v.add(FindingError, "MISSING_ARN_ACCOUNT", n, path, "%s ARNs need the 12-digit account ID in the fifth part (or * for any).", svc.Prefix)
		case !noAccount && !hasWildcard(account) && !accountPattern.MatchString(account):
			v.add(FindingError, "INVALID_ARN_ACCOUNT", n, path, "%q is not an account ID: account IDs are 12 digits.", account)
		}
		if hasWildcard(parts[2]) {
			continue
		}
		var types []string
		for t, format := range svc.ResourceTypes {
			if arnTemplateMatch(format, r) {
				types = append(types, t)
			}
		}
		if len(types) == 0 && !hasWildcard(parts[5]) && len(v.fs) == before {
			v.add(FindingError, "INVALID_ARN_RESOURCE", n, path, "%q does not have the shape of any %s resource. Expected one of: %s.", r, svc.Prefix, resourceFormats(svc))
			continue
		}
		if actions == nil || name == "NotResource" || len(types) == 0 {
			continue
		}
		if !resourceFitsActions(r, actions) {
			v.add(FindingWarning, "RESOURCE_TYPE_MISMATCH", n, path, "None of this statement's actions acts on %q, so this entry grants nothing. %s", r, describeActionTypes(actions))
		}
	}
}

// sampleARN shows a format of svc whose Region/account parts are empty, for
// messages telling the learner to leave them empty.
func sampleARN(svc *Service) string {
	keys := make([]string, 0, len(svc.ResourceTypes))
	for k := range svc.ResourceTypes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts, _ := splitARN(svc.ResourceTypes[k])
		if parts[3] == "" && (parts[4] == "" || !svc.NoAccount) {
			return displayFormat(svc.ResourceTypes[k])
		}
	}
	return displayFormat(svc.ResourceTypes[keys[0]])
}

// displayFormat shows an ARN format to learners: aws for the partition and
// no internal markers.
func displayFormat(f string) string {
	return strings.ReplaceAll(strings.ReplaceAll(f, "*}", "}"), "${Partition}", "aws")
}

func resourceFormats(svc *Service) string {
	var out []string
	for t, f := range svc.ResourceTypes {
		out = append(out, fmt.Sprintf("%s (%s)", t, displayFormat(f)))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func resourceFitsActions(r string, actions []expandedAction) bool {
	for _, a := range actions {
		for _, rt := range a.rtypes {
			if arnTemplateMatch(a.svc.ResourceTypes[rt], r) {
				return true
			}
		}
	}
	return false
}

func describeActionTypes(actions []expandedAction) string {
	if len(actions) <= 3 {
		var parts []string
		for _, a := range actions {
			d := "only \"*\""
			if len(a.rtypes) > 0 {
				d = strings.Join(a.rtypes, " or ") + " ARNs"
			}
			parts = append(parts, fmt.Sprintf("%s:%s takes %s", a.svc.Prefix, a.name, d))
		}
		return strings.Join(parts, "; ") + "."
	}
	seen := map[string]bool{}
	var types []string
	for _, a := range actions {
		for _, rt := range a.rtypes {
			if !seen[a.svc.Prefix+" "+rt] {
				seen[a.svc.Prefix+" "+rt] = true
				types = append(types, a.svc.Prefix+" "+rt)
			}
		}
	}
	sort.Strings(types)
	return "Its actions act on " + strings.Join(types, ", ") + " ARNs (or on \"*\")."
}

// variables checks policy variables in a value and reports whether it has any.
func (v *validator) variables(s string, n *node, path Path) bool {
	if !strings.Contains(s, "${") {
		return false
	}
	if v.p.Version != Version2012 {
		v.add(FindingError, "VARIABLE_UNSUPPORTED_IN_VERSION", n, path, "Policy variables need \"Version\": \"2012-10-17\"; under this policy's version %q is matched literally.", s)
		return true
	}
	_, probs := parseTemplate(s)
	for _, pr := range probs {
		v.add(FindingError, pr.code, n, path, "%s (in %q)", pr.msg, s)
	}
	return true
}

func (v *validator) passRole(st *Statement, allow bool) {
	if !allow || st.Action == nil {
		return
	}
	starAction := false
	passRole := false
	for _, a := range st.Action {
		if covers(a, "iam:PassRole", true) {
			passRole = true
			if a == "*" || strings.EqualFold(a, "iam:*") {
				starAction = true
			}
		}
	}
	if !passRole {
		return
	}
	if st.NotResource != nil {
		n, p := elem(st, "NotResource", -1)
		v.add(FindingSecurityWarning, "PASS_ROLE_WITH_NOT_RESOURCE", n, p, "This statement allows iam:PassRole on every role except those listed, so its holder can hand any new role (and its permissions) to a service. Name the roles in Resource.")
		return
	}
	for i, r := range st.Resource {
		if r != "*" {
			continue
		}
		n, p := elem(st, "Resource", i)
		if starAction {
			v.add(FindingSecurityWarning, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", n, p, "\"*\" actions on \"*\" include iam:PassRole on every role: whoever holds this can give any role to a service and act with that role's permissions. Grant specific actions on specific ARNs.")
		} else {
			v.add(FindingSecurityWarning, "PASS_ROLE_WITH_STAR_IN_RESOURCE", n, p, "iam:PassRole on \"*\" lets the holder pass any role in the account to a service, and so gain that role's permissions. List the role ARNs it may pass.")
		}
	}
	if starAction && len(st.Conditions) == 0 {
		for _, r := range st.Resource {
			if r == "*" {
				n, p := elem(st, "Action", -1)
				v.add(FindingSecurityWarning, "OVERLY_PERMISSIVE_ACTION_AND_RESOURCE", n, p, "This statement allows every action on every resource, full administrator access. Grant only the actions and resources the principal needs (least privilege).")
				break
			}
		}
	}
}

var principalARN = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:(iam::[0-9]{12}:(root|user/.+|role/.+|federated-user/.+)|sts::[0-9]{12}:(assumed-role/[^/]+/.+|federated-user/.+))$`)

func (v *validator) principal(n *node, path Path) {
	if n.kind != kindObject {
		return
	}
	for _, m := range n.obj {
		var vals []*node
		switch m.val.kind {
		case kindString:
			vals = []*node{m.val}
		case kindArray:
			vals = m.val.arr
		}
		for i, e := range vals {
			if e.kind != kindString {
				continue
			}
			ep := path.Key(m.key)
			if m.val.kind == kindArray {
				ep = ep.Index(i)
			}
			s := e.str
			switch m.key {
			case "AWS":
				switch {
				case s == "*" || accountPattern.MatchString(s):
				case strings.ContainsAny(s, "*?"):
					v.add(FindingError, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL", e, ep, "Principals cannot contain wildcards except a lone \"*\". To match many principals, use \"*\" with a condition on aws:PrincipalArn (ArnLike).")
				case !principalARN.MatchString(s):
					v.add(FindingError, "INVALID_PRINCIPAL_FORMAT", e, ep, "%q is not a principal. Use an account ID, arn:aws:iam::<account>:root, a user or role ARN, or a role session ARN.", s)
				}
			case "Service":
				if s != "*" && !strings.HasSuffix(s, ".amazonaws.com") && !strings.HasSuffix(s, ".amazonaws.com.cn") {
					v.add(FindingError, "INVALID_SERVICE_PRINCIPAL_FORMAT", e, ep, "%q is not a service principal; they look like lambda.amazonaws.com or apigateway.amazonaws.com.", s)
				}
			}
		}
	}
}

func (v *validator) conditions(st *Statement, actions []expandedAction) {
	m, ok := st.node.member("Condition")
	if !ok || m.val.kind != kindObject {
		return
	}
	// Services the statement's actions belong to (nil: open set).
	var services map[string]bool
	if actions != nil {
		services = map[string]bool{}
		for _, a := range actions {
			services[a.svc.Prefix] = true
			if a.svc.Prefix == "sts" {
				services["iam"] = true
			}
		}
	}
	base := Path{{Key: "Statement"}, {Index: st.Index, IsIdx: true}, {Key: "Condition"}}
	for _, om := range m.val.obj {
		kind, q, _, ok := parseOperator(om.key)
		if !ok || om.val.kind != kindObject {
			continue
		}
		info := operators[kind]
		for _, km := range om.val.obj {
			kp := base.Key(om.key).Key(km.key)
			keyNode := &node{start: km.keyStart, end: km.keyEnd}
			key := km.key
			svcPrefix, _, hasColon := strings.Cut(key, ":")
			if !hasColon {
				v.add(FindingError, "INVALID_CONDITION_KEY_FORMAT", keyNode, kp, "%q is not a condition key; keys are written prefix:name, e.g. aws:SourceIp or dynamodb:LeadingKeys.", key)
				continue
			}
			typ, multi, known := typeString, false, true
			if strings.EqualFold(svcPrefix, "aws") {
				g, ok := findGlobalKey(key)
				if !ok {
					names := make([]string, 0, len(globalKeys))
					for _, g := range globalKeys {
						names = append(names, g.name)
					}
					hint := "Check the spelling (e.g. aws:SourceIp, aws:SourceArn, aws:PrincipalTag/<tag>)."
					if c := closest(key, names); c != "" {
						hint = "Did you mean " + c + "?"
					}
					v.add(FindingError, "INVALID_GLOBAL_CONDITION_KEY", keyNode, kp, "%q is not a global condition key. %s", key, hint)
					continue
				}
				typ, multi = g.typ, g.multi
			} else if svc := Catalog[strings.ToLower(svcPrefix)]; svc != nil {
				ok, mv := serviceKey(svc, key)
				if !ok {
					hint := ""
					if c := closest(key, svc.ConditionKeys); c != "" {
						hint = " Did you mean " + c + "?"
					}
					v.add(FindingError, "INVALID_SERVICE_CONDITION_KEY", keyNode, kp, "%q is not a condition key of %s.%s", key, svc.Name, hint)
					continue
				}
				multi = mv
				if services != nil && !services[svc.Prefix] {
					v.add(FindingWarning, "CONDITION_KEY_FOR_ANOTHER_SERVICE", keyNode, kp, "%q is a %s key, but this statement's actions are not %s actions, so requests never carry it and the condition never holds as intended.", key, svc.Prefix, svc.Prefix)
				}
			} else {
				known = false
			}
			if known {
				v.checkType(info, typ, key, keyNode, kp)
				switch {
				case q == qualForAllValues && !multi && st.Effect == EffectAllow:
					v.add(FindingSecurityWarning, "FORALLVALUES_WITH_SINGLE_VALUED_KEY", keyNode, kp, "ForAllValues with the single-valued key %s is true whenever the key is missing, so this Allow can apply more widely than intended. Remove ForAllValues:.", key)
				case q == qualNone && multi && info.fam != famNull:
					v.add(FindingError, "MISSING_QUALIFIER", keyNode, kp, "%s can carry several values; say whether ForAnyValue: or ForAllValues: of them must match (e.g. ForAllValues:%s).", key, om.key)
				}
			}
			v.conditionValues(om.key, info, km.val, kp)
		}
	}
}

func (v *validator) checkType(info opInfo, typ keyType, key string, n *node, path Path) {
	ok := true
	switch info.fam {
	case famString, famStringIC, famStringLike:
		ok = typ == typeString || typ == typeARN
	case famArn:
		ok = typ == typeARN
	case famBool:
		ok = typ == typeBool
	case famDate:
		ok = typ == typeDate
	case famNumeric:
		ok = typ == typeNumeric
	case famIP:
		ok = typ == typeIP
	}
	if !ok {
		v.add(FindingWarning, "TYPE_MISMATCH", n, path, "%s compares %s values, but %s holds %s values; use a matching operator.", info.name, familyType(info.fam), key, typ)
	}
}

func familyType(f family) string {
	switch f {
	case famArn:
		return "ARN"
	case famBool:
		return "Bool"
	case famDate:
		return "Date"
	case famNumeric:
		return "Numeric"
	case famIP:
		return "IPAddress"
	case famBinary:
		return "Binary"
	}
	return "String"
}

func (v *validator) conditionValues(op string, info opInfo, n *node, path Path) {
	vals := []*node{n}
	if n.kind == kindArray {
		vals = n.arr
	}
	for i, e := range vals {
		ep := path
		if n.kind == kindArray {
			ep = path.Index(i)
		}
		s := scalarText(e)
		if v.variables(s, e, ep) {
			continue
		}
		switch info.fam {
		case famBool, famNull:
			if !strings.EqualFold(s, "true") && !strings.EqualFold(s, "false") {
				v.add(FindingWarning, "TYPE_MISMATCH_BOOLEAN", e, ep, "%s expects \"true\" or \"false\", not %q.", op, s)
			}
		case famNumeric:
			if _, ok := parseNumber(s); !ok {
				v.add(FindingWarning, "TYPE_MISMATCH_NUMBER", e, ep, "%s expects a number, not %q.", op, s)
			}
		case famDate:
			if _, ok := parseDate(s); !ok {
				v.add(FindingWarning, "TYPE_MISMATCH_DATE", e, ep, "%s expects a date such as 2026-01-31T12:00:00Z or epoch seconds, not %q.", op, s)
			}
		case famIP:
			if _, ok := parseIP(s); !ok {
				v.add(FindingWarning, "TYPE_MISMATCH_IP_RANGE", e, ep, "%s expects an IP address or CIDR range such as 203.0.113.0/24, not %q.", op, s)
			}
		case famString, famStringIC:
			if strings.ContainsAny(s, "*?") {
				v.add(FindingWarning, "WILDCARD_WITHOUT_LIKE_OPERATOR", e, ep, "%q contains a wildcard, but %s compares literally; use StringLike to match patterns.", s, op)
			}
		}
	}
}

// maxPairwise bounds the quadratic redundancy checks: real policies are
// far smaller (a managed policy holds at most 6,144 characters), and a huge
// document from a learner must not stall the validator.
const maxPairwise = 300

// redundantStatements flags statements whose effect is already covered by
// another statement with the same effect, principal and conditions.
func (v *validator) redundantStatements() {
	sts := v.p.Statements
	if len(sts) > maxPairwise {
		return
	}
	// Statements can only cover each other within the same group.
	group := make([]string, len(sts))
	for i, st := range sts {
		if st.node == nil || st.Effect == "" || st.NotAction != nil || st.NotResource != nil || st.NotPrincipal != nil {
			continue
		}
		group[i] = st.Effect + "|" + elementCanon(st.node, "Condition") + "|" + elementCanon(st.node, "Principal")
	}
	for j, b := range sts {
		for i, a := range sts {
			if i == j || group[i] == "" || group[i] != group[j] {
				continue
			}
			if !allCovered(b.Action, a.Action, true) || !allCovered(b.Resource, a.Resource, false) {
				continue
			}
			// Identical statements: report only the later one.
			if allCovered(a.Action, b.Action, true) && allCovered(a.Resource, b.Resource, false) && i > j {
				continue
			}
			v.add(FindingSuggestion, "REDUNDANT_STATEMENT", b.node, Path{{Key: "Statement"}, {Index: j, IsIdx: true}},
				"Statement %d adds nothing: statement %d already %s the same actions on the same resources under the same conditions. Remove one.", j, i, map[string]string{EffectAllow: "allows", EffectDeny: "denies"}[a.Effect])
			break
		}
	}
}

// elementCanon renders a statement element without whitespace differences
// ("-" when absent).
func elementCanon(n *node, key string) string {
	m, ok := n.member(key)
	if !ok {
		return "-"
	}
	return canon(m.val)
}

func allCovered(inner, outer []string, fold bool) bool {
	if len(inner) == 0 || len(outer) == 0 {
		return false
	}
	for _, x := range inner {
		ok := false
		for _, y := range outer {
			if covers(y, x, fold) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func canon(n *node) string {
	var b strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		switch n.kind {
		case kindObject:
			b.WriteByte('{')
			for _, m := range n.obj {
				fmt.Fprintf(&b, "%q:", m.key)
				walk(m.val)
				b.WriteByte(',')
			}
			b.WriteByte('}')
		case kindArray:
			b.WriteByte('[')
			for _, e := range n.arr {
				walk(e)
				b.WriteByte(',')
			}
			b.WriteByte(']')
		default:
			fmt.Fprintf(&b, "%d%q", n.kind, scalarText(n))
		}
	}
	walk(n)
	return b.String()
}
