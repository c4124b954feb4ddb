// Package lambdacontext gives a handler the metadata of the invocation it is
// serving (request ID, invoked function ARN, caller identity) and of the
// function itself (name, version, memory size, log group and stream).
//
// This is learnsls's own implementation of the package of the same path in
// github.com/aws/aws-lambda-go; it keeps that package's exported names so a
// handler written against it compiles unchanged for AWS Lambda.
package lambdacontext

import (
	"context"
	"encoding/json"
	"os"
	"strconv"
)

// The function-level values below are read once from the environment
// variables Lambda sets for every execution environment.
var (
	// LogGroupName is the CloudWatch Logs group the function writes to.
	LogGroupName string
	// LogStreamName is the log stream of this execution environment.
	LogStreamName string
	// FunctionName is the name of the function.
	FunctionName string
	// MemoryLimitInMB is the function's configured memory size.
	MemoryLimitInMB int
	// FunctionVersion is the version being run ("$LATEST" here).
	FunctionVersion string
)

var maxConcurrency = 1

func init() {
	LogGroupName = os.Getenv("AWS_LAMBDA_LOG_GROUP_NAME")
	LogStreamName = os.Getenv("AWS_LAMBDA_LOG_STREAM_NAME")
	FunctionName = os.Getenv("AWS_LAMBDA_FUNCTION_NAME")
	FunctionVersion = os.Getenv("AWS_LAMBDA_FUNCTION_VERSION")
	if n, err := strconv.Atoi(os.Getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")); err == nil {
		MemoryLimitInMB = n
	}
	if n, err := strconv.Atoi(os.Getenv("AWS_LAMBDA_MAX_CONCURRENCY")); err == nil && n > 0 {
		maxConcurrency = n
	}
}

// MaxConcurrency reports how many invocations one execution environment may
// serve at once. It is always 1 here, as in on-demand Lambda.
func MaxConcurrency() int { return maxConcurrency }

// ClientApplication describes the mobile application that made the call.
type ClientApplication struct {
	InstallationID string `json:"installation_id"`
	AppTitle       string `json:"app_title"`
	AppVersionCode string `json:"app_version_code"`
	AppPackageName string `json:"app_package_name"`
}

// ClientContext is what a calling mobile application passed along.
type ClientContext struct {
	Client ClientApplication
	Env    map[string]string `json:"env"`
	Custom map[string]string `json:"custom"`
}

// UnmarshalJSON accepts non-string values in "custom" by keeping their raw
// JSON text, so a client sending nested objects does not fail the call.
func (cc *ClientContext) UnmarshalJSON(data []byte) error {
	var raw struct {
		Client ClientApplication          `json:"Client"`
		Env    map[string]string          `json:"env"`
		Custom map[string]json.RawMessage `json:"custom"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	cc.Client, cc.Env, cc.Custom = raw.Client, raw.Env, nil
	if raw.Custom != nil {
		cc.Custom = make(map[string]string, len(raw.Custom))
		for k, v := range raw.Custom {
			var s string
			if json.Unmarshal(v, &s) == nil {
				cc.Custom[k] = s
			} else {
				cc.Custom[k] = string(v)
			}
		}
	}
	return nil
}

// CognitoIdentity is the Amazon Cognito identity of the caller, if any.
type CognitoIdentity struct {
	CognitoIdentityID     string
	CognitoIdentityPoolID string
}

// LambdaContext is the per-invocation metadata.
type LambdaContext struct {
	AwsRequestID       string //nolint:staticcheck // name kept from aws-lambda-go
	InvokedFunctionArn string //nolint:staticcheck // name kept from aws-lambda-go
	Identity           CognitoIdentity
	ClientContext      ClientContext
	TenantID           string `json:",omitempty"`
}

// ctxKey is unexported so no other package can collide with it.
type ctxKey struct{}

// NewContext returns a copy of parent carrying lc.
func NewContext(parent context.Context, lc *LambdaContext) context.Context {
	return context.WithValue(parent, ctxKey{}, lc)
}

// FromContext returns the LambdaContext carried by ctx, if there is one.
func FromContext(ctx context.Context) (*LambdaContext, bool) {
	lc, ok := ctx.Value(ctxKey{}).(*LambdaContext)
	return lc, ok
}
