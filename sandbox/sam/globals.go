package sam

import (
	"fmt"
	"sort"
	"strings"
)

// globalsAllowed lists, per Globals section, the properties SAM accepts
// there. Role, Policies, FunctionName and Events are deliberately absent from
// Function, and StageName from Api, as in SAM.
var globalsAllowed = map[string][]string{
	"Function": {"Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout",
		"VpcConfig", "Environment", "Tags", "Tracing", "KmsKeyArn", "Layers", "AutoPublishAlias",
		"DeploymentPreference", "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
		"AssumeRolePolicyDocument", "EventInvokeConfig", "Architectures", "EphemeralStorage", "FunctionUrlConfig",
		"RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SnapStart"},
	"Api": {"Auth", "Name", "DefinitionUri", "CacheClusterEnabled", "CacheClusterSize", "MergeDefinitions",
		"Variables", "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes", "MinimumCompressionSize",
		"Cors", "GatewayResponses", "AccessLogSetting", "CanarySetting", "TracingEnabled", "OpenApiVersion",
		"Domain", "AlwaysDeploy", "PropagateTags"},
	"HttpApi": {"Auth", "AccessLogSettings", "StageVariables", "Tags", "RouteSettings", "FailOnWarnings",
		"Domain", "CorsConfiguration", "DefaultRouteSettings", "PropagateTags"},
	"SimpleTable": {"SSESpecification", "PointInTimeRecoverySpecification"},
}

// globals checks the Globals section and returns it by resource kind.
func (s *state) globals() map[string]map[string]any {
	g := section(s.t, "Globals")
	out := map[string]map[string]any{}
	for _, kind := range s.t.keys("Globals", g) {
		allowed, ok := globalsAllowed[kind]
		if !ok {
			s.add(s.t.errAt("Globals/"+kind, "E0001", "'Globals' section is invalid. '%s' is not supported. Must be one of the following values - [Api, Function, HttpApi, SimpleTable]", kind))
			continue
		}
		m, ok := g[kind].(map[string]any)
		if !ok {
			s.add(s.t.errAt("Globals/"+kind, "E0001", "'Globals' section is invalid. Value of %s must be a dictionary", kind))
			continue
		}
		sorted := append([]string(nil), allowed...)
		sort.Strings(sorted)
		for _, prop := range s.t.keys("Globals/"+kind, m) {
			found := false
			for _, a := range allowed {
				found = found || a == prop
			}
			if !found {
				s.add(s.t.errAt("Globals/"+kind+"/"+prop, "E0001", "'Globals' section is invalid. '%s' is not a supported property of '%s'. Must be one of the following values - [%s]", prop, kind, strings.Join(sorted, ", ")))
			}
		}
		out[kind] = m
	}
	return out
}

// mergeGlobal applies SAM's rules: the resource's own scalar wins, maps merge
// recursively, lists concatenate with the global items first. An intrinsic
// function on either side is treated as a scalar.
func mergeGlobal(global, local any) any {
	gm, gIsMap := global.(map[string]any)
	lm, lIsMap := local.(map[string]any)
	if gIsMap && lIsMap {
		if _, _, ok := intrinsicName(gm); !ok {
			if _, _, ok := intrinsicName(lm); !ok {
				out := make(map[string]any, len(gm)+len(lm))
				for k, v := range gm {
					out[k] = v
				}
				for k, v := range lm {
					if gv, ok := gm[k]; ok {
						out[k] = mergeGlobal(gv, v)
					} else {
						out[k] = v
					}
				}
				return out
			}
		}
	}
	gl, gIsList := global.([]any)
	ll, lIsList := local.([]any)
	if gIsList && lIsList {
		return append(append([]any{}, gl...), ll...)
	}
	return local
}

func applyGlobals(g map[string]any, props map[string]any) map[string]any {
	if len(g) == 0 {
		return props
	}
	out := make(map[string]any, len(props)+len(g))
	for k, v := range props {
		out[k] = v
	}
	for k, gv := range g {
		if lv, ok := props[k]; ok {
			out[k] = mergeGlobal(gv, lv)
		} else {
			out[k] = gv
		}
	}
	return out
}

func describe(v any) string {
	switch v.(type) {
	case map[string]any:
		return "Object"
	case []any:
		return "List"
	case string:
		return "String"
	case int, float64:
		return "Number"
	case bool:
		return "Boolean"
	}
	return fmt.Sprintf("%T", v)
}
