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
