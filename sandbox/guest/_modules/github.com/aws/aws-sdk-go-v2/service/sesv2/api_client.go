// Package sesv2 is learnsls's stand-in for
// github.com/aws/aws-sdk-go-v2/service/sesv2. Amazon SES (API v2): send email. Inside learnsls nothing leaves the machine; sent messages land in the stack's outbox, where checks and the UI read them.
//
// The Client, Options, operations and Input/Output structs have the AWS
// SDK's names and fields; each call travels as the service's JSON through
// the sandbox's aws_call host function and is answered by the simulated
// service of the learner's stack. See sandbox/guest/SDK.md for the
// supported operations and the differences from AWS.
package sesv2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/internal/awscall"
	"github.com/aws/aws-sdk-go-v2/internal/wirejson"
	"github.com/aws/smithy-go/logging"
)

// ServiceID is the service's name in errors.
const ServiceID = "SESv2"

// service carries calls for every Client.
var service = &awscall.Service{
	ID:          ServiceID,
	SigningName: "ses",
	Codec:       wirejson.New(),
	Required:    required,
	NewError:    newModelledError,
}

// Options configures a Client. Only Region matters inside learnsls; the
// rest is accepted so code written for AWS compiles.
type Options struct {
	AppID            string
	BaseEndpoint     *string
	Credentials      aws.CredentialsProvider
	Region           string
	RetryMaxAttempts int
	RetryMode        aws.RetryMode
	Retryer          aws.Retryer

	// Logger and ClientLogMode are accepted and ignored: there is no HTTP
	// exchange to log.
	Logger        logging.Logger
	ClientLogMode aws.ClientLogMode
}

// Copy returns a copy of the options.
func (o Options) Copy() Options { return o }

// Client calls SESv2 operations. Create it once, outside the handler.
type Client struct {
	options Options
}

// New returns a client built from options, adjusted by optFns.
func New(options Options, optFns ...func(*Options)) *Client {
	options = options.Copy()
	for _, fn := range optFns {
		fn(&options)
	}
	return &Client{options: options}
}

// NewFromConfig returns a client for the configuration's region.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	opts := Options{
		AppID:            cfg.AppID,
		BaseEndpoint:     cfg.BaseEndpoint,
		Credentials:      cfg.Credentials,
		Region:           cfg.Region,
		RetryMaxAttempts: cfg.RetryMaxAttempts,
		RetryMode:        cfg.RetryMode,
		Logger:           cfg.Logger,
		ClientLogMode:    cfg.ClientLogMode,
	}
	if cfg.Retryer != nil {
		opts.Retryer = cfg.Retryer()
	}
	return New(opts, optFns...)
}

// Options returns a copy of the client's options.
func (c *Client) Options() Options { return c.options.Copy() }

func (c *Client) invoke(ctx context.Context, op string, in, out any, optFns []func(*Options)) error {
	if len(optFns) > 0 {
		// Per-call options are applied (to a copy, which escapes to the
		// heap: only when there are some) and have nothing to change here.
		opts := c.options
		for _, fn := range optFns {
			fn(&opts)
		}
	}
	return service.Invoke(ctx, op, in, out)
}
