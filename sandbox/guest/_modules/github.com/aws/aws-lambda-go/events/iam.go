package events

// IAMPolicyDocument is an IAM policy as authorizers return it. The fields
// carry no JSON tags on purpose: the policy grammar uses the capitalised
// names "Version" and "Statement".
type IAMPolicyDocument struct {
	Version   string
	Statement []IAMPolicyStatement
}

// IAMPolicyStatement is one statement of an IAMPolicyDocument, e.g.
// Effect "Allow", Action ["execute-api:Invoke"], Resource [methodArn].
type IAMPolicyStatement struct {
	Action   []string
	Effect   string
	Resource []string
}
