package cli

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
)

// syncBuffer is a bytes.Buffer safe for the command's writes and the
// test's reads.
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

// TestDeployServesTheAPI deploys the greeting handler from files, like
// `sam local start-api`, and calls it over HTTP.
func TestDeployServesTheAPI(t *testing.T) {
	src := filepath.Join("..", "..", "..", "lessons", "grade", "testdata", "hello")
	dir := t.TempDir()
	for from, to := range map[string]string{"template.yaml": "template.yaml", "solution.go": "main.go"} {
		b, err := os.ReadFile(filepath.Join(src, from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"deploy", "--template", filepath.Join(dir, "template.yaml"), "--addr", addr,
			"--data", filepath.Join(os.TempDir(), "learnsls-cli-grade-test-data")}, strings.NewReader(""), &out, &errOut)
	}()

	// Poll until the API answers (the first deploy builds the handler).
	deadline := time.Now().Add(3 * time.Minute)
	var body string
	for {
		resp, err := http.Post("http://"+addr+"/hello", "application/json", strings.NewReader(`{"first_name":"Ada","last_name":"Lovelace"}`))
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				body = string(b)
				break
			}
		}
		select {
		case code := <-done:
			t.Fatalf("deploy exited early with %d\nstdout: %s\nstderr: %s", code, out.String(), errOut.String())
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("API never answered 200 (last error %v)\nstdout: %s\nstderr: %s", err, out.String(), errOut.String())
		}
	}
	if body != `{"message":"Hello Ada Lovelace!"}` {
		t.Errorf("body %s", body)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d after Ctrl+C\nstderr: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "REPORT RequestId:") {
		t.Errorf("function logs not streamed to the terminal:\n%s", out.String())
	}
}
