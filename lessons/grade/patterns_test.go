package grade

import (
	"strings"
	"testing"
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
