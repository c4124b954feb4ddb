package aws

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/smithy-go/logging"
)

// Config is the configuration shared by service clients; build one with
// config.LoadDefaultConfig and pass it to a client's NewFromConfig.
type Config struct {
	// Region the clients talk to, e.g. "us-east-1". Inside learnsls the
	// function's region comes from the AWS_REGION environment variable.
	Region string

	// Credentials is accepted for compatibility; calls are authorised with
	// the function's execution role by the host, never with these keys.
	Credentials CredentialsProvider

	// EndpointResolverWithOptions is accepted and ignored: requests never
	// leave the sandbox.
	EndpointResolverWithOptions EndpointResolverWithOptions

	// RetryMaxAttempts, RetryMode and Retryer are accepted and ignored;
	// the guest clients make each call once.
	RetryMaxAttempts int
	RetryMode        RetryMode
	Retryer          func() Retryer

	// ConfigSources holds what LoadDefaultConfig read.
	ConfigSources []interface{}

	// AppID is an optional application name (ignored).
	AppID string

	// Logger and ClientLogMode are accepted; the guest clients log
	// nothing (there is no HTTP exchange to show).
	Logger        logging.Logger
	ClientLogMode ClientLogMode

	// BaseEndpoint is accepted and ignored (it is how code points a real
	// client at DynamoDB Local; here every call already stays local).
	BaseEndpoint *string
}

// NewConfig returns an empty Config.
func NewConfig() *Config { return &Config{} }

// Copy returns a shallow copy of the configuration.
func (c Config) Copy() Config { return c }

// Credentials are AWS access keys. Learner code rarely needs them; they
// are here so configuration code written for AWS compiles.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
	Source          string
	CanExpire       bool
	Expires         time.Time
	AccountID       string
}

// Expired reports whether expiring credentials are past their expiry.
func (v Credentials) Expired() bool {
	return v.CanExpire && !v.Expires.After(time.Now())
}

// HasKeys reports whether both parts of the key pair are set.
func (v Credentials) HasKeys() bool {
	return v.AccessKeyID != "" && v.SecretAccessKey != ""
}

// CredentialsProvider supplies credentials.
type CredentialsProvider interface {
	Retrieve(ctx context.Context) (Credentials, error)
}

// CredentialsProviderFunc adapts a function to CredentialsProvider.
type CredentialsProviderFunc func(context.Context) (Credentials, error)

// Retrieve calls fn.
func (fn CredentialsProviderFunc) Retrieve(ctx context.Context) (Credentials, error) {
	return fn(ctx)
}

// AnonymousCredentials is a provider for unsigned requests.
type AnonymousCredentials struct{}

// Retrieve returns an error: anonymous credentials have no keys.
func (AnonymousCredentials) Retrieve(context.Context) (Credentials, error) {
	return Credentials{Source: "AnonymousCredentials"},
		errors.New("anonymous credentials cannot be retrieved")
}

// CredentialsCache wraps a provider; here it simply delegates, because
// nothing is fetched over the network.
type CredentialsCache struct {
	provider CredentialsProvider
}

// CredentialsCacheOptions configures a CredentialsCache (ignored).
type CredentialsCacheOptions struct {
	ExpiryWindow           time.Duration
	ExpiryWindowJitterFrac float64
}

// NewCredentialsCache returns a cache in front of provider.
func NewCredentialsCache(provider CredentialsProvider, optFns ...func(*CredentialsCacheOptions)) *CredentialsCache {
	return &CredentialsCache{provider: provider}
}

// Retrieve asks the wrapped provider.
func (c *CredentialsCache) Retrieve(ctx context.Context) (Credentials, error) {
	if c.provider == nil {
		return Credentials{}, errors.New("credentials cache has no provider")
	}
	return c.provider.Retrieve(ctx)
}

// Endpoint is a resolved service endpoint (accepted for compatibility).
type Endpoint struct {
	URL               string
	HostnameImmutable bool
	PartitionID       string
	SigningName       string
	SigningRegion     string
	SigningMethod     string
	Source            EndpointSource
}

// EndpointSource says where an Endpoint came from.
type EndpointSource int

// Endpoint sources.
const (
	EndpointSourceServiceMetadata EndpointSource = iota
	EndpointSourceCustom
)

// EndpointNotFoundError is returned by resolvers that have no endpoint.
type EndpointNotFoundError struct {
	Err error
}

// Error describes the failure.
func (e *EndpointNotFoundError) Error() string {
	return fmt.Sprintf("endpoint not found, %v", e.Err)
}

// Unwrap returns the cause.
func (e *EndpointNotFoundError) Unwrap() error { return e.Err }

// EndpointResolverWithOptions resolves a service endpoint (ignored here).
type EndpointResolverWithOptions interface {
	ResolveEndpoint(service, region string, options ...interface{}) (Endpoint, error)
}

// EndpointResolverWithOptionsFunc adapts a function to
// EndpointResolverWithOptions.
type EndpointResolverWithOptionsFunc func(service, region string, options ...interface{}) (Endpoint, error)

// ResolveEndpoint calls fn.
func (fn EndpointResolverWithOptionsFunc) ResolveEndpoint(service, region string, options ...interface{}) (Endpoint, error) {
	return fn(service, region, options...)
}
