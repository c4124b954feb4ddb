package lambda

import (
	"context"
	"testing"
)

// TestCodeCacheSharesCompiledCode: Services sharing a CodeCache reuse the
// compiled form of the same code, keep the most recent codes compiled after
// closing, release the rest, and never share instances.
func TestCodeCacheSharesCompiledCode(t *testing.T) {
	ctx := context.Background()
	cc, err := NewCodeCache(ctx, EngineInterpreter, "", 1)
	if err != nil {
		t.Fatal(err)
	}
	defer cc.Close(ctx)
	hello, other := buildDir(t, "guests/hello"), buildDir(t, "guests/bench")

	first := newTestService(t, Options{CodeCache: cc})
	createFunction(t, first, FunctionConfig{Name: "hello"}, hello)
	compiled := first.functions["hello"].compiled
	if res := invoke(t, first, "hello", `{"name":"Ada"}`); res.FunctionError != "" {
		t.Fatalf("first account: %s", res.Payload)
	}
	if err := first.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if n := cc.e.loaded(); n != 1 {
		t.Fatalf("after the first account closed %d codes are loaded, want the 1 kept", n)
	}

	// A new account with the same code gets the kept compiled code, and
	// resets (UpdateFunctionConfiguration) reuse it too.
	second := newTestService(t, Options{CodeCache: cc})
	createFunction(t, second, FunctionConfig{Name: "hello"}, hello)
	if second.functions["hello"].compiled != compiled {
		t.Error("the same code was compiled again for a new account")
	}
	if _, err := second.UpdateFunctionConfiguration(ctx, FunctionConfig{Name: "hello"}); err != nil {
		t.Fatal(err)
	}
	if second.functions["hello"].compiled != compiled {
		t.Error("a reset compiled the code again")
	}
	// Two accounts at once run their own instances of shared code.
	third := newTestService(t, Options{CodeCache: cc})
	createFunction(t, third, FunctionConfig{Name: "hello"}, hello)
	for _, s := range []*Service{second, third} {
		if res := invoke(t, s, "hello", `{"name":"Lin"}`); res.FunctionError != "" || !res.ColdStart {
			t.Fatalf("shared code: %s (a cold start expected)\n%s", res.Payload, res.Logs)
		}
	}
	// Other code evicts the least recent once nothing uses it.
	createFunction(t, third, FunctionConfig{Name: "other"}, other)
	second.Close(ctx)
	third.Close(ctx)
	if n := cc.e.loaded(); n != 1 {
		t.Fatalf("%d codes loaded after every account closed, want the 1 kept", n)
	}
	fourth := newTestService(t, Options{CodeCache: cc})
	createFunction(t, fourth, FunctionConfig{Name: "hello"}, hello)
	if fourth.functions["hello"].compiled == compiled {
		t.Error("evicted code was not compiled again")
	}
	if res := invoke(t, fourth, "hello", `{"name":"Grace"}`); res.FunctionError != "" {
		t.Fatalf("after eviction: %s", res.Payload)
	}
}
