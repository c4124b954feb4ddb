// Package credentials is learnsls's stand-in for
// github.com/aws/aws-sdk-go-v2/credentials. Only static credentials are
// provided, for code that sets dummy keys (as examples for DynamoDB Local
// do); inside learnsls calls run as the function's execution role and the
// keys are never used.
package credentials

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// StaticCredentialsName is the Source of credentials from a
// StaticCredentialsProvider.
const StaticCredentialsName = "StaticCredentials"

// StaticCredentialsEmptyError is returned when the key pair is incomplete.
type StaticCredentialsEmptyError struct{}

// Error describes the problem.
func (*StaticCredentialsEmptyError) Error() string { return "static credentials are empty" }

// StaticCredentialsProvider always returns the same credentials.
type StaticCredentialsProvider struct {
	Value aws.Credentials
}

// NewStaticCredentialsProvider returns a provider of the given keys.
func NewStaticCredentialsProvider(key, secret, session string) StaticCredentialsProvider {
	return StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: key, SecretAccessKey: secret, SessionToken: session}}
}

// Retrieve returns the keys, or StaticCredentialsEmptyError when either
// half of the pair is empty.
func (s StaticCredentialsProvider) Retrieve(context.Context) (aws.Credentials, error) {
	v := s.Value
	if v.AccessKeyID == "" || v.SecretAccessKey == "" {
		return aws.Credentials{Source: StaticCredentialsName}, &StaticCredentialsEmptyError{}
	}
	if v.Source == "" {
		v.Source = StaticCredentialsName
	}
	return v, nil
}
