package grade

import (
	"context"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/lessons"
)

func TestEventPatterns(t *testing.T) {
	ev := []byte(`{"source":"myApplication","detail":{"status":"OPEN","amount":150,"currency":"USD"}}`)
	tests := []struct {
		pattern string
		match   bool
		diag    string
	}{
		{`{"source":["myApplication"],"detail":{"status":["OPEN"],"amount":[{"numeric":[">",100]}]}}`, true, ""},
		{`{"source":["myApplication"],"detail":{"amount":[{"numeric":[">",200]}]}}`, false, ""},
		{"{\n \"source\": \"myApplication\"\n}", false, "line 2, column 12: \"source\" must be an object or an array"},
	}
	for _, tt := range tests {
		ok, why, err := EventPatterns{}.Match([]byte(tt.pattern), ev)
		if tt.diag != "" {
			if err == nil || err.Error() != tt.diag {
				t.Errorf("%s: err = %v, want %q", tt.pattern, err, tt.diag)
			}
			d := policyDiagnostic("pattern.json", err)
			if d.Line != 2 || d.Col != 12 {
				t.Errorf("diagnostic position %d:%d", d.Line, d.Col)
			}
			continue
		}
		if err != nil || ok != tt.match || why == "" {
			t.Errorf("%s: ok=%v why=%q err=%v", tt.pattern, ok, why, err)
		}
		if !ok && !strings.Contains(why, "detail.amount") {
			t.Errorf("why = %q", why)
		}
	}
}

// TestPatternExercise grades the curriculum's bus exercise (open orders
// above 100 USD from myApplication) through the Grader with EventPatterns.
func TestPatternExercise(t *testing.T) {
	checks := []byte(`checks:
  - name: a big open order matches
    message: Match open orders whose amount is above 100 USD.
    event: {source: myApplication, detail-type: Order, detail: {status: OPEN, amount: 150, currency: USD}}
    expect: {matches: true}
  - name: a small order does not
    message: Orders of 100 USD or less must not match.
    event: {source: myApplication, detail-type: Order, detail: {status: OPEN, amount: 100, currency: USD}}
    expect: {matches: false}
  - name: euros do not
    message: Only USD amounts count.
    event: {source: myApplication, detail-type: Order, detail: {status: OPEN, amount: 150, currency: EUR}}
    expect: {matches: false}
`)
	ex := &lessons.Exercise{Kind: lessons.KindPattern, Dir: "05-eda/03-bus/exercise", Files: []string{"pattern.json"}, Checks: checks}
	g := &Grader{Patterns: EventPatterns{}}
	tests := []struct {
		pattern string
		passed  []bool
		diag    string
	}{
		{`{"source":["myApplication"],"detail":{"status":["OPEN"],"amount":[{"numeric":[">",100]}],"currency":["USD"]}}`, []bool{true, true, true}, ""},
		{`{"source":["myApplication"],"detail":{"status":["OPEN"],"amount":[{"numeric":[">=",100]}]}}`, []bool{true, false, false}, ""},
		{"{\n  \"source\": [\"myApplication\"],\n  \"detail\": {\"amount\": [{\"numeric\": [\">\", \"100\"]}]}\n}", nil, "pattern.json:3"},
	}
	for _, tt := range tests {
		v, err := g.Grade(context.Background(), ex, map[string][]byte{"pattern.json": []byte(tt.pattern)}, Submit, nil)
		if err != nil {
			t.Fatal(err)
		}
		if tt.diag != "" {
			if len(v.Diagnostics) != 1 || !strings.HasPrefix(v.Diagnostics[0].String(), tt.diag) {
				t.Errorf("diagnostics %+v, want %s", v.Diagnostics, tt.diag)
			}
			continue
		}
		if len(v.Checks) != len(tt.passed) {
			t.Fatalf("verdict %+v", v)
		}
		for i, c := range v.Checks {
			if c.Passed != tt.passed[i] {
				t.Errorf("%s: passed=%v want %v (%s)", c.Name, c.Passed, tt.passed[i], c.Failure)
			}
		}
	}
}
