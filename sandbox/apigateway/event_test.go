package apigateway

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// dataMaps are objects whose keys are data (header names, parameters), not
// fields of the event format.
var dataMaps = map[string]bool{
	"headers": true, "multiValueHeaders": true, "queryStringParameters": true, "multiValueQueryStringParameters": true,
	"pathParameters": true, "stageVariables": true, "requestContext.authorizer": true, "requestContext.authorizer.lambda": true,
	"requestContext.authorizer.jwt.claims": true,
}

// notModelled are sample fields for features learnsls does not simulate:
// mutual TLS client certificates and API keys.
var notModelled = map[string]bool{
	"requestContext.identity.clientCert": true, "requestContext.identity.apiKey": true, "requestContext.identity.apiKeyId": true,
	"requestContext.authentication": true,
}

func fieldPaths(prefix string, v any, out map[string]bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	for k, e := range m {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		out[p] = true
		if dataMaps[p] || notModelled[p] {
			continue
		}
		fieldPaths(p, e, out)
	}
}

// prune drops nulls, empty strings/maps/lists and false, so a struct with
// omitempty tags compares equal to the wire JSON it came from.
func prune(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if p := prune(e); p != nil {
				out[k] = p
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(x) == 0 {
			return nil
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = prune(e)
		}
		return out
	case string:
		if x == "" {
			return nil
		}
	case bool:
		if !x {
			return nil
		}
	case float64:
		if x == 0 {
			return nil
		}
	case nil:
		return nil
	}
	return v
}

// roundTrip decodes ev strictly into the aws-lambda-go type T and proves no
// field is unknown to it and none is lost on the way back.
func roundTrip[T any](t *testing.T, ev []byte) {
	t.Helper()
	var typed T
	dec := json.NewDecoder(bytes.NewReader(ev))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&typed); err != nil {
		t.Fatalf("event does not decode into %T: %v\n%s", typed, err, ev)
	}
	back, err := json.Marshal(typed)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	_ = json.Unmarshal(ev, &a)
	_ = json.Unmarshal(back, &b)
	if !reflect.DeepEqual(prune(a), prune(b)) {
		t.Errorf("fields lost through %T:\nours: %s\nback: %s", typed, ev, back)
	}
}

// coversSample checks that every field of AWS's sample appears in ours.
func coversSample(t *testing.T, ev []byte, sample string) {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + sample)
	if err != nil {
		t.Fatal(err)
	}
	var s, o any
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal(ev, &o)
	want, got := map[string]bool{}, map[string]bool{}
	fieldPaths("", s, want)
	fieldPaths("", o, got)
	var missing []string
	for p := range want {
		if !got[p] && !notModelled[p] {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("fields of %s missing from our event: %v\nours: %s", sample, missing, ev)
	}
}

func tokenAuthorizer(ctx map[string]any) func(context.Context, []byte) ([]byte, string, error) {
	return func(_ context.Context, ev []byte) ([]byte, string, error) {
		var in struct {
			AuthorizationToken string `json:"authorizationToken"`
			MethodArn          string `json:"methodArn"`
		}
		_ = json.Unmarshal(ev, &in)
		effect := "Allow"
		if in.AuthorizationToken == "deny" {
			effect = "Deny"
		}
		b, _ := json.Marshal(map[string]any{
			"principalId": "user-" + in.AuthorizationToken,
			"policyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{
				map[string]any{"Action": "execute-api:Invoke", "Effect": effect, "Resource": in.MethodArn},
			}},
			"context": ctx,
		})
		return b, "", nil
	}
}

func TestEventV1MatchesAWS(t *testing.T) {
	for _, withAuth := range []bool{false, true} {
		name := "no authorizer"
		if withAuth {
			name = "token authorizer"
		}
		t.Run(name, func(t *testing.T) {
			f := newFake()
			f.fns[fnA] = echo(200)
			f.fns[fnAuth] = tokenAuthorizer(map[string]any{"clientId": 1, "clientName": "Exata"})
			cfg := Config{Kind: REST, Stage: "testStage", StageVariables: map[string]string{"stageVariableName": "stageVariableValue"},
				Routes:      []Route{{Method: "POST", Path: "/{proxy+}", FunctionARN: fnA}},
				Authorizers: map[string]Authorizer{"Tok": {Name: "Tok", Type: TokenAuthorizer, FunctionARN: fnAuth, IdentitySource: []string{"method.request.header.Authorization"}}}}
			if withAuth {
				cfg.Routes[0].Authorizer = "Tok"
			}
			g := newGateway(t, cfg, f, nil)
			h := http.Header{"Accept": {"*/*"}, "Content-Type": {"application/json"}, "Headername": {"headerValue"}, "User-Agent": {"PostmanRuntime/2.4.5"}, "Authorization": {"allow"}}
			resp := g.Serve(context.Background(), &Request{Method: "POST", Path: "/testStage/hello/world", RawQuery: "name=me", Header: h, Body: []byte("{\r\n\t\"a\": 1\r\n}"), SourceIP: "192.168.196.186"})
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, resp.Body)
			}
			ev := f.last[fnA]
			roundTrip[events.APIGatewayProxyRequest](t, ev)
			if withAuth {
				coversSample(t, ev, "sample-v1-request.json")
			}
			var got events.APIGatewayProxyRequest
			_ = json.Unmarshal(ev, &got)
			checks := []struct{ field, got, want string }{
				{"resource", got.Resource, "/{proxy+}"},
				{"path", got.Path, "/hello/world"},
				{"httpMethod", got.HTTPMethod, "POST"},
				{"pathParameters.proxy", got.PathParameters["proxy"], "hello/world"},
				{"queryStringParameters.name", got.QueryStringParameters["name"], "me"},
				{"requestContext.path", got.RequestContext.Path, "/testStage/hello/world"},
				{"requestContext.stage", got.RequestContext.Stage, "testStage"},
				{"requestContext.identity.sourceIp", got.RequestContext.Identity.SourceIP, "192.168.196.186"},
				{"requestContext.identity.userAgent", got.RequestContext.Identity.UserAgent, "PostmanRuntime/2.4.5"},
				{"requestContext.domainName", got.RequestContext.DomainName, "abcdef1234.execute-api.us-east-1.amazonaws.com"},
				{"requestContext.requestTime", got.RequestContext.RequestTime, "12/Mar/2026:19:03:58 +0000"},
				{"requestContext.requestId", got.RequestContext.RequestID, "c6af9ac6-7b61-11e6-9a41-93e8deadbe01"},
				{"headers.Host", got.Headers["Host"], "abcdef1234.execute-api.us-east-1.amazonaws.com"},
				{"headers.X-Forwarded-Proto", got.Headers["X-Forwarded-Proto"], "https"},
				{"body", got.Body, "{\r\n\t\"a\": 1\r\n}"},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			if got.RequestContext.RequestTimeEpoch != 1773342238390 {
				t.Errorf("requestTimeEpoch = %d", got.RequestContext.RequestTimeEpoch)
			}
			if withAuth {
				if got.RequestContext.Authorizer["principalId"] != "user-allow" || got.RequestContext.Authorizer["clientName"] != "Exata" || got.RequestContext.Authorizer["clientId"] != float64(1) {
					t.Errorf("authorizer context = %v", got.RequestContext.Authorizer)
				}
			} else if got.RequestContext.Authorizer != nil {
				t.Errorf("authorizer present without an authorizer: %v", got.RequestContext.Authorizer)
			}
		})
	}
}

func TestEventV1NullsWhenEmpty(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	g := newGateway(t, Config{Kind: REST, Stage: "Prod", Routes: []Route{{Method: "GET", Path: "/", FunctionARN: fnA}}}, f, nil)
	if r := get(g, "GET", "/Prod/"); r.StatusCode != 200 {
		t.Fatalf("status %d %s", r.StatusCode, r.Body)
	}
	var m map[string]json.RawMessage
	_ = json.Unmarshal(f.last[fnA], &m)
	for _, k := range []string{"queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables", "body"} {
		if string(m[k]) != "null" {
			t.Errorf("%s = %s, want null as AWS sends", k, m[k])
		}
	}
	if string(m["isBase64Encoded"]) != "false" {
		t.Errorf("isBase64Encoded = %s", m["isBase64Encoded"])
	}
}

func TestEventV2MatchesAWS(t *testing.T) {
	cases := []struct {
		name, sample string
		auth         string
	}{
		{"no authorizer", "sample-v2-request.json", ""},
		{"lambda authorizer", "sample-v2-request-lambda-authorizer.json", "Lam"},
		{"jwt authorizer", "sample-v2-request-jwt-authorizer.json", "Jwt"},
	}
	key, jwks := testKey(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			f.fns[fnA] = fixed(`{"ok":true}`)
			f.fns[fnAuth] = fixed(`{"isAuthorized":true,"context":{"key":"value"}}`)
			cfg := Config{Kind: HTTP, StageVariables: map[string]string{"stageVariable1": "value1"},
				Routes: []Route{{Method: "ANY", Path: "/my/{proxy+}", FunctionARN: fnA, Authorizer: tc.auth}},
				Authorizers: map[string]Authorizer{
					"Lam": {Name: "Lam", Type: RequestAuthorizer, FunctionARN: fnAuth, PayloadVersion: "2.0", SimpleResponses: true, IdentitySource: []string{"$request.header.Authorization"}},
					"Jwt": {Name: "Jwt", Type: JWTAuthorizer, Issuer: "https://issuer.example", Audience: []string{"aud1"}, IdentitySource: []string{"$request.header.Authorization"}},
				}}
			clk := newClock()
			g, err := New(withIDs(cfg), Options{Invoker: f, Now: clk.Now, JWKS: func(string) ([]byte, error) { return jwks, nil }})
			if err != nil {
				t.Fatal(err)
			}
			tok := signJWT(t, key, map[string]any{"iss": "https://issuer.example", "aud": "aud1", "exp": clk.Now().Unix() + 60, "sub": "u1", "scope": "scope1 scope2"})
			h := http.Header{"Header1": {"value1"}, "Cookie": {"cookie1; cookie2"}, "User-Agent": {"agent"}, "Authorization": {"Bearer " + tok}}
			resp := g.Serve(context.Background(), &Request{Method: "GET", Path: "/my/path", RawQuery: "parameter1=value1&parameter1=value2&parameter2=value", Header: h, Body: []byte("{\"a\": 1}"), SourceIP: "1.2.3.4"})
			if resp.StatusCode != 200 || string(resp.Body) != `{"ok":true}` {
				t.Fatalf("status %d body %s", resp.StatusCode, resp.Body)
			}
			ev := f.last[fnA]
			roundTrip[events.APIGatewayV2HTTPRequest](t, ev)
			coversSample(t, ev, tc.sample)
			var got events.APIGatewayV2HTTPRequest
			_ = json.Unmarshal(ev, &got)
			checks := []struct{ field, got, want string }{
				{"version", got.Version, "2.0"},
				{"routeKey", got.RouteKey, "ANY /my/{proxy+}"},
				{"requestContext.routeKey", got.RequestContext.RouteKey, "ANY /my/{proxy+}"},
				{"pathParameters.proxy", got.PathParameters["proxy"], "path"},
				{"rawPath", got.RawPath, "/my/path"},
				{"rawQueryString", got.RawQueryString, "parameter1=value1&parameter1=value2&parameter2=value"},
				{"queryStringParameters.parameter1", got.QueryStringParameters["parameter1"], "value1,value2"},
				{"cookies", strings.Join(got.Cookies, "|"), "cookie1|cookie2"},
				{"headers.header1", got.Headers["header1"], "value1"},
				{"headers.cookie (moved to cookies)", got.Headers["cookie"], ""},
				{"headers.content-length", got.Headers["content-length"], "8"},
				{"requestContext.http.sourceIp", got.RequestContext.HTTP.SourceIP, "1.2.3.4"},
				{"requestContext.http.method", got.RequestContext.HTTP.Method, "GET"},
				{"requestContext.time", got.RequestContext.Time, "12/Mar/2026:19:03:58 +0000"},
				{"requestContext.stage", got.RequestContext.Stage, "$default"},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			switch tc.auth {
			case "Lam":
				if got.RequestContext.Authorizer == nil || got.RequestContext.Authorizer.Lambda["key"] != "value" {
					t.Errorf("lambda authorizer context = %+v", got.RequestContext.Authorizer)
				}
			case "Jwt":
				a := got.RequestContext.Authorizer
				if a == nil || a.JWT.Claims["sub"] != "u1" || strings.Join(a.JWT.Scopes, " ") != "scope1 scope2" {
					t.Errorf("jwt authorizer context = %+v", a)
				}
			}
		})
	}
}

func withIDs(c Config) Config {
	c.APIID, c.Region, c.AccountID = "abcdef1234", region, account
	return c
}

func TestAuthorizerEventsMatchAWS(t *testing.T) {
	t.Run("TOKEN", func(t *testing.T) {
		f := newFake()
		f.fns[fnA] = echo(200)
		f.fns[fnAuth] = tokenAuthorizer(nil)
		g := newGateway(t, Config{Kind: REST, Stage: "test", Routes: []Route{{Method: "GET", Path: "/request", FunctionARN: fnA, Authorizer: "T"}},
			Authorizers: map[string]Authorizer{"T": {Name: "T", Type: TokenAuthorizer, FunctionARN: fnAuth, IdentitySource: []string{"method.request.header.Authorization"}}}}, f, nil)
		get(g, "GET", "/test/request", "Authorization", "allow")
		roundTrip[events.APIGatewayCustomAuthorizerRequest](t, f.last[fnAuth])
		coversSample(t, f.last[fnAuth], "sample-token-authorizer-request.json")
	})
	t.Run("REQUEST", func(t *testing.T) {
		f := newFake()
		f.fns[fnA] = echo(200)
		f.fns[fnAuth] = tokenAuthorizer(nil)
		g := newGateway(t, Config{Kind: REST, Stage: "test", StageVariables: map[string]string{"StageVar1": "stageValue1"},
			Routes: []Route{{Method: "GET", Path: "/request", FunctionARN: fnA, Authorizer: "R"}},
			Authorizers: map[string]Authorizer{"R": {Name: "R", Type: RequestAuthorizer, FunctionARN: fnAuth,
				IdentitySource: []string{"method.request.header.HeaderAuth1", "method.request.querystring.QueryString1"}}}}, f, nil)
		if r := get(g, "GET", "/test/request?QueryString1=queryValue1", "HeaderAuth1", "headerValue1"); r.StatusCode != 200 {
			t.Fatalf("status %d %s", r.StatusCode, r.Body)
		}
		roundTrip[events.APIGatewayCustomAuthorizerRequestTypeRequest](t, f.last[fnAuth])
		coversSample(t, f.last[fnAuth], "sample-request-authorizer-request.json")
	})
}

func TestHTTPAuthorizerEventsMatchAWS(t *testing.T) {
	for _, c := range []struct {
		version, sample string
		decode          func(*testing.T, []byte)
	}{
		{"1.0", "sample-http-authorizer-v1-request.json", func(t *testing.T, ev []byte) { roundTrip[events.APIGatewayV2CustomAuthorizerV1Request](t, ev) }},
		{"2.0", "sample-http-authorizer-v2-request.json", func(t *testing.T, ev []byte) { roundTrip[events.APIGatewayV2CustomAuthorizerV2Request](t, ev) }},
	} {
		t.Run(c.version, func(t *testing.T) {
			f := newFake()
			f.fns[fnA] = fixed(`{"statusCode":200}`)
			f.fns[fnAuth] = fixed(`{"principalId":"p","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]},"context":{"k":"v"}}`)
			g := newGateway(t, Config{Kind: HTTP, Stage: "test", StageVariables: map[string]string{"StageVar1": "stageValue1"},
				Routes: []Route{{Method: "GET", Path: "/request/{id}", FunctionARN: fnA, Authorizer: "L"}},
				Authorizers: map[string]Authorizer{"L": {Name: "L", Type: RequestAuthorizer, FunctionARN: fnAuth, PayloadVersion: c.version,
					IdentitySource: []string{"$request.header.HeaderAuth1", "$request.querystring.QueryString1"}}}}, f, nil)
			r := get(g, "GET", "/test/request/7?QueryString1=queryValue1", "HeaderAuth1", "headerValue1", "Cookie", "c1=1")
			if r.StatusCode != 200 {
				t.Fatalf("status %d %s", r.StatusCode, r.Body)
			}
			c.decode(t, f.last[fnAuth])
			coversSample(t, f.last[fnAuth], c.sample)
		})
	}
}
