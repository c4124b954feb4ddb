package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/db"
)

var servingLine = regexp.MustCompile(`serving the course at (http://\S+)`)

// startServe runs `learnsls serve` with args in the background and returns
// the URL it printed, and a func that stops it (like Ctrl+C) and returns
// its exit code.
func startServe(t *testing.T, args ...string) (string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	var errOut strings.Builder
	codeC := make(chan int, 1)
	go func() {
		code := Run(ctx, append([]string{"serve"}, args...), nil, outW, &lockedWriter{w: &errOut})
		outW.Close()
		codeC <- code
	}()
	lines := bufio.NewScanner(outR)
	var url string
	for lines.Scan() {
		if m := servingLine.FindStringSubmatch(lines.Text()); m != nil {
			url = m[1]
			break
		}
	}
	go io.Copy(io.Discard, outR) // keep draining so serve never blocks on stdout
	if url == "" {
		cancel()
		code := <-codeC
		t.Fatalf("serve exited (%d) without printing its URL; stderr:\n%s", code, errOut.String())
	}
	stopped := false
	stop := func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		select {
		case code := <-codeC:
			return code
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop after its context was cancelled")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return url, stop
}

func TestServeEmbeddedCourse(t *testing.T) {
	data := t.TempDir()
	url, stop := startServe(t, "--addr", "127.0.0.1:0", "--data", data, "--warm=false")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("printed URL %q", url)
	}
	for _, path := range []string{"", "healthz", "static/app.css"} {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET /%s: %d", path, resp.StatusCode)
		}
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exited %d after Ctrl+C, want 0", code)
	}
	if _, err := os.Stat(filepath.Join(data, db.FileName)); err != nil {
		t.Errorf("no database in the data directory: %v", err)
	}
}

// With --warm (the default) pages show the build-cache banner while the Go
// packages compile in the background.
func TestServeShowsWarmBanner(t *testing.T) {
	url, stop := startServe(t, "--addr", "127.0.0.1:0", "--data", t.TempDir())
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "status-banner") || !strings.Contains(string(body), "Go") {
		t.Errorf("home page has no build banner while warming:\n%s", body)
	}
	if code := stop(); code != 0 { // cancels the warm-up too
		t.Errorf("serve exited %d", code)
	}
}

func TestServeErrors(t *testing.T) {
	corrupt := t.TempDir()
	os.WriteFile(filepath.Join(corrupt, db.FileName), []byte("my notes"), 0o600)
	badCourse := t.TempDir()
	os.MkdirAll(filepath.Join(badCourse, "00-empty"), 0o755)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"postgres", []string{"--db", "postgres://u:pw@h/db"}, 1, "PostgreSQL is not supported yet"},
		{"corrupt database", []string{"--data", corrupt}, 1, "untouched"},
		{"missing content dir", []string{"--content", "/no/such/course"}, 1, "--content /no/such/course"},
		{"invalid course", []string{"--content", badCourse}, 1, "learnsls check --content " + badCourse},
		{"bad address", []string{"--addr", "nonsense"}, 1, "check --addr"},
		{"stray argument", []string{"extra"}, 2, `unexpected argument "extra"`},
		{"bad log format", []string{"--log", "xml"}, 2, "use text or json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"serve", "--addr", "127.0.0.1:0"}, tt.args...)
			if !strings.Contains(strings.Join(tt.args, " "), "--data") {
				args = append(args, "--data", t.TempDir())
			}
			var out, errOut strings.Builder
			code := Run(context.Background(), args, nil, &out, &errOut)
			if code != tt.wantCode || !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant it to contain %q", code, tt.wantCode, errOut.String(), tt.want)
			}
			if strings.Contains(errOut.String(), "pw@") {
				t.Error("stderr shows the database password")
			}
		})
	}
}

func TestBrowserURL(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "http://127.0.0.1:8080/",
		"0.0.0.0:8080":   "http://127.0.0.1:8080/",
		"[::]:8080":      "http://127.0.0.1:8080/",
		"[::1]:8080":     "http://[::1]:8080/",
	} {
		if got := browserURL(fakeAddr(addr)); got != want {
			t.Errorf("browserURL(%s) = %s, want %s", addr, got, want)
		}
	}
}

type fakeAddr string

func (a fakeAddr) Network() string { return "tcp" }
func (a fakeAddr) String() string  { return string(a) }

// BenchmarkStartToFirstRequest measures what a learner waits for after
// typing `learnsls serve`: load the embedded course, open (and create) the
// database, listen, and answer the first page. Target: ≤ 300 ms.
func BenchmarkStartToFirstRequest(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		data := b.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		b.StartTimer()

		a, err := startApp(ctx, serveConfig{Addr: "127.0.0.1:0", DataDir: data, Logger: discardLogger()})
		if err != nil {
			b.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- a.serve(ctx) }()
		resp, err := http.Get(a.url)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("first request: %d", resp.StatusCode)
		}

		b.StopTimer()
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		http.DefaultClient.CloseIdleConnections()
		b.StartTimer()
	}
}
