package iam

import (
	"fmt"
	"strings"
)

// PrincipalType says what kind of identity makes a request.
type PrincipalType uint8

// Principal types.
const (
	PrincipalUnknown     PrincipalType = iota
	PrincipalUser                      // arn:aws:iam::<acct>:user/<name>
	PrincipalRole                      // arn:aws:iam::<acct>:role/<name> (only as a resource-policy subject)
	PrincipalAssumedRole               // arn:aws:sts::<acct>:assumed-role/<role>/<session>
	PrincipalRoot                      // arn:aws:iam::<acct>:root
	PrincipalService                   // lambda.amazonaws.com, apigateway.amazonaws.com, …
	PrincipalFederated                 // arn:aws:sts::<acct>:federated-user/<name>
)

func (t PrincipalType) String() string {
	return [...]string{"unknown", "user", "role", "assumed-role", "root", "service", "federated-user"}[t]
}

// awsPrincipalType is the value of aws:PrincipalType for each kind.
func (t PrincipalType) awsPrincipalType() string {
	switch t {
	case PrincipalUser:
		return "User"
	case PrincipalAssumedRole, PrincipalRole:
		return "AssumedRole"
	case PrincipalRoot:
		return "Account"
	case PrincipalFederated:
		return "FederatedUser"
	case PrincipalService:
		return "" // not among IAM's documented values: the key is absent
	}
	return "Anonymous"
}

// Principal is who makes a request.
type Principal struct {
	// ARN is the caller's ARN, or the service name for service principals.
	ARN     string
	Account string
	Type    PrincipalType
	// RoleARN is the role behind an assumed-role session, with its path if
	// known (arn:aws:iam::<acct>:role/<path/><name>). It is the value of
	// aws:PrincipalArn for sessions; derived from ARN when empty.
	RoleARN string
	// Tags are the principal's tags (aws:PrincipalTag/<key>).
	Tags map[string]string
}

// PrincipalFromARN builds a Principal from a user, role, assumed-role,
// federated-user or root ARN, or a service name such as
// "apigateway.amazonaws.com".
func PrincipalFromARN(arn string) (Principal, error) {
	if strings.HasSuffix(arn, ".amazonaws.com") && !strings.HasPrefix(arn, "arn:") {
		return Principal{ARN: arn, Type: PrincipalService}, nil
	}
	parts, ok := splitARN(arn)
	if !ok || parts[0] != "arn" {
		return Principal{}, fmt.Errorf("principal %q is not an ARN such as arn:aws:iam::123456789012:user/Ana or arn:aws:sts::123456789012:assumed-role/Role/session", arn)
	}
	p := Principal{ARN: arn, Account: parts[4]}
	res := parts[5]
	switch {
	case parts[2] == "iam" && res == "root":
		p.Type = PrincipalRoot
	case parts[2] == "iam" && strings.HasPrefix(res, "user/"):
		p.Type = PrincipalUser
	case parts[2] == "iam" && strings.HasPrefix(res, "role/"):
		p.Type = PrincipalRole
		p.RoleARN = arn
	case parts[2] == "sts" && strings.HasPrefix(res, "assumed-role/") && strings.Count(res, "/") >= 2:
		p.Type = PrincipalAssumedRole
	case parts[2] == "sts" && strings.HasPrefix(res, "federated-user/"):
		p.Type = PrincipalFederated
	default:
		return Principal{}, fmt.Errorf("principal %q is not a user, role, assumed-role session or root ARN", arn)
	}
	if len(p.Account) != 12 || strings.Trim(p.Account, "0123456789") != "" {
		return Principal{}, fmt.Errorf("principal %q: the account ID %q must be 12 digits", arn, p.Account)
	}
	return p, nil
}

// SessionARN maps a role ARN and a session name to the ARN of the role
// session, as STS reports it: the role's path is dropped and the partition
// and account kept, e.g. arn:aws:iam::123456789012:role/service/fn-role +
// "fn" -> arn:aws:sts::123456789012:assumed-role/fn-role/fn.
func SessionARN(roleARN, session string) (string, error) {
	parts, ok := splitARN(roleARN)
	if !ok || parts[2] != "iam" || !strings.HasPrefix(parts[5], "role/") {
		return "", fmt.Errorf("session ARN: %q is not a role ARN (arn:aws:iam::<account>:role/<name>)", roleARN)
	}
	if session == "" {
		return "", fmt.Errorf("session ARN: the session name is empty")
	}
	name := parts[5][strings.LastIndexByte(parts[5], '/')+1:]
	return fmt.Sprintf("arn:%s:sts::%s:assumed-role/%s/%s", parts[1], parts[4], name, session), nil
}

// RolePrincipal is the principal of a role session, the identity a Lambda
// function runs as: SessionARN(roleARN, session) with RoleARN set.
func RolePrincipal(roleARN, session string, tags map[string]string) (Principal, error) {
	arn, err := SessionARN(roleARN, session)
	if err != nil {
		return Principal{}, err
	}
	parts, _ := splitARN(roleARN)
	return Principal{ARN: arn, Account: parts[4], Type: PrincipalAssumedRole, RoleARN: roleARN, Tags: tags}, nil
}

// roleARN returns the role ARN behind a session (without path when the
// caller did not give RoleARN).
func (p *Principal) roleARN() string {
	if p.RoleARN != "" {
		return p.RoleARN
	}
	if p.Type != PrincipalAssumedRole {
		return ""
	}
	parts, _ := splitARN(p.ARN)
	rest := strings.TrimPrefix(parts[5], "assumed-role/")
	role := rest[:strings.IndexByte(rest, '/')]
	return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + role
}

// roleName is the last path element of the role behind a session.
func (p *Principal) roleName() string {
	switch p.Type {
	case PrincipalAssumedRole:
		parts, _ := splitARN(p.ARN)
		rest := strings.TrimPrefix(parts[5], "assumed-role/")
		return rest[:strings.IndexByte(rest, '/')]
	case PrincipalRole:
		return p.ARN[strings.LastIndexByte(p.ARN, '/')+1:]
	}
	return ""
}

// grantKind is how a resource policy statement names the caller; it decides
// whether the grant alone suffices (single-account rules).
type grantKind uint8

const (
	grantNone    grantKind = iota
	grantAccount           // the account: only delegates to identity policies
	grantRole              // the role ARN: suffices, but a boundary still limits it
	grantDirect            // the user / session / service / "*": suffices, boundaries do not limit it
)

func (g grantKind) String() string {
	return [...]string{"none", "account", "role", "direct"}[g]
}

// principalGrant reports how a Principal element names p.
func principalGrant(ps *PrincipalSet, p *Principal) grantKind {
	if ps == nil {
		return grantNone
	}
	if ps.Wildcard {
		return grantDirect
	}
	best := grantNone
	up := func(g grantKind) {
		if g > best {
			best = g
		}
	}
	for _, v := range ps.AWS {
		switch {
		case v == "*":
			up(grantDirect)
		case v == p.ARN:
			up(grantDirect)
		case len(v) == 12 && strings.Trim(v, "0123456789") == "":
			if v == p.Account && p.Type != PrincipalService {
				up(accountGrant(p))
			}
		default:
			parts, ok := splitARN(v)
			if !ok || parts[4] != p.Account || p.Type == PrincipalService {
				continue
			}
			switch {
			case parts[2] == "iam" && parts[5] == "root":
				up(accountGrant(p))
			case parts[2] == "iam" && strings.HasPrefix(parts[5], "role/"):
				if p.Type == PrincipalAssumedRole || p.Type == PrincipalRole {
					name := parts[5][strings.LastIndexByte(parts[5], '/')+1:]
					if name == p.roleName() && (p.RoleARN == "" || p.RoleARN == v) {
						up(grantRole)
					}
				}
			}
		}
	}
	for _, v := range ps.Service {
		if p.Type == PrincipalService && (v == "*" || strings.EqualFold(v, p.ARN)) {
			up(grantDirect)
		}
	}
	for _, v := range ps.Federated {
		if v == p.ARN {
			up(grantDirect)
		}
	}
	for _, v := range ps.CanonicalUser {
		if v == p.ARN {
			up(grantDirect)
		}
	}
	return best
}

// accountGrant: naming the account only delegates, except for the root user
// itself, which the account ARN names directly.
func accountGrant(p *Principal) grantKind {
	if p.Type == PrincipalRoot {
		return grantDirect
	}
	return grantAccount
}

// names lists the principals a Principal element names, for explanations.
func (ps *PrincipalSet) names() []string {
	if ps == nil {
		return nil
	}
	if ps.Wildcard {
		return []string{"*"}
	}
	var out []string
	out = append(out, ps.AWS...)
	out = append(out, ps.Service...)
	out = append(out, ps.Federated...)
	out = append(out, ps.CanonicalUser...)
	return out
}
