// Package dynamodb is learnsls's stand-in for
// github.com/aws/aws-sdk-go-v2/service/dynamodb: the same Client, Options,
// operations, Input/Output structs and paginators, sending each call as
// DynamoDB's JSON 1.0 wire JSON through the sandbox's aws_call host
// function instead of HTTPS. The simulated DynamoDB answers exactly as the
// real service would, and errors come back as the same Go types
// (types.ConditionalCheckFailedException, smithy.APIError, …).
//
// What differs from the real client: no retries (the simulated service does
// not throttle by surprise), no client-side endpoint, signing or HTTP
// options (accepted and ignored), and no waiters. See
// sandbox/guest/SDK.md for the supported list.
package dynamodb

import (
	"context"
	"crypto/rand"

	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/internal/awscall"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
)

// ServiceID is the service's name in errors ("operation error DynamoDB: …").
const ServiceID = "DynamoDB"

// ServiceAPIVersion is the API version the wire protocol speaks.
const ServiceAPIVersion = "2012-08-10"

// signingName is the service name the host's aws_call expects.
const signingName = "dynamodb"

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

	// EndpointResolver, Logger and ClientLogMode are accepted and
	// ignored: calls never leave the sandbox, and there is no HTTP
	// exchange to log.
	EndpointResolver EndpointResolver
	Logger           logging.Logger
	ClientLogMode    aws.ClientLogMode

	// IdempotencyTokenProvider fills ClientRequestToken of
	// TransactWriteItems and ExecuteTransaction when it is nil, as the real
	// SDK does. Nil means a random UUID.
	IdempotencyTokenProvider IdempotencyTokenProvider
}

// IdempotencyTokenProvider generates idempotency tokens.
type IdempotencyTokenProvider interface {
	GetIdempotencyToken() (string, error)
}

// Copy returns a copy of the options.
func (o Options) Copy() Options { return o }

// Client calls DynamoDB operations. It is safe for concurrent use; create
// it once, outside the handler, so warm invocations reuse it.
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

// service carries this client's calls: DynamoDB's codec (with the
// AttributeValue union), required members and modelled errors.
var service = &awscall.Service{
	ID:          ServiceID,
	SigningName: signingName,
	Codec:       wire,
	Required:    required,
	NewError:    newModelledError,
	EncodeOp:    encodeOp,
	DecodeOp:    decodeOp,
}

// invoke sends one operation: it fills a missing idempotency token, then
// validates, encodes, calls and decodes as awscall.Service does, returning
// errors wrapped as the real SDK wraps them (*smithy.OperationError around
// the API error).
func (c *Client) invoke(ctx context.Context, op string, in, out any, optFns []func(*Options)) error {
	tokens := c.options.IdempotencyTokenProvider
	if len(optFns) > 0 {
		// Copied only when there are options to apply: the copy escapes
		// to the heap, and most calls pass none.
		opts := c.options
		for _, fn := range optFns {
			fn(&opts)
		}
		tokens = opts.IdempotencyTokenProvider
	}
	if err := fillToken(in, tokens); err != nil {
		return &smithy.OperationError{ServiceID: ServiceID, OperationName: op, Err: err}
	}
	return service.Invoke(ctx, op, in, out)
}

// fillToken sets a nil ClientRequestToken, as the SDK's idempotency-token
// middleware does.
func fillToken(in any, p IdempotencyTokenProvider) error {
	var tok **string
	switch in := in.(type) {
	case *TransactWriteItemsInput:
		tok = &in.ClientRequestToken
	case *ExecuteTransactionInput:
		tok = &in.ClientRequestToken
	default:
		return nil
	}
	if *tok != nil {
		return nil
	}
	var s string
	var err error
	if p != nil {
		s, err = p.GetIdempotencyToken()
	} else {
		s, err = uuid4()
	}
	if err != nil {
		return fmt.Errorf("idempotency token: %w", err)
	}
	*tok = &s
	return nil
}

func uuid4() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:]), nil
}

// EndpointResolverOptions are what an EndpointResolver is given.
type EndpointResolverOptions struct {
	ResolvedRegion string
	DisableHTTPS   bool
}

// EndpointResolver resolves the service endpoint; accepted so code that
// points a client at DynamoDB Local compiles, and never consulted.
type EndpointResolver interface {
	ResolveEndpoint(region string, options EndpointResolverOptions) (aws.Endpoint, error)
}

// EndpointResolverFunc adapts a function to EndpointResolver.
type EndpointResolverFunc func(region string, options EndpointResolverOptions) (aws.Endpoint, error)

// ResolveEndpoint calls fn.
func (fn EndpointResolverFunc) ResolveEndpoint(region string, options EndpointResolverOptions) (aws.Endpoint, error) {
	return fn(region, options)
}

// EndpointResolverFromURL returns a resolver that always answers url.
func EndpointResolverFromURL(url string, optFns ...func(*aws.Endpoint)) EndpointResolver {
	e := aws.Endpoint{URL: url, Source: aws.EndpointSourceCustom}
	for _, fn := range optFns {
		fn(&e)
	}
	return EndpointResolverFunc(func(string, EndpointResolverOptions) (aws.Endpoint, error) { return e, nil })
}
