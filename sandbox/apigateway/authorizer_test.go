package apigateway

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func restWithAuth(a Authorizer, routes ...Route) Config {
	return Config{Kind: REST, Stage: "Prod", Routes: routes, Authorizers: map[string]Authorizer{a.Name: a}}
}

func TestTokenAuthorizer(t *testing.T) {
	tok := Authorizer{Name: "Tok", Type: TokenAuthorizer, FunctionARN: fnAuth, IdentitySource: []string{"method.request.header.Authorization"},
		ValidationExpression: "(allow|deny|boom|unauth|other).*"}
	cases := []struct {
		name   string
		token  string
		status int
		body   string
		calls  int // authorizer invocations
	}{
		{"allow", "allow", 200, "", 1},
		{"explicit deny", "deny", 403, `{"Message":"User is not authorized to access this resource with an explicit deny in an identity-based policy"}`, 1},
		{"missing token", "", 401, `{"message":"Unauthorized"}`, 0},
		{"fails validation expression", "zzz", 401, `{"message":"Unauthorized"}`, 0},
		{"authorizer says Unauthorized", "unauth", 401, `{"message":"Unauthorized"}`, 1},
		{"authorizer crashes", "boom", 500, `{"message": null}`, 1},
		{"policy for another resource", "other", 403, `{"Message":"User is not authorized to access this resource"}`, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake()
			f.fns[fnA] = echo(200)
			f.fns[fnAuth] = func(ctx context.Context, ev []byte) ([]byte, string, error) {
				var in struct {
					AuthorizationToken string `json:"authorizationToken"`
				}
				_ = json.Unmarshal(ev, &in)
				switch in.AuthorizationToken {
				case "unauth":
					return []byte(`{"errorMessage":"Unauthorized","errorType":"errorString"}`), "errorString", nil
				case "boom":
					return []byte(`{"errorMessage":"nil pointer","errorType":"runtime.Error"}`), "runtime.Error", nil
				case "other":
					return []byte(`{"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/Prod/GET/elsewhere"}]}}`), "", nil
				}
				return tokenAuthorizer(map[string]any{"role": "admin"})(ctx, ev)
			}
			g := newGateway(t, restWithAuth(tok, Route{Method: "GET", Path: "/x", FunctionARN: fnA, Authorizer: "Tok"}), f, nil)
			hdr := []string{}
			if c.token != "" {
				hdr = []string{"Authorization", c.token}
			}
			r := get(g, "GET", "/Prod/x", hdr...)
			if r.StatusCode != c.status {
				t.Fatalf("status %d (%s), want %d", r.StatusCode, r.Body, c.status)
			}
			if c.body != "" && string(r.Body) != c.body {
				t.Errorf("body %s, want %s", r.Body, c.body)
			}
			if f.count(fnAuth) != c.calls {
				t.Errorf("authorizer ran %d times, want %d", f.count(fnAuth), c.calls)
			}
			wantFn := 0
			if c.status == 200 {
				wantFn = 1
				var ev struct {
					RequestContext struct {
						Authorizer map[string]any `json:"authorizer"`
					} `json:"requestContext"`
				}
				_ = json.Unmarshal(f.last[fnA], &ev)
				if ev.RequestContext.Authorizer["role"] != "admin" || ev.RequestContext.Authorizer["principalId"] != "user-allow" {
					t.Errorf("context passed to integration = %v", ev.RequestContext.Authorizer)
				}
			}
			if f.count(fnA) != wantFn {
				t.Errorf("integration ran %d times, want %d", f.count(fnA), wantFn)
			}
		})
	}
}

// TestAuthorizerCaching shows the cache by identity for the TTL, and the
// classic gotcha: a cached policy naming one method ARN refuses another.
func TestAuthorizerCaching(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	f.fns[fnAuth] = tokenAuthorizer(nil) // allows exactly the methodArn it was called for
	clk := newClock()
	tok := Authorizer{Name: "Tok", Type: TokenAuthorizer, FunctionARN: fnAuth, IdentitySource: []string{"method.request.header.Authorization"}, TTL: 300 * time.Second}
	g := newGateway(t, restWithAuth(tok, Route{Method: "GET", Path: "/{proxy+}", FunctionARN: fnA, Authorizer: "Tok"}), f, clk)
	steps := []struct {
		advance   time.Duration
		token     string
		path      string
		status    int
		authCalls int
	}{
		{0, "alice", "/Prod/a", 200, 1},
		{time.Minute, "alice", "/Prod/a", 200, 1},     // cached
		{0, "bob", "/Prod/a", 200, 2},                 // other identity, other entry
		{0, "alice", "/Prod/b", 403, 2},               // cached policy only names /a
		{5 * time.Minute, "alice", "/Prod/b", 200, 3}, // TTL over: asked again
	}
	for i, s := range steps {
		clk.Advance(s.advance)
		r := get(g, "GET", s.path, "Authorization", s.token)
		if r.StatusCode != s.status || f.count(fnAuth) != s.authCalls {
			t.Errorf("step %d: status %d (want %d), authorizer calls %d (want %d)", i, r.StatusCode, s.status, f.count(fnAuth), s.authCalls)
		}
	}
}

func TestRequestAuthorizerIdentitySources(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	f.fns[fnAuth] = func(_ context.Context, ev []byte) ([]byte, string, error) {
		return []byte(`{"principalId":"p","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:*","Effect":"Allow","Resource":"arn:aws:execute-api:*:*:abcdef1234/*/GET/*"}]},"context":{"tenant":"t1"}}`), "", nil
	}
	clk := newClock()
	a := Authorizer{Name: "Req", Type: RequestAuthorizer, FunctionARN: fnAuth, TTL: time.Minute,
		IdentitySource: []string{"method.request.header.X-Key", "method.request.querystring.tenant"}}
	g := newGateway(t, restWithAuth(a, Route{Method: "GET", Path: "/x", FunctionARN: fnA, Authorizer: "Req"}), f, clk)
	cases := []struct {
		path, key string
		status    int
		calls     int
	}{
		{"/Prod/x?tenant=t1", "k", 200, 1},
		{"/Prod/x?tenant=t1", "k", 200, 1}, // cached on both values
		{"/Prod/x?tenant=t2", "k", 200, 2}, // one value differs
		{"/Prod/x", "k", 401, 2},           // a source missing: refused before the function
		{"/Prod/x?tenant=t1", "", 401, 2},
	}
	for i, c := range cases {
		hdr := []string{}
		if c.key != "" {
			hdr = []string{"X-Key", c.key}
		}
		r := get(g, "GET", c.path, hdr...)
		if r.StatusCode != c.status || f.count(fnAuth) != c.calls {
			t.Errorf("case %d: %d (want %d), calls %d (want %d)", i, r.StatusCode, c.status, f.count(fnAuth), c.calls)
		}
	}
}

func TestHTTPLambdaAuthorizerSimpleResponses(t *testing.T) {
	f := newFake()
	f.fns[fnA] = fixed(`{"statusCode":200,"body":"in"}`)
	f.fns[fnAuth] = func(_ context.Context, ev []byte) ([]byte, string, error) {
		var in struct {
			Version        string   `json:"version"`
			IdentitySource []string `json:"identitySource"`
			RouteArn       string   `json:"routeArn"`
		}
		_ = json.Unmarshal(ev, &in)
		ok := in.Version == "2.0" && len(in.IdentitySource) == 1 && in.IdentitySource[0] == "secret" && strings.HasSuffix(in.RouteArn, "/$default/GET/x")
		b, _ := json.Marshal(map[string]any{"isAuthorized": ok, "context": map[string]any{"user": "u1"}})
		return b, "", nil
	}
	clk := newClock()
	g := newGateway(t, Config{Kind: HTTP, Routes: []Route{{Method: "GET", Path: "/x", FunctionARN: fnA, Authorizer: "L"}},
		Authorizers: map[string]Authorizer{"L": {Name: "L", Type: RequestAuthorizer, FunctionARN: fnAuth, PayloadVersion: "2.0", SimpleResponses: true,
			IdentitySource: []string{"$request.header.Authorization"}, TTL: 10 * time.Second}}}, f, clk)
	cases := []struct {
		advance time.Duration
		token   string
		status  int
		body    string
		calls   int
	}{
		{0, "secret", 200, "in", 1},
		{0, "wrong", 403, `{"message":"Forbidden"}`, 2},
		{0, "", 401, `{"message":"Unauthorized"}`, 2},
		{5 * time.Second, "secret", 200, "in", 2},
		{6 * time.Second, "secret", 200, "in", 3},
	}
	for i, c := range cases {
		clk.Advance(c.advance)
		hdr := []string{}
		if c.token != "" {
			hdr = []string{"Authorization", c.token}
		}
		r := get(g, "GET", "/x", hdr...)
		if r.StatusCode != c.status || string(r.Body) != c.body || f.count(fnAuth) != c.calls {
			t.Errorf("case %d: %d %s calls %d; want %d %s calls %d", i, r.StatusCode, r.Body, f.count(fnAuth), c.status, c.body, c.calls)
		}
	}
}

func TestJWTAuthorizer(t *testing.T) {
	key, jwks := testKey(t)
	other, _ := testKey(t)
	clk := newClock()
	now := clk.Now().Unix()
	const iss = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc"
	claims := func(mod func(map[string]any)) map[string]any {
		c := map[string]any{"iss": iss, "aud": "app-client", "exp": now + 3600, "sub": "u1", "scope": "read write"}
		if mod != nil {
			mod(c)
		}
		return c
	}
	cases := []struct {
		name   string
		header string
		scopes []string
		status int
	}{
		{"valid", "Bearer " + signJWT(t, key, claims(nil)), nil, 200},
		{"valid without Bearer", signJWT(t, key, claims(nil)), nil, 200},
		{"scope present", "Bearer " + signJWT(t, key, claims(nil)), []string{"admin", "write"}, 200},
		{"scope missing", "Bearer " + signJWT(t, key, claims(nil)), []string{"admin"}, 403},
		{"expired", "Bearer " + signJWT(t, key, claims(func(c map[string]any) { c["exp"] = now - 1 })), nil, 401},
		{"not yet valid", "Bearer " + signJWT(t, key, claims(func(c map[string]any) { c["nbf"] = now + 60 })), nil, 401},
		{"wrong issuer", "Bearer " + signJWT(t, key, claims(func(c map[string]any) { c["iss"] = "https://evil" })), nil, 401},
		{"wrong audience", "Bearer " + signJWT(t, key, claims(func(c map[string]any) { c["aud"] = "other" })), nil, 401},
		{"client_id as audience", "Bearer " + signJWT(t, key, claims(func(c map[string]any) { delete(c, "aud"); c["client_id"] = "app-client" })), nil, 200},
		{"signed by another key", "Bearer " + signJWT(t, other, claims(nil)), nil, 401},
		{"garbage", "Bearer abc.def", nil, 401},
		{"missing", "", nil, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake()
			f.fns[fnA] = fixed(`{"statusCode":200,"body":"ok"}`)
			cfg := withIDs(Config{Kind: HTTP, Routes: []Route{{Method: "GET", Path: "/x", FunctionARN: fnA, Authorizer: "J", Scopes: c.scopes}},
				Authorizers: map[string]Authorizer{"J": {Name: "J", Type: JWTAuthorizer, Issuer: iss, Audience: []string{"app-client"}, IdentitySource: []string{"$request.header.Authorization"}}}})
			g, err := New(cfg, Options{Invoker: f, Now: clk.Now, JWKS: func(i string) ([]byte, error) {
				if i != iss {
					t.Errorf("JWKS asked for issuer %q", i)
				}
				return jwks, nil
			}})
			if err != nil {
				t.Fatal(err)
			}
			r := g.Serve(context.Background(), &Request{Method: "GET", Path: "/x", Header: http.Header{"Authorization": {c.header}}})
			if c.header == "" {
				r = g.Serve(context.Background(), &Request{Method: "GET", Path: "/x"})
			}
			if r.StatusCode != c.status {
				t.Errorf("status %d (%s), want %d", r.StatusCode, r.Body, c.status)
			}
		})
	}
}
