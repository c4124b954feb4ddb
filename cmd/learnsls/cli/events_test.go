package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestEventsTestPattern(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"open.json":   `{"source":["myApplication"],"detail":{"status":["OPEN"],"price":{"amount":[{"numeric":[">",100]}],"currency":["USD"]}}}`,
		"big.json":    `{"source":["myApplication"],"detail":{"price":{"amount":[{"numeric":[">",500]}]}}}`,
		"bad.json":    "{\n  \"source\": [{\"prefixx\": \"my\"}]\n}",
		"event.json":  `{"version":"0","id":"1","source":"myApplication","detail-type":"Order","account":"123456789012","time":"2026-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{"status":"OPEN","price":{"amount":150,"currency":"USD"}}}`,
		"broken.json": `{"source":`,
	})
	p := func(n string) string { return filepath.Join(dir, n) }
	tests := []struct {
		args     []string
		code     int
		stdout   string
		stderr   string
		jsonWant map[string]any
	}{
		{args: []string{"--pattern", p("open.json"), "--event", p("event.json")}, code: 0, stdout: "match: "},
		{args: []string{"--pattern", p("big.json"), "--event", p("event.json")}, code: 0, stdout: "no match: detail.price.amount: the value 150 does not match numeric > 500"},
		{args: []string{"--pattern", p("bad.json"), "--event", p("event.json")}, code: 1, stderr: "bad.json:2:15: Event pattern is not valid. Reason: Unrecognized match type prefixx"},
		{args: []string{"--pattern", p("open.json"), "--event", p("broken.json")}, code: 1, stderr: "event is not a JSON object"},
		{args: []string{"--pattern", p("open.json"), "--event", p("event.json"), "--json"}, code: 0, jsonWant: map[string]any{"match": true}},
		{args: []string{"--json", "--pattern", p("big.json"), "--event", p("event.json")}, code: 0, jsonWant: map[string]any{"match": false}},
		{args: []string{"--pattern", p("bad.json"), "--event", p("event.json"), "--json"}, code: 1, jsonWant: map[string]any{"match": false}},
		{args: []string{"--pattern", p("open.json")}, code: 2, stderr: "name both files"},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(append([]string{"events", "test-pattern"}, tt.args...)...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (stderr %s)", tt.args, code, tt.code, errs)
		}
		if tt.stdout != "" && !strings.HasPrefix(out, tt.stdout) {
			t.Errorf("%v: stdout %q, want prefix %q", tt.args, out, tt.stdout)
		}
		if tt.stderr != "" && !strings.Contains(errs, tt.stderr) {
			t.Errorf("%v: stderr %q, want %q", tt.args, errs, tt.stderr)
		}
		if tt.jsonWant != nil {
			var got map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v: %v in %q", tt.args, err, out)
			}
			for k, v := range tt.jsonWant {
				if got[k] != v {
					t.Errorf("%v: %s = %v, want %v", tt.args, k, got[k], v)
				}
			}
			if tt.code == 1 {
				e, _ := got["error"].(map[string]any)
				if e["line"] != 2.0 || e["column"] != 15.0 {
					t.Errorf("error position %v", e)
				}
			}
		}
	}
}
