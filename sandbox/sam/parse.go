package sam

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Template is a parsed template: a tree of plain values (map[string]any,
// []any, string, int, float64, bool, nil) with the short intrinsic forms
// already rewritten to their long forms ({"Fn::Sub": …}), plus the position of
// every node so later stages can point at the learner's text.
type Template struct {
	File string         // name used in error messages, e.g. "template.yaml"
	Root map[string]any // the whole document

	positions map[string]Pos      // "Resources/Fn/Properties/MemorySize" -> place
	order     map[string][]string // key order of mappings, by path
}

// maxNodes bounds the work a template can cause; YAML aliases can otherwise
// expand a few lines into billions of nodes.
const maxNodes = 50_000

// shortForms maps YAML short-form tags to their long names and whether the
// tag's scalar argument is a dotted GetAtt.
var shortForms = map[string]string{
	"!Ref":          "Ref",
	"!GetAtt":       "Fn::GetAtt",
	"!Sub":          "Fn::Sub",
	"!Join":         "Fn::Join",
	"!Select":       "Fn::Select",
	"!Split":        "Fn::Split",
	"!If":           "Fn::If",
	"!Equals":       "Fn::Equals",
	"!And":          "Fn::And",
	"!Or":           "Fn::Or",
	"!Not":          "Fn::Not",
	"!FindInMap":    "Fn::FindInMap",
	"!Base64":       "Fn::Base64",
	"!Condition":    "Condition",
	"!ImportValue":  "Fn::ImportValue",
	"!GetAZs":       "Fn::GetAZs",
	"!Cidr":         "Fn::Cidr",
	"!Transform":    "Fn::Transform",
	"!ToJsonString": "Fn::ToJsonString",
	"!Length":       "Fn::Length",
}

// Parse reads a YAML or JSON template. file is the name errors will show.
// Nothing in src can make Parse panic: malformed input is an *Error.
func Parse(file string, src []byte) (t *Template, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, &Error{File: file, Code: "E0000", Msg: fmt.Sprintf("template could not be read: %v", r)}
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(file, err)
	}
	t = &Template{File: file, positions: map[string]Pos{}, order: map[string][]string{}}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &Error{File: file, Pos: Pos{1, 1}, Code: "E1001", Msg: "Template is empty: it needs at least a Resources section"}
	}
	c := converter{t: t}
	v, err := c.convert(doc.Content[0], "")
	if err != nil {
		return nil, err
	}
	root, ok := v.(map[string]any)
	if !ok {
		return nil, &Error{File: file, Pos: Pos{doc.Content[0].Line, doc.Content[0].Column}, Code: "E0000", Msg: "Template needs to be an object (a mapping of sections such as Resources)"}
	}
	t.Root = root
	return t, nil
}

// yamlError turns the YAML library's "yaml: line 3: …" into file:line:col.
func yamlError(file string, err error) error {
	msg := err.Error()
	line := 0
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, convErr := strconv.Atoi(rest[:i]); convErr == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	e := &Error{File: file, Code: "E0000", Msg: "template is not valid YAML or JSON: " + msg}
	if line > 0 {
		e.Pos = Pos{line, 1}
	}
	return e
}

type converter struct {
	t      *Template
	nodes  int
	depth  int
	inProg map[*yaml.Node]bool // aliases being expanded, to refuse cycles
}

// maxDepth bounds nesting; real templates stay far below it.
const maxDepth = 100

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "/" + key
}

func (c *converter) convert(n *yaml.Node, path string) (any, error) {
	c.nodes++
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > maxDepth {
		return nil, &Error{File: c.t.File, Pos: Pos{n.Line, n.Column}, Code: "E0000", Msg: fmt.Sprintf("template is nested more than %d levels deep", maxDepth)}
	}
	if c.nodes > maxNodes {
		return nil, &Error{File: c.t.File, Pos: Pos{n.Line, n.Column}, Code: "E0000", Msg: fmt.Sprintf("template is too large (more than %d values, counting YAML aliases)", maxNodes)}
	}
	if _, seen := c.t.positions[path]; !seen {
		c.t.positions[path] = Pos{n.Line, n.Column}
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil, nil
		}
		if c.inProg[n.Alias] {
			return nil, &Error{File: c.t.File, Pos: Pos{n.Line, n.Column}, Code: "E0000", Msg: "YAML alias refers to itself"}
		}
		if c.inProg == nil {
			c.inProg = map[*yaml.Node]bool{}
		}
		c.inProg[n.Alias] = true
		defer delete(c.inProg, n.Alias)
		return c.convert(n.Alias, path)
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return c.intrinsic(n, path)
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		var keys []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, &Error{File: c.t.File, Pos: Pos{k.Line, k.Column}, Code: "E0000", Msg: "mapping keys must be plain text"}
			}
			if k.Value == "<<" { // YAML merge key: fold the merged mapping in
				merged, err := c.convert(v, path)
				if err != nil {
					return nil, err
				}
				if mm, ok := merged.(map[string]any); ok {
					for mk, mv := range mm {
						if _, exists := m[mk]; !exists {
							m[mk] = mv
							keys = append(keys, mk)
						}
					}
				}
				continue
			}
			if _, dup := m[k.Value]; dup {
				return nil, &Error{File: c.t.File, Pos: Pos{k.Line, k.Column}, Code: "E0000", Msg: fmt.Sprintf("Duplicate found %q (line %d)", k.Value, k.Line)}
			}
			cp := join(path, k.Value)
			c.t.positions[cp] = Pos{k.Line, k.Column}
			val, err := c.convert(v, cp)
			if err != nil {
				return nil, err
			}
			// A value's own position is where its key is; keep the key's.
			c.t.positions[cp] = Pos{k.Line, k.Column}
			m[k.Value] = val
			keys = append(keys, k.Value)
		}
		c.t.order[path] = keys
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for i, e := range n.Content {
			v, err := c.convert(e, join(path, strconv.Itoa(i)))
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		return scalar(n), nil
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.convert(n.Content[0], path)
	}
	return nil, nil
}

// scalar gives YAML 1.2 core-schema values; CloudFormation itself is lenient
// about "128" vs 128, and later checks accept both where AWS does.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return int(i)
		}
		return n.Value
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
		return n.Value
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!null":
		return nil
	}
	return n.Value
}

func (c *converter) intrinsic(n *yaml.Node, path string) (any, error) {
	name, ok := shortForms[n.Tag]
	if !ok {
		return nil, &Error{File: c.t.File, Pos: Pos{n.Line, n.Column}, Code: "E0000",
			Msg: fmt.Sprintf("unknown tag %s: the short forms are !Ref, !GetAtt, !Sub, !Join, !Select, !Split, !If, !Equals, !And, !Or, !Not, !FindInMap, !Base64, !Condition", n.Tag)}
	}
	inner := *n
	inner.Tag = ""
	if n.Kind == yaml.ScalarNode {
		inner.Tag = "!!str"
	}
	p := join(path, name)
	c.t.positions[p] = Pos{n.Line, n.Column}
	var arg any
	if name == "Fn::GetAtt" && n.Kind == yaml.ScalarNode {
		// !GetAtt Res.Attr.With.Dots: the first dot splits.
		res, attr, _ := strings.Cut(n.Value, ".")
		arg = []any{res, attr}
	} else {
		v, err := c.convert(&inner, p)
		if err != nil {
			return nil, err
		}
		arg = v
	}
	c.t.positions[p] = Pos{n.Line, n.Column}
	return map[string]any{name: arg}, nil
}

// pos finds the closest recorded position for path, walking up to parents.
func (t *Template) pos(path string) Pos {
	for {
		if p, ok := t.positions[path]; ok {
			return p
		}
		i := strings.LastIndex(path, "/")
		if i < 0 {
			if p, ok := t.positions[""]; ok {
				return p
			}
			return Pos{}
		}
		path = path[:i]
	}
}

// keys returns a mapping's keys in file order (missing ones sorted after).
func (t *Template) keys(path string, m map[string]any) []string {
	seen := make(map[string]bool, len(m))
	var out []string
	for _, k := range t.order[path] {
		if _, ok := m[k]; ok && !seen[k] {
			out = append(out, k)
			seen[k] = true
		}
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sortStrings(rest)
	return append(out, rest...)
}
