package iam

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Enforcement: what the sandbox calls before a simulated service sees a
// request. A function's calls run as its execution role's session; a
// service invoking a function is checked against the function's policy.

// ErrAccessDenied matches every *AccessDeniedError with errors.Is.
var ErrAccessDenied = errors.New("access denied")

// AccessDeniedError is a denied request. Its Error is AWS's message
// ("User: … is not authorized to perform: … because …"); Code and
// HTTPStatus give the error the calling service's wire protocol uses.
type AccessDeniedError struct {
	Decision Decision
	Service  string // the service prefix the request was for (dynamodb, sqs, …)
}

func (e *AccessDeniedError) Error() string { return e.Decision.AccessDeniedMessage() }

// Is lets errors.Is(err, ErrAccessDenied) recognise denials.
func (e *AccessDeniedError) Is(target error) bool { return target == ErrAccessDenied }

// Code is the error code the service returns for a denial.
func (e *AccessDeniedError) Code() string { code, _ := DenialCode(e.Service); return code }

// HTTPStatus is the HTTP status the service returns for a denial.
func (e *AccessDeniedError) HTTPStatus() int { _, st := DenialCode(e.Service); return st }

// DenialCode gives the error code and HTTP status a service uses for an
// authorisation failure: JSON-protocol services (DynamoDB, EventBridge,
// CloudWatch Logs) answer 400 AccessDeniedException, Lambda 403
// AccessDeniedException, SNS 403 AuthorizationError, and the XML/query
// services (S3, SQS, IAM, STS, SES) 403 AccessDenied.
func DenialCode(service string) (string, int) {
	switch service {
	case "dynamodb", "events", "logs":
		return "AccessDeniedException", http.StatusBadRequest
	case "lambda":
		return "AccessDeniedException", http.StatusForbidden
	case "sns":
		return "AuthorizationError", http.StatusForbidden
	case "execute-api":
		return "AccessDeniedException", http.StatusForbidden
	default:
		return "AccessDenied", http.StatusForbidden
	}
}

// Authorize evaluates req and returns nil when it is allowed, or an
// *AccessDeniedError carrying the decision.
func Authorize(req Request, p Policies) error {
	d := Evaluate(req, p)
	if d.Outcome == Allowed {
		return nil
	}
	svc, _, _ := strings.Cut(req.Action, ":")
	return &AccessDeniedError{Decision: d, Service: strings.ToLower(svc)}
}

// Role is an IAM role as the sandbox deploys it from a template: the
// policies attached to it, an optional permissions boundary and its tags.
type Role struct {
	ARN      string
	Policies []*Policy
	Boundary *Policy
	Tags     map[string]string
}

// Session is the identity a function runs as: the role's session named
// after the function (arn:aws:sts::<acct>:assumed-role/<role>/<function>).
type Session struct {
	Principal Principal
	Policies  Policies
}

// NewSession prepares a role session once, so each call only builds a
// Request.
func (r *Role) NewSession(sessionName string) (*Session, error) {
	pr, err := RolePrincipal(r.ARN, sessionName, r.Tags)
	if err != nil {
		return nil, fmt.Errorf("iam: session for %s: %w", r.ARN, err)
	}
	return &Session{Principal: pr, Policies: Policies{Identity: r.Policies, Boundary: r.Boundary}}, nil
}

// Authorize checks one call the session makes. resourcePolicy is the target
// resource's policy (nil when it has none); ctx holds request condition keys.
func (s *Session) Authorize(action, resource string, resourcePolicy *Policy, ctx map[string][]string) error {
	p := s.Policies
	p.Resource = resourcePolicy
	return Authorize(Request{Principal: s.Principal, Action: action, Resource: resource, Context: ctx}, p)
}

// ServiceInvoke checks a service (apigateway.amazonaws.com,
// events.amazonaws.com, sns.amazonaws.com, …) invoking a Lambda function:
// only the function's resource policy can allow it. sourceARN and
// sourceAccount become aws:SourceArn and aws:SourceAccount.
func ServiceInvoke(service, sourceARN, sourceAccount, functionARN string, functionPolicy *Policy) error {
	ctx := map[string][]string{}
	if sourceARN != "" {
		ctx["aws:SourceArn"] = []string{sourceARN}
	}
	if sourceAccount != "" {
		ctx["aws:SourceAccount"] = []string{sourceAccount}
	}
	req := Request{
		Principal: Principal{ARN: service, Type: PrincipalService},
		Action:    "lambda:InvokeFunction",
		Resource:  functionARN,
		Context:   ctx,
	}
	return Authorize(req, Policies{Resource: functionPolicy})
}
