package apigateway

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/learnsls/learnsls/sandbox/internal/jsonstr"
)

// Hand-written encoders for the integration events: every proxied request
// builds one, and encoding/json's reflection was the largest host-side cost
// of a request. Each writes exactly the bytes json.Marshal writes for the
// same value (field order, sorted map keys, HTML escaping, null for nil
// maps and pointers); TestEventJSONMatchesMarshal and FuzzEventJSON hold
// them to it.

// appendJSON appends json.Marshal(ev).
func (ev *eventV1) appendJSON(dst []byte) ([]byte, error) {
	dst = append(dst, `{"resource":`...)
	dst = appendJSONString(dst, ev.Resource)
	dst = append(dst, `,"path":`...)
	dst = appendJSONString(dst, ev.Path)
	dst = append(dst, `,"httpMethod":`...)
	dst = appendJSONString(dst, ev.HTTPMethod)
	dst = append(dst, `,"headers":`...)
	dst = appendStringMap(dst, ev.Headers)
	dst = append(dst, `,"multiValueHeaders":`...)
	dst = appendStringsMap(dst, ev.MultiValueHeaders)
	dst = append(dst, `,"queryStringParameters":`...)
	dst = appendStringMap(dst, ev.QueryStringParameters)
	dst = append(dst, `,"multiValueQueryStringParameters":`...)
	dst = appendStringsMap(dst, ev.MultiValueQueryStringParameters)
	dst = append(dst, `,"pathParameters":`...)
	dst = appendStringMap(dst, ev.PathParameters)
	dst = append(dst, `,"stageVariables":`...)
	dst = appendStringMap(dst, ev.StageVariables)

	rc := &ev.RequestContext
	dst = append(dst, `,"requestContext":{"resourceId":`...)
	dst = appendJSONString(dst, rc.ResourceID)
	dst = append(dst, `,"resourcePath":`...)
	dst = appendJSONString(dst, rc.ResourcePath)
	dst = append(dst, `,"httpMethod":`...)
	dst = appendJSONString(dst, rc.HTTPMethod)
	dst = append(dst, `,"extendedRequestId":`...)
	dst = appendJSONString(dst, rc.ExtendedRequestID)
	dst = append(dst, `,"requestTime":`...)
	dst = appendJSONString(dst, rc.RequestTime)
	dst = append(dst, `,"path":`...)
	dst = appendJSONString(dst, rc.Path)
	dst = append(dst, `,"accountId":`...)
	dst = appendJSONString(dst, rc.AccountID)
	dst = append(dst, `,"protocol":`...)
	dst = appendJSONString(dst, rc.Protocol)
	dst = append(dst, `,"stage":`...)
	dst = appendJSONString(dst, rc.Stage)
	dst = append(dst, `,"domainPrefix":`...)
	dst = appendJSONString(dst, rc.DomainPrefix)
	dst = append(dst, `,"requestTimeEpoch":`...)
	dst = strconv.AppendInt(dst, rc.RequestTimeEpoch, 10)
	dst = append(dst, `,"requestId":`...)
	dst = appendJSONString(dst, rc.RequestID)
	id := &rc.Identity
	dst = append(dst, `,"identity":{"cognitoIdentityPoolId":`...)
	dst = appendStringPtr(dst, id.CognitoIdentityPoolID)
	dst = append(dst, `,"accountId":`...)
	dst = appendStringPtr(dst, id.AccountID)
	dst = append(dst, `,"cognitoIdentityId":`...)
	dst = appendStringPtr(dst, id.CognitoIdentityID)
	dst = append(dst, `,"caller":`...)
	dst = appendStringPtr(dst, id.Caller)
	dst = append(dst, `,"sourceIp":`...)
	dst = appendJSONString(dst, id.SourceIP)
	dst = append(dst, `,"accessKey":`...)
	dst = appendStringPtr(dst, id.AccessKey)
	dst = append(dst, `,"cognitoAuthenticationType":`...)
	dst = appendStringPtr(dst, id.CognitoAuthenticationType)
	dst = append(dst, `,"cognitoAuthenticationProvider":`...)
	dst = appendStringPtr(dst, id.CognitoAuthenticationProvider)
	dst = append(dst, `,"userArn":`...)
	dst = appendStringPtr(dst, id.UserArn)
	dst = append(dst, `,"userAgent":`...)
	dst = appendJSONString(dst, id.UserAgent)
	dst = append(dst, `,"user":`...)
	dst = appendStringPtr(dst, id.User)
	dst = append(dst, `},"domainName":`...)
	dst = appendJSONString(dst, rc.DomainName)
	dst = append(dst, `,"apiId":`...)
	dst = appendJSONString(dst, rc.APIID)
	var err error
	if len(rc.Authorizer) > 0 {
		dst = append(dst, `,"authorizer":`...)
		if dst, err = appendMarshal(dst, rc.Authorizer); err != nil {
			return nil, err
		}
	}
	dst = append(dst, `},"body":`...)
	dst = appendStringPtr(dst, ev.Body)
	dst = append(dst, `,"isBase64Encoded":`...)
	dst = strconv.AppendBool(dst, ev.IsBase64Encoded)
	return append(dst, '}'), nil
}

// appendJSON appends json.Marshal(ev).
func (ev *eventV2) appendJSON(dst []byte) ([]byte, error) {
	dst = append(dst, `{"version":`...)
	dst = appendJSONString(dst, ev.Version)
	dst = append(dst, `,"routeKey":`...)
	dst = appendJSONString(dst, ev.RouteKey)
	dst = append(dst, `,"rawPath":`...)
	dst = appendJSONString(dst, ev.RawPath)
	dst = append(dst, `,"rawQueryString":`...)
	dst = appendJSONString(dst, ev.RawQueryString)
	if len(ev.Cookies) > 0 {
		dst = append(dst, `,"cookies":`...)
		dst = appendStrings(dst, ev.Cookies)
	}
	dst = append(dst, `,"headers":`...)
	dst = appendStringMap(dst, ev.Headers)
	if len(ev.QueryStringParameters) > 0 {
		dst = append(dst, `,"queryStringParameters":`...)
		dst = appendStringMap(dst, ev.QueryStringParameters)
	}
	if len(ev.PathParameters) > 0 {
		dst = append(dst, `,"pathParameters":`...)
		dst = appendStringMap(dst, ev.PathParameters)
	}
	if len(ev.StageVariables) > 0 {
		dst = append(dst, `,"stageVariables":`...)
		dst = appendStringMap(dst, ev.StageVariables)
	}
	rc := &ev.RequestContext
	dst = append(dst, `,"requestContext":{"accountId":`...)
	dst = appendJSONString(dst, rc.AccountID)
	dst = append(dst, `,"apiId":`...)
	dst = appendJSONString(dst, rc.APIID)
	var err error
	if len(rc.Authorizer) > 0 {
		dst = append(dst, `,"authorizer":`...)
		if dst, err = appendMarshal(dst, rc.Authorizer); err != nil {
			return nil, err
		}
	}
	dst = append(dst, `,"domainName":`...)
	dst = appendJSONString(dst, rc.DomainName)
	dst = append(dst, `,"domainPrefix":`...)
	dst = appendJSONString(dst, rc.DomainPrefix)
	dst = append(dst, `,"http":{"method":`...)
	dst = appendJSONString(dst, rc.HTTP.Method)
	dst = append(dst, `,"path":`...)
	dst = appendJSONString(dst, rc.HTTP.Path)
	dst = append(dst, `,"protocol":`...)
	dst = appendJSONString(dst, rc.HTTP.Protocol)
	dst = append(dst, `,"sourceIp":`...)
	dst = appendJSONString(dst, rc.HTTP.SourceIP)
	dst = append(dst, `,"userAgent":`...)
	dst = appendJSONString(dst, rc.HTTP.UserAgent)
	dst = append(dst, `},"requestId":`...)
	dst = appendJSONString(dst, rc.RequestID)
	dst = append(dst, `,"routeKey":`...)
	dst = appendJSONString(dst, rc.RouteKey)
	dst = append(dst, `,"stage":`...)
	dst = appendJSONString(dst, rc.Stage)
	dst = append(dst, `,"time":`...)
	dst = appendJSONString(dst, rc.Time)
	dst = append(dst, `,"timeEpoch":`...)
	dst = strconv.AppendInt(dst, rc.TimeEpoch, 10)
	dst = append(dst, '}')
	if ev.Body != "" {
		dst = append(dst, `,"body":`...)
		dst = appendJSONString(dst, ev.Body)
	}
	dst = append(dst, `,"isBase64Encoded":`...)
	dst = strconv.AppendBool(dst, ev.IsBase64Encoded)
	return append(dst, '}'), nil
}

// appendMarshal appends json.Marshal(v): authorizer contexts are free-form
// and rare enough to leave to encoding/json.
func appendMarshal(dst []byte, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(dst, b...), nil
}

func appendStringPtr(dst []byte, s *string) []byte {
	if s == nil {
		return append(dst, "null"...)
	}
	return appendJSONString(dst, *s)
}

func appendStrings(dst []byte, ss []string) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// sortedKeys returns m's keys in the order encoding/json writes them.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func appendStringMap(dst []byte, m map[string]string) []byte {
	if m == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		dst = appendJSONString(dst, m[k])
	}
	return append(dst, '}')
}

func appendStringsMap(dst []byte, m map[string][]string) []byte {
	if m == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		dst = appendStrings(dst, m[k])
	}
	return append(dst, '}')
}

// appendJSONString appends s quoted as json.Marshal quotes it.
func appendJSONString(dst []byte, s string) []byte { return jsonstr.Append(dst, s, true) }
