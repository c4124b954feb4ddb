package lambda

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestInvokeHelloColdThenWarm(t *testing.T) {
	s := newTestService(t, Options{})
	createFunction(t, s, FunctionConfig{Name: "hello"}, buildDir(t, "guests/hello"))

	first := invoke(t, s, "hello", `{"action":"greet","name":"Ada"}`)
	if first.FunctionError != "" {
		t.Fatalf("function error: %s\n%s", first.Payload, first.Logs)
	}
	var r struct {
		Greeting  string `json:"greeting"`
		Count     int    `json:"count"`
		RequestID string `json:"requestId"`
		ARN       string `json:"arn"`
	}
	if err := json.Unmarshal(first.Payload, &r); err != nil {
		t.Fatalf("payload %s: %v", first.Payload, err)
	}
	if r.Greeting != "hello Ada" || r.Count != 1 || r.RequestID != first.RequestID || r.ARN != "arn:aws:lambda:us-east-1:123456789012:function:hello" {
		t.Errorf("first response = %+v (request %s)", r, first.RequestID)
	}
	if !first.ColdStart || first.InitDuration <= 0 {
		t.Errorf("first invocation: cold=%v init=%v, want a cold start", first.ColdStart, first.InitDuration)
	}
	t.Logf("first logs:\n%s", first.Logs)

	second := invoke(t, s, "hello", `{"action":"greet","name":"Grace"}`)
	if err := json.Unmarshal(second.Payload, &r); err != nil {
		t.Fatal(err)
	}
	if r.Count != 2 || second.ColdStart || second.InitDuration != 0 {
		t.Errorf("second: count=%d cold=%v init=%v; want the warm environment (count 2)", r.Count, second.ColdStart, second.InitDuration)
	}
	if strings.Contains(second.Logs, "Init Duration") || strings.Contains(second.Logs, "init: hello guest") {
		t.Errorf("warm logs mention init:\n%s", second.Logs)
	}
	report := regexp.MustCompile(`^REPORT RequestId: ` + second.RequestID + `\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\t$`)
	lines := strings.Split(strings.TrimRight(second.Logs, "\n"), "\n")
	want := []string{"START RequestId: " + second.RequestID + " Version: $LATEST", "handling greet", "END RequestId: " + second.RequestID}
	if len(lines) != 4 || lines[0] != want[0] || lines[1] != want[1] || lines[2] != want[2] || !report.MatchString(lines[3]) {
		t.Errorf("warm log lines = %q", lines)
	}
}
