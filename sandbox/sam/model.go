package sam

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/learnsls/learnsls/sandbox/apigateway"
)

// Function is an AWS::Lambda::Function as the Stack creates it.
type Function struct {
	LogicalID    string
	Name         string
	ARN          string
	CodeURI      string // directory of the handler's source, relative to the template
	Handler      string
	Runtime      string
	Architecture string // "x86_64" (default) or "arm64"
	MemoryMB     int    // default 128
	Timeout      time.Duration
	Environment  map[string]string
	RoleARN      string
	// ReservedConcurrency is nil when the function has none.
	ReservedConcurrency *int
	URL                 *FunctionURL
}

// FunctionURL is a function's AWS::Lambda::Url.
type FunctionURL struct {
	URL      string
	AuthType string // NONE or AWS_IAM
}

// Functions lists the stack's functions in creation order.
func (m *Model) Functions() []Function {
	var out []Function
	urls := map[string]*FunctionURL{}
	for _, r := range m.OfType("AWS::Lambda::Url") {
		urls[r.Attributes["FunctionArn"]] = &FunctionURL{URL: r.Attributes["FunctionUrl"], AuthType: propString(r, "AuthType")}
	}
	for _, r := range m.OfType("AWS::Lambda::Function") {
		f := Function{LogicalID: r.LogicalID, Name: r.PhysicalID, ARN: r.Attributes["Arn"],
			Handler: propString(r, "Handler"), Runtime: propString(r, "Runtime"), Architecture: "x86_64",
			MemoryMB: 128, Timeout: 3 * time.Second, RoleARN: propString(r, "Role"), Environment: map[string]string{}}
		if c, ok := r.Properties["Code"].(map[string]any); ok {
			f.CodeURI = scalarString(c["CodeUri"])
		}
		if a, ok := r.Properties["Architectures"].([]any); ok && len(a) == 1 {
			f.Architecture = scalarString(a[0])
		}
		if n, ok := number(r.Properties["MemorySize"]); ok {
			f.MemoryMB = int(n)
		}
		if n, ok := number(r.Properties["Timeout"]); ok {
			f.Timeout = time.Duration(n * float64(time.Second))
		}
		if n, ok := number(r.Properties["ReservedConcurrentExecutions"]); ok {
			c := int(n)
			f.ReservedConcurrency = &c
		}
		if env, ok := r.Properties["Environment"].(map[string]any); ok {
			if vars, ok := env["Variables"].(map[string]any); ok {
				for k, v := range vars {
					f.Environment[k] = scalarString(v)
				}
			}
		}
		// A Lambda::Url targets the function by name or ARN.
		if u := urls[f.Name]; u != nil {
			f.URL = u
		} else if u := urls[f.ARN]; u != nil {
			f.URL = u
		}
		out = append(out, f)
	}
	return out
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

// Table is a DynamoDB table and the CreateTable request that makes it.
type Table struct {
	LogicalID string
	Name      string
	ARN       string
	StreamARN string // "" without a stream
	// CreateTable is the DynamoDB CreateTable request body (JSON 1.0
	// protocol) equivalent to the resource's properties.
	CreateTable []byte
}

// Tables lists the stack's DynamoDB tables in creation order.
func (m *Model) Tables() []Table {
	var out []Table
	for _, r := range m.OfType("AWS::DynamoDB::Table") {
		in := map[string]any{"TableName": r.PhysicalID}
		for _, k := range []string{"AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput",
			"GlobalSecondaryIndexes", "LocalSecondaryIndexes", "SSESpecification", "Tags", "TableClass", "DeletionProtectionEnabled"} {
			if v, ok := r.Properties[k]; ok {
				in[k] = v
			}
		}
		if ss, ok := r.Properties["StreamSpecification"].(map[string]any); ok {
			in["StreamSpecification"] = map[string]any{"StreamEnabled": true, "StreamViewType": ss["StreamViewType"]}
		}
		b, _ := json.Marshal(in)
		out = append(out, Table{LogicalID: r.LogicalID, Name: r.PhysicalID, ARN: r.Attributes["Arn"], StreamARN: r.Attributes["StreamArn"], CreateTable: b})
	}
	return out
}

// Role is an IAM role with every policy attached to it, including
// AWS::IAM::Policy resources that name it.
type Role struct {
	LogicalID           string
	Name                string
	ARN                 string
	AssumeRolePolicy    []byte            // JSON policy document
	ManagedPolicyARNs   []string          // e.g. arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
	InlinePolicies      map[string][]byte // policy name -> JSON document
	PermissionsBoundary string            // ARN or ""
}

// Roles lists the stack's IAM roles in creation order.
func (m *Model) Roles() []Role {
	var out []Role
	idx := map[string]int{}
	for _, r := range m.OfType("AWS::IAM::Role") {
		role := Role{LogicalID: r.LogicalID, Name: r.PhysicalID, ARN: r.Attributes["Arn"], InlinePolicies: map[string][]byte{},
			PermissionsBoundary: propString(r, "PermissionsBoundary")}
		role.AssumeRolePolicy, _ = json.Marshal(r.Properties["AssumeRolePolicyDocument"])
		if l, ok := r.Properties["ManagedPolicyArns"].([]any); ok {
			for _, x := range l {
				role.ManagedPolicyARNs = append(role.ManagedPolicyARNs, scalarString(x))
			}
		}
		if l, ok := r.Properties["Policies"].([]any); ok {
			for _, x := range l {
				if p, ok := x.(map[string]any); ok {
					role.InlinePolicies[scalarString(p["PolicyName"])], _ = json.Marshal(p["PolicyDocument"])
				}
			}
		}
		idx[role.Name] = len(out)
		out = append(out, role)
	}
	for _, r := range m.OfType("AWS::IAM::Policy") {
		doc, _ := json.Marshal(r.Properties["PolicyDocument"])
		roles, _ := r.Properties["Roles"].([]any)
		for _, x := range roles {
			if i, ok := idx[scalarString(x)]; ok {
				out[i].InlinePolicies[propString(r, "PolicyName")] = doc
			}
		}
	}
	return out
}

// FunctionPolicies builds each function's resource-based policy from the
// stack's AWS::Lambda::Permission resources, in the shape Lambda's
// GetPolicy returns. Keys are function names.
func (m *Model) FunctionPolicies() map[string][]byte {
	byRef := map[string]Function{}
	for _, f := range m.Functions() {
		byRef[f.Name], byRef[f.ARN] = f, f
	}
	stmts := map[string][]any{}
	for _, r := range m.OfType("AWS::Lambda::Permission") {
		f, ok := byRef[propString(r, "FunctionName")]
		if !ok {
			continue
		}
		principal := propString(r, "Principal")
		var p any = map[string]any{"Service": principal}
		if principal == "*" {
			p = "*"
		} else if !strings.HasSuffix(principal, ".amazonaws.com") {
			p = map[string]any{"AWS": principal}
		}
		st := map[string]any{"Sid": r.PhysicalID, "Effect": "Allow", "Principal": p, "Action": propString(r, "Action"), "Resource": f.ARN}
		cond := map[string]any{}
		if sa := propString(r, "SourceArn"); sa != "" {
			cond["ArnLike"] = map[string]any{"AWS:SourceArn": sa}
		}
		if acct := propString(r, "SourceAccount"); acct != "" {
			cond["StringEquals"] = map[string]any{"AWS:SourceAccount": acct}
		}
		if ut := propString(r, "FunctionUrlAuthType"); ut != "" {
			cond["StringEquals"] = map[string]any{"lambda:FunctionUrlAuthType": ut}
		}
		if len(cond) > 0 {
			st["Condition"] = cond
		}
		stmts[f.Name] = append(stmts[f.Name], st)
	}
	out := map[string][]byte{}
	for name, l := range stmts {
		out[name], _ = json.Marshal(map[string]any{"Version": "2012-10-17", "Id": "default", "Statement": l})
	}
	return out
}

// EventSourceMapping is a poller from a queue or stream into a function.
type EventSourceMapping struct {
	LogicalID        string
	UUID             string
	EventSourceARN   string
	FunctionName     string // name or ARN, as the template gave it
	BatchSize        int    // 0 = the service default (10 for SQS, 100 for streams)
	StartingPosition string
	Enabled          bool
	// Properties keeps everything else (FilterCriteria, FunctionResponseTypes, …).
	Properties map[string]any
}

// EventSourceMappings lists the stack's event source mappings.
func (m *Model) EventSourceMappings() []EventSourceMapping {
	var out []EventSourceMapping
	for _, r := range m.OfType("AWS::Lambda::EventSourceMapping") {
		e := EventSourceMapping{LogicalID: r.LogicalID, UUID: r.PhysicalID, EventSourceARN: propString(r, "EventSourceArn"),
			FunctionName: propString(r, "FunctionName"), StartingPosition: propString(r, "StartingPosition"), Enabled: true, Properties: r.Properties}
		if n, ok := number(r.Properties["BatchSize"]); ok {
			e.BatchSize = int(n)
		}
		if b, ok := r.Properties["Enabled"].(bool); ok {
			e.Enabled = b
		}
		out = append(out, e)
	}
	return out
}

// APIs extracts one gateway configuration per API stage from the resolved
// RestApi / ApiGatewayV2 bodies, so an explicit DefinitionBody works the
// same way as SAM's generated one.
func (m *Model) APIs(region, accountID string) ([]apigateway.Config, error) {
	var out []apigateway.Config
	for _, st := range m.OfType("AWS::ApiGateway::Stage") {
		api := m.byPhysical("AWS::ApiGateway::RestApi", propString(st, "RestApiId"))
		if api == nil {
			continue
		}
		c, err := restConfig(api, st)
		if err != nil {
			return nil, fmt.Errorf("api %s: %w", api.LogicalID, err)
		}
		c.Region, c.AccountID = region, accountID
		out = append(out, c)
	}
	for _, st := range m.OfType("AWS::ApiGatewayV2::Stage") {
		api := m.byPhysical("AWS::ApiGatewayV2::Api", propString(st, "ApiId"))
		if api == nil {
			continue
		}
		c, err := httpConfig(api, st)
		if err != nil {
			return nil, fmt.Errorf("api %s: %w", api.LogicalID, err)
		}
		c.Region, c.AccountID = region, accountID
		out = append(out, c)
	}
	return out, nil
}

func (m *Model) byPhysical(typ, id string) *Resource {
	for _, r := range m.OfType(typ) {
		if r.PhysicalID == id {
			return r
		}
	}
	return nil
}

// functionFromURI takes the function ARN out of an integration URI
// (arn:aws:apigateway:…:lambda:path/2015-03-31/functions/<ARN>/invocations)
// or returns the value itself when it already is a function ARN.
func functionFromURI(uri string) string {
	if i := strings.Index(uri, "/functions/"); i >= 0 {
		return strings.TrimSuffix(uri[i+len("/functions/"):], "/invocations")
	}
	return uri
}

func methodName(k string) (string, bool) {
	if k == "x-amazon-apigateway-any-method" {
		return "ANY", true
	}
	u := strings.ToUpper(k)
	return u, httpMethods[u] && u != "ANY"
}

func securityOf(op map[string]any) (string, []string) {
	l, _ := op["security"].([]any)
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			for name, scopes := range m {
				var sc []string
				if sl, ok := scopes.([]any); ok {
					for _, s := range sl {
						sc = append(sc, scalarString(s))
					}
				}
				return name, sc
			}
		}
	}
	return "", nil
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return s[1 : len(s)-1]
	}
	return s
}

func seconds(v any) time.Duration {
	n, _ := number(v)
	return time.Duration(n * float64(time.Second))
}

func restConfig(api, st *Resource) (apigateway.Config, error) {
	c := apigateway.Config{Kind: apigateway.REST, APIID: api.PhysicalID, Name: propString(api, "Name"), Stage: propString(st, "StageName"),
		StageVariables: map[string]string{}, Authorizers: map[string]apigateway.Authorizer{}, RouteThrottle: map[string]apigateway.Throttle{}}
	if c.Name == "" {
		c.Name = api.LogicalID
	}
	if v, ok := st.Properties["Variables"].(map[string]any); ok {
		for k, x := range v {
			c.StageVariables[k] = scalarString(x)
		}
	}
	body, _ := api.Properties["Body"].(map[string]any)
	if l, ok := body["x-amazon-apigateway-binary-media-types"].([]any); ok {
		for _, x := range l {
			c.BinaryMediaTypes = append(c.BinaryMediaTypes, scalarString(x))
		}
	}
	defs, _ := body["securityDefinitions"].(map[string]any)
	for name, d := range defs {
		dm, _ := d.(map[string]any)
		az, ok := dm["x-amazon-apigateway-authorizer"].(map[string]any)
		if !ok {
			continue
		}
		a := apigateway.Authorizer{Name: name, Type: apigateway.AuthorizerType(strings.ToUpper(scalarString(az["type"]))),
			FunctionARN: functionFromURI(scalarString(az["authorizerUri"])), TTL: 300 * time.Second,
			ValidationExpression: scalarString(az["identityValidationExpression"])}
		if v, ok := az["authorizerResultTtlInSeconds"]; ok {
			a.TTL = seconds(v)
		}
		for _, src := range strings.Split(scalarString(az["identitySource"]), ",") {
			if src = strings.TrimSpace(src); src != "" {
				a.IdentitySource = append(a.IdentitySource, src)
			}
		}
		c.Authorizers[name] = a
	}
	paths, _ := body["paths"].(map[string]any)
	for _, p := range sortedKeys(paths) {
		item, _ := paths[p].(map[string]any)
		for _, k := range sortedKeys(item) {
			method, ok := methodName(k)
			if !ok {
				continue
			}
			op, _ := item[k].(map[string]any)
			integ, _ := op["x-amazon-apigateway-integration"].(map[string]any)
			r := apigateway.Route{Method: method, Path: p}
			r.Authorizer, r.Scopes = securityOf(op)
			switch strings.ToLower(scalarString(integ["type"])) {
			case "aws_proxy":
				r.FunctionARN = functionFromURI(scalarString(integ["uri"]))
				r.PayloadVersion = "1.0"
				if n, ok := number(integ["timeoutInMillis"]); ok {
					r.Timeout = time.Duration(n) * time.Millisecond
				}
			case "mock":
				mock := &apigateway.MockResponse{StatusCode: 200, Headers: map[string]string{}}
				resp, _ := integ["responses"].(map[string]any)
				def, _ := resp["default"].(map[string]any)
				if n, err := strconv.Atoi(scalarString(def["statusCode"])); err == nil {
					mock.StatusCode = n
				}
				params, _ := def["responseParameters"].(map[string]any)
				for hk, hv := range params {
					if h, ok := strings.CutPrefix(hk, "method.response.header."); ok {
						mock.Headers[h] = unquote(scalarString(hv))
					}
				}
				r.Mock = mock
			default:
				return c, fmt.Errorf("%s %s: integration type %q is not supported in learnsls (use a Lambda proxy integration)", method, p, integ["type"])
			}
			c.Routes = append(c.Routes, r)
		}
	}
	if ms, ok := st.Properties["MethodSettings"].([]any); ok {
		for _, x := range ms {
			s, _ := x.(map[string]any)
			rate, hasRate := number(s["ThrottlingRateLimit"])
			burst, hasBurst := number(s["ThrottlingBurstLimit"])
			if !hasRate && !hasBurst {
				continue
			}
			th := apigateway.Throttle{Rate: rate, Burst: int(burst)}
			if !hasRate {
				th.Rate = 10000
			}
			if !hasBurst {
				th.Burst = 5000
			}
			rp := strings.ReplaceAll(scalarString(s["ResourcePath"]), "~1", "/")
			hm := strings.ToUpper(scalarString(s["HttpMethod"]))
			if rp == "/*" && hm == "*" {
				c.Throttle = &th
			} else {
				c.RouteThrottle[hm+" "+rp] = th
			}
		}
	}
	return c, nil
}

func httpConfig(api, st *Resource) (apigateway.Config, error) {
	c := apigateway.Config{Kind: apigateway.HTTP, APIID: api.PhysicalID, Name: propString(api, "Name"), Stage: propString(st, "StageName"),
		StageVariables: map[string]string{}, Authorizers: map[string]apigateway.Authorizer{}, RouteThrottle: map[string]apigateway.Throttle{}}
	if c.Name == "" {
		c.Name = api.LogicalID
	}
	if v, ok := st.Properties["StageVariables"].(map[string]any); ok {
		for k, x := range v {
			c.StageVariables[k] = scalarString(x)
		}
	}
	body, _ := api.Properties["Body"].(map[string]any)
	comps, _ := body["components"].(map[string]any)
	schemes, _ := comps["securitySchemes"].(map[string]any)
	for name, d := range schemes {
		dm, _ := d.(map[string]any)
		az, ok := dm["x-amazon-apigateway-authorizer"].(map[string]any)
		if !ok {
			continue
		}
		a := apigateway.Authorizer{Name: name}
		switch src := az["identitySource"].(type) {
		case string:
			for _, s := range strings.Split(src, ",") {
				a.IdentitySource = append(a.IdentitySource, strings.TrimSpace(s))
			}
		case []any:
			for _, s := range src {
				a.IdentitySource = append(a.IdentitySource, scalarString(s))
			}
		}
		if strings.EqualFold(scalarString(az["type"]), "jwt") {
			a.Type = apigateway.JWTAuthorizer
			jc, _ := az["jwtConfiguration"].(map[string]any)
			a.Issuer = scalarString(jc["issuer"])
			if l, ok := jc["audience"].([]any); ok {
				for _, x := range l {
					a.Audience = append(a.Audience, scalarString(x))
				}
			}
			if len(a.IdentitySource) == 0 {
				a.IdentitySource = []string{"$request.header.Authorization"}
			}
		} else {
			a.Type = apigateway.RequestAuthorizer
			a.FunctionARN = functionFromURI(scalarString(az["authorizerUri"]))
			a.PayloadVersion = scalarString(az["authorizerPayloadFormatVersion"])
			a.SimpleResponses, _ = az["enableSimpleResponses"].(bool)
			if v, ok := az["authorizerResultTtlInSeconds"]; ok {
				a.TTL = seconds(v)
			}
		}
		c.Authorizers[name] = a
	}
	paths, _ := body["paths"].(map[string]any)
	for _, p := range sortedKeys(paths) {
		item, _ := paths[p].(map[string]any)
		for _, k := range sortedKeys(item) {
			method, ok := methodName(k)
			if !ok {
				continue
			}
			op, _ := item[k].(map[string]any)
			integ, _ := op["x-amazon-apigateway-integration"].(map[string]any)
			if !strings.EqualFold(scalarString(integ["type"]), "aws_proxy") {
				return c, fmt.Errorf("%s %s: integration type %q is not supported in learnsls (use a Lambda proxy integration)", method, p, integ["type"])
			}
			r := apigateway.Route{Method: method, Path: p, FunctionARN: functionFromURI(scalarString(integ["uri"])), PayloadVersion: scalarString(integ["payloadFormatVersion"])}
			if r.PayloadVersion == "" {
				r.PayloadVersion = "2.0"
			}
			if n, ok := number(integ["timeoutInMillis"]); ok {
				r.Timeout = time.Duration(n) * time.Millisecond
			}
			r.Authorizer, r.Scopes = securityOf(op)
			c.Routes = append(c.Routes, r)
		}
	}
	if cc, ok := body["x-amazon-apigateway-cors"].(map[string]any); ok {
		cors := &apigateway.CORS{}
		list := func(k string) []string {
			var out []string
			if l, ok := cc[k].([]any); ok {
				for _, x := range l {
					out = append(out, scalarString(x))
				}
			}
			return out
		}
		cors.AllowOrigins, cors.AllowMethods, cors.AllowHeaders, cors.ExposeHeaders = list("allowOrigins"), list("allowMethods"), list("allowHeaders"), list("exposeHeaders")
		if n, ok := number(cc["maxAge"]); ok {
			cors.MaxAge = int(n)
		}
		cors.AllowCredentials, _ = cc["allowCredentials"].(bool)
		c.CORS = cors
	}
	throttle := func(v any) (apigateway.Throttle, bool) {
		m, _ := v.(map[string]any)
		rate, hasRate := number(m["ThrottlingRateLimit"])
		burst, hasBurst := number(m["ThrottlingBurstLimit"])
		if !hasRate && !hasBurst {
			return apigateway.Throttle{}, false
		}
		th := apigateway.Throttle{Rate: rate, Burst: int(burst)}
		if !hasRate {
			th.Rate = 10000
		}
		if !hasBurst {
			th.Burst = 5000
		}
		return th, true
	}
	if th, ok := throttle(st.Properties["DefaultRouteSettings"]); ok {
		c.Throttle = &th
	}
	if rs, ok := st.Properties["RouteSettings"].(map[string]any); ok {
		keys := sortedKeys(rs)
		sort.Strings(keys)
		for _, k := range keys {
			if th, ok := throttle(rs[k]); ok {
				c.RouteThrottle[k] = th
			}
		}
	}
	return c, nil
}
