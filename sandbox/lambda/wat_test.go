package lambda

import (
	"os"
	"strings"
	"testing"
)

// TestWATModule runs a hand-written WebAssembly text module (testdata/wat,
// assembled with wat2wasm) through the same service as Go handlers, proving
// the ABI does not depend on Go.
func TestWATModule(t *testing.T) {
	code, err := os.ReadFile("testdata/wat/echo.wasm")
	if err != nil {
		t.Fatal(err)
	}
	for _, engine := range []Engine{EngineInterpreter, EngineCompiler} {
		t.Run(engine.String(), func(t *testing.T) {
			s := newTestService(t, Options{Engine: engine})
			createFunction(t, s, FunctionConfig{Name: "wat"}, code)
			cases := []struct {
				event, wantPayload, wantType string
				wantCold                     bool
			}{
				{`{"n":1}`, `{"echo":{"n":1}}`, "", true},
				{`[1,2,3]`, `{"echo":[1,2,3]}`, "", false},
				{`"nope"`, `{"errorMessage":"strings are not accepted","errorType":"WatError"}`, "WatError", false},
				{`{}`, `{"echo":{}}`, "", false},
			}
			for _, c := range cases {
				res := invoke(t, s, "wat", c.event)
				if string(res.Payload) != c.wantPayload || res.ErrorType != c.wantType || res.ColdStart != c.wantCold {
					t.Errorf("event %s: payload %s type %q cold %v; want %s %q %v", c.event, res.Payload, res.ErrorType, res.ColdStart, c.wantPayload, c.wantType, c.wantCold)
				}
				if !strings.Contains(res.Logs, "START RequestId: "+res.RequestID+" Version: $LATEST\nwat handler invoked\nEND RequestId: "+res.RequestID+"\nREPORT") {
					t.Errorf("logs:\n%s", res.Logs)
				}
			}
		})
	}
}

// TestWATABIEdges covers the ABI's failure paths with hand-written modules:
// an init error, and a pointer outside guest memory.
func TestWATABIEdges(t *testing.T) {
	cases := []struct {
		file, wantPayload string
	}{
		{"init_error.wasm", `{"errorMessage":"missing TABLE_NAME","errorType":"Runtime.InitError"}`},
		{"bad_pointer.wasm", `{"errorMessage":"RequestId: REQ Error: Runtime exited with error: learnsls ABI: next_invocation: pointer 2147483632 is outside guest memory","errorType":"Runtime.ExitError"}`},
	}
	s := newTestService(t, Options{})
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			code, err := os.ReadFile("testdata/wat/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			createFunction(t, s, FunctionConfig{Name: strings.TrimSuffix(c.file, ".wasm")}, code)
			for i := 0; i < 2; i++ { // the failure repeats in a fresh environment
				res := invoke(t, s, strings.TrimSuffix(c.file, ".wasm"), `{}`)
				want := strings.ReplaceAll(c.wantPayload, "REQ", res.RequestID)
				if string(res.Payload) != want || res.FunctionError != "Unhandled" || !res.ColdStart {
					t.Errorf("payload %s (cold %v)\nwant    %s", res.Payload, res.ColdStart, want)
				}
			}
		})
	}
}
