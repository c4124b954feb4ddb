package apigateway

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Request is one call to the API, as the in-process entry point takes it.
type Request struct {
	Method   string
	Path     string // as on the wire after the host: "/Prod/users/1" (REST), "/users/1" ($default stage)
	RawQuery string
	Header   http.Header
	Body     []byte
	SourceIP string // default "127.0.0.1"
	Protocol string // default "HTTP/1.1"
}

// Response is what the caller receives.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

// identityV1 mirrors requestContext.identity; AWS sends null for the
// Cognito and IAM fields when they do not apply.
type identityV1 struct {
	CognitoIdentityPoolID         *string `json:"cognitoIdentityPoolId"`
	AccountID                     *string `json:"accountId"`
	CognitoIdentityID             *string `json:"cognitoIdentityId"`
	Caller                        *string `json:"caller"`
	SourceIP                      string  `json:"sourceIp"`
	AccessKey                     *string `json:"accessKey"`
	CognitoAuthenticationType     *string `json:"cognitoAuthenticationType"`
	CognitoAuthenticationProvider *string `json:"cognitoAuthenticationProvider"`
	UserArn                       *string `json:"userArn"`
	UserAgent                     string  `json:"userAgent"`
	User                          *string `json:"user"`
}

type requestContextV1 struct {
	ResourceID        string         `json:"resourceId"`
	ResourcePath      string         `json:"resourcePath"`
	HTTPMethod        string         `json:"httpMethod"`
	ExtendedRequestID string         `json:"extendedRequestId"`
	RequestTime       string         `json:"requestTime"`
	Path              string         `json:"path"`
	AccountID         string         `json:"accountId"`
	Protocol          string         `json:"protocol"`
	Stage             string         `json:"stage"`
	DomainPrefix      string         `json:"domainPrefix"`
	RequestTimeEpoch  int64          `json:"requestTimeEpoch"`
	RequestID         string         `json:"requestId"`
	Identity          identityV1     `json:"identity"`
	DomainName        string         `json:"domainName"`
	APIID             string         `json:"apiId"`
	Authorizer        map[string]any `json:"authorizer,omitempty"`
}

// eventV1 is the Lambda proxy integration event, payload format 1.0.
type eventV1 struct {
	Resource                        string              `json:"resource"`
	Path                            string              `json:"path"`
	HTTPMethod                      string              `json:"httpMethod"`
	Headers                         map[string]string   `json:"headers"`
	MultiValueHeaders               map[string][]string `json:"multiValueHeaders"`
	QueryStringParameters           map[string]string   `json:"queryStringParameters"`
	MultiValueQueryStringParameters map[string][]string `json:"multiValueQueryStringParameters"`
	PathParameters                  map[string]string   `json:"pathParameters"`
	StageVariables                  map[string]string   `json:"stageVariables"`
	RequestContext                  requestContextV1    `json:"requestContext"`
	Body                            *string             `json:"body"`
	IsBase64Encoded                 bool                `json:"isBase64Encoded"`
}

type httpV2 struct {
	Method    string `json:"method"`
	Path      string `json:"path"`
	Protocol  string `json:"protocol"`
	SourceIP  string `json:"sourceIp"`
	UserAgent string `json:"userAgent"`
}

type requestContextV2 struct {
	AccountID    string         `json:"accountId"`
	APIID        string         `json:"apiId"`
	Authorizer   map[string]any `json:"authorizer,omitempty"`
	DomainName   string         `json:"domainName"`
	DomainPrefix string         `json:"domainPrefix"`
	HTTP         httpV2         `json:"http"`
	RequestID    string         `json:"requestId"`
	RouteKey     string         `json:"routeKey"`
	Stage        string         `json:"stage"`
	Time         string         `json:"time"`
	TimeEpoch    int64          `json:"timeEpoch"`
}

// eventV2 is the HTTP API event, payload format 2.0.
type eventV2 struct {
	Version               string            `json:"version"`
	RouteKey              string            `json:"routeKey"`
	RawPath               string            `json:"rawPath"`
	RawQueryString        string            `json:"rawQueryString"`
	Cookies               []string          `json:"cookies,omitempty"`
	Headers               map[string]string `json:"headers"`
	QueryStringParameters map[string]string `json:"queryStringParameters,omitempty"`
	PathParameters        map[string]string `json:"pathParameters,omitempty"`
	StageVariables        map[string]string `json:"stageVariables,omitempty"`
	RequestContext        requestContextV2  `json:"requestContext"`
	Body                  string            `json:"body,omitempty"`
	IsBase64Encoded       bool              `json:"isBase64Encoded"`
}

// call is everything known about one request once it is routed.
type call struct {
	req        *Request
	route      *compiledRoute
	params     map[string]string
	path       string // relative to the stage
	requestID  string
	extendedID string
	traceID    string
	now        time.Time
	authorizer map[string]any // requestContext.authorizer, if any
}

func (g *Gateway) domainName() string { return g.domain }

// forwardedHeaders are the headers API Gateway adds before the integration
// sees the request.
func (g *Gateway) forwardedHeaders(c *call) http.Header {
	h := c.req.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set("Host", g.domainName())
	if xff := h.Get("X-Forwarded-For"); xff != "" {
		h.Set("X-Forwarded-For", xff+", "+c.req.SourceIP)
	} else {
		h.Set("X-Forwarded-For", c.req.SourceIP)
	}
	h.Set("X-Forwarded-Port", "443")
	h.Set("X-Forwarded-Proto", "https")
	h.Set("X-Amzn-Trace-Id", c.traceID)
	// net/http keeps Content-Length out of the header map; API Gateway
	// passes it on (an HTTP API even for an empty body, as AWS's sample shows).
	if len(c.req.Body) > 0 || g.cfg.Kind == HTTP {
		h.Set("Content-Length", strconv.Itoa(len(c.req.Body)))
	}
	return h
}

func nilIfEmpty[M ~map[K]V, K comparable, V any](m M) M {
	if len(m) == 0 {
		return nil
	}
	return m
}

func (g *Gateway) stagePath(path string) string {
	if g.cfg.Stage == "$default" || g.cfg.Stage == "" {
		return path
	}
	return "/" + g.cfg.Stage + path
}

// binary reports whether contentType is one of the API's binary media types.
func (g *Gateway) binary(contentType string) bool {
	ct := strings.TrimSpace(strings.Split(contentType, ";")[0])
	for _, b := range g.cfg.BinaryMediaTypes {
		if b == "*/*" || strings.EqualFold(b, ct) {
			return true
		}
		if strings.HasSuffix(b, "/*") && strings.HasPrefix(strings.ToLower(ct), strings.ToLower(strings.TrimSuffix(b, "*"))) {
			return true
		}
	}
	return false
}

func (g *Gateway) eventV1(c *call) eventV1 {
	h := g.forwardedHeaders(c)
	ev := eventV1{
		Resource: c.route.Path, Path: c.path, HTTPMethod: c.req.Method,
		Headers: map[string]string{}, MultiValueHeaders: map[string][]string{},
		PathParameters: nilIfEmpty(c.params), StageVariables: nilIfEmpty(g.cfg.StageVariables),
	}
	for k, vs := range h {
		ev.Headers[k] = vs[len(vs)-1]
		ev.MultiValueHeaders[k] = vs // h is this call's own copy
	}
	q, _ := url.ParseQuery(c.req.RawQuery)
	if len(q) > 0 {
		ev.QueryStringParameters = map[string]string{}
		ev.MultiValueQueryStringParameters = map[string][]string{}
		for k, vs := range q {
			ev.QueryStringParameters[k] = vs[len(vs)-1]
			ev.MultiValueQueryStringParameters[k] = vs
		}
	}
	if len(c.req.Body) > 0 {
		body := string(c.req.Body)
		if g.binary(h.Get("Content-Type")) {
			body = base64.StdEncoding.EncodeToString(c.req.Body)
			ev.IsBase64Encoded = true
		}
		ev.Body = &body
	}
	ev.RequestContext = requestContextV1{
		ResourceID: c.route.resourceID, ResourcePath: c.route.Path, HTTPMethod: c.req.Method,
		ExtendedRequestID: c.extendedID, RequestTime: c.now.UTC().Format("02/Jan/2006:15:04:05 -0700"),
		Path: g.stagePath(c.path), AccountID: g.cfg.AccountID, Protocol: c.req.Protocol, Stage: g.cfg.Stage,
		DomainPrefix: g.cfg.APIID, RequestTimeEpoch: c.now.UnixMilli(), RequestID: c.requestID,
		Identity:   identityV1{SourceIP: c.req.SourceIP, UserAgent: c.req.Header.Get("User-Agent")},
		DomainName: g.domainName(), APIID: g.cfg.APIID, Authorizer: c.authorizer,
	}
	return ev
}

// textual reports whether an HTTP API passes a body of this type as text.
func textual(contentType string) bool {
	ct := strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	return strings.HasPrefix(ct, "text/") || ct == "application/json" || ct == "application/xml" ||
		ct == "application/javascript" || ct == "application/x-www-form-urlencoded" || strings.HasSuffix(ct, "+json") ||
		strings.HasSuffix(ct, "+xml") || ct == ""
}

func (g *Gateway) eventV2(c *call) eventV2 {
	h := g.forwardedHeaders(c)
	ev := eventV2{
		Version: "2.0", RouteKey: c.route.key, RawPath: g.stagePath(c.path), RawQueryString: c.req.RawQuery,
		Headers: map[string]string{}, PathParameters: nilIfEmpty(c.params), StageVariables: nilIfEmpty(g.cfg.StageVariables),
	}
	for k, vs := range h {
		lk := strings.ToLower(k)
		if lk == "cookie" {
			for _, v := range vs {
				for _, ck := range strings.Split(v, ";") {
					if ck = strings.TrimSpace(ck); ck != "" {
						ev.Cookies = append(ev.Cookies, ck)
					}
				}
			}
			continue
		}
		ev.Headers[lk] = strings.Join(vs, ",")
	}
	q, _ := url.ParseQuery(c.req.RawQuery)
	if len(q) > 0 {
		ev.QueryStringParameters = map[string]string{}
		for k, vs := range q {
			ev.QueryStringParameters[k] = strings.Join(vs, ",")
		}
	}
	if len(c.req.Body) > 0 {
		if textual(h.Get("Content-Type")) {
			ev.Body = string(c.req.Body)
		} else {
			ev.Body = base64.StdEncoding.EncodeToString(c.req.Body)
			ev.IsBase64Encoded = true
		}
	}
	ev.RequestContext = requestContextV2{
		AccountID: g.cfg.AccountID, APIID: g.cfg.APIID, Authorizer: c.authorizer, DomainName: g.domainName(),
		DomainPrefix: g.cfg.APIID, RequestID: c.requestID, RouteKey: c.route.key, Stage: g.cfg.Stage,
		Time: c.now.UTC().Format("02/Jan/2006:15:04:05 -0700"), TimeEpoch: c.now.UnixMilli(),
		HTTP: httpV2{Method: c.req.Method, Path: g.stagePath(c.path), Protocol: c.req.Protocol, SourceIP: c.req.SourceIP, UserAgent: c.req.Header.Get("User-Agent")},
	}
	return ev
}

// resourceID is a stable 6-character ID per resource path, like AWS's.
func resourceID(apiID, path string) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	h := uint32(2166136261)
	for _, b := range []byte(apiID + path) {
		h = (h ^ uint32(b)) * 16777619
	}
	out := make([]byte, 6)
	for i := range out {
		out[i] = alphabet[h%36]
		h /= 36
		if h == 0 {
			h = uint32(len(path)+i) * 2654435761
		}
	}
	return string(out)
}

// proxyResponse is what a function returns to a proxy integration.
type proxyResponse struct {
	StatusCode        *int                `json:"statusCode"`
	Headers           map[string]string   `json:"headers"`
	MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
	Cookies           []string            `json:"cookies"`
	Body              *string             `json:"body"`
	IsBase64Encoded   bool                `json:"isBase64Encoded"`
}

var v1Keys = map[string]bool{"statusCode": true, "headers": true, "multiValueHeaders": true, "body": true, "isBase64Encoded": true}

// onlyKeys reports whether every member name of the top-level JSON object
// in data is in known. It reads valid JSON correctly and may answer
// anything for invalid JSON, which the caller's json.Unmarshal rejects;
// a value that is not an object has no names to check.
func onlyKeys(data []byte, known map[string]bool) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return true
	}
	i++
	for {
		i = skipSpace(data, i)
		if i >= len(data) || data[i] != '"' {
			return true // "}" or invalid
		}
		end, escaped := stringEnd(data, i)
		if end < 0 {
			return true
		}
		var isKnown bool
		if escaped {
			var name string
			if err := json.Unmarshal(data[i:end], &name); err != nil {
				return true
			}
			isKnown = known[name]
		} else {
			isKnown = known[string(data[i+1:end-1])] // no allocation
		}
		if !isKnown {
			return false
		}
		// Skip ':' and the value: strings are skipped whole, brackets
		// counted, until the ',' or '}' that ends the member.
		depth := 0
		for i = end; i < len(data); i++ {
			switch c := data[i]; c {
			case '"':
				e, _ := stringEnd(data, i)
				if e < 0 {
					return true
				}
				i = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth == 0 {
					return true // end of the object
				}
				depth--
			case ',':
				if depth == 0 {
					goto next
				}
			}
		}
		return true
	next:
		i++
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the string starting at data[i]
// (a quote), and whether it holds escapes; -1 if it does not end.
func stringEnd(data []byte, i int) (int, bool) {
	escaped := false
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			return j + 1, escaped
		}
	}
	return -1, escaped
}

// mapV1 turns a payload 1.0 function result into the HTTP response, or
// reports it malformed (AWS's 502).
func (g *Gateway) mapV1(payload []byte, accept string) (*Response, bool) {
	if !onlyKeys(payload, v1Keys) {
		return nil, false // REST rejects unknown keys as a malformed proxy response
	}
	pr, err := decodeProxyV1(payload)
	if err != nil || pr.StatusCode == nil {
		return nil, false
	}
	resp := &Response{StatusCode: *pr.StatusCode, Header: http.Header{}}
	addHeaders(resp.Header, pr.Headers, pr.MultiValueHeaders)
	if pr.Body != nil {
		resp.Body = []byte(*pr.Body)
		if pr.IsBase64Encoded && g.binary(accept) {
			b, err := base64.StdEncoding.DecodeString(*pr.Body)
			if err != nil {
				return nil, false
			}
			resp.Body = b
		}
	}
	if resp.Header.Get("Content-Type") == "" {
		resp.Header.Set("Content-Type", "application/json")
	}
	return resp, true
}

func addHeaders(h http.Header, single map[string]string, multi map[string][]string) {
	keys := make([]string, 0, len(single))
	for k := range single {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		h.Set(k, single[k])
	}
	for k, vs := range multi {
		for _, v := range vs {
			if !contains(h.Values(k), v) {
				h.Add(k, v)
			}
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// mapV2 applies payload 2.0 rules: a JSON object with statusCode is a
// formatted response; any other valid JSON is the body of a 200
// application/json response (a JSON string is unwrapped).
func (g *Gateway) mapV2(payload []byte) (*Response, bool) {
	// The usual formatted response, read directly: an object with a
	// statusCode that json.Unmarshal would decode the same way.
	if pr, ok := readProxyV1(payload); ok && pr.StatusCode != nil {
		return responseV2(pr)
	}
	var v any
	if err := json.Unmarshal(payload, &v); err != nil {
		return nil, false
	}
	obj, isObj := v.(map[string]any)
	if _, has := obj["statusCode"]; !isObj || !has {
		body := payload
		if s, ok := v.(string); ok {
			body = []byte(s)
		}
		h := http.Header{}
		h.Set("Content-Type", "application/json")
		return &Response{StatusCode: 200, Header: h, Body: body}, true
	}
	var pr proxyResponse
	if err := json.Unmarshal(payload, &pr); err != nil || pr.StatusCode == nil {
		return nil, false
	}
	return responseV2(pr)
}

// responseV2 is the HTTP response for a payload 2.0 formatted response.
func responseV2(pr proxyResponse) (*Response, bool) {
	resp := &Response{StatusCode: *pr.StatusCode, Header: http.Header{}}
	addHeaders(resp.Header, pr.Headers, pr.MultiValueHeaders)
	for _, c := range pr.Cookies {
		resp.Header.Add("Set-Cookie", c)
	}
	if pr.Body != nil {
		resp.Body = []byte(*pr.Body)
		if pr.IsBase64Encoded {
			b, err := base64.StdEncoding.DecodeString(*pr.Body)
			if err != nil {
				return nil, false
			}
			resp.Body = b
		}
	}
	return resp, true
}
