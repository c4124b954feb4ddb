// Package config is learnsls's stand-in for
// github.com/aws/aws-sdk-go-v2/config. LoadDefaultConfig builds an
// aws.Config from the function's environment: inside learnsls that is just
// the region (AWS_REGION, as Lambda sets it), because credentials come from
// the function's execution role on the host side and no files or instance
// metadata exist in the sandbox.
//
// The With… options that code commonly passes are accepted; those that
// only affect real network traffic (credentials, endpoints, retries,
// profiles) are recorded and otherwise have no effect.
package config

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
)

// LoadOptions collects what the With… options set.
type LoadOptions struct {
	Region                      string
	DefaultRegion               string
	AppID                       string
	Credentials                 aws.CredentialsProvider
	CredentialsCacheOptions     func(*aws.CredentialsCacheOptions)
	EndpointResolverWithOptions aws.EndpointResolverWithOptions
	RetryMaxAttempts            int
	RetryMode                   aws.RetryMode
	Retryer                     func() aws.Retryer
	BaseEndpoint                string
	SharedConfigProfile         string
	SharedConfigFiles           []string
	SharedCredentialsFiles      []string
	LogConfigurationWarnings    *bool
	Logger                      logging.Logger
	ClientLogMode               *aws.ClientLogMode
}

// LoadOptionsFunc is one option for LoadDefaultConfig.
type LoadOptionsFunc func(*LoadOptions) error

// LoadDefaultConfig returns the configuration a function's clients use.
// The region is, in order: WithRegion, AWS_REGION, AWS_DEFAULT_REGION,
// WithDefaultRegion.
func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	var o LoadOptions
	for _, fn := range optFns {
		if fn == nil {
			continue
		}
		if err := fn(&o); err != nil {
			return aws.Config{}, err
		}
	}
	cfg := aws.Config{
		Region:                      o.Region,
		Credentials:                 o.Credentials,
		EndpointResolverWithOptions: o.EndpointResolverWithOptions,
		RetryMaxAttempts:            o.RetryMaxAttempts,
		RetryMode:                   o.RetryMode,
		Retryer:                     o.Retryer,
		AppID:                       o.AppID,
		Logger:                      o.Logger,
		ConfigSources:               []interface{}{o},
	}
	if o.ClientLogMode != nil {
		cfg.ClientLogMode = *o.ClientLogMode
	}
	if cfg.Region == "" {
		cfg.Region = os.Getenv("AWS_REGION")
	}
	if cfg.Region == "" {
		cfg.Region = os.Getenv("AWS_DEFAULT_REGION")
	}
	if cfg.Region == "" {
		cfg.Region = o.DefaultRegion
	}
	if o.BaseEndpoint != "" {
		cfg.BaseEndpoint = aws.String(o.BaseEndpoint)
	}
	if cfg.Credentials == nil {
		cfg.Credentials = roleCredentials{}
	}
	return cfg, nil
}

// roleCredentials stands for the function's execution role: the host signs
// nothing, it authorises each call against the role directly.
type roleCredentials struct{}

// Retrieve returns the keys Lambda puts in the environment (empty inside
// learnsls, where nothing is signed).
func (roleCredentials) Retrieve(context.Context) (aws.Credentials, error) {
	return aws.Credentials{
		AccessKeyID:     os.Getenv("AWS_ACCESS_KEY_ID"),
		SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY"),
		SessionToken:    os.Getenv("AWS_SESSION_TOKEN"),
		Source:          "EnvConfigCredentials",
	}, nil
}

// WithRegion sets the region.
func WithRegion(v string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.Region = v; return nil }
}

// WithDefaultRegion sets the region used when none is configured.
func WithDefaultRegion(v string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.DefaultRegion = v; return nil }
}

// WithAppID sets an application name (ignored).
func WithAppID(id string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.AppID = id; return nil }
}

// WithCredentialsProvider sets the credentials (recorded, not used: calls
// run as the function's execution role).
func WithCredentialsProvider(v aws.CredentialsProvider) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.Credentials = v; return nil }
}

// WithCredentialsCacheOptions is accepted and ignored.
func WithCredentialsCacheOptions(v func(*aws.CredentialsCacheOptions)) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.CredentialsCacheOptions = v; return nil }
}

// WithEndpointResolverWithOptions is accepted and ignored.
func WithEndpointResolverWithOptions(v aws.EndpointResolverWithOptions) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.EndpointResolverWithOptions = v; return nil }
}

// WithBaseEndpoint is accepted and ignored: calls never leave the sandbox.
func WithBaseEndpoint(v string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.BaseEndpoint = v; return nil }
}

// WithRetryMaxAttempts is accepted and ignored.
func WithRetryMaxAttempts(v int) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.RetryMaxAttempts = v; return nil }
}

// WithRetryMode is accepted and ignored.
func WithRetryMode(v aws.RetryMode) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.RetryMode = v; return nil }
}

// WithRetryer is accepted and ignored.
func WithRetryer(v func() aws.Retryer) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.Retryer = v; return nil }
}

// WithSharedConfigProfile is accepted and ignored (no files in the sandbox).
func WithSharedConfigProfile(v string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.SharedConfigProfile = v; return nil }
}

// WithSharedConfigFiles is accepted and ignored.
func WithSharedConfigFiles(v []string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.SharedConfigFiles = v; return nil }
}

// WithSharedCredentialsFiles is accepted and ignored.
func WithSharedCredentialsFiles(v []string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.SharedCredentialsFiles = v; return nil }
}

// WithLogConfigurationWarnings is accepted and ignored.
func WithLogConfigurationWarnings(v bool) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.LogConfigurationWarnings = &v; return nil }
}

// WithLogger sets the logger (accepted; the guest clients log nothing).
func WithLogger(v logging.Logger) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.Logger = v; return nil }
}

// WithClientLogMode sets what clients log (accepted and ignored).
func WithClientLogMode(v aws.ClientLogMode) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.ClientLogMode = &v; return nil }
}
