package apigateway

import (
	"context"
	"errors"
)

// ErrIntegrationTimeout may be returned by an Invoker whose function ran past
// the integration timeout; the gateway answers 504 (REST) or 503 (HTTP) as AWS does.
var ErrIntegrationTimeout = errors.New("apigateway: integration timed out")

// gatewayError is one of API Gateway's own responses ("gateway responses").
type gatewayError struct {
	status    int
	body      string
	errorType string // x-amzn-ErrorType, REST only
}

// The bodies below are AWS's, including their inconsistent spacing and the
// capital M of the authorizer denials.
var (
	restMissingToken = gatewayError{403, `{"message":"Missing Authentication Token"}`, "MissingAuthenticationTokenException"}
	restUnauthorized = gatewayError{401, `{"message":"Unauthorized"}`, "UnauthorizedException"}
	restExplicitDeny = gatewayError{403, `{"Message":"User is not authorized to access this resource with an explicit deny in an identity-based policy"}`, "AccessDeniedException"}
	restImplicitDeny = gatewayError{403, `{"Message":"User is not authorized to access this resource"}`, "AccessDeniedException"}
	restAuthConfig   = gatewayError{500, `{"message": null}`, "AuthorizerConfigurationException"}
	restBadResponse  = gatewayError{502, `{"message": "Internal server error"}`, ""}
	restInvokeFailed = gatewayError{500, `{"message": "Internal server error"}`, ""}
	restTimeout      = gatewayError{504, `{"message": "Endpoint request timed out"}`, ""}
	restThrottled    = gatewayError{429, `{"message":"Too Many Requests"}`, ""}

	httpNotFound     = gatewayError{404, `{"message":"Not Found"}`, ""}
	httpUnauthorized = gatewayError{401, `{"message":"Unauthorized"}`, ""}
	httpForbidden    = gatewayError{403, `{"message":"Forbidden"}`, ""}
	httpServerError  = gatewayError{500, `{"message":"Internal Server Error"}`, ""}
	httpTimeout      = gatewayError{503, `{"message":"Service Unavailable"}`, ""}
	httpThrottled    = gatewayError{429, `{"message":"Too Many Requests"}`, ""}
)

func isTimeout(err error) bool {
	return errors.Is(err, ErrIntegrationTimeout) || errors.Is(err, context.DeadlineExceeded)
}
