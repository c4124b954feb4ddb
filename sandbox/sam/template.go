package sam

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// TransformName is the only transform learnsls understands.
const TransformName = "AWS::Serverless-2016-10-31"

// Options are the account-level facts a template is resolved against.
type Options struct {
	Region     string            // AWS::Region; default "us-east-1"
	AccountID  string            // AWS::AccountId; default "123456789012"
	StackName  string            // AWS::StackName; default "learnsls"
	Partition  string            // AWS::Partition; default "aws"
	Parameters map[string]string // parameter overrides, as `sam deploy --parameter-overrides`
	// Namer gives each resource its physical ID and attributes. Nil means
	// DefaultNamer built from the fields above.
	Namer Namer
}

func (o *Options) defaults() {
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.AccountID == "" {
		o.AccountID = "123456789012"
	}
	if o.StackName == "" {
		o.StackName = "learnsls"
	}
	if o.Partition == "" {
		o.Partition = "aws"
	}
	if o.Namer == nil {
		o.Namer = &DefaultNamer{Region: o.Region, AccountID: o.AccountID, Partition: o.Partition, StackName: o.StackName}
	}
}

// Resource is one CloudFormation-level resource after the transform, with
// every intrinsic function resolved.
type Resource struct {
	LogicalID  string            `json:"LogicalId"`
	Type       string            `json:"Type"`
	Properties map[string]any    `json:"Properties,omitempty"`
	DependsOn  []string          `json:"DependsOn,omitempty"`
	PhysicalID string            `json:"PhysicalId"`           // what !Ref returns
	Attributes map[string]string `json:"Attributes,omitempty"` // what !GetAtt returns
	// Source is the template resource this one came from: itself for plain
	// CloudFormation resources, the function or API for SAM-generated ones.
	Source string `json:"Source"`
	Pos    Pos    `json:"-"`
}

// Output is one resolved entry of the Outputs section.
type Output struct {
	Name        string `json:"Name"`
	Value       any    `json:"Value"`
	Description string `json:"Description,omitempty"`
	ExportName  string `json:"ExportName,omitempty"`
}

// Model is a transformed, resolved template.
type Model struct {
	Resources  []*Resource    `json:"Resources"` // creation (dependency) order
	Outputs    []Output       `json:"Outputs,omitempty"`
	Parameters map[string]any `json:"Parameters,omitempty"` // the values used
	byID       map[string]*Resource
}

// Resource returns the resource with that logical ID, or nil.
func (m *Model) Resource(logicalID string) *Resource { return m.byID[logicalID] }

// OfType returns the resources of one CloudFormation type, in creation order.
func (m *Model) OfType(typ string) []*Resource {
	var out []*Resource
	for _, r := range m.Resources {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

var topLevel = map[string]bool{
	"AWSTemplateFormatVersion": true, "Description": true, "Metadata": true, "Parameters": true,
	"Mappings": true, "Conditions": true, "Transform": true, "Resources": true, "Outputs": true,
	"Globals": true, "Rules": true,
}

// cfnRes is a resource between the transform and resolution.
type cfnRes struct {
	id, typ   string
	props     map[string]any
	dependsOn []string
	condition string
	path      string // where errors about it point
	source    string
	propsPath string // path prefix of props in the template, "" for generated
}

// Transform runs Globals, the SAM transform and intrinsic resolution. Like
// `sam validate`, it reports every problem it can find before giving up.
func Transform(t *Template, opt Options) (m *Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, &Error{File: t.File, Code: "E0000", Msg: fmt.Sprintf("template could not be processed: %v", r)}
		}
	}()
	opt.defaults()
	s := &state{t: t, opt: opt, condMemo: map[string]bool{}, condBusy: map[string]bool{}}
	if s.sections(); len(s.errs) > 0 {
		return nil, s.errs
	}
	s.parameters()
	if len(s.errs) > 0 {
		return nil, s.errs
	}
	res := s.transform()
	if len(s.errs) > 0 {
		return nil, s.errs
	}
	m = s.resolveAll(res)
	if len(s.errs) > 0 {
		return nil, s.errs
	}
	return m, nil
}

// Load is Parse then Transform.
func Load(file string, src []byte, opt Options) (*Model, error) {
	t, err := Parse(file, src)
	if err != nil {
		return nil, err
	}
	return Transform(t, opt)
}

type state struct {
	t        *Template
	opt      Options
	errs     Errors
	params   map[string]any // resolved parameter values
	condMemo map[string]bool
	condBusy map[string]bool
	hasSAM   bool
	// resolution
	resources map[string]*cfnRes
	done      map[string]*Resource
}

func (s *state) add(e *Error) {
	for _, x := range s.errs {
		if x.Error() == e.Error() {
			return
		}
	}
	s.errs = append(s.errs, e)
}

func (s *state) sections() {
	t := s.t
	for _, k := range t.keys("", t.Root) {
		if !topLevel[k] {
			s.add(t.errAt(k, "E1001", "Top level template section %s is not valid", k))
		}
	}
	switch tr := t.Root["Transform"].(type) {
	case nil:
	case string:
		if tr != TransformName {
			s.add(t.errAt("Transform", "E0001", "Transform %s is not supported: learnsls understands only %s", tr, TransformName))
		}
		s.hasSAM = tr == TransformName
	case []any:
		for i, x := range tr {
			if x != TransformName {
				s.add(t.errAt("Transform/"+strconv.Itoa(i), "E0001", "Transform %v is not supported: learnsls understands only %s", x, TransformName))
			} else {
				s.hasSAM = true
			}
		}
	default:
		s.add(t.errAt("Transform", "E1001", "Transform should be the text %s", TransformName))
	}
	rs, ok := t.Root["Resources"].(map[string]any)
	if !ok || len(rs) == 0 {
		if _, present := t.Root["Resources"]; present {
			s.add(t.errAt("Resources", "E1001", "Resources must be a mapping of at least one resource"))
		} else {
			s.add(&Error{File: t.File, Pos: Pos{1, 1}, Code: "E1001", Msg: "Missing top level template section Resources"})
		}
	}
	for _, sec := range []string{"Parameters", "Mappings", "Conditions", "Outputs", "Globals"} {
		if v, present := t.Root[sec]; present {
			if _, ok := v.(map[string]any); !ok {
				s.add(t.errAt(sec, "E1001", "%s must be a mapping", sec))
			}
		}
	}
	if _, ok := t.Root["Globals"]; ok && !s.hasSAM {
		s.add(t.errAt("Globals", "E0001", "Globals needs `Transform: %s` at the top of the template", TransformName))
	}
}

func section(t *Template, name string) map[string]any {
	m, _ := t.Root[name].(map[string]any)
	return m
}

// parameters computes every parameter's value from its Default and the
// overrides, with CloudFormation's own messages for bad values.
func (s *state) parameters() {
	t := s.t
	decl := section(t, "Parameters")
	s.params = map[string]any{}
	var unknown []string
	for k := range s.opt.Parameters {
		if _, ok := decl[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		s.add(&Error{File: t.File, Code: "E0001", Msg: fmt.Sprintf("Parameters: [%s] do not exist in the template", strings.Join(unknown, ", "))})
	}
	var missing []string
	for _, name := range t.keys("Parameters", decl) {
		p := "Parameters/" + name
		def, ok := decl[name].(map[string]any)
		if !ok {
			s.add(t.errAt(p, "E2001", "Parameter %s should be a mapping with at least a Type", name))
			continue
		}
		typ, _ := def["Type"].(string)
		switch typ {
		case "String", "Number", "CommaDelimitedList", "List<Number>":
		case "":
			s.add(t.errAt(p, "E2001", "Parameter %s is missing required property Type", name))
			continue
		default:
			if !strings.HasPrefix(typ, "AWS::") {
				s.add(t.errAt(p+"/Type", "E2002", "Parameter %s has invalid type %s", name, typ))
				continue
			}
		}
		raw, have := s.opt.Parameters[name]
		if !have {
			d, hasDef := def["Default"]
			if !hasDef {
				missing = append(missing, name)
				continue
			}
			raw = scalarString(d)
		}
		if allowed, ok := def["AllowedValues"].([]any); ok {
			found := false
			for _, a := range allowed {
				if scalarString(a) == raw {
					found = true
				}
			}
			if !found {
				s.add(t.errAt(p, "E3030", "Parameter '%s' must be one of AllowedValues", name))
				continue
			}
		}
		switch typ {
		case "Number":
			if _, err := strconv.ParseFloat(raw, 64); err != nil {
				s.add(t.errAt(p, "E0001", "Parameter '%s' must be a number", name))
				continue
			}
			s.params[name] = raw
		case "CommaDelimitedList", "List<Number>":
			var l []any
			for _, x := range strings.Split(raw, ",") {
				l = append(l, strings.TrimSpace(x))
			}
			s.params[name] = l
		default:
			s.params[name] = raw
		}
	}
	if len(missing) > 0 {
		s.add(&Error{File: t.File, Code: "E0001", Msg: fmt.Sprintf("Parameters: [%s] must have values", strings.Join(missing, ", "))})
	}
}

func scalarString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = scalarString(e)
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}

func sortStrings(s []string) { sort.Strings(s) }
