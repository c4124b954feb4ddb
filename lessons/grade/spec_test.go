package grade

import (
	"errors"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, kind, yaml string
		want             []string // substrings of the error, in order
	}{
		{"not yaml", "handler", "checks: [", []string{"checks.yaml:"}},
		{"no checks", "handler", "checks: []\n", []string{"checks.yaml: no checks"}},
		{"unknown key", "handler", "checks:\n  - name: a\n    mesage: x\n", []string{"checks.yaml:3: unknown key \"mesage\""}},
		{"missing name and message", "handler", "checks:\n  - steps:\n      - invoke: {}\n", []string{"checks.yaml:2: check 1 has no name", "checks.yaml:2: check \"\" has no message"}},
		{"duplicate name", "quiz", "checks:\n  - {name: a, message: m, question: q, answer: x}\n  - {name: a, message: m, question: q, answer: x}\n", []string{"checks.yaml:3: duplicate check name \"a\" (first at line 2)"}},
		{"two actions in a step", "handler", "checks:\n  - name: a\n    message: m\n    steps:\n      - {advance: 1m, invoke: {}}\n", []string{"checks.yaml:5: check \"a\": a step must have exactly one"}},
		{"bad duration", "handler", "checks:\n  - name: a\n    message: m\n    steps:\n      - advance: soon\n", []string{"checks.yaml:5: check \"a\": advance \"soon\" is not a positive duration"}},
		{"bad path", "handler", "checks:\n  - name: a\n    message: m\n    steps:\n      - request: {path: users}\n", []string{"request path must start with /"}},
		{"unknown sample", "handler", "checks:\n  - name: a\n    message: m\n    steps:\n      - invoke: {sample: kinesis}\n", []string{"unknown sample event \"kinesis\""}},
		{"bad matcher", "handler", "checks:\n  - name: a\n    message: m\n    steps:\n      - invoke: {}\n    expect:\n      json: {id: {$regexp: \"(\"}}\n", []string{"checks.yaml:7: check \"a\": $regexp:"}},
		{"unknown matcher", "handler", "checks:\n  - name: a\n    message: m\n    steps:\n      - invoke: {}\n    expect:\n      json: {id: {$uuidish: true}}\n", []string{"unknown matcher $uuidish"}},
		{"answer not a choice", "quiz", "checks:\n  - name: q\n    message: m\n    question: which?\n    choices: [a, b]\n    answer: c\n", []string{"checks.yaml:6: quiz check \"q\": answer \"c\" is not one of the choices"}},
		{"policy without decision", "policy", "checks:\n  - name: p\n    message: m\n    policy: {action: dynamodb:GetItem, resource: arn}\n", []string{"expect.decision must be allowed, explicitDeny or implicitDeny"}},
		{"pattern without expectation", "pattern", "checks:\n  - name: p\n    message: m\n    event: {source: x}\n", []string{"needs expect.matches"}},
		{"bad json path", "handler", "checks:\n  - name: a\n    message: m\n    steps:\n      - invoke: {}\n    expect:\n      jsonPath: {\"items[x]\": 1}\n", []string{"jsonPath \"items[x]\": bad index"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml), "checks.yaml", tt.kind)
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, want Errors", err)
			}
			msg := err.Error()
			for _, w := range tt.want {
				i := strings.Index(msg, w)
				if i < 0 {
					t.Fatalf("error %q does not contain %q", msg, w)
				}
				msg = msg[i+len(w):]
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	spec, err := Parse([]byte(`checks:
  - name: greets
    message: Return a greeting.
    steps:
      - seed: {table: Users, items: [{id: "1"}]}
      - request: {method: POST, path: /hello, json: {name: Ada}}
      - repeat:
          times: 2
          steps:
            - advance: 1m
    expect:
      status: 200
      json: {message: {$regexp: "^Hello"}}
  - name: hidden one
    hidden: true
    message: m
    steps:
      - invoke: {sample: sqs}
`), "checks.yaml", "handler")
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.Checks) != 2 {
		t.Fatalf("got %d checks", len(spec.Checks))
	}
	c := spec.Checks[0]
	if c.Line != 2 || c.Steps[0].Line != 5 || c.Steps[2].Repeat.Steps[0].Line != 10 {
		t.Errorf("lines: check %d, step %d, nested %d", c.Line, c.Steps[0].Line, c.Steps[2].Repeat.Steps[0].Line)
	}
	if *c.Expect.Status != 200 || c.Steps[1].Request.Method != "POST" || c.Steps[2].Repeat.Times != 2 {
		t.Errorf("decoded wrong: %+v", c)
	}
	if !spec.Checks[1].Hidden || spec.Checks[1].Steps[0].Invoke.Sample != "sqs" {
		t.Errorf("second check decoded wrong: %+v", spec.Checks[1])
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"checks: []", "checks:\n  - name: a\n    message: m\n    steps: [{invoke: {}}]\n", "checks:\n - {name: q, message: m, question: q, choices: [a], answer: [a]}", "checks: [{expect: {json: {$range: [1]}}}]", "{"} {
		f.Add(s, "handler")
		f.Add(s, "quiz")
	}
	f.Fuzz(func(t *testing.T, data, kind string) {
		spec, err := Parse([]byte(data), "checks.yaml", kind)
		if err == nil && spec == nil {
			t.Fatal("nil spec without error")
		}
	})
}

func TestSamplesUsed(t *testing.T) {
	spec, err := Parse([]byte(`checks:
  - name: a
    message: m
    steps:
      - invoke: {sample: sqs}
      - repeat: {times: 2, steps: [{invoke: {sample: sns}}, {invoke: {sample: sqs}}]}
  - name: b
    message: m
    steps:
      - invoke: {event: {x: 1}}
`), "checks.yaml", "handler")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(spec.SamplesUsed(), ","); got != "sqs,sns" {
		t.Fatalf("SamplesUsed = %s", got)
	}
}
