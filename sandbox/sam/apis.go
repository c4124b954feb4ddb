package sam

import (
	"regexp"
	"sort"
	"strings"
)

var pathParamRe = regexp.MustCompile(`\{([a-zA-Z0-9._-]+|proxy\+|[a-zA-Z0-9._-]+\+)\}`)

// sourceArnPath is SAM's permission path: path parameters become *, ANY
// becomes *.
func sourceArnPath(method, path string) string {
	m := strings.ToUpper(method)
	if m == "ANY" {
		m = "*"
	}
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/") // API Gateway drops a trailing slash
	}
	return m + pathParamRe.ReplaceAllString(path, "*")
}

// authErr checks an event's authorizer against its API's, with SAM's messages.
func (s *state) authCheck(ev apiEvent, name string, method string, authorizers map[string]any, hasDefault bool) bool {
	if name == "NONE" {
		if !hasDefault {
			s.add(s.transformErr(ev.srcPath+"/Auth", ev.fn, "Event with id [%s] is invalid. Unable to set Authorizer on API method [%s] for path [%s] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.", ev.event, method, ev.path))
			return false
		}
		return true
	}
	if len(authorizers) == 0 {
		s.add(s.transformErr(ev.srcPath+"/Auth", ev.fn, "Event with id [%s] is invalid. Unable to set Authorizer [%s] on API method [%s] for path [%s] because the related API does not define any Authorizers.", ev.event, name, method, ev.path))
		return false
	}
	if _, ok := authorizers[name]; !ok {
		s.add(s.transformErr(ev.srcPath+"/Auth", ev.fn, "Event with id [%s] is invalid. Unable to set Authorizer [%s] on API method [%s] for path [%s] because it wasn't defined in the API's Authorizers.", ev.event, name, method, ev.path))
		return false
	}
	return true
}

func swaggerMethod(method string) string {
	m := strings.ToLower(method)
	if m == "any" {
		return "x-amazon-apigateway-any-method"
	}
	return m
}

var httpMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true, "HEAD": true, "OPTIONS": true, "ANY": true}

func (s *state) condOf(a *apiBuild) string {
	c, _ := a.props["__condition"].(string)
	delete(a.props, "__condition")
	return c
}

func (s *state) apiPath(a *apiBuild) (path, propsPath string) {
	if a.implicit {
		if len(a.events) > 0 {
			return a.events[0].srcPath, a.events[0].srcPath
		}
		return "Resources", "Resources"
	}
	return a.path, a.path + "/Properties"
}

// restAPI builds a REST API: RestApi with a swagger Body, Deployment,
// Stage, and the Lambda permissions its events and authorizers need.
func (s *state) restAPI(a *apiBuild) []*cfnRes {
	t := s.t
	cond := s.condOf(a)
	path, pp := s.apiPath(a)
	if !a.implicit {
		for _, k := range t.keys(pp, a.props) {
			switch k {
			case "StageName", "Name", "Auth", "Cors", "MethodSettings", "Variables", "BinaryMediaTypes", "DefinitionBody",
				"EndpointConfiguration", "TracingEnabled", "Description", "OpenApiVersion", "GatewayResponses", "Tags", "AlwaysDeploy", "PropagateTags":
			default:
				s.add(t.errAt(pp+"/"+k, "E3002", "Invalid Property %s/%s", pp, k))
			}
		}
	}
	stage := any("Prod")
	if !a.implicit {
		v, ok := a.props["StageName"]
		if !ok {
			s.add(s.transformErr(pp, a.id, "Missing required property 'StageName'."))
			return nil
		}
		stage = v
	}
	swagger := map[string]any{
		"swagger": "2.0",
		"info":    map[string]any{"version": "1.0", "title": ref("AWS::StackName")},
		"paths":   map[string]any{},
	}
	if def, ok := a.props["DefinitionBody"].(map[string]any); ok {
		swagger = deepCopy(def).(map[string]any)
		if _, ok := swagger["paths"].(map[string]any); !ok {
			swagger["paths"] = map[string]any{}
		}
	}
	paths := swagger["paths"].(map[string]any)
	var out []*cfnRes
	mk := func(id, typ string, props map[string]any) *cfnRes {
		return &cfnRes{id: id, typ: typ, props: props, condition: cond, path: path, source: a.id, propsPath: pp}
	}
	stageSuffix := "Prod"
	if str, ok := stage.(string); ok {
		stageSuffix = str
	} else {
		stageSuffix = "Stage"
	}

	auth, _ := a.props["Auth"].(map[string]any)
	defaultAuth, _ := auth["DefaultAuthorizer"].(string)
	authorizers, _ := auth["Authorizers"].(map[string]any)
	if defaultAuth != "" && authorizers[defaultAuth] == nil && defaultAuth != "NONE" {
		s.add(s.transformErr(pp+"/Auth/DefaultAuthorizer", a.id, "Unable to set DefaultAuthorizer because '%s' was not defined in 'Authorizers'.", defaultAuth))
	}
	secDefs := map[string]any{}
	for _, name := range t.keys(pp+"/Auth/Authorizers", authorizers) {
		ap := pp + "/Auth/Authorizers/" + name
		def, _ := authorizers[name].(map[string]any)
		fnArn, ok := def["FunctionArn"]
		if !ok {
			s.add(s.transformErr(ap, a.id, "Authorizer %s is invalid. learnsls models Lambda authorizers, which need FunctionArn (Cognito and IAM authorizers are not modelled).", name))
			continue
		}
		ptype := "TOKEN"
		if v, ok := def["FunctionPayloadType"].(string); ok {
			ptype = v
		}
		if ptype != "TOKEN" && ptype != "REQUEST" {
			s.add(s.transformErr(ap+"/FunctionPayloadType", a.id, "Authorizer %s is invalid. FunctionPayloadType must be TOKEN or REQUEST.", name))
			continue
		}
		identity, _ := def["Identity"].(map[string]any)
		ttl := any(300)
		if v, ok := identity["ReauthorizeEvery"]; ok {
			ttl = v
		}
		az := map[string]any{
			"type":                         strings.ToLower(ptype),
			"authorizerUri":                map[string]any{"Fn::Sub": []any{"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations", map[string]any{"__FunctionArn__": fnArn}}},
			"authorizerResultTtlInSeconds": ttl,
		}
		sd := map[string]any{"type": "apiKey", "in": "header", "x-amazon-apigateway-authtype": "custom"}
		if ptype == "TOKEN" {
			header := "Authorization"
			if h, ok := identity["Header"].(string); ok {
				header = h
			}
			sd["name"] = header
			az["identitySource"] = "method.request.header." + header
			if ve, ok := identity["ValidationExpression"]; ok {
				az["identityValidationExpression"] = ve
			}
		} else {
			sd["name"] = "Unused"
			var src []string
			for _, kind := range []struct{ key, prefix string }{
				{"Headers", "method.request.header."}, {"QueryStrings", "method.request.querystring."},
				{"StageVariables", "stageVariables."}, {"Context", "context."},
			} {
				l, _ := identity[kind.key].([]any)
				for _, x := range l {
					src = append(src, kind.prefix+scalarString(x))
				}
			}
			if len(src) == 0 {
				s.add(s.transformErr(ap, a.id, "Authorizer %s is invalid. Identity must specify at least one of Headers, QueryStrings, StageVariables or Context for a REQUEST authorizer.", name))
			}
			az["identitySource"] = strings.Join(src, ", ")
		}
		sd["x-amazon-apigateway-authorizer"] = az
		secDefs[name] = sd
		out = append(out, mk(a.id+name+"AuthorizerPermission", "AWS::Lambda::Permission", map[string]any{
			"Action": "lambda:InvokeFunction", "FunctionName": fnArn, "Principal": "apigateway.amazonaws.com",
			"SourceArn": map[string]any{"Fn::Sub": []any{"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*", map[string]any{"__ApiId__": ref(a.id)}}},
		}))
	}
	if len(secDefs) > 0 {
		swagger["securityDefinitions"] = secDefs
	}

	for _, ev := range a.events {
		method := strings.ToUpper(ev.method)
		if !httpMethods[method] {
			s.add(s.transformErr(ev.srcPath+"/Method", ev.fn, "Event with id [%s] is invalid. Method '%s' is not an HTTP method (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY).", ev.event, ev.method))
			continue
		}
		if !strings.HasPrefix(ev.path, "/") {
			s.add(s.transformErr(ev.srcPath+"/Path", ev.fn, "Event with id [%s] is invalid. Path '%s' must start with '/'.", ev.event, ev.path))
			continue
		}
		item, _ := paths[ev.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[ev.path] = item
		}
		sm := swaggerMethod(method)
		if _, dup := item[sm]; dup {
			s.add(s.transformErr(ev.srcPath, ev.fn, "Event with id [%s] is invalid. API method %q defined multiple times for path %q.", ev.event, strings.ToLower(method), ev.path))
			continue
		}
		op := map[string]any{
			"x-amazon-apigateway-integration": map[string]any{
				"httpMethod": "POST", "type": "aws_proxy",
				"uri": map[string]any{"Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + ev.fn + ".Arn}/invocations"},
			},
			"responses": map[string]any{},
		}
		authName := defaultAuth
		if v, ok := ev.auth["Authorizer"].(string); ok {
			if !s.authCheck(ev, v, strings.ToLower(method), authorizers, defaultAuth != "") {
				continue
			}
			authName = v
		}
		if authName != "" && authName != "NONE" && secDefs[authName] != nil {
			op["security"] = []any{map[string]any{authName: []any{}}}
		}
		item[sm] = op
		out = append(out, &cfnRes{id: ev.fn + ev.event + "Permission" + stageSuffix, typ: "AWS::Lambda::Permission", props: map[string]any{
			"Action": "lambda:InvokeFunction", "FunctionName": ref(ev.fn), "Principal": "apigateway.amazonaws.com",
			"SourceArn": map[string]any{"Fn::Sub": []any{"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/" + sourceArnPath(method, ev.path),
				map[string]any{"__ApiId__": ref(a.id), "__Stage__": "*"}}},
		}, condition: cond, path: ev.srcPath, source: ev.fn, propsPath: ev.srcPath})
	}

	if cors, ok := a.props["Cors"]; ok {
		s.restCors(a, cors, paths, pp)
	}
	if bmt, ok := a.props["BinaryMediaTypes"].([]any); ok {
		var l []any
		for _, x := range bmt {
			l = append(l, strings.ReplaceAll(scalarString(x), "~1", "/"))
		}
		swagger["x-amazon-apigateway-binary-media-types"] = l
	}
	apiProps := map[string]any{"Body": swagger}
	copyKeys(apiProps, a.props, "Name", "Description", "EndpointConfiguration")
	if _, ok := swagger["x-amazon-apigateway-binary-media-types"]; ok {
		apiProps["BinaryMediaTypes"] = swagger["x-amazon-apigateway-binary-media-types"]
	}
	api := mk(a.id, "AWS::ApiGateway::RestApi", apiProps)
	h := hash10(swagger)
	dep := mk(a.id+"Deployment"+h, "AWS::ApiGateway::Deployment", map[string]any{
		"RestApiId": ref(a.id), "Description": "RestApi deployment id: " + h, "StageName": "Stage",
	})
	sp := map[string]any{"DeploymentId": ref(dep.id), "RestApiId": ref(a.id), "StageName": stage}
	copyKeys(sp, a.props, "MethodSettings", "TracingEnabled")
	if v, ok := a.props["Variables"]; ok {
		sp["Variables"] = v
	}
	stageID := a.id + stageSuffix + "Stage"
	if _, literal := stage.(string); !literal {
		stageID = a.id + "Stage" // SAM's name when StageName is an intrinsic
	}
	st := mk(stageID, "AWS::ApiGateway::Stage", sp)
	return append([]*cfnRes{api, dep, st}, out...)
}

// restCors adds SAM's OPTIONS mock methods to every path.
func (s *state) restCors(a *apiBuild, cors any, paths map[string]any, pp string) {
	var origin, headers, methods, maxAge any
	allowCreds := false
	switch c := cors.(type) {
	case string:
		origin = c
	case map[string]any:
		if isIntrinsic(c) {
			origin = c
			break
		}
		var ok bool
		if origin, ok = c["AllowOrigin"]; !ok {
			s.add(s.transformErr(pp+"/Cors", a.id, "Cors configuration is invalid: AllowOrigin is required."))
			return
		}
		headers, methods, maxAge = c["AllowHeaders"], c["AllowMethods"], c["MaxAge"]
		allowCreds, _ = c["AllowCredentials"].(bool)
	default:
		s.add(s.transformErr(pp+"/Cors", a.id, "Cors configuration is invalid: use a quoted origin such as \"'*'\" or a mapping with AllowOrigin."))
		return
	}
	for _, p := range sortedKeys(paths) {
		item, ok := paths[p].(map[string]any)
		if !ok {
			continue
		}
		if _, has := item["options"]; has {
			continue
		}
		m := methods
		if m == nil {
			set := map[string]bool{"OPTIONS": true}
			for k := range item {
				if k == "x-amazon-apigateway-any-method" {
					for _, x := range []string{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"} {
						set[x] = true
					}
				} else if httpMethods[strings.ToUpper(k)] {
					set[strings.ToUpper(k)] = true
				}
			}
			var l []string
			for k := range set {
				l = append(l, k)
			}
			sort.Strings(l)
			m = "'" + strings.Join(l, ",") + "'"
		}
		params := map[string]any{
			"method.response.header.Access-Control-Allow-Origin":  origin,
			"method.response.header.Access-Control-Allow-Methods": m,
		}
		if headers != nil {
			params["method.response.header.Access-Control-Allow-Headers"] = headers
		}
		if maxAge != nil {
			params["method.response.header.Access-Control-Max-Age"] = "'" + scalarString(maxAge) + "'"
		}
		if allowCreds {
			params["method.response.header.Access-Control-Allow-Credentials"] = "'true'"
		}
		item["options"] = map[string]any{
			"summary":  "CORS support",
			"consumes": []any{"application/json"},
			"produces": []any{"application/json"},
			"x-amazon-apigateway-integration": map[string]any{
				"type":             "mock",
				"requestTemplates": map[string]any{"application/json": "{\n  \"statusCode\" : 200\n}\n"},
				"responses": map[string]any{"default": map[string]any{
					"statusCode":         "200",
					"responseParameters": params,
					"responseTemplates":  map[string]any{"application/json": "{}\n"},
				}},
			},
			"responses": map[string]any{"200": map[string]any{"description": "Default response for CORS method"}},
		}
	}
}

// httpAPI builds an HTTP API: ApiGatewayV2::Api with an OpenAPI Body, its
// stage (auto-deployed) and permissions.
func (s *state) httpAPI(a *apiBuild) []*cfnRes {
	t := s.t
	cond := s.condOf(a)
	path, pp := s.apiPath(a)
	if !a.implicit {
		for _, k := range t.keys(pp, a.props) {
			switch k {
			case "StageName", "Name", "Auth", "CorsConfiguration", "DefaultRouteSettings", "RouteSettings", "StageVariables",
				"DefinitionBody", "Description", "Tags", "FailOnWarnings", "DisableExecuteApiEndpoint", "PropagateTags":
			default:
				s.add(t.errAt(pp+"/"+k, "E3002", "Invalid Property %s/%s", pp, k))
			}
		}
	}
	stage := any("$default")
	if v, ok := a.props["StageName"]; ok {
		stage = v
	}
	body := map[string]any{
		"openapi": "3.0.1",
		"info":    map[string]any{"version": "1.0", "title": ref("AWS::StackName")},
		"paths":   map[string]any{},
		"tags":    []any{map[string]any{"name": "httpapi:createdBy", "x-amazon-apigateway-tag-value": "SAM"}},
	}
	if def, ok := a.props["DefinitionBody"].(map[string]any); ok {
		body = deepCopy(def).(map[string]any)
		if _, ok := body["paths"].(map[string]any); !ok {
			body["paths"] = map[string]any{}
		}
	}
	paths := body["paths"].(map[string]any)
	var out []*cfnRes
	mk := func(id, typ string, props map[string]any) *cfnRes {
		return &cfnRes{id: id, typ: typ, props: props, condition: cond, path: path, source: a.id, propsPath: pp}
	}
	auth, _ := a.props["Auth"].(map[string]any)
	defaultAuth, _ := auth["DefaultAuthorizer"].(string)
	authorizers, _ := auth["Authorizers"].(map[string]any)
	if defaultAuth != "" && authorizers[defaultAuth] == nil {
		s.add(s.transformErr(pp+"/Auth/DefaultAuthorizer", a.id, "Unable to set DefaultAuthorizer because '%s' was not defined in 'Authorizers'.", defaultAuth))
	}
	schemes := map[string]any{}
	for _, name := range t.keys(pp+"/Auth/Authorizers", authorizers) {
		ap := pp + "/Auth/Authorizers/" + name
		def, _ := authorizers[name].(map[string]any)
		if jwt, ok := def["JwtConfiguration"].(map[string]any); ok {
			src := any("$request.header.Authorization")
			if v, ok := def["IdentitySource"]; ok {
				src = v
			}
			schemes[name] = map[string]any{
				"type": "oauth2",
				"x-amazon-apigateway-authorizer": map[string]any{
					"type": "jwt", "identitySource": src,
					"jwtConfiguration": map[string]any{"issuer": jwt["issuer"], "audience": jwt["audience"]},
				},
			}
			continue
		}
		fnArn, ok := def["FunctionArn"]
		if !ok {
			s.add(s.transformErr(ap, a.id, "Authorizer %s is invalid. An HTTP API authorizer needs JwtConfiguration or FunctionArn.", name))
			continue
		}
		pv, ok := def["AuthorizerPayloadFormatVersion"]
		if !ok {
			s.add(s.transformErr(ap, a.id, "Authorizer %s is invalid. 'AuthorizerPayloadFormatVersion' must be specified.", name))
			continue
		}
		az := map[string]any{
			"type":                           "request",
			"authorizerUri":                  map[string]any{"Fn::Sub": []any{"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations", map[string]any{"__FunctionArn__": fnArn}}},
			"authorizerPayloadFormatVersion": pv,
		}
		if v, ok := def["EnableSimpleResponses"]; ok {
			az["enableSimpleResponses"] = v
		}
		identity, _ := def["Identity"].(map[string]any)
		var src []any
		for _, kind := range []struct{ key, prefix string }{
			{"Headers", "$request.header."}, {"QueryStrings", "$request.querystring."},
			{"StageVariables", "$stageVariables."}, {"Context", "$context."},
		} {
			l, _ := identity[kind.key].([]any)
			for _, x := range l {
				src = append(src, kind.prefix+scalarString(x))
			}
		}
		if len(src) > 0 {
			az["identitySource"] = src
		}
		if v, ok := identity["ReauthorizeEvery"]; ok {
			az["authorizerResultTtlInSeconds"] = v
		}
		schemes[name] = map[string]any{"type": "apiKey", "in": "header", "name": "Unused", "x-amazon-apigateway-authorizer": az}
		out = append(out, mk(a.id+name+"AuthorizerPermission", "AWS::Lambda::Permission", map[string]any{
			"Action": "lambda:InvokeFunction", "FunctionName": fnArn, "Principal": "apigateway.amazonaws.com",
			"SourceArn": map[string]any{"Fn::Sub": []any{"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*", map[string]any{"__ApiId__": ref(a.id)}}},
		}))
	}
	if len(schemes) > 0 {
		body["components"] = map[string]any{"securitySchemes": schemes}
	}
	for _, ev := range a.events {
		method := strings.ToUpper(ev.method)
		if !httpMethods[method] {
			s.add(s.transformErr(ev.srcPath+"/Method", ev.fn, "Event with id [%s] is invalid. Method '%s' is not an HTTP method.", ev.event, ev.method))
			continue
		}
		if ev.path != "$default" && !strings.HasPrefix(ev.path, "/") {
			s.add(s.transformErr(ev.srcPath+"/Path", ev.fn, "Event with id [%s] is invalid. Path '%s' must start with '/'.", ev.event, ev.path))
			continue
		}
		item, _ := paths[ev.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[ev.path] = item
		}
		sm := swaggerMethod(method)
		if _, dup := item[sm]; dup {
			s.add(s.transformErr(ev.srcPath, ev.fn, "Event with id [%s] is invalid. API method '%s' defined multiple times for path '%s'.", ev.event, strings.ToLower(method), ev.path))
			continue
		}
		pv := any("2.0")
		if ev.payloadVersion != nil {
			pv = ev.payloadVersion
		}
		integ := map[string]any{"httpMethod": "POST", "type": "aws_proxy", "uri": getAtt(ev.fn, "Arn"), "payloadFormatVersion": pv}
		if ev.timeout != nil {
			integ["timeoutInMillis"] = ev.timeout
		}
		op := map[string]any{"x-amazon-apigateway-integration": integ, "responses": map[string]any{}}
		authName := defaultAuth
		if v, ok := ev.auth["Authorizer"].(string); ok {
			if !s.authCheck(ev, v, strings.ToLower(method), authorizers, defaultAuth != "") {
				continue
			}
			authName = v
		} else if ev.auth != nil && defaultAuth == "" {
			s.add(s.transformErr(ev.srcPath+"/Auth", ev.fn, "Event with id [%s] is invalid. 'Auth' section requires either an explicit 'Authorizer' set or a 'DefaultAuthorizer' configured on the HttpApi.", ev.event))
			continue
		}
		if authName != "" && authName != "NONE" && schemes[authName] != nil {
			scopes, _ := ev.auth["AuthorizationScopes"].([]any)
			if scopes == nil {
				scopes = []any{}
			}
			op["security"] = []any{map[string]any{authName: scopes}}
		}
		item[sm] = op
		// SAM: the $default route's permission is ${ApiId}/${Stage}/<METHOD>
		// with an empty path, which for ANY is ${ApiId}/*/*.
		arnPath := sourceArnPath(method, ev.path)
		if ev.path == "$default" {
			arnPath = sourceArnPath(method, "")
		}
		out = append(out, &cfnRes{id: ev.fn + ev.event + "Permission", typ: "AWS::Lambda::Permission", props: map[string]any{
			"Action": "lambda:InvokeFunction", "FunctionName": ref(ev.fn), "Principal": "apigateway.amazonaws.com",
			"SourceArn": map[string]any{"Fn::Sub": []any{"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/" + arnPath,
				map[string]any{"__ApiId__": ref(a.id), "__Stage__": "*"}}},
		}, condition: cond, path: ev.srcPath, source: ev.fn, propsPath: ev.srcPath})
	}
	if c, ok := a.props["CorsConfiguration"]; ok {
		switch x := c.(type) {
		case bool:
			if x {
				body["x-amazon-apigateway-cors"] = map[string]any{"allowOrigins": []any{"*"}, "allowHeaders": []any{"*"}, "allowMethods": []any{"*"}}
			}
		case map[string]any:
			cc := map[string]any{}
			for _, k := range []string{"AllowOrigins", "AllowMethods", "AllowHeaders", "ExposeHeaders", "MaxAge", "AllowCredentials"} {
				if v, ok := x[k]; ok {
					cc[strings.ToLower(k[:1])+k[1:]] = v
				}
			}
			body["x-amazon-apigateway-cors"] = cc
		default:
			s.add(s.transformErr(pp+"/CorsConfiguration", a.id, "CorsConfiguration must be true or a mapping."))
		}
	}
	apiProps := map[string]any{"Body": body}
	copyKeys(apiProps, a.props, "Name", "Description", "DisableExecuteApiEndpoint")
	api := mk(a.id, "AWS::ApiGatewayV2::Api", apiProps)
	stageID := a.id + "ApiGatewayDefaultStage"
	if str, ok := stage.(string); ok && str != "$default" {
		stageID = a.id + str + "Stage"
	}
	sp := map[string]any{"ApiId": ref(a.id), "StageName": stage, "AutoDeploy": true}
	copyKeys(sp, a.props, "DefaultRouteSettings", "RouteSettings", "StageVariables")
	return append([]*cfnRes{api, mk(stageID, "AWS::ApiGatewayV2::Stage", sp)}, out...)
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = deepCopy(e)
		}
		return l
	}
	return v
}
