package sam

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// apiEvent is one Api or HttpApi event waiting for its API to be built.
type apiEvent struct {
	fn, event, path, method string
	auth                    map[string]any
	payloadVersion          any
	timeout                 any
	srcPath                 string
}

type apiBuild struct {
	id       string // logical ID
	http     bool
	props    map[string]any
	path     string // template path, "" for implicit
	events   []apiEvent
	implicit bool
}

// transform applies Globals and expands every resource into CloudFormation.
func (s *state) transform() []*cfnRes {
	t := s.t
	glob := s.globals()
	resources := section(t, "Resources")
	var out []*cfnRes
	apis := map[string]*apiBuild{}
	var apiOrder []string
	getAPI := func(id string, http bool) *apiBuild {
		if a, ok := apis[id]; ok {
			return a
		}
		a := &apiBuild{id: id, http: http, implicit: true, props: map[string]any{}}
		apis[id] = a
		apiOrder = append(apiOrder, id)
		return a
	}
	type fnLater struct {
		id   string
		path string
		p    map[string]any
	}
	for _, id := range t.keys("Resources", resources) {
		path := "Resources/" + id
		if !validLogicalID(id) {
			s.add(t.errAt(path, "E3031", "Resource name %s should be alphanumeric (letters and digits only)", id))
			continue
		}
		def, ok := resources[id].(map[string]any)
		if !ok {
			s.add(t.errAt(path, "E3001", "Resource %s should be a mapping with a Type", id))
			continue
		}
		typ, ok := def["Type"].(string)
		if !ok {
			s.add(t.errAt(path, "E3001", "Resource %s is missing required property Type", id))
			continue
		}
		for k := range def {
			switch k {
			case "Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy":
			default:
				s.add(t.errAt(path+"/"+k, "E3001", "Invalid resource attribute %s for resource %s", k, id))
			}
		}
		props := map[string]any{}
		if p, present := def["Properties"]; present && p != nil {
			pm, ok := p.(map[string]any)
			if !ok {
				s.add(t.errAt(path+"/Properties", "E3012", "Property Resources/%s/Properties should be of type Object", id))
				continue
			}
			props = pm
		}
		var dependsOn []string
		switch d := def["DependsOn"].(type) {
		case string:
			dependsOn = []string{d}
		case []any:
			for _, x := range d {
				if str, ok := x.(string); ok {
					dependsOn = append(dependsOn, str)
				}
			}
		}
		cond, _ := def["Condition"].(string)
		if strings.HasPrefix(typ, "AWS::Serverless::") && !s.hasSAM {
			s.add(t.errAt(path+"/Type", "E3006", "Resource type %s needs `Transform: %s` at the top of the template", typ, TransformName))
			continue
		}
		base := &cfnRes{id: id, typ: typ, props: props, dependsOn: dependsOn, condition: cond, path: path, source: id, propsPath: path + "/Properties"}
		switch typ {
		case "AWS::Serverless::Function":
			p := applyGlobals(glob["Function"], props)
			out = append(out, s.function(base, p, getAPI)...)
		case "AWS::Serverless::Api":
			a := getAPI(id, false)
			a.implicit, a.props, a.path = false, applyGlobals(glob["Api"], props), path
			a.props["__condition"] = cond
		case "AWS::Serverless::HttpApi":
			a := getAPI(id, true)
			a.implicit, a.props, a.path = false, applyGlobals(glob["HttpApi"], props), path
			a.props["__condition"] = cond
		case "AWS::Serverless::SimpleTable":
			out = append(out, s.simpleTable(base, applyGlobals(glob["SimpleTable"], props)))
		default:
			if strings.HasPrefix(typ, "AWS::Serverless::") {
				s.add(t.errAt(path+"/Type", "E3006", "Resource type '%s' is not supported in learnsls; the SAM types here are AWS::Serverless::Function, Api, HttpApi and SimpleTable", typ))
				continue
			}
			s.checkPlain(base)
			out = append(out, base)
		}
	}
	for _, id := range apiOrder {
		a := apis[id]
		if a.implicit {
			// SAM applies Globals to the APIs it creates, too.
			if a.http {
				a.props = applyGlobals(glob["HttpApi"], a.props)
			} else {
				a.props = applyGlobals(glob["Api"], a.props)
			}
		}
		if a.http {
			out = append(out, s.httpAPI(a)...)
		} else {
			out = append(out, s.restAPI(a)...)
		}
	}
	return out
}

var logicalIDRe = regexp.MustCompile(`^[A-Za-z0-9]+$`)

func validLogicalID(id string) bool { return logicalIDRe.MatchString(id) }

// intProp checks that props[key], if present, is an integer (or a string of
// one, as CloudFormation accepts) within [lo, hi].
func (s *state) intProp(props map[string]any, key, path string, lo, hi int) {
	v, ok := props[key]
	if !ok {
		return
	}
	if m, isMap := v.(map[string]any); isMap {
		if _, _, fn := intrinsicName(m); fn {
			return
		}
	}
	var n int
	switch x := v.(type) {
	case int:
		n = x
	case string:
		i, err := strconv.Atoi(x)
		if err != nil {
			s.add(s.t.errAt(path+"/"+key, "E3012", "Property %s/%s should be of type Integer", path, key))
			return
		}
		n = i
	default:
		s.add(s.t.errAt(path+"/"+key, "E3012", "Property %s/%s should be of type Integer", path, key))
		return
	}
	if n < lo || n > hi {
		s.add(s.t.errAt(path+"/"+key, "E3034", "Value %d at %s/%s should be between %d and %d", n, path, key, lo, hi))
	}
}

func (s *state) stringProp(props map[string]any, key, path string, required bool) {
	v, ok := props[key]
	if !ok {
		if required {
			s.add(s.t.errAt(path, "E3003", "Property %s missing at %s", key, path))
		}
		return
	}
	switch x := v.(type) {
	case string:
	case map[string]any:
		if _, _, fn := intrinsicName(x); !fn {
			s.add(s.t.errAt(path+"/"+key, "E3012", "Property %s/%s should be of type String", path, key))
		}
	case int, float64, bool:
	default:
		s.add(s.t.errAt(path+"/"+key, "E3012", "Property %s/%s should be of type String", path, key))
	}
}

func isIntrinsic(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, _, fn := intrinsicName(m)
	return fn
}

func (s *state) mapProp(props map[string]any, key, path string) map[string]any {
	v, ok := props[key]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok || isIntrinsic(v) {
		if !isIntrinsic(v) {
			s.add(s.t.errAt(path+"/"+key, "E3012", "Property %s/%s should be of type Object", path, key))
		}
		return nil
	}
	return m
}

var runtimes = []string{"provided.al2023", "provided.al2"}

func ref(id string) map[string]any          { return map[string]any{"Ref": id} }
func getAtt(id, attr string) map[string]any { return map[string]any{"Fn::GetAtt": []any{id, attr}} }
func samTags() []any {
	return []any{map[string]any{"Key": "lambda:createdBy", "Value": "SAM"}}
}

func copyKeys(dst, src map[string]any, keys ...string) {
	for _, k := range keys {
		if v, ok := src[k]; ok {
			dst[k] = v
		}
	}
}

// function expands AWS::Serverless::Function.
func (s *state) function(base *cfnRes, p map[string]any, getAPI func(string, bool) *apiBuild) []*cfnRes {
	t, id, path := s.t, base.id, base.propsPath
	for _, k := range s.t.keys(path, p) {
		switch k {
		case "CodeUri", "InlineCode", "Handler", "Runtime", "Architectures", "MemorySize", "Timeout", "Environment",
			"Policies", "Role", "ReservedConcurrentExecutions", "FunctionUrlConfig", "Events", "FunctionName",
			"Description", "Tags", "Tracing", "Layers", "PermissionsBoundary", "EphemeralStorage", "AutoPublishAlias",
			"LoggingConfig", "AssumeRolePolicyDocument":
		default:
			s.add(t.errAt(path+"/"+k, "E3002", "Invalid Property %s/%s", path, k))
		}
	}
	s.stringProp(p, "Handler", path, false)
	s.intProp(p, "MemorySize", path, 128, 10240)
	s.intProp(p, "Timeout", path, 1, 900)
	s.intProp(p, "ReservedConcurrentExecutions", path, 0, 1000)
	if rt, ok := p["Runtime"]; !ok {
		s.add(t.errAt(path, "E3003", "Property Runtime missing at %s (learnsls runs Go handlers on provided.al2023)", path))
	} else if str, isStr := rt.(string); isStr {
		valid := false
		for _, r := range runtimes {
			valid = valid || r == str
		}
		if !valid {
			msg := "You must specify a valid value for Runtime (%s). Valid values are [%s]"
			if str == "go1.x" {
				msg += "; go1.x was retired by AWS: Go functions now run on provided.al2023 with Handler: bootstrap"
			}
			s.add(t.errAt(path+"/Runtime", "E3030", msg, str, strings.Join(runtimes, ", ")))
		}
	}
	if arch, ok := p["Architectures"]; ok {
		l, isList := arch.([]any)
		if !isList || len(l) != 1 {
			s.add(t.errAt(path+"/Architectures", "E3012", "Property %s/Architectures should be a list of exactly one of x86_64, arm64", path))
		} else if a, _ := l[0].(string); a != "x86_64" && a != "arm64" {
			s.add(t.errAt(path+"/Architectures/0", "E3030", "You must specify a valid value for Architectures (%v). Valid values are [x86_64, arm64]", l[0]))
		}
	}
	if env := s.mapProp(p, "Environment", path); env != nil {
		if vars, ok := env["Variables"]; ok {
			if vm, isMap := vars.(map[string]any); !isMap || isIntrinsic(vars) {
				s.add(t.errAt(path+"/Environment/Variables", "E3012", "Property %s/Environment/Variables should be of type Object", path))
			} else {
				for k, v := range vm {
					if _, bad := v.([]any); bad {
						s.add(t.errAt(path+"/Environment/Variables/"+k, "E3012", "Property %s/Environment/Variables/%s should be of type String", path, k))
					}
					if m, bad := v.(map[string]any); bad && !isIntrinsic(m) {
						s.add(t.errAt(path+"/Environment/Variables/"+k, "E3012", "Property %s/Environment/Variables/%s should be of type String", path, k))
					}
				}
			}
		}
	}

	fn := map[string]any{}
	copyKeys(fn, p, "FunctionName", "Handler", "Runtime", "Architectures", "MemorySize", "Timeout", "Environment",
		"ReservedConcurrentExecutions", "Description", "Layers", "EphemeralStorage", "LoggingConfig")
	if _, ok := fn["Handler"]; !ok {
		fn["Handler"] = "bootstrap"
	}
	code := p["CodeUri"]
	if code == nil {
		code = "."
	}
	if inline, ok := p["InlineCode"]; ok {
		fn["Code"] = map[string]any{"ZipFile": inline}
	} else {
		// learnsls builds CodeUri locally instead of uploading it to S3.
		fn["Code"] = map[string]any{"CodeUri": code}
	}
	tags := samTags()
	if ut, ok := p["Tags"].(map[string]any); ok {
		for _, k := range sortedKeys(ut) {
			tags = append(tags, map[string]any{"Key": k, "Value": ut[k]})
		}
	}
	fn["Tags"] = tags
	if tr, ok := p["Tracing"]; ok {
		fn["TracingConfig"] = map[string]any{"Mode": tr}
	}
	out := []*cfnRes{}
	fnRes := &cfnRes{id: id, typ: "AWS::Lambda::Function", props: fn, dependsOn: base.dependsOn, condition: base.condition, path: base.path, source: id, propsPath: path}
	out = append(out, fnRes)

	var role *cfnRes
	var eventManaged []any
	if r, ok := p["Role"]; ok {
		fn["Role"] = r
	} else {
		roleID := id + "Role"
		fn["Role"] = getAtt(roleID, "Arn")
		fnRes.dependsOn = append(append([]string(nil), fnRes.dependsOn...), roleID)
		managed := []any{map[string]any{"Fn::Sub": managedPolicies["AWSLambdaBasicExecutionRole"]}}
		var inline []any
		s.policies(p, id, path, &managed, &inline)
		assume := map[string]any{
			"Version": "2012-10-17",
			"Statement": []any{map[string]any{
				"Action":    []any{"sts:AssumeRole"},
				"Effect":    "Allow",
				"Principal": map[string]any{"Service": []any{"lambda.amazonaws.com"}},
			}},
		}
		if a, ok := p["AssumeRolePolicyDocument"]; ok {
			assume, _ = a.(map[string]any)
		}
		rp := map[string]any{"AssumeRolePolicyDocument": assume, "ManagedPolicyArns": managed, "Tags": samTags()}
		if len(inline) > 0 {
			rp["Policies"] = inline
		}
		if pb, ok := p["PermissionsBoundary"]; ok {
			rp["PermissionsBoundary"] = pb
		}
		role = &cfnRes{id: roleID, typ: "AWS::IAM::Role", props: rp, condition: base.condition, path: base.path, source: id, propsPath: path}
		out = append(out, role)
	}

	if fuc := s.mapProp(p, "FunctionUrlConfig", path); fuc != nil {
		auth, _ := fuc["AuthType"].(string)
		if auth != "NONE" && auth != "AWS_IAM" {
			s.add(s.transformErr(path+"/FunctionUrlConfig", id, "FunctionUrlConfig.AuthType must be NONE or AWS_IAM"))
		}
		up := map[string]any{"AuthType": auth, "TargetFunctionArn": ref(id)}
		copyKeys(up, fuc, "Cors", "InvokeMode")
		out = append(out, &cfnRes{id: id + "Url", typ: "AWS::Lambda::Url", props: up, condition: base.condition, path: base.path, source: id, propsPath: path + "/FunctionUrlConfig"})
		if auth == "NONE" {
			out = append(out, &cfnRes{id: id + "UrlPublicPermissions", typ: "AWS::Lambda::Permission", props: map[string]any{
				"Action": "lambda:InvokeFunctionUrl", "FunctionName": ref(id), "FunctionUrlAuthType": "NONE", "Principal": "*",
			}, condition: base.condition, path: base.path, source: id, propsPath: path + "/FunctionUrlConfig"})
		}
	}

	events := s.mapProp(p, "Events", path)
	for _, ev := range s.t.keys(path+"/Events", events) {
		epath := path + "/Events/" + ev
		if !validLogicalID(ev) {
			s.add(s.transformErr(epath, id, "Event with id [%s] is invalid. Logical ids must be alphanumeric.", ev))
			continue
		}
		e, ok := events[ev].(map[string]any)
		if !ok {
			s.add(s.transformErr(epath, id, "Event with id [%s] is invalid. It should be a mapping with Type and Properties.", ev))
			continue
		}
		etype, _ := e["Type"].(string)
		ep, _ := e["Properties"].(map[string]any)
		if ep == nil {
			ep = map[string]any{}
		}
		pp := epath + "/Properties"
		require := func(keys ...string) bool {
			okAll := true
			for _, k := range keys {
				if _, ok := ep[k]; !ok {
					s.add(s.transformErr(pp, id, "Event with id [%s] is invalid. Missing required property '%s'.", ev, k))
					okAll = false
				}
			}
			return okAll
		}
		lid := id + ev
		mk := func(suffix, typ string, props map[string]any) *cfnRes {
			return &cfnRes{id: lid + suffix, typ: typ, props: props, condition: base.condition, path: epath, source: id, propsPath: pp}
		}
		permission := func(principal string, sourceArn any) *cfnRes {
			return mk("Permission", "AWS::Lambda::Permission", map[string]any{
				"Action": "lambda:InvokeFunction", "FunctionName": ref(id), "Principal": principal, "SourceArn": sourceArn,
			})
		}
		switch etype {
		case "Api":
			if !require("Path", "Method") {
				continue
			}
			apiID := "ServerlessRestApi"
			if r, ok := ep["RestApiId"].(map[string]any); ok {
				if name, ok := r["Ref"].(string); ok {
					apiID = name
				}
			}
			if _, ok := ep["RestApiId"]; ok && (apiID == "ServerlessRestApi" || !s.isType(apiID, "AWS::Serverless::Api")) {
				s.add(s.transformErr(pp+"/RestApiId", id, "Event with id [%s] is invalid. RestApiId must be a valid reference to an 'AWS::Serverless::Api' resource in same template.", ev))
				continue
			}
			a := getAPI(apiID, false)
			auth, _ := ep["Auth"].(map[string]any)
			a.events = append(a.events, apiEvent{fn: id, event: ev, path: scalarString(ep["Path"]), method: scalarString(ep["Method"]), auth: auth, srcPath: pp})
		case "HttpApi":
			apiID := "ServerlessHttpApi"
			if r, ok := ep["ApiId"].(map[string]any); ok {
				if name, ok := r["Ref"].(string); ok {
					apiID = name
				}
			}
			if _, ok := ep["ApiId"]; ok && (apiID == "ServerlessHttpApi" || !s.isType(apiID, "AWS::Serverless::HttpApi")) {
				s.add(s.transformErr(pp+"/ApiId", id, "Event with id [%s] is invalid. ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.", ev))
				continue
			}
			a := getAPI(apiID, true)
			auth, _ := ep["Auth"].(map[string]any)
			pathStr, method := "$default", "ANY"
			if v, ok := ep["Path"]; ok {
				pathStr = scalarString(v)
			}
			if v, ok := ep["Method"]; ok {
				method = scalarString(v)
			}
			a.events = append(a.events, apiEvent{fn: id, event: ev, path: pathStr, method: method, auth: auth,
				payloadVersion: ep["PayloadFormatVersion"], timeout: ep["TimeoutInMillis"], srcPath: pp})
		case "DynamoDB", "SQS":
			srcKey, policy := "Stream", "AWSLambdaDynamoDBExecutionRole"
			if etype == "SQS" {
				srcKey, policy = "Queue", "AWSLambdaSQSQueueExecutionRole"
			}
			req := []string{srcKey}
			if etype == "DynamoDB" {
				req = append(req, "StartingPosition")
			}
			if !require(req...) {
				continue
			}
			s.intProp(ep, "BatchSize", pp, 1, 10000)
			m := map[string]any{"EventSourceArn": ep[srcKey], "FunctionName": ref(id)}
			copyKeys(m, ep, "StartingPosition", "BatchSize", "Enabled", "MaximumBatchingWindowInSeconds", "FilterCriteria",
				"FunctionResponseTypes", "BisectBatchOnFunctionError", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds",
				"ParallelizationFactor", "ScalingConfig", "DestinationConfig", "TumblingWindowInSeconds")
			esm := mk("", "AWS::Lambda::EventSourceMapping", m)
			if role != nil {
				esm.dependsOn = []string{role.id}
				eventManaged = appendUnique(eventManaged, map[string]any{"Fn::Sub": managedPolicies[policy]})
			}
			out = append(out, esm)
		case "SNS":
			if !require("Topic") {
				continue
			}
			sp := map[string]any{"Endpoint": getAtt(id, "Arn"), "Protocol": "lambda", "TopicArn": ep["Topic"]}
			copyKeys(sp, ep, "FilterPolicy", "FilterPolicyScope", "Region")
			out = append(out, mk("", "AWS::SNS::Subscription", sp), permission("sns.amazonaws.com", ep["Topic"]))
		case "EventBridgeRule", "Schedule":
			rp := map[string]any{}
			target := map[string]any{"Arn": getAtt(id, "Arn"), "Id": lid + "LambdaTarget"}
			if etype == "EventBridgeRule" {
				if !require("Pattern") {
					continue
				}
				rp["EventPattern"] = ep["Pattern"]
				copyKeys(rp, ep, "EventBusName")
				rp["State"] = "ENABLED"
				if st, ok := ep["State"]; ok {
					rp["State"] = st
				}
			} else {
				if !require("Schedule") {
					continue
				}
				rp["ScheduleExpression"] = ep["Schedule"]
				rp["State"] = "ENABLED"
				if en, ok := ep["Enabled"].(bool); ok && !en {
					rp["State"] = "DISABLED"
				}
				if st, ok := ep["State"]; ok {
					rp["State"] = st
				}
			}
			copyKeys(rp, ep, "Name", "Description")
			copyKeys(target, ep, "Input", "InputPath")
			if tg, ok := ep["Target"].(map[string]any); ok {
				if tid, ok := tg["Id"]; ok {
					target["Id"] = tid
				}
			}
			rp["Targets"] = []any{target}
			rule := mk("", "AWS::Events::Rule", rp)
			out = append(out, rule, permission("events.amazonaws.com", getAtt(rule.id, "Arn")))
		case "":
			s.add(s.transformErr(epath, id, "Event with id [%s] is invalid. Missing required property 'Type'.", ev))
		default:
			s.add(s.transformErr(epath+"/Type", id, "Event with id [%s] is invalid. Event type '%s' is not supported in learnsls; supported types are Api, HttpApi, DynamoDB, SQS, SNS, EventBridgeRule, Schedule.", ev, etype))
		}
	}
	if role != nil && len(eventManaged) > 0 {
		m := role.props["ManagedPolicyArns"].([]any)
		for _, e := range eventManaged {
			m = appendUnique(m, e)
		}
		role.props["ManagedPolicyArns"] = m
	}
	return out
}

func appendUnique(l []any, v any) []any {
	b, _ := json.Marshal(v)
	for _, x := range l {
		if xb, _ := json.Marshal(x); string(xb) == string(b) {
			return l
		}
	}
	return append(l, v)
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// policies sorts a function's Policies into managed ARNs and inline
// documents named <Function>RolePolicy<index>, as SAM does.
func (s *state) policies(p map[string]any, id, path string, managed, inline *[]any) {
	raw, ok := p["Policies"]
	if !ok {
		return
	}
	var list []any
	switch x := raw.(type) {
	case []any:
		list = x
	case string:
		list = []any{x}
	case map[string]any:
		list = []any{x}
	default:
		s.add(s.transformErr(path+"/Policies", id, "Type of property 'Policies' is invalid."))
		return
	}
	single := false
	if _, isList := raw.([]any); !isList {
		single = true
	}
	for i, pol := range list {
		ppath := path + "/Policies/" + strconv.Itoa(i)
		if single {
			ppath = path + "/Policies"
		}
		name := id + "RolePolicy" + strconv.Itoa(i)
		switch x := pol.(type) {
		case string:
			if strings.HasPrefix(x, "arn:") {
				*managed = append(*managed, x)
			} else if arn, ok := managedPolicies[x]; ok {
				*managed = append(*managed, map[string]any{"Fn::Sub": arn})
			} else {
				s.add(s.transformErr(ppath, id, "Policy at index %d in the 'Policies' property is not valid: '%s' is not an AWS managed policy learnsls models (known: %s)", i, x, strings.Join(ManagedPolicyNames(), ", ")))
			}
		case map[string]any:
			if isIntrinsic(x) {
				*managed = append(*managed, x)
				continue
			}
			if _, ok := x["Statement"]; ok {
				*inline = append(*inline, map[string]any{"PolicyName": name, "PolicyDocument": x})
				continue
			}
			if len(x) != 1 {
				s.add(s.transformErr(ppath, id, "Policy at index %d in the 'Policies' property is not valid", i))
				continue
			}
			for tname, arg := range x {
				doc, msg := expandPolicyTemplate(tname, arg, i)
				if msg != "" {
					s.add(s.transformErr(ppath, id, "%s", msg))
					continue
				}
				*inline = append(*inline, map[string]any{"PolicyName": name, "PolicyDocument": doc})
			}
		default:
			s.add(s.transformErr(ppath, id, "Policy at index %d in the 'Policies' property is not valid", i))
		}
	}
}

// simpleTable expands AWS::Serverless::SimpleTable.
func (s *state) simpleTable(base *cfnRes, p map[string]any) *cfnRes {
	name, typ := "id", "S"
	if pk := s.mapProp(p, "PrimaryKey", base.propsPath); pk != nil {
		if n, ok := pk["Name"]; ok {
			name = scalarString(n)
		}
		switch pk["Type"] {
		case nil, "String":
		case "Number":
			typ = "N"
		case "Binary":
			typ = "B"
		default:
			s.add(s.transformErr(base.propsPath+"/PrimaryKey/Type", base.id, "Type of property 'PrimaryKey.Type' is invalid: use String, Number or Binary."))
		}
	}
	t := map[string]any{
		"AttributeDefinitions": []any{map[string]any{"AttributeName": name, "AttributeType": typ}},
		"KeySchema":            []any{map[string]any{"AttributeName": name, "KeyType": "HASH"}},
	}
	if pt, ok := p["ProvisionedThroughput"]; ok {
		t["ProvisionedThroughput"] = pt
	} else {
		t["BillingMode"] = "PAY_PER_REQUEST"
	}
	copyKeys(t, p, "TableName", "SSESpecification", "PointInTimeRecoverySpecification")
	if tags, ok := p["Tags"].(map[string]any); ok {
		var l []any
		for _, k := range sortedKeys(tags) {
			l = append(l, map[string]any{"Key": k, "Value": tags[k]})
		}
		t["Tags"] = l
	}
	return &cfnRes{id: base.id, typ: "AWS::DynamoDB::Table", props: t, dependsOn: base.dependsOn, condition: base.condition, path: base.path, source: base.id, propsPath: base.propsPath}
}

// checkPlain validates the few properties of plain CloudFormation resources
// that learners most often get wrong.
func (s *state) checkPlain(r *cfnRes) {
	switch r.typ {
	case "AWS::DynamoDB::Table":
		for _, k := range []string{"KeySchema", "AttributeDefinitions"} {
			if _, ok := r.props[k]; !ok {
				s.add(s.t.errAt(r.propsPath, "E3003", "Property %s missing at %s", k, r.propsPath))
			} else if _, isList := r.props[k].([]any); !isList && !isIntrinsic(r.props[k]) {
				s.add(s.t.errAt(r.propsPath+"/"+k, "E3012", "Property %s/%s should be of type List", r.propsPath, k))
			}
		}
		if bm, ok := r.props["BillingMode"].(string); ok && bm != "PAY_PER_REQUEST" && bm != "PROVISIONED" {
			s.add(s.t.errAt(r.propsPath+"/BillingMode", "E3030", "You must specify a valid value for BillingMode (%s). Valid values are [PAY_PER_REQUEST, PROVISIONED]", bm))
		}
	case "AWS::IAM::Role":
		if _, ok := r.props["AssumeRolePolicyDocument"]; !ok {
			s.add(s.t.errAt(r.propsPath, "E3003", "Property AssumeRolePolicyDocument missing at %s", r.propsPath))
		}
	case "AWS::IAM::Policy":
		for _, k := range []string{"PolicyDocument", "PolicyName"} {
			if _, ok := r.props[k]; !ok {
				s.add(s.t.errAt(r.propsPath, "E3003", "Property %s missing at %s", k, r.propsPath))
			}
		}
	case "AWS::Lambda::Permission":
		for _, k := range []string{"Action", "FunctionName", "Principal"} {
			if _, ok := r.props[k]; !ok {
				s.add(s.t.errAt(r.propsPath, "E3003", "Property %s missing at %s", k, r.propsPath))
			}
		}
	case "AWS::Events::EventBus":
		v, ok := r.props["Name"]
		switch {
		case !ok:
			s.add(s.t.errAt(r.propsPath, "E3003", "Property Name missing at %s", r.propsPath))
		case isIntrinsic(v):
		default:
			name, isStr := v.(string)
			if !isStr {
				s.add(s.t.errAt(r.propsPath+"/Name", "E3012", "Property %s/Name should be of type String", r.propsPath))
			} else if !eventBusName.MatchString(name) {
				s.add(s.t.errAt(r.propsPath+"/Name", "E3031", "'%s' does not match '%s': an event bus name is 1 to 256 letters, digits, '.', '-', '_' or '/'", name, eventBusName.String()))
			} else if name == "default" {
				s.add(s.t.errAt(r.propsPath+"/Name", "E3030", "Event bus name 'default' is reserved: every account already has the default bus; choose another name"))
			}
		}
	case "AWS::SQS::QueuePolicy":
		s.checkResourcePolicy(r, "Queues")
	case "AWS::SNS::TopicPolicy":
		s.checkResourcePolicy(r, "Topics")
	case "AWS::Events::Rule":
		_, a := r.props["EventPattern"]
		_, b := r.props["ScheduleExpression"]
		if !a && !b {
			s.add(s.t.errAt(r.propsPath, "E3003", "One of EventPattern or ScheduleExpression is required at %s", r.propsPath))
		}
	}
}

// eventBusName is EventBridge's pattern for a custom bus name.
var eventBusName = regexp.MustCompile(`^[/\.\-_A-Za-z0-9]{1,256}$`)

// checkResourcePolicy validates an AWS::SQS::QueuePolicy or
// AWS::SNS::TopicPolicy: a non-empty list of targets (listKey) and a
// PolicyDocument object with a Statement.
func (s *state) checkResourcePolicy(r *cfnRes, listKey string) {
	for _, k := range []string{listKey, "PolicyDocument"} {
		if _, ok := r.props[k]; !ok {
			s.add(s.t.errAt(r.propsPath, "E3003", "Property %s missing at %s", k, r.propsPath))
		}
	}
	if v, ok := r.props[listKey]; ok && !isIntrinsic(v) {
		if l, isList := v.([]any); !isList {
			s.add(s.t.errAt(r.propsPath+"/"+listKey, "E3012", "Property %s/%s should be of type List", r.propsPath, listKey))
		} else if len(l) == 0 {
			s.add(s.t.errAt(r.propsPath+"/"+listKey, "E3032", "Property %s/%s must name at least one %s", r.propsPath, listKey, strings.ToLower(strings.TrimSuffix(listKey, "s"))))
		}
	}
	if v, ok := r.props["PolicyDocument"]; ok && !isIntrinsic(v) {
		doc, isMap := v.(map[string]any)
		switch {
		case !isMap:
			s.add(s.t.errAt(r.propsPath+"/PolicyDocument", "E3012", "Property %s/PolicyDocument should be of type Json (a mapping with Version and Statement)", r.propsPath))
		case doc["Statement"] == nil:
			s.add(s.t.errAt(r.propsPath+"/PolicyDocument", "E3003", "Property Statement missing at %s/PolicyDocument", r.propsPath))
		}
	}
}

// hash10 is SAM's deployment suffix: the first 10 hex digits of a SHA-1 of
// the API definition, so a changed API gets a new deployment.
func hash10(v any) string {
	b, _ := json.Marshal(v)
	h := sha1.Sum(b)
	return hex.EncodeToString(h[:])[:10]
}

// isType reports whether the template declares logical ID id with type typ.
func (s *state) isType(id, typ string) bool {
	r, _ := section(s.t, "Resources")[id].(map[string]any)
	return r != nil && r["Type"] == typ
}
