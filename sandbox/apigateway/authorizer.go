package apigateway

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// authResult is a Lambda authorizer's answer, kept for the TTL.
type authResult struct {
	expires     time.Time
	principalID string
	statements  []statement
	simple      *bool // HTTP API simple response: isAuthorized
	context     map[string]any
}

type statement struct {
	Effect   string
	Action   []string
	Resource []string
}

// stringList accepts IAM's "string or list of strings".
type stringList []string

func (s *stringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = []string{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*s = many
	return nil
}

type authorizerResponse struct {
	PrincipalID    string `json:"principalId"`
	PolicyDocument *struct {
		Version   string `json:"Version"`
		Statement []struct {
			Effect   string     `json:"Effect"`
			Action   stringList `json:"Action"`
			Resource stringList `json:"Resource"`
		} `json:"Statement"`
	} `json:"policyDocument"`
	IsAuthorized *bool          `json:"isAuthorized"`
	Context      map[string]any `json:"context"`
}

// identityValue reads one identity source, in REST or HTTP syntax.
func (g *Gateway) identityValue(c *call, src string) string {
	src = strings.TrimPrefix(strings.TrimSpace(src), "$")
	switch {
	case strings.HasPrefix(src, "method.request.header."), strings.HasPrefix(src, "request.header."):
		name := src[strings.LastIndex(src, "header.")+len("header."):]
		return strings.Join(c.req.Header.Values(name), ",")
	case strings.HasPrefix(src, "method.request.querystring."), strings.HasPrefix(src, "request.querystring."):
		name := src[strings.LastIndex(src, "querystring.")+len("querystring."):]
		q, _ := url.ParseQuery(c.req.RawQuery)
		return strings.Join(q[name], ",")
	case strings.HasPrefix(src, "stageVariables."):
		return g.cfg.StageVariables[strings.TrimPrefix(src, "stageVariables.")]
	case strings.HasPrefix(src, "context."):
		switch strings.TrimPrefix(src, "context.") {
		case "requestId":
			return c.requestID
		case "stage":
			return g.cfg.Stage
		case "identity.sourceIp":
			return c.req.SourceIP
		case "httpMethod":
			return c.req.Method
		}
	}
	return ""
}

// authorize runs the route's authorizer. It fills c.authorizer on success.
func (g *Gateway) authorize(ctx context.Context, c *call) (gatewayError, bool) {
	a := g.cfg.Authorizers[c.route.Authorizer]
	unauthorized, forbidden := restUnauthorized, restImplicitDeny
	if g.cfg.Kind == HTTP {
		unauthorized, forbidden = httpUnauthorized, httpForbidden
	}
	if a.Type == JWTAuthorizer {
		return g.authorizeJWT(c, a)
	}
	// Identity: missing sources are refused with 401 before the function runs.
	var ids []string
	required := a.Type == TokenAuthorizer || g.cfg.Kind == HTTP || a.TTL > 0
	for _, src := range a.IdentitySource {
		v := g.identityValue(c, src)
		if v == "" && required {
			return unauthorized, true
		}
		ids = append(ids, v)
	}
	if a.Type == TokenAuthorizer {
		if len(ids) == 0 {
			return unauthorized, true
		}
		if a.ValidationExpression != "" {
			re, err := regexp.Compile("^(?:" + a.ValidationExpression + ")$")
			if err != nil || !re.MatchString(ids[0]) {
				return unauthorized, true
			}
		}
	}
	key := a.Name + "\x00" + strings.Join(ids, "\x00")
	now := g.opt.Now()
	cacheable := a.TTL > 0 && len(ids) > 0
	g.mu.Lock()
	res, hit := g.cache[key]
	g.mu.Unlock()
	if !hit || !cacheable || !now.Before(res.expires) {
		var e gatewayError
		var failed bool
		res, e, failed = g.callAuthorizer(ctx, c, a, ids)
		if failed {
			return e, true
		}
		if cacheable {
			res.expires = now.Add(a.TTL)
			g.mu.Lock()
			g.cache[key] = res
			g.mu.Unlock()
		}
	}
	if res.simple != nil {
		if !*res.simple {
			return forbidden, true
		}
	} else {
		switch evaluate(res.statements, g.sourceARN(c)) {
		case "Deny":
			if g.cfg.Kind == REST {
				return restExplicitDeny, true
			}
			return forbidden, true
		case "":
			return forbidden, true
		}
	}
	if g.cfg.Kind == REST {
		az := map[string]any{"principalId": res.principalID, "integrationLatency": 0}
		for k, v := range res.context {
			az[k] = v
		}
		c.authorizer = az
	} else {
		ctxMap := res.context
		if ctxMap == nil {
			ctxMap = map[string]any{}
		}
		c.authorizer = map[string]any{"lambda": ctxMap}
	}
	return gatewayError{}, false
}

func (g *Gateway) callAuthorizer(ctx context.Context, c *call, a Authorizer, ids []string) (authResult, gatewayError, bool) {
	unauthorized, configErr := restUnauthorized, restAuthConfig
	if g.cfg.Kind == HTTP {
		unauthorized, configErr = httpUnauthorized, httpServerError
	}
	arn := g.sourceARN(c)
	var event any
	switch {
	case a.Type == TokenAuthorizer:
		event = map[string]any{"type": "TOKEN", "authorizationToken": ids[0], "methodArn": arn}
	case g.cfg.Kind == HTTP && a.PayloadVersion == "2.0":
		ev := g.eventV2(c)
		event = map[string]any{
			"version": "2.0", "type": "REQUEST", "routeArn": arn, "identitySource": ids, "routeKey": ev.RouteKey,
			"rawPath": ev.RawPath, "rawQueryString": ev.RawQueryString, "cookies": ev.Cookies, "headers": ev.Headers,
			"queryStringParameters": ev.QueryStringParameters, "requestContext": ev.RequestContext,
			"pathParameters": ev.PathParameters, "stageVariables": ev.StageVariables,
		}
	case g.cfg.Kind == HTTP:
		// An HTTP API's 1.0 authorizer event: REST's REQUEST shape without
		// the multi-value maps, plus identitySource and authorizationToken.
		ev := g.eventV1(c)
		event = map[string]any{
			"version": "1.0", "type": "REQUEST", "methodArn": arn, "identitySource": strings.Join(ids, ","),
			"authorizationToken": strings.Join(ids, ","), "resource": ev.Resource, "path": ev.Path, "httpMethod": ev.HTTPMethod,
			"headers": ev.Headers, "queryStringParameters": ev.QueryStringParameters, "pathParameters": ev.PathParameters,
			"stageVariables": ev.StageVariables,
			"requestContext": map[string]any{
				"path": ev.RequestContext.Path, "accountId": ev.RequestContext.AccountID, "resourceId": ev.RequestContext.ResourceID,
				"stage": ev.RequestContext.Stage, "requestId": ev.RequestContext.RequestID,
				"identity":     map[string]any{"sourceIp": ev.RequestContext.Identity.SourceIP},
				"resourcePath": ev.RequestContext.ResourcePath, "httpMethod": ev.RequestContext.HTTPMethod, "apiId": ev.RequestContext.APIID,
			},
		}
	default:
		ev := g.eventV1(c)
		m := map[string]any{
			"type": "REQUEST", "methodArn": arn, "resource": ev.Resource, "path": ev.Path, "httpMethod": ev.HTTPMethod,
			"headers": ev.Headers, "multiValueHeaders": ev.MultiValueHeaders, "queryStringParameters": ev.QueryStringParameters,
			"multiValueQueryStringParameters": ev.MultiValueQueryStringParameters, "pathParameters": ev.PathParameters,
			"stageVariables": ev.StageVariables,
			// A REQUEST authorizer gets a smaller requestContext than the integration.
			"requestContext": map[string]any{
				"path": ev.RequestContext.Path, "accountId": ev.RequestContext.AccountID, "resourceId": ev.RequestContext.ResourceID,
				"stage": ev.RequestContext.Stage, "requestId": ev.RequestContext.RequestID,
				"identity":     map[string]any{"sourceIp": ev.RequestContext.Identity.SourceIP},
				"resourcePath": ev.RequestContext.ResourcePath, "httpMethod": ev.RequestContext.HTTPMethod, "apiId": ev.RequestContext.APIID,
			},
		}
		event = m
	}
	payload, err := json.Marshal(event)
	if err != nil {
		return authResult{}, configErr, true
	}
	authARN := fmt.Sprintf("arn:aws:execute-api:%s:%s:%s/authorizers/%s", g.cfg.Region, g.cfg.AccountID, g.cfg.APIID, a.Name)
	out, fnErr, err := g.opt.Invoker.Invoke(ctx, a.FunctionARN, payload, authARN)
	if err != nil {
		return authResult{}, configErr, true
	}
	if fnErr != "" {
		// A function that fails with the message "Unauthorized" is how
		// Lambda authorizers ask for a 401.
		var fe struct {
			ErrorMessage string `json:"errorMessage"`
		}
		if json.Unmarshal(out, &fe) == nil && fe.ErrorMessage == "Unauthorized" {
			return authResult{}, unauthorized, true
		}
		return authResult{}, configErr, true
	}
	var r authorizerResponse
	if err := json.Unmarshal(out, &r); err != nil {
		return authResult{}, configErr, true
	}
	res := authResult{principalID: r.PrincipalID, context: r.Context}
	if g.cfg.Kind == HTTP && a.SimpleResponses && r.IsAuthorized != nil {
		res.simple = r.IsAuthorized
		return res, gatewayError{}, false
	}
	if r.PolicyDocument == nil || (g.cfg.Kind == REST && r.PrincipalID == "") {
		return authResult{}, configErr, true
	}
	for _, s := range r.PolicyDocument.Statement {
		res.statements = append(res.statements, statement{Effect: s.Effect, Action: s.Action, Resource: s.Resource})
	}
	for k, v := range res.context {
		switch v.(type) {
		case string, float64, bool, nil:
		default:
			// REST context values must be strings, numbers or booleans.
			_ = k
			if g.cfg.Kind == REST {
				return authResult{}, configErr, true
			}
		}
	}
	return res, gatewayError{}, false
}

// evaluate returns "Deny" for a matching deny, "Allow" for a matching allow,
// "" for neither.
func evaluate(stmts []statement, arn string) string {
	allowed := false
	for _, s := range stmts {
		if !anyMatch(s.Action, "execute-api:Invoke", true) || !anyMatch(s.Resource, arn, false) {
			continue
		}
		if strings.EqualFold(s.Effect, "Deny") {
			return "Deny"
		}
		if strings.EqualFold(s.Effect, "Allow") {
			allowed = true
		}
	}
	if allowed {
		return "Allow"
	}
	return ""
}

func anyMatch(patterns []string, s string, fold bool) bool {
	for _, p := range patterns {
		if fold {
			p, s = strings.ToLower(p), strings.ToLower(s)
		}
		if wildcard(p, s) {
			return true
		}
	}
	return false
}

// wildcard matches IAM-style * and ? patterns.
func wildcard(p, s string) bool {
	px, sx := 0, 0
	starP, starS := -1, 0
	for sx < len(s) {
		switch {
		case px < len(p) && (p[px] == '?' || p[px] == s[sx]):
			px++
			sx++
		case px < len(p) && p[px] == '*':
			starP, starS = px, sx
			px++
		case starP >= 0:
			px = starP + 1
			starS++
			sx = starS
		default:
			return false
		}
	}
	for px < len(p) && p[px] == '*' {
		px++
	}
	return px == len(p)
}

// authorizeJWT validates a bearer token like an HTTP API JWT authorizer.
func (g *Gateway) authorizeJWT(c *call, a Authorizer) (gatewayError, bool) {
	src := "$request.header.Authorization"
	if len(a.IdentitySource) > 0 {
		src = a.IdentitySource[0]
	}
	tok := g.identityValue(c, src)
	if tok == "" {
		return httpUnauthorized, true
	}
	if len(tok) > 7 && strings.EqualFold(tok[:7], "Bearer ") {
		tok = strings.TrimSpace(tok[7:])
	}
	claims, err := g.verifyJWT(tok, a)
	if err != nil {
		return httpUnauthorized, true
	}
	scopes := tokenScopes(claims)
	if len(c.route.Scopes) > 0 {
		ok := false
		for _, want := range c.route.Scopes {
			ok = ok || contains(scopes, want)
		}
		if !ok {
			return httpForbidden, true
		}
	}
	str := map[string]string{}
	for k, v := range claims {
		str[k] = claimString(v)
	}
	var sc any
	if len(scopes) > 0 {
		sc = scopes
	}
	c.authorizer = map[string]any{"jwt": map[string]any{"claims": str, "scopes": sc}}
	return gatewayError{}, false
}

func tokenScopes(claims map[string]any) []string {
	var out []string
	for _, k := range []string{"scope", "scp"} {
		switch v := claims[k].(type) {
		case string:
			out = append(out, strings.Fields(v)...)
		case []any:
			for _, x := range v {
				out = append(out, claimString(x))
			}
		}
	}
	return out
}

// claimString renders a claim the way API Gateway passes JWT claims: all
// as strings, lists as "[a b]".
func claimString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = claimString(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case nil:
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	N   string `json:"n"`
	E   string `json:"e"`
}

var errJWT = errors.New("invalid token")

func b64url(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// verifyJWT checks signature (RS256), issuer, audience and lifetime.
func (g *Gateway) verifyJWT(tok string, a Authorizer) (map[string]any, error) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return nil, errJWT
	}
	hb, err := b64url(parts[0])
	if err != nil {
		return nil, errJWT
	}
	var hdr struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
	}
	if json.Unmarshal(hb, &hdr) != nil || hdr.Alg != "RS256" {
		return nil, errJWT
	}
	pb, err := b64url(parts[1])
	if err != nil {
		return nil, errJWT
	}
	var claims map[string]any
	if json.Unmarshal(pb, &claims) != nil {
		return nil, errJWT
	}
	sig, err := b64url(parts[2])
	if err != nil {
		return nil, errJWT
	}
	if g.opt.JWKS == nil {
		return nil, errJWT
	}
	set, err := g.opt.JWKS(a.Issuer)
	if err != nil {
		return nil, errJWT
	}
	var keys struct {
		Keys []jwk `json:"keys"`
	}
	if json.Unmarshal(set, &keys) != nil {
		return nil, errJWT
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	verified := false
	for _, k := range keys.Keys {
		if k.Kty != "RSA" || (hdr.Kid != "" && k.Kid != hdr.Kid) {
			continue
		}
		nb, err1 := b64url(k.N)
		eb, err2 := b64url(k.E)
		if err1 != nil || err2 != nil || len(eb) > 4 {
			continue
		}
		e := 0
		for _, b := range eb {
			e = e<<8 | int(b)
		}
		pub := &rsa.PublicKey{N: new(big.Int).SetBytes(nb), E: e}
		if rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest[:], sig) == nil {
			verified = true
			break
		}
	}
	if !verified {
		return nil, errJWT
	}
	if iss, _ := claims["iss"].(string); iss != a.Issuer {
		return nil, errJWT
	}
	if len(a.Audience) > 0 {
		var auds []string
		switch v := claims["aud"].(type) {
		case string:
			auds = []string{v}
		case []any:
			for _, x := range v {
				auds = append(auds, claimString(x))
			}
		}
		if cid, ok := claims["client_id"].(string); ok {
			auds = append(auds, cid)
		}
		ok := false
		for _, want := range a.Audience {
			ok = ok || contains(auds, want)
		}
		if !ok {
			return nil, errJWT
		}
	}
	now := float64(g.opt.Now().Unix())
	exp, ok := claims["exp"].(float64)
	if !ok || now >= exp {
		return nil, errJWT
	}
	if nbf, ok := claims["nbf"].(float64); ok && now < nbf {
		return nil, errJWT
	}
	return claims, nil
}
