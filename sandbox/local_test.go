package sandbox

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
)

// syncBuffer is an io.Writer safe to read while RunLocal writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunLocalServesAndReloads(t *testing.T) {
	dir := t.TempDir()
	tmpl, _ := os.ReadFile("testdata/users/template.yaml")
	code, _ := os.ReadFile("testdata/users/main.go.txt")
	if err := os.MkdirAll(filepath.Join(dir, "users"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("template.yaml", tmpl)
	write("users/main.go", code)
	b, err := build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- RunLocal(ctx, LocalOptions{Stack: Options{Builder: b, CompilationCacheDir: filepath.Join(os.TempDir(), "learnsls-sandbox-test-wazero")},
			TemplatePath: filepath.Join(dir, "template.yaml"), Listener: ln, Out: out, Poll: 50 * time.Millisecond})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("RunLocal: %v", err)
		}
	}()
	base := "http://" + ln.Addr().String()
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; output:\n%s", what, out.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitFor("the API", func() bool { st, _ := get("/users/u1"); return st == 404 })
	if st, body := get("/users/u1"); st != 404 || body != `{"message":"no user u1"}` {
		t.Errorf("GET at root: %d %s", st, body)
	}
	o := out.String()
	for _, want := range []string{"Mounting UsersFunction at " + base + "/users/{id} [DELETE, GET, PUT]", "Mounting ReadOnlyFunction at " + base + "/ro/users/{id} [PUT]", "START RequestId:", "GET /users/u1"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	// Hot reload: change the handler's message.
	write("users/main.go", bytes.Replace(code, []byte(`"no user "`), []byte(`"nobody called "`), 1))
	waitFor("the redeploy", func() bool { _, body := get("/users/u1"); return body == `{"message":"nobody called u1"}` })
	if !strings.Contains(out.String(), "Redeployed.") {
		t.Errorf("output lacks the redeploy:\n%s", out.String())
	}
	// A broken change is reported; the last good version keeps serving.
	write("users/main.go", []byte("package main\n\nfunc main() {\n\tx := 1\n}\n"))
	waitFor("the failure report", func() bool { return strings.Contains(out.String(), "Redeploy failed") })
	if st, body := get("/users/u1"); st != 404 || body != `{"message":"nobody called u1"}` {
		t.Errorf("after a failed redeploy: %d %s", st, body)
	}
}
