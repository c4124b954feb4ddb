package lambda

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Limits Lambda enforces on function configuration.
const (
	MinMemoryMB           = 128
	MaxMemoryMB           = 10240
	DefaultMemoryMB       = 128
	DefaultTimeout        = 3 * time.Second
	MaxTimeout            = 900 * time.Second
	MinEphemeralStorageMB = 512
	MaxEphemeralStorageMB = 10240
	// MaxSyncPayloadBytes is the limit on a synchronous request and response
	// payload (6 MB).
	MaxSyncPayloadBytes = 6291456
)

// FunctionConfig is a function's configuration, as set by CreateFunction or
// a template's AWS::Serverless::Function properties. Zero values take
// Lambda's defaults (see Normalize).
type FunctionConfig struct {
	Name string
	// Handler is what Lambda exports as _HANDLER; for the Go (provided)
	// runtime it is conventionally "bootstrap".
	Handler  string
	MemoryMB int
	Timeout  time.Duration
	// Environment holds the function's own variables.
	Environment map[string]string
	// ReservedConcurrency, when non-nil, both reserves and caps the
	// function's concurrent executions; 0 throttles every invocation.
	ReservedConcurrency *int
	// Role is the execution role ARN the function's AWS calls run as.
	Role               string
	EphemeralStorageMB int
	Description        string
	LoggingLogGroup    string // defaults to /aws/lambda/<name>
}

var functionName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

// reservedEnv are the keys Lambda refuses in a function's own variables.
var reservedEnv = map[string]bool{
	"_HANDLER": true, "_X_AMZN_TRACE_ID": true, "AWS_DEFAULT_REGION": true, "AWS_REGION": true,
	"AWS_EXECUTION_ENV": true, "AWS_LAMBDA_FUNCTION_NAME": true, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": true,
	"AWS_LAMBDA_FUNCTION_VERSION": true, "AWS_LAMBDA_INITIALIZATION_TYPE": true, "AWS_LAMBDA_LOG_GROUP_NAME": true,
	"AWS_LAMBDA_LOG_STREAM_NAME": true, "AWS_ACCESS_KEY": true, "AWS_ACCESS_KEY_ID": true,
	"AWS_SECRET_ACCESS_KEY": true, "AWS_SESSION_TOKEN": true, "AWS_LAMBDA_RUNTIME_API": true,
	"LAMBDA_TASK_ROOT": true, "LAMBDA_RUNTIME_DIR": true,
}

// Normalize fills defaults and validates c against Lambda's limits. The
// messages follow Lambda's InvalidParameterValueException / validation
// errors so learners see what AWS would tell them.
func (c *FunctionConfig) Normalize() error {
	if !functionName.MatchString(c.Name) {
		return &InvalidParameterError{Message: fmt.Sprintf("1 validation error detected: Value '%s' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ and have length less than or equal to 64", c.Name)}
	}
	if c.Handler == "" {
		c.Handler = "bootstrap"
	}
	if c.MemoryMB == 0 {
		c.MemoryMB = DefaultMemoryMB
	}
	if c.MemoryMB < MinMemoryMB || c.MemoryMB > MaxMemoryMB {
		return &InvalidParameterError{Message: fmt.Sprintf("1 validation error detected: Value '%d' at 'memorySize' failed to satisfy constraint: Member must have value between %d and %d", c.MemoryMB, MinMemoryMB, MaxMemoryMB)}
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Timeout < time.Second || c.Timeout > MaxTimeout {
		return &InvalidParameterError{Message: fmt.Sprintf("1 validation error detected: Value '%g' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1 and less than or equal to 900", c.Timeout.Seconds())}
	}
	if c.EphemeralStorageMB == 0 {
		c.EphemeralStorageMB = MinEphemeralStorageMB
	}
	if c.EphemeralStorageMB < MinEphemeralStorageMB || c.EphemeralStorageMB > MaxEphemeralStorageMB {
		return &InvalidParameterError{Message: fmt.Sprintf("1 validation error detected: Value '%d' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value between %d and %d", c.EphemeralStorageMB, MinEphemeralStorageMB, MaxEphemeralStorageMB)}
	}
	if c.ReservedConcurrency != nil && *c.ReservedConcurrency < 0 {
		return &InvalidParameterError{Message: "1 validation error detected: Value at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0"}
	}
	var reserved []string
	for k := range c.Environment {
		if reservedEnv[k] {
			reserved = append(reserved, k)
		}
	}
	if len(reserved) > 0 {
		sort.Strings(reserved)
		return &InvalidParameterError{Message: "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: " + strings.Join(reserved, ",")}
	}
	if c.LoggingLogGroup == "" {
		c.LoggingLogGroup = "/aws/lambda/" + c.Name
	}
	return nil
}

// memoryPages is the wasm memory page cap (64 KiB pages) for memMB.
func memoryPages(memMB int) uint32 { return uint32(memMB) * 16 }
