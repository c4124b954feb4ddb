package web

import (
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/db"
)

// Cancelling Serve's context stops new connections at once but lets a
// request in flight finish before Serve returns.
func TestGracefulShutdownFinishesRequests(t *testing.T) {
	entered := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	ts := startServer(t, testCourse(t), t.TempDir(), func(o *Options) {
		o.Identify = func(c echo.Context) (int64, error) {
			if c.Path() == "/learn/:path" {
				once.Do(func() { close(entered) })
				<-release // hold the request in flight
			}
			return db.LocalLearnerID, nil
		}
	})
	type result struct {
		status int
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get(ts.URL + "/learn/basics")
		if err != nil {
			got <- result{err: err}
			return
		}
		resp.Body.Close()
		got <- result{status: resp.StatusCode}
	}()
	<-entered

	stopped := make(chan struct{})
	go func() { ts.Stop(); close(stopped) }()

	// Shutdown has begun once the listener refuses new connections.
	addr := ts.URL[len("http://"):]
	deadline := time.Now().Add(10 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		conn.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still accepts connections after shutdown began")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case <-stopped:
		t.Fatal("Serve returned while a request was still in flight")
	default:
	}

	close(release)
	r := <-got
	if r.err != nil || r.status != http.StatusOK {
		t.Errorf("in-flight request: status %d, error %v; want 200", r.status, r.err)
	}
	<-stopped
}
