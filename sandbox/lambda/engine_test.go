package lambda

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEngineAutoCompilesBusyFunctions(t *testing.T) {
	// A compilation cache kept across runs makes the compile cheap after
	// the first run.
	s, err := New(context.Background(), Options{Engine: EngineAuto, AutoCompileAfter: 10, CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-wazero")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	createFunction(t, s, FunctionConfig{Name: "auto"}, buildDir(t, "guests/hello"))
	code := func() *compiledCode {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.functions["auto"].compiled
	}
	kind := func() Engine { return code().kind }
	if k := kind(); k != EngineInterpreter {
		t.Fatalf("new code loaded with %v, want the interpreter", k)
	}
	for i := 1; i <= 10; i++ {
		if res := invoke(t, s, "auto", `{"action":"greet","name":"x"}`); res.FunctionError != "" {
			t.Fatalf("invocation %d: %s", i, res.Payload)
		}
	}
	s.background.Wait()
	if k := kind(); k != EngineCompiler {
		t.Fatalf("after 10 invocations the code runs on %v, want the compiler", k)
	}
	// A Go module is instrumented (package interrupt), not compiled with
	// wazero's slower per-loop check.
	if !code().polled {
		t.Error("the compiled Go module fell back to wazero's per-loop check")
	}
	// The warm interpreted environment serves once more and retires; the
	// next environment runs compiled code.
	if res := invoke(t, s, "auto", `{"action":"greet","name":"last"}`); res.ColdStart {
		t.Error("the interpreted environment was dropped before serving")
	}
	res := invoke(t, s, "auto", `{"action":"greet","name":"compiled"}`)
	if !res.ColdStart || !strings.Contains(string(res.Payload), `"greeting":"hello compiled"`) {
		t.Errorf("cold=%v payload=%s", res.ColdStart, res.Payload)
	}
	if res := invoke(t, s, "auto", `{}`); res.ColdStart {
		t.Error("the compiled environment did not stay warm")
	}
	if err := s.UpdateFunctionCode(context.Background(), "auto", buildDir(t, "guests/bench")); err != nil {
		t.Fatal(err)
	}
	if k := kind(); k != EngineInterpreter {
		t.Errorf("updated code loaded with %v, want the interpreter again", k)
	}
}

func TestParseEngine(t *testing.T) {
	for in, want := range map[string]Engine{"": EngineAuto, "auto": EngineAuto, "compiler": EngineCompiler, "interpreter": EngineInterpreter} {
		if got, err := ParseEngine(in); err != nil || got != want || (in != "" && got.String() != in) {
			t.Errorf("ParseEngine(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseEngine("jit"); err == nil {
		t.Error("ParseEngine accepted jit")
	}
}
