package grade

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
	"go.yaml.in/yaml/v3"
)

// TestJWTThroughHTTPAPI grades checks whose requests carry signed tokens
// through a real stack: an HTTP API with a JWT authorizer of GradingIssuer,
// validated by sandbox/apigateway against the key set StackSandbox serves.
func TestJWTThroughHTTPAPI(t *testing.T) {
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "jwt", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	ex := &lessons.Exercise{
		Kind: lessons.KindHandler, Dir: "testdata/jwt", Files: []string{"main.go"},
		Template: read("template.yaml"), Checks: read("checks.yaml"),
	}
	g := &Grader{Sandbox: &StackSandbox{Options: sandbox.Options{Builder: b, CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-sandbox-test-wazero")}}}
	v, err := g.Grade(context.Background(), ex, map[string][]byte{"main.go": read("solution.go")}, Submit, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.Problem != "" || len(v.Diagnostics) > 0 {
		t.Fatalf("problem %q, diagnostics %v", v.Problem, v.Diagnostics)
	}
	if len(v.Checks) != 8 {
		t.Fatalf("%d checks, want 8", len(v.Checks))
	}
	for _, c := range v.Checks {
		if !c.Passed {
			var got []string
			for _, e := range c.Exchanges {
				got = append(got, e.Response)
			}
			t.Errorf("%s: %s (expected %s, actual %s; responses %v)", c.Name, c.Failure, c.Expected, c.Actual, got)
		}
	}
}

func TestGradingJWKS(t *testing.T) {
	for _, iss := range []string{GradingIssuer, GradingIssuer + "pool-1"} {
		set, err := GradingJWKS(iss)
		if err != nil {
			t.Fatalf("%s: %v", iss, err)
		}
		var keys struct {
			Keys []map[string]string `json:"keys"`
		}
		if err := json.Unmarshal(set, &keys); err != nil || len(keys.Keys) != 1 || keys.Keys[0]["kid"] != gradingKeyID || keys.Keys[0]["kty"] != "RSA" {
			t.Fatalf("%s: key set %s (%v)", iss, set, err)
		}
	}
	for _, iss := range []string{"https://cognito-idp.us-east-1.amazonaws.com/pool", "https://auth.learnsls.local", ""} {
		if _, err := GradingJWKS(iss); !errors.Is(err, ErrUnknownIssuer) {
			t.Errorf("%q: err %v, want ErrUnknownIssuer", iss, err)
		}
	}
}

// TestSignJWTClaims decodes the claims of signed tokens.
func TestSignJWTClaims(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		jwt  string
		want map[string]any
	}{
		{`{}`, map[string]any{"iss": GradingIssuer, "exp": float64(now.Add(time.Hour).Unix()), "iat": float64(now.Unix())}},
		{`{sub: u1, aud: app, scope: [a, b], exp: 5m}`, map[string]any{"iss": GradingIssuer, "sub": "u1", "aud": "app", "scope": "a b", "exp": float64(now.Add(5 * time.Minute).Unix())}},
		{`{aud: [x, y], expired: true, iss: "https://auth.learnsls.local/p"}`, map[string]any{"iss": "https://auth.learnsls.local/p", "aud": []any{"x", "y"}, "exp": float64(now.Add(-time.Minute).Unix())}},
		{`{claims: {email: a@b.c, client_id: app}}`, map[string]any{"email": "a@b.c", "client_id": "app"}},
	}
	for _, tt := range tests {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(tt.jwt), &n); err != nil {
			t.Fatal(err)
		}
		tok, err := signJWT(n.Content[0], now)
		if err != nil {
			t.Fatalf("%s: %v", tt.jwt, err)
		}
		parts := strings.Split(tok, ".")
		if len(parts) != 3 {
			t.Fatalf("%s: token %q", tt.jwt, tok)
		}
		raw, _ := base64.RawURLEncoding.DecodeString(parts[1])
		var got map[string]any
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatal(err)
		}
		for k, want := range tt.want {
			g, _ := json.Marshal(got[k])
			w, _ := json.Marshal(want)
			if string(g) != string(w) {
				t.Errorf("%s: claim %s = %s, want %s", tt.jwt, k, g, w)
			}
		}
	}
}

// TestParseJWTErrors reports bad jwt keys at their lines.
func TestParseJWTErrors(t *testing.T) {
	tests := []struct {
		jwt  string
		want string
	}{
		{"{sub: u, audience: x}", `checks.yaml:6: check "c": unknown jwt key "audience"`},
		{"{exp: soon}", `checks.yaml:6: check "c": jwt exp "soon" is not a duration`},
		{"{expired: maybe}", `checks.yaml:6: check "c": jwt expired must be true or false`},
		{"{exp: 1h, expired: true}", `checks.yaml:6: check "c": jwt has both exp and expired`},
		{"{aud: {a: b}}", `checks.yaml:6: check "c": jwt aud must be a string or a list of strings`},
		{"[a, b]", `checks.yaml:6: check "c": jwt must be a map of claims`},
		{"{claims: x}", `checks.yaml:6: check "c": jwt claims must be a map`},
	}
	for _, tt := range tests {
		src := "checks:\n  - name: c\n    message: m\n    steps:\n      - request:\n          jwt: " + tt.jwt + "\n          path: /me\n    expect: {status: 200}\n"
		_, err := Parse([]byte(src), "checks.yaml", "handler")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.jwt, err, tt.want)
		}
	}
	ok := "checks:\n  - name: c\n    message: m\n    steps:\n      - request: {path: /me, jwt: {sub: u, aud: [a], scope: s, exp: 2h, claims: {x: 1}}}\n      - request: {path: /me, jwt: }\n    expect: {status: 200}\n"
	if _, err := Parse([]byte(ok), "checks.yaml", "handler"); err != nil {
		t.Errorf("valid jwt steps: %v", err)
	}
	both := "checks:\n  - name: c\n    message: m\n    steps:\n      - request: {path: /me, token: abc, jwt: {sub: u}}\n    expect: {status: 200}\n"
	if _, err := Parse([]byte(both), "checks.yaml", "handler"); err == nil || !strings.Contains(err.Error(), "both token and jwt") {
		t.Errorf("token and jwt: %v", err)
	}
}

// FuzzSignJWT checks that no jwt map, valid or not, panics the checker or
// the signer, and that what the checker accepts can be signed.
func FuzzSignJWT(f *testing.F) {
	for _, s := range []string{"{}", "{sub: u, aud: [a, b], scope: x y, exp: 1h}", "{expired: true}", "{exp: x}", "[1]", "{claims: {a: [1, {b: c}]}}", "~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var n yaml.Node
		if yaml.Unmarshal([]byte(s), &n) != nil || len(n.Content) == 0 {
			return
		}
		var problems []string
		checkJWT(n.Content[0], func(_ int, msg string) { problems = append(problems, msg) })
		_, err := signJWT(n.Content[0], time.Unix(0, 0))
		if len(problems) == 0 && err != nil {
			t.Fatalf("%q passed the checker but did not sign: %v", s, err)
		}
	})
}

// BenchmarkSignJWT is the cost a jwt request step adds to a check.
func BenchmarkSignJWT(b *testing.B) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(`{sub: user-c, aud: weather-app, scope: [a, b]}`), &n); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	if _, err := gradingKey(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := signJWT(n.Content[0], now); err != nil {
			b.Fatal(err)
		}
	}
}
