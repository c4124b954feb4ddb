package grade

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Spec is a parsed checks.yaml: the checks of one exercise, in order.
type Spec struct {
	Checks []*Check `yaml:"checks"`
}

// Check is one named check. Handler and template exercises use Steps and
// Expect; policy exercises use Policy or Matrix; quiz exercises use Question,
// Choices and Answer; pattern exercises use Event.
type Check struct {
	Name    string `yaml:"name"`
	Hidden  bool   `yaml:"hidden"`
	Message string `yaml:"message"` // shown to the learner when the check fails

	Steps  []Step `yaml:"steps"`
	Expect Expect `yaml:"expect"`

	// policy exercises
	Policy *PolicyRequest `yaml:"policy"`
	Matrix []MatrixRow    `yaml:"matrix"`

	// quiz exercises
	Question string    `yaml:"question"`
	Choices  []string  `yaml:"choices"`
	Answer   yaml.Node `yaml:"answer"` // a string, a list of strings (all required), or {regexp: …}

	// pattern exercises: the event the learner's pattern is tested against
	Event yaml.Node `yaml:"event"`

	Line int `yaml:"-"`
}

// Step is one action of a check; exactly one field is set.
type Step struct {
	Seed    *SeedStep    `yaml:"seed"`
	Request *RequestStep `yaml:"request"`
	Invoke  *InvokeStep  `yaml:"invoke"`
	Advance string       `yaml:"advance"` // a Go duration on the simulated clock, e.g. 10m
	Repeat  *RepeatStep  `yaml:"repeat"`
	// event-driven steps (events.go)
	PutEvent    *PutEventStep    `yaml:"putEvent"`
	SendMessage *SendMessageStep `yaml:"sendMessage"`
	Publish     *PublishStep     `yaml:"publish"`
	Deliver     bool             `yaml:"deliver"`   // run deliveries until quiet
	UnitTests   *UnitTestsStep   `yaml:"unitTests"` // run the learner's own Go tests (unittests.go)

	Line int `yaml:"-"`
}

// SeedStep puts items into a table before the learner's code runs. Items
// are plain JSON objects (strings, numbers, booleans, lists, maps), converted
// to DynamoDB attribute values, unless DynamoDBJSON is set.
type SeedStep struct {
	Table        string      `yaml:"table"`
	Items        []yaml.Node `yaml:"items"`
	DynamoDBJSON bool        `yaml:"dynamodbJSON"`
}

// RequestStep is an HTTP request through the stack's API.
type RequestStep struct {
	API     string            `yaml:"api"` // logical ID; default: the only API
	Method  string            `yaml:"method"`
	Path    string            `yaml:"path"`
	Query   map[string]string `yaml:"query"`
	Headers map[string]string `yaml:"headers"`
	Body    string            `yaml:"body"`
	JSON    yaml.Node         `yaml:"json"`  // a body given as YAML, sent as JSON
	Token   string            `yaml:"token"` // sent as "Authorization: <token>"
	// JWT signs an RS256 token with the grading key (jwt.go) from claims
	// {iss, aud, sub, scope, exp: 1h | expired: true, claims: {…}} and
	// sends it as "Authorization: Bearer <token>".
	JWT yaml.Node `yaml:"jwt"`
}

// InvokeStep invokes a function directly with an event.
type InvokeStep struct {
	Function string    `yaml:"function"` // logical ID; default: the only function
	Event    yaml.Node `yaml:"event"`    // inline event
	Sample   string    `yaml:"sample"`   // a named AWS sample event, see SampleEvents
}

// RepeatStep runs Steps Times times, concurrently when Parallel is set.
type RepeatStep struct {
	Times    int    `yaml:"times"`
	Parallel bool   `yaml:"parallel"`
	Steps    []Step `yaml:"steps"`
}

// Expect is what must hold after a check's steps ran. Response fields apply
// to the last request or invocation (to every one of them with All).
type Expect struct {
	All        bool                 `yaml:"all"`
	Status     *int                 `yaml:"status"`
	Headers    map[string]yaml.Node `yaml:"headers"`
	Body       *string              `yaml:"body"`
	JSON       yaml.Node            `yaml:"json"`     // JSON subset, with matchers
	JSONPath   map[string]yaml.Node `yaml:"jsonPath"` // "user.name" or "items[0].id" -> value or matcher
	Error      *ErrorExpect         `yaml:"error"`
	NoError    bool                 `yaml:"noError"`
	Table      *TableExpect         `yaml:"table"`
	Logs       *LogsExpect          `yaml:"logs"`
	NoDenied   bool                 `yaml:"noAccessDenied"`
	Invocation *InvocationExpect    `yaml:"invocations"`
	Queue      *QueueExpect         `yaml:"queue"`  // events.go
	Outbox     *OutboxExpect        `yaml:"outbox"` // events.go
	Tests      *TestsExpect         `yaml:"tests"`  // unittests.go

	Decision string          `yaml:"decision"` // policy: allowed | explicitDeny | implicitDeny
	Findings *FindingsExpect `yaml:"findings"` // policy
	Matches  *bool           `yaml:"matches"`  // pattern
}

// ErrorExpect expects a function error of a type, optionally with a message.
type ErrorExpect struct {
	Type    string    `yaml:"type"`
	Message yaml.Node `yaml:"message"`
}

// TableExpect compares a table's items after the run.
type TableExpect struct {
	Name  string      `yaml:"name"`
	Items []yaml.Node `yaml:"items"` // plain JSON objects, with matchers
	Exact bool        `yaml:"exact"` // no other items may exist
	Count *int        `yaml:"count"`
}

// LogsExpect checks the function log stream of the check.
type LogsExpect struct {
	Contains    []string `yaml:"contains"`
	NotContains []string `yaml:"notContains"`
	Matches     []string `yaml:"matches"` // regular expressions, each matching some log line
	ColdStarts  *int     `yaml:"coldStarts"`
	Report      *bool    `yaml:"report"` // REPORT lines present
}

// InvocationExpect counts invocations of a function during the check.
type InvocationExpect struct {
	Function string `yaml:"function"`
	Count    *int   `yaml:"count"`
	Min      *int   `yaml:"min"`
}

// FindingsExpect checks a policy's validation findings.
type FindingsExpect struct {
	Expect []string `yaml:"expect"` // issue codes that must be reported
	Forbid []string `yaml:"forbid"` // issue codes or severities (ERROR, SECURITY_WARNING, WARNING, SUGGESTION) that must not
}

// PolicyRequest is one authorisation request evaluated against the learner's policy.
type PolicyRequest struct {
	Principal string            `yaml:"principal"`
	Action    string            `yaml:"action"`
	Resource  string            `yaml:"resource"`
	Context   map[string]string `yaml:"context"` // multiple values separated by ","
}

// MatrixRow is a request and whether the policy must allow it.
type MatrixRow struct {
	PolicyRequest `yaml:",inline"`
	Allow         bool `yaml:"allow"`
}

// Error is a problem in a checks file, with its position.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errors is every problem found in a checks file.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

var yamlLineErr = regexp.MustCompile(`line (\d+): (.*)`)
var unknownField = regexp.MustCompile(`field (\S+) not found in type (\S+)`)

// Parse reads a checks file for an exercise of the given kind. file names the
// file in errors. Every problem is reported (as Errors), never a panic.
func Parse(data []byte, file, kind string) (spec *Spec, err error) {
	defer func() {
		if r := recover(); r != nil {
			spec, err = nil, Errors{{File: file, Msg: fmt.Sprintf("cannot read checks: %v", r)}}
		}
	}()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, Errors{yamlError(file, err)}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	spec = &Spec{}
	if err := dec.Decode(spec); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			var es Errors
			for _, m := range te.Errors {
				es = append(es, yamlError(file, errors.New(m)))
			}
			return nil, es
		}
		return nil, Errors{yamlError(file, err)}
	}
	attachLines(&root, spec)
	if es := validate(spec, file, kind); len(es) > 0 {
		return nil, es
	}
	return spec, nil
}

func yamlError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: file, Msg: msg}
	if m := yamlLineErr.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
		if u := unknownField.FindStringSubmatch(e.Msg); u != nil {
			e.Msg = fmt.Sprintf("unknown key %q (hint: see content/README.md for the keys a check may use)", u[1])
		}
	}
	return e
}

// attachLines records the line of each check and step, for error messages.
func attachLines(root *yaml.Node, spec *Spec) {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return
	}
	checks := mapValue(root.Content[0], "checks")
	if checks == nil || checks.Kind != yaml.SequenceNode {
		return
	}
	for i, n := range checks.Content {
		if i >= len(spec.Checks) || spec.Checks[i] == nil {
			break
		}
		spec.Checks[i].Line = n.Line
		stepLines(mapValue(n, "steps"), spec.Checks[i].Steps)
	}
}

func stepLines(seq *yaml.Node, steps []Step) {
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return
	}
	for i, n := range seq.Content {
		if i >= len(steps) {
			return
		}
		steps[i].Line = n.Line
		if steps[i].Repeat != nil {
			stepLines(mapValue(mapValue(n, "repeat"), "steps"), steps[i].Repeat.Steps)
		}
	}
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func validate(spec *Spec, file, kind string) Errors {
	var es Errors
	add := func(line int, format string, args ...any) {
		es = append(es, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if len(spec.Checks) == 0 {
		add(0, "no checks (hint: a checks file starts with `checks:` and lists at least one check)")
	}
	names := map[string]int{}
	for i, c := range spec.Checks {
		if c == nil {
			add(0, "check %d is empty", i+1)
			continue
		}
		if c.Name == "" {
			add(c.Line, "check %d has no name (hint: add `name:`, shown to the learner)", i+1)
		} else if prev, ok := names[c.Name]; ok {
			add(c.Line, "duplicate check name %q (first at line %d)", c.Name, prev)
		} else {
			names[c.Name] = c.Line
		}
		if c.Message == "" {
			add(c.Line, "check %q has no message (hint: add `message:`, what the learner reads when it fails)", c.Name)
		}
		switch kind {
		case "quiz":
			if c.Question == "" {
				add(c.Line, "quiz check %q has no question", c.Name)
			}
			if c.Answer.Kind == 0 {
				add(c.Line, "quiz check %q has no answer", c.Name)
			} else if _, err := parseAnswer(&c.Answer, c.Choices); err != nil {
				add(c.Answer.Line, "quiz check %q: %v", c.Name, err)
			}
		case "policy":
			if c.Policy == nil && len(c.Matrix) == 0 && c.Expect.Findings == nil {
				add(c.Line, "policy check %q needs `policy:` (one request), `matrix:` (requests with allow: true/false) or `expect: findings:`", c.Name)
			}
			if c.Policy != nil {
				if c.Policy.Action == "" || c.Policy.Resource == "" {
					add(c.Line, "policy check %q: the request needs action and resource", c.Name)
				}
				switch c.Expect.Decision {
				case "allowed", "explicitDeny", "implicitDeny":
				default:
					add(c.Line, "policy check %q: expect.decision must be allowed, explicitDeny or implicitDeny, not %q", c.Name, c.Expect.Decision)
				}
			}
			for j, r := range c.Matrix {
				if r.Action == "" || r.Resource == "" {
					add(c.Line, "policy check %q: matrix row %d needs action and resource", c.Name, j+1)
				}
			}
		case "pattern":
			if c.Event.Kind == 0 {
				add(c.Line, "pattern check %q has no event", c.Name)
			}
			if c.Expect.Matches == nil {
				add(c.Line, "pattern check %q needs expect.matches: true or false", c.Name)
			}
		case "handler", "template":
			if len(c.Steps) == 0 {
				add(c.Line, "check %q has no steps (hint: a request, an invoke, …)", c.Name)
			}
			validateSteps(c.Steps, c.Name, add)
			validateExpect(&c.Expect, c, add)
		default:
			add(0, "unknown exercise kind %q", kind)
			return es
		}
	}
	return es
}

func validateSteps(steps []Step, check string, add func(int, string, ...any)) {
	for _, s := range steps {
		n := 0
		for _, set := range []bool{s.Seed != nil, s.Request != nil, s.Invoke != nil, s.Advance != "", s.Repeat != nil,
			s.PutEvent != nil, s.SendMessage != nil, s.Publish != nil, s.Deliver, s.UnitTests != nil} {
			if set {
				n++
			}
		}
		if n != 1 {
			add(s.Line, "check %q: a step must have exactly one of seed, request, invoke, advance, repeat, putEvent, sendMessage, publish, deliver, unitTests (found %d)", check, n)
			continue
		}
		validateEventStep(s, check, add)
		validateUnitTestsStep(s, check, add)
		switch {
		case s.Seed != nil:
			if s.Seed.Table == "" {
				add(s.Line, "check %q: seed needs a table", check)
			}
		case s.Request != nil:
			if s.Request.Path == "" || !strings.HasPrefix(s.Request.Path, "/") {
				add(s.Line, "check %q: request path must start with / (got %q)", check, s.Request.Path)
			}
			if s.Request.Body != "" && s.Request.JSON.Kind != 0 {
				add(s.Line, "check %q: request has both body and json", check)
			}
			if s.Request.JWT.Kind != 0 {
				if s.Request.Token != "" {
					add(s.Line, "check %q: request has both token and jwt", check)
				}
				checkJWT(&s.Request.JWT, func(line int, msg string) { add(line, "check %q: %s", check, msg) })
			}
		case s.Invoke != nil:
			k := 0
			for _, set := range []bool{s.Invoke.Event.Kind != 0, s.Invoke.Sample != ""} {
				if set {
					k++
				}
			}
			if k > 1 {
				add(s.Line, "check %q: invoke takes event or sample, not both", check)
			}
			if s.Invoke.Sample != "" {
				if _, ok := SampleEvents[s.Invoke.Sample]; !ok {
					add(s.Line, "check %q: unknown sample event %q (known: %s)", check, s.Invoke.Sample, sampleNames())
				}
			}
		case s.Advance != "":
			if d, err := time.ParseDuration(s.Advance); err != nil || d <= 0 {
				add(s.Line, "check %q: advance %q is not a positive duration such as 90s or 10m", check, s.Advance)
			}
		case s.Repeat != nil:
			if s.Repeat.Times < 1 || s.Repeat.Times > 100 {
				add(s.Line, "check %q: repeat times must be 1..100", check)
			}
			validateSteps(s.Repeat.Steps, check, add)
		}
	}
}

func validateExpect(e *Expect, c *Check, add func(int, string, ...any)) {
	for _, n := range []*yaml.Node{&e.JSON} {
		if n.Kind != 0 {
			if err := checkMatchers(n); err != nil {
				add(n.Line, "check %q: %v", c.Name, err)
			}
		}
	}
	for path, n := range e.JSONPath {
		if _, err := parsePath(path); err != nil {
			add(n.Line, "check %q: jsonPath %q: %v", c.Name, path, err)
		}
		if err := checkMatchers(&n); err != nil {
			add(n.Line, "check %q: %v", c.Name, err)
		}
	}
	if e.Table != nil && e.Table.Name == "" {
		add(c.Line, "check %q: expect.table needs a name", c.Name)
	}
	if e.Logs != nil {
		for _, re := range e.Logs.Matches {
			if _, err := regexp.Compile(re); err != nil {
				add(c.Line, "check %q: logs.matches %q: %v", c.Name, re, err)
			}
		}
	}
	validateTestsExpect(e, c, add)
	if e.Error != nil && e.NoError {
		add(c.Line, "check %q: expect has both error and noError", c.Name)
	}
}
