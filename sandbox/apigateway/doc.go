// Package apigateway simulates Amazon API Gateway in front of Lambda: REST
// APIs (Lambda proxy payload 1.0) and HTTP APIs (payload 2.0 by default).
//
// A Gateway serves one API at one stage, as an http.Handler and through the
// in-process Serve method. It routes requests with each flavour's rules,
// runs Lambda and JWT authorizers (with result caching), throttles with token
// buckets on an injected clock, builds the exact event each payload version
// specifies, calls the function through an Invoker, and maps the answer —
// or the failure — to the HTTP response AWS would send, byte for byte where
// AWS's bodies are known.
//
// The package knows nothing of sandbox/lambda or IAM: the Stack implements
// Invoker with both (the function's resource policy must allow
// apigateway.amazonaws.com for the route's source ARN).
package apigateway
