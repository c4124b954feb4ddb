package sam

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// noValue is what AWS::NoValue resolves to: the surrounding key or list
// element disappears.
type noValue struct{}

var pseudoParams = map[string]bool{
	"AWS::Region": true, "AWS::AccountId": true, "AWS::StackName": true, "AWS::Partition": true,
	"AWS::URLSuffix": true, "AWS::NoValue": true, "AWS::StackId": true, "AWS::NotificationARNs": true,
}

func (s *state) pseudo(name string) (any, bool) {
	switch name {
	case "AWS::Region":
		return s.opt.Region, true
	case "AWS::AccountId":
		return s.opt.AccountID, true
	case "AWS::StackName":
		return s.opt.StackName, true
	case "AWS::Partition":
		return s.opt.Partition, true
	case "AWS::URLSuffix":
		return "amazonaws.com", true
	case "AWS::NoValue":
		return noValue{}, true
	case "AWS::StackId":
		return fmt.Sprintf("arn:%s:cloudformation:%s:%s:stack/%s/%s", s.opt.Partition, s.opt.Region, s.opt.AccountID, s.opt.StackName, stableUUID(s.opt.StackName)), true
	case "AWS::NotificationARNs":
		return []any{}, true
	}
	return nil, false
}

// intrinsicName reports whether m is a single-key intrinsic call.
func intrinsicName(m map[string]any) (string, any, bool) {
	if len(m) != 1 {
		return "", nil, false
	}
	for k, v := range m {
		if k == "Ref" || strings.HasPrefix(k, "Fn::") {
			return k, v, true
		}
	}
	return "", nil, false
}

// condition evaluates a named condition once, detecting loops.
func (s *state) condition(name, path string) bool {
	if v, ok := s.condMemo[name]; ok {
		return v
	}
	conds := section(s.t, "Conditions")
	expr, ok := conds[name]
	if !ok {
		s.add(s.t.errAt(path, "E8002", "Condition %s is not defined", name))
		return false
	}
	if s.condBusy[name] {
		s.add(s.t.errAt("Conditions/"+name, "E8007", "Condition %s depends on itself", name))
		return false
	}
	s.condBusy[name] = true
	v := s.condExpr(expr, "Conditions/"+name)
	s.condBusy[name] = false
	s.condMemo[name] = v
	return v
}

func (s *state) condExpr(expr any, path string) bool {
	m, ok := expr.(map[string]any)
	if !ok || len(m) != 1 {
		s.add(s.t.errAt(path, "E8001", "Condition must be one of Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition"))
		return false
	}
	for fn, arg := range m {
		p := path + "/" + fn
		switch fn {
		case "Condition":
			name, _ := arg.(string)
			return s.condition(name, p)
		case "Fn::Equals":
			l, ok := arg.([]any)
			if !ok || len(l) != 2 {
				s.add(s.t.errAt(p, "E8003", "Fn::Equals takes a list of exactly two values"))
				return false
			}
			a := s.eval(l[0], p+"/0", nil)
			b := s.eval(l[1], p+"/1", nil)
			return scalarString(a) == scalarString(b)
		case "Fn::And", "Fn::Or":
			l, ok := arg.([]any)
			if !ok || len(l) < 2 || len(l) > 10 {
				s.add(s.t.errAt(p, "E8004", "%s takes a list of 2 to 10 conditions", fn))
				return false
			}
			res := fn == "Fn::And"
			for i, x := range l {
				v := s.condExpr(x, p+"/"+strconv.Itoa(i))
				if fn == "Fn::And" {
					res = res && v
				} else {
					res = res || v
				}
			}
			return res
		case "Fn::Not":
			l, ok := arg.([]any)
			if !ok || len(l) != 1 {
				s.add(s.t.errAt(p, "E8005", "Fn::Not takes a list of exactly one condition"))
				return false
			}
			return !s.condExpr(l[0], p+"/0")
		}
		s.add(s.t.errAt(p, "E8001", "Condition must be one of Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, not %s", fn))
	}
	return false
}

// eval resolves every intrinsic in v. subVars holds Fn::Sub's variable map.
func (s *state) eval(v any, path string, subVars map[string]any) any {
	switch x := v.(type) {
	case map[string]any:
		if fn, arg, ok := intrinsicName(x); ok {
			return s.call(fn, arg, path+"/"+fn)
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			r := s.eval(e, path+"/"+k, nil)
			if _, gone := r.(noValue); gone {
				continue
			}
			out[k] = r
		}
		return out
	case []any:
		out := make([]any, 0, len(x))
		for i, e := range x {
			r := s.eval(e, path+"/"+strconv.Itoa(i), nil)
			if _, gone := r.(noValue); gone {
				continue
			}
			out = append(out, r)
		}
		return out
	}
	return v
}

func (s *state) ref(name, path string) any {
	if v, ok := s.params[name]; ok {
		return v
	}
	if v, ok := s.pseudo(name); ok {
		return v
	}
	if r, ok := s.done[name]; ok {
		return r.PhysicalID
	}
	if _, ok := s.resources[name]; ok {
		s.add(s.t.errAt(path, "E1012", "Ref %s refers to a resource that is not created (its Condition is false)", name))
		return ""
	}
	s.add(s.t.errAt(path, "E1012", "Ref %s not found as a resource or parameter", name))
	return ""
}

func (s *state) getAtt(res, attr, path string) any {
	r, ok := s.done[res]
	if !ok {
		if _, exists := s.resources[res]; exists {
			s.add(s.t.errAt(path, "E1010", "GetAtt %s.%s refers to a resource that is not created (its Condition is false)", res, attr))
		} else {
			s.add(s.t.errAt(path, "E1010", "Invalid GetAtt %s.%s for resource %s", res, attr, res))
		}
		return ""
	}
	v, ok := r.Attributes[attr]
	if !ok {
		s.add(s.t.errAt(path, "E1010", "Invalid GetAtt %s.%s for resource %s: %s has no attribute %s", res, attr, res, r.Type, attr))
		return ""
	}
	return v
}

func listArg(v any, n int) ([]any, bool) {
	l, ok := v.([]any)
	return l, ok && (n < 0 || len(l) == n)
}

func (s *state) call(fn string, arg any, path string) any {
	t := s.t
	switch fn {
	case "Ref":
		name, ok := arg.(string)
		if !ok {
			s.add(t.errAt(path, "E1020", "Ref should be the name of a resource or parameter"))
			return ""
		}
		return s.ref(name, path)
	case "Fn::GetAtt":
		l, ok := listArg(arg, 2)
		if !ok {
			if str, isStr := arg.(string); isStr {
				a, b, _ := strings.Cut(str, ".")
				l, ok = []any{a, b}, true
			}
		}
		if !ok {
			s.add(t.errAt(path, "E1010", "Fn::GetAtt takes [LogicalId, Attribute] or \"LogicalId.Attribute\""))
			return ""
		}
		res, _ := l[0].(string)
		attr, isStr := s.eval(l[1], path+"/1", nil).(string)
		if res == "" || !isStr || attr == "" {
			s.add(t.errAt(path, "E1010", "Fn::GetAtt takes [LogicalId, Attribute] or \"LogicalId.Attribute\""))
			return ""
		}
		return s.getAtt(res, attr, path)
	case "Fn::Sub":
		var format string
		vars := map[string]any{}
		switch a := arg.(type) {
		case string:
			format = a
		case []any:
			if len(a) != 2 {
				s.add(t.errAt(path, "E1019", "Fn::Sub takes a string or [string, {variables}]"))
				return ""
			}
			f, ok := a[0].(string)
			m, ok2 := a[1].(map[string]any)
			if !ok || !ok2 {
				s.add(t.errAt(path, "E1019", "Fn::Sub takes a string or [string, {variables}]"))
				return ""
			}
			format = f
			for k, v := range m {
				vars[k] = s.eval(v, path+"/1/"+k, nil)
			}
		default:
			s.add(t.errAt(path, "E1019", "Fn::Sub takes a string or [string, {variables}]"))
			return ""
		}
		return s.sub(format, vars, path)
	case "Fn::Join":
		l, ok := listArg(arg, 2)
		delim, dok := "", false
		if ok {
			delim, dok = l[0].(string)
		}
		if !ok || !dok {
			s.add(t.errAt(path, "E1022", "Fn::Join takes [delimiter, [values]]"))
			return ""
		}
		items, ok := s.eval(l[1], path+"/1", nil).([]any)
		if !ok {
			s.add(t.errAt(path+"/1", "E1022", "Fn::Join needs a list of values to join"))
			return ""
		}
		parts := make([]string, 0, len(items))
		for _, it := range items {
			switch it.(type) {
			case map[string]any, []any:
				s.add(t.errAt(path+"/1", "E1022", "Fn::Join can only join text values"))
				return ""
			}
			parts = append(parts, scalarString(it))
		}
		return strings.Join(parts, delim)
	case "Fn::Select":
		l, ok := listArg(arg, 2)
		if !ok {
			s.add(t.errAt(path, "E1017", "Fn::Select takes [index, [values]]"))
			return ""
		}
		idx, err := strconv.Atoi(scalarString(s.eval(l[0], path+"/0", nil)))
		items, isList := s.eval(l[1], path+"/1", nil).([]any)
		if err != nil || !isList {
			s.add(t.errAt(path, "E1017", "Fn::Select takes [index, [values]]"))
			return ""
		}
		if idx < 0 || idx >= len(items) {
			s.add(t.errAt(path, "E1017", "Fn::Select index %d is out of range for a list of %d values", idx, len(items)))
			return ""
		}
		return items[idx]
	case "Fn::Split":
		l, ok := listArg(arg, 2)
		delim, dok := "", false
		if ok {
			delim, dok = l[0].(string)
		}
		if !ok || !dok || delim == "" {
			s.add(t.errAt(path, "E1018", "Fn::Split takes [delimiter, text]"))
			return ""
		}
		str, ok := s.eval(l[1], path+"/1", nil).(string)
		if !ok {
			s.add(t.errAt(path, "E1018", "Fn::Split can only split text"))
			return ""
		}
		return strs(strings.Split(str, delim)...)
	case "Fn::If":
		l, ok := listArg(arg, 3)
		name, nok := "", false
		if ok {
			name, nok = l[0].(string)
		}
		if !ok || !nok {
			s.add(t.errAt(path, "E1028", "Fn::If takes [condition name, value if true, value if false]"))
			return ""
		}
		if s.condition(name, path+"/0") {
			return s.eval(l[1], path+"/1", nil)
		}
		return s.eval(l[2], path+"/2", nil)
	case "Fn::FindInMap":
		l, ok := listArg(arg, 3)
		if !ok {
			s.add(t.errAt(path, "E1011", "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]"))
			return ""
		}
		keys := make([]string, 3)
		for i := range l {
			keys[i] = scalarString(s.eval(l[i], path+"/"+strconv.Itoa(i), nil))
		}
		mp, ok := section(t, "Mappings")[keys[0]].(map[string]any)
		if !ok {
			s.add(t.errAt(path, "E1011", "Map Name %s doesn't exist for Fn::FindInMap", keys[0]))
			return ""
		}
		top, ok := mp[keys[1]].(map[string]any)
		if !ok {
			s.add(t.errAt(path, "E1011", "Top Level Key %s doesn't exist in Map %s for Fn::FindInMap", keys[1], keys[0]))
			return ""
		}
		v, ok := top[keys[2]]
		if !ok {
			s.add(t.errAt(path, "E1011", "Second Level Key %s doesn't exist in Top Level Key %s of Map %s for Fn::FindInMap", keys[2], keys[1], keys[0]))
			return ""
		}
		return v
	case "Fn::Base64":
		str, ok := s.eval(arg, path, nil).(string)
		if !ok {
			s.add(t.errAt(path, "E1021", "Fn::Base64 takes text"))
			return ""
		}
		return base64.StdEncoding.EncodeToString([]byte(str))
	case "Fn::ImportValue":
		s.add(t.errAt(path, "E0001", "Fn::ImportValue is not supported in learnsls: each exercise is one stack, so there is no other stack to import from; pass the value in as a Parameter instead"))
		return ""
	}
	s.add(t.errAt(path, "E0001", "%s is not supported in learnsls; the intrinsic functions here are Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::FindInMap and Fn::Base64", fn))
	return ""
}

// sub expands ${Name}, ${Res.Attr} and ${!Literal} in format.
func (s *state) sub(format string, vars map[string]any, path string) string {
	var b strings.Builder
	for {
		i := strings.Index(format, "${")
		if i < 0 {
			b.WriteString(format)
			return b.String()
		}
		b.WriteString(format[:i])
		rest := format[i+2:]
		j := strings.Index(rest, "}")
		if j < 0 {
			b.WriteString(format[i:])
			return b.String()
		}
		name := rest[:j]
		format = rest[j+1:]
		if strings.HasPrefix(name, "!") {
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		name = strings.TrimSpace(name)
		if v, ok := vars[name]; ok {
			b.WriteString(scalarString(v))
			continue
		}
		if res, attr, dotted := strings.Cut(name, "."); dotted {
			if _, known := s.resources[res]; known {
				b.WriteString(scalarString(s.getAtt(res, attr, path)))
				continue
			}
		} else if _, known := s.params[name]; known {
			b.WriteString(scalarString(s.params[name]))
			continue
		} else if v, ok := s.pseudo(name); ok {
			b.WriteString(scalarString(v))
			continue
		} else if _, known := s.resources[name]; known {
			b.WriteString(scalarString(s.ref(name, path)))
			continue
		}
		s.add(s.t.errAt(path, "E1019", "Parameter %s for Fn::Sub not found at %s", name, subPath(path)))
	}
}

func subPath(p string) string {
	return strings.TrimSuffix(p, "/Fn::Sub")
}

// deps lists the logical IDs v refers to, reporting references to nothing.
func (s *state) deps(v any, path string, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if fn, arg, ok := intrinsicName(x); ok {
			p := path + "/" + fn
			switch fn {
			case "Ref":
				if name, ok := arg.(string); ok {
					if _, isParam := s.params[name]; !isParam && !pseudoParams[name] {
						if _, isRes := s.resources[name]; isRes {
							out[name] = true
						} else if _, declared := section(s.t, "Parameters")[name]; !declared {
							s.add(s.t.errAt(p, "E1012", "Ref %s not found as a resource or parameter", name))
						}
					}
				}
				return
			case "Fn::GetAtt":
				var res string
				switch a := arg.(type) {
				case []any:
					if len(a) > 0 {
						res, _ = a[0].(string)
					}
				case string:
					res, _, _ = strings.Cut(a, ".")
				}
				if r, isRes := s.resources[res]; isRes {
					attr := ""
					if a, ok := arg.([]any); ok && len(a) == 2 {
						attr, _ = a[1].(string)
					} else if str, ok := arg.(string); ok {
						_, attr, _ = strings.Cut(str, ".")
					}
					if attrs, known := knownTypes[r.typ]; known && attr != "" && !containsString(attrs, attr) {
						s.add(s.t.errAt(p, "E1010", "Invalid GetAtt %s.%s for resource %s: resources of type %s have the attributes [%s]", res, attr, res, r.typ, strings.Join(attrs, ", ")))
						return
					}
					out[res] = true
				} else {
					attr := ""
					if a, ok := arg.([]any); ok && len(a) == 2 {
						attr = scalarString(a[1])
					}
					s.add(s.t.errAt(p, "E1010", "Invalid GetAtt %s.%s for resource %s", res, attr, res))
				}
				return
			case "Fn::Sub":
				var format string
				vars := map[string]any{}
				switch a := arg.(type) {
				case string:
					format = a
				case []any:
					if len(a) == 2 {
						format, _ = a[0].(string)
						vars, _ = a[1].(map[string]any)
						s.deps(a[1], p+"/1", out)
					}
				}
				for _, name := range subNames(format) {
					if _, ok := vars[name]; ok {
						continue
					}
					res, _, _ := strings.Cut(name, ".")
					if _, isRes := s.resources[res]; isRes {
						out[res] = true
					}
				}
				return
			}
			s.deps(arg, p, out)
			return
		}
		for k, e := range x {
			s.deps(e, path+"/"+k, out)
		}
	case []any:
		for i, e := range x {
			s.deps(e, path+"/"+strconv.Itoa(i), out)
		}
	}
}

func subNames(format string) []string {
	var out []string
	for {
		i := strings.Index(format, "${")
		if i < 0 {
			return out
		}
		rest := format[i+2:]
		j := strings.Index(rest, "}")
		if j < 0 {
			return out
		}
		if name := rest[:j]; !strings.HasPrefix(name, "!") {
			out = append(out, strings.TrimSpace(name))
		}
		format = rest[j+1:]
	}
}

// resolveAll orders resources by dependency and resolves them one by one.
func (s *state) resolveAll(list []*cfnRes) *Model {
	s.resources = map[string]*cfnRes{}
	for _, r := range list {
		s.resources[r.id] = r
	}
	// Drop resources whose condition is false, as CloudFormation does.
	var live []*cfnRes
	for _, r := range list {
		if r.condition != "" && !s.condition(r.condition, r.path+"/Condition") {
			continue
		}
		if _, ok := knownTypes[r.typ]; !ok {
			s.add(s.t.errAt(r.path+"/Type", "E3006", "Resource type '%s' is not supported in learnsls (resource %s); supported types are %s", r.typ, r.id, strings.Join(SupportedTypes(), ", ")))
			continue
		}
		live = append(live, r)
	}
	index := map[string]int{}
	for i, r := range live {
		index[r.id] = i
	}
	edges := make([][]int, len(live)) // dependency -> dependents
	indeg := make([]int, len(live))
	for i, r := range live {
		d := map[string]bool{}
		s.deps(r.props, r.propsPath, d)
		for _, x := range r.dependsOn {
			if _, ok := s.resources[x]; !ok {
				s.add(s.t.errAt(r.path+"/DependsOn", "E3005", "DependsOn %s for resource %s does not exist", x, r.id))
				continue
			}
			d[x] = true
		}
		for dep := range d {
			j, ok := index[dep]
			if !ok {
				continue // resource with false condition: reported when resolved
			}
			if j == i {
				s.add(s.t.errAt(r.path, "E3004", "Circular Dependencies for resource %s: it refers to itself", r.id))
				continue
			}
			edges[j] = append(edges[j], i)
			indeg[i]++
		}
	}
	if len(s.errs) > 0 {
		return nil
	}
	// Kahn's algorithm, always taking the earliest ready resource so the
	// order follows the template where dependencies allow.
	var order []int
	ready := []int{}
	for i := range live {
		if indeg[i] == 0 {
			ready = append(ready, i)
		}
	}
	for len(ready) > 0 {
		sort.Ints(ready)
		n := ready[0]
		ready = ready[1:]
		order = append(order, n)
		for _, m := range edges[n] {
			indeg[m]--
			if indeg[m] == 0 {
				ready = append(ready, m)
			}
		}
	}
	if len(order) < len(live) {
		var cyc []string
		for i, r := range live {
			if indeg[i] > 0 {
				cyc = append(cyc, r.id)
			}
		}
		first := live[index[cyc[0]]]
		s.add(s.t.errAt(first.path, "E3004", "Circular Dependencies for resource %s. Circular dependency with [%s]", cyc[0], strings.Join(cyc[1:], ", ")))
		return nil
	}
	m := &Model{byID: map[string]*Resource{}, Parameters: s.params}
	s.done = map[string]*Resource{}
	for _, i := range order {
		r := live[i]
		props, _ := s.eval(r.props, r.propsPath, nil).(map[string]any)
		res := &Resource{LogicalID: r.id, Type: r.typ, Properties: props, DependsOn: r.dependsOn, Source: r.source, Pos: s.t.pos(r.path)}
		res.PhysicalID, res.Attributes = s.opt.Namer.Name(res)
		s.done[r.id] = res
		m.byID[r.id] = res
		m.Resources = append(m.Resources, res)
	}
	outs := section(s.t, "Outputs")
	for _, name := range s.t.keys("Outputs", outs) {
		p := "Outputs/" + name
		o, ok := outs[name].(map[string]any)
		if !ok {
			s.add(s.t.errAt(p, "E6001", "Output %s should be a mapping with a Value", name))
			continue
		}
		if c, ok := o["Condition"].(string); ok && !s.condition(c, p+"/Condition") {
			continue
		}
		v, ok := o["Value"]
		if !ok {
			s.add(s.t.errAt(p, "E6002", "Output %s is missing required property Value", name))
			continue
		}
		out := Output{Name: name, Value: s.eval(v, p+"/Value", nil)}
		out.Description, _ = s.eval(o["Description"], p+"/Description", nil).(string)
		if ex, ok := o["Export"].(map[string]any); ok {
			out.ExportName = scalarString(s.eval(ex["Name"], p+"/Export/Name", nil))
		}
		m.Outputs = append(m.Outputs, out)
	}
	return m
}

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
