package sandbox

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/sandbox/lambda"
)

// deployUsers deploys testdata/users (the classic users service) into a
// fresh stack. The build cache is shared with other sandbox tests across
// runs: warming it costs seconds once.
func deployUsers(t testing.TB) *Stack {
	t.Helper()
	return deployUsersWith(t, lambda.EngineAuto)
}

// deployUsersWith is deployUsers with a chosen wazero engine.
func deployUsersWith(t testing.TB, engine lambda.Engine) *Stack {
	t.Helper()
	ctx := context.Background()
	s := newStackWithEngine(t, 0, engine)
	tmpl, _ := os.ReadFile("testdata/users/template.yaml")
	code, _ := os.ReadFile("testdata/users/main.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"users/main.go": code}, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestUsersServiceOverLoopback(t *testing.T) {
	s := deployUsers(t)
	h, err := s.Handler("", false)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	do := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	steps := []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"GET", "/Prod/users/u1", "", 404, `{"message":"no user u1"}`},
		{"PUT", "/Prod/users/u1", `{"name":"Ada"}`, 200, `{"id":"u1","name":"Ada"}`},
		{"GET", "/Prod/users/u1", "", 200, `{"id":"u1","name":"Ada"}`},
		{"PUT", "/Prod/users/u1", `{}`, 400, `{"message":"send {\"name\": ...}"}`},
		{"PUT", "/Prod/ro/users/u2", `{"name":"Bob"}`, 502, `{"message": "Internal server error"}`}, // read-only role: PutItem denied
		{"DELETE", "/Prod/users/u1", "", 204, ""},
		{"GET", "/Prod/users/u1", "", 404, `{"message":"no user u1"}`},
		{"POST", "/Prod/users/u1", "", 403, `{"message":"Missing Authentication Token"}`},
	}
	for i, st := range steps {
		status, body := do(st.method, st.path, st.body)
		if status != st.status || body != st.want {
			t.Errorf("step %d %s %s: %d %s, want %d %s", i, st.method, st.path, status, body, st.status, st.want)
		}
	}
	// Table contents: the first PUT wrote u1, the DELETE removed it, the
	// denied PUT never wrote u2.
	if items, err := s.Items(context.Background(), "UsersTable"); err != nil || len(items) != 0 {
		t.Errorf("table after the run = %v, %v; want empty", items, err)
	}
	d := s.Denials()
	if len(d) != 1 || !strings.Contains(d[0], "is not authorized to perform: dynamodb:PutItem") {
		t.Errorf("denials = %q", d)
	}
	logs := strings.Join(s.Logs(), "\n")
	if !strings.Contains(logs, "START RequestId:") || !strings.Contains(logs, "PUT /users/u1") {
		t.Errorf("logs = %s", logs)
	}
	if n := s.Invocations("UsersFunction"); n != 6 {
		t.Errorf("UsersFunction invocations = %d, want 6", n)
	}
}

func TestStackTablesResetAndRedeploy(t *testing.T) {
	s := deployUsers(t)
	ctx := context.Background()
	if err := s.PutItems(ctx, "UsersTable", []map[string]any{{"id": map[string]any{"S": "u9"}, "name": map[string]any{"S": "Eve"}}}); err != nil {
		t.Fatal(err)
	}
	r, err := s.Request(ctx, "", httptest.NewRequest("GET", "/users/u9", nil))
	if err != nil || r.StatusCode != 200 || string(r.Body) != `{"id":"u9","name":"Eve"}` {
		t.Fatalf("GET seeded user: %v %+v", err, r)
	}
	// A redeploy keeps the table's items.
	tmpl, _ := os.ReadFile("testdata/users/template.yaml")
	code, _ := os.ReadFile("testdata/users/main.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"users/main.go": code}, nil); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Items(ctx, "UsersTable")
	if len(items) != 1 {
		t.Errorf("items after redeploy = %v", items)
	}
	if err := s.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	items, _ = s.Items(ctx, "UsersTable")
	if len(items) != 1 || s.Invocations("UsersFunction") != 0 || len(s.Logs()) != 0 {
		t.Errorf("after reset: items %v, invocations %d, logs %d", items, s.Invocations("UsersFunction"), len(s.Logs()))
	}
}

func TestDeployReportsTemplateAndBuildErrors(t *testing.T) {
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(context.Background(), Options{Builder: b})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	tmpl, _ := os.ReadFile("testdata/users/template.yaml")
	if _, err := NewDeployed(context.Background(), Options{Builder: b}, []byte("Resources: {}"), nil, nil); err == nil || !strings.Contains(err.Error(), "[E1001]") {
		t.Errorf("NewDeployed with an empty template: %v", err)
	}
	err = s.Deploy(context.Background(), []byte(strings.Replace(string(tmpl), "provided.al2023", "go1.x", 1)), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "[E3030] You must specify a valid value for Runtime (go1.x)") {
		t.Errorf("template error = %v", err)
	}
	err = s.Deploy(context.Background(), tmpl, map[string][]byte{"users/main.go": []byte("package main\n\nfunc main() {\n\tx := 1\n}\n")}, nil)
	var de *build.DiagnosticsError
	if err == nil || !errors.As(err, &de) || !strings.Contains(de.Error(), "declared and not used") {
		t.Errorf("build error = %v", err)
	}
}

func TestLocalHandlerAndMux(t *testing.T) {
	s := deployUsers(t)
	ctx := context.Background()
	if err := s.PutItems(ctx, "UsersTable", []map[string]any{{"id": map[string]any{"S": "u1"}, "name": map[string]any{"S": "Ada"}}}); err != nil {
		t.Fatal(err)
	}
	apiID := s.Model().Resource("ServerlessRestApi").PhysicalID
	cases := []struct {
		name   string
		h      http.Handler
		path   string
		status int
		body   string
	}{
		{"local at root", s.LocalHandler(), "/users/u1", 200, `{"id":"u1","name":"Ada"}`},
		{"local unknown route", s.LocalHandler(), "/nope", 403, `{"message":"Missing Authentication Token"}`},
		{"mux by api id and stage", s.Mux(), "/" + apiID + "/Prod/users/u1", 200, `{"id":"u1","name":"Ada"}`},
		{"mux wrong stage", s.Mux(), "/" + apiID + "/Dev/users/u1", 403, `{"message":"Missing Authentication Token"}`},
		{"mux unknown api", s.Mux(), "/zzzzzzzzzz/Prod/users/u1", 404, `{"message":"no API with that ID in this stack"}`},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		c.h.ServeHTTP(rec, httptest.NewRequest("GET", c.path, nil))
		if rec.Code != c.status || rec.Body.String() != c.body {
			t.Errorf("%s: %d %s, want %d %s", c.name, rec.Code, rec.Body, c.status, c.body)
		}
	}
}
