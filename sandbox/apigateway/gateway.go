package apigateway

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Invoker calls a Lambda function synchronously. payload is the event; the
// result is the function's response bytes, or functionErr (the errorType of
// a function error, with resp holding {"errorMessage","errorType"}). err is
// for invocations that never ran (permission refused, throttled, …); an
// Invoker should return ErrIntegrationTimeout, or the context's error, when
// ctx ends first. sourceARN is the execute-api ARN of the route, for the
// function's resource-policy check.
type Invoker interface {
	Invoke(ctx context.Context, functionARN string, payload []byte, sourceARN string) (resp []byte, functionErr string, err error)
}

// InvokerFunc adapts a function to Invoker.
type InvokerFunc func(ctx context.Context, functionARN string, payload []byte, sourceARN string) ([]byte, string, error)

// Invoke implements Invoker.
func (f InvokerFunc) Invoke(ctx context.Context, functionARN string, payload []byte, sourceARN string) ([]byte, string, error) {
	return f(ctx, functionARN, payload, sourceARN)
}

// Options are a Gateway's collaborators.
type Options struct {
	Invoker Invoker
	// Now is the clock for throttling, authorizer caches and event
	// timestamps; the sandbox passes its simulated clock. Default time.Now.
	Now func() time.Time
	// JWKS returns the JSON Web Key Set for a JWT issuer.
	JWKS func(issuer string) ([]byte, error)
	// NewRequestID returns a request ID; default a random UUID.
	NewRequestID func() string
	// NoStagePrefix serves routes at the root, as `sam local start-api`
	// does, instead of under /{stage}.
	NoStagePrefix bool
}

// Gateway is one API at one stage.
type Gateway struct {
	cfg     Config
	domain  string // {api-id}.execute-api.{region}.amazonaws.com
	opt     Options
	router  *router
	mu      sync.Mutex
	cache   map[string]authResult // authorizer results by authorizer and identity
	buckets map[string]*bucket
}

// New checks cfg and builds the gateway.
func New(cfg Config, opt Options) (*Gateway, error) {
	if cfg.Kind != REST && cfg.Kind != HTTP {
		return nil, fmt.Errorf("apigateway: unknown API kind %q", cfg.Kind)
	}
	if opt.Invoker == nil {
		return nil, errors.New("apigateway: Options.Invoker is required")
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.NewRequestID == nil {
		opt.NewRequestID = randomUUID
	}
	if cfg.Stage == "" {
		if cfg.Kind == HTTP {
			cfg.Stage = "$default"
		} else {
			return nil, errors.New("apigateway: a REST API needs a stage name")
		}
	}
	if cfg.IntegrationTimeout == 0 {
		cfg.IntegrationTimeout = 29 * time.Second
		if cfg.Kind == HTTP {
			cfg.IntegrationTimeout = 30 * time.Second
		}
	}
	for _, r := range cfg.Routes {
		if r.Authorizer != "" {
			if _, ok := cfg.Authorizers[r.Authorizer]; !ok {
				return nil, fmt.Errorf("apigateway: route %s %s uses authorizer %q, which the API does not define", r.Method, r.Path, r.Authorizer)
			}
		}
		if r.FunctionARN == "" && r.Mock == nil {
			return nil, fmt.Errorf("apigateway: route %s %s has no integration", r.Method, r.Path)
		}
	}
	g := &Gateway{cfg: cfg, opt: opt, router: newRouter(cfg.Kind, cfg.Routes), cache: map[string]authResult{}, buckets: map[string]*bucket{}}
	g.domain = cfg.APIID + ".execute-api." + cfg.Region + ".amazonaws.com"
	for _, r := range g.router.routes {
		r.resourceID = resourceID(cfg.APIID, r.Path)
	}
	for _, r := range g.router.dflt {
		r.resourceID = resourceID(cfg.APIID, r.Path)
	}
	return g, nil
}

// Config returns the configuration the gateway serves.
func (g *Gateway) Config() Config { return g.cfg }

// URL is the invoke URL AWS would give this stage.
func (g *Gateway) URL() string {
	u := "https://" + g.domainName() + "/"
	if g.cfg.Stage != "$default" {
		u += g.cfg.Stage + "/"
	}
	return u
}

// traceID is an X-Ray trace header value: Root=1-{8 hex digits of epoch
// seconds}-{24 random hex digits}.
func traceID(now time.Time) string {
	secs := now.Unix()
	if secs < 0 {
		return fmt.Sprintf("Root=1-%08x-%s", secs, randomHex(24))
	}
	var b [48]byte
	var hb [16]byte
	out := append(b[:0], "Root=1-"...)
	h := strconv.AppendInt(hb[:0], secs, 16)
	for i := len(h); i < 8; i++ {
		out = append(out, '0')
	}
	out = append(out, h...)
	out = append(out, '-')
	out = append(out, randomHex(24)...)
	return string(out)
}

func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func randomHex(n int) string {
	b := make([]byte, n/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// ServeHTTP implements http.Handler.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body []byte
	var err error
	if r.Body != nil && r.Body != http.NoBody { // most requests (GET) have none
		body, err = io.ReadAll(io.LimitReader(r.Body, 10<<20+1))
	}
	if err != nil {
		http.Error(w, `{"message":"Bad Request"}`, http.StatusBadRequest)
		return
	}
	if len(body) > 10<<20 { // API Gateway's payload limit is 10 MB
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		_, _ = io.WriteString(w, `{"message":"Request Too Long"}`)
		return
	}
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		ip = r.RemoteAddr
	}
	path := r.URL.EscapedPath()
	resp := g.Serve(r.Context(), &Request{Method: r.Method, Path: path, RawQuery: r.URL.RawQuery, Header: r.Header, Body: body, SourceIP: ip, Protocol: r.Proto})
	for k, vs := range resp.Header {
		w.Header()[k] = vs
	}
	if resp.Header.Get("Content-Type") == "" {
		w.Header()["Content-Type"] = nil // no sniffing: AWS sends none
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(resp.Body)
}

func (g *Gateway) fail(c *call, e gatewayError) *Response {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	if e.errorType != "" && g.cfg.Kind == REST {
		h.Set("x-amzn-ErrorType", e.errorType)
	}
	resp := &Response{StatusCode: e.status, Header: h, Body: []byte(e.body)}
	g.stamp(c, resp)
	return resp
}

// stamp adds the request ID and trace headers every API Gateway response has.
func (g *Gateway) stamp(c *call, resp *Response) {
	if g.cfg.Kind == REST {
		resp.Header.Set("x-amzn-RequestId", c.requestID)
		resp.Header.Set("x-amz-apigw-id", c.extendedID)
		resp.Header.Set("X-Amzn-Trace-Id", c.traceID)
	} else {
		resp.Header.Set("Apigw-Requestid", c.extendedID)
	}
}

// sourceARN is the execute-api ARN for the route, used in resource policies
// and as a Lambda authorizer's methodArn/routeArn.
func (g *Gateway) sourceARN(c *call) string {
	p := c.path
	if g.cfg.Kind == HTTP && c.route.isDflt {
		p = "/$default"
	}
	return "arn:aws:execute-api:" + g.cfg.Region + ":" + g.cfg.AccountID + ":" + g.cfg.APIID + "/" + g.cfg.Stage + "/" + c.req.Method + p
}

// Serve handles one request in process.
func (g *Gateway) Serve(ctx context.Context, req *Request) (resp *Response) {
	now := g.opt.Now()
	c := &call{req: req, requestID: g.opt.NewRequestID(), now: now,
		traceID: traceID(now)}
	c.extendedID = base64.StdEncoding.EncodeToString([]byte(c.requestID))[:16]
	if req.Header == nil {
		req.Header = http.Header{}
	}
	if req.SourceIP == "" {
		req.SourceIP = "127.0.0.1"
	}
	if req.Protocol == "" {
		req.Protocol = "HTTP/1.1"
	}
	req.Method = strings.ToUpper(req.Method)
	defer func() {
		if r := recover(); r != nil {
			resp = g.fail(c, g.serverError())
		}
	}()
	notFound := restMissingToken
	if g.cfg.Kind == HTTP {
		notFound = httpNotFound
	}
	path, ok := g.stripStage(req.Path)
	if !ok {
		return g.fail(c, notFound)
	}
	c.path = path
	if g.cfg.Kind == REST && len(path) > 1 && strings.HasSuffix(path, "/") {
		// A REST API routes /users/ as /users (event path keeps the slash).
		path = strings.TrimSuffix(path, "/")
	}
	if g.cfg.Kind == HTTP && g.cfg.CORS != nil && req.Method == http.MethodOptions &&
		req.Header.Get("Origin") != "" && req.Header.Get("Access-Control-Request-Method") != "" {
		return g.preflight(c)
	}
	route, params := g.router.find(req.Method, path)
	if route == nil {
		return g.fail(c, notFound)
	}
	c.route, c.params = route, params
	if !g.allow(route.Method + " " + route.Path) {
		if g.cfg.Kind == HTTP {
			return g.fail(c, httpThrottled)
		}
		return g.fail(c, restThrottled)
	}
	if route.Authorizer != "" {
		if e, denied := g.authorize(ctx, c); denied {
			return g.fail(c, e)
		}
	}
	if route.Mock != nil {
		resp = &Response{StatusCode: route.Mock.StatusCode, Header: http.Header{}, Body: []byte(route.Mock.Body)}
		for k, v := range route.Mock.Headers {
			resp.Header.Set(k, v)
		}
		if resp.Header.Get("Content-Type") == "" {
			resp.Header.Set("Content-Type", "application/json")
		}
		g.stamp(c, resp)
		return resp
	}
	resp = g.integrate(ctx, c)
	g.corsHeaders(c, resp)
	return resp
}

func (g *Gateway) serverError() gatewayError {
	if g.cfg.Kind == HTTP {
		return httpServerError
	}
	return restInvokeFailed
}

// stripStage removes "/{stage}" from a wire path; a $default HTTP stage has
// no prefix.
func (g *Gateway) stripStage(p string) (string, bool) {
	if p == "" {
		p = "/"
	}
	if g.opt.NoStagePrefix || g.cfg.Stage == "$default" {
		return p, true
	}
	prefix := "/" + g.cfg.Stage
	if p == prefix {
		return "/", true
	}
	if rest, ok := strings.CutPrefix(p, prefix+"/"); ok {
		return "/" + rest, true
	}
	return "", false
}

func (g *Gateway) integrate(ctx context.Context, c *call) *Response {
	pv := c.route.PayloadVersion
	if pv == "" {
		pv = "1.0"
		if g.cfg.Kind == HTTP {
			pv = "2.0"
		}
	}
	var payload []byte
	var err error
	if pv == "2.0" {
		ev := g.eventV2(c)
		payload, err = ev.appendJSON(make([]byte, 0, 1024))
	} else {
		ev := g.eventV1(c)
		payload, err = ev.appendJSON(make([]byte, 0, 1536))
	}
	if err != nil {
		return g.fail(c, g.serverError())
	}
	timeout := g.cfg.IntegrationTimeout
	if c.route.Timeout > 0 {
		timeout = c.route.Timeout
	}
	ictx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	out, fnErr, err := g.opt.Invoker.Invoke(ictx, c.route.FunctionARN, payload, g.sourceARN(c))
	badGateway, timedOut := restBadResponse, restTimeout
	if g.cfg.Kind == HTTP {
		badGateway, timedOut = httpServerError, httpTimeout
	}
	switch {
	case err != nil && isTimeout(err):
		return g.fail(c, timedOut)
	case err != nil:
		return g.fail(c, g.serverError())
	case fnErr != "":
		return g.fail(c, badGateway)
	}
	var resp *Response
	var ok bool
	if pv == "2.0" {
		resp, ok = g.mapV2(out)
	} else {
		resp, ok = g.mapV1(out, c.req.Header.Get("Accept"))
	}
	if !ok {
		return g.fail(c, badGateway)
	}
	g.stamp(c, resp)
	return resp
}
