package apigateway

import "time"

// Kind says which flavour of API Gateway an API is.
type Kind string

const (
	// REST is an API Gateway REST API (v1); Lambda proxy events use payload 1.0.
	REST Kind = "REST"
	// HTTP is an API Gateway HTTP API (v2); payload 2.0 by default.
	HTTP Kind = "HTTP"
)

// Config describes one deployed API at one stage: what sandbox/sam extracts
// from a template and what New turns into a handler.
type Config struct {
	Kind      Kind
	APIID     string // e.g. "a1b2c3d4e5"
	Name      string
	Stage     string // "Prod", "$default", …
	Region    string
	AccountID string

	StageVariables map[string]string
	Routes         []Route
	Authorizers    map[string]Authorizer // by name, as routes refer to them
	CORS           *CORS                 // HTTP APIs: preflight and response headers by the gateway
	Throttle       *Throttle             // stage default; nil = account default (10,000 rps, 5,000 burst)
	// RouteThrottle overrides Throttle per route key ("GET /users/{id}"; for
	// REST "GET /users/{id}" as in MethodSettings' resource path and method).
	RouteThrottle    map[string]Throttle
	BinaryMediaTypes []string // REST: content types treated as binary ("image/png", "*/*")
	// IntegrationTimeout defaults to 29 s for REST and 30 s for HTTP APIs.
	IntegrationTimeout time.Duration
}

// Route is one method on one resource path (REST) or one route key (HTTP).
type Route struct {
	Method string // GET, POST, …, or ANY
	Path   string // "/users/{id}", "/{proxy+}", or "$default" for HTTP APIs
	// FunctionARN is the Lambda proxy integration's target.
	FunctionARN string
	// PayloadVersion is "1.0" or "2.0"; empty means the API's default
	// (REST 1.0, HTTP 2.0).
	PayloadVersion string
	Timeout        time.Duration // 0 = the API's IntegrationTimeout
	Authorizer     string        // name in Config.Authorizers; "" = none
	Scopes         []string      // JWT authorizer: any one of these scopes is required
	// Mock answers without calling a function (SAM's CORS OPTIONS methods).
	Mock *MockResponse
}

// MockResponse is a REST mock integration's fixed answer.
type MockResponse struct {
	StatusCode int
	Headers    map[string]string
	Body       string
}

// AuthorizerType says how an authorizer decides.
type AuthorizerType string

// Authorizer types.
const (
	TokenAuthorizer   AuthorizerType = "TOKEN"   // REST Lambda authorizer on one header
	RequestAuthorizer AuthorizerType = "REQUEST" // Lambda authorizer on several identity sources
	JWTAuthorizer     AuthorizerType = "JWT"     // HTTP API JWT authorizer
)

// Authorizer is a Lambda or JWT authorizer.
type Authorizer struct {
	Name string
	Type AuthorizerType
	// FunctionARN is the Lambda authorizer's function.
	FunctionARN string
	// IdentitySource lists where identity comes from, in AWS's own syntax:
	// "method.request.header.Authorization" (REST) or
	// "$request.header.Authorization" (HTTP). For TOKEN authorizers, the one
	// header. An empty list for a REQUEST authorizer disables caching.
	IdentitySource []string
	// TTL is how long a result is cached per identity; 0 disables caching.
	TTL time.Duration
	// ValidationExpression is a TOKEN authorizer's regular expression; a
	// token that does not match is refused with 401 without calling the function.
	ValidationExpression string
	// PayloadVersion is an HTTP API Lambda authorizer's format, "1.0" or "2.0".
	PayloadVersion string
	// SimpleResponses lets an HTTP API Lambda authorizer (2.0) answer
	// {"isAuthorized": true, "context": {…}} instead of an IAM policy.
	SimpleResponses bool
	// JWT authorizers.
	Issuer   string
	Audience []string
}

// CORS is an HTTP API's CorsConfiguration.
type CORS struct {
	AllowOrigins     []string
	AllowMethods     []string
	AllowHeaders     []string
	ExposeHeaders    []string
	MaxAge           int
	AllowCredentials bool
}

// Throttle is a token bucket: Rate requests per second refill it, Burst is
// its size.
type Throttle struct {
	Rate  float64
	Burst int
}
