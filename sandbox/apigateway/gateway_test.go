package apigateway

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// routedTo reads which route served the request from the echoed event.
func routedTo(t *testing.T, resp *Response) (resource string, params map[string]string) {
	t.Helper()
	var ev struct {
		Resource       string            `json:"resource"`
		RouteKey       string            `json:"routeKey"`
		PathParameters map[string]string `json:"pathParameters"`
	}
	if err := json.Unmarshal(resp.Body, &ev); err != nil {
		t.Fatalf("body is not an event: %s", resp.Body)
	}
	if ev.RouteKey != "" {
		return ev.RouteKey, ev.PathParameters
	}
	return ev.Resource, ev.PathParameters
}

func TestRESTRouting(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	routes := []Route{
		{Method: "GET", Path: "/users", FunctionARN: fnA},
		{Method: "GET", Path: "/users/me", FunctionARN: fnA},
		{Method: "GET", Path: "/users/{id}", FunctionARN: fnA},
		{Method: "DELETE", Path: "/users/{id}", FunctionARN: fnA},
		{Method: "ANY", Path: "/files/{proxy+}", FunctionARN: fnA},
		{Method: "GET", Path: "/files/readme", FunctionARN: fnA},
		{Method: "GET", Path: "/", FunctionARN: fnA},
		{Method: "ANY", Path: "/{proxy+}", FunctionARN: fnA},
		{Method: "POST", Path: "/orders/{id}/items/{item}", FunctionARN: fnA},
	}
	g := newGateway(t, Config{Kind: REST, Stage: "Prod", Routes: routes}, f, nil)
	cases := []struct {
		method, path string
		status       int
		resource     string
		params       map[string]string
	}{
		{"GET", "/Prod/users", 200, "/users", nil},
		{"GET", "/Prod/users/", 200, "/users", nil},                                         // trailing slash
		{"GET", "/Prod/users/me", 200, "/users/me", nil},                                    // literal over parameter
		{"GET", "/Prod/users/42", 200, "/users/{id}", map[string]string{"id": "42"}},        // parameter
		{"DELETE", "/Prod/users/42", 200, "/users/{id}", map[string]string{"id": "42"}},     // method on same resource
		{"PUT", "/Prod/users/42", 200, "/{proxy+}", map[string]string{"proxy": "users/42"}}, // proxy catches undeclared verb
		{"GET", "/Prod/files/readme", 200, "/files/readme", nil},
		{"GET", "/Prod/files/a/b/c.txt", 200, "/files/{proxy+}", map[string]string{"proxy": "a/b/c.txt"}},
		{"POST", "/Prod/files/readme", 200, "/files/{proxy+}", map[string]string{"proxy": "readme"}},
		{"GET", "/Prod/", 200, "/", nil},
		{"GET", "/Prod", 200, "/", nil},
		{"GET", "/Prod/users/a%20b", 200, "/users/{id}", map[string]string{"id": "a b"}},
		{"POST", "/Prod/orders/7/items/9", 200, "/orders/{id}/items/{item}", map[string]string{"id": "7", "item": "9"}},
		{"GET", "/Dev/users", 403, "", nil}, // wrong stage
		{"GET", "/users", 403, "", nil},     // no stage
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			resp := get(g, c.method, c.path)
			if resp.StatusCode != c.status {
				t.Fatalf("status = %d, want %d (%s)", resp.StatusCode, c.status, resp.Body)
			}
			if c.status != 200 {
				return
			}
			res, params := routedTo(t, resp)
			if res != c.resource {
				t.Errorf("routed to %q, want %q", res, c.resource)
			}
			if len(params) != len(c.params) {
				t.Errorf("params = %v, want %v", params, c.params)
			}
			for k, v := range c.params {
				if params[k] != v {
					t.Errorf("param %s = %q, want %q", k, params[k], v)
				}
			}
		})
	}
}

func TestRESTWithoutProxyRefusesUndeclaredVerb(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	g := newGateway(t, Config{Kind: REST, Stage: "Prod", Routes: []Route{
		{Method: "GET", Path: "/users/me", FunctionARN: fnA},
		{Method: "DELETE", Path: "/users/{id}", FunctionARN: fnA},
	}}, f, nil)
	// The most specific resource (/users/me) lacks DELETE, and only a greedy
	// resource may take over, so this is AWS's 403.
	if r := get(g, "DELETE", "/Prod/users/me"); r.StatusCode != 403 {
		t.Errorf("DELETE /users/me = %d, want 403", r.StatusCode)
	}
}

func TestHTTPRouting(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	routes := []Route{
		{Method: "GET", Path: "/pets", FunctionARN: fnA},
		{Method: "GET", Path: "/pets/{id}", FunctionARN: fnA},
		{Method: "ANY", Path: "/pets/{id}", FunctionARN: fnA},
		{Method: "GET", Path: "/pets/dog/{id}", FunctionARN: fnA},
		{Method: "ANY", Path: "/pets/{proxy+}", FunctionARN: fnA},
		{Method: "ANY", Path: "$default", FunctionARN: fnA},
	}
	g := newGateway(t, Config{Kind: HTTP, Routes: routes}, f, nil)
	cases := []struct {
		method, path, route string
		params              map[string]string
	}{
		{"GET", "/pets", "GET /pets", nil},
		{"GET", "/pets/7", "GET /pets/{id}", map[string]string{"id": "7"}},
		{"POST", "/pets/7", "ANY /pets/{id}", map[string]string{"id": "7"}},
		{"GET", "/pets/dog/1", "GET /pets/dog/{id}", map[string]string{"id": "1"}},
		{"POST", "/pets/dog/1", "ANY /pets/{proxy+}", map[string]string{"proxy": "dog/1"}},
		{"GET", "/pets/a/b/c", "ANY /pets/{proxy+}", map[string]string{"proxy": "a/b/c"}},
		{"GET", "/other", "$default", nil},
		{"DELETE", "/", "$default", nil},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			resp := get(g, c.method, c.path)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, resp.Body)
			}
			rk, params := routedTo(t, resp)
			if rk != c.route {
				t.Errorf("route = %q, want %q", rk, c.route)
			}
			for k, v := range c.params {
				if params[k] != v {
					t.Errorf("param %s = %q, want %q", k, params[k], v)
				}
			}
		})
	}
}

func TestErrorResponses(t *testing.T) {
	fnRaw := func(resp string) func(context.Context, []byte) ([]byte, string, error) { return fixed(resp) }
	cases := []struct {
		name      string
		kind      Kind
		fn        func(context.Context, []byte) ([]byte, string, error)
		path      string
		status    int
		body      string
		errorType string
	}{
		{"REST unknown route", REST, echo(200), "/Prod/nowhere", 403, `{"message":"Missing Authentication Token"}`, "MissingAuthenticationTokenException"},
		{"HTTP unknown route", HTTP, echo(200), "/nowhere", 404, `{"message":"Not Found"}`, ""},
		{"REST function error", REST, func(context.Context, []byte) ([]byte, string, error) {
			return []byte(`{"errorMessage":"boom","errorType":"errorString"}`), "errorString", nil
		}, "/Prod/x", 502, `{"message": "Internal server error"}`, ""},
		{"REST malformed: not JSON", REST, fnRaw(`hello`), "/Prod/x", 502, `{"message": "Internal server error"}`, ""},
		{"REST malformed: no statusCode", REST, fnRaw(`{"body":"hi"}`), "/Prod/x", 502, `{"message": "Internal server error"}`, ""},
		{"REST malformed: unknown key", REST, fnRaw(`{"statusCode":200,"bodyy":"hi"}`), "/Prod/x", 502, `{"message": "Internal server error"}`, ""},
		{"REST malformed: body not string", REST, fnRaw(`{"statusCode":200,"body":{"a":1}}`), "/Prod/x", 502, `{"message": "Internal server error"}`, ""},
		{"REST invoke refused", REST, func(context.Context, []byte) ([]byte, string, error) {
			return nil, "", errors.New("AccessDeniedException")
		}, "/Prod/x", 500, `{"message": "Internal server error"}`, ""},
		{"REST timeout", REST, func(ctx context.Context, _ []byte) ([]byte, string, error) {
			<-ctx.Done()
			return nil, "", ctx.Err()
		}, "/Prod/x", 504, `{"message": "Endpoint request timed out"}`, ""},
		{"HTTP function error", HTTP, func(context.Context, []byte) ([]byte, string, error) {
			return []byte(`{"errorMessage":"boom"}`), "errorString", nil
		}, "/x", 500, `{"message":"Internal Server Error"}`, ""},
		{"HTTP malformed", HTTP, fnRaw(`{"statusCode":"200"}`), "/x", 500, `{"message":"Internal Server Error"}`, ""},
		{"HTTP not JSON", HTTP, fnRaw(`not json`), "/x", 500, `{"message":"Internal Server Error"}`, ""},
		{"HTTP timeout", HTTP, func(context.Context, []byte) ([]byte, string, error) {
			return nil, "", ErrIntegrationTimeout
		}, "/x", 503, `{"message":"Service Unavailable"}`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake()
			f.fns[fnA] = c.fn
			cfg := Config{Kind: c.kind, Stage: "Prod", Routes: []Route{{Method: "GET", Path: "/x", FunctionARN: fnA}}, IntegrationTimeout: 20 * time.Millisecond}
			if c.kind == HTTP {
				cfg.Stage = "$default"
			}
			g := newGateway(t, cfg, f, nil)
			resp := get(g, "GET", c.path)
			if resp.StatusCode != c.status || string(resp.Body) != c.body {
				t.Errorf("got %d %s, want %d %s", resp.StatusCode, resp.Body, c.status, c.body)
			}
			if got := resp.Header.Get("x-amzn-ErrorType"); got != c.errorType {
				t.Errorf("x-amzn-ErrorType = %q, want %q", got, c.errorType)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
			if c.kind == REST && (resp.Header.Get("x-amzn-RequestId") == "" || !strings.HasPrefix(resp.Header.Get("X-Amzn-Trace-Id"), "Root=1-")) {
				t.Errorf("missing request/trace headers: %v", resp.Header)
			}
			if c.kind == HTTP && resp.Header.Get("Apigw-Requestid") == "" {
				t.Errorf("missing Apigw-Requestid: %v", resp.Header)
			}
		})
	}
}

func TestResponseMapping(t *testing.T) {
	cases := []struct {
		name    string
		kind    Kind
		fnOut   string
		accept  string
		binary  []string
		status  int
		body    string
		headers map[string][]string
	}{
		{"v1 headers merge", REST, `{"statusCode":201,"headers":{"X-A":"1"},"multiValueHeaders":{"X-A":["1","2"],"Set-Cookie":["a=1","b=2"]},"body":"made"}`, "", nil,
			201, "made", map[string][]string{"X-A": {"1", "2"}, "Set-Cookie": {"a=1", "b=2"}, "Content-Type": {"application/json"}}},
		{"v1 null body", REST, `{"statusCode":204}`, "", nil, 204, "", nil},
		{"v1 base64 without binary type stays text", REST, `{"statusCode":200,"body":"aGk=","isBase64Encoded":true}`, "image/png", nil, 200, "aGk=", nil},
		{"v1 base64 with binary type decodes", REST, `{"statusCode":200,"body":"aGk=","isBase64Encoded":true,"headers":{"Content-Type":"image/png"}}`, "image/png", []string{"image/png"}, 200, "hi", nil},
		{"v2 bare object inferred", HTTP, `{"message":"hi"}`, "", nil, 200, `{"message":"hi"}`, map[string][]string{"Content-Type": {"application/json"}}},
		{"v2 bare string inferred", HTTP, `"Hello from Lambda!"`, "", nil, 200, `Hello from Lambda!`, map[string][]string{"Content-Type": {"application/json"}}},
		{"v2 bare number inferred", HTTP, `42`, "", nil, 200, `42`, nil},
		{"v2 cookies", HTTP, `{"statusCode":200,"cookies":["a=1","b=2"],"body":"x"}`, "", nil, 200, "x", map[string][]string{"Set-Cookie": {"a=1", "b=2"}}},
		{"v2 base64 decodes", HTTP, `{"statusCode":200,"body":"aGk=","isBase64Encoded":true}`, "", nil, 200, "hi", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake()
			f.fns[fnA] = fixed(c.fnOut)
			g := newGateway(t, Config{Kind: c.kind, Stage: "Prod", BinaryMediaTypes: c.binary, Routes: []Route{{Method: "GET", Path: "/x", FunctionARN: fnA}}}, f, nil)
			resp := get(g, "GET", "/Prod/x", "Accept", c.accept)
			if resp.StatusCode != c.status || string(resp.Body) != c.body {
				t.Fatalf("got %d %q, want %d %q", resp.StatusCode, resp.Body, c.status, c.body)
			}
			for k, want := range c.headers {
				if got := resp.Header.Values(k); strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("header %s = %v, want %v", k, got, want)
				}
			}
		})
	}
}

func TestBinaryRequestBodies(t *testing.T) {
	png := []byte{0x89, 'P', 'N', 'G', 0, 1, 2}
	cases := []struct {
		kind    Kind
		ct      string
		binary  []string
		wantB64 bool
	}{
		{REST, "image/png", []string{"image/png"}, true},
		{REST, "image/png", nil, false},
		{REST, "image/png", []string{"image/*"}, true},
		{HTTP, "image/png", nil, true},
		{HTTP, "application/json", nil, false},
	}
	for _, c := range cases {
		f := newFake()
		f.fns[fnA] = echo(200)
		g := newGateway(t, Config{Kind: c.kind, Stage: "Prod", BinaryMediaTypes: c.binary, Routes: []Route{{Method: "POST", Path: "/up", FunctionARN: fnA}}}, f, nil)
		resp := g.Serve(context.Background(), &Request{Method: "POST", Path: "/Prod/up", Header: http.Header{"Content-Type": {c.ct}}, Body: png})
		var ev struct {
			Body            string `json:"body"`
			IsBase64Encoded bool   `json:"isBase64Encoded"`
		}
		_ = json.Unmarshal(f.last[fnA], &ev)
		if ev.IsBase64Encoded != c.wantB64 {
			t.Errorf("%s %s %v: isBase64Encoded = %v (status %d)", c.kind, c.ct, c.binary, ev.IsBase64Encoded, resp.StatusCode)
		}
		if c.wantB64 && ev.Body != base64.StdEncoding.EncodeToString(png) {
			t.Errorf("%s: body = %q", c.kind, ev.Body)
		}
	}
}

func TestStageVariablesAndSourceARN(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	g := newGateway(t, Config{Kind: REST, Stage: "dev", StageVariables: map[string]string{"table": "users-dev"},
		Routes: []Route{{Method: "GET", Path: "/users/{id}", FunctionARN: fnA}}}, f, nil)
	get(g, "GET", "/dev/users/9")
	if want := "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/dev/GET/users/9"; f.src[fnA] != want {
		t.Errorf("sourceARN = %q, want %q", f.src[fnA], want)
	}
	var ev struct {
		StageVariables map[string]string `json:"stageVariables"`
	}
	_ = json.Unmarshal(f.last[fnA], &ev)
	if ev.StageVariables["table"] != "users-dev" {
		t.Errorf("stageVariables = %v", ev.StageVariables)
	}
	if g.URL() != "https://abcdef1234.execute-api.us-east-1.amazonaws.com/dev/" {
		t.Errorf("URL = %s", g.URL())
	}
}

func TestThrottlingOnSimulatedClock(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	clk := newClock()
	g := newGateway(t, Config{Kind: REST, Stage: "Prod", Throttle: &Throttle{Rate: 2, Burst: 3},
		RouteThrottle: map[string]Throttle{"POST /slow": {Rate: 0.5, Burst: 1}},
		Routes:        []Route{{Method: "GET", Path: "/x", FunctionARN: fnA}, {Method: "POST", Path: "/slow", FunctionARN: fnA}}}, f, clk)
	statuses := func(method, path string, n int) string {
		var s []string
		for i := 0; i < n; i++ {
			r := get(g, method, path)
			s = append(s, http.StatusText(r.StatusCode))
			if r.StatusCode == 429 && string(r.Body) != `{"message":"Too Many Requests"}` {
				t.Errorf("429 body = %s", r.Body)
			}
		}
		return strings.Join(s, ",")
	}
	steps := []struct {
		advance      time.Duration
		method, path string
		n            int
		want         string
	}{
		{0, "GET", "/Prod/x", 4, "OK,OK,OK,Too Many Requests"},                // burst of 3
		{500 * time.Millisecond, "GET", "/Prod/x", 2, "OK,Too Many Requests"}, // 2 rps refills 1 token in 0.5 s
		{10 * time.Second, "GET", "/Prod/x", 4, "OK,OK,OK,Too Many Requests"}, // refill caps at burst
		{0, "POST", "/Prod/slow", 2, "OK,Too Many Requests"},                  // route limit, separate bucket
		{time.Second, "POST", "/Prod/slow", 1, "Too Many Requests"},           // 0.5 rps: half a token
		{time.Second, "POST", "/Prod/slow", 1, "OK"},
	}
	for i, s := range steps {
		clk.Advance(s.advance)
		if got := statuses(s.method, s.path, s.n); got != s.want {
			t.Errorf("step %d: %s", i, got+" want "+s.want)
		}
	}
	if f.count(fnA) != 3+1+3+1+1 {
		t.Errorf("function ran %d times; throttled requests must not reach it", f.count(fnA))
	}
}

func TestHTTPCORS(t *testing.T) {
	f := newFake()
	f.fns[fnA] = fixed(`{"statusCode":200,"body":"ok"}`)
	g := newGateway(t, Config{Kind: HTTP, CORS: &CORS{AllowOrigins: []string{"https://app.example"}, AllowMethods: []string{"GET", "POST"},
		AllowHeaders: []string{"content-type"}, ExposeHeaders: []string{"x-total"}, MaxAge: 600},
		Routes: []Route{{Method: "GET", Path: "/x", FunctionARN: fnA}}}, f, nil)
	cases := []struct {
		name, method, origin, reqMethod string
		status                          int
		allowOrigin, allowMethods       string
	}{
		{"preflight allowed", "OPTIONS", "https://app.example", "POST", 204, "https://app.example", "GET,POST"},
		{"preflight other origin", "OPTIONS", "https://evil.example", "POST", 204, "", ""},
		{"preflight method not allowed", "OPTIONS", "https://app.example", "DELETE", 204, "", ""},
		{"simple request gets headers", "GET", "https://app.example", "", 200, "https://app.example", ""},
		{"no origin no headers", "GET", "", "", 200, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := []string{}
			if c.origin != "" {
				h = append(h, "Origin", c.origin)
			}
			if c.reqMethod != "" {
				h = append(h, "Access-Control-Request-Method", c.reqMethod)
			}
			r := get(g, c.method, "/x", h...)
			if r.StatusCode != c.status {
				t.Fatalf("status %d", r.StatusCode)
			}
			if got := r.Header.Get("Access-Control-Allow-Origin"); got != c.allowOrigin {
				t.Errorf("Allow-Origin = %q, want %q", got, c.allowOrigin)
			}
			if got := r.Header.Get("Access-Control-Allow-Methods"); got != c.allowMethods {
				t.Errorf("Allow-Methods = %q, want %q", got, c.allowMethods)
			}
			if c.status == 204 && c.allowOrigin != "" && r.Header.Get("Access-Control-Max-Age") != "600" {
				t.Errorf("Max-Age = %q", r.Header.Get("Access-Control-Max-Age"))
			}
			if c.method == "GET" && c.allowOrigin != "" && r.Header.Get("Access-Control-Expose-Headers") != "x-total" {
				t.Errorf("Expose-Headers = %q", r.Header.Get("Access-Control-Expose-Headers"))
			}
		})
	}
	if f.count(fnA) != 2 {
		t.Errorf("preflights must not reach the function; it ran %d times", f.count(fnA))
	}
}

func TestRESTMockIntegration(t *testing.T) {
	g := newGateway(t, Config{Kind: REST, Stage: "Prod", Routes: []Route{{Method: "OPTIONS", Path: "/x",
		Mock: &MockResponse{StatusCode: 200, Headers: map[string]string{"Access-Control-Allow-Origin": "*"}}}}}, newFake(), nil)
	r := get(g, "OPTIONS", "/Prod/x")
	if r.StatusCode != 200 || r.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("mock: %d %v", r.StatusCode, r.Header)
	}
}

// TestOverLoopback drives the handler with a real HTTP client.
func TestOverLoopback(t *testing.T) {
	f := newFake()
	f.fns[fnA] = func(_ context.Context, ev []byte) ([]byte, string, error) {
		var in struct {
			PathParameters map[string]string `json:"pathParameters"`
			Body           string            `json:"body"`
			RequestContext struct {
				Identity struct {
					SourceIP string `json:"sourceIp"`
				} `json:"identity"`
			} `json:"requestContext"`
		}
		_ = json.Unmarshal(ev, &in)
		b, _ := json.Marshal(map[string]any{"statusCode": 200, "headers": map[string]string{"Content-Type": "text/plain"},
			"body": in.PathParameters["id"] + ":" + in.Body + ":" + in.RequestContext.Identity.SourceIP})
		return b, "", nil
	}
	g := newGateway(t, Config{Kind: REST, Stage: "Prod", Routes: []Route{{Method: "PUT", Path: "/users/{id}", FunctionARN: fnA}}}, f, nil)
	srv := httptest.NewServer(g)
	defer srv.Close()
	req, _ := http.NewRequest("PUT", srv.URL+"/Prod/users/u1", strings.NewReader("hello"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(body) != "u1:hello:127.0.0.1" || resp.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("got %d %q %v", resp.StatusCode, body, resp.Header)
	}
	resp2, err := http.Get(srv.URL + "/Prod/nothing")
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != 403 || resp2.Header.Get("x-amzn-ErrorType") != "MissingAuthenticationTokenException" {
		t.Errorf("unknown route over HTTP: %d %v", resp2.StatusCode, resp2.Header)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		opt  Options
		want string
	}{
		{"no invoker", Config{Kind: REST, Stage: "Prod"}, Options{}, "Invoker is required"},
		{"bad kind", Config{Kind: "SOAP"}, Options{Invoker: newFake()}, "unknown API kind"},
		{"REST without stage", Config{Kind: REST}, Options{Invoker: newFake()}, "needs a stage"},
		{"unknown authorizer", Config{Kind: REST, Stage: "P", Routes: []Route{{Method: "GET", Path: "/", FunctionARN: fnA, Authorizer: "X"}}}, Options{Invoker: newFake()}, "does not define"},
		{"no integration", Config{Kind: REST, Stage: "P", Routes: []Route{{Method: "GET", Path: "/"}}}, Options{Invoker: newFake()}, "no integration"},
	}
	for _, c := range cases {
		_, err := New(c.cfg, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}
